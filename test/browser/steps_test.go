//go:build browser

package browser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"deelwijzer/internal/browsertest"
)

// The werkwijze workbook, worked through step by step: its overview of steps
// (stappen/) and one page per step (stap-<n>/), views of one page
// (layouts/checklists/page.html, assets/js/steps.js).
const stepsPage = "checklists/werkwijze/"

// tabTo presses Tab until the focus is on an element that matches sel, as a
// keyboard user walks the page.
func tabTo(t *testing.T, tab *browsertest.Tab, sel string) {
	t.Helper()
	for range 600 {
		if browsertest.Eval[bool](tab, fmt.Sprintf(`document.activeElement.matches(%q)`, sel)) {
			return
		}
		tab.Press(browsertest.KeyTab)
	}
	t.Fatalf("600 times Tab did not reach %s", sel)
}

type stepView struct {
	View, Step, Path, Title, Focused string
	Shown                            []string // data-step of the sections on screen
	Crumbs                           []string // the breadcrumbs on screen
	Stayed                           bool     // still the page that was loaded
}

func currentView(tab *browsertest.Tab) stepView {
	return browsertest.Eval[stepView](tab, `(() => {
		const a = document.querySelector('.dw-checklist');
		return {View: a.dataset.view, Step: a.dataset.step || '', Path: location.pathname, Title: document.title,
			Focused: document.activeElement.id,
			Shown: Array.from(document.querySelectorAll('section[data-step]')).filter(s => s.offsetParent !== null).map(s => s.dataset.step),
			Crumbs: Array.from(document.querySelectorAll('.dw-breadcrumbs li')).filter(l => l.offsetParent !== null).map(l => l.textContent.trim()),
			Stayed: window.dwStayed === true};
	})()`)
}

