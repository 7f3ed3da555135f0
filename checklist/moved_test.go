package checklist_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"deelwijzer/checklist"
)

// TestOldSamenwerkingFileMovesPartners: a file of samenwerking 2.0.0 has the
// partner's name and type in the rows of partners; they move to the rows of
// the shared group organisaties (naam, soort), the rest stays, and nothing
// is reported as "no longer fits".
func TestOldSamenwerkingFileMovesPartners(t *testing.T) {
	def := loadShipped(t, "samenwerking")
	old := `{"schema":"deelwijzer-antwoorden","schemaVersion":1,"checklist":"samenwerking","definitionVersion":"2.0.0","exported":"2026-11-29T10:00:00Z","answers":{
	  "partners":[
	    {"naam":"Gemeente Zaanstad","partner":"wmo-jeugd-wijkteam","publieke-taak":"ja","grondslag":"algemeen-belang"},
	    {"naam":"Woonstichting","grondslag":"gerechtvaardigd-belang"},
	    {"partner":"politie","taak":"Signaleren"}
	  ]}}`
	res, err := checklist.Import(def, old)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dropped) != 0 {
		t.Fatalf("dropped %+v", res.Dropped)
	}
	got := checklist.JSONText(checklist.EncodeAnswers(def, res.Answers))
	// Each partners row follows its organisation by the row id.
	want := `{"organisaties":[{"_id":"organisaties-1","naam":"Gemeente Zaanstad","soort":"wmo-jeugd-wijkteam"},{"_id":"organisaties-2","naam":"Woonstichting"},{"_id":"organisaties-3","soort":"politie"}],"partners":[{"_id":"organisaties-1","publieke-taak":"ja","grondslag":"algemeen-belang"},{"_id":"organisaties-2","grondslag":"gerechtvaardigd-belang"},{"_id":"organisaties-3","taak":"Signaleren"}]}`
	if got != want {
		t.Errorf("answers\n got %s\nwant %s", got, want)
	}
	// The finding per partner still names the organisation.
	st := checklist.Evaluate(def, res.Answers)
	found := false
	for _, f := range st.Findings {
		if f.ID == "afspraak-geen-grondslag" || strings.Contains(f.Text, "Partner Woonstichting kiest gerechtvaardigd belang") {
			found = true
		}
	}
	if !found {
		t.Errorf("no finding names Woonstichting: %+v", st.Findings)
	}

	// A file that claims the current version is not moved: it does not fit
	// and is refused whole, as any damaged file of this version.
	same := strings.Replace(old, `"2.0.0"`, `"`+def.Version+`"`, 1)
	if _, err := checklist.Import(def, same); err == nil {
		t.Errorf("a %s file with partners.naam was accepted", def.Version)
	}
}

// TestMoveNeverOverwrites: an answer only moves onto an empty place; what
// cannot move stays and is listed as not fitting.
func TestMoveNeverOverwrites(t *testing.T) {
	def := loadShipped(t, "samenwerking")
	old := `{"schema":"deelwijzer-antwoorden","schemaVersion":1,"checklist":"samenwerking","definitionVersion":"2.0.0","exported":"x","answers":{
	  "organisaties":[{"naam":"Al ingevuld"}],
	  "partners":[{"naam":"Oud"}]}}`
	res, err := checklist.Import(def, old)
	if err != nil {
		t.Fatal(err)
	}
	if got := checklist.JSONText(checklist.EncodeAnswers(def, res.Answers)); !strings.Contains(got, `"naam":"Al ingevuld"`) {
		t.Errorf("answers %s", got)
	}
	if len(res.Dropped) != 1 || res.Dropped[0].Item != "partners.0.naam" {
		t.Errorf("dropped %+v; answers %s", res.Dropped, checklist.JSONText(checklist.EncodeAnswers(def, res.Answers)))
	}
}

// TestMovedChecked: defcheck's loader refuses a move to a place that does
// not exist, or from a field to a question.
func TestMovedChecked(t *testing.T) {
	skipWithoutAuthorChecks(t)
	base := `id: t
title: T
version: "2.0.0"
date: "2026-11-30"
description: d
sections:
  - id: s
    title: S
    items:
      - {id: a, kind: text, question: "A"}
      - id: g
        kind: group
        question: "G"
        fields: [{id: f, kind: text, question: "F"}]
moved:
`
	for move, want := range map[string]string{
		`  - {from: oud, to: a, before: "2.0.0"}`:   "",
		`  - {from: h.f, to: g.f, before: "2.0.0"}`: "",
		`  - {from: oud, to: b, before: "2.0.0"}`:   "geen vraag of veld",
		`  - {from: h.f, to: g.x, before: "2.0.0"}`: "geen vraag of veld",
		`  - {from: h.f, to: a, before: "2.0.0"}`:   "een veld van een groep gaat naar een veld",
		`  - {from: h., to: g.f, before: "2.0.0"}`:  "groep.veld",
		`  - {from: oud, to: a, before: "twee"}`:    "geen versienummer",
	} {
		_, _, err := loadQuiet(base + move + "\n")
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("%s: %v, want %q", move, err, want)
		}
	}
}

