package checklist_test

import (
	"strings"
	"testing"

	"deelwijzer/checklist"
)

// TestConditionEvaluation: every operator of the condition language at its
// boundary, with numbers, counts, dates, text and empty answers. The
// condition is the when of finding f in the small definition, so the table
// reads "with these answers, does the finding apply?". The real definitions
// use only ==, != and >=, so without this table a wrong < or > would only be
// found by a visitor.
func TestConditionEvaluation(t *testing.T) {
	const (
		none     = `{}`
		day      = `{"d":"2026-01-01"}`
		oneMulti = `{"m":["p"]}`
		twoMulti = `{"m":["p","q"]}`
		// One filled row and one empty row: the empty row does not count.
		oneRow  = `{"g":[{"naam":"n"},{}]}`
		twoRows = `{"g":[{"naam":"n"},{"keuze":"k1"}]}`
		yes     = `{"a":"ja","b":"x","t":"iets"}`
	)
	cases := []struct {
		cond, answers string
		want          bool
	}{
		// Literals: < <= > >= at, below and above the boundary.
		{`1 < 2`, none, true},
		{`2 < 2`, none, false},
		{`3 < 2`, none, false},
		{`1 <= 2`, none, true},
		{`2 <= 2`, none, true},
		{`3 <= 2`, none, false},
		{`1 > 2`, none, false},
		{`2 > 2`, none, false},
		{`3 > 2`, none, true},
		{`1 >= 2`, none, false},
		{`2 >= 2`, none, true},
		{`3 >= 2`, none, true},
		{`2 == 2`, none, true},
		{`2 == 3`, none, false},
		{`2 != 2`, none, false},
		{`2 != 3`, none, true},
		{`-5 < 3`, none, true},
		{`-5 > -6`, none, true},
		{`0 == -0`, none, true},

		// count() of a multi: 0 when unanswered.
		{`count(m) == 0`, none, true},
		{`count(m) < 1`, none, true},
		{`count(m) >= 1`, none, false},
		{`count(m) == 1`, oneMulti, true},
		{`count(m) < 1`, oneMulti, false},
		{`count(m) <= 1`, oneMulti, true},
		{`count(m) > 1`, oneMulti, false},
		{`count(m) >= 1`, oneMulti, true},
		{`count(m) >= 2`, oneMulti, false},
		{`count(m) >= 2`, twoMulti, true},
		{`count(m) > 1`, twoMulti, true},
		{`count(m) != 2`, twoMulti, false},
		{`2 <= count(m)`, twoMulti, true},
		{`2 < count(m)`, twoMulti, false},

		// count() of a group counts rows with something in them.
		{`count(g) == 0`, none, true},
		{`count(g) == 1`, oneRow, true},
		{`count(g) > 1`, oneRow, false},
		{`count(g) >= 1`, oneRow, true},
		{`count(g) == 2`, twoRows, true},
		{`count(g) > 1 and count(g) < 3`, twoRows, true},
		{`count(g) <= 1`, twoRows, false},

		// Dates compare in calendar order, written jjjj-mm-dd.
		{`d == "2026-01-01"`, day, true},
		{`d != "2026-01-01"`, day, false},
		{`d < "2026-01-01"`, day, false},
		{`d < "2026-01-02"`, day, true},
		{`d <= "2026-01-01"`, day, true},
		{`d <= "2025-12-31"`, day, false},
		{`d > "2026-01-01"`, day, false},
		{`d > "2025-12-31"`, day, true},
		{`d >= "2026-01-01"`, day, true},
		{`d >= "2026-01-02"`, day, false},
		{`"2025-12-31" < d`, day, true},
		{`"2026-01-01" < d`, day, false},
		{`"2026-01-01" >= d`, day, true},

		// An unanswered date is neither before nor after anything, and is
		// not equal to a date either.
		{`d < "2026-01-01"`, none, false},
		{`d <= "2026-01-01"`, none, false},
		{`d > "2026-01-01"`, none, false},
		{`d >= "2026-01-01"`, none, false},
		{`"2026-01-01" > d`, none, false},
		{`"2026-01-01" <= d`, none, false},
		{`d == "2026-01-01"`, none, false},
		{`d != "2026-01-01"`, none, true},
		{`d == d`, none, true},
		{`d >= d`, none, false},

		// Text and choices.
		{`a == "ja"`, yes, true},
		{`a != "ja"`, yes, false},
		{`a == "nee"`, yes, false},
		{`a != "nee"`, yes, true},
		{`a == "ja"`, none, false},
		{`a != "ja"`, none, true},
		{`b == "x"`, yes, true},
		{`t == "iets"`, yes, true},
		{`t == "iets"`, `{"t":"iets anders"}`, false},

		// true/false and comparisons of conditions.
		{`true`, none, true},
		{`false`, none, false},
		{`true == false`, none, false},
		{`true != false`, none, true},
		{`false == false`, none, true},
		{`(a == "ja") == (b == "x")`, yes, true},
		{`(a == "ja") != (b == "y")`, yes, true},

		// and, or, not: the whole truth table.
		{`true and true`, none, true},
		{`true and false`, none, false},
		{`false and true`, none, false},
		{`false and false`, none, false},
		{`true or true`, none, true},
		{`true or false`, none, true},
		{`false or true`, none, true},
		{`false or false`, none, false},
		{`not true`, none, false},
		{`not false`, none, true},
		{`not not true`, none, true},
		{`not (true and false)`, none, true},
		{`not true or true`, none, true},
		{`false and false or true`, none, true},
		{`false and (false or true)`, none, false},

		// answered(): empty text, an empty list and empty rows are no answer.
		{`answered(a)`, yes, true},
		{`answered(a)`, none, false},
		{`answered(t)`, `{"t":"   "}`, false},
		{`answered(d)`, day, true},
		{`answered(m)`, oneMulti, true},
		{`answered(m)`, `{"m":[]}`, false},
		{`answered(g)`, oneRow, true},
		{`answered(g)`, `{"g":[{},{"naam":""}]}`, false},

		// includes(): only the options chosen.
		{`includes(m, "p")`, oneMulti, true},
		{`includes(m, "q")`, oneMulti, false},
		{`includes(m, "q")`, twoMulti, true},
		{`includes(m, "p")`, none, false},
		{`not includes(m, "p")`, none, true},

		// A hidden question reads as unanswered: last is shown only when
		// a == "ja".
		{`answered(last)`, `{"a":"ja","last":"ja"}`, true},
		{`answered(last)`, `{"a":"nee","last":"ja"}`, false},
		{`last == "ja"`, `{"a":"nee","last":"ja"}`, false},
		{`last != "ja"`, `{"a":"nee","last":"ja"}`, true},
	}
	for _, c := range cases {
		t.Run(c.cond+" "+c.answers, func(t *testing.T) {
			src := smallWith(`a == "ja"`, c.cond, "x")
			// last may only refer back, so the finding is the one place
			// every question can be named.
			def, _, err := loadQuiet(src)
			if err != nil {
				t.Fatalf("does not load: %v", err)
			}
			st := checklist.Evaluate(def, answersFromJSON(t, def, c.answers))
			got := len(st.Findings) == 1 && st.Findings[0].ID == "f"
			if len(st.Findings) > 1 {
				t.Fatalf("findings %+v", st.Findings)
			}
			if got != c.want {
				t.Errorf("%s with %s = %v, want %v", c.cond, c.answers, got, c.want)
			}
		})
	}
}