// statusTags reads the status of every step in the overview.
func statusTags(tab *browsertest.Tab) []string {
	return browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll('.dw-overview [data-section-status]')).map(e => e.offsetParent === null ? '(niet zichtbaar)' : e.textContent)`)
}

func stepField(tab *browsertest.Tab, id string) string {
	return browsertest.Eval[string](tab, fmt.Sprintf(`document.getElementById(%q).value`, id))
}

// TestStepsKeyboardKeepsAnswers walks the step pages with the keyboard: an
// answer on step 1, on to step 3 and an answer there, back to step 1, a reload;
// every answer is still there, on its own step's address.
func TestStepsKeyboardKeepsAnswers(t *testing.T) {
	s := browsertest.Serve(t, publicDir(t), prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openChecklist(t, tab, s.URL+stepsPage+"stap-1/")
	browsertest.Eval[bool](tab, `window.dwStayed = true`)
	steps := len(sourceDefinition(t, "werkwijze").Sections)
	if v := currentView(tab); v.View != "stap" || strings.Join(v.Shown, ",") != "1" || !strings.Contains(v.Title, fmt.Sprintf("Stap 1 van %d", steps)) {
		t.Fatalf("stap-1/ shows %+v, want step 1 only, with its own title", v)
	}
	tab.Focus("#bewaar-op-apparaat")
	tab.Press(browsertest.KeySpace)

	tabTo(t, tab, "#f-werkproces")
	tab.Press("Van melding tot afsluiting")
	tabTo(t, tab, `section[data-step="1"] a[rel="next"]`)
	tab.Press(browsertest.KeyEnter)
	v := currentView(tab)
	if v.View != "stap" || v.Step != "2" || !strings.HasSuffix(v.Path, stepsPage+"stap-2/") || strings.Join(v.Shown, ",") != "2" {
		t.Fatalf("after Volgende on step 1: %+v, want step 2 at its own address", v)
	}
	if v.Focused != "stap-rechtmatigheid-stap-titel" || !strings.Contains(v.Title, fmt.Sprintf("Stap 2 van %d", steps)) {
		t.Errorf("on step 2 the focus is on %q and the title is %q, want the step's heading and title", v.Focused, v.Title)
	}
	if got := strings.Join(v.Crumbs, " > "); !strings.HasSuffix(got, "> Werkboek: werkwijze gegevensdeling > Overzicht van de stappen > Stap 2") {
		t.Errorf("on step 2 the breadcrumbs are %q", got)
	}
	tabTo(t, tab, `section[data-step="2"] a[rel="next"]`)
	tab.Press(browsertest.KeyEnter)
	tabTo(t, tab, "#f-niet-delen")
	tab.Press("Alleen delen wat nodig is")
	if v := currentView(tab); v.Step != "3" || !strings.HasSuffix(v.Path, "stap-3/") {
		t.Fatalf("expected step 3, got %+v", v)
	}
	for _, step := range []string{"3", "2"} {
		tabTo(t, tab, `section[data-step="`+step+`"] a[rel="prev"]`)
		tab.Press(browsertest.KeyEnter)
	}
	v = currentView(tab)
	if v.Step != "1" || !strings.HasSuffix(v.Path, "stap-1/") {
		t.Fatalf("after Vorige twice: %+v, want step 1", v)
	}
	if got := stepField(tab, "f-werkproces"); got != "Van melding tot afsluiting" {
		t.Errorf("back on step 1 the answer is %q", got)
	}
	// The browser's Back goes to the previous step too.
	browsertest.Eval[bool](tab, `(history.back(), true)`)
	tab.WaitReady(`.dw-checklist[data-step="2"]`)
	if !v.Stayed || tab.LeaveAsked() != 0 {
		t.Errorf("moving between steps left the page (stayed %v) or asked to leave (%d times)", v.Stayed, tab.LeaveAsked())
	}

	// A reload of a step's address: every answer is back, on every step.
	for _, step := range []string{"1", "3"} {
		openChecklist(t, tab, s.URL+stepsPage+"stap-"+step+"/")
		if got := stepField(tab, "f-werkproces"); got != "Van melding tot afsluiting" {
			t.Errorf("reloaded at stap-%s/: the answer on step 1 is %q", step, got)
		}
		if got := stepField(tab, "f-niet-delen"); got != "Alleen delen wat nodig is" {
			t.Errorf("reloaded at stap-%s/: the answer on step 3 is %q", step, got)
		}
		if v := currentView(tab); strings.Join(v.Shown, ",") != step {
			t.Errorf("reloaded at stap-%s/: the page shows steps %v", step, v.Shown)
		}
	}
}

// TestStepsStatus: the overview shows each step as Niet gestart, Bezig or
// Afgerond (text, visible in forced colours), the step page its own status,
// both from the engine; axe finds nothing on either, in each state. A step is
// Afgerond once its shown required questions are answered and nothing in it
// is half done; optional questions may stay empty.
func TestStepsStatus(t *testing.T) {
	s := browsertest.Serve(t, publicDir(t), prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openChecklist(t, tab, s.URL+stepsPage+"stappen/")
	browsertest.Eval[bool](tab, `window.dwStayed = true`)
	fresh := slices.Repeat([]string{"Niet gestart"}, len(sourceDefinition(t, "werkwijze").Sections))
	if got := statusTags(tab); !slices.Equal(got, fresh) {
		t.Errorf("a fresh overview shows %q", got)
	}
	if v := currentView(tab); v.View != "stappen" || len(v.Shown) != 0 {
		t.Errorf("the overview shows %+v, want no step's questions", v)
	}
	tab.EmulateMedia("forced-colors", "active")
	type look struct{ Border, Text string }
	if l := browsertest.Eval[look](tab, `(() => { const e = document.querySelector('.dw-overview [data-section-status]'); const c = getComputedStyle(e); return {Border: c.borderTopStyle + ' ' + c.borderTopWidth, Text: e.innerText}; })()`); l.Border != "solid 1px" || l.Text != "Niet gestart" {
		t.Errorf("in forced colours the status tag has border %q and text %q, want a solid border and its text", l.Border, l.Text)
	}
	axeClean(t, tab, "overview, forced colours")
	tab.EmulateMedia()
	axeClean(t, tab, "overview, nothing answered")

	tab.Click(`a[data-step-link="3"]`)
	tab.WaitReady(`.dw-checklist[data-step="3"]`)
	tag := `section[data-step="3"] [data-section-status]`
	if got := tab.Text(tag); got != "Niet gestart" {
		t.Errorf("step 3's own page says %q before any answer", got)
	}
	axeClean(t, tab, "step 3, nothing answered")
	// Step 3 asks one question (dpia-oordeel, and dpia-waarom-niet when it
	// is "niet-nodig"); the risks and niet-delen are optional.
	tab.Focus("#f-niet-delen")
	tab.Press("Alleen delen wat nodig is")
	if got := tab.Text(tag); got != "Bezig" {
		t.Errorf("after one optional answer step 3 says %q, want Bezig", got)
	}
	tab.Click(`input[name="dpia-oordeel"][value="niet-nodig"]`)
	if got := tab.Text(tag); got != "Bezig" {
		t.Errorf("with the required question it shows still open step 3 says %q, want Bezig", got)
	}
	tab.Click(`input[name="dpia-oordeel"][value="verplicht"]`)
	if got := tab.Text(tag); got != "Afgerond" {
		t.Errorf("with every required question answered and no risk step 3 says %q, want Afgerond", got)
	}
	tab.Focus(`[data-rows-for="risicos"] [data-field="omschrijving"] input`)
	tab.Press("Te veel gedeeld")
	if got := tab.Text(tag); got != "Bezig" {
		t.Errorf("with a risk row that has no risk chosen step 3 says %q, want Bezig", got)
	}
	w := &worker{t: t, tab: tab}
	w.chooseIn("risicos", 0, "risico", "te-veel-gegevens")
	if got := tab.Text(tag); got != "Afgerond" {
		t.Errorf("with the risk row complete step 3 says %q, want Afgerond", got)
	}
	axeClean(t, tab, "step 3, done")

	// Finishing checks the whole checklist; a link in the error summary to a
	// question of another step opens that step with the focus on the question.
	tab.Click("#afronden")
	tab.WaitVisible("#foutoverzicht")
	axeClean(t, tab, "step 3, error summary")
	tab.Click("#foutoverzicht-lijst a")
	v := currentView(tab)
	if len(v.Shown) != 1 || v.Step != v.Shown[0] || v.Step == "3" || !strings.HasSuffix(v.Path, "stap-"+v.Step+"/") {
		t.Errorf("the error link led to %+v, want the other step that holds the question", v)
	}
	if !browsertest.Eval[bool](tab, `document.activeElement.closest('section[data-step]') !== null && document.activeElement.offsetParent !== null`) {
		t.Errorf("after the error link the focus is not on a question on screen (%q)", v.Focused)
	}

	tab.Click(`section[data-step]:not([hidden]) .dw-stepnav a[href$="stappen/"]`)
	tab.WaitReady(`.dw-checklist[data-view="stappen"]`)
	if got := statusTags(tab); got[0] != "Niet gestart" || got[2] != "Afgerond" {
		t.Errorf("the overview shows %q, want step 1 Niet gestart and step 3 Afgerond", got)
	}
	axeClean(t, tab, "overview with statuses")
	if v := currentView(tab); !v.Stayed {
		t.Error("moving between the overview and the steps loaded another page")
	}
}

// TestStepsExportSameAsWhole: the answers file downloaded on a step page holds
// every step's answers, the same file as the whole page gives for the same
// answers.
func TestStepsExportSameAsWhole(t *testing.T) {
	s := browsertest.Serve(t, publicDir(t), prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	answer := func(tab *browsertest.Tab, onSteps bool) {
		if onSteps {
			tab.Click(`section[data-step="1"] a[rel="next"]`)
			tab.Click(`section[data-step="2"] a[rel="next"]`)
			tab.WaitReady(`.dw-checklist[data-step="3"]`)
		}
		tab.Focus("#f-niet-delen")
		tab.Press("Alleen delen wat nodig is")
		tab.Click(`input[name="dpia-oordeel"][value="waarschijnlijk"]`)
		if onSteps {
			tab.Click(`section[data-step="3"] a[rel="prev"]`)
			tab.Click(`section[data-step="2"] a[rel="prev"]`)
			tab.WaitReady(`.dw-checklist[data-step="1"]`)
		}
		tab.Focus("#f-werkproces")
		tab.Press("Van melding tot afsluiting")
		tab.Click(`input[name="gezamenlijk"][value="ja"]`)
	}
	export := func(page string, onSteps bool) map[string]any {
		tab := b.NewTab(t)
		dir := t.TempDir()
		setDownloads(t, tab, dir)
		openChecklist(t, tab, s.URL+page)
		answer(tab, onSteps)
		tab.Click("#exporteer-json")
		f := readExport(t, waitDownload(t, dir, "werkwijze-antwoorden-"))
		delete(f, "exported")
		return f
	}
	steps := export(stepsPage+"stap-1/", true)
	whole := export(stepsPage, false)
	a, w := mustJSON(t, steps), mustJSON(t, whole)
	if !bytes.Equal(a, w) {
		t.Errorf("the file from the step page differs from the whole page's:\nsteps: %s\nwhole: %s", a, w)
	}
	answers, _ := steps["answers"].(map[string]any)
	for _, id := range []string{"werkproces", "gezamenlijk", "niet-delen", "dpia-oordeel"} {
		if answers[id] == nil {
			t.Errorf("the file from step 1 lacks %s (answered on step 1 or 3): %s", id, a)
		}
	}
}

// TestStepsWithoutJavaScript: a step page shows and prints its own questions
// only, with links to the steps before and after it; the overview lists every
// step with a link to its page.
func TestStepsWithoutJavaScript(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	d := sourceDefinition(t, "werkwijze")
	tab := browsertest.NewBrowser(t).NewTab(t)
	tab.DisableJavaScript()
	tab.Go(s.URL + stepsPage + "stap-2/")
	if browsertest.Eval[bool](tab, `document.documentElement.dataset.engine === 'ready'`) {
		t.Fatal("JavaScript is not off: the engine started")
	}
	shown := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll('[data-item]')).filter(e => e.offsetParent !== null).map(e => e.dataset.item)`)
	var want []string
	for _, it := range d.Sections[1].Items {
		want = append(want, it.ID)
	}
	if strings.Join(shown, ",") != strings.Join(want, ",") {
		t.Errorf("stap-2/ without JavaScript shows questions %v, want step 2's %v", shown, want)
	}
	links := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll('.dw-stepnav a')).filter(a => a.offsetParent !== null).map(a => a.getAttribute('rel') + ' ' + new URL(a.href).pathname)`)
	if len(links) != 3 || !strings.HasSuffix(links[0], "/checklists/werkwijze/stap-1/") || !strings.HasSuffix(links[1], "/checklists/werkwijze/stap-3/") || !strings.HasSuffix(links[2], "/checklists/werkwijze/stappen/") {
		t.Errorf("stap-2/ links to %q, want the steps before and after it and the overview", links)
	}
	text := strings.Join(strings.Fields(browsertest.PDFText(t, tab.PrintPDF())), " ")
	for _, it := range d.Sections[1].Items {
		if !strings.Contains(text, strings.Join(strings.Fields(it.Question), " ")) {
			t.Errorf("printed without JavaScript, stap-2/ lacks its question %q", it.Question)
		}
	}
	if q := d.Sections[0].Items[0].Question; strings.Contains(text, q) {
		t.Errorf("printed, stap-2/ holds step 1's question %q", q)
	}

	tab.Go(s.URL + stepsPage + "stappen/")
	got := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll('.dw-overview a[data-step-link]')).filter(a => a.offsetParent !== null).map(a => a.textContent + ' ' + new URL(a.href).pathname)`)
	if len(got) != len(d.Sections) {
		t.Fatalf("the overview lists %d steps, the definition has %d: %q", len(got), len(d.Sections), got)
	}
	for i, sec := range d.Sections {
		if want := fmt.Sprintf("%s %s%sstap-%d/", sec.Title, prefix, stepsPage, i+1); got[i] != want {
			t.Errorf("overview line %d is %q, want %q", i+1, got[i], want)
		}
	}
	if n := browsertest.Eval[int](tab, `Array.from(document.querySelectorAll('[data-item]')).filter(e => e.offsetParent !== null).length`); n != 0 {
		t.Errorf("the overview shows %d questions", n)
	}
}

