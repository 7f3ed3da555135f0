//go:build browser

package browser

// Tests that hear and see the checklists as a screen-reader user, a keyboard
// user, a high-contrast user and a user who zooms in would: names, roles and
// states from Chromium's accessibility tree, what the live regions say (and
// that each thing is said once), forced colours, 200% and 400% zoom, text
// spacing, and axe-core on every state, not only the page as it loads.

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"deelwijzer/internal/browsertest"
)

// settle waits until messages that are spoken after a short pause (the page
// joins messages that come together) have had their chance: used only to be
// sure that nothing is said twice, never to make a test pass.
func settle() { time.Sleep(1200 * time.Millisecond) }

// waitHeard waits until a live region has said something containing want.
func waitHeard(t *testing.T, tab *browsertest.Tab, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		for _, a := range tab.Announcements() {
			if strings.Contains(a.Text, want) {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no live region said %q; heard: %q", want, tab.Announcements())
}

// heardOnce checks that exactly one announcement contains want.
func heardOnce(t *testing.T, tab *browsertest.Tab, want string) {
	t.Helper()
	waitHeard(t, tab, want)
	settle()
	n := 0
	for _, a := range tab.Announcements() {
		if strings.Contains(a.Text, want) {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%q was announced %d times, want once; heard: %q", want, n, tab.Announcements())
	}
}

// noSilencing checks that no live region was emptied or taken out of the
// rendering on the way: a screen reader may not hear a region again once it
// left the accessibility tree, and emptying it first is that risk.
func noSilencing(t *testing.T, tab *browsertest.Tab, what string) {
	t.Helper()
	for _, a := range tab.Announcements() {
		if a.Text == "" {
			t.Errorf("%s: live region %s was emptied or hidden; heard: %q", what, a.Region, tab.Announcements())
			return
		}
	}
}

func openRecorded(t *testing.T, tab *browsertest.Tab, url string) {
	t.Helper()
	tab.RecordAnnouncements()
	openChecklist(t, tab, url)
	tab.ClearAnnouncements()
}

func checklistPage(t *testing.T, dir, id string) string {
	t.Helper()
	p := "checklists/" + id + "/"
	if _, err := os.Stat(filepath.Join(dir, p, "index.html")); err != nil {
		t.Fatalf("checklist %s is not in the built site: %v", id, err)
	}
	return p
}

// Item 1 (4.1.3): the personal-data warning is spoken while typing, once.
func TestA11yPersonalDataWarningAnnounced(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	tab.RecordAnnouncements()
	checklistWith(t, tab, s, dir, func(it item) bool { return (it.Kind == "text" || it.Kind == "longtext") && it.ShowIf == "" })
	tab.ClearAnnouncements()
	sel := `#checklist [data-item]:not([hidden]) textarea, #checklist [data-item]:not([hidden]) input[type=text]`
	tab.Focus(sel)
	tab.Press("Cliënt met BSN 111222333")
	tab.Press(" en nog wat tekst")
	heardOnce(t, tab, "Dit lijkt op een burgerservicenummer")
	noSilencing(t, tab, "warning")
	axeClean(t, tab, "warning shown")
}

// Item 10: a new finding is announced by its content, once; the progress
// line and the count of findings are not spoken on every answer; a single
// finding is "1 bevinding".
func TestA11yFindingAnnounced(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openRecorded(t, tab, s.URL+checklistPage(t, dir, "dpia-toets"))
	if n := tab.Count("#bevindingen-lijst li"); n != 0 {
		t.Fatalf("the empty DPIA-toets shows %d findings; this test needs none", n)
	}
	tab.Focus("#f-gezamenlijk") // "Ja"
	tab.Press(browsertest.KeySpace)
	heardOnce(t, tab, "Nieuwe bevinding: Aandacht: U bepaalt samen met andere organisaties")
	for _, a := range tab.Announcements() {
		if regexp.MustCompile(`vragen beantwoord|\d+ bevinding`).MatchString(a.Text) {
			t.Errorf("region %s spoke the progress or a count on an answer: %q", a.Region, a.Text)
		}
	}
	if got := tab.Text("#bevindingen-samenvatting"); !strings.HasPrefix(got, "1 bevinding:") {
		t.Errorf("summary with one finding = %q, want it to start with \"1 bevinding:\"", got)
	}
	// The next answer that adds no finding says nothing new.
	tab.ClearAnnouncements()
	tab.Press(browsertest.KeyTab)
	tab.Press(browsertest.KeyTab, true)
	settle()
	if got := tab.Announcements(); len(got) != 0 {
		t.Errorf("moving the focus without answering was announced: %q", got)
	}
}

// Items 6, 8, 9, 10: the status messages of rows, "Wis alles", saving and
// importing are each spoken once, through regions that stay rendered; the
// confirmation is a dialog named by its question, whose buttons carry the
// question, and Escape cancels it.
func TestA11yStatusMessages(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	tab.RecordAnnouncements()
	page, _ := checklistWith(t, tab, s, dir, func(it item) bool { return it.Kind == "group" })
	tab.ClearAnnouncements()

	// Item 6: the regions are in the tree before anything is said.
	if ax := tab.AX("#aankondiging"); ax.Role != "status" || ax.Ignored {
		t.Errorf("announcer: %s, want a status region in the accessibility tree", ax)
	}
	if !browsertest.Eval[bool](tab, `document.getElementById('bewaarstatus').checkVisibility()`) {
		t.Error("#bewaarstatus is not rendered while empty")
	}

	// Rows: added and removed, with correct singulars.
	add := `#checklist [data-add-row]:not([hidden])`
	if tab.Count(add) == 0 {
		t.Fatal("no add-row button")
	}
	tab.Focus(add)
	tab.Press(browsertest.KeyEnter)
	heardOnce(t, tab, "toegevoegd. Er zijn nu 2 rijen.")
	tab.ClearAnnouncements()
	group := browsertest.Eval[string](tab, `document.querySelector('#checklist [data-add-row]:not([hidden])').dataset.addRow`)
	tab.Focus(fmt.Sprintf(`[data-rows-for=%q] > :last-child .dw-row__remove`, group))
	tab.Press(browsertest.KeyEnter)
	heardOnce(t, tab, "Rij verwijderd. Er is nu 1 rij.")
	noSilencing(t, tab, "row removed")

	// Item 8: the confirmation.
	tab.Focus("#wis-alles")
	tab.Press(browsertest.KeyEnter)
	tab.WaitVisible("#wis-bevestiging")
	if ax := tab.AX("#wis-bevestiging"); ax.Role != "alertdialog" || ax.Name != "Weet u het zeker?" || !strings.Contains(ax.Description, "Alle antwoorden op deze pagina") {
		t.Errorf("confirmation: %s, want an alertdialog named by its question", ax)
	}
	if f := tab.Focused(); !strings.HasPrefix(f, "button#wis-nee") {
		t.Errorf("focus in the dialog is on %s, want the safe button", f)
	}
	for _, b := range []string{"#wis-nee", "#wis-ja"} {
		if ax := tab.AX(b); !strings.Contains(ax.Description, "Weet u het zeker?") {
			t.Errorf("%s: %s, want the question as its description", b, ax)
		}
	}
	axeClean(t, tab, page+" confirmation open")
	tab.Press(browsertest.KeyEscape)
	tab.WaitNotVisible("#wis-bevestiging")
	if f := tab.Focused(); !strings.HasPrefix(f, "button#wis-alles") {
		t.Errorf("after Escape the focus is on %s, want Wis alles", f)
	}
	tab.ClearAnnouncements()
	tab.Press(browsertest.KeyEnter)
	tab.WaitVisible("#wis-bevestiging")
	tab.Focus("#wis-ja")
	tab.Press(browsertest.KeyEnter)
	heardOnce(t, tab, "Alles is gewist")
	if got := tab.Announcements(); len(got) != 1 {
		t.Errorf("Wis alles said %d things, want one: %q", len(got), got)
	}

	// Saved as a file: said once.
	fillByKeyboard(t, tab, func(n int) string { return fmt.Sprintf("Antwoord %d", n) })
	settle()
	tab.ClearAnnouncements()
	setDownloads(t, tab, t.TempDir())
	tab.Focus("#exporteer-json")
	tab.Press(browsertest.KeyEnter)
	heardOnce(t, tab, "Uw antwoorden zijn als bestand opgeslagen.")
	noSilencing(t, tab, "saved")

	// Item 9: an import message is spoken by its alert region alone; the
	// focus stays where it was instead of moving there and reading it again.
	tab.ClearAnnouncements()
	bad := filepath.Join(t.TempDir(), "kapot.json")
	os.WriteFile(bad, []byte("{dit is geen json"), 0o600)
	tab.Focus("#importeer")
	if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#importeer"), []string{bad})); err != nil {
		t.Fatalf("choose file: %v", err)
	}
	heardOnce(t, tab, "kan niet worden geopend")
	if f := tab.Focused(); strings.HasPrefix(f, "div#importmelding") {
		t.Error("the import message took the focus as well as being an alert: it is read twice")
	}
}

// erroredFieldset is the first radio or checkbox group that shows an error.
const erroredFieldset = `Array.from(document.querySelectorAll('#checklist fieldset.dw-question')).find(f => f.querySelector('.dw-error-message') && f.querySelector('input[type=radio], input[type=checkbox]'))`

// Items 2 and 7: after "Controleer en rond af" on an empty checklist the error
// summary is a named region with the focus, and the error of a radio or
// checkbox question belongs to its group, not to its first option.
func TestA11yErrorsOnGroup(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	for _, page := range checklistPages(t, dir) {
		t.Run(strings.Trim(page, "/"), func(t *testing.T) {
			tab := b.NewTab(t)
			openChecklist(t, tab, s.URL+page)
			tab.Focus("#afronden")
			tab.Press(browsertest.KeyEnter)
			tab.WaitVisible("#foutoverzicht")
			if ax := tab.AX("#foutoverzicht"); ax.Role != "region" || ax.Name != "Er is een probleem" || ax.Props["focused"] != "true" {
				t.Errorf("error summary: %s, want a focused region named \"Er is een probleem\"", ax)
			}
			if !browsertest.Eval[bool](tab, `!!(`+erroredFieldset+`)`) {
				t.Skip("no radio or checkbox question with an error in this checklist")
			}
			browsertest.Eval[bool](tab, `(() => { const f = `+erroredFieldset+`; f.dataset.probe = 'group'; f.querySelector('input').dataset.probe = 'option'; return true; })()`)
			msg := strings.TrimPrefix(browsertest.Eval[string](tab, `document.querySelector('[data-probe=group] .dw-error-message').textContent`), "Fout: ")
			g := tab.AX(`[data-probe=group]`)
			if g.Role != "group" || g.Props["invalid"] != "true" || !strings.Contains(g.Description, msg) {
				t.Errorf("question group: %s, want an invalid group described by %q", g, msg)
			}
			o := tab.AX(`input[data-probe=option]`)
			if o.Props["invalid"] == "true" || strings.Contains(o.Description, msg) {
				t.Errorf("first option: %s, want the error on the group only", o)
			}
			axeClean(t, tab, page+" errors shown")
		})
	}
}

// pageProblems checks one state of a page at 640 and 320 CSS px (200% and
// 400% zoom of a 1280 px window) and with the text spacing of WCAG 1.4.12.
func pageProblems(t *testing.T, tab *browsertest.Tab, state string) {
	t.Helper()
	for _, w := range []int64{640, 320} {
		tab.SetViewport(w, 800)
		type widths struct {
			Doc, View int
			Wide      string
			Text      int
		}
		got := browsertest.Eval[widths](tab, `({Doc: document.documentElement.scrollWidth, View: document.documentElement.clientWidth,
			Wide: Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.dw-table-scroll, .dw-visually-hidden')).slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className : '')).join(', '),
			Text: document.querySelector('main').innerText.length})`)
		if got.Doc > got.View {
			t.Errorf("%s at %d px: the page scrolls sideways (%d px wide; %s)", state, w, got.Doc, got.Wide)
		}
		if got.Text < 200 {
			t.Errorf("%s at %d px: the main content has only %d characters", state, w, got.Text)
		}
	}
	tab.SetViewport(1280, 900)
	// WCAG 1.4.12: the text-spacing bookmarklet's values, then look for text
	// that no longer fits a box that hides what overflows.
	clipped := browsertest.Eval[[]string](tab, `(() => {
		const st = document.createElement('style');
		st.id = 'dw-test-spacing';
		st.textContent = '* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; } p { margin-bottom: 2em !important; }';
		document.head.append(st);
		const out = [];
		for (const e of document.querySelectorAll('body *')) {
			if (e.closest('.dw-visually-hidden') || !e.checkVisibility()) continue;
			const c = getComputedStyle(e);
			const hides = (v) => v === 'hidden' || v === 'clip';
			if ((hides(c.overflowY) && e.scrollHeight > e.clientHeight + 1) || (hides(c.overflowX) && e.scrollWidth > e.clientWidth + 1)) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || '').trim().slice(0, 40));
		}
		st.remove();
		return out;
	})()`)
	for _, c := range clipped {
		t.Errorf("%s with text spacing: %s is clipped", state, c)
	}
}

// focusShownInForcedColours tabs through up to n stops under forced colours
// and reports each focused element without a painted outline: forced colours
// remove backgrounds and box shadows, so only an outline (or border) shows
// the focus there.
func focusShownInForcedColours(t *testing.T, tab *browsertest.Tab, state string, n int) {
	t.Helper()
	tab.EmulateMedia("forced-colors", "active")
	defer tab.EmulateMedia("forced-colors", "none")
	if !browsertest.Eval[bool](tab, `matchMedia('(forced-colors: active)').matches`) {
		t.Fatal("forced colours are not emulated")
	}
	seen := map[string]bool{}
	for i := 0; i < n; i++ {
		tab.Press(browsertest.KeyTab)
		type focus struct {
			Desc    string
			Visible bool
		}
		f := browsertest.Eval[focus](tab, `(() => {
			const e = document.activeElement;
			const c = getComputedStyle(e);
			return {Desc: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || e.value || '').trim().slice(0, 40),
				Visible: c.outlineStyle !== 'none' && parseFloat(c.outlineWidth) > 0};
		})()`)
		if strings.HasPrefix(f.Desc, "body") {
			continue // the focus left the page (past its last stop)
		}
		if !f.Visible && !seen[f.Desc] {
			seen[f.Desc] = true
			t.Errorf("%s, forced colours: focus on %q is not visible (no outline)", state, f.Desc)
		}
	}
}

// Items 3, 5, 12, 13 and the zoom, spacing and axe layer: every checklist
// walked through its states (empty, personal-data warning, errors, the
// confirmation open, the result), each checked at 200% and 400% zoom, with
// text spacing and with axe-core; the result also under forced colours.
func TestA11yDynamicStates(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	for _, page := range checklistPages(t, dir) {
		t.Run(strings.Trim(page, "/"), func(t *testing.T) {
			tab := b.NewTab(t)
			tab.SetViewport(1280, 900)
			openChecklist(t, tab, s.URL+page)
			pageProblems(t, tab, "empty")

			text := `#checklist [data-item]:not([hidden]) textarea, #checklist [data-item]:not([hidden]) input[type=text]`
			if tab.Count(text) > 0 {
				tab.Focus(text)
				tab.Press("BSN 111222333")
				tab.WaitVisible(".dw-pii-warning")
				pageProblems(t, tab, "warning")
				axeClean(t, tab, page+" warning shown")
				browsertest.Eval[bool](tab, `(() => { const e = document.activeElement; e.value = ''; e.dispatchEvent(new Event('input', {bubbles: true})); return true; })()`)
			}

			tab.Focus("#afronden")
			tab.Press(browsertest.KeyEnter)
			tab.WaitVisible("#foutoverzicht")
			pageProblems(t, tab, "errors")

			tab.Focus("#wis-alles")
			tab.Press(browsertest.KeyEnter)
			tab.WaitVisible("#wis-bevestiging")
			pageProblems(t, tab, "confirmation open")
			tab.Press(browsertest.KeyEscape)

			fillByKeyboard(t, tab, func(n int) string { return fmt.Sprintf("Deelmoment %d", n%3) })
			tab.Press(browsertest.KeyEnter)
			tab.WaitVisible("#resultaat")
			pageProblems(t, tab, "result")
			axeClean(t, tab, page+" result")

			// Item 13: at 1280 px no word in a result table is broken over
			// two lines (a wide table scrolls in its region instead).
			broken := browsertest.Eval[[]string](tab, `(() => {
				const out = [];
				for (const cell of document.querySelectorAll('#resultaat table th, #resultaat table td')) {
					const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
					for (let n = walk.nextNode(); n; n = walk.nextNode()) {
						for (const m of n.data.matchAll(/[\p{L}\p{N}]{4,20}/gu)) {
							const r = document.createRange();
							r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
							const lines = new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top)));
							if (lines.size > 1) out.push(m[0]);
						}
					}
				}
				return out.slice(0, 5);
			})()`)
			if len(broken) > 0 {
				t.Errorf("words broken over two lines in result tables at 1280 px: %q", broken)
			}

			// Item 3: risk cells say their level in words and name their risks.
			if tab.Count("#resultaat table.dw-riskmap") > 0 {
				type cell struct{ Level, Text string }
				cells := browsertest.Eval[[]cell](tab, `Array.from(document.querySelectorAll('#resultaat table.dw-riskmap td')).map(td => ({Level: (td.className.match(/--(laag|middel|hoog)/) || [])[1] || '', Text: td.textContent}))`)
				named := 0
				for _, c := range cells {
					if !strings.HasPrefix(strings.ToLower(c.Text), c.Level) || c.Level == "" {
						t.Errorf("risk cell %q (level %q) does not say its level in words", c.Text, c.Level)
					}
					if regexp.MustCompile(`Risico \d+: \S`).MatchString(c.Text) {
						named++
					}
				}
				if named == 0 {
					t.Error("no risk cell names its risk (\"Risico n: name\")")
				}
				browsertest.Eval[bool](tab, `(() => { const td = Array.from(document.querySelectorAll('#resultaat table.dw-riskmap td')).find(td => td.textContent.includes('Risico')); td.dataset.probe = 'risk'; return true; })()`)
				if ax := tab.AX(`td[data-probe=risk]`); !regexp.MustCompile(`^(Laag|Middel|Hoog)\b.*Risico \d+: `).MatchString(ax.Name) {
					t.Errorf("risk cell in the accessibility tree: %s, want its level and risk", ax)
				}
			}

			// Item 12: the data-flow drawing is named once, by its title,
			// and not described again: the table beside it holds the same.
			if tab.Count("#resultaat svg.dw-flow") > 0 {
				ax := tab.AX("#resultaat svg.dw-flow")
				title := browsertest.Eval[string](tab, `document.querySelector('#resultaat svg.dw-flow title').textContent`)
				if ax.Role != "image" || ax.Name != title || ax.Description != "" || tab.Count("#resultaat svg.dw-flow desc") != 0 {
					t.Errorf("data-flow drawing: %s, want named once by its title %q and no description", ax, title)
				}
			}

			// Item 5 on the result (its links, buttons and scroll regions).
			browsertest.Eval[bool](tab, `(document.getElementById('resultaat').focus(), true)`)
			focusShownInForcedColours(t, tab, page+" result", 30)
		})
	}
}

// Items 5 and 14 on the other kinds of pages: focus shows under forced
// colours, the current section is marked for screen readers and in forced
// colours, and each page reflows at 200% and 400%.
func TestA11yForcedColoursAndZoomPages(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	tab.SetViewport(1280, 900)
	for _, p := range []string{"", "werkwijze/stap-2/", "partners/", "partners/politie/", "rollen/", "begrippen/", "bronnen/", "zoeken/", "toegankelijkheid/"} {
		tab.Go(s.URL + p)
		pageProblems(t, tab, "/"+p)
		focusShownInForcedColours(t, tab, "/"+p, 25)
	}
	tab.Go(s.URL + "werkwijze/stap-2/")
	type current struct{ Current, Decoration string }
	tab.EmulateMedia("forced-colors", "active")
	c := browsertest.Eval[current](tab, `(() => { const a = Array.from(document.querySelectorAll('.dw-nav a')).find(a => a.getAttribute('href') && /werkwijze\/$/.test(a.getAttribute('href'))); return a ? {Current: a.getAttribute('aria-current') || '', Decoration: getComputedStyle(a).textDecorationLine} : {}; })()`)
	tab.EmulateMedia("forced-colors", "none")
	if c.Current != "true" && c.Current != "page" {
		t.Errorf("the menu item of the current section has aria-current %q", c.Current)
	}
	if !strings.Contains(c.Decoration, "underline") {
		t.Errorf("in forced colours the current menu item has text-decoration %q, want an underline", c.Decoration)
	}
}

// Items 11 and 15: what the form says about itself.
func TestA11yFormWording(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	tab := b.NewTab(t)
	for _, page := range checklistPages(t, dir) {
		openChecklist(t, tab, s.URL+page)
		// Step headings: "Stap 1 van 4: title", with a pause for speech.
		if ax := tab.AX(".dw-cl-section h2"); !regexp.MustCompile(`^Stap 1 van \d+ ?: \S`).MatchString(ax.Name) {
			t.Errorf("%s: first step heading is spoken as %q, want \"Stap 1 van n: ...\"", page, ax.Name)
		}
		// Radios and checkboxes are at least 24 by 24 CSS px (2.5.8).
		if small := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll('#checklist input[type=radio], #checklist input[type=checkbox], #bewaren input[type=checkbox]')).filter(e => e.checkVisibility()).filter(e => { const r = e.getBoundingClientRect(); return r.width < 24 || r.height < 24; }).slice(0, 3).map(e => e.id)`); len(small) > 0 {
			t.Errorf("%s: controls smaller than 24 px: %v", page, small)
		}
		// 1.3.3: no instruction that relies on where a field is.
		if txt := tab.Text("main"); strings.Contains(txt, "ernaast") || strings.Contains(txt, "hiernaast") {
			t.Errorf("%s: an instruction points at a field by its place (\"ernaast\")", page)
		}
		// Every group of choices is described briefly; long explanations
		// belong to the option they explain.
		type desc struct {
			ID   string
			Size int
		}
		for _, d := range browsertest.Eval[[]desc](tab, `Array.from(document.querySelectorAll('#checklist fieldset.dw-question[aria-describedby]')).map(f => ({ID: f.id, Size: f.getAttribute('aria-describedby').split(' ').map(id => (document.getElementById(id) || {textContent: ''}).textContent.length).reduce((a, b) => a + b, 0)}))`) {
			if d.Size > 400 {
				t.Errorf("%s: group %s is described by %d characters, read on every entry", page, d.ID, d.Size)
			}
		}
	}
	openChecklist(t, tab, s.URL+checklistPage(t, dir, "dpia-toets"))
	if ax := tab.AX("#f-ap-lijst-internet-of-things"); !strings.Contains(ax.Description, "Apparaten die zelf gegevens") {
		t.Errorf("option Internet of things: %s, want its own explanation as description", ax)
	}
	if ax := tab.AX("#f-edpb-criteria-fieldset"); len(ax.Description) > 400 {
		t.Errorf("EDPB group description is %d characters: %q", len(ax.Description), ax.Description)
	}
	// 3.1.2: English terms are marked as English.
	if !browsertest.Eval[bool](tab, `Array.from(document.querySelectorAll('[lang=en]')).some(e => e.textContent === 'Internet of things')`) {
		t.Error("dpia-toets: \"Internet of things\" is not marked lang=en")
	}
	tab.Go(s.URL + "begrippen/")
	if !browsertest.Eval[bool](tab, `Array.from(document.querySelectorAll('dt [lang=en]')).some(e => e.textContent === 'function creep')`) {
		t.Error("begrippen: \"function creep\" is not marked lang=en")
	}
}
