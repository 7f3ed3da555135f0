package checklist_test

import (
	"strings"
	"testing"

	"deelwijzer/checklist"
)

// Tests written for mutants that `make mutate` found alive; each names the
// rule it pins down. testdata/mutants.md lists the ones that are harmless.

// TestGroupRowMinimum: a required group needs one filled row even without
// minRows, and minRows above one is kept whether the group is required or not.
func TestGroupRowMinimum(t *testing.T) {
	def := loadYAML(t, `id: rijen
title: "Rijen"
version: "1.0.0"
date: "2026-11-29"
description: "Test"
sections:
  - id: een
    title: "Een"
    items:
      - {id: verplicht, kind: group, question: "Verplicht?", required: true, fields: [{id: naam, kind: text, question: "Naam"}]}
      - {id: twee, kind: group, question: "Twee?", minRows: 2, fields: [{id: naam, kind: text, question: "Naam"}]}
      - {id: beide, kind: group, question: "Beide?", required: true, minRows: 2, fields: [{id: naam, kind: text, question: "Naam"}]}
`)
	errs := checklist.Validate(def, answersFromJSON(t, def, `{"twee":[{"naam":"a"}],"beide":[{"naam":"a"},{}]}`))
	var got []string
	for _, e := range errs {
		got = append(got, e.Field+": "+e.Message)
	}
	want := []string{
		"verplicht: Vul minstens één rij in bij: Verplicht?",
		"twee: Vul minstens 2 rijen in bij: Twee?",
		"beide: Vul minstens 2 rijen in bij: Beide?",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
