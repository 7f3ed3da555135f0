//go:build browser

package browser

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	page_ "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"deelwijzer/internal/browsertest"
)

// wasmGate is a Serve hook for the engine's .wasm: blocked answers 404,
// otherwise every request waits until Release, so a test can act while the
// page is loaded but the engine is not ready yet.
type wasmGate struct {
	blocked bool
	release chan struct{}
	once    sync.Once
}

func newWasmGate(t *testing.T, blocked bool) *wasmGate {
	return &wasmGate{blocked: blocked, release: make(chan struct{})}
}

func (g *wasmGate) Release() { g.once.Do(func() { close(g.release) }) }

func (g *wasmGate) hook(w http.ResponseWriter, r *http.Request) bool {
	if !strings.HasSuffix(r.URL.Path, ".wasm") {
		return false
	}
	if g.blocked {
		http.NotFound(w, r)
		return true
	}
	select {
	case <-g.release:
	case <-r.Context().Done():
	}
	return false
}

// serveGated serves the site with the gate on its .wasm. The gate opens
// before the server closes, so no held request keeps the server waiting.
func serveGated(t *testing.T, g *wasmGate) *browsertest.Server {
	s := browsertest.Serve(t, publicDir(t), prefix, browsertest.ServeOptions{Hook: g.hook})
	t.Cleanup(g.Release)
	return s
}

// goNoWait starts loading url without waiting for the load event (a held
// .wasm preload may delay it) and waits until the form is in the DOM.
func goNoWait(t *testing.T, tab *browsertest.Tab, url string) {
	t.Helper()
	if _, err := chromedp.Call(tab.Ctx, page_.Navigate, page_.NavigateParams{URL: url}); err != nil {
		t.Fatalf("navigate to %s: %v", url, err)
	}
	// Wait until DOMContentLoaded has run: nodes found while the page still
	// parses, or before the page script has enhanced the form, can be replaced
	// under the test's hands. readyState turns "interactive" before the module
	// scripts run, so it is not enough; the navigation entry's
	// domContentLoadedEventEnd is set only once the DOMContentLoaded handlers ran.
	for deadline := time.Now().Add(browsertest.DefaultTimeout); ; time.Sleep(50 * time.Millisecond) {
		state, err := browsertest.EvalErr[string](tab.Ctx, `(performance.getEntriesByType('navigation')[0] || {}).domContentLoadedEventEnd > 0 ? 'loaded' : document.readyState`, tab.Timeout)
		if err == nil && state == "loaded" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: still loading after %s (%v)", url, browsertest.DefaultTimeout, err)
		}
	}
	tab.WaitReady(`#checklist-roles`)
}

