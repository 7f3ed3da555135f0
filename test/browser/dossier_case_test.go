//go:build browser

package browser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"deelwijzer/internal/browsertest"
)

// Issue 10, the golden case: the realistic case (a gemeente's wijkteam with a
// woningcorporatie, the politie, the GGD and Veilig Thuis) worked by hand in
// every checklist of one dossier.

// sharedIn is what each checklist asks of the dossier's shared groups (its
// items with "shared" in the definition the page has). A checklist that stops
// reading a group from the dossier fails the test here.
var sharedIn = map[string][]string{
	"werkwijze":    {"organisaties", "processtappen", "deelmomenten", "fg-adviezen", "vaststellingen"},
	"samenwerking": {"organisaties"},
	"upp":          {"organisaties", "processtappen"},
	"wegwijzer":    {"organisaties"},
	"dpia-toets":   nil,
}

// goldenActions is the number of field actions of the golden case in one
// dossier (TestRealisticDossierAcrossChecklists): making the dossier 2,
// werkwijze 93, samenwerking 56, upp 25, wegwijzer 20, dpia-toets 12.
const goldenActions = 208

// makeDossier makes a dossier on the list page as a visitor: the name typed,
// the button pressed. It returns the new dossier's id.
func (w *worker) makeDossier(name string) string {
	w.t.Helper()
	before := strings.Join(listedDossiers(w.tab, "dossier-lijst"), " ")
	w.fill("#nieuw-naam", name)
	w.click("#nieuw-maak")
	waitText(w.t, w.tab, "#dossier-melding", "is gemaakt")
	return newDossier(w.t, w.tab, before)
}

// newDossier is the dossier in the list that was not in before (ids joined by
// spaces).
func newDossier(t *testing.T, tab *browsertest.Tab, before string) string {
	t.Helper()
	for _, id := range listedDossiers(tab, "dossier-lijst") {
		if !strings.Contains(before, id) {
			return id
		}
	}
	t.Fatalf("no new dossier in the list: %s", textOf(tab, "#dossier-melding"))
	return ""
}

// sharedItems lists the items of the open checklist that are shared groups.
func sharedItems(tab *browsertest.Tab) []string {
	return browsertest.Eval[[]string](tab, `JSON.parse(document.getElementById('checklist-data').textContent).definition.sections.flatMap((s) => s.items || []).filter((i) => i.shared).map((i) => i.shared)`)
}

// checkSharedRows fails unless the open checklist asks the shared groups
// sharedIn says, and shows the case's organisations and process steps in
// them, as the same rows (the same ids) the workbook made.
func checkSharedRows(t *testing.T, tab *browsertest.Tab, checklist string, c realisticCase) {
	t.Helper()
	got := sharedItems(tab)
	if strings.Join(got, " ") != strings.Join(sharedIn[checklist], " ") {
		t.Errorf("%s asks the shared groups %q, want %q", checklist, got, sharedIn[checklist])
	}
	for _, g := range got {
		var names, ids []string
		switch g {
		case "organisaties":
			names, ids = c.orgs, c.orgID
		case "processtappen":
			names, ids = c.steps, c.stepID
		default:
			continue
		}
		field := map[string]string{"organisaties": "naam", "processtappen": "stap"}[g]
		var shown []string
		for i := range rowIDs(tab, g) {
			shown = append(shown, rowValue(tab, g, i, field))
		}
		if strings.Join(shown, "|") != strings.Join(names, "|") {
			t.Errorf("%s opens with %s %q, want %q from the dossier", checklist, g, shown, names)
		}
		if got := rowIDs(tab, g); strings.Join(got, " ") != strings.Join(ids, " ") {
			t.Errorf("%s has %s rows %q, want the workbook's rows %q", checklist, g, got, ids)
		}
	}
}

