//go:build browser

package browser

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/chromedp/chromedp"

	"deelwijzer/internal/browsertest"
)

// What the visitor sees is exported or flagged at its field. UPP: "Doel 2"
// added and left empty, its data filled in in step 3: the text is in the
// exported file, the error summary points at the field, and after the file
// is opened again the text is back and still flagged.
func TestTrustExportFollowerRowUnderEmptySource(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	downloads := t.TempDir()
	setDownloads(t, tab, downloads)
	openChecklist(t, tab, s.URL+"checklists/upp/")
	const marker = "Hoogte van de schuld onder doel twee"
	first := `[data-rows-for="doelen"] > :nth-child(1) [data-field="doel"] input`
	tab.Focus(first)
	tab.Press("Traject naar werk kiezen")
	tab.Click(`[data-add-row="doelen"]`)
	second := `[data-rows-for="gegevens"] > :nth-child(2) [data-field="gegevens"] textarea`
	tab.WaitVisible(second)
	tab.Focus(second)
	tab.Press(marker)

	tab.Click("#exporteer-json")
	file := waitDownload(t, downloads, "upp-antwoorden-")
	exported, _ := os.ReadFile(file)
	if !strings.Contains(string(exported), marker) {
		t.Errorf("the text typed under the empty doel 2 is not in the exported file:\n%s", exported)
	}
	flagged := func(when string) {
		t.Helper()
		tab.WaitVisible("#foutoverzicht")
		if !strings.Contains(tab.Text("#foutoverzicht"), "Doel 2 is leeg") {
			t.Errorf("%s: the error summary does not name the row:\n%s", when, tab.Text("#foutoverzicht"))
		}
		if !browsertest.Eval[bool](tab, fmt.Sprintf(`document.querySelector(%q).getAttribute('aria-invalid') === 'true'`, second)) {
			t.Errorf("%s: the field with the text is not marked invalid", when)
		}
	}
	flagged("export")

	openChecklist(t, tab, s.URL+"checklists/upp/")
	if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#importeer"), []string{file})); err != nil {
		t.Fatal(err)
	}
	tab.WaitVisible("#importmelding")
	if got := browsertest.Eval[string](tab, fmt.Sprintf(`document.querySelector(%q).value`, second)); got != marker {
		t.Errorf("after import the field holds %q", got)
	}
	tab.Click("#afronden")
	flagged("check after import")
}

// A five-digit year is a date the browser's field accepts: it is flagged at
// the field when exporting, not silently left out.
func TestTrustExportImpossibleDate(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	downloads := t.TempDir()
	setDownloads(t, tab, downloads)
	openChecklist(t, tab, s.URL+"checklists/samenwerking/")
	field := `input[name="evaluatiedatum"]`
	tab.Focus(field)
	// Chromium's date field takes the digits in the locale's order (en-US).
	tab.Press("03")
	tab.Press("01")
	tab.Press("20255")
	if v := browsertest.Eval[string](tab, `document.querySelector('input[name="evaluatiedatum"]').value`); v != "20255-03-01" {
		t.Fatalf("the date field holds %q", v)
	}
	tab.Click("#exporteer-json")
	waitDownload(t, downloads, "samenwerking-antwoorden-")
	tab.WaitVisible("#foutoverzicht")
	if !strings.Contains(tab.Text("#foutoverzicht"), "Vul een geldige datum in") {
		t.Errorf("the impossible date is not in the error summary:\n%s", tab.Text("#foutoverzicht"))
	}
	if !browsertest.Eval[bool](tab, `document.querySelector('input[name="evaluatiedatum"]').getAttribute('aria-invalid') === 'true'`) {
		t.Error("the date field is not marked invalid")
	}
}

func chooseFile(t *testing.T, tab *browsertest.Tab, name string, data []byte) string {
	t.Helper()
	browsertest.Eval[bool](tab, `(() => { const m = document.getElementById('importmelding'); m.hidden = true; m.replaceChildren(); return true; })()`)
	file := filepath.Join(t.TempDir(), name)
	os.WriteFile(file, data, 0o600)
	if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#importeer"), []string{file})); err != nil {
		t.Fatal(err)
	}
	tab.WaitVisible("#importmelding")
	return tab.Text("#importmelding")
}

