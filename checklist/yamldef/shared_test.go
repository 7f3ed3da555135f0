package yamldef

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"deelwijzer/checklist"
)

const sharedSrc = `groups:
  - id: organisaties
    kind: group
    question: "Welke organisaties?"
    rowLabel: "Organisatie"
    fields:
      - {id: naam, kind: text, question: "Naam", required: true}
      - {id: rol, kind: choice, question: "Rol", options: [{value: verwerker, label: "Verwerker"}]}
`

func checklistWith(item string) string {
	return `id: t
title: T
version: "1.0.0"
date: "2026-11-30"
description: d
sections:
  - id: s
    title: S
    items:
` + item + `
      - {id: vraag, kind: yesno, question: "Vraag?"}
`
}

// TestSharedGroupResolved: an included group gets the fields of
// dossier.yaml, the checklist's own question, and keeps "shared" in the
// JSON the page gets.
func TestSharedGroupResolved(t *testing.T) {
	shared, err := ParseShared([]byte(sharedSrc))
	if err != nil {
		t.Fatal(err)
	}
	src := []byte(checklistWith(`      - {id: organisaties, shared: organisaties, question: "Met wie?", required: true}`))
	def, _, err := LoadIn(src, nil, shared)
	if err != nil {
		t.Fatal(err)
	}
	it := def.Item("organisaties")
	if it == nil || it.Kind != checklist.KindGroup || it.Shared != "organisaties" || it.Question != "Met wie?" || !it.Required || it.RowLabel != "Organisatie" || len(it.Fields) != 2 {
		t.Fatalf("resolved item %+v", it)
	}
	text, err := ToJSONIn(src, shared)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, `{"id":"organisaties","shared":"organisaties","kind":"group","question":"Met wie?"`) || !strings.Contains(text, `"fields":[{"id":"naam"`) {
		t.Errorf("JSON %s", text)
	}
}

// TestSharedGroupErrors: an unknown name or a key that would change the
// rows' shape is an error at the item, with the line of the file.
func TestSharedGroupErrors(t *testing.T) {
	shared, err := ParseShared([]byte(sharedSrc))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		`      - {id: organisaties, shared: organisatie}`:                            "er is geen gedeelde groep 'organisatie' in data/dossier.yaml; kies uit: organisaties",
		`      - {id: organisaties, shared: organisaties, maxRows: 3}`:               "'maxRows' komt uit data/dossier.yaml",
		"      - id: organisaties\n        shared: organisaties\n        fields: []": "'fields' komt uit data/dossier.yaml",
	}
	for item, want := range cases {
		_, doc, err := LoadIn([]byte(checklistWith(item)), nil, shared)
		var le *checklist.LoadError
		if !errors.As(err, &le) || len(le.Problems) != 1 {
			t.Fatalf("%s: error %v", item, err)
		}
		p := le.Problems[0]
		if !strings.Contains(p.Message, want) {
			t.Errorf("%s: message %q, want %q", item, p.Message, want)
		}
		if line := doc.Line(p.Path); line < 9 {
			t.Errorf("%s: line %d for %s", item, line, p.Path)
		}
	}
	// Without a dossier.yaml (Load) the include is an error, not a silent skip.
	if _, _, err := Load([]byte(checklistWith(`      - {id: organisaties, shared: organisaties}`)), nil); err == nil || !strings.Contains(err.Error(), "geen gedeelde groep") {
		t.Errorf("Load without shared groups: %v", err)
	}
}

func TestParseSharedRejects(t *testing.T) {
	cases := map[string]string{
		"- a\n":                              "groups:",
		"groups: 1\n":                        "lijst van groepen",
		"groups: [1]\n":                      "een groep heeft",
		"groups:\n  - {kind: group}\n":       "geen id",
		"groups:\n  - {id: a, kind: text}\n": "kind: group",
		"groups:\n  - {id: a, kind: group}\n  - {id: a, kind: group}\n": "twee keer",
		"groups:\n  - {id: a, kind: group, rowsFrom: b}\n":              "rowsFrom",
	}
	for src, want := range cases {
		if _, err := ParseShared([]byte(src)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", src, err, want)
		}
	}
}

// TestShippedSharedGroups: data/dossier.yaml reads, and defines the groups
// the checklists include.
func TestShippedSharedGroups(t *testing.T) {
	shared, err := LoadShared(filepath.Join("..", "..", "data"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(shared.Names(), " "); got != "organisaties processtappen deelmomenten fg-adviezen vaststellingen" {
		t.Errorf("groups %s", got)
	}
}
