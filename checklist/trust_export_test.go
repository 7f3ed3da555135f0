package checklist_test

import (
	"strings"
	"testing"

	"deelwijzer/checklist"
)

func errorFields(def *checklist.Definition, answers checklist.Answers) string {
	var fields []string
	for _, e := range checklist.Validate(def, answers) {
		fields = append(fields, e.Field)
	}
	return strings.Join(fields, " ")
}

// UPP: "Doel 2" added and left empty, its data filled in in step 3. The
// text is exported (with a blank doel 2, so rows stay aligned), comes back
// on import without a word lost, and validation points at it every time.
func TestOrphanFollowerRowExportedAndFlagged(t *testing.T) {
	def := loadShipped(t, "upp")
	answers := answersFromJSON(t, def, `{
	  "doelen": [{"doel": "Traject naar werk kiezen", "processtap": "intake"}, {}],
	  "gegevens": [{"gegevens": "Opleiding"}, {"gegevens": "Hoogte van de schuld"}]
	}`)
	if got := errorFields(def, answers); !strings.Contains(got, "gegevens.1.gegevens") {
		t.Errorf("the text under the empty doel 2 is not flagged: %s", got)
	}
	file := checklist.Export(def, answers, "2026-11-23T10:00:00Z")
	if !strings.Contains(file, `"doelen":[{"_id":"doelen-1","doel":"Traject naar werk kiezen","processtap":"intake"},{"_id":"doelen-2"}]`) ||
		!strings.Contains(file, `"gegevens":[{"_id":"doelen-1","gegevens":"Opleiding"},{"_id":"doelen-2","gegevens":"Hoogte van de schuld"}]`) {
		t.Fatalf("export lost the row or its alignment:\n%s", file)
	}
	res, err := checklist.Import(def, file)
	if err != nil || len(res.Dropped) != 0 {
		t.Fatalf("re-import: %v %+v", err, res)
	}
	if got := errorFields(def, res.Answers); !strings.Contains(got, "gegevens.1.gegevens") {
		t.Errorf("after re-import the row is no longer flagged: %s", got)
	}
	if st := checklist.Evaluate(def, res.Answers); !strings.Contains(strings.Join(st.Missing, " "), "gegevens") {
		t.Errorf("the step looks complete: missing %v", st.Missing)
	}
	for _, e := range checklist.Validate(def, answers) {
		if e.Field == "gegevens.1.gegevens" && !strings.Contains(e.Message, "Doel 2 is leeg") {
			t.Errorf("message does not say why: %s", e.Message)
		}
	}
}

// A date the browser's field accepts but that is not a date we can keep
// (a five-digit year, 30 February) is counted as a wrong answer and flagged
// at its field; export leaves it out (the page shows the flag when it
// exports), import names it instead of dropping it silently.
func TestImpossibleDateFlagged(t *testing.T) {
	def := loadShipped(t, "samenwerking")
	for _, date := range []string{"20255-03-01", "2026-02-30"} {
		text := `{"evaluatiedatum":"` + date + `","looptijd":"twee jaar"}`
		answers := answersFromJSON(t, def, text)
		if got := errorFields(def, answers); !strings.Contains(" "+got+" ", " evaluatiedatum ") {
			t.Errorf("%s: not flagged: %s", date, got)
		}
		st := checklist.Evaluate(def, answers)
		if !strings.Contains(" "+strings.Join(st.Missing, " ")+" ", " evaluatiedatum ") {
			t.Errorf("%s: not in missing: %v", date, st.Missing)
		}
		if out := checklist.ValidateJSON(def, text); !strings.Contains(out, `"field":"evaluatiedatum"`) {
			t.Errorf("%s: ValidateJSON %s", date, out)
		}
		file := checklist.Export(def, answers, "t")
		if strings.Contains(file, date) {
			t.Errorf("%s: exported:\n%s", date, file)
		}
		old := strings.Replace(file, `"definitionVersion":"`+def.Version+`"`, `"definitionVersion":"0.0.1"`, 1)
		old = strings.Replace(old, `"answers":{`, `"answers":{"evaluatiedatum":"`+date+`","looptijd":"twee jaar",`, 1)
		res, err := checklist.Import(def, old)
		if err != nil {
			t.Fatalf("%s: %v\n%s", date, err, old)
		}
		if len(res.Dropped) != 1 || res.Dropped[0].Item != "evaluatiedatum" || res.Answers["evaluatiedatum"] != nil {
			t.Errorf("%s: import %+v", date, res)
		}
	}
}
