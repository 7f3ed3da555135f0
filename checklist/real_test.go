package checklist_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deelwijzer/checklist"
	"deelwijzer/checklist/yamldef"
)

// TestSamenwerkingChecklist runs the shipped checklist with the shipped
// lists through a realistic half-finished case.
func TestSamenwerkingChecklist(t *testing.T) {
	dataDir := filepath.Join("..", "data")
	lists, err := yamldef.LoadLists(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(dataDir, "checklists", "samenwerking.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	shared, err := yamldef.LoadShared(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	def, _, err := yamldef.LoadIn(src, lists, shared)
	if err != nil {
		t.Fatal(err)
	}
	answers := answersFromJSON(t, def, `{
	  "bestaande-samenwerkingen": "ja",
	  "organisaties": [{"naam": "Sociale Zaken"}, {"naam": "Woningcorporatie"}, {"naam": "Wijkteam"}],
	  "partners": [
	    {"publieke-taak": "ja", "grondslag": "gerechtvaardigd-belang"},
	    {"publieke-taak": "nee", "grondslag": "alleen-afspraak"},
	    {"publieke-taak": "ja"}
	  ],
	  "minst-ingrijpend": "nee",
	  "adresonderzoek": "ja",
	  "brp-op-orde": "weetniet",
	  "rollen": ["projectleider", "toezichthouder"],
	  "doc-dpia": "niet-gestart"
	}`)
	st := checklist.Evaluate(def, answers)
	var ids []string
	for _, f := range st.Findings {
		ids = append(ids, f.ID)
	}
	// The FG not being in the team is no finding: the FG advises
	// independently (art. 38 lid 6 AVG); fg-advies is asked in step 7.
	want := "geen-grondslag afspraak-geen-grondslag gerechtvaardigd-belang-publieke-taak minder-ingrijpend brp-niet-op-orde geen-privacy-officer dpia-niet-begonnen"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("findings\n got %s\nwant %s", got, want)
	}
	for _, id := range []string{"bestaande-welke", "brp-op-orde"} {
		if !st.IsVisible(id) {
			t.Errorf("%s should be visible", id)
		}
	}
	if st.IsVisible("dpia-niet-nodig-waarom") || st.IsVisible("toezichthouders-welke") || st.IsVisible("minst-ingrijpend-afweging") {
		t.Error("conditional questions visible without their condition")
	}
	if len(st.Sections) != 8 {
		t.Errorf("%d sections", len(st.Sections))
	}
	report := checklist.Report(def, answers, st)
	if !strings.Contains(report, "| Organisatie 1: Sociale Zaken | Ja | - | Gerechtvaardigd belang | - |") {
		t.Errorf("report table missing:\n%s", report)
	}
}

// TestRealGolden runs every testdata/real/<checklist-id>--<case>.txtar
// against the shipped definition data/checklists/<checklist-id>.yaml with the
// shipped data lists. An archive holds:
//
//   - a comment (the text before the first file) saying what the case shows;
//   - answers.json: the answers; every one must fit the definition;
//   - findings.txt: one line per finding in order, "<finding-id> <severity>",
//     written by hand: -update never writes it, so it holds the key values
//     checked independently of the code under test;
//   - report.md: the Markdown report. Run with -update to write it, then
//     review it. Every section is required: a case that lost one would
//     otherwise pass by comparing nothing.
func TestRealGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "real", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in testdata/real: %v", err)
	}
	dataDir := filepath.Join("..", "data")
	lists, err := yamldef.LoadLists(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	shared, err := yamldef.LoadShared(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defs := map[string]*checklist.Definition{}
	loadErrs := map[string]error{}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			id, _, ok := strings.Cut(strings.TrimSuffix(filepath.Base(file), ".txtar"), "--")
			if !ok {
				t.Fatalf("name the file <checklist-id>--<case>.txtar")
			}
			if _, seen := defs[id]; !seen && loadErrs[id] == nil {
				src, err := os.ReadFile(filepath.Join(dataDir, "checklists", id+".yaml"))
				if err == nil {
					defs[id], _, err = yamldef.LoadIn(src, lists, shared)
				}
				loadErrs[id] = err
			}
			if err := loadErrs[id]; err != nil {
				t.Fatalf("data/checklists/%s.yaml does not load:\n%v", id, err)
			}
			def := defs[id]
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a := parseArchive(string(src))
			if strings.TrimSpace(a.comment) == "" {
				t.Error("start the archive with a comment saying what the case shows")
			}
			answersJSON, ok := a.files["answers.json"]
			if !ok {
				t.Fatal("answers.json is missing")
			}
			tree, err := checklist.ParseJSON(answersJSON, checklist.MaxJSONDepth)
			if err != nil {
				t.Fatalf("answers.json: %v", err)
			}
			answers, dropped := checklist.DecodeAnswers(def, tree)
			for _, d := range dropped {
				t.Errorf("answers.json: %s: %s", d.Item, d.Reason)
			}
			st := checklist.Evaluate(def, answers)
			var got strings.Builder
			for _, f := range st.Findings {
				got.WriteString(f.ID + " " + string(f.Severity) + "\n")
			}
			want, ok := a.files["findings.txt"]
			if !ok && !*update {
				t.Fatal("findings.txt is missing")
			}
			if *update {
				a.set("findings.txt", got.String())
			} else if got.String() != want {
				t.Errorf("findings differ.\n--- got ---\n%s--- want ---\n%s", got.String(), want)
			}
			report := checklist.ReportAt(def, answers, st, "https://example.org/deelwijzer/")
			if *update {
				a.set("report.md", report)
				if err := os.WriteFile(file, []byte(a.format()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			wantReport, ok := a.files["report.md"]
			if !ok {
				t.Fatal("report.md is missing (run with -update, then review it)")
			}
			if report != wantReport {
				t.Errorf("report.md differs.\n--- got ---\n%s\n--- want ---\n%s", report, wantReport)
			}
		})
	}
}
