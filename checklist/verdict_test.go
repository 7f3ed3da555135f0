package checklist_test

import (
	"strings"
	"testing"

	"deelwijzer/checklist"
)

// verdictDef declares its verdict last, after a risico and an info finding,
// so only the engine's ordering can put it first.
const verdictDef = `id: oordeel
title: "Oordeel"
version: "1.0.0"
date: "2026-01-31"
description: "Test"
sections:
  - id: een
    title: "Doe iets"
    items:
      - {id: a, kind: yesno, question: "A?"}
findings:
  - {id: r, severity: risico, when: 'a == "ja"', text: "Een risico."}
  - {id: i, severity: info, when: 'a == "ja"', text: "Ter info."}
  - {id: u, severity: uitkomst, when: 'a == "ja"', text: "DPIA verplicht. Zo zit het."}
`

// TestVerdictFirst: a finding of severity uitkomst comes before all others
// in the state the page renders in order, and the report gives it its own
// heading "Uitkomst" before "Risico".
func TestVerdictFirst(t *testing.T) {
	def := loadYAML(t, verdictDef)
	answers := answersFromJSON(t, def, `{"a":"ja"}`)
	st := checklist.Evaluate(def, answers)
	var ids []string
	for _, f := range st.Findings {
		ids = append(ids, f.ID+":"+string(f.Severity))
	}
	if got := strings.Join(ids, " "); got != "u:uitkomst r:risico i:info" {
		t.Errorf("findings in order %q, want the verdict first", got)
	}
	if js := checklist.EvaluateJSON(def, `{"a":"ja"}`); !strings.Contains(js, `"findings":[{"id":"u","severity":"uitkomst"`) {
		t.Errorf("JSON state does not start its findings with the verdict:\n%s", js)
	}
	report := checklist.Report(def, answers, nil)
	u := strings.Index(report, "### Uitkomst\n\n- DPIA verplicht. Zo zit het.")
	r := strings.Index(report, "### Risico\n\n- Een risico.")
	if u < 0 || r < 0 || u > r {
		t.Errorf("report does not put the verdict under Uitkomst before Risico:\n%s", report)
	}
	if strings.Contains(report, "- Uitkomst:") {
		t.Errorf("report repeats the label in the text:\n%s", report)
	}
}
