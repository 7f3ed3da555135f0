//go:build browser

package browser

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"deelwijzer/internal/browsertest"
)

// rowSel is the n-th row (1-based) of a group.
func rowSel(group string, n int) string {
	return fmt.Sprintf(`[data-rows-for="%s"] > .dw-row:nth-child(%d)`, group, n)
}

// rowIDs returns the hidden ids of a group's rows, in page order.
func rowIDs(tab *browsertest.Tab, group string) []string {
	return browsertest.Eval[[]string](tab, fmt.Sprintf(`Array.from(document.querySelectorAll('[data-rows-for="%s"] > .dw-row > [data-row-id]')).map(e => e.value)`, group))
}

// selectOptions returns the option texts of a select, and which one is chosen.
func selectOptions(tab *browsertest.Tab, sel string) ([]string, string) {
	type opts struct {
		Texts  []string
		Chosen string
	}
	o := browsertest.Eval[opts](tab, fmt.Sprintf(`(() => { const s = document.querySelector(%q); return {Texts: Array.from(s.options).map(o => o.text), Chosen: s.selectedIndex >= 0 ? s.options[s.selectedIndex].text : ''}; })()`, sel))
	return o.Texts, o.Chosen
}

func chooseOption(tab *browsertest.Tab, sel string, index int) {
	browsertest.Eval[bool](tab, fmt.Sprintf(`(() => { const s = document.querySelector(%q); s.value = s.options[%d].value; s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`, sel, index))
}

// TestRefsFollowRows works the workbook as a visitor: two process steps, a
// deelmoment that picks one of them from a list, then the step is renamed,
// moved up, removed and put back. The list follows every change, the choice
// stays with the same step (by its id) through the move, a removed step is
// shown and flagged instead of dropped, and the rows of a later step move
// with their deelmoment.
func TestRefsFollowRows(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openChecklist(t, tab, s.URL+"checklists/werkwijze/")

	stap := func(n int) string { return rowSel("processtappen", n) + ` [data-field="stap"] input` }
	tab.Type(stap(1), "Melding")
	tab.Click(`[data-add-row="processtappen"]`)
	tab.Type(stap(2), "Intake")
	ids := rowIDs(tab, "processtappen")
	if len(ids) != 2 || ids[0] == "" || ids[1] == "" || ids[0] == ids[1] {
		t.Fatalf("process steps without their own ids: %q", ids)
	}

	ref := rowSel("deelmomenten", 1) + ` [data-field="processtap"] select`
	texts, _ := selectOptions(tab, ref)
	if strings.Join(texts, "|") != "Kies…|Processtap 1: Melding|Processtap 2: Intake" {
		t.Fatalf("the list of process steps: %q", texts)
	}
	chooseOption(tab, ref, 2)

	// Renaming the step renames it in the list; the choice stays.
	tab.Type(stap(2), " en plan")
	if texts, chosen := selectOptions(tab, ref); chosen != "Processtap 2: Intake en plan" || len(texts) != 3 {
		t.Errorf("after renaming: chosen %q of %q", chosen, texts)
	}

	// Moving the step up keeps its id, and the choice follows it.
	tab.Click(rowSel("processtappen", 2) + " .dw-row__up")
	if got := rowIDs(tab, "processtappen"); len(got) != 2 || got[0] != ids[1] || got[1] != ids[0] {
		t.Errorf("ids after moving step 2 up: %q, want %q", got, []string{ids[1], ids[0]})
	}
	if _, chosen := selectOptions(tab, ref); chosen != "Processtap 1: Intake en plan" {
		t.Errorf("after moving: chosen %q", chosen)
	}

	// Removing the step leaves the choice, shown as removed and flagged.
	tab.Click(rowSel("processtappen", 1) + " .dw-row__remove")
	if _, chosen := selectOptions(tab, ref); chosen != "Verwijderde rij ("+ids[1]+")" {
		t.Errorf("after removing the step: chosen %q", chosen)
	}
	if f := tab.Text("#bevindingen-lijst"); !strings.Contains(f, "verwijst naar een rij die er niet meer is") {
		t.Errorf("no finding for the removed step:\n%s", f)
	}
	axeClean(t, tab, "werkwijze with a reference to a removed row")

	// Putting it back brings the same row, with the same id.
	tab.Click(".dw-row-undo button")
	if got := rowIDs(tab, "processtappen"); len(got) != 2 || got[0] != ids[1] {
		t.Errorf("ids after undo: %q", got)
	}
	if _, chosen := selectOptions(tab, ref); chosen != "Processtap 1: Intake en plan" {
		t.Errorf("after undo: chosen %q", chosen)
	}
	if f := tab.Text("#bevindingen-lijst"); strings.Contains(f, "verwijst naar een rij die er niet meer is") {
		t.Errorf("the finding stays after undo:\n%s", f)
	}

	// A deelmoment moved up takes its row of step 2 along: same id, same text.
	doel := func(n int) string { return rowSel("deelmomenten", n) + ` [data-field="doel"] input` }
	tab.Type(doel(1), "Eerste doel")
	tab.Click(`[data-add-row="deelmomenten"]`)
	tab.Type(doel(2), "Tweede doel")
	toelichting := func(n int) string { return rowSel("rechtmatigheid", n) + ` [data-field="toelichting"] textarea` }
	tab.Type(toelichting(2), "Afweging bij het tweede doel")
	before := rowIDs(tab, "deelmomenten")
	tab.Click(rowSel("deelmomenten", 2) + " .dw-row__up")
	after := rowIDs(tab, "deelmomenten")
	follow := rowIDs(tab, "rechtmatigheid")
	if len(after) != 2 || after[0] != before[1] || follow[0] != after[0] || follow[1] != after[1] {
		t.Errorf("ids after moving deelmoment 2 up: deelmomenten %q (was %q), rechtmatigheid %q", after, before, follow)
	}
	if got := browsertest.Eval[string](tab, fmt.Sprintf(`document.querySelector(%q).value`, toelichting(1))); got != "Afweging bij het tweede doel" {
		t.Errorf("the row of step 2 did not move with its deelmoment: row 1 has %q", got)
	}
	axeClean(t, tab, "werkwijze after moving rows")
}

