package checklist_test

import (
	"strings"
	"testing"

	"deelwijzer/checklist"
)

const linkedDef = `
id: t
title: T
description: D
version: "1.0.0"
date: "2026-11-30"
sections:
  - id: s
    title: S
    items:
      - id: orgs
        kind: group
        question: Organisaties
        fields:
          - {id: naam, kind: text, question: Naam}
      - id: adviezen
        kind: group
        question: Adviezen
        fields:
          - {id: org, kind: ref, ref: orgs, question: Organisatie}
          - {id: orgs-meer, kind: ref, ref: orgs, multiple: true, question: Meer}
          - {id: tekst, kind: text, question: Tekst}
findings:
  - id: f
    severity: aandacht
    forEach: orgs
    when: 'WHEN'
    text: "{naam}"
`

// TestLinked: linked(group, "field") is true in a forEach row when a row of
// the group names that row in the reference field (one id or a list of
// ids), and false for a row nobody names.
func TestLinked(t *testing.T) {
	def := loadYAML(t, strings.Replace(linkedDef, "WHEN", `not linked(adviezen, "org") and not linked(adviezen, "orgs-meer")`, 1))
	answers := answersFromJSON(t, def, `{"orgs":[{"_id":"a","naam":"A"},{"_id":"b","naam":"B"},{"_id":"c","naam":"C"}],
	  "adviezen":[{"_id":"x","org":"a","tekst":"t"},{"_id":"y","orgs-meer":["c"]},{"_id":"z","org":"weg"}]}`)
	var named []string
	for _, f := range checklist.Evaluate(def, answers).Findings {
		if f.ID == "f" {
			named = append(named, f.Text)
		}
	}
	if got := strings.Join(named, " "); got != "B" {
		t.Errorf("organisations without a link: %q, want B", got)
	}
}

// TestLinkedChecks: linked() asks for a group and a reference field of it.
func TestLinkedChecks(t *testing.T) {
	skipWithoutAuthorChecks(t)
	for when, want := range map[string]string{
		`linked(naam, "org")`:       "de id van een groep",
		`linked(adviezen, "tekst")`: "een verwijzing (ref) van adviezen",
		`linked(adviezen, org)`:     "een verwijzing (ref) van adviezen",
		`linked(adviezen)`:          "verwacht 2 waarde(n)",
	} {
		_, _, err := loadQuiet(strings.Replace(linkedDef, "WHEN", when, 1))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", when, err, want)
		}
	}
}
