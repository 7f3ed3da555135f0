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
	def, _, err := yamldef.Load(src, lists)
	if err != nil {
		t.Fatal(err)
	}
	answers := answersFromJSON(t, def, `{
	  "bestaande-samenwerkingen": "ja",
	  "partners": [
	    {"naam": "Sociale Zaken", "publieke-taak": "ja", "grondslag": "gerechtvaardigd-belang"},
	    {"naam": "Woningcorporatie", "publieke-taak": "nee", "grondslag": "alleen-afspraak"},
	    {"naam": "Wijkteam", "publieke-taak": "ja"}
	  ],
	  "alternatieven": "ja",
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
	want := "geen-grondslag afspraak-geen-grondslag gerechtvaardigd-belang-publieke-taak minder-ingrijpend brp-niet-op-orde geen-fg geen-privacy-officer dpia-niet-begonnen"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("findings\n got %s\nwant %s", got, want)
	}
	for _, id := range []string{"bestaande-welke", "alternatieven-afweging", "brp-op-orde"} {
		if !st.IsVisible(id) {
			t.Errorf("%s should be visible", id)
		}
	}
	if st.IsVisible("dpia-niet-nodig-waarom") || st.IsVisible("toezichthouders-welke") {
		t.Error("conditional questions visible without their condition")
	}
	if len(st.Sections) != 8 {
		t.Errorf("%d sections", len(st.Sections))
	}
	report := checklist.Report(def, answers, st)
	if !strings.Contains(report, "| Sociale Zaken | - | Ja | - | Gerechtvaardigd belang | - |") {
		t.Errorf("report table missing:\n%s", report)
	}
}