// TestChecklistEnterDoesNotSubmit types a marker into text fields of the UPP
// checklist and presses Enter, with JavaScript off, with the engine's .wasm
// refused by the host, and before the engine is ready. The form must not be
// sent: no request carries the marker, the address stays the same, and the
// answers stay on screen. The form itself has no way to submit (its default
// button is disabled, no other submit control) and the CSP refuses form
// submissions.
func TestChecklistEnterDoesNotSubmit(t *testing.T) {
	b := browsertest.NewBrowser(t)
	for _, tc := range []string{"zonder-javascript", "wasm-geweigerd", "engine-nog-niet-klaar"} {
		t.Run(tc, func(t *testing.T) {
			gate := newWasmGate(t, tc == "wasm-geweigerd")
			if tc != "engine-nog-niet-klaar" {
				gate.Release()
			}
			s := serveGated(t, gate)
			tab := b.NewTab(t)
			if tc == "zonder-javascript" {
				tab.DisableJavaScript()
			}
			url := s.URL + "checklists/upp/"
			goNoWait(t, tab, url)
			switch tc {
			case "wasm-geweigerd":
				// The page says the extras could not start; the form is still there.
				tab.WaitVisible(`.dw-checklist > .dw-callout[role="status"]`)
			case "engine-nog-niet-klaar":
				tab.WaitReady(`#checklist input[type="text"]`)
			}
			if got := browsertest.Eval[string](tab, `document.documentElement.dataset.engine || ""`); got != "" {
				t.Fatalf("engine state %q: the case %s needs a page without a running engine", got, tc)
			}

			// The markup: no control that can submit, and the CSP says no.
			if n := browsertest.Eval[int](tab, `[...document.querySelectorAll('#checklist button, #checklist input')]
				.filter(e => (e.type === 'submit' || e.type === 'image') && !e.disabled).length`); n != 0 {
				t.Errorf("the checklist form has %d enabled submit control(s)", n)
			}
			if csp := browsertest.Eval[string](tab, `document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`); !strings.Contains(csp, "form-action 'none'") {
				t.Errorf("the CSP does not say form-action 'none': %s", csp)
			}

			tab.ResetRequests()
			s.Reset()
			marker := "ENTERMERK" + strings.ReplaceAll(tc, "-", "")
			fields := []string{`#f-wet`, `#f-doelen-0-doel`, `#f-processtappen-1-stap`}
			for i, sel := range fields {
				tab.Type(sel, fmt.Sprintf("%s%d", marker, i))
				tab.Press(browsertest.KeyEnter)
			}
			// A submission would start a navigation at once; give it ample time
			// to show up before looking.
			time.Sleep(700 * time.Millisecond)

			if got := browsertest.Eval[string](tab, `location.href`); got != url {
				t.Errorf("the address changed after Enter: %s, want %s", got, url)
			}
			for i, sel := range fields {
				want := fmt.Sprintf("%s%d", marker, i)
				if got := browsertest.Eval[string](tab, fmt.Sprintf(`document.querySelector(%q).value`, sel)); got != want {
					t.Errorf("%s holds %q after Enter, want %q (the page was reloaded or cleared)", sel, got, want)
				}
			}
			for _, r := range tab.Requests() {
				if strings.Contains(r.URL, marker) || strings.Contains(r.PostData, marker) {
					t.Errorf("a request carries the answers: %s", r)
				}
				if r.Type == "Document" {
					t.Errorf("Enter loaded a page: %s", r)
				}
			}
			for _, r := range s.Requests() {
				if strings.Contains(r.Path, marker) {
					t.Errorf("the server got the answers: %s %s", r.Method, r.Path)
				}
			}
			for _, e := range tab.PageErrors() {
				if strings.Contains(e, "form-action") || strings.Contains(e, "send form data") {
					t.Errorf("the page tried to send the form: %s", e)
				}
			}

			if tc == "engine-nog-niet-klaar" {
				// When the engine arrives the answers are still there.
				gate.Release()
				tab.WaitReady(`html[data-engine="ready"]`)
				for i, sel := range fields {
					want := fmt.Sprintf("%s%d", marker, i)
					if got := browsertest.Eval[string](tab, fmt.Sprintf(`document.querySelector(%q).value`, sel)); got != want {
						t.Errorf("after the engine started, %s holds %q, want %q", sel, got, want)
					}
				}
			}
		})
	}
}

