//go:build browser

package browser

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"deelwijzer/internal/browsertest"
)

// worker works a checklist page as a visitor does and counts the field
// actions: each text typed into a field, each choice in a list, each
// radio button or check box clicked and each button pressed counts one.
type worker struct {
	t       *testing.T
	tab     *browsertest.Tab
	actions int
	typed   []string
}

func (w *worker) fill(sel, text string) {
	w.tab.Type(sel, text)
	w.actions++
	w.typed = append(w.typed, text)
}

// choose picks value for the top-level question id: an option of a list,
// a radio button or a check box (also of a reference to several rows).
func (w *worker) choose(id, value string) {
	scope := "#f-" + id + "-fieldset"
	if w.tab.Count(scope) == 0 {
		scope = fmt.Sprintf(`[data-ref-name=%q]`, id)
	}
	if w.tab.Count(scope) == 0 {
		scope = "#f-" + id
	}
	w.pick(scope, value)
}

// chooseIn picks value for field in row i (from 0) of group: an option of
// a list, a radio button or a check box (a reference to several rows).
func (w *worker) chooseIn(group string, i int, field, value string) {
	w.pick(rowSel(group, i+1)+fmt.Sprintf(` [data-field=%q]`, field), value)
}

func (w *worker) pick(scope, value string) {
	w.t.Helper()
	kind := browsertest.Eval[string](w.tab, fmt.Sprintf(`(() => { const c = document.querySelector(%q); if (!c) return ''; const s = c.matches('select') ? c : c.querySelector('select'); if (s) { if (![...s.options].some(o => o.value === %q)) return 'no option'; s.value = %q; s.dispatchEvent(new Event('change', {bubbles: true})); return 'select'; } return c.querySelector('input[value="' + CSS.escape(%q) + '"]') ? 'input' : 'no input'; })()`, scope, value, value, value))
	switch kind {
	case "select":
	case "input":
		w.tab.Click(scope + fmt.Sprintf(` input[value=%q]`, value))
	default:
		w.t.Fatalf("%s: %s for %q", scope, kind, value)
	}
	w.actions++
}

func (w *worker) click(sel string) {
	w.tab.Click(sel)
	w.actions++
}

// cell is the text field or text area of field in row i (from 0) of group.
func cell(group string, i int, field string) string {
	return rowSel(group, i+1) + fmt.Sprintf(` [data-field=%q] :is(input, textarea)`, field)
}

// row makes sure group has at least n rows, adding one when needed.
func (w *worker) row(group string, n int) {
	if w.tab.Count(fmt.Sprintf(`[data-rows-for=%q] > .dw-row`, group)) < n {
		w.click(fmt.Sprintf(`[data-add-row=%q]`, group))
	}
	if got := w.tab.Count(fmt.Sprintf(`[data-rows-for=%q] > .dw-row`, group)); got < n {
		w.t.Fatalf("%s has %d rows, want %d", group, got, n)
	}
}

// realisticCase is what the realistic case types in the workbook, with the
// ids the page gave the rows: the names that must be typed once only.
type realisticCase struct {
	orgs, steps   []string
	orgID, stepID []string
}

// typedCount is the number of typing actions that contain text.
func (w *worker) typedCount(text string) int {
	n := 0
	for _, typed := range w.typed {
		if strings.Contains(typed, text) {
			n++
		}
	}
	return n
}

