package document_test

import (
	"strings"
	"testing"

	"deelwijzer/checklist"
	"deelwijzer/document"
)

// caseAnswers lists what a reader must find of a case in the DPIA report:
// every typed text, and the label of every chosen option (dates in words).
func caseAnswers(t *testing.T, def *checklist.Definition, answersJSON string) []string {
	t.Helper()
	answers, err := checklist.ParseAnswersJSON(def, answersJSON)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	add := func(it *checklist.Item, v string) {
		if v == "" {
			return
		}
		switch it.Kind {
		case checklist.KindRef:
			// A reference reads as the row it names ("Processtap 2: …"); an
			// organisation a deelmoment comes from or goes to by its name.
			v = it.AnswerText(v, answers)
			if _, name, ok := strings.Cut(v, ": "); ok && it.Target.Shared == "organisaties" {
				v = name
			}
		case checklist.KindChoice, checklist.KindYesNo:
			v = it.Label(v)
		case checklist.KindDate:
			v = document.DutchDate(v)
		}
		out = append(out, v)
	}
	for _, it := range def.Items() {
		switch v := answers[it.ID].(type) {
		case string:
			add(it, v)
		case []checklist.Row:
			for _, r := range v {
				for _, f := range it.Fields {
					s, _ := r[f.ID].(string)
					add(f, s)
				}
			}
		}
	}
	if len(out) < 40 {
		t.Fatalf("only %d answers in the case", len(out))
	}
	return out
}