// TestConditionThroughReference: van.soort reads the field of the row van
// points at, at the top level and per row (also from a group that follows
// the rows); with no row chosen, a removed row or a row without that field
// it is unanswered, so "!=" holds and answered() does not.
func TestConditionThroughReference(t *testing.T) {
	def := loadYAML(t, `
id: door
title: "Door"
version: "1.0.0"
date: "2026-11-30"
description: "Velden van de rij waar een verwijzing naar wijst."
sections:
  - id: s
    title: "Vul in"
    items:
      - id: organisaties
        kind: group
        question: "Organisaties"
        rowTitle: naam
        fields:
          - {id: naam, kind: text, question: "Naam"}
          - {id: soort, kind: choice, question: "Soort", options: [{value: politie, label: "Politie"}, {value: gemeente, label: "Gemeente"}]}
      - {id: hoofd, kind: ref, ref: organisaties, question: "Hoofdaannemer"}
      - id: deelmomenten
        kind: group
        question: "Deelmomenten"
        fields:
          - {id: van, kind: ref, ref: organisaties, question: "Van"}
          - {id: gegevens, kind: text, question: "Gegevens"}
      - id: toets
        kind: group
        question: "Toets"
        rowsFrom: deelmomenten
        fields:
          - {id: grondslag, kind: text, question: "Grondslag"}
findings:
  - {id: hoofd-politie, severity: info, when: 'hoofd.soort == "politie"', text: "x", roles: [fg]}
  - {id: politie, severity: info, forEach: deelmomenten, when: 'van.soort == "politie"', text: "x", roles: [fg]}
  - {id: geen-politie, severity: info, forEach: toets, when: 'van.soort != "politie"', text: "x", roles: [fg]}
  - {id: soort-onbekend, severity: info, forEach: toets, when: 'not answered(van.soort)', text: "x", roles: [fg]}
`)
	answers := answersFromJSON(t, def, `{
	  "organisaties": [{"_id": "p", "naam": "Politie Noord", "soort": "politie"}, {"_id": "g", "naam": "Gemeente"}],
	  "hoofd": "p",
	  "deelmomenten": [{"_id": "d1", "van": "p"}, {"_id": "d2", "van": "g"}, {"_id": "d3", "van": "weg"}, {"_id": "d4", "gegevens": "Naam"}],
	  "toets": [{"_id": "d1"}, {"_id": "d2"}, {"_id": "d3"}, {"_id": "d4", "grondslag": "nog open"}]
	}`)
	var got []string
	for _, f := range checklist.Evaluate(def, answers).Findings {
		if f.ID != checklist.FindingRemovedRow {
			got = append(got, f.ID+"#"+string(rune('1'+f.Row)))
		}
	}
	want := "hoofd-politie#0 politie#1 geen-politie#2 geen-politie#3 geen-politie#4 soort-onbekend#2 soort-onbekend#3 soort-onbekend#4"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("findings\n got %s\nwant %s", s, want)
	}
}
