package checklist_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deelwijzer/checklist"
)

// loadCase loads the definition inside a golden case.
func loadCase(t *testing.T, name string) (*checklist.Definition, *archive) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "cases", name))
	if err != nil {
		t.Fatal(err)
	}
	a := parseArchive(string(src))
	return loadYAML(t, a.files["definition.yaml"]), a
}

func findingTexts(st *checklist.State) string {
	var out []string
	for _, f := range st.Findings {
		out = append(out, f.Text)
	}
	return strings.Join(out, "\n")
}

// TestFollowerExportKeepsRowsAligned: export leaves out a blank source row
// and the follower rows at the same index, so the file stays aligned and
// imports to the same findings (rows renumbered).
func TestFollowerExportKeepsRowsAligned(t *testing.T) {
	def, a := loadCase(t, "volgen.txtar")
	answers := answersFromJSON(t, def, a.files["answers.json"])
	file := checklist.Export(def, answers, "2026-11-23T10:00:00Z")
	for _, want := range []string{
		`"deelmomenten":[{"_id":"deelmomenten-1","processtap":"Aanmelding"`,
		// Row 2 of the source is blank, but the followers' rows 2 and 4
		// hold something the page shows: they are kept, aligned, each
		// with the id of its family's row.
		`"deelmomenten":[{"_id":"deelmomenten-1","processtap":"Aanmelding","van":"wijkteam","naar":"veilig-thuis","gegevens":"Naam | adres"},{"_id":"deelmomenten-2"},{"_id":"deelmomenten-3","processtap":"Terugkoppeling","van-anders":"Huisarts","naar":"wijkteam"},{"_id":"rechtmatigheid-4"}]`,
		`"rechtmatigheid":[{"_id":"deelmomenten-1","grondslag":"taak"},{"_id":"deelmomenten-2","grondslag":"onbekend"},{"_id":"deelmomenten-3"},{"_id":"rechtmatigheid-4","grondslag":"onbekend"}]`,
		`"risicos":[{"_id":"deelmomenten-1","risico":"Te veel gegevens","kans":"4","impact":"4","restkans":"2","restimpact":"3"},{"_id":"deelmomenten-2"},{"_id":"deelmomenten-3","risico":"Onveilig kanaal","kans":"2","impact":"3"},{"_id":"rechtmatigheid-4"}]`,
	} {
		if !strings.Contains(file, want) {
			t.Errorf("export lacks %s:\n%s", want, file)
		}
	}
	res, err := checklist.Import(def, file)
	if err != nil {
		t.Fatal(err)
	}
	got := findingTexts(checklist.Evaluate(def, res.Answers))
	want := "Deelmoment 3 (Terugkoppeling, van (niet ingevuld)) heeft nog geen grondslag.\nHet risico 'Te veel gegevens' bij Aanmelding is groot."
	if got != want {
		t.Errorf("after import:\n%s\nwant\n%s", got, want)
	}
}

// TestFollowerRows: a follower has a row for each filled source row only;
// an optional follower does not need its rows filled, a required one does.
func TestFollowerRows(t *testing.T) {
	def, _ := loadCase(t, "volgen.txtar")
	answers := answersFromJSON(t, def, `{
	  "deelmomenten": [{"processtap": "A"}, {"processtap": "B"}],
	  "rechtmatigheid": [{"grondslag": "taak"}],
	  "risicos": [{}, {}, {"risico": "buiten de bron"}]
	}`)
	var errs []string
	for _, e := range checklist.Validate(def, answers) {
		errs = append(errs, e.Field)
	}
	// The risk typed in a row beyond the source is not counted, but
	// flagged where it stands.
	if got := strings.Join(errs, " "); got != "rechtmatigheid.1.grondslag risicos.2.risico" {
		t.Errorf("validation: %s", got)
	}
	st := checklist.Evaluate(def, answers)
	if got := findingTexts(st); got != "Deelmoment 2 (B, van (niet ingevuld)) heeft nog geen grondslag." {
		t.Errorf("findings: %s", got)
	}
	// risicos has only blank rows for the two deelmomenten: not answered;
	// rechtmatigheid lacks row 2: not answered either.
	if p := st.Sections[1]; p.Answered != 0 || p.Total != 2 {
		t.Errorf("progress %+v", p)
	}
	report := checklist.Report(def, answers, st)
	if strings.Contains(report, "buiten de bron") {
		t.Errorf("a row beyond the source is reported:\n%s", report)
	}
	if !strings.Contains(report, "| Deelmoment 2: B | - |") {
		t.Errorf("follower row without answer missing:\n%s", report)
	}
}

func TestViewsOnDefinition(t *testing.T) {
	def, _ := loadCase(t, "volgen.txtar")
	if len(def.Views) != 3 {
		t.Fatalf("%d views", len(def.Views))
	}
	v := def.Views[2]
	after, _ := v.Spec.Get("after")
	if v.Kind != checklist.ViewRiskMap || v.Title != "Risicokaart" || after == nil {
		t.Errorf("riskmap view: %+v", v)
	}
	if def.Item("rechtmatigheid").Source != def.Item("deelmomenten") {
		t.Error("rowsFrom not resolved")
	}
}
