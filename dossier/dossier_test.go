package dossier_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deelwijzer/checklist"
	"deelwijzer/checklist/yamldef"
	"deelwijzer/dossier"
)

// The dossier runs where older answer files are read (the document module,
// the tools); the tests read them in every build, also compiled to
// WebAssembly (make gotest-wasm).
func init() { checklist.ReadOlderFiles() }

const t0 = "2026-11-30T09:00:00.000Z"
const t1 = "2026-11-30T10:00:00.000Z"

func mustNew(t *testing.T) *dossier.Dossier {
	t.Helper()
	d, err := dossier.New("abc123", "Wijkteam Noord", t0)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func answerFile(id, version, exported, answers string) string {
	return `{"schema":"deelwijzer-antwoorden","schemaVersion":1,"checklist":"` + id + `","definitionVersion":"` + version + `","exported":"` + exported + `","answers":` + answers + `}`
}

var orgs = map[string]string{"organisaties": "organisaties"}

// TestSharedRowsAcrossChecklists: organisations put by one checklist come
// back in the answer file of another checklist that includes the group, and
// that checklist's own answers stay its own.
func TestSharedRowsAcrossChecklists(t *testing.T) {
	d := mustNew(t)
	err := d.Put(answerFile("samenwerking", "3.0.0", t1, `{"organisaties":[{"naam":"Gemeente"},{"naam":"GGD","soort":"ggd"}],"partners":[{"grondslag":"algemeen-belang"}],"doel":"Huisuitzetting voorkomen"}`), orgs, "", t1)
	if err != nil {
		t.Fatal(err)
	}
	if d.Modified() != t1 {
		t.Errorf("modified %s", d.Modified())
	}
	got := d.ChecklistFile("upp", "1.3.0", orgs)
	want := answerFile("upp", "1.3.0", t1, `{"organisaties":[{"naam":"Gemeente"},{"naam":"GGD","soort":"ggd"}]}`) + "\n"
	if got != want {
		t.Errorf("upp file\n got %s\nwant %s", got, want)
	}
	got = d.ChecklistFile("samenwerking", "3.0.0", orgs)
	if !strings.Contains(got, `"answers":{"partners":[{"grondslag":"algemeen-belang"}],"doel":"Huisuitzetting voorkomen","organisaties":[{"naam":"Gemeente"}`) {
		t.Errorf("samenwerking file %s", got)
	}
	// A checklist that does not include the group does not get its rows.
	if got := d.ChecklistFile("dpia-toets", "2.0.0", nil); strings.Contains(got, "Gemeente") {
		t.Errorf("dpia-toets file %s", got)
	}
}

// TestGivenFollowsChanges: a changed answer gets the new time and who gave
// it; an unchanged one keeps its own; a removed one loses its entry.
func TestGivenFollowsChanges(t *testing.T) {
	d := mustNew(t)
	if err := d.Put(answerFile("upp", "1.3.0", t0, `{"taak":"Beoordelen","wet":"Wmo","organisaties":[{"_id":"k1","naam":"GGD"}]}`), orgs, "k1", t0); err != nil {
		t.Fatal(err)
	}
	if err := d.Put(answerFile("upp", "1.3.0", t1, `{"taak":"Beoordelen","overheid":"ja","organisaties":[{"_id":"k1","naam":"GGD"},{"naam":"Politie"}]}`), orgs, "", t1); err != nil {
		t.Fatal(err)
	}
	text := d.Text()
	for _, want := range []string{
		`"given":{"#1.naam":{"by":"","at":"` + t1 + `"},"k1.naam":{"by":"k1","at":"` + t0 + `"}}`,
		`"given":{"overheid":{"by":"","at":"` + t1 + `"},"taak":{"by":"k1","at":"` + t0 + `"}}`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %s in\n%s", want, text)
		}
	}
	if strings.Contains(text, `"wet"`) {
		t.Errorf("removed answer still there:\n%s", text)
	}
}

