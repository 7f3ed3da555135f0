//go:build browser

package browser

import (
	"strings"
	"testing"
	"time"

	"deelwijzer/internal/browsertest"
)

// The task list of a dossier (/dossiers/taken/, assets/js/dossier-taken.js): every
// checklist with its steps and, per step, the status the engine recorded in the
// dossier when the checklist saved (Go: dossier.Tasks).

const tasksPage = "dossiers/taken/"

type taskRow struct{ Checklist, Step, Href, Status, Described string }

// taskRows reads the task list as a visitor sees it: per step the link, its
// address and the status text the link is described by.
func taskRows(tab *browsertest.Tab) []taskRow {
	return browsertest.Eval[[]taskRow](tab, `Array.from(document.querySelectorAll('section[data-checklist] li')).map(li => {
		const a = li.querySelector('a'), tag = li.querySelector('[data-task-status]');
		const d = document.getElementById(a.getAttribute('aria-describedby'));
		return {Checklist: li.closest('section').dataset.checklist, Step: a.textContent, Href: a.href,
			Status: tag.offsetParent === null ? '' : tag.innerText, Described: d && d.offsetParent !== null ? d.textContent : ''};
	})`)
}

func statusesOf(rows []taskRow, checklist string) []string {
	var out []string
	for _, r := range rows {
		if r.Checklist == checklist {
			out = append(out, r.Status)
		}
	}
	return out
}

// waitStored waits until the dossier in localStorage holds want.
func waitStored(t *testing.T, tab *browsertest.Tab, key, want string) {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if strings.Contains(stored(t, tab, key), want) {
			return
		}
	}
	t.Fatalf("the dossier never held %s: %s", want, stored(t, tab, key))
}