// TestStepsEarlyAnswer: what a visitor types on a step page while the engine
// still loads stays, also when the page then restores answers kept on the
// device, and it is kept with them.
func TestStepsEarlyAnswer(t *testing.T) {
	g := newWasmGate(t, false)
	s := serveGated(t, g)
	tab := browsertest.NewBrowser(t).NewTab(t)
	kept, err := os.ReadFile("../../static/voorbeelden/casus-zvh-werkwijze.json")
	if err != nil {
		t.Fatal(err)
	}
	goNoWait(t, tab, s.URL+stepsPage+"stap-1/")
	browsertest.Eval[bool](tab, fmt.Sprintf(`(localStorage.setItem('deelwijzer:werkwijze:antwoorden', %q), true)`, kept))
	tab.Focus("#f-werkproces")
	tab.Press("Getypt voor de start")
	g.Release()
	tab.WaitReady(`html[data-engine="ready"]`)
	if got := stepField(tab, "f-werkproces"); got != "Getypt voor de start" {
		t.Errorf("the answer typed before the engine ran became %q", got)
	}
	if got := stepField(tab, "f-begin-eind"); got == "" {
		t.Error("the answers kept on the device were not restored")
	}
	if stored := browsertest.Eval[string](tab, `localStorage.getItem('deelwijzer:werkwijze:antwoorden')`); !strings.Contains(stored, "Getypt voor de start") {
		t.Error("the answer typed before the engine ran is not kept on the device")
	}
}

