//go:build browser

package browser

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"deelwijzer/internal/browsertest"
)

// TestDocumentsDownload opens the workbook with the example case, goes to
// the result, and downloads the DPIA report as .docx and as .odt. The
// document writer is fetched only at the first click (it is a module of
// its own), nothing goes to another origin, and each file is a ZIP whose
// main part holds the case's answers as text. axe checks the result with
// the document buttons and the status message.
func TestDocumentsDownload(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	tab := b.NewTab(t)
	downloads := t.TempDir()
	setDownloads(t, tab, downloads)
	openChecklist(t, tab, s.URL+"checklists/werkwijze/")

	example, err := filepath.Abs(filepath.Join("..", "..", "static", "voorbeelden", "casus-zvh-werkwijze.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#importeer"), []string{example})); err != nil {
		t.Fatalf("choose import file: %v", err)
	}
	tab.WaitVisible("#importmelding")
	tab.Click("#afronden")
	tab.WaitVisible("#resultaat")
	tab.WaitVisible("#documenten")
	if n := tab.Count("#documenten button[data-document]"); n < 8 {
		t.Fatalf("%d document buttons, want two per template", n)
	}
	for _, r := range tab.Requests() {
		if strings.Contains(r.URL, "/gen/documents.") {
			t.Fatalf("the document writer was fetched before anyone asked for a document: %s", r.URL)
		}
	}

	checks := map[string]string{"docx": "word/document.xml", "odt": "content.xml"}
	for _, format := range []string{"docx", "odt"} {
		tab.Click(`#documenten button[data-document="dpia-rapport"][data-format="` + format + `"]`)
		file := waitDownload(t, downloads, "werkwijze-dpia-rapport-")
		if !strings.HasSuffix(file, "."+format) {
			t.Fatalf("downloaded %s, want a .%s file", file, format)
		}
		part := zipPart(t, file, checks[format])
		for _, want := range []string{"DPIA-rapport", "Persoonsgerichte aanpak in het Zorg- en Veiligheidshuis", "Een jurist moet het controleren"} {
			if !strings.Contains(part, want) {
				t.Errorf("%s: %s lacks %q", filepath.Base(file), checks[format], want)
			}
		}
		if err := os.Remove(file); err != nil {
			t.Fatal(err)
		}
	}
	if got := tab.Text("#documenten-status"); !strings.Contains(got, "gedownload") {
		t.Errorf("status after the download: %q", got)
	}
	fetched := 0
	for _, r := range tab.Requests() {
		if !strings.HasPrefix(r.URL, s.URL) && !strings.HasPrefix(r.URL, "blob:") && !strings.HasPrefix(r.URL, "data:") {
			t.Errorf("request to another origin: %s", r.URL)
		}
		if strings.Contains(r.URL, "/gen/documents.") {
			fetched++
		}
	}
	if fetched == 0 {
		t.Error("the document writer module was never fetched")
	}
	axeClean(t, tab, "workbook result with documents")
}

func zipPart(t *testing.T, file, name string) string {
	t.Helper()
	r, err := zip.OpenReader(file)
	if err != nil {
		t.Fatalf("%s is not a ZIP file: %v", file, err)
	}
	defer r.Close()
	for _, f := range r.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("%s has no %s", file, name)
	return ""
}

// TestDocumentTemplatePagesPrint: every blank template under /documenten/
// prints with its title, the note that a jurist checks the draft, and its
// last heading (nothing cut off); placeholders print as [text] and no
// template syntax shows.
func TestDocumentTemplatePagesPrint(t *testing.T) {
	dir := publicDir(t)
	pages, err := filepath.Glob(filepath.Join(dir, "documenten", "*", "index.html"))
	if err != nil || len(pages) < 4 {
		t.Fatalf("expected at least 4 template pages, found %d (%v)", len(pages), err)
	}
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	tab := b.NewTab(t)
	for _, p := range pages {
		slug := filepath.Base(filepath.Dir(p))
		tab.Go(s.URL + "documenten/" + slug + "/")
		title := tab.Text("h1")
		last := browsertest.Eval[string](tab, `(() => { const h = document.querySelectorAll('.dw-prose h2, .dw-prose h3'); return h.length ? h[h.length - 1].textContent : ''; })()`)
		text := strings.Join(strings.Fields(browsertest.PDFText(t, tab.PrintPDF())), " ")
		for _, want := range []string{title, "Dit is een concept", last} {
			if !strings.Contains(text, strings.Join(strings.Fields(want), " ")) {
				t.Errorf("%s: the printed page lacks %q", slug, want)
			}
		}
		if strings.Contains(text, "{{") {
			t.Errorf("%s: template syntax in the printed page", slug)
		}
	}
}