// TestRefsDeelmomentOrganisations: a deelmoment's van and naar are lists of
// the organisation rows, named by the name typed there once. Renaming an
// organisation renames it in the choice; removing it leaves the choice as a
// removed row with a finding, never an empty field. The data flow on the
// result names the organisations.
func TestRefsDeelmomentOrganisations(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openChecklist(t, tab, s.URL+"checklists/werkwijze/")

	naam := func(n int) string { return rowSel("organisaties", n) + ` [data-field="naam"] input` }
	tab.Type(naam(1), "Wijkteam Noord")
	tab.Click(`[data-add-row="organisaties"]`)
	tab.Type(naam(2), "Veilig Thuis")
	orgs := rowIDs(tab, "organisaties")

	van := rowSel("deelmomenten", 1) + ` [data-field="van"] select`
	naar := rowSel("deelmomenten", 1) + ` [data-field="naar"] select`
	for _, sel := range []string{van, naar} {
		texts, _ := selectOptions(tab, sel)
		if strings.Join(texts, "|") != "Kies…|Organisatie 1: Wijkteam Noord|Organisatie 2: Veilig Thuis" {
			t.Fatalf("the organisations to choose from: %q", texts)
		}
	}
	if n := browsertest.Eval[int](tab, `document.querySelectorAll('[data-rows-for="deelmomenten"] [data-field="van-anders"], [data-rows-for="deelmomenten"] [data-field="naar-anders"]').length`); n != 0 {
		t.Errorf("%d free-text fields for another party are still there", n)
	}
	chooseOption(tab, van, 1)
	chooseOption(tab, naar, 2)

	tab.Type(naam(2), " Zaanstreek")
	if _, chosen := selectOptions(tab, naar); chosen != "Organisatie 2: Veilig Thuis Zaanstreek" {
		t.Errorf("after renaming the organisation: naar is %q", chosen)
	}

	tab.Click(rowSel("organisaties", 2) + " .dw-row__remove")
	if _, chosen := selectOptions(tab, naar); chosen != "Verwijderde rij ("+orgs[1]+")" {
		t.Errorf("after removing the organisation: naar is %q", chosen)
	}
	if _, chosen := selectOptions(tab, van); chosen != "Organisatie 1: Wijkteam Noord" {
		t.Errorf("after removing another organisation: van is %q", chosen)
	}
	if f := tab.Text("#bevindingen-lijst"); !strings.Contains(f, "Deelmoment 1 (Naar) verwijst naar een rij die er niet meer is") {
		t.Errorf("no finding for the removed organisation:\n%s", f)
	}
	axeClean(t, tab, "werkwijze with a deelmoment to a removed organisation")

	tab.Click(".dw-row-undo button")
	if _, chosen := selectOptions(tab, naar); chosen != "Organisatie 2: Veilig Thuis Zaanstreek" {
		t.Errorf("after undo: naar is %q", chosen)
	}
	axeClean(t, tab, "werkwijze with organisations in a deelmoment")
}