// TestDossierTasks: answers on the step pages of two checklists in a dossier;
// the dossier's task list shows for each of their steps the same status as the
// checklist's own overview (a step whose required question is answered is
// Afgerond with its optional ones empty), "Niet gestart" for a checklist never opened, links
// to each step in this dossier (followed with the keyboard), and "Bijwerken"
// with a way to bring it up to date when the recorded status belongs to another
// version of the checklist. axe finds nothing, also in forced colours.
func TestDossierTasks(t *testing.T) {
	s := browsertest.Serve(t, publicDir(t), prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openDossiers(t, tab, s.URL+dossiersPage)
	id := makeDossier(t, tab, "Wijkteam Noord")
	key := "deelwijzer:dossier:" + id
	link := browsertest.Eval[string](tab, `document.querySelector('li[data-dossier="`+id+`"] .dw-dossier__taken a').href`)
	if !strings.HasSuffix(link, prefix+tasksPage+"?dossier="+id) {
		t.Errorf("the dossier's link to its task list is %q", link)
	}

	openChecklist(t, tab, inDossier(s, "checklists/werkwijze/stap-1/", id))
	typeInto(tab, "werkproces", "Van melding tot afsluiting")
	waitStored(t, tab, key, `"werkproces":"Van melding tot afsluiting"`)
	// Step 3 asks one thing (the DPIA verdict); its optional questions stay empty.
	openChecklist(t, tab, inDossier(s, "checklists/werkwijze/stap-3/", id))
	tab.Click(`input[name="dpia-oordeel"][value="verplicht"]`)
	waitStored(t, tab, key, `"dpia-oordeel":"verplicht"`)
	openChecklist(t, tab, inDossier(s, "checklists/werkwijze/stappen/", id))
	werkwijze := statusTags(tab)
	if want := []string{"Bezig", "Niet gestart", "Afgerond", "Niet gestart", "Niet gestart"}; strings.Join(werkwijze, ",") != strings.Join(want, ",") {
		t.Errorf("werkwijze's own overview shows %q, want %q", werkwijze, want)
	}
	openChecklist(t, tab, inDossier(s, "checklists/upp/stap-2/", id))
	openChecklist(t, tab, inDossier(s, "checklists/upp/stap-1/", id))
	typeInto(tab, "taak", "Wij beoordelen aanvragen voor ondersteuning thuis")
	waitStored(t, tab, key, `"taak":"Wij beoordelen`)
	openChecklist(t, tab, inDossier(s, "checklists/upp/stappen/", id))
	upp := statusTags(tab)
	if upp[0] != "Bezig" || werkwijze[0] == "Niet gestart" {
		t.Fatalf("the checklists' own overviews show upp %q, werkwijze %q: the answers did not count", upp, werkwijze)
	}

	openDossiers(t, tab, s.URL+tasksPage+"?dossier="+id)
	if got := textOf(tab, "#taken-dossier"); got != "Dossier: Wijkteam Noord." {
		t.Errorf("the task list names the dossier as %q", got)
	}
	rows := taskRows(tab)
	if got := statusesOf(rows, "werkwijze"); strings.Join(got, ",") != strings.Join(werkwijze, ",") {
		t.Errorf("werkwijze in the task list %q, on its own overview %q", got, werkwijze)
	}
	if got := statusesOf(rows, "upp"); strings.Join(got, ",") != strings.Join(upp, ",") {
		t.Errorf("upp in the task list %q, on its own overview %q", got, upp)
	}
	samenwerking := statusesOf(rows, "samenwerking")
	if len(samenwerking) < 2 || strings.Trim(strings.Join(samenwerking, ","), "Niet gestart,") != "" {
		t.Errorf("samenwerking, never opened, shows %q", samenwerking)
	}
	for i, r := range rows {
		n := 1
		for j := 0; j < i; j++ {
			if rows[j].Checklist == r.Checklist {
				n++
			}
		}
		want := prefix + "checklists/" + r.Checklist + "/stap-" + string(rune('0'+n)) + "/?dossier=" + id
		if !strings.HasSuffix(r.Href, want) || r.Described != r.Status || r.Status == "" {
			t.Errorf("step %q links to %q (want …%s), status %q, described by %q", r.Step, r.Href, want, r.Status, r.Described)
		}
	}
	axeClean(t, tab, "task list")
	tab.EmulateMedia("forced-colors", "active")
	type look struct{ Border, Text string }
	if l := browsertest.Eval[look](tab, `(() => { const e = document.querySelector('section[data-checklist="upp"] [data-task-status]'); const c = getComputedStyle(e); return {Border: c.borderTopStyle + ' ' + c.borderTopWidth, Text: e.innerText}; })()`); l.Border != "solid 1px" || l.Text != "Bezig" {
		t.Errorf("in forced colours the status has border %q and text %q", l.Border, l.Text)
	}
	axeClean(t, tab, "task list, forced colours")
	tab.EmulateMedia()

	// With the keyboard to upp's first step: it opens in this dossier, with the answer.
	tabTo(t, tab, `section[data-checklist="upp"] li:first-child a`)
	tab.Press(browsertest.KeyEnter)
	tab.WaitReady(`html[data-engine="ready"] .dw-checklist[data-step="1"]`)
	if got := fieldValue(t, tab, "taak"); got != "Wij beoordelen aanvragen voor ondersteuning thuis" {
		t.Errorf("the step link opened upp step 1 with taak = %q", got)
	}
	if got := textOf(tab, "#dossier-banner"); !strings.Contains(got, "Wijkteam Noord") {
		t.Errorf("the step opened outside the dossier: %q", got)
	}
	// And back from the step to the task list, through the line that names the dossier.
	if got := browsertest.Eval[string](tab, `Array.from(document.querySelectorAll('#dossier-banner a')).find(a => a.textContent === 'Takenlijst van dit dossier')?.href ?? ''`); !strings.HasSuffix(got, prefix+tasksPage+"?dossier="+id) {
		t.Errorf("the step's dossier line links to the task list as %q", got)
	}

	// Answers recorded with another version of upp: no status shown as current.
	browsertest.Eval[bool](tab, `(() => { const k = '`+key+`'; const d = JSON.parse(localStorage.getItem(k)); d.checklists.upp.definitionVersion = '1.0.0'; localStorage.setItem(k, JSON.stringify(d)); return true; })()`)
	openDossiers(t, tab, s.URL+tasksPage+"?dossier="+id)
	rows = taskRows(tab)
	if got := statusesOf(rows, "upp"); strings.Trim(strings.Join(got, ","), "Bijwerken,") != "" {
		t.Errorf("upp with statuses of version 1.0.0 shows %q, want Bijwerken for each step", got)
	}
	if got := statusesOf(rows, "werkwijze"); strings.Join(got, ",") != strings.Join(werkwijze, ",") {
		t.Errorf("werkwijze changed with upp: %q", got)
	}
	note := textOf(tab, `section[data-checklist="upp"] [data-task-stale]`)
	if !strings.Contains(note, "andere versie") || !browsertest.Eval[bool](tab, `document.querySelector('section[data-checklist="upp"] [data-task-stale] a').href.endsWith('checklists/upp/?dossier=`+id+`')`) {
		t.Errorf("the stale note says %q, or has no link to upp in this dossier", note)
	}
	if textOf(tab, `section[data-checklist="werkwijze"] [data-task-stale]`) != "" && browsertest.Eval[bool](tab, `!document.querySelector('section[data-checklist="werkwijze"] [data-task-stale]').hidden`) {
		t.Error("werkwijze is marked as stale")
	}
	axeClean(t, tab, "task list, a stale checklist")
	// Saving upp again in the dossier makes its statuses current.
	openChecklist(t, tab, inDossier(s, "checklists/upp/stap-1/", id))
	typeInto(tab, "taak", ".")
	waitStored(t, tab, key, `"definitionVersion":"`+sourceDefinition(t, "upp").Version+`"`)
	openDossiers(t, tab, s.URL+tasksPage+"?dossier="+id)
	if got := statusesOf(taskRows(tab), "upp"); strings.Join(got, ",") != strings.Join(upp, ",") {
		t.Errorf("upp after saving again shows %q, want %q", got, upp)
	}

	// An organisation added in samenwerking is in upp too: upp's recorded statuses
	// were computed without it, and the task list says so.
	openChecklist(t, tab, inDossier(s, "checklists/samenwerking/stap-1/", id))
	typeInto(tab, "organisaties.0.naam", "Gemeente Zaanstad")
	waitStored(t, tab, key, `"naam":"Gemeente Zaanstad"`)
	openDossiers(t, tab, s.URL+tasksPage+"?dossier="+id)
	rows = taskRows(tab)
	if got := statusesOf(rows, "upp"); strings.Trim(strings.Join(got, ","), "Bijwerken,") != "" {
		t.Errorf("upp after samenwerking changed the organisations shows %q, want Bijwerken", got)
	}
	if note := textOf(tab, `section[data-checklist="upp"] [data-task-stale]`); !strings.Contains(note, "gedeelde rijen") {
		t.Errorf("upp's note after a change in the shared rows: %q", note)
	}
	if got := statusesOf(rows, "samenwerking"); got[0] == "Niet gestart" || got[0] == "Bijwerken" {
		t.Errorf("samenwerking, just saved, shows %q", got)
	}
}

// TestDossierTasksWithoutDossier: without JavaScript the page says that dossiers
// live in the browser and links every step of every checklist; with JavaScript
// but no dossier open it, and the whole-dossier page, point to the list of dossiers.
func TestDossierTasksWithoutDossier(t *testing.T) {
	s := browsertest.Serve(t, publicDir(t), prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	tab := b.NewTab(t)
	tab.DisableJavaScript()
	tab.Go(s.URL + tasksPage)
	if body := tab.Text("main"); !strings.Contains(body, "alleen in de browser op dit apparaat bewaard") {
		t.Errorf("without JavaScript the page does not explain where dossiers live:\n%s", body)
	}
	rows := taskRows(tab)
	if len(rows) < 20 || !strings.HasSuffix(rows[0].Href, "/stap-1/") || rows[0].Status != "" {
		t.Errorf("without JavaScript the steps are %+v", rows)
	}

	tab = b.NewTab(t)
	tab.Go(s.URL + tasksPage + "?dossier=bestaat-niet")
	tab.WaitVisible("#taken-geen-dossier")
	if got := textOf(tab, "#taken-geen-dossier"); !strings.Contains(got, "Alle dossiers") {
		t.Errorf("without a dossier the page says %q", got)
	}
	axeClean(t, tab, "task list without a dossier")

	// The whole-dossier page says the same and is done (data-engine="none").
	tab = b.NewTab(t)
	tab.Go(s.URL + "dossiers/alles/?dossier=bestaat-niet")
	tab.WaitVisible("#alles-geen-dossier")
	if got := textOf(tab, "#alles-geen-dossier"); !strings.Contains(got, "Alle dossiers") {
		t.Errorf("without a dossier the whole-dossier page says %q", got)
	}
	if got := browsertest.Eval[string](tab, `document.documentElement.dataset.engine || ''`); got != "none" {
		t.Errorf("the whole-dossier page without a dossier has data-engine %q, want none", got)
	}
}

// TestDossierWhole: the whole dossier on one page (/dossiers/alles/): the rows the
// checklists share once, then every checklist with its questions and the answers as
// the engine writes them ("Ja" for a yes, "Niet ingevuld"), its findings, and
// Wijzigen links to the step in this dossier; axe finds nothing, and the print has
// every checklist without navigation or buttons.
func TestDossierWhole(t *testing.T) {
	s := browsertest.Serve(t, publicDir(t), prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openDossiers(t, tab, s.URL+dossiersPage)
	id := makeDossier(t, tab, "Wijkteam Noord")
	key := "deelwijzer:dossier:" + id

	openChecklist(t, tab, inDossier(s, "checklists/samenwerking/stap-1/", id))
	typeInto(tab, "organisaties.0.naam", "Gemeente Zaanstad")
	typeInto(tab, "partners.0.taak", "Regie op de casus")
	waitStored(t, tab, key, `"taak":"Regie op de casus"`)
	openChecklist(t, tab, inDossier(s, "checklists/upp/stap-1/", id))
	typeInto(tab, "taak", "Wij beoordelen aanvragen voor ondersteuning thuis")
	tab.Click(`input[name="overheid"][value="ja"]`)
	waitStored(t, tab, key, `"overheid":`)

	openDossiers(t, tab, s.URL+"dossiers/alles/?dossier="+id)
	type answerRow struct{ Checklist, Question, Answer, Change string }
	rows := browsertest.Eval[[]answerRow](tab, `Array.from(document.querySelectorAll('#alles-inhoud .dw-summary__row')).map(r => {
		const a = r.querySelector('.dw-summary__action a');
		return {Checklist: r.closest('section').dataset.checklist || 'gedeeld', Question: r.querySelector('dt').textContent,
			Answer: r.querySelector('dd').innerText, Change: a ? a.href : ''};
	})`)
	find := func(checklist, question string) answerRow {
		for _, r := range rows {
			if r.Checklist == checklist && strings.HasPrefix(r.Question, question) {
				return r
			}
		}
		return answerRow{}
	}
	if r := find("upp", "Welke taak voert uw organisatie uit"); r.Answer != "Wij beoordelen aanvragen voor ondersteuning thuis" || !strings.HasSuffix(r.Change, prefix+"checklists/upp/stap-1/?dossier="+id) {
		t.Errorf("upp's taak: %+v", r)
	}
	if r := find("upp", "Is uw organisatie een overheidsorganisatie"); r.Answer != "Ja" {
		t.Errorf("upp's overheid (a yes) is shown as %q, want the engine's Ja", r.Answer)
	}
	if r := find("upp", "In welke wet staat die taak"); r.Answer != "Niet ingevuld" {
		t.Errorf("an unanswered question is shown as %q", r.Answer)
	}
	if r := find("samenwerking", "Wat doet elke organisatie"); !strings.Contains(r.Answer, "Regie op de casus") {
		t.Errorf("samenwerking's partners: %+v", r)
	}
	body := tab.Text("#alles-inhoud")
	if n := strings.Count(body, "Gemeente Zaanstad"); n != 1 || !strings.Contains(textOf(tab, ".dw-alles__gedeeld"), "Gemeente Zaanstad") {
		t.Errorf("the shared organisation is on the page %d times, want once under Gedeeld in dit dossier:\n%s", n, body)
	}
	sections := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll('#alles-inhoud section[data-checklist]')).map(s => s.dataset.checklist + ': ' + s.querySelector('h2').textContent + ' | ' + (s.textContent.includes('Geen bevindingen.') || /\d+ bevindingen: /.test(s.textContent)))`)
	if len(sections) != 5 {
		t.Errorf("the page has %d checklists: %q", len(sections), sections)
	}
	for _, sec := range sections {
		if opened := strings.HasPrefix(sec, "samenwerking:") || strings.HasPrefix(sec, "upp:"); opened && !strings.HasSuffix(sec, "| true") {
			t.Errorf("a checklist without its findings: %q", sec)
		}
	}
	// The others were never opened in this dossier: a line, no questions.
	for _, c := range []string{"dpia-toets", "wegwijzer", "werkwijze"} {
		if !strings.Contains(textOf(tab, `section[data-checklist="`+c+`"]`), "nog niet ingevuld") || browsertest.Eval[int](tab, `document.querySelectorAll('section[data-checklist="`+c+`"] .dw-summary__row').length`) != 0 {
			t.Errorf("%s, never opened, does not say so, or lists its questions", c)
		}
	}
	axeClean(t, tab, "whole dossier")

	pdf := strings.Join(strings.Fields(browsertest.PDFText(t, tab.PrintPDF())), " ")
	for _, want := range []string{"Wijkteam Noord", "Gedeeld in dit dossier", "Gemeente Zaanstad", "Wij beoordelen aanvragen", "Regie op de casus", "Bevindingen"} {
		if !strings.Contains(pdf, want) {
			t.Errorf("the print lacks %q", want)
		}
	}
	for _, title := range browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll('#alles-inhoud section[data-checklist] h2')).map(h => h.textContent)`) {
		if !strings.Contains(pdf, title) {
			t.Errorf("the print lacks the checklist %q", title)
		}
	}
	for _, not := range []string{"Print het hele dossier", "Wijzigen", "Hoofdmenu", "UPP-stappenplan Wegwijzer"} {
		if strings.Contains(pdf, not) {
			t.Errorf("the print has %q", not)
		}
	}

	// An answer of an older version of upp that no longer fits is named, not dropped
	// silently.
	browsertest.Eval[bool](tab, `(() => { const k = '`+key+`'; const d = JSON.parse(localStorage.getItem(k)); d.checklists.upp.definitionVersion = '1.0.0'; d.checklists.upp.answers['vraag-van-toen'] = 'Oud antwoord'; localStorage.setItem(k, JSON.stringify(d)); return true; })()`)
	openDossiers(t, tab, s.URL+"dossiers/alles/?dossier="+id)
	if got := textOf(tab, `section[data-checklist="upp"] .dw-alles__let-op`); !strings.HasPrefix(got, "Eén antwoord past niet in deze versie") {
		t.Errorf("an answer that no longer fits: %q", got)
	}
	if got := textOf(tab, `section[data-checklist="upp"]`); !strings.Contains(got, "Wij beoordelen aanvragen") {
		t.Errorf("the answers that still fit are gone: %q", got)
	}
	axeClean(t, tab, "whole dossier, an answer that no longer fits")

	// With the keyboard from a Wijzigen link to the step, in this dossier.
	tabTo(t, tab, `section[data-checklist="upp"] .dw-summary__action a`)
	tab.Press(browsertest.KeyEnter)
	tab.WaitReady(`html[data-engine="ready"] .dw-checklist[data-step="1"]`)
	if got := fieldValue(t, tab, "taak"); got != "Wij beoordelen aanvragen voor ondersteuning thuis" {
		t.Errorf("Wijzigen opened upp with taak = %q", got)
	}
}