// TestBrowserProfileKeepsNoAnswers uses Chromium with a profile on disk, as a
// shared computer would have it. A marker is typed into every kind of text
// field of a checklist (storage on this device stays off), the visitor goes
// to another page, and Chromium is closed cleanly. No file of the profile may
// hold the marker: no autofill suggestions (Web Data), no copy of the form for
// restoring the tab (Sessions, Current Session), nothing in caches.
func TestBrowserProfileKeepsNoAnswers(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	profile := t.TempDir()
	b := browsertest.NewBrowserWith(t, browsertest.BrowserOptions{UserDataDir: profile})
	tab := b.NewTab(t)

	const marker = "PROFIELMERK7Q"
	openChecklist(t, tab, s.URL+"checklists/upp/")
	for i, sel := range []string{`#f-taak`, `#f-wet`, `#f-doelen-0-doel`, `#f-processtappen-0-stap`} {
		tab.Type(sel, fmt.Sprintf("%s%d", marker, i))
	}
	// Leave the checklist for another page of the site, then close the browser.
	tab.Focus(`#f-wet`)
	tab.Go(s.URL)
	if err := b.Close(); err != nil {
		t.Fatalf("close Chromium: %v", err)
	}

	utf16le := func(s string) []byte {
		var out []byte
		for _, r := range utf16.Encode([]rune(s)) {
			out = append(out, byte(r), byte(r>>8))
		}
		return out
	}
	needles := [][]byte{[]byte(marker), utf16le(marker)}
	files := 0
	err := filepath.WalkDir(profile, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return err
		}
		files++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, n := range needles {
			if bytes.Contains(data, n) {
				rel, _ := filepath.Rel(profile, p)
				t.Errorf("the profile keeps what was typed: %s", rel)
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 10 {
		t.Fatalf("the profile has only %d files; did Chromium use %s?", files, profile)
	}
	t.Logf("%d profile files searched", files)
}

// TestChecklistFieldLimits checks on every checklist, rows added by the
// engine included, that each text field has its length limit (500 for a
// line, 20000 for a longer text) and that the form and every field carry
// autocomplete="off".
func TestChecklistFieldLimits(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	for _, page := range checklistPages(t, dir) {
		t.Run(strings.Trim(page, "/"), func(t *testing.T) {
			tab := b.NewTab(t)
			openChecklist(t, tab, s.URL+page)
			browsertest.Eval[bool](tab, `(document.querySelectorAll('[data-add-row]').forEach((b) => { if (!b.hidden) b.click(); }), true)`)
			type field struct{ Name, Tag, Type, MaxLength, Autocomplete string }
			fields := browsertest.Eval[[]field](tab, `[...document.querySelectorAll('#checklist input, #checklist select, #checklist textarea')]
				.map((e) => ({Name: e.name, Tag: e.tagName, Type: e.type, MaxLength: e.getAttribute('maxlength') || '', Autocomplete: e.getAttribute('autocomplete') || ''}))`)
			if len(fields) == 0 {
				t.Fatal("no fields")
			}
			if got := browsertest.Eval[string](tab, `document.getElementById('checklist').getAttribute('autocomplete') || ''`); got != "off" {
				t.Errorf("form autocomplete=%q, want off", got)
			}
			counts := map[string]int{}
			for _, f := range fields {
				want := ""
				switch {
				case f.Tag == "TEXTAREA":
					want = "20000"
				case f.Tag == "INPUT" && f.Type == "text":
					want = "500"
				}
				if f.MaxLength != want {
					t.Errorf("%s (%s %s): maxlength=%q, want %q", f.Name, f.Tag, f.Type, f.MaxLength, want)
				}
				// A row's hidden id is made by the page, never typed, and HTML
				// allows no "off" on a hidden field; the form's own
				// autocomplete="off" covers it.
				if f.Autocomplete != "off" && f.Type != "hidden" {
					t.Errorf("%s (%s %s): autocomplete=%q, want off", f.Name, f.Tag, f.Type, f.Autocomplete)
				}
				counts[f.Tag+" "+f.Type]++
			}
			t.Logf("%d fields %v", len(fields), counts)
		})
	}
}

// TestChecklistRowsTypedBeforeEngine types into the second and third
// printed rows of a group, and into the third row of a group that follows it,
// while the engine is still loading. When the engine starts, those rows and
// their text must still be there.
func TestChecklistRowsTypedBeforeEngine(t *testing.T) {
	gate := newWasmGate(t, false)
	s := serveGated(t, gate)
	tab := browsertest.NewBrowser(t).NewTab(t)
	goNoWait(t, tab, s.URL+"checklists/upp/")
	tab.WaitReady(`#f-gegevens-2-gegevens`)
	typed := map[string]string{
		`#f-doelen-0-doel`:       "Eerste doel",
		`#f-doelen-1-doel`:       "Tweede doel",
		`#f-gegevens-2-gegevens`: "Gegevens bij de derde regel",
	}
	for sel, text := range typed {
		tab.Type(sel, text)
	}
	if got := browsertest.Eval[string](tab, `document.documentElement.dataset.engine || ""`); got != "" {
		t.Fatalf("the engine was ready (%q) before the text was typed", got)
	}
	gate.Release()
	tab.WaitReady(`html[data-engine="ready"]`)
	for sel, want := range typed {
		got := browsertest.Eval[string](tab, fmt.Sprintf(`(document.querySelector(%q) || {value: "(veld weg)"}).value`, sel))
		if got != want {
			t.Errorf("%s after the engine started: %q, want %q", sel, got, want)
		}
	}
	for _, g := range []string{"doelen", "gegevens", "grondslag"} {
		if n := tab.Count(fmt.Sprintf(`[data-rows-for=%q] > [data-row]`, g)); n != 3 {
			t.Errorf("group %s has %d rows, want 3 (row 3 of a following group holds text)", g, n)
		}
	}
}

// TestChecklistRowRemoveUndo removes a row whose matching row in a later step
// holds text. Both go, and a message under the group offers to put them back;
// putting back restores every value, without a confirm dialog.
func TestChecklistRowRemoveUndo(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openChecklist(t, tab, s.URL+"checklists/upp/")
	browsertest.Eval[bool](tab, `(window.confirm = () => { window.__asked = true; return true; }, true)`)

	row := func(group string, n int) string {
		return fmt.Sprintf(`[data-rows-for=%q] > [data-row]:nth-child(%d)`, group, n)
	}
	tab.Type(row("doelen", 1)+` input[type="text"]`, "Doel A")
	tab.Click(`[data-add-row="doelen"]`)
	tab.Type(row("doelen", 2)+` input[type="text"]`, "Doel B")
	tab.Type(row("gegevens", 2)+` textarea, `+row("gegevens", 2)+` input[type="text"]`, "Gegevens B")
	values := func() string {
		return browsertest.Eval[string](tab, `JSON.stringify(['doelen', 'gegevens'].map((g) => [...document.querySelectorAll('[data-rows-for="' + g + '"] > [data-row]')]
			.map((r) => [...r.querySelectorAll('input[type=text], textarea')].map((e) => e.value))))`)
	}
	before := values()

	tab.Click(row("doelen", 2) + ` .dw-row__remove`)
	if n := tab.Count(`[data-rows-for="gegevens"] > [data-row]`); n != 1 {
		t.Fatalf("after removing doel 2 the following group has %d rows, want 1", n)
	}
	tab.WaitVisible(`.dw-row-undo button`)
	if msg := tab.Text(`.dw-row-undo`); !strings.Contains(msg, "stap 3") {
		t.Errorf("the message does not say that step 3 lost text too: %q", msg)
	}
	if label := tab.Text(`.dw-row-undo button`); label != "Doel terugzetten" {
		t.Errorf("undo button says %q", label)
	}
	tab.Click(`.dw-row-undo button`)
	if after := values(); after != before {
		t.Errorf("after putting the row back:\n got %s\nwant %s", after, before)
	}
	if n := tab.Count(`.dw-row-undo`); n != 0 {
		t.Errorf("the undo offer is still there after use")
	}
	if f := tab.Focused(); !strings.Contains(f, "doelen") {
		t.Errorf("focus after putting back is on %s, want the restored row", f)
	}
	if browsertest.Eval[bool](tab, `!!window.__asked`) {
		t.Error("the page asked with window.confirm")
	}
	if errs := tab.PageErrors(); len(errs) > 0 {
		t.Errorf("page errors: %v", errs)
	}
}

// TestSearchWithoutPageErrors searches on /zoeken/ and expects no error on
// the page: Pagefind starts its worker under the site's Trusted Types policy.
func TestSearchWithoutPageErrors(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	tab.Go(s.URL + "zoeken/")
	tab.WaitVisible("form#zoeken #zoekterm")
	tab.Type("form#zoeken #zoekterm", "convenant")
	tab.Press(browsertest.KeyEnter)
	tab.WaitVisible("#zoekresultaten a")
	if errs := tab.PageErrors(); len(errs) > 0 {
		t.Errorf("page errors while searching:\n  %s", strings.Join(errs, "\n  "))
	}
	if problems := tab.RequestProblems(s.Origin, ""); len(problems) > 0 {
		t.Errorf("requests:\n  %s", strings.Join(problems, "\n  "))
	}
	// The worker is the one place a script URL is made; it must have started.
	worker := false
	for _, r := range tab.Requests() {
		worker = worker || strings.HasSuffix(r.URL, "pagefind/pagefind-worker.js")
	}
	if !worker {
		t.Error("Pagefind's worker was never loaded")
	}
}
