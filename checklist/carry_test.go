package checklist_test

import (
	"strings"
	"testing"

	"deelwijzer/checklist"
)

// TestCarry: the DPIA-toets's verdict in the dossier fills in the workbook's
// question whether a DPIA is needed while it is unanswered, says so when the
// answer matches, names both answers when it differs (it never overwrites),
// and shows a verdict that suggests no option without filling anything in.
func TestCarry(t *testing.T) {
	def := loadShipped(t, "werkwijze")
	verplicht := map[string]checklist.Outcome{"dpia-toets": {ID: "dpia-verplicht", Text: "DPIA verplicht. Uw verwerking staat op de lijst.", Title: "DPIA-toets: is een DPIA nodig?", At: "2026-11-30T10:40:00.000Z"}}
	cases := []struct {
		answer, state, value, note string
	}{
		{"", checklist.CarryFill, "verplicht", `Bij deze uitkomst past het antwoord "Ja, een DPIA is verplicht".`},
		{"verplicht", checklist.CarrySame, "verplicht", "past bij deze uitkomst"},
		{"niet-nodig", checklist.CarryDiffers, "verplicht", `Uw antwoord hieronder ("Nee, niet nodig") wijkt af van deze uitkomst. Daarbij past "Ja, een DPIA is verplicht".`},
	}
	for _, c := range cases {
		answers := checklist.Answers{}
		if c.answer != "" {
			answers["dpia-oordeel"] = c.answer
		}
		got := checklist.Carry(def, answers, verplicht)
		if len(got) != 1 || got[0].Item != "dpia-oordeel" || got[0].State != c.state || got[0].Value != c.value || !strings.Contains(got[0].Note, c.note) {
			t.Errorf("answer %q: %+v", c.answer, got)
			continue
		}
		if want := `Uitkomst van "DPIA-toets: is een DPIA nodig?" in dit dossier (bewaard op 30 november 2026): DPIA verplicht.`; !strings.HasPrefix(got[0].Verdict, want) {
			t.Errorf("verdict %q, want it to start %q", got[0].Verdict, want)
		}
	}
	other := map[string]checklist.Outcome{"dpia-toets": {ID: "iets-nieuws", Text: "Iets anders."}}
	if got := checklist.Carry(def, checklist.Answers{}, other); len(got) != 1 || got[0].State != checklist.CarryOther || got[0].Value != "" {
		t.Errorf("a verdict without an option: %+v", got)
	}
	if got := checklist.Carry(def, checklist.Answers{}, nil); len(got) != 0 {
		t.Errorf("without an outcome: %+v", got)
	}
	out := checklist.CarryJSON(def, `{}`, `{"dpia-toets":{"id":"dpia-niet-nodig","text":"DPIA niet nodig.","title":"DPIA-toets","at":"x"}}`)
	if !strings.Contains(out, `"item":"dpia-oordeel","state":"fill","value":"niet-nodig"`) || !strings.Contains(out, `"verdict":"Uitkomst van \"DPIA-toets\" in dit dossier: DPIA niet nodig."`) {
		t.Errorf("CarryJSON: %s", out)
	}
	if out := checklist.CarryJSON(def, `{}`, `[`); out != `{"items":[]}` {
		t.Errorf("unreadable outcomes: %s", out)
	}
}

// TestOutcomeFromNamesVerdicts: every outcomeFrom of the shipped checklists
// names the verdicts (findings of severity uitkomst) of its checklist, and
// maps each of them, so a verdict added later is not silently left out.
func TestOutcomeFromNamesVerdicts(t *testing.T) {
	found := 0
	for _, id := range []string{"samenwerking", "upp", "wegwijzer", "werkwijze", "dpia-toets"} {
		def := loadShipped(t, id)
		for _, it := range def.Items() {
			if it.OutcomeFrom == nil {
				continue
			}
			found++
			from, _ := it.OutcomeFrom.Get("checklist")
			other := loadShipped(t, from.(string))
			raw, _ := it.OutcomeFrom.Get("values")
			values := raw.(*checklist.Object)
			verdicts := map[string]bool{}
			for _, f := range other.Findings {
				if f.Severity == checklist.SeverityUitkomst {
					verdicts[f.ID] = true
					if _, ok := values.Get(f.ID); !ok {
						t.Errorf("%s.%s: verdict %s of %s has no value", id, it.ID, f.ID, from)
					}
				}
			}
			for _, k := range values.Keys {
				if !verdicts[k] {
					t.Errorf("%s.%s: %s is no verdict of %s", id, it.ID, k, from)
				}
			}
		}
	}
	if found == 0 {
		t.Error("no checklist carries an outcome")
	}
}

// TestOutcomeFromChecks: an outcomeFrom that does not fit is refused.
func TestOutcomeFromChecks(t *testing.T) {
	skipWithoutAuthorChecks(t)
	src := smallWith(`a == "ja"`, `a == "ja"`, "Iets")
	src = strings.Replace(src, `question: "B?", options:`, `question: "B?", outcomeFrom: {checklist: dpia-toets, values: {v1: x, v2: z}}, options:`, 1)
	src = strings.Replace(src, `{id: t, kind: text, question: "T?"}`, `{id: t, kind: text, question: "T?", outcomeFrom: {checklist: dpia-toets, values: {v1: x}}}`, 1)
	var got []string
	for _, p := range problems(t, src) {
		got = append(got, p.Path+": "+p.Message)
	}
	text := strings.Join(got, "\n")
	for _, want := range []string{".outcomeFrom.values.v2: 'z' is geen optie van b", ".outcomeFrom: kan alleen bij een keuzevraag"} {
		if !strings.Contains(text, want) {
			t.Errorf("no problem %q in:\n%s", want, text)
		}
	}
}