// TestRefsImportOldFile opens a workbook file of version 1.2.0, where the
// process step, the deelmoment of a risk and the risk of a measure were free
// text or a risk type. The page shows them as the rows they name; text that
// names no row stays, shown as a removed row, and the import message says
// so; the scores after measures moved to step 4 with their risk.
func TestRefsImportOldFile(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openChecklist(t, tab, s.URL+"checklists/werkwijze/")
	file := writeJSON(t, "werkboek-oud.json", map[string]any{"schema": "deelwijzer-antwoorden", "schemaVersion": 1, "checklist": "werkwijze",
		"definitionVersion": "1.2.0", "exported": "2026-11-01T10:00:00Z",
		"answers": map[string]any{
			"processtappen": []map[string]any{{"stap": "Melding"}, {"stap": "Intake"}},
			"deelmomenten": []map[string]any{
				{"processtap": "2", "gegevens": "Naam", "doel": "Hulp"},
				{"processtap": "Nazorg", "gegevens": "Adres", "doel": "Contact"},
			},
			"risicos":     []map[string]any{{"deelmoment": "deelmoment 1 en 2", "risico": "geen-grondslag", "kans": "3", "impact": "3", "restkans": "2", "restimpact": "1"}},
			"maatregelen": []map[string]any{{"maatregel": "doelen-vastleggen", "risico": "geen-grondslag"}},
		}})
	if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#importeer"), []string{file})); err != nil {
		t.Fatal(err)
	}
	tab.WaitVisible("#importmelding")
	if msg := tab.Text("#importmelding"); !strings.Contains(msg, "'Nazorg' hoort bij geen rij") {
		t.Errorf("the import message does not name the text that names no row:\n%s", msg)
	}
	ref := func(n int) string { return rowSel("deelmomenten", n) + ` [data-field="processtap"] select` }
	if _, chosen := selectOptions(tab, ref(1)); chosen != "Processtap 2: Intake" {
		t.Errorf("deelmoment 1: %q, want Processtap 2: Intake", chosen)
	}
	if _, chosen := selectOptions(tab, ref(2)); chosen != "Verwijderde rij (Nazorg)" {
		t.Errorf("deelmoment 2: %q, want the text kept as a removed row", chosen)
	}
	checked := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll('[data-rows-for="risicos"] > .dw-row:first-child [data-field="deelmoment"] input:checked')).map(e => e.labels[0].textContent)`)
	if strings.Join(checked, "|") != "Deelmoment 1: Intake|Deelmoment 2: Verwijderde rij (Nazorg)" && strings.Join(checked, "|") != "Deelmoment 1: Intake|Deelmoment 2: verwijderde rij (Nazorg)" {
		t.Errorf("deelmomenten of risk 1: %q", checked)
	}
	measure := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll('[data-rows-for="maatregelen"] > .dw-row:first-child [data-field="risico"] input:checked')).map(e => e.labels[0].textContent)`)
	if len(measure) != 1 || !strings.HasPrefix(measure[0], "Risico 1: ") {
		t.Errorf("measure 1 is against %q, want risk 1", measure)
	}
	if !browsertest.Eval[bool](tab, `document.querySelector('[data-rows-for="restrisicos"] > .dw-row:first-child [data-field="restkans"] input[value="2"]').checked`) {
		t.Error("the likelihood after measures did not move to step 4 with its risk")
	}
	axeClean(t, tab, "werkwijze after importing an old file")
}

