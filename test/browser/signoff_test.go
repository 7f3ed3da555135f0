//go:build browser

package browser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"deelwijzer/internal/browsertest"
)

// Issue 11, FG advice and sign-off: the list of dossiers sets a dossier's
// status and adds a line to its change log (an empty description is refused
// at the field); a vastgesteld dossier whose answers change afterwards says
// "Gewijzigd na vaststelling op <datum>" in the list, in the checklist's
// banner and in the documents; axe finds nothing in the form, the list with
// a log, and the blank FG advice template.
func TestDossierSignoff(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	tab := b.NewTab(t)
	downloads := t.TempDir()
	setDownloads(t, tab, downloads)

	openDossiers(t, tab, s.URL+dossiersPage)
	id := makeDossier(t, tab, "Wijkteam Noord")
	item := "li[data-dossier='" + id + "'] "
	if got := textOf(tab, item+".dw-dossier__status"); got != "Status: Concept, versie 0.1." {
		t.Errorf("new dossier: %q", got)
	}

	// Answers first, through the workbook in the dossier.
	openChecklist(t, tab, inDossier(s, "checklists/werkwijze/", id))
	example, err := filepath.Abs(filepath.Join("..", "..", "static", "voorbeelden", "casus-zvh-werkwijze.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#importeer"), []string{example})); err != nil {
		t.Fatalf("choose import file: %v", err)
	}
	tab.WaitVisible("#importmelding")
	if got := waitText(t, tab, "#dossier-banner", "Status: Concept, versie 0.1."); !strings.Contains(got, "Status: Concept, versie 0.1.") {
		t.Errorf("banner: %q", got)
	}

	// Status: the form asks for a description, then records the version.
	openDossiers(t, tab, s.URL+dossiersPage)
	clickIn(t, tab, id, "Status en versie")
	tab.WaitVisible(item + "[data-status]")
	axeClean(t, tab, "status form open")
	tab.Click(item + "input[value='ter-advies']")
	clickIn(t, tab, id, "Leg de nieuwe versie vast")
	input := "#wijziging-" + id
	waitText(t, tab, input+"-fout", "Beschrijf kort")
	if got := browsertest.Eval[string](tab, `document.querySelector('`+input+`').getAttribute('aria-describedby') + ' ' + document.querySelector('`+input+`').getAttribute('aria-invalid')`); !strings.Contains(got, "wijziging-"+id+"-fout") || !strings.HasSuffix(got, "true") {
		t.Errorf("the error is not tied to the field: %q", got)
	}
	tab.Focus(input)
	tab.Press("Naar de FG voor advies")
	clickIn(t, tab, id, "Leg de nieuwe versie vast")
	if got := waitText(t, tab, "#dossier-melding", "versie 0.1"); !strings.Contains(got, "staat nu op ter advies bij de FG, versie 0.1") {
		t.Errorf("message: %q", got)
	}
	clickIn(t, tab, id, "Status en versie")
	tab.WaitVisible(item + "[data-status]")
	tab.Click(item + "input[value='vastgesteld']")
	tab.Focus(input)
	tab.Press("Vastgesteld door de besturen")
	clickIn(t, tab, id, "Leg de nieuwe versie vast")
	waitText(t, tab, "#dossier-melding", "versie 1.0")
	if got := textOf(tab, item+".dw-dossier__status"); got != "Status: Vastgesteld, versie 1.0." {
		t.Errorf("after the vaststelling: %q", got)
	}
	if got := textOf(tab, item+".dw-dossier__log"); !strings.Contains(got, "Logboek (2 versies)") || !strings.Contains(got, "Naar de FG voor advies") || !strings.Contains(got, "Ter advies bij de FG") {
		t.Errorf("log: %q", got)
	}
	if tab.Count(item+".dw-dossier__gewijzigd") != 0 {
		t.Error("'gewijzigd na vaststelling' right after the vaststelling")
	}
	browsertest.Eval[bool](tab, `(document.querySelector("`+item+`.dw-dossier__log").open = true)`)
	axeClean(t, tab, "list with status and log")

	// An answer changed after the vaststelling: the banner says so at once.
	openChecklist(t, tab, inDossier(s, "checklists/werkwijze/", id))
	if got := waitText(t, tab, "#dossier-banner", "Vastgesteld"); !strings.Contains(got, "Status: Vastgesteld, versie 1.0.") || strings.Contains(got, "Gewijzigd") {
		t.Errorf("banner before a change: %q", got)
	}
	if tab.Count(`[data-rows-for="fg-adviezen"]`) != 1 || tab.Count(`[data-rows-for="vaststellingen"]`) != 1 {
		t.Error("the workbook has no step for the FG advice and the vaststelling")
	}
	axeClean(t, tab, "workbook with the sign-off step")
	typeInto(tab, "werkproces", " (aangepast)")
	if got := waitText(t, tab, "#dossier-banner", "Gewijzigd na vaststelling op "); !strings.Contains(got, "Gewijzigd na vaststelling op ") {
		t.Errorf("banner after a change: %q", got)
	}
	// The FG advice document says it too, with the dossier's status and version.
	tab.Click("#afronden")
	tab.WaitVisible("#documenten")
	tab.Click(`#documenten button[data-document="fg-advies"][data-format="docx"]`)
	file := waitDownload(t, downloads, "werkwijze-fg-advies-")
	part := zipPart(t, file, "word/document.xml")
	for _, want := range []string{"Advies van de FG en vaststelling", "Wijkteam Noord", "Vastgesteld, versie 1.0", "Gewijzigd na vaststelling op ", "Vastgesteld door de besturen"} {
		if !strings.Contains(part, want) {
			t.Errorf("FG advice document lacks %q", want)
		}
	}
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}

	openDossiers(t, tab, s.URL+dossiersPage)
	if got := textOf(tab, item+".dw-dossier__gewijzigd"); !strings.HasPrefix(got, "Gewijzigd na vaststelling op ") || !hasDutchMonth(got) {
		t.Errorf("list after a change: %q", got)
	}
	axeClean(t, tab, "list with a dossier changed after its vaststelling")

	tab.Go(s.URL + "documenten/fg-advies/")
	if got := tab.Text("h1"); got != "Advies van de FG en vaststelling" {
		t.Errorf("template page title %q", got)
	}
	axeClean(t, tab, "blank FG advice template")
}

func hasDutchMonth(s string) bool {
	for _, m := range []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}
