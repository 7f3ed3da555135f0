package checklist_test

import (
	"strings"
	"testing"

	"deelwijzer/checklist"
)

// TestOldSamenwerkingFileMovesPartners: a file of samenwerking 2.0.0 has the
// partner's name and type in the rows of partners; they move to the rows of
// the shared group organisaties (naam, soort), the rest stays, and nothing
// is reported as "no longer fits".
func TestOldSamenwerkingFileMovesPartners(t *testing.T) {
	def := loadShipped(t, "samenwerking")
	old := `{"schema":"deelwijzer-antwoorden","schemaVersion":1,"checklist":"samenwerking","definitionVersion":"2.0.0","exported":"2026-11-29T10:00:00Z","answers":{
	  "partners":[
	    {"naam":"Gemeente Zaanstad","partner":"wmo-jeugd-wijkteam","publieke-taak":"ja","grondslag":"algemeen-belang"},
	    {"naam":"Woonstichting","grondslag":"gerechtvaardigd-belang"},
	    {"partner":"politie","taak":"Signaleren"}
	  ]}}`
	res, err := checklist.Import(def, old)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dropped) != 0 {
		t.Fatalf("dropped %+v", res.Dropped)
	}
	got := checklist.JSONText(checklist.EncodeAnswers(def, res.Answers))
	// Each partners row follows its organisation by the row id.
	want := `{"organisaties":[{"_id":"organisaties-1","naam":"Gemeente Zaanstad","soort":"wmo-jeugd-wijkteam"},{"_id":"organisaties-2","naam":"Woonstichting"},{"_id":"organisaties-3","soort":"politie"}],"partners":[{"_id":"organisaties-1","publieke-taak":"ja","grondslag":"algemeen-belang"},{"_id":"organisaties-2","grondslag":"gerechtvaardigd-belang"},{"_id":"organisaties-3","taak":"Signaleren"}]}`
	if got != want {
		t.Errorf("answers\n got %s\nwant %s", got, want)
	}
	// The finding per partner still names the organisation.
	st := checklist.Evaluate(def, res.Answers)
	found := false
	for _, f := range st.Findings {
		if f.ID == "afspraak-geen-grondslag" || strings.Contains(f.Text, "Partner Woonstichting kiest gerechtvaardigd belang") {
			found = true
		}
	}
	if !found {
		t.Errorf("no finding names Woonstichting: %+v", st.Findings)
	}

	// A file that claims the current version is not moved: it does not fit
	// and is refused whole, as any damaged file of this version.
	same := strings.Replace(old, `"2.0.0"`, `"`+def.Version+`"`, 1)
	if _, err := checklist.Import(def, same); err == nil {
		t.Errorf("a %s file with partners.naam was accepted", def.Version)
	}
}

// TestMoveNeverOverwrites: an answer only moves onto an empty place; what
// cannot move stays and is listed as not fitting.
func TestMoveNeverOverwrites(t *testing.T) {
	def := loadShipped(t, "samenwerking")
	old := `{"schema":"deelwijzer-antwoorden","schemaVersion":1,"checklist":"samenwerking","definitionVersion":"2.0.0","exported":"x","answers":{
	  "organisaties":[{"naam":"Al ingevuld"}],
	  "partners":[{"naam":"Oud"}]}}`
	res, err := checklist.Import(def, old)
	if err != nil {
		t.Fatal(err)
	}
	if got := checklist.JSONText(checklist.EncodeAnswers(def, res.Answers)); !strings.Contains(got, `"naam":"Al ingevuld"`) {
		t.Errorf("answers %s", got)
	}
	if len(res.Dropped) != 1 || res.Dropped[0].Item != "partners.0.naam" {
		t.Errorf("dropped %+v; answers %s", res.Dropped, checklist.JSONText(checklist.EncodeAnswers(def, res.Answers)))
	}
}

// TestMovedChecked: defcheck's loader refuses a move to a place that does
// not exist, or from a field to a question.
func TestMovedChecked(t *testing.T) {
	skipWithoutAuthorChecks(t)
	base := `id: t
title: T
version: "2.0.0"
date: "2026-11-30"
description: d
sections:
  - id: s
    title: S
    items:
      - {id: a, kind: text, question: "A"}
      - id: g
        kind: group
        question: "G"
        fields: [{id: f, kind: text, question: "F"}]
moved:
`
	for move, want := range map[string]string{
		`  - {from: oud, to: a, before: "2.0.0"}`:   "",
		`  - {from: h.f, to: g.f, before: "2.0.0"}`: "",
		`  - {from: oud, to: b, before: "2.0.0"}`:   "geen vraag of veld",
		`  - {from: h.f, to: g.x, before: "2.0.0"}`: "geen vraag of veld",
		`  - {from: h.f, to: a, before: "2.0.0"}`:   "een veld van een groep gaat naar een veld",
		`  - {from: h., to: g.f, before: "2.0.0"}`:  "groep.veld",
		`  - {from: oud, to: a, before: "twee"}`:    "geen versienummer",
	} {
		_, _, err := loadQuiet(base + move + "\n")
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("%s: %v, want %q", move, err, want)
		}
	}
}