// workRealisticCase works the realistic case through the werkwijze page open
// in w.tab, as a visitor: a gemeente's wijkteam with a woningcorporatie, the
// politie, the GGD and Veilig Thuis; five process steps, four deelmomenten,
// five risks and six measures. Every organisation and process step is typed
// once and chosen from a list after that. It ends with "Controleer en rond
// af" and fails the test when the case does not finish.
func (w *worker) workRealisticCase() realisticCase {
	t, tab := w.t, w.tab
	t.Helper()
	w.fill("#f-werkproces", "Aanpak multiprobleemhuishoudens in de wijk")

	orgs := []struct{ naam, soort string }{
		{"Wijkteam gemeente Noordstad", "wmo-jeugd-wijkteam"},
		{"Woningcorporatie Thuis", "woningcorporatie"},
		{"Politie basisteam Noord", "politie"},
		{"GGD Regio Noord", "ggd"},
		{"Veilig Thuis Noord", "veilig-thuis"},
	}
	c := realisticCase{}
	for i, o := range orgs {
		w.row("organisaties", i+1)
		w.fill(cell("organisaties", i, "naam"), o.naam)
		w.chooseIn("organisaties", i, "soort", o.soort)
		c.orgs = append(c.orgs, o.naam)
	}
	orgID := rowIDs(tab, "organisaties")

	c.steps = []string{"Signaal ontvangen", "Intake met het huishouden", "Casusoverleg met de partners", "Plan van aanpak uitvoeren", "Afsluiten en evalueren"}
	for i, st := range c.steps {
		w.row("processtappen", i+1)
		w.fill(cell("processtappen", i, "stap"), st)
	}
	stepID := rowIDs(tab, "processtappen")
	c.orgID, c.stepID = orgID, stepID

	// Step, from, to (indexes into orgs and steps), data, aim, special data.
	moments := []struct {
		step, van, naar  int
		gegevens, doel   string
		bijzonder        string
		grondslag, route string
	}{
		{0, 1, 0, "Naam, adres, hoogte van de huurachterstand", "Hulp aanbieden voordat het huishouden uit huis wordt gezet", "", "gerechtvaardigd-belang", ""},
		{2, 2, 0, "Incidenten op het adres in het afgelopen jaar", "Veiligheidsrisico's meenemen in het plan", "ja", "wpg-wjsg", ""},
		{2, 0, 3, "Zorgen over de gezondheid en de woonsituatie", "Bemoeizorg inzetten", "ja", "algemeen-belang", ""},
		{3, 0, 4, "Zorgen over de veiligheid van de kinderen", "Melding van huiselijk geweld of kindermishandeling", "ja", "algemeen-belang", "meldrecht"},
	}
	for i, m := range moments {
		w.row("deelmomenten", i+1)
		w.chooseIn("deelmomenten", i, "processtap", stepID[m.step])
		w.chooseIn("deelmomenten", i, "van", orgID[m.van])
		w.chooseIn("deelmomenten", i, "naar", orgID[m.naar])
		w.fill(cell("deelmomenten", i, "gegevens"), m.gegevens)
		w.fill(cell("deelmomenten", i, "doel"), m.doel)
		if m.bijzonder != "" {
			w.chooseIn("deelmomenten", i, "bijzonder", m.bijzonder)
		}
	}
	w.choose("gezamenlijk", "ja")
	w.choose("verantwoordelijke-bekend", "ja")

	momentID := rowIDs(tab, "deelmomenten")
	for i, m := range moments {
		w.chooseIn("rechtmatigheid", i, "grondslag", m.grondslag)
		if m.route != "" {
			w.chooseIn("rechtmatigheid", i, "beroepsgeheim", m.route)
		}
	}
	w.choose("po-fg-betrokken", "ja")

	// Risks: the type, and the deelmoment where it is specific to one.
	risks := []struct {
		risico string
		moment int // -1: all deelmomenten, left open
	}{
		{"te-veel-gegevens", 0}, {"doelverschuiving", 1}, {"beroepsgeheim-geschonden", 2}, {"niet-geinformeerd", -1}, {"te-lang-bewaren", -1},
	}
	for i, r := range risks {
		w.row("risicos", i+1)
		w.chooseIn("risicos", i, "risico", r.risico)
		if r.moment >= 0 {
			w.chooseIn("risicos", i, "deelmoment", momentID[r.moment])
		}
	}
	w.choose("dpia-oordeel", "verplicht")
	riskID := rowIDs(tab, "risicos")

	measures := []struct {
		maatregel string
		risk      int
	}{
		{"dataminimalisatie-per-stap", 0}, {"doelen-vastleggen", 1}, {"need-to-know", 2}, {"autorisatie", 2}, {"bewaartermijnen", 4}, {"periodieke-evaluatie", 3},
	}
	for i, m := range measures {
		w.row("maatregelen", i+1)
		w.chooseIn("maatregelen", i, "maatregel", m.maatregel)
		w.chooseIn("maatregelen", i, "risico", riskID[m.risk])
	}
	w.choose("hoog-restrisico", "nee")
	w.choose("gezamenlijke-dpia", "ja")
	w.choose("regeling-gezamenlijk", "ja")
	w.choose("fg-advies", "ja")

	w.finish()
	return c
}