// workSamenwerking answers samenwerking for the case. The partners follow the
// organisations of the dossier, one row each; references name an organisation
// by its row.
func (w *worker) workSamenwerking(c realisticCase) {
	w.choose("bestaande-samenwerkingen", "nee")
	taken := []string{"Regie op de hulp aan het huishouden", "Signaleert huurachterstand", "Deelt signalen over veiligheid", "Bemoeizorg", "Advies en meldingen huiselijk geweld"}
	grondslag := []string{"algemeen-belang", "gerechtvaardigd-belang", "wpg-wjsg", "algemeen-belang", "wettelijke-verplichting"}
	if n := w.tab.Count(`[data-rows-for="partners"] > .dw-row`); n != len(c.orgs) {
		w.t.Fatalf("samenwerking has %d partner rows for %d organisations", n, len(c.orgs))
	}
	for i := range c.orgs {
		w.fill(cell("partners", i, "taak"), taken[i])
		w.chooseIn("partners", i, "grondslag", grondslag[i])
	}
	w.choose("partners-benaderd", "ja")
	w.choose("taken-overlap", "ja")
	w.choose("doelen-overlap", "ja")
	w.fill("#f-doel", "Hulp en veiligheid voor huishoudens met meerdere problemen op elkaar afstemmen")
	w.choose("doel-samen-vastgelegd", "ja")
	w.fill("#f-noodzaak", "Zonder afstemming lopen hulp, veiligheid en de huur langs elkaar heen")
	w.choose("doel-haalbaar", "ja")
	w.choose("minst-ingrijpend", "ja")
	w.fill("#f-minst-ingrijpend-afweging", "Eerst werkten de partners los van elkaar; dat hielp de huishoudens niet")
	w.fill("#f-succes", "Minder huisuitzettingen en eerdere hulp")
	w.choose("toezichthouders-nodig", "nee")
	w.choose("adresonderzoek", "nee")
	w.choose("plan-evaluatie", "ja")
	w.choose("plan-verantwoording", "nee")
	w.choose("draagvlak-bestuur", "ja")
	w.fill("#f-leiding", "Manager sociaal domein")
	w.choose("capaciteit", "ja")
	w.choose("kernteam", "ja")
	for _, r := range []string{"projectleider", "privacy-officer", "jurist"} {
		w.choose("rollen", r)
	}
	w.choose("integraal-team", "ja")
	for _, q := range []string{"taken-vastgelegd", "gegevens-vastgelegd", "doel-per-gegeven", "grondslag-vastgelegd", "po-fg-betrokken", "beroepsgeheim"} {
		w.choose(q, "ja")
	}
	w.choose("beroepsgeheim-partners", c.orgID[3])
	w.choose("beroepsgeheim-partners", c.orgID[4])
	w.choose("bijzondere-gegevens", "ja")
	w.choose("bsn", "nee")
	w.choose("verantwoordelijkheid", "regeling-art26")
	w.choose("verzoeken-door", c.orgID[0])
	w.choose("datalek-melder", c.orgID[0])
	w.choose("informeren-door", c.orgID[0])
	w.choose("contactpunt", c.orgID[0])
	for _, q := range []string{"register", "informatie-inwoners", "fg-advies"} {
		w.choose(q, "ja")
	}
	for _, q := range []string{"doc-plan-van-aanpak", "doc-werkproces", "doc-convenant"} {
		w.choose(q, "klaar")
	}
	w.choose("doc-dpia", "in-concept")
}

// workUpp answers the UPP-stappenplan for two of the case's purposes, each tied
// to a process step of the dossier and a partner chosen from its organisations.
func (w *worker) workUpp(c realisticCase) {
	w.fill("#f-taak", "Hulp aan huishoudens met meerdere problemen, afgestemd met de partners in de wijk")
	w.choose("wetten", "wmo-2015")
	w.choose("wetten", "jeugdwet")
	w.choose("overheid", "ja")
	doelen := []struct {
		doel, gegevens string
		step, partner  int
	}{
		{"Huisuitzetting voorkomen", "Hoogte van de huurachterstand", 0, 1},
		{"Hulp en veiligheid in één plan afstemmen", "Zorgen over de gezondheid en de woonsituatie", 2, 3},
	}
	for i, d := range doelen {
		w.row("doelen", i+1)
		w.fill(cell("doelen", i, "doel"), d.doel)
		w.chooseIn("doelen", i, "processtap", c.stepID[d.step])
	}
	w.choose("doel-gekoppeld", "ja")
	w.choose("doel-begrensd", "ja")
	for i, d := range doelen {
		w.fill(cell("gegevens", i, "gegevens"), d.gegevens)
		w.chooseIn("gegevens", i, "partner", c.orgID[d.partner])
	}
	w.choose("minder-gegevens", "ja")
	w.choose("bijzondere-gegevens", "ja")
	w.fill("#f-uitzondering", "Wmo 2015 art. 5.1.1 en Jeugdwet art. 7.4.0")
	for i := range doelen {
		w.chooseIn("grondslag", i, "grondslag", "algemeen-belang")
	}
	w.choose("bron-grondslag", "ja")
	w.choose("bsn", "nee")
	w.choose("beroepsgeheim", "ja")
	w.choose("route", "toestemming")
}

