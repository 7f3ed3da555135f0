//go:build browser

package browser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"deelwijzer/internal/browsertest"
)

// fixedToday makes the page's clock say 15 April 2026, so "late" is tested
// against a known day: the page passes its date to the engine.
const fixedToday = `(() => {
  const fixed = new Date(2026, 3, 15, 10, 0, 0).getTime();
  const Real = Date;
  class Fixed extends Real {
    constructor(...a) { if (a.length === 0) super(fixed); else super(...a); }
    static now() { return fixed; }
  }
  globalThis.Date = Fixed;
})();`

// TestActionPlan imports the realistic workbook case with one measure without
// a date and one without an owner, finishes, and reads the action list per role:
// each role's measures in a table with caption and column headers, with Dutch
// dates, the open measures past 15 April 2026 marked late, the measure without
// a date under its owner (flagged), the measure without an owner under "Nog geen
// eigenaar" (flagged, not dropped), each measure in one table only, and the
// findings per role. The plan prints on its own, and reads at 320 px without
// words broken mid-word or sideways scrolling; axe finds nothing.
func TestActionPlan(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	if _, err := chromedp.Call(tab.Ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: fixedToday}); err != nil {
		t.Fatal(err)
	}
	tab.SetViewport(1280, 900)
	openChecklist(t, tab, s.URL+"/checklists/werkwijze/")
	d := pageDefinition(t, tab)
	answers := realisticAnswers(t)
	measures := answers["maatregelen"].([]any)
	delete(measures[4].(map[string]any), "klaar-op")
	delete(measures[5].(map[string]any), "eigenaar")
	file := writeJSON(t, "plan.json", map[string]any{"schema": "deelwijzer-antwoorden", "schemaVersion": 1, "checklist": d.ID,
		"definitionVersion": d.Version, "exported": "2026-04-15T10:00:00Z", "answers": answers})
	if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#importeer"), []string{file})); err != nil {
		t.Fatal(err)
	}
	tab.WaitVisible("#importmelding")
	tab.Focus("#afronden")
	tab.Press(browsertest.KeyEnter)
	tab.WaitVisible("#actielijsten table")

	if got := textOf(tab, "#actielijsten .dw-plan__summary"); got != "6 maatregelen: 3 te laat, 1 nog zonder eigenaar, 1 nog zonder datum." {
		t.Errorf("plan summary %q", got)
	}
	type table struct {
		Caption string
		Headers []string
		Rows    [][]string
		Flagged []string
	}
	tables := browsertest.Eval[[]table](tab, `Array.from(document.querySelectorAll('#actielijsten table')).map((t) => ({
		Caption: t.caption ? t.caption.textContent : '',
		Headers: Array.from(t.querySelectorAll('thead th[scope=col]')).map((h) => h.textContent),
		Rows: Array.from(t.tBodies[0].rows).map((r) => Array.from(r.cells).map((c) => c.textContent)),
		Flagged: Array.from(t.querySelectorAll('td.dw-plan__flag')).map((c) => c.textContent),
	}))`)
	byCaption := map[string]table{}
	listed := map[string]int{} // measure -> tables it is in
	for _, tb := range tables {
		if strings.Join(tb.Headers, "|") != "Maatregel|Eigenaar|Klaar op|Status" {
			t.Errorf("table %q has headers %q", tb.Caption, tb.Headers)
		}
		byCaption[tb.Caption] = tb
		for _, r := range tb.Rows {
			listed[r[0]]++
		}
	}
	// A reader who counts the measures in the plan counts each once.
	for m, n := range listed {
		if n != 1 {
			t.Errorf("measure %q is in %d tables of the plan", m, n)
		}
	}
	if len(listed) != len(measures) {
		t.Errorf("%d measures in the plan, want the %d of the checklist: %v", len(listed), len(measures), listed)
	}
	info := byCaption["Maatregelen van Informatiebeheer"]
	if len(info.Rows) != 2 || info.Rows[0][2] != "1 april 2026, te laat" || info.Rows[1][2] != "Nog geen datum" || len(info.Flagged) != 2 {
		t.Errorf("informatiebeheer's measures: %+v", info)
	}
	if pl := byCaption["Maatregelen van Projectleider"]; len(pl.Rows) != 1 || pl.Rows[0][2] != "15 januari 2026" || pl.Rows[0][3] != "Klaar" {
		t.Errorf("a finished measure past its date is marked: %+v", pl)
	}
	open := byCaption["Maatregelen zonder eigenaar"]
	if len(open.Rows) != 1 || open.Rows[0][1] != "Nog geen eigenaar" || len(open.Flagged) != 1 || open.Flagged[0] != "Nog geen eigenaar" {
		t.Errorf("measures without an owner: %+v", open)
	}
	if title := textOf(tab, "#actielijst-zonder-eigenaar h4"); title != "Nog geen eigenaar" {
		t.Errorf("the list of measures without an owner is titled %q", title)
	}
	if all := textOf(tab, "#actielijsten"); strings.Contains(all, "eigenaar of datum") || strings.Contains(all, "of nog geen datum") {
		t.Errorf("the plan still speaks of measures without an owner or a date:\n%s", all)
	}
	if n := browsertest.Eval[int](tab, `document.querySelectorAll('#actielijst-projectleider .dw-findings__list li').length`); n == 0 {
		t.Error("the projectleider's list has no findings")
	}
	axeClean(t, tab, "action plan at 1280 px")

	// The whole plan prints on its own, as its button does.
	browsertest.Eval[bool](tab, `(document.documentElement.dataset.printOnly = 'actielijsten', document.getElementById('actielijsten').classList.add('dw-print-target'), true)`)
	printed := strings.Join(strings.Fields(browsertest.PDFText(t, tab.PrintPDF())), " ")
	for _, want := range []string{"Actielijst per rol", "Nog geen eigenaar", "Maatregel 4: Toegang op basis van rol", "te laat"} {
		if !strings.Contains(printed, want) {
			t.Errorf("the printed plan lacks %q:\n%.600s", want, printed)
		}
	}
	for _, not := range []string{"Uw werk bewaren", "Controleer uw antwoorden", "Gegevensstromen"} {
		if strings.Contains(printed, not) {
			t.Errorf("printing the plan also printed %q", not)
		}
	}
	browsertest.Eval[bool](tab, `(delete document.documentElement.dataset.printOnly, document.getElementById('actielijsten').classList.remove('dw-print-target'), true)`)

	// On a phone: the measures stack, nothing is broken mid-word, and the page
	// does not scroll sideways.
	tab.SetViewport(320, 640)
	inPlan := strings.Replace(brokenWords, "getElementById('resultaat')", "getElementById('actielijsten')", 1)
	if broken := browsertest.Eval[[]string](tab, fmt.Sprintf("%s(%d)", inPlan, 16)); len(broken) > 0 {
		t.Errorf("320 px: words broken mid-word in the plan: %q", broken)
	}
	if wide := browsertest.Eval[int](tab, `document.documentElement.scrollWidth > window.innerWidth ? document.documentElement.scrollWidth : 0`); wide > 0 {
		t.Errorf("320 px: the page is %d px wide", wide)
	}
	if label := browsertest.Eval[string](tab, `getComputedStyle(document.querySelector('#actielijsten td'), '::before').content`); !strings.Contains(label, "Eigenaar") {
		t.Errorf("320 px: a stacked cell does not name its column: %s", label)
	}
	axeClean(t, tab, "action plan at 320 px")
}