// A file in Latin-1 is refused with a message naming UTF-8, and the answers
// on screen stay; the same file in UTF-16 with a byte order mark is read
// with its accents intact.
func TestTrustImportCharacterSet(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openChecklist(t, tab, s.URL+"checklists/samenwerking/")
	d := pageDefinition(t, tab)
	before := formState(t, tab)
	text := fmt.Sprintf(`{"schema":"deelwijzer-antwoorden","schemaVersion":1,"checklist":%q,"definitionVersion":%q,"answers":{"looptijd":"Twee jaar, tot de evaluatie met Zoë en René"}}`, d.ID, d.Version)

	latin1 := []byte(strings.NewReplacer("ë", "\xEB", "é", "\xE9").Replace(text))
	msg := chooseFile(t, tab, "latin1.json", latin1)
	if !strings.Contains(msg, "kan niet worden geopend") || !strings.Contains(msg, "UTF-8") {
		t.Errorf("Latin-1 file: message %q", msg)
	}
	if formState(t, tab) != before {
		t.Error("Latin-1 file changed the answers on screen")
	}

	var utf16le []byte
	for _, u := range utf16.Encode([]rune("\uFEFF" + text)) {
		utf16le = append(utf16le, byte(u), byte(u>>8))
	}
	msg = chooseFile(t, tab, "utf16.json", utf16le)
	if strings.Contains(msg, "kan niet worden geopend") {
		t.Errorf("UTF-16 file refused: %s", msg)
	}
	if got := browsertest.Eval[string](tab, `document.querySelector('[name="looptijd"]').value`); got != "Twee jaar, tot de evaluatie met Zoë en René" {
		t.Errorf("UTF-16 file: looptijd = %q", got)
	}
}

// A file with 60,000 unknown questions gives a short list and a count of the
// rest, not a list of 60,000.
func TestTrustImportManyUnknownKeys(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openChecklist(t, tab, s.URL+"checklists/samenwerking/")
	d := pageDefinition(t, tab)
	answers := map[string]any{"looptijd": "twee jaar"}
	for i := 0; i < 60000; i++ {
		answers[fmt.Sprintf("onbekend-%d", i)] = "ja"
	}
	data, _ := json.Marshal(map[string]any{"schema": "deelwijzer-antwoorden", "schemaVersion": 1, "checklist": d.ID,
		"definitionVersion": "0.0.1", "answers": answers})
	msg := chooseFile(t, tab, "veel.json", data)
	items := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll('#importmelding li')).map((li) => li.textContent)`)
	if len(items) != 21 {
		t.Fatalf("%d list items, want 20 named and one count:\n%.600s", len(items), msg)
	}
	if last := items[len(items)-1]; last != "En nog 59.980 andere antwoorden die niet passen." {
		t.Errorf("last item %q", last)
	}
}

// The saved report links to the site under the address it is served from,
// so the links work outside the site too.
func TestTrustReportLinks(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	downloads := t.TempDir()
	setDownloads(t, tab, downloads)
	openChecklist(t, tab, s.URL+"checklists/samenwerking/")
	tab.Focus(`[name="looptijd"]`)
	tab.Press("zie https://example.org/plan")
	tab.Click("#exporteer-md")
	report, _ := os.ReadFile(waitDownload(t, downloads, "samenwerking-verslag-"))
	if !strings.Contains(string(report), "]("+s.URL+"samenwerking/)") {
		t.Errorf("the report does not link to the site under %s:\n%.600s", s.URL, report)
	}
	if strings.Contains(string(report), "](/") {
		t.Error("the report has root-relative links")
	}
	if !strings.Contains(string(report), `zie https\://example.org/plan`) {
		t.Errorf("the typed address is not kept as text:\n%s", report)
	}
}