// pageHeights loads a checklist's whole page and each of its step pages at the
// tab's current width, and returns the document height (scrollHeight) of the
// whole page and of the longest step page, with that step's number. url makes
// the address of a view from "" (the whole page) or "stap-<n>/".
func pageHeights(t *testing.T, tab *browsertest.Tab, d definition, url func(view string) string) (whole, longest, at int) {
	t.Helper()
	height := func(view string) int {
		openChecklist(t, tab, url(view))
		return browsertest.Eval[int](tab, `document.documentElement.scrollHeight`)
	}
	whole = height("")
	for i := range d.Sections {
		if h := height(fmt.Sprintf("stap-%d/", i+1)); h > longest {
			longest, at = h, i+1
		}
	}
	return whole, longest, at
}

// TestStepsPageHeights measures the werkwijze workbook on one page against its
// longest step page, at 1280 and 375 px wide, empty and with the worked case
// (static/voorbeelden) restored from the device: a step page is a fraction of
// the whole.
func TestStepsPageHeights(t *testing.T) {
	s := browsertest.Serve(t, publicDir(t), prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	d := sourceDefinition(t, "werkwijze")
	kept, err := os.ReadFile("../../static/voorbeelden/casus-zvh-werkwijze.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, state := range []string{"leeg", "casus"} {
		for _, width := range []int64{1280, 375} {
			tab.SetViewport(width, 900)
			tab.Go(s.URL + stepsPage)
			if state == "casus" {
				browsertest.Eval[bool](tab, fmt.Sprintf(`(localStorage.setItem('deelwijzer:werkwijze:antwoorden', %q), true)`, kept))
			} else {
				browsertest.Eval[bool](tab, `(localStorage.clear(), true)`)
			}
			whole, longest, at := pageHeights(t, tab, d, func(page string) string { return s.URL + stepsPage + page })
			t.Logf("werkwijze %s, %d px wide: whole page %d px, longest step page (stap-%d) %d px", state, width, whole, at, longest)
			if longest >= whole {
				t.Errorf("%s, %d px: the longest step page (%d px) is not shorter than the whole page (%d px)", state, width, longest, whole)
			}
		}
	}
}

// TestStepsWholePagePrints: the whole workbook prints every step with its
// answers and the result (overviews and findings), also before "Controleer en
// rond af"; on screen the result stays where it was.
func TestStepsWholePagePrints(t *testing.T) {
	s := browsertest.Serve(t, publicDir(t), prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	d := sourceDefinition(t, "werkwijze")
	kept, err := os.ReadFile("../../static/voorbeelden/casus-zvh-werkwijze.json")
	if err != nil {
		t.Fatal(err)
	}
	tab.Go(s.URL + stepsPage)
	browsertest.Eval[bool](tab, fmt.Sprintf(`(localStorage.setItem('deelwijzer:werkwijze:antwoorden', %q), true)`, kept))
	openChecklist(t, tab, s.URL+stepsPage)
	text := strings.Join(strings.Fields(browsertest.PDFText(t, tab.PrintPDF())), " ")
	for i, sec := range d.Sections {
		if want := fmt.Sprintf("Stap %d van %d", i+1, len(d.Sections)); !strings.Contains(text, want) || !strings.Contains(text, sec.Title) {
			t.Errorf("the print lacks step %d, %q", i+1, sec.Title)
		}
	}
	var example struct {
		Answers struct {
			Werkproces string `json:"werkproces"`
		} `json:"answers"`
	}
	if err := json.Unmarshal(kept, &example); err != nil || example.Answers.Werkproces == "" {
		t.Fatalf("the worked case has no werkproces: %v", err)
	}
	// The start of the answer: the rest may wrap beside its question in the result.
	words := strings.Fields(example.Answers.Werkproces)
	want := []string{strings.Join(words[:min(4, len(words))], " "), "Controleer uw antwoorden", "Bevindingen"}
	for _, v := range d.Views {
		want = append(want, v.Title)
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the print of the whole page lacks %q", w)
		}
	}
	if browsertest.Eval[bool](tab, `!document.getElementById('resultaat').hidden`) {
		t.Error("after printing, the result shows on screen though the visitor did not finish")
	}
}
