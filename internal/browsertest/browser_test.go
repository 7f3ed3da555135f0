//go:build browser

package browsertest

import (
	"os"
	"strings"
	"testing"
)

// One browser for the harness tests; each test opens its own tab.
func TestBrowserHarness(t *testing.T) {
	s := Serve(t, "testdata/site", "/deelwijzer/", ServeOptions{})
	b := NewBrowser(t)

	t.Run("requests and keyboard", func(t *testing.T) {
		tab := b.NewTab(t)
		tab.Go(s.URL)
		if got := tab.Text("#uitvoer"); got != "Script draait" {
			t.Errorf("script did not run: %q", got)
		}
		// The first Tab reaches the text field, the second the button.
		tab.Press(KeyTab)
		if got := tab.Focused(); got != "input#veld" {
			t.Errorf("after Tab focus on %s", got)
		}
		tab.Type("#veld", "GEHEIM-123")
		tab.Press(KeyTab)
		if got := tab.Focused(); got != `button#knop "Klaar"` {
			t.Errorf("after second Tab focus on %s", got)
		}
		tab.Press(KeyEnter)
		tab.WaitReady("body")
		Eval[bool](tab, `new Promise(r => setTimeout(() => r(true), 300))`)

		problems := tab.RequestProblems(s.Origin, "GEHEIM-123")
		if len(problems) != 2 || !strings.Contains(problems[0], "HTTP error") || !strings.Contains(problems[1], "marker") {
			t.Errorf("expected the echo request to be a 404 that carries the marker, got %q\nrequests: %v", problems, tab.Requests())
		}
		if nf := s.NotFound(); len(nf) != 1 || !strings.HasPrefix(nf[0], "/deelwijzer/echo?naam=GEHEIM-123") {
			t.Errorf("server 404s: %q", nf)
		}
	})

	t.Run("axe", func(t *testing.T) {
		tab := b.NewTab(t)
		tab.Go(s.URL)
		vs, err := Axe(tab.Ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) != 0 {
			t.Errorf("clean page has violations:\n%s", vs)
		}
		tab.Go(s.URL + "sub/")
		vs, err = Axe(tab.Ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(vs.String(), "image-alt") {
			t.Errorf("image without alt not found; violations:\n%s", vs)
		}
	})

	t.Run("page errors", func(t *testing.T) {
		tab := b.NewTab(t)
		tab.Go(s.URL)
		if errs := tab.PageErrors(); len(errs) != 0 {
			t.Errorf("clean page reports errors: %q", errs)
		}
		tab.ResetRequests()
		tab.Go(s.URL + "csp/")
		errs := tab.PageErrors()
		if len(errs) == 0 || !strings.Contains(strings.Join(errs, " "), "Content Security Policy") {
			t.Errorf("blocked inline script not reported; errors: %q", errs)
		}
		if title := Eval[string](tab, "document.title"); title != "CSP" {
			t.Errorf("inline script ran: title %q", title)
		}
	})

	t.Run("without JavaScript", func(t *testing.T) {
		tab := b.NewTab(t)
		tab.DisableJavaScript()
		tab.Go(s.URL)
		if got := tab.Text("#uitvoer"); got != "Geen script" {
			t.Errorf("script ran although JavaScript is off: %q", got)
		}
	})

	t.Run("print", func(t *testing.T) {
		if _, err := os.Stat(PdftotextPath); err != nil {
			t.Skip("pdftotext missing; install poppler-utils")
		}
		tab := b.NewTab(t)
		tab.Go(s.URL)
		text := PDFText(t, tab.PrintPDF())
		if !strings.Contains(text, "Proefpagina") {
			t.Errorf("PDF text lacks the heading:\n%s", text)
		}
	})
}
