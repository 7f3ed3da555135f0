//go:build browser

package browser

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deelwijzer/internal/browsertest"
)

// Documents made from the whole dossier: the convenant reads the workbook
// (deelmomenten, grondslagen) and the collaboration checklist (the art. 26
// agreements), the plan van aanpak the collaboration checklist and the
// dossier's organisations.

// seedDossier puts a dossier file of document/testdata/dossiers on this
// device, as if the visitor had opened it on the list of dossiers.
func seedDossier(t *testing.T, tab *browsertest.Tab, s *browsertest.Server, name string) string {
	t.Helper()
	text, err := os.ReadFile(filepath.Join("..", "..", "document", "testdata", "dossiers", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Dossier struct {
			ID string `json:"id"`
		} `json:"dossier"`
	}
	if err := json.Unmarshal(text, &d); err != nil {
		t.Fatal(err)
	}
	q, _ := json.Marshal(string(text))
	tab.Go(s.URL)
	browsertest.Eval[bool](tab, `(localStorage.setItem('deelwijzer:dossier:`+d.Dossier.ID+`', `+string(q)+`), true)`)
	return d.Dossier.ID
}

// TestDossierDocuments: in a dossier, the workbook's convenant holds the
// collaboration checklist's agreements (from the dossier) and the
// workbook's own grondslagen; the collaboration checklist's result offers
// the plan van aanpak and the convenant. The other checklist's definition
// comes from the site itself; nothing goes to another origin; axe finds
// nothing on either result.
func TestDossierDocuments(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	tab := b.NewTab(t)
	downloads := t.TempDir()
	setDownloads(t, tab, downloads)
	id := seedDossier(t, tab, s, "wijkteam")

	openChecklist(t, tab, inDossier(s, "checklists/werkwijze/", id))
	tab.Click("#afronden")
	tab.WaitVisible("#documenten")
	tab.Click(`#documenten button[data-document="convenant"][data-format="docx"]`)
	file := waitDownload(t, downloads, "werkwijze-convenant-")
	text := zipPart(t, file, "word/document.xml")
	for _, want := range []string{
		"Convenant en privacyprotocol", "Wijkteam Noord", // the dossier's name in the title block
		"Gemeente Noordstad, wijkteam Noord zorgt dat elk verzoek wordt afgehandeld", // samenwerking, from the dossier
		"Binnen 24 uur na ontdekking",
		"Wet politiegegevens, art. 19", // the workbook on this page
		"Een jurist moet het controleren",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("convenant from the workbook lacks %q", want)
		}
	}
	if strings.Contains(text, "niet in een dossier") || strings.Contains(text, "nog geen antwoorden") {
		t.Error("the convenant says answers are missing, yet the dossier has them")
	}
	axeClean(t, tab, "workbook result in a dossier")

	openChecklist(t, tab, inDossier(s, "checklists/samenwerking/", id))
	tab.Click("#afronden")
	tab.WaitVisible("#documenten")
	tab.Click(`#documenten button[data-document="plan-van-aanpak"][data-format="odt"]`)
	file = waitDownload(t, downloads, "samenwerking-plan-van-aanpak-")
	text = zipPart(t, file, "content.xml")
	for _, want := range []string{"Plan van aanpak", "Domein Zorg en Welzijn van de gemeente", "Woningcorporatie Thuis", "Kernteam van leidinggevenden"} {
		if !strings.Contains(text, want) {
			t.Errorf("plan van aanpak lacks %q", want)
		}
	}
	tab.Click(`#documenten button[data-document="convenant"][data-format="odt"]`)
	file = waitDownload(t, downloads, "samenwerking-convenant-")
	text = zipPart(t, file, "content.xml")
	for _, want := range []string{"Gemeente Noordstad, wijkteam Noord zorgt dat elk verzoek", "Wet politiegegevens, art. 19"} {
		if !strings.Contains(text, want) {
			t.Errorf("convenant from the collaboration checklist lacks %q", want)
		}
	}
	axeClean(t, tab, "collaboration result in a dossier")

	definitions := 0
	for _, r := range tab.Requests() {
		if !strings.HasPrefix(r.URL, s.URL) && !strings.HasPrefix(r.URL, "blob:") && !strings.HasPrefix(r.URL, "data:") {
			t.Errorf("request to another origin: %s", r.URL)
		}
		if strings.Contains(r.URL, "/gen/definities/") {
			definitions++
		}
	}
	if definitions == 0 {
		t.Error("the other checklist's definition was never fetched from the site")
	}
}