// workWegwijzer answers the wegwijzer: the three core questions, the ten
// points and the joint DPIA the workbook speaks of.
func (w *worker) workWegwijzer() {
	for _, q := range []string{"mag-het", "ingericht", "zorgvuldig"} {
		w.choose(q, "ja")
	}
	for _, q := range []string{"punt-doel-vorm", "punt-privacy-by-design", "punt-dossier", "punt-taken", "punt-clientinformatie", "punt-wie-bepaalt-doel", "punt-doel-middelen", "punt-afstemming", "punt-evalueren", "punt-knelpunten"} {
		w.choose(q, "geregeld")
	}
	w.choose("toestemming-gebruikt", "nee")
	w.choose("gezamenlijk", "ja")
	w.choose("dpia-eigen", "bezig")
	w.choose("dpia-gezamenlijk", "bezig")
	w.choose("regeling", "ja")
	w.choose("fg-advies", "ja")
}

// workDpiaToets answers the DPIA-toets: special data of vulnerable people
// shared by a partnership, which makes a DPIA mandatory (art. 35 lid 3 AVG).
func (w *worker) workDpiaToets() {
	w.choose("art35-evaluatie", "nee")
	w.choose("art35-bijzonder", "ja")
	w.choose("art35-monitoring", "nee")
	for _, v := range []string{"gevoelige-gegevens", "kwetsbaar", "koppelen"} {
		w.choose("edpb-criteria", v)
	}
	w.choose("ap-lijst", "samenwerkingsverbanden")
	w.choose("gezamenlijk", "ja")
	w.choose("regeling", "ja")
	w.choose("dpia-afspraak", "ja")
	w.choose("dpia-gedaan", "nee")
}

// jsonLeaves lists every string and number in a JSON tree, normalised
// (lower case, single spaces), with the keys of objects.
func jsonLeaves(v any, out map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			out[normal(k)] = true
			jsonLeaves(x, out)
		}
	case []any:
		for _, x := range v {
			jsonLeaves(x, out)
		}
	case string:
		out[normal(v)] = true
	case float64, bool:
		out[normal(fmt.Sprint(v))] = true
	}
}

func normal(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// answerLeaves lists the values of an answer file's answers (not its keys):
// what a visitor typed or chose.
func answerLeaves(v any, out *[]string) {
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			answerLeaves(v[k], out)
		}
	case []any:
		for _, x := range v {
			answerLeaves(x, out)
		}
	case string:
		*out = append(*out, v)
	}
}