// TestOldWerkwijzeFileMakesOrganisations: in werkwijze 1.x a deelmoment's
// van and naar were a partner from the list plus a typed "andere partij";
// since 2.0.0 they name rows of organisaties. Every partner and typed name
// becomes one row (a typed name with its partner as one row), an existing
// row with that name, or the only row of that soort, is reused, and nothing
// is reported as no longer fitting. The findings that need the type of an
// organisation read it from the row.
func TestOldWerkwijzeFileMakesOrganisations(t *testing.T) {
	def := loadShipped(t, "werkwijze")
	old, err := os.ReadFile(filepath.Join("testdata", "werkwijze-1.3.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := checklist.Import(def, string(old))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dropped) != 0 || len(res.Notes) != 0 {
		t.Fatalf("dropped %+v, notes %q", res.Dropped, res.Notes)
	}
	enc := checklist.EncodeAnswers(def, res.Answers)
	orgs, _ := enc.Values["organisaties"].([]any)
	wantOrgs := []string{
		// kept as they were; the wijkteam is the only row of its soort
		`{"_id":"k3j2h4g5","naam":"Gemeente Noordstad, wijkteam","soort":"wmo-jeugd-wijkteam","rol":"verwerkingsverantwoordelijke"}`,
		// GGD (from the list) matches this row by name and fills its soort
		`{"_id":"organisaties-2","naam":"GGD","soort":"ggd"}`,
		`{"_id":"organisaties-3","naam":"Woningcorporaties","soort":"woningcorporatie"}`,
		`{"_id":"organisaties-4","naam":"Politie basisteam Noord","soort":"politie"}`,
		`{"_id":"organisaties-5","naam":"Buurtteam Oost"}`,
		`{"_id":"organisaties-6","naam":"Veilig Thuis Noord"}`,
	}
	if len(orgs) != len(wantOrgs) {
		t.Fatalf("organisaties: %s", checklist.JSONText(orgs))
	}
	for i, w := range wantOrgs {
		if got := checklist.JSONText(orgs[i]); got != w {
			t.Errorf("organisatie %d\n got %s\nwant %s", i+1, got, w)
		}
	}
	moments, _ := res.Answers["deelmomenten"].([]checklist.Row)
	want := [][2]string{
		{"organisaties-3", "k3j2h4g5"},
		{"organisaties-4", "k3j2h4g5"},
		{"k3j2h4g5", "organisaties-2"},
		{"organisaties-5", "organisaties-5"},
		{"organisaties-3", "organisaties-6"},
	}
	for i, w := range want {
		r := moments[i]
		if r["van"] != w[0] || r["naar"] != w[1] || r["van-anders"] != nil || r["naar-anders"] != nil {
			t.Errorf("deelmoment %d: %v, want van %s naar %s", i+1, r, w[0], w[1])
		}
	}
	// The same findings as in 1.3.0, now through van.soort and naar.soort;
	// a typed organisation has no soort, so the checks that need it ask
	// for it rather than pass.
	got := map[string]bool{}
	for _, f := range checklist.Evaluate(def, res.Answers).Findings {
		got[f.ID+"#"+strconv.Itoa(f.Row+1)] = true
	}
	for _, id := range []string{"gerechtvaardigd-belang-afweging#1", "soort-gever-onbekend#4", "soort-ontvanger-onbekend#5"} {
		if !got[id] {
			t.Errorf("missing finding %s in %v", id, got)
		}
	}
	for _, id := range []string{"gerechtvaardigd-belang#1", "wpg-niet-politie#2", "meldrecht-niet-veilig-thuis#5", "partner-onbekend#4"} {
		if got[id] {
			t.Errorf("finding %s should not be there", id)
		}
	}
	// Importing the export again changes nothing: the moves only apply to
	// files older than 2.0.0.
	again, err := checklist.Import(def, checklist.Export(def, res.Answers, "2026-11-30T00:00:00Z"))
	if err != nil || len(again.Dropped) > 0 {
		t.Fatalf("re-import: %v %+v", err, again)
	}
	if a, b := checklist.JSONText(checklist.EncodeAnswers(def, again.Answers)), checklist.JSONText(enc); a != b {
		t.Errorf("re-import changed the answers\n got %s\nwant %s", a, b)
	}
}

// TestOldUppFileMakesRows: in upp 1.x a purpose's processtap was typed text
// and a data row's partner a choice from the list plus a typed "andere
// partner"; since 2.0.0 they name rows of the shared groups processtappen
// and organisaties. A typed step becomes one processtappen row (the same
// text, in any case, names the same row), a partner and a typed name of one
// row become one organisation, an existing row with that name is reused,
// and nothing is reported as no longer fitting.
func TestOldUppFileMakesRows(t *testing.T) {
	def := loadShipped(t, "upp")
	old, err := os.ReadFile(filepath.Join("testdata", "upp-1.3.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := checklist.Import(def, string(old))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dropped) != 0 || len(res.Notes) != 0 {
		t.Fatalf("dropped %+v, notes %q", res.Dropped, res.Notes)
	}
	enc := checklist.EncodeAnswers(def, res.Answers)
	for group, want := range map[string][]string{
		"organisaties": {
			`{"_id":"k3j2h4g5","naam":"Gemeente Noordstad, Wmo-team","soort":"wmo-jeugd-wijkteam","rol":"verwerkingsverantwoordelijke"}`,
			// GGD from the list matches this row by name and fills its soort
			`{"_id":"organisaties-2","naam":"GGD","soort":"ggd"}`,
			`{"_id":"organisaties-3","naam":"Burgerzaken (gemeente)","soort":"burgerzaken"}`,
			// the typed name with the partner of the same row: one organisation
			`{"_id":"organisaties-4","naam":"Huisartsenpraktijk De Linde","soort":"huisarts-ggz"}`,
			`{"_id":"organisaties-5","naam":"Woonstichting Noord"}`,
		},
		"processtappen": {
			`{"_id":"processtappen-1","stap":"Intake"}`,
			`{"_id":"processtappen-2","stap":"Plan maken"}`,
			`{"_id":"processtappen-3","stap":"Casusoverleg"}`,
		},
	} {
		rows, _ := enc.Values[group].([]any)
		if len(rows) != len(want) {
			t.Errorf("%s: %s", group, checklist.JSONText(rows))
			continue
		}
		for i, w := range want {
			if got := checklist.JSONText(rows[i]); got != w {
				t.Errorf("%s %d\n got %s\nwant %s", group, i+1, got, w)
			}
		}
	}
	doelen, _ := res.Answers["doelen"].([]checklist.Row)
	gegevens, _ := res.Answers["gegevens"].([]checklist.Row)
	want := [][2]any{
		{"processtappen-1", "organisaties-3"},
		{"processtappen-2", "organisaties-4"},
		{"processtappen-1", "organisaties-5"},
		{nil, "organisaties-2"},
		{"processtappen-3", "organisaties-5"},
	}
	if len(doelen) != len(want) || len(gegevens) != len(want) {
		t.Fatalf("doelen %v, gegevens %v", doelen, gegevens)
	}
	for i, w := range want {
		if doelen[i]["processtap"] != w[0] || gegevens[i]["partner"] != w[1] || gegevens[i]["partner-anders"] != nil {
			t.Errorf("doel %d: processtap %v, partner %v; want %v", i+1, doelen[i]["processtap"], gegevens[i], w)
		}
	}
	// The report names the rows, not their ids.
	rep := checklist.Report(def, res.Answers, checklist.Evaluate(def, res.Answers))
	for _, s := range []string{"Processtap 1: Intake", "Organisatie 4: Huisartsenpraktijk De Linde"} {
		if !strings.Contains(rep, s) {
			t.Errorf("the report does not say %q", s)
		}
	}
	got := map[string]bool{}
	for _, f := range checklist.Evaluate(def, res.Answers).Findings {
		got[f.ID+"#"+strconv.Itoa(f.Row+1)] = true
	}
	if !got["doel-zonder-processtap#4"] || got["doel-zonder-processtap#3"] || got["partner-ontbreekt#3"] {
		t.Errorf("findings %v", got)
	}
	// Importing the export again changes nothing: the moves only apply to
	// files older than 2.0.0.
	again, err := checklist.Import(def, checklist.Export(def, res.Answers, "2026-11-30T00:00:00Z"))
	if err != nil || len(again.Dropped) > 0 {
		t.Fatalf("re-import: %v %+v", err, again)
	}
	if a, b := checklist.JSONText(checklist.EncodeAnswers(def, again.Answers)), checklist.JSONText(enc); a != b {
		t.Errorf("re-import changed the answers\n got %s\nwant %s", a, b)
	}
}
