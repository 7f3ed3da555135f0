package synthetic

import (
	"strings"
	"testing"

	"deelwijzer/checklist"
	"deelwijzer/checklist/yamldef"
)

// lists are the site's own option lists: the findings name roles from them.
func lists(t *testing.T) map[string][]checklist.Option {
	t.Helper()
	l, err := yamldef.LoadLists("../../data")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func loadDefault(t *testing.T) *checklist.Definition {
	t.Helper()
	def, _, err := yamldef.Load([]byte(ChecklistYAML(Default)), lists(t))
	if err != nil {
		t.Fatalf("the engine refuses the synthetic checklist:\n%v", err)
	}
	return def
}

func TestChecklistIsValidAndHasTheRequestedSize(t *testing.T) {
	def := loadDefault(t)
	items, conds, groups := 0, 0, 0
	for _, it := range def.Items() {
		items++
		if it.ShowIf != "" {
			conds++
		}
		if it.Kind == checklist.KindGroup {
			groups++
			if it.MinRows != Default.Rows {
				t.Errorf("group minRows = %d, want %d", it.MinRows, Default.Rows)
			}
		}
	}
	if items != Default.Items || conds != Default.Conditions || groups != 1 {
		t.Errorf("items, conditions, groups = %d, %d, %d; want %d, %d, 1", items, conds, groups, Default.Items, Default.Conditions)
	}
	if len(def.Findings) != Default.Findings {
		t.Errorf("findings = %d, want %d", len(def.Findings), Default.Findings)
	}
}

func TestAnswersFitTheChecklist(t *testing.T) {
	def := loadDefault(t)
	tree, err := checklist.ParseJSON(Answers(Default), checklist.MaxJSONDepth)
	if err != nil {
		t.Fatal(err)
	}
	answers, dropped := checklist.DecodeAnswers(def, tree)
	if len(dropped) > 0 {
		t.Fatalf("answers that do not fit: %v", dropped)
	}
	rows, _ := answers[GroupID].([]checklist.Row)
	if len(rows) != Default.Rows {
		t.Errorf("group rows = %d, want %d", len(rows), Default.Rows)
	}
	st := checklist.Evaluate(def, answers)
	// The answers should leave a realistic mix: some conditional items shown,
	// some hidden, and findings from both kinds of rules.
	if len(st.Visible) <= Default.Items-Default.Conditions || len(st.Visible) >= Default.Items {
		t.Errorf("visible = %d: the answers should show some but not all conditional items", len(st.Visible))
	}
	perRow := 0
	for _, f := range st.Findings {
		if f.Row >= 0 {
			perRow++
		}
	}
	if perRow == 0 || perRow == len(st.Findings) {
		t.Errorf("findings: %d of %d per row; want both kinds", perRow, len(st.Findings))
	}
}

func TestSmallSpecStaysValid(t *testing.T) {
	s := Spec{Items: 12, Conditions: 3, Rows: 2, Sections: 3, Findings: 4}
	if _, _, err := yamldef.Load([]byte(ChecklistYAML(s)), lists(t)); err != nil {
		t.Fatal(err)
	}
}

func TestPageHasFrontMatterAndNoH1(t *testing.T) {
	p := page(3, []string{"/werkwijze/"}, "/begrippen/#grondslag")
	if !strings.HasPrefix(p, "---\ntitle: ") || !strings.Contains(p, "bronnen: [") {
		t.Errorf("front matter missing:\n%s", p)
	}
	for _, line := range strings.Split(p, "\n") {
		if strings.HasPrefix(line, "# ") {
			t.Errorf("page has an H1: %q", line)
		}
	}
	if !strings.Contains(p, "](/werkwijze/)") {
		t.Error("internal link missing")
	}
}