// finish presses "Controleer en rond af" and fails the test unless the
// result shows without errors.
func (w *worker) finish() {
	w.t.Helper()
	w.click("#afronden")
	for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		switch browsertest.Eval[string](w.tab, `!document.getElementById('foutoverzicht').hidden ? 'errors' : document.getElementById('resultaat').offsetParent ? 'result' : ''`) {
		case "errors":
			w.t.Fatalf("the checklist does not finish:\n%s", w.tab.Text("#foutoverzicht"))
		case "result":
			return
		}
	}
	w.t.Fatal("no result and no errors within 20 s of \"Controleer en rond af\"")
}

// TestRealisticCaseByHand works the realistic case (workRealisticCase)
// through the werkwijze page. Every organisation and process step is typed
// once. The case is finished in at most 100 field actions, the result names
// the organisations in the data flow, axe finds nothing, and importing the
// exported file and exporting again gives the same bytes.
func TestRealisticCaseByHand(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	downloads := t.TempDir()
	setDownloads(t, tab, downloads)
	openChecklist(t, tab, s.URL+"checklists/werkwijze/")
	w := &worker{t: t, tab: tab}
	c := w.workRealisticCase()

	// The case answers what steps 1 to 4 ask and leaves optional questions
	// open (begin-eind, the systems, the residual risks...): those steps are
	// Afgerond. Step 5, the FG's advice and the adoption, comes later.
	if got, want := statusTags(tab), []string{"Afgerond", "Afgerond", "Afgerond", "Afgerond", "Niet gestart"}; !slices.Equal(got, want) {
		t.Errorf("the overview shows the steps as %q, want %q", got, want)
	}
	if got := textOf(tab, "#voortgang"); !strings.Contains(got, "4 van 5 stappen afgerond") {
		t.Errorf("the progress says %q, want 4 of 5 steps done", got)
	}

	// Each organisation and process step was typed once, and only there.
	for _, name := range append(append([]string{}, c.steps...), c.orgs...) {
		if n := w.typedCount(name); n != 1 {
			t.Errorf("%q was typed %d times, want once", name, n)
		}
	}
	t.Logf("the realistic case took %d field actions", w.actions)
	if w.actions > 100 {
		t.Errorf("the realistic case took %d field actions, want at most 100", w.actions)
	}

	// The data flow names the organisations, one node each.
	nodes := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll('#resultaat svg text')).map(e => e.textContent)`)
	flow := strings.Join(nodes, "|")
	for _, o := range c.orgs {
		if !strings.Contains(flow, strings.Fields(o)[0]) {
			t.Errorf("the data flow does not name %s: %q", o, nodes)
		}
	}
	axeClean(t, tab, "the realistic case finished")

	// Export, import on a fresh page, export again: the same bytes, apart
	// from the moment of export.
	w.click("#exporteer-json")
	first, err := os.ReadFile(waitDownload(t, downloads, "werkwijze-antwoorden-"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mustGlob(t, downloads, "*") {
		if err := os.Remove(m); err != nil {
			t.Fatal(err)
		}
	}
	openChecklist(t, tab, s.URL+"checklists/werkwijze/")
	file := writeFile(t, "werkwijze-wijkteam.json", first)
	if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#importeer"), []string{file})); err != nil {
		t.Fatal(err)
	}
	tab.WaitVisible("#importmelding")
	tab.Click("#exporteer-json")
	second, err := os.ReadFile(waitDownload(t, downloads, "werkwijze-antwoorden-"))
	if err != nil {
		t.Fatal(err)
	}
	exported := regexp.MustCompile(`"exported":\s*"[^"]*"`)
	a, b := exported.ReplaceAll(first, []byte(`"exported":""`)), exported.ReplaceAll(second, []byte(`"exported":""`))
	if !bytes.Equal(a, b) {
		t.Errorf("export, import, export changed the file:\nfirst:  %s\nsecond: %s", a, b)
	}
	if !bytes.Contains(first, []byte(`"naam":"Veilig Thuis Noord"`)) && !bytes.Contains(first, []byte(`"naam": "Veilig Thuis Noord"`)) {
		t.Errorf("the export lacks the organisation rows:\n%s", first)
	}
}