// TestInlineErrorsFollowFixes: after "Controleer en rond af" lists what is
// missing, filling in a field takes its message away at once, and the
// summary lists one error less; focus stays in the field.
func TestInlineErrorsFollowFixes(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openChecklist(t, tab, s.URL+"checklists/werkwijze/")
	tab.Click("#afronden")
	tab.WaitVisible("#foutoverzicht")
	count := func() int { return tab.Count("#foutoverzicht-lijst li") }
	inline := func() int {
		return browsertest.Eval[int](tab, `document.querySelectorAll('[data-messages-for="werkproces"] .dw-error-message').length`)
	}
	n := count()
	if n == 0 || inline() != 1 {
		t.Fatalf("before: %d errors in the summary, %d at werkproces", n, inline())
	}
	if !browsertest.Eval[bool](tab, `document.getElementById('f-werkproces').getAttribute('aria-invalid') === 'true'`) {
		t.Error("werkproces is not marked invalid")
	}
	tab.Type("#f-werkproces", "Vroegsignalering")
	if inline() != 0 {
		t.Error("the message at werkproces stays after it was filled in")
	}
	if browsertest.Eval[bool](tab, `document.getElementById('f-werkproces').hasAttribute('aria-invalid')`) {
		t.Error("werkproces stays marked invalid")
	}
	if got := count(); got != n-1 {
		t.Errorf("the summary lists %d errors, want %d", got, n-1)
	}
	if f := tab.Focused(); !strings.Contains(f, "f-werkproces") {
		t.Errorf("focus moved away from the field being fixed: %s", f)
	}
	// Emptying it again brings the message back.
	browsertest.Eval[bool](tab, `(() => { const e = document.getElementById('f-werkproces'); e.value = ''; e.dispatchEvent(new Event('input', {bubbles: true})); return true; })()`)
	if inline() != 1 || count() != n {
		t.Errorf("after emptying: %d at werkproces, %d in the summary (want 1, %d)", inline(), count(), n)
	}
	axeClean(t, tab, "errors while fixing")
}