// TestRoundTrip: a dossier file read and written again is the same text,
// byte for byte, keys this version does not know included.
func TestRoundTrip(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	if len(files) == 0 {
		t.Fatal("no testdata/*.json")
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		d, err := dossier.Parse(string(src))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if got := d.Text(); got != string(src) {
			t.Errorf("%s: round trip differs\n got %s\nwant %s", file, got, src)
		}
	}
	d := mustNew(t)
	if err := d.Put(answerFile("upp", "1.3.0", t1, `{"taak":"Beoordelen \"zorg\" é","wetten":["wmo"],"organisaties":[{"naam":"GGD"}]}`), orgs, "", t1); err != nil {
		t.Fatal(err)
	}
	again, err := dossier.Parse(d.Text())
	if err != nil {
		t.Fatal(err)
	}
	if again.Text() != d.Text() {
		t.Errorf("round trip differs\n got %s\nwant %s", again.Text(), d.Text())
	}
}

func shipped(t *testing.T) (map[string]dossier.Info, map[string]*checklist.Definition) {
	t.Helper()
	dataDir := filepath.Join("..", "data")
	lists, err := yamldef.LoadLists(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	shared, err := yamldef.LoadShared(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	infos := map[string]dossier.Info{}
	defs := map[string]*checklist.Definition{}
	for _, id := range []string{"samenwerking", "upp", "werkwijze", "wegwijzer", "dpia-toets"} {
		src, err := os.ReadFile(filepath.Join(dataDir, "checklists", id+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		def, _, err := yamldef.LoadIn(src, lists, shared)
		if err != nil {
			t.Fatal(err)
		}
		info := dossier.Info{Title: def.Title, Version: def.Version, Shared: map[string]string{}, Moved: def.Moved}
		for _, it := range def.Items() {
			if it.Shared != "" {
				info.Shared[it.ID] = it.Shared
			}
		}
		infos[id], defs[id] = info, def
	}
	return infos, defs
}

// TestOldAnswerFileBecomesDossier: an answer file of samenwerking 2.0.0 (from
// before dossiers) opens as a new dossier with nothing lost: the partner
// names are the dossier's organisaties, which upp then shows, and the
// checklist page's import of the dossier's file takes every answer without
// naming one as not fitting.
func TestOldAnswerFileBecomesDossier(t *testing.T) {
	infos, defs := shipped(t)
	old, err := os.ReadFile(filepath.Join("..", "checklist", "testdata", "samenwerking-2.0.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	d, from, err := dossier.Import(string(old), infos, nil, "nieuw1", t1)
	if err != nil {
		t.Fatal(err)
	}
	if from != "samenwerking" || d.ID() != "nieuw1" || d.Name() != "Checklist samenwerking en gegevensdeling (uit een bestand)" || d.Created() != t1 {
		t.Errorf("dossier %s %s %q %s", from, d.ID(), d.Name(), d.Created())
	}
	rows := checklist.JSONText(d.SharedRows("organisaties"))
	if rows != `[{"naam":"Gemeente Zaanstad","soort":"wmo-jeugd-wijkteam"},{"naam":"Woonstichting"},{"soort":"politie"}]` {
		t.Errorf("organisaties %s", rows)
	}
	if !strings.Contains(d.Text(), `"doel":{"by":"","at":"2026-11-29T10:00:00Z"}`) {
		t.Errorf("answers not given at the file's time:\n%s", d.Text())
	}
	// The checklist page's import of what the dossier gives it.
	for id, wantOrgs := range map[string]bool{"samenwerking": true, "upp": true, "dpia-toets": false} {
		res, err := checklist.Import(defs[id], d.ChecklistFile(id, defs[id].Version, infos[id].Shared))
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if len(res.Dropped) > 0 {
			t.Errorf("%s: dropped %+v", id, res.Dropped)
		}
		got := checklist.JSONText(checklist.EncodeAnswers(defs[id], res.Answers))
		if strings.Contains(got, "Woonstichting") != wantOrgs {
			t.Errorf("%s answers %s", id, got)
		}
	}
	// Nothing lost: every answer of the old file is in the samenwerking
	// answers the page gets (moved ones included).
	res, err := checklist.Import(defs["samenwerking"], string(old))
	if err != nil {
		t.Fatal(err)
	}
	direct := checklist.JSONText(checklist.EncodeAnswers(defs["samenwerking"], res.Answers))
	res2, _ := checklist.Import(defs["samenwerking"], d.ChecklistFile("samenwerking", "3.0.0", infos["samenwerking"].Shared))
	if via := checklist.JSONText(checklist.EncodeAnswers(defs["samenwerking"], res2.Answers)); via != direct {
		t.Errorf("through the dossier\n got %s\nwant %s", via, direct)
	}
}

// TestImportDossierFile: a dossier file opens as it is; one whose id is in
// use in this browser gets the new id, so nothing is overwritten.
func TestImportDossierFile(t *testing.T) {
	d := mustNew(t)
	d2, from, err := dossier.Import(d.Text(), nil, []string{"x"}, "nieuw2", t1)
	if err != nil || from != "dossier" || d2.Text() != d.Text() {
		t.Fatalf("%v %s %s", err, from, d2.Text())
	}
	d3, _, err := dossier.Import(d.Text(), nil, []string{"abc123"}, "nieuw2", t1)
	if err != nil || d3.ID() != "nieuw2" || d3.Name() != d.Name() {
		t.Fatalf("%v %+v", err, d3)
	}
}

func TestEdits(t *testing.T) {
	d := mustNew(t)
	if err := d.Rename("  Nieuwe\tnaam ", t1); err != nil || d.Name() != "Nieuwe naam" || d.Modified() != t1 {
		t.Errorf("rename: %v %q", err, d.Name())
	}
	if err := d.Rename("   ", t1); err == nil || d.Name() != "Nieuwe naam" {
		t.Errorf("empty name accepted: %v", err)
	}
	if err := d.Rename(strings.Repeat("é", 201), t1); err == nil {
		t.Error("long name accepted")
	}
	d.SetArchived(true, t1)
	if !d.Archived() {
		t.Error("not archived")
	}
	c, err := d.Duplicate("kopie1", "Kopie van Nieuwe naam", t1)
	if err != nil || c.ID() != "kopie1" || c.Archived() || c.Name() != "Kopie van Nieuwe naam" || d.ID() != "abc123" {
		t.Errorf("duplicate: %v %s", err, c.Text())
	}
	if _, err := d.Duplicate("Kopie 1", "x", t1); err == nil {
		t.Error("invalid id accepted")
	}
}

// TestParseRejects: each damaged or foreign file gets its own Dutch reason.
func TestParseRejects(t *testing.T) {
	good := mustNew(t).Text()
	cases := map[string]string{
		"":                                "leeg",
		"[1]":                             "geen dossier",
		`{"schema":"x"}`:                  "geen dossier van Deelwijzer",
		`{"schema":"deelwijzer-dossier"}`: "geen geldig versienummer",
		`{"schema":"deelwijzer-dossier","schemaVersion":2}`:                                                                  "nieuwere versie",
		`{"schema":"deelwijzer-dossier","schemaVersion":1}`:                                                                  "de naam en de code ontbreken",
		strings.Replace(good, `"abc123"`, `"ABC"`, 1):                                                                        "code van het dossier",
		strings.Replace(good, `"Wijkteam Noord"`, `" x"`, 1):                                                                 "naam van het dossier",
		strings.Replace(good, `"archived":false`, `"archived":1`, 1):                                                         "archived",
		strings.Replace(good, `"shared":{}`, `"shared":[]`, 1):                                                               "'shared'",
		strings.Replace(good, `"shared":{}`, `"shared":{"o":{"rows":[1]}}`, 1):                                               "een rij van 'o'",
		strings.Replace(good, `"checklists":{}`, `"checklists":{"upp":{"answers":{}}}`, 1):                                   "geen versie",
		strings.Replace(good, `"checklists":{}`, `"checklists":{"upp":{"definitionVersion":"1","answers":[]}}`, 1):           "antwoorden van 'upp'",
		strings.Replace(good, `"checklists":{}`, `"checklists":{"upp":{"definitionVersion":"1","given":{"a":{"by":1}}}}`, 1): "wie wat gaf",
		"\xff\xfe{":                            "UTF-8",
		strings.Repeat(" ", dossier.MaxSize+1): "te groot",
	}
	for text, want := range cases {
		_, err := dossier.Parse(text)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%.80q: %v, want %q", text, err, want)
		}
	}
	// An answer file for a checklist this site does not know.
	if _, _, err := dossier.Import(answerFile("onbekend", "1.0.0", t0, "{}"), nil, nil, "n", t1); err == nil || !strings.Contains(err.Error(), "niet kent") {
		t.Errorf("unknown checklist: %v", err)
	}
}

// TestCall: the page's entry point returns a file's text or {"error"}.
func TestCall(t *testing.T) {
	text := dossier.Call("new", `{"id":"a1","name":"Proef","now":"`+t0+`"}`, "")
	if !strings.HasPrefix(text, `{"schema":"deelwijzer-dossier"`) {
		t.Fatal(text)
	}
	quoted := checklist.JSONText(text)
	if got := dossier.Call("rename", `{"dossier":`+quoted+`,"name":"","now":"x"}`, ""); got != `{"error":"Geef het dossier een naam."}` {
		t.Errorf("rename: %s", got)
	}
	if got := dossier.Call("summary", `{"dossier":`+quoted+`}`, ""); got != `{"id":"a1","name":"Proef","created":"`+t0+`","modified":"`+t0+`","archived":false,"checklists":[],"signoff":{"status":"concept","version":"0.1","adopted":"","changedAfterAdoption":false,"log":[],"missingAdoptions":[]}}` {
		t.Errorf("summary: %s", got)
	}
	file := answerFile("upp", "1.3.0", t1, `{"organisaties":[{"naam":"GGD"}]}`)
	put := dossier.Call("put", `{"dossier":`+quoted+`,"file":`+checklist.JSONText(file)+`,"shared":{"organisaties":"organisaties"},"by":"","now":"`+t1+`"}`, "")
	got := dossier.Call("checklist", `{"dossier":`+checklist.JSONText(put)+`,"checklist":"wegwijzer","version":"2.1.0","shared":{"organisaties":"organisaties"}}`, "")
	if !strings.Contains(got, `"answers":{"organisaties":[{"naam":"GGD"}]}`) {
		t.Errorf("checklist: %s", got)
	}
	dropped := dossier.Call("drop", `{"dossier":`+checklist.JSONText(put)+`,"checklist":"upp","now":"`+t0+`"}`, "")
	if !strings.Contains(dropped, `"checklists":{}`) || !strings.Contains(dropped, `"rows":[{"naam":"GGD"}]`) {
		t.Errorf("drop: %s", dropped)
	}
	imp := dossier.Call("import", `{"infos":{},"existing":["a1"],"id":"b2","now":"x"}`, text)
	if !strings.HasPrefix(imp, `{"dossier":"{\"schema\"`) || !strings.Contains(imp, `"from":"dossier"`) || !strings.Contains(imp, `\"id\":\"b2\"`) {
		t.Errorf("import: %s", imp)
	}
	for _, bad := range []string{"", "[", `{"dossier":"{}"}`} {
		if got := dossier.Call("rename", bad, ""); !strings.HasPrefix(got, `{"error":`) {
			t.Errorf("%q: %s", bad, got)
		}
	}
}

// TestPageCall: the engine's part of Call does what Call does for a
// checklist page's operations and refuses the list's, which live in the
// document module.
func TestPageCall(t *testing.T) {
	text := dossier.Call("new", `{"id":"a1","name":"Proef","now":"`+t0+`"}`, "")
	file := answerFile("upp", "1.3.0", t1, `{"organisaties":[{"naam":"GGD"}]}`)
	args := `{"dossier":` + checklist.JSONText(text) + `,"file":` + checklist.JSONText(file) + `,"shared":{"organisaties":"organisaties"},"by":"","now":"` + t1 + `"}`
	put := dossier.PageCall("put", args, nil)
	if want := dossier.Call("put", args, ""); put != want || !strings.Contains(put, `"rows":[{"naam":"GGD"}]`) {
		t.Errorf("put: %s, want %s", put, want)
	}
	read := `{"dossier":` + checklist.JSONText(put) + `,"checklist":"upp","version":"1.3.0","shared":{"organisaties":"organisaties"}}`
	if got := dossier.PageCall("checklist", read, nil); !strings.Contains(got, `"organisaties":[{"naam":"GGD"}]`) {
		t.Errorf("checklist: %s", got)
	}
	if got := dossier.PageCall("drop", `{"dossier":`+checklist.JSONText(put)+`,"checklist":"upp","now":"`+t0+`"}`, nil); !strings.Contains(got, `"checklists":{}`) {
		t.Errorf("drop: %s", got)
	}
	// summary, organisaties and outcomes are page operations too: the
	// checklist page shows the dossier's status, the organisations to fill
	// in on behalf of, and the outcomes of the other checklists.
	if got := dossier.PageCall("summary", `{"dossier":`+checklist.JSONText(text)+`}`, nil); !strings.Contains(got, `"signoff":{"status":"concept"`) {
		t.Errorf("summary: %s", got)
	}
	for _, op := range []string{"new", "rename", "import", "archive", "duplicate", "status", "tasks"} {
		if got := dossier.PageCall(op, `{"dossier":`+checklist.JSONText(text)+`,"id":"b2","name":"X","now":"x"}`, nil); got != `{"error":"Er ging iets mis met het dossier."}` {
			t.Errorf("%s through PageCall: %s", op, got)
		}
	}
}

// TestOldWerkwijzeInDossier: werkwijze 1.x answers, as an answer file opened
// on the dossiers page or as a dossier that holds them (saved before the
// deelmomenten were shared), reach the werkwijze page with nothing lost:
// its import turns each partner and typed name into an organisation row,
// the same as importing the old file there directly.
func TestOldWerkwijzeInDossier(t *testing.T) {
	infos, defs := shipped(t)
	def := defs["werkwijze"]
	old, err := os.ReadFile(filepath.Join("..", "checklist", "testdata", "werkwijze-1.3.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	direct, err := checklist.Import(def, string(old))
	if err != nil {
		t.Fatal(err)
	}
	want := checklist.JSONText(checklist.EncodeAnswers(def, direct.Answers))
	if !strings.Contains(want, `"naam":"Buurtteam Oost"`) {
		t.Fatalf("the direct import made no organisation rows: %s", want)
	}
	check := func(name string, d *dossier.Dossier) {
		t.Helper()
		res, err := checklist.Import(def, d.ChecklistFile("werkwijze", def.Version, infos["werkwijze"].Shared))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(res.Dropped) > 0 {
			t.Errorf("%s: dropped %+v", name, res.Dropped)
		}
		if got := checklist.JSONText(checklist.EncodeAnswers(def, res.Answers)); got != want {
			t.Errorf("%s\n got %s\nwant %s", name, got, want)
		}
	}

	d, _, err := dossier.Import(string(old), infos, nil, "nieuw1", t1)
	if err != nil {
		t.Fatal(err)
	}
	check("answer file opened as a dossier", d)

	// A dossier of before 2.0.0: organisaties and processtappen shared, the
	// deelmomenten among werkwijze's own answers.
	tree, err := checklist.ParseJSON(string(old), checklist.MaxJSONDepth)
	if err != nil {
		t.Fatal(err)
	}
	answers := tree.(*checklist.Object).Values["answers"].(*checklist.Object)
	shared := checklist.NewObject()
	for _, g := range []string{"organisaties", "processtappen"} {
		shared.Set(g, checklist.NewObject().Set("rows", answers.Values[g]).Set("given", checklist.NewObject()))
		answers.Delete(g)
	}
	text := `{"schema":"deelwijzer-dossier","schemaVersion":1,"dossier":{"id":"oud1","name":"Wijkteam","created":"` + t1 + `","modified":"` + t1 + `","archived":false},` +
		`"shared":` + checklist.JSONText(shared) + `,"checklists":{"werkwijze":{"definitionVersion":"1.3.0","answers":` + checklist.JSONText(answers) + `,"given":{}}}}`
	d2, err := dossier.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	check("dossier with 1.3.0 answers", d2)
}

// TestOldUppInDossier: upp 1.x answers saved in a dossier whose shared
// processtappen and organisaties another checklist already filled reach the
// upp page with nothing lost: a typed step and a partner with the name of an
// existing row name that row, the rest become new rows of the dossier.
func TestOldUppInDossier(t *testing.T) {
	infos, defs := shipped(t)
	def := defs["upp"]
	shared := `{"organisaties":{"rows":[{"_id":"o1","naam":"Woonstichting Noord"},{"_id":"o2","naam":"GGD","soort":"ggd"}],"given":{}},` +
		`"processtappen":{"rows":[{"_id":"p1","stap":"Intake"}],"given":{}}}`
	own := `{"taak":"Beoordelen","doelen":[{"_id":"d1","doel":"Vaststellen","processtap":"intake"},{"_id":"d2","doel":"Afstemmen","processtap":"Plan maken"}],` +
		`"gegevens":[{"_id":"d1","gegevens":"Achterstand","partner-anders":"Woonstichting Noord"},{"_id":"d2","gegevens":"Zorgen","partner":"ggd"}]}`
	text := `{"schema":"deelwijzer-dossier","schemaVersion":1,"dossier":{"id":"oud2","name":"Wijkteam","created":"` + t1 + `","modified":"` + t1 + `","archived":false},` +
		`"shared":` + shared + `,"checklists":{"upp":{"definitionVersion":"1.3.0","answers":` + own + `,"given":{}}}}`
	d, err := dossier.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	res, err := checklist.Import(def, d.ChecklistFile("upp", def.Version, infos["upp"].Shared))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dropped) > 0 || len(res.Notes) > 0 {
		t.Errorf("dropped %+v, notes %q", res.Dropped, res.Notes)
	}
	enc := checklist.EncodeAnswers(def, res.Answers)
	for _, want := range []string{
		`"organisaties":[{"_id":"o1","naam":"Woonstichting Noord"},{"_id":"o2","naam":"GGD","soort":"ggd"}]`,
		`"processtappen":[{"_id":"p1","stap":"Intake"},{"_id":"processtappen-2","stap":"Plan maken"}]`,
		`"doelen":[{"_id":"d1","doel":"Vaststellen","processtap":"p1"},{"_id":"d2","doel":"Afstemmen","processtap":"processtappen-2"}]`,
		`"gegevens":[{"_id":"d1","gegevens":"Achterstand","partner":"o1"},{"_id":"d2","gegevens":"Zorgen","partner":"o2"}]`,
	} {
		if got := checklist.JSONText(enc); !strings.Contains(got, want) {
			t.Errorf("answers\n got %s\nwant %s", got, want)
		}
	}
}
