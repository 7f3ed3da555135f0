package checklist_test

import (
	"strconv"
	"testing"

	"deelwijzer/checklist"
)

// TestStepStatusOptional: a step is afgerond once every visible required
// question is answered and nothing in it is missing or wrong; optional
// questions may stay empty. A step without visible required questions asks
// for all of them, and a required question that is hidden does not count.
func TestStepStatusOptional(t *testing.T) {
	def := loadYAML(t, `id: status
title: "Status"
version: "1.0.0"
date: "2026-11-30"
description: "Test"
sections:
  - id: een
    title: "Verplicht en optioneel"
    items:
      - {id: a, kind: yesno, question: "A?", required: true}
      - {id: d, kind: date, question: "D?"}
      - {id: g, kind: group, question: "G?", fields: [{id: naam, kind: text, question: "Naam", required: true}, {id: rol, kind: text, question: "Rol"}]}
  - id: twee
    title: "Niets verplicht"
    items:
      - {id: p, kind: text, question: "P?"}
      - {id: q, kind: text, question: "Q?"}
  - id: drie
    title: "Verborgen verplicht"
    items:
      - {id: e, kind: yesno, question: "E?", required: true}
      - {id: f, kind: yesno, question: "F?", required: true, showIf: 'e == "ja"'}
      - {id: h, kind: text, question: "H?"}
  - id: vier
    title: "Verplichte groep"
    items:
      - {id: r, kind: group, question: "R?", required: true, fields: [{id: naam, kind: text, question: "Naam", required: true}, {id: noot, kind: text, question: "Noot"}]}
      - {id: o, kind: text, question: "O?"}
`)
	cases := []struct{ answers, step, want string }{
		// Required answered, optional ones empty: done.
		{`{"a":"ja"}`, "een", "afgerond 1/3"},
		// An optional answer that is filled in wrong keeps the step open.
		{`{"a":"ja","d":"2026-02-31"}`, "een", "bezig 1/3"},
		// So does a half-filled row of an optional group.
		{`{"a":"ja","g":[{"rol":"Uitvoerder"}]}`, "een", "bezig 2/3"},
		{`{"a":"ja","g":[{"naam":"Jansen"}]}`, "een", "afgerond 2/3"},
		// Only optional answers, the required one open.
		{`{"d":"2026-02-03"}`, "een", "bezig 1/3"},
		{`{}`, "een", "niet-gestart 0/3"},
		// Without required questions one answer does not finish the step.
		{`{"p":"x"}`, "twee", "bezig 1/2"},
		{`{"p":"x","q":"y"}`, "twee", "afgerond 2/2"},
		// A hidden required question does not count; a shown one does.
		{`{"e":"nee"}`, "drie", "afgerond 1/2"},
		{`{"e":"ja"}`, "drie", "bezig 1/3"},
		{`{"e":"ja","f":"nee"}`, "drie", "afgerond 2/3"},
		// A required group needs a complete row.
		{`{"o":"x"}`, "vier", "bezig 1/2"},
		{`{"r":[{"noot":"x"}]}`, "vier", "bezig 1/2"},
		{`{"r":[{"naam":"Jansen"}]}`, "vier", "afgerond 1/2"},
	}
	for _, c := range cases {
		st := checklist.Evaluate(def, answersFromJSON(t, def, c.answers))
		got := "geen stap"
		for _, s := range st.Sections {
			if s.ID == c.step {
				got = s.Status + " " + strconv.Itoa(s.Answered) + "/" + strconv.Itoa(s.Total)
			}
		}
		if got != c.want {
			t.Errorf("%s, stap %s: %s, want %s", c.answers, c.step, got, c.want)
		}
	}
}