// TestRefsUppRows: on the UPP page nothing is typed twice. The partner of a
// data row is a list of the organisation rows of step 1, by name, and the
// step of a purpose a list of the process steps of step 2; there is no
// free-text "andere partner" any more. A renamed organisation is renamed
// in the choice, and the findings that asked for a step and a partner go.
func TestRefsUppRows(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openChecklist(t, tab, s.URL+"checklists/upp/")

	naam := func(n int) string { return rowSel("organisaties", n) + ` [data-field="naam"] input` }
	tab.Type(naam(1), "Gemeente Noordstad")
	tab.Click(`[data-add-row="organisaties"]`)
	tab.Type(naam(2), "Woonstichting Noord")
	stap := func(n int) string { return rowSel("processtappen", n) + ` [data-field="stap"] input` }
	tab.Type(stap(1), "Intake")
	tab.Click(`[data-add-row="processtappen"]`)
	tab.Type(stap(2), "Plan maken")
	tab.Type(rowSel("doelen", 1)+` [data-field="doel"] input`, "Huurachterstand eerder zien")

	if f := tab.Text("#bevindingen-lijst"); !strings.Contains(f, "Bij doel 1 (Huurachterstand eerder zien) staat nog geen stap") ||
		!strings.Contains(f, "Bij doel 1 (Huurachterstand eerder zien) staat nog niet bij welke organisatie") {
		t.Errorf("before choosing, no finding asks for the step and the organisation:\n%s", f)
	}
	step := rowSel("doelen", 1) + ` [data-field="processtap"] select`
	if texts, _ := selectOptions(tab, step); strings.Join(texts, "|") != "Kies…|Processtap 1: Intake|Processtap 2: Plan maken" {
		t.Fatalf("the process steps to choose from: %q", texts)
	}
	chooseOption(tab, step, 2)

	partner := rowSel("gegevens", 1) + ` [data-field="partner"] select`
	if texts, _ := selectOptions(tab, partner); strings.Join(texts, "|") != "Kies…|Organisatie 1: Gemeente Noordstad|Organisatie 2: Woonstichting Noord" {
		t.Fatalf("the organisations to choose from: %q", texts)
	}
	if n := browsertest.Eval[int](tab, `document.querySelectorAll('[data-rows-for="gegevens"] [data-field="partner-anders"]').length`); n != 0 {
		t.Errorf("%d free-text fields for another partner are still there", n)
	}
	chooseOption(tab, partner, 2)

	tab.Type(naam(2), " en Zuid")
	if _, chosen := selectOptions(tab, partner); chosen != "Organisatie 2: Woonstichting Noord en Zuid" {
		t.Errorf("after renaming the organisation: partner is %q", chosen)
	}
	if _, chosen := selectOptions(tab, step); chosen != "Processtap 2: Plan maken" {
		t.Errorf("the step of the purpose: %q", chosen)
	}
	if f := tab.Text("#bevindingen-lijst"); strings.Contains(f, "Bij doel 1 (Huurachterstand eerder zien) staat nog geen stap") ||
		strings.Contains(f, "Bij doel 1 (Huurachterstand eerder zien) staat nog niet bij welke organisatie") {
		t.Errorf("a finding asks for what was chosen:\n%s", f)
	}
	axeClean(t, tab, "upp with a purpose's step and a data row's organisation")
}

// TestRefsUppOldFile opens an answer file of upp 1.3.0, where a purpose's
// step was typed text and a data row's partner a choice from the list plus
// a typed other partner. The page shows them as rows of processtappen and
// organisaties, chosen in the lists; nothing is named as lost.
func TestRefsUppOldFile(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openChecklist(t, tab, s.URL+"checklists/upp/")
	abs, _ := filepath.Abs(filepath.Join("..", "..", "checklist", "testdata", "upp-1.3.0.json"))
	if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#importeer"), []string{abs})); err != nil {
		t.Fatal(err)
	}
	tab.WaitVisible("#importmelding")
	if msg := tab.Text("#importmelding"); strings.Contains(msg, "past niet") || strings.Contains(msg, "passen niet") || strings.Contains(msg, "hoort bij geen rij") {
		t.Errorf("answers lost on the way: %s", msg)
	}
	var steps []string
	for i := 0; i < 3; i++ {
		steps = append(steps, rowValue(tab, "processtappen", i, "stap"))
	}
	if got := strings.Join(steps, "|"); got != "Intake|Plan maken|Casusoverleg" {
		t.Errorf("process steps: %q", got)
	}
	for sel, want := range map[string]string{
		rowSel("doelen", 3) + ` [data-field="processtap"] select`: "Processtap 1: Intake",
		rowSel("doelen", 5) + ` [data-field="processtap"] select`: "Processtap 3: Casusoverleg",
		rowSel("gegevens", 2) + ` [data-field="partner"] select`:  "Organisatie 4: Huisartsenpraktijk De Linde",
		rowSel("gegevens", 4) + ` [data-field="partner"] select`:  "Organisatie 2: GGD",
	} {
		if _, chosen := selectOptions(tab, sel); chosen != want {
			t.Errorf("%s: %q, want %q", sel, chosen, want)
		}
	}
	axeClean(t, tab, "upp after importing a 1.3.0 file")
}