// formValues is what the open checklist shows: the value of every text field,
// list (and the text of its chosen option) and chosen radio button or check
// box, normalised as jsonLeaves.
func formValues(tab *browsertest.Tab) map[string]bool {
	out := map[string]bool{}
	for _, v := range browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll('#checklist input, #checklist select, #checklist textarea')).flatMap((e) => {
		if (e.type === 'radio' || e.type === 'checkbox') return e.checked ? [e.value] : [];
		if (e.tagName === 'SELECT') return e.selectedIndex >= 0 ? [e.value, e.options[e.selectedIndex].text] : [];
		return [e.value];
	})`) {
		out[normal(v)] = true
	}
	return out
}

// jsonDiff lists the paths where two JSON trees differ.
func jsonDiff(a, b any, at string, out *[]string) {
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if aok && bok {
		keys := map[string]bool{}
		for k := range am {
			keys[k] = true
		}
		for k := range bm {
			keys[k] = true
		}
		for k := range keys {
			jsonDiff(am[k], bm[k], at+"."+k, out)
		}
		return
	}
	al, aok := a.([]any)
	bl, bok := b.([]any)
	if aok && bok && len(al) == len(bl) {
		for i := range al {
			jsonDiff(al[i], bl[i], fmt.Sprintf("%s[%d]", at, i), out)
		}
		return
	}
	if fmt.Sprint(a) != fmt.Sprint(b) {
		*out = append(*out, at)
	}
}

// TestRealisticDossierAcrossChecklists works the realistic case by hand in one
// dossier made on /dossiers/, in every checklist: the workbook (werkwijze) as
// TestRealisticCaseByHand does, then samenwerking, upp, wegwijzer and the
// DPIA-toets. Each of those opens with the five organisations and the process
// steps it asks from the dossier, as the workbook's rows: no organisation is
// typed twice in the whole run. One counter counts every field action; the
// workbook takes at most 100. The DPIA-toets's verdict shows in the workbook.
// axe finds nothing on each worked checklist, the task list, the whole dossier
// and the result with its views; the data flow does not overlap at 1280 and
// 375 px. The dossier file, opened in a fresh browser profile and downloaded
// again, is the same file byte for byte, and each older answer file of one
// checklist becomes a dossier with every answer in the form.
func TestRealisticDossierAcrossChecklists(t *testing.T) {
	start := time.Now()
	s := browsertest.Serve(t, publicDir(t), prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	tab := b.NewTab(t)
	tab.SetViewport(1280, 900)
	downloads := t.TempDir()
	setDownloads(t, tab, downloads)
	w := &worker{t: t, tab: tab}
	type part struct {
		name    string
		actions int
	}
	var parts []part
	done := func(name string, from int) { parts = append(parts, part{name, w.actions - from}) }
	// lap notes how long each phase took, for the log.
	var laps []string
	last := start
	lap := func(phase string) {
		laps = append(laps, fmt.Sprintf("%s %s", phase, time.Since(last).Round(100*time.Millisecond)))
		last = time.Now()
	}

	openDossiers(t, tab, s.URL+dossiersPage)
	id := w.makeDossier("Wijkteam Noordstad")
	key := "deelwijzer:dossier:" + id
	done("dossier maken", 0)

	// 1. The workbook, then the other checklists in the same dossier.
	from := w.actions
	openChecklist(t, tab, inDossier(s, "checklists/werkwijze/", id))
	if got := textOf(tab, "#dossier-banner"); !strings.Contains(got, "Wijkteam Noordstad") {
		t.Fatalf("the workbook does not say it works in the dossier: %q", got)
	}
	c := w.workRealisticCase()
	done("werkwijze", from)
	axeClean(t, tab, "werkwijze worked in the dossier")

	work := []struct {
		id   string
		work func()
	}{
		{"samenwerking", func() { w.workSamenwerking(c) }},
		{"upp", func() { w.workUpp(c) }},
		{"wegwijzer", w.workWegwijzer},
		{"dpia-toets", w.workDpiaToets},
	}
	for _, cl := range work {
		openChecklist(t, tab, inDossier(s, "checklists/"+cl.id+"/", id))
		checkSharedRows(t, tab, cl.id, c)
		from := w.actions
		cl.work()
		w.finish()
		done(cl.id, from)
		axeClean(t, tab, cl.id+" worked in the dossier")
	}
	d := storedDossier(t, tab, id)
	for i, name := range c.orgs {
		if got := path(d, "shared", "organisaties", "rows", i, "naam"); got != name {
			t.Errorf("the dossier's organisation %d is %v, want %q", i+1, got, name)
		}
	}
	for _, cl := range []string{"werkwijze", "samenwerking", "upp", "wegwijzer", "dpia-toets"} {
		if answers, _ := path(d, "checklists", cl, "answers").(map[string]any); len(answers) == 0 {
			t.Errorf("the dossier holds no answers of %s", cl)
		}
	}

	// Every organisation and process step typed once in the whole run.
	for _, name := range append(append([]string{}, c.orgs...), c.steps...) {
		if n := w.typedCount(name); n != 1 {
			t.Errorf("%q was typed %d times in the dossier, want once", name, n)
		}
	}
	var counts []string
	for _, p := range parts {
		counts = append(counts, fmt.Sprintf("%s %d", p.name, p.actions))
	}
	t.Logf("field actions: %s; together %d", strings.Join(counts, ", "), w.actions)
	if parts[1].name != "werkwijze" || parts[1].actions > 100 {
		t.Errorf("the workbook took %d field actions, want at most 100", parts[1].actions)
	}
	// The whole run is a fixed script, so its count is exact: the workbook's
	// 93 and what the other four checklists ask that the workbook does not
	// know (none of it a name typed again). Another count means a checklist
	// now asks more or less of a visitor: update the figure with the reason.
	if w.actions != goldenActions {
		t.Errorf("the whole dossier took %d field actions, want %d", w.actions, goldenActions)
	}

	lap("checklists")

	// 2. The DPIA-toets's verdict in the workbook, beside the visitor's answer.
	if got := path(d, "checklists", "dpia-toets", "outcome", "id"); got != "dpia-verplicht-avg" {
		t.Errorf("the dossier keeps the DPIA-toets outcome %v, want dpia-verplicht-avg", got)
	}
	openChecklist(t, tab, inDossier(s, "checklists/werkwijze/", id))
	checkSharedRows(t, tab, "werkwijze", c)
	note := waitText(t, tab, "#overgenomen-dpia-oordeel", "DPIA verplicht")
	if !strings.Contains(note, "DPIA-toets") || !strings.Contains(note, "DPIA verplicht") || !strings.Contains(note, "Uw antwoord hieronder past bij deze uitkomst") {
		t.Errorf("the workbook shows the DPIA-toets's verdict as %q", note)
	}
	if got := browsertest.Eval[string](tab, `(document.querySelector('input[name="dpia-oordeel"]:checked') || {}).value || ''`); got != "verplicht" {
		t.Errorf("dpia-oordeel = %q after the DPIA-toets, want the visitor's verplicht", got)
	}

	lap("verdict")

	// 4. The data flow of the worked dossier at 1280 and 375 px, with axe on
	// the result with its views (3).
	tab.Click("#afronden")
	tab.WaitVisible("#resultaat svg.dw-flow")
	for _, width := range []int64{1280, 375} {
		checkFlowDiagram(t, tab, "dossier", width, 4, len(c.orgs))
	}
	tab.SetViewport(1280, 900)

	lap("flow")

	// 3. The task list shows each step's status as the checklist recorded it
	// when it saved last, none to be brought up to date ("Bijwerken"): the
	// shared rows did not change after a checklist saved. A step is
	// "Afgerond" once its shown required questions are answered and nothing
	// in it is wrong; the optional questions the case leaves open do not
	// keep it "Bezig". Every checklist finished without errors, so each step
	// the case answered is done. The workbook's step 5 (the FG's advice and
	// the adoption, both optional tables) comes later: nothing in it yet.
	// The DPIA-toets's step 5 asks only dpia-gedaan (optional), answered.
	openDossiers(t, tab, s.URL+tasksPage+"?dossier="+id)
	rows := taskRows(tab)
	d = storedDossier(t, tab, id)
	statusText := map[any]string{"niet-gestart": "Niet gestart", "bezig": "Bezig", "afgerond": "Afgerond"}
	afgerond := func(n int) []string { return slices.Repeat([]string{"Afgerond"}, n) }
	expect := map[string][]string{
		"werkwijze":    append(afgerond(4), "Niet gestart"),
		"samenwerking": afgerond(8),
		"upp":          afgerond(5),
		"wegwijzer":    afgerond(4),
		"dpia-toets":   afgerond(5),
	}
	for _, cl := range []string{"werkwijze", "samenwerking", "upp", "wegwijzer", "dpia-toets"} {
		var recorded []string
		for _, sec := range sourceDefinition(t, cl).Sections {
			recorded = append(recorded, statusText[path(d, "checklists", cl, "steps", sec.ID)])
		}
		got := statusesOf(rows, cl)
		if strings.Join(got, ",") != strings.Join(recorded, ",") {
			t.Errorf("the task list shows %s as %q, the checklist recorded %q", cl, got, recorded)
		}
		if strings.Join(got, ",") != strings.Join(expect[cl], ",") {
			t.Errorf("the task list shows %s as %q, want %q", cl, got, expect[cl])
		}
		t.Logf("task list, %s: %s", cl, strings.Join(got, ", "))
	}
	axeClean(t, tab, "task list of the worked dossier")
	openDossiers(t, tab, s.URL+"dossiers/alles/?dossier="+id)
	tab.WaitVisible(`#alles-inhoud section[data-checklist="werkwijze"]`)
	whole := tab.Text("#alles-inhoud")
	for _, name := range c.orgs {
		if !strings.Contains(textOf(tab, ".dw-alles__gedeeld"), name) {
			t.Errorf("the whole dossier does not list %q under the shared rows", name)
		}
	}
	for _, cl := range []string{"werkwijze", "samenwerking", "upp", "wegwijzer", "dpia-toets"} {
		if strings.Contains(textOf(tab, `section[data-checklist="`+cl+`"]`), "nog niet ingevuld") {
			t.Errorf("the whole dossier says %s is not filled in", cl)
		}
	}
	if !strings.Contains(whole, "Huisuitzetting voorkomen") || !strings.Contains(whole, "Manager sociaal domein") {
		t.Error("the whole dossier lacks answers of upp or samenwerking")
	}
	axeClean(t, tab, "whole dossier, worked")

	lap("task list and whole dossier")

	// 7. Page heights of the workbook with the case, whole page against the
	// longest step page.
	werkwijze := sourceDefinition(t, "werkwijze")
	for _, width := range []int64{1280, 375} {
		tab.SetViewport(width, 900)
		whole, longest, at := pageHeights(t, tab, werkwijze, func(view string) string { return inDossier(s, "checklists/werkwijze/"+view, id) })
		t.Logf("werkwijze with the case in the dossier, %d px wide: whole page %d px, longest step page (stap-%d) %d px", width, whole, at, longest)
		if longest >= whole {
			t.Errorf("%d px: the longest step page (%d px) is not shorter than the whole page (%d px)", width, longest, whole)
		}
	}
	tab.SetViewport(1280, 900)

	lap("page heights")

	// 5. Download the dossier, open the file in a fresh browser profile,
	// download it there: the same bytes. A dossier file is the dossier as
	// kept (dossier.modified is its last change, not the moment of download),
	// so it has no export time and no field may differ.
	openDossiers(t, tab, s.URL+dossiersPage)
	clickIn(t, tab, id, "Download (bestand)")
	file := waitDownload(t, downloads, "dossier-")
	first, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(first) != stored(t, tab, key) {
		t.Error("the downloaded file differs from the dossier kept in the browser")
	}
	other := browsertest.NewBrowser(t).NewTab(t)
	otherDownloads := t.TempDir()
	setDownloads(t, other, otherDownloads)
	openDossiers(t, other, s.URL+dossiersPage)
	if n := len(listedDossiers(other, "dossier-lijst")); n != 0 {
		t.Fatalf("the fresh profile already has %d dossiers", n)
	}
	if err := chromedp.Do(other.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#dossier-bestand"), []string{file})); err != nil {
		t.Fatal(err)
	}
	waitText(t, other, "#dossier-melding", "is geopend")
	axeClean(t, other, "dossier opened from its file in a fresh profile")
	clickIn(t, other, id, "Download (bestand)")
	second, err := os.ReadFile(waitDownload(t, otherDownloads, "dossier-"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		var a, b any
		var diff []string
		if json.Unmarshal(first, &a) == nil && json.Unmarshal(second, &b) == nil {
			jsonDiff(a, b, "", &diff)
		}
		sort.Strings(diff)
		t.Errorf("export, import in a fresh profile, export changed the dossier file (%d and %d bytes); fields that differ: %q", len(first), len(second), diff)
	}

	lap("round trip")

	// 6. Older answer files of one checklist, each opened as a new dossier:
	// every answer is in the form of its checklist and in the dossier.
	for _, old := range []string{"werkwijze-1.3.0.json", "upp-1.3.0.json", "samenwerking-2.0.0.json"} {
		abs, _ := filepath.Abs(filepath.Join("..", "..", "checklist", "testdata", old))
		data, err := os.ReadFile(abs)
		if err != nil {
			t.Fatal(err)
		}
		var f struct {
			Checklist string
			Answers   map[string]any
		}
		if err := json.Unmarshal(data, &f); err != nil {
			t.Fatal(err)
		}
		openDossiers(t, other, s.URL+dossiersPage)
		before := strings.Join(listedDossiers(other, "dossier-lijst"), " ")
		if err := chromedp.Do(other.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#dossier-bestand"), []string{abs})); err != nil {
			t.Fatal(err)
		}
		waitText(t, other, "#dossier-melding", "nieuw dossier geworden")
		oldID := newDossier(t, other, before)
		openChecklist(t, other, inDossier(s, "checklists/"+f.Checklist+"/", oldID))
		if msg := textOf(other, "#importmelding"); strings.Contains(msg, "past niet") || strings.Contains(msg, "passen niet") {
			t.Errorf("%s: answers lost on the way: %s", old, msg)
		}
		axeClean(t, other, f.Checklist+" from "+old+" in its dossier")
		shown := formValues(other)
		kept := map[string]bool{}
		var dossier any
		if err := json.Unmarshal([]byte(stored(t, other, "deelwijzer:dossier:"+oldID)), &dossier); err != nil {
			t.Fatal(err)
		}
		jsonLeaves(dossier, kept)
		var leaves []string
		answerLeaves(f.Answers, &leaves)
		for _, v := range leaves {
			if !shown[normal(v)] {
				t.Errorf("%s: the answer %q is not in the form of %s in the dossier", old, v, f.Checklist)
			}
			if !kept[normal(v)] {
				t.Errorf("%s: the answer %q is not in the dossier", old, v)
			}
		}
		t.Logf("%s: %d answers, each in the form and in the dossier", old, len(leaves))
	}
	lap("older files")
	t.Logf("the golden case took %s: %s", time.Since(start).Round(time.Second), strings.Join(laps, ", "))
}
