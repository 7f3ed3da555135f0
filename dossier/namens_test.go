package dossier_test

import (
	"path/filepath"
	"strings"
	"testing"

	"deelwijzer/checklist"
	"deelwijzer/checklist/yamldef"
	"deelwijzer/dossier"
)

// TestOrganisations: the organisations to fill in on behalf of are the
// dossier's organisaties rows, by their ids; a row without an id (an older
// file) gets the id a checklist page gives it when it reads the rows, and a
// row without a name is named by its number.
func TestOrganisations(t *testing.T) {
	d := mustNew(t)
	if err := d.Put(answerFile("upp", "1.3.0", t0, `{"organisaties":[{"_id":"organisaties-2","naam":" GGD "},{"naam":"Politie"},{"_id":"k9","soort":"burgerzaken"}]}`), orgs, "", t0); err != nil {
		t.Fatal(err)
	}
	got := d.Organisations()
	want := []dossier.Organisation{{ID: "organisaties-2", Label: "GGD"}, {ID: "organisaties-3", Label: "Politie"}, {ID: "k9", Label: "Organisatie 3"}}
	if len(got) != len(want) {
		t.Fatalf("organisations %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].ID != want[i].ID || got[i].Label != want[i].Label {
			t.Errorf("organisation %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	// The same ids as the checklist engine gives those rows on reading.
	def := loadDef(t, "upp")
	res, err := checklist.Import(def, d.ChecklistFile("upp", def.Version, orgs))
	if err != nil {
		t.Fatal(err)
	}
	rows := res.Answers["organisaties"].([]checklist.Row)
	for i, r := range rows {
		if r[checklist.RowIDKey] != want[i].ID {
			t.Errorf("row %d: the page would call it %v, the list of organisations %s", i, r[checklist.RowIDKey], want[i].ID)
		}
	}
	text := checklist.JSONText(d.Text())
	if out := dossier.Call("organisaties", `{"dossier":`+text+`}`, ""); out != `{"rows":[{"id":"organisaties-2","label":"GGD"},{"id":"organisaties-3","label":"Politie"},{"id":"k9","label":"Organisatie 3"}]}` {
		t.Errorf("organisaties: %s", out)
	}
}

// TestPutBy: answers given after the visitor chose an organisation record
// its row id as "by"; earlier answers keep theirs.
func TestPutBy(t *testing.T) {
	text := dossier.Call("new", `{"id":"a1","name":"Proef","now":"`+t0+`"}`, "")
	put := func(text, answers, by, now string) string {
		file := answerFile("samenwerking", "3.0.0", now, answers)
		out := dossier.Call("put", `{"dossier":`+checklist.JSONText(text)+`,"file":`+checklist.JSONText(file)+`,"shared":{"organisaties":"organisaties"},"by":"`+by+`","now":"`+now+`"}`, "")
		if !strings.HasPrefix(out, `{"schema"`) {
			t.Fatal(out)
		}
		return out
	}
	text = put(text, `{"organisaties":[{"_id":"g1","naam":"Gemeente"}]}`, "", t0)
	text = put(text, `{"organisaties":[{"_id":"g1","naam":"Gemeente"}],"doel":"Huisuitzetting voorkomen"}`, "g1", t1)
	for _, want := range []string{`"g1.naam":{"by":"","at":"` + t0 + `"}`, `"doel":{"by":"g1","at":"` + t1 + `"}`} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %s in\n%s", want, text)
		}
	}
}

// TestOutcome: a checklist's verdict is kept with its answers and read by
// another checklist; the same verdict keeps the time it was first saved, a
// new one gets the new time, and no verdict removes it. The file reads back
// the same.
func TestOutcome(t *testing.T) {
	text := dossier.Call("new", `{"id":"a1","name":"Proef","now":"`+t0+`"}`, "")
	put := func(text, outcome, now string) string {
		file := answerFile("dpia-toets", "2.1.0", now, `{"art35-bijzonder":"ja"}`)
		return dossier.Call("put", `{"dossier":`+checklist.JSONText(text)+`,"file":`+checklist.JSONText(file)+`,"shared":{},"by":"","now":"`+now+`","checklist":"dpia-toets","outcome":`+outcome+`}`, "")
	}
	verdict := `{"id":"dpia-verplicht-avg","text":"DPIA verplicht.","title":"DPIA-toets"}`
	text = put(text, verdict, t0)
	text = put(text, verdict, t1)
	outcomes := func(text string) string {
		return dossier.Call("outcomes", `{"dossier":`+checklist.JSONText(text)+`,"checklists":["dpia-toets","upp"]}`, "")
	}
	if got := outcomes(text); got != `{"dpia-toets":{"id":"dpia-verplicht-avg","text":"DPIA verplicht.","title":"DPIA-toets","at":"`+t0+`"}}` {
		t.Errorf("outcomes: %s", got)
	}
	d, err := dossier.Parse(text)
	if err != nil || d.Text() != text {
		t.Errorf("the file does not read back the same: %v", err)
	}
	text = put(text, `{"id":"dpia-niet-nodig","text":"DPIA niet nodig.","title":"DPIA-toets"}`, t1)
	if got := outcomes(text); !strings.Contains(got, `"id":"dpia-niet-nodig"`) || !strings.Contains(got, t1) {
		t.Errorf("a new verdict: %s", got)
	}
	text = put(text, `null`, t1)
	if got := outcomes(text); got != `{}` || strings.Contains(text, `"outcome"`) {
		t.Errorf("no verdict any more, yet: %s", got)
	}
}

func loadDef(t *testing.T, id string) *checklist.Definition {
	t.Helper()
	def, err := yamldef.LoadShipped(filepath.Join("..", "data"), id)
	if err != nil {
		t.Fatal(err)
	}
	return def
}
