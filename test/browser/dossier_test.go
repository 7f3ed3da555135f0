//go:build browser

package browser

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"deelwijzer/internal/browsertest"
)

// Issue 10: several dossiers in one browser. An organisation typed once in one
// checklist of a dossier is in every other checklist of that dossier, and not in
// another dossier; the list page copies, renames, archives, downloads, removes
// (after a question) and opens dossiers; a dossier file and an older answer file
// of one checklist open with nothing lost.

const dossiersPage = "dossiers/"

func openDossiers(t *testing.T, tab *browsertest.Tab, url string) {
	t.Helper()
	tab.Go(url)
	tab.WaitReady(`html[data-engine="ready"]`)
}

// dossierIDs returns the ids of the dossiers in the list, in list order.
func listedDossiers(tab *browsertest.Tab, list string) []string {
	return browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll('#`+list+` > li')).map(li => li.dataset.dossier)`)
}

func dossierName(tab *browsertest.Tab, id string) string {
	return strings.TrimSuffix(strings.TrimSpace(textOf(tab, "#naam-"+id)), "Huidig dossier")
}

// clickIn clicks the button with the given text in the dossier's list item.
func clickIn(t *testing.T, tab *browsertest.Tab, id, label string) {
	t.Helper()
	q, _ := json.Marshal(label)
	ok := browsertest.Eval[bool](tab, `(() => { const b = Array.from(document.querySelectorAll('li[data-dossier="`+id+`"] button')).find(b => b.textContent === `+string(q)+` && b.offsetParent !== null); if (!b) return false; b.click(); return true; })()`)
	if !ok {
		t.Fatalf("no visible button %q for dossier %s", label, id)
	}
}

func makeDossier(t *testing.T, tab *browsertest.Tab, name string) string {
	t.Helper()
	before := listedDossiers(tab, "dossier-lijst")
	tab.Focus("#nieuw-naam")
	tab.Press(name)
	tab.Click("#nieuw-maak")
	waitText(t, tab, "#dossier-melding", "is gemaakt")
	for _, id := range listedDossiers(tab, "dossier-lijst") {
		found := false
		for _, b := range before {
			found = found || b == id
		}
		if !found {
			return id
		}
	}
	t.Fatalf("no new dossier %q in the list: %s", name, textOf(tab, "#dossier-melding"))
	return ""
}

// rowValue is the value of a text field in row i of a group, by position: the
// page gives added rows other numbers in their names.
func rowValue(tab *browsertest.Tab, group string, i int, field string) string {
	return browsertest.Eval[string](tab, `(() => { const r = document.querySelectorAll('[data-rows-for="`+group+`"] > [data-row]')[`+strconv.Itoa(i)+`]; const e = r && r.querySelector('[data-field="`+field+`"] input, [data-field="`+field+`"] textarea'); return e ? e.value : '<geen rij>'; })()`)
}

func inDossier(s *browsertest.Server, page, id string) string {
	return s.URL + page + "?dossier=" + id
}

func TestDossiers(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	tab := b.NewTab(t)
	downloads := t.TempDir()
	setDownloads(t, tab, downloads)

	openDossiers(t, tab, s.URL+dossiersPage)
	axeClean(t, tab, "no dossiers")

	// A name is needed; the error belongs to the field.
	tab.Click("#nieuw-maak")
	tab.WaitVisible("#nieuw-naam-fout")
	if got := browsertest.Eval[string](tab, `document.getElementById('nieuw-naam').getAttribute('aria-describedby')`); !strings.Contains(got, "nieuw-naam-fout") {
		t.Errorf("the name's error is not tied to the field: aria-describedby=%q", got)
	}
	if n := browsertest.Eval[int](tab, `Object.keys(localStorage).length`); n != 0 {
		t.Errorf("something was stored before a dossier was made: %d keys", n)
	}
	axeClean(t, tab, "name missing")

	noord := makeDossier(t, tab, "Wijkteam Noord")
	zuid := makeDossier(t, tab, "Proeftuin Zuid")
	if got := browsertest.Eval[string](tab, `document.getElementById('nieuw-naam').getAttribute('aria-invalid') ?? ''`); got != "" {
		t.Errorf("the name field still says it is invalid: %q", got)
	}
	meta := textOf(tab, "li[data-dossier='"+noord+"'] .dw-dossier__meta")
	month := false
	for _, m := range []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"} {
		month = month || strings.Contains(meta, m)
	}
	if !strings.HasPrefix(meta, "Laatst bewaard op ") || !month {
		t.Errorf("no 'laatst bewaard' with a Dutch date: %q", meta)
	}
	axeClean(t, tab, "two dossiers")

	t.Run("organisation typed once", func(t *testing.T) {
		openChecklist(t, tab, inDossier(s, "checklists/samenwerking/", noord))
		if got := textOf(tab, "#dossier-banner"); !strings.Contains(got, "Wijkteam Noord") {
			t.Errorf("the page does not say which dossier it is in: %q", got)
		}
		typeInto(tab, "organisaties.0.naam", "Gemeente Zaanstad")
		typeInto(tab, "partners.0.taak", "Regie")
		if got := stored(t, tab, "deelwijzer:dossier:"+noord); !strings.Contains(got, `"naam":"Gemeente Zaanstad"`) || !strings.Contains(got, `"taak":"Regie"`) {
			t.Fatalf("the dossier does not hold the answers: %s", got)
		}
		for _, page := range []string{"checklists/upp/", "checklists/werkwijze/", "checklists/wegwijzer/"} {
			openChecklist(t, tab, inDossier(s, page, noord))
			if got := fieldValue(t, tab, "organisaties.0.naam"); got != "Gemeente Zaanstad" {
				t.Errorf("%s in dossier Noord: organisaties.0.naam = %q", page, got)
			}
		}
		// Without ?dossier the page opens in the dossier opened last.
		openChecklist(t, tab, s.URL+"checklists/upp/")
		if got := fieldValue(t, tab, "organisaties.0.naam"); got != "Gemeente Zaanstad" {
			t.Errorf("upp in the remembered dossier: organisaties.0.naam = %q", got)
		}
		openChecklist(t, tab, inDossier(s, "checklists/upp/", zuid))
		if got := fieldValue(t, tab, "organisaties.0.naam"); got != "" {
			t.Errorf("dossier Zuid shows an organisation of Noord: %q", got)
		}
		axeClean(t, tab, "checklist in a dossier")
	})

	t.Run("rename", func(t *testing.T) {
		openDossiers(t, tab, s.URL+dossiersPage)
		clickIn(t, tab, zuid, "Andere naam")
		if f := tab.Focused(); !strings.Contains(f, "hernoem-"+zuid) {
			t.Errorf("focus after 'Andere naam' is on %s", f)
		}
		axeClean(t, tab, "rename open")
		tab.Press(browsertest.KeyEscape)
		if dossierName(tab, zuid) != "Proeftuin Zuid" || !browsertest.Eval[bool](tab, `document.querySelector('[data-rename="`+zuid+`"]').hidden`) {
			t.Errorf("Escape did not cancel the new name")
		}
		clickIn(t, tab, zuid, "Andere naam")
		browsertest.Eval[bool](tab, `(document.getElementById('hernoem-`+zuid+`').value = '', true)`)
		tab.Press("Proeftuin Zuid 2027")
		tab.Press(browsertest.KeyEnter)
		waitText(t, tab, "#dossier-melding", "heet nu")
		if got := dossierName(tab, zuid); got != "Proeftuin Zuid 2027" {
			t.Errorf("name after rename %q", got)
		}
	})

	var copyID string
	t.Run("duplicate and archive", func(t *testing.T) {
		before := listedDossiers(tab, "dossier-lijst")
		clickIn(t, tab, noord, "Kopie maken")
		waitText(t, tab, "#dossier-melding", "kopie")
		for _, id := range listedDossiers(tab, "dossier-lijst") {
			if !strings.Contains(strings.Join(before, " "), id) {
				copyID = id
			}
		}
		if copyID == "" || dossierName(tab, copyID) != "Kopie van Wijkteam Noord" {
			t.Fatalf("no copy in the list: %v", listedDossiers(tab, "dossier-lijst"))
		}
		openChecklist(t, tab, inDossier(s, "checklists/upp/", copyID))
		if got := fieldValue(t, tab, "organisaties.0.naam"); got != "Gemeente Zaanstad" {
			t.Errorf("the copy lacks the organisation: %q", got)
		}
		openDossiers(t, tab, s.URL+dossiersPage)
		clickIn(t, tab, copyID, "Archiveren")
		waitText(t, tab, "#dossier-melding", "gearchiveerde")
		if got := listedDossiers(tab, "archief-lijst"); len(got) != 1 || got[0] != copyID {
			t.Errorf("archive holds %v", got)
		}
		axeClean(t, tab, "with an archived dossier")
	})

	t.Run("delete asks first", func(t *testing.T) {
		clickIn(t, tab, copyID, "Verwijderen")
		if f := tab.Focused(); !strings.Contains(f, "Annuleren") && !strings.Contains(f, "button") {
			t.Errorf("focus in the question: %s", f)
		}
		dialog := tab.AX(`[data-remove="` + copyID + `"]`)
		if dialog.Role != "alertdialog" || !strings.Contains(dialog.Name, "verwijderen?") {
			t.Errorf("the question is not a named alert dialog: %s", dialog)
		}
		axeClean(t, tab, "delete question")
		tab.Press(browsertest.KeyEscape)
		if stored(t, tab, "deelwijzer:dossier:"+copyID) == "" {
			t.Fatal("Escape removed the dossier")
		}
		clickIn(t, tab, copyID, "Verwijderen")
		clickIn(t, tab, copyID, "Ja, verwijder het dossier")
		waitText(t, tab, "#dossier-melding", "is verwijderd")
		if stored(t, tab, "deelwijzer:dossier:"+copyID) != "" || len(listedDossiers(tab, "archief-lijst")) != 0 {
			t.Error("the dossier is still there after 'Ja, verwijder'")
		}
	})

	t.Run("export and import round trip", func(t *testing.T) {
		want := stored(t, tab, "deelwijzer:dossier:"+noord)
		clickIn(t, tab, noord, "Download (bestand)")
		file := waitDownload(t, downloads, "dossier-")
		// The file name stays in the browser's download list: it names the
		// date and the dossier's id, never the name the visitor typed.
		if base := filepath.Base(file); strings.Contains(strings.ToLower(base), "noord") || !strings.HasSuffix(base, "-"+noord+".json") {
			t.Errorf("download named %q: want dossier-<date>-<id>.json without the dossier's name", base)
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if string(data) != want {
			t.Fatalf("the downloaded file differs from the dossier\n got %s\nwant %s", data, want)
		}
		clickIn(t, tab, noord, "Verwijderen")
		clickIn(t, tab, noord, "Ja, verwijder het dossier")
		waitText(t, tab, "#dossier-melding", "is verwijderd")
		if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#dossier-bestand"), []string{file})); err != nil {
			t.Fatal(err)
		}
		waitText(t, tab, "#dossier-melding", "is geopend")
		if got := stored(t, tab, "deelwijzer:dossier:"+noord); got != want {
			t.Errorf("after export and import the dossier differs\n got %s\nwant %s", got, want)
		}
		// Opened again while it is here: a new dossier, the old one untouched.
		if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#dossier-bestand"), []string{file})); err != nil {
			t.Fatal(err)
		}
		waitText(t, tab, "#dossier-melding", "dezelfde code")
		axeClean(t, tab, "after opening a file")
		if got := len(listedDossiers(tab, "dossier-lijst")); got != 3 {
			t.Errorf("%d dossiers after opening a file of one that is here, want 3", got)
		}
	})

	t.Run("old answer file", func(t *testing.T) {
		old := filepath.Join("..", "..", "checklist", "testdata", "samenwerking-2.0.0.json")
		abs, _ := filepath.Abs(old)
		before := listedDossiers(tab, "dossier-lijst")
		if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#dossier-bestand"), []string{abs})); err != nil {
			t.Fatal(err)
		}
		waitText(t, tab, "#dossier-melding", "nieuw dossier geworden")
		var id string
		for _, d := range listedDossiers(tab, "dossier-lijst") {
			if !strings.Contains(strings.Join(before, " "), d) {
				id = d
			}
		}
		if id == "" {
			t.Fatal("no new dossier from the answer file")
		}
		openChecklist(t, tab, inDossier(s, "checklists/samenwerking/", id))
		if msg := textOf(tab, "#importmelding"); strings.Contains(msg, "past niet") || strings.Contains(msg, "passen niet") {
			t.Errorf("answers lost on the way: %s", msg)
		}
		if got := rowValue(tab, "organisaties", 0, "naam") + "|" + rowValue(tab, "organisaties", 1, "naam") + "|" + fieldValue(t, tab, "doel"); got != "Gemeente Zaanstad|Woonstichting|Huisuitzetting voorkomen" {
			t.Errorf("samenwerking organisaties and doel: %q", got)
		}
		if got := fieldValue(t, tab, "partners.0.grondslag"); got != "algemeen-belang" {
			t.Errorf("partners.0.grondslag = %q", got)
		}
		openChecklist(t, tab, inDossier(s, "checklists/upp/", id))
		if got := rowValue(tab, "organisaties", 1, "naam"); got != "Woonstichting" {
			t.Errorf("upp in the imported dossier: organisaties.1.naam = %q", got)
		}
	})

	t.Run("old werkwijze file", func(t *testing.T) {
		// Werkwijze 1.3.0: partners from the list and typed "andere partij"
		// names; in the dossier they are organisation rows, once each.
		abs, _ := filepath.Abs(filepath.Join("..", "..", "checklist", "testdata", "werkwijze-1.3.0.json"))
		openDossiers(t, tab, s.URL+dossiersPage)
		before := listedDossiers(tab, "dossier-lijst")
		if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#dossier-bestand"), []string{abs})); err != nil {
			t.Fatal(err)
		}
		waitText(t, tab, "#dossier-melding", "nieuw dossier geworden")
		var id string
		for _, d := range listedDossiers(tab, "dossier-lijst") {
			if !strings.Contains(strings.Join(before, " "), d) {
				id = d
			}
		}
		if id == "" {
			t.Fatal("no new dossier from the answer file")
		}
		openChecklist(t, tab, inDossier(s, "checklists/werkwijze/", id))
		if msg := textOf(tab, "#importmelding"); strings.Contains(msg, "past niet") || strings.Contains(msg, "passen niet") {
			t.Errorf("answers lost on the way: %s", msg)
		}
		var names []string
		for i := 0; i < 6; i++ {
			names = append(names, rowValue(tab, "organisaties", i, "naam"))
		}
		if got := strings.Join(names, "|"); got != "Gemeente Noordstad, wijkteam|GGD|Woningcorporaties|Politie basisteam Noord|Buurtteam Oost|Veilig Thuis Noord" {
			t.Errorf("werkwijze organisaties: %q", got)
		}
		for sel, want := range map[string]string{
			rowSel("deelmomenten", 2) + ` [data-field="van"] select`:  "Organisatie 4: Politie basisteam Noord",
			rowSel("deelmomenten", 4) + ` [data-field="naar"] select`: "Organisatie 5: Buurtteam Oost",
		} {
			if _, chosen := selectOptions(tab, sel); chosen != want {
				t.Errorf("%s: %q, want %q", sel, chosen, want)
			}
		}
		axeClean(t, tab, "werkwijze from an old file in a dossier")
		openChecklist(t, tab, inDossier(s, "checklists/samenwerking/", id))
		if got := rowValue(tab, "organisaties", 4, "naam"); got != "Buurtteam Oost" {
			t.Errorf("samenwerking in the same dossier: organisaties.4.naam = %q", got)
		}
	})

	t.Run("answers kept before dossiers", func(t *testing.T) {
		raw := answerFile(t, "upp", sourceDefinition(t, "upp").Version, map[string]any{"taak": "Beoordelen van aanvragen"})
		seedStorage(t, tab, uppKey, raw)
		openChecklist(t, tab, s.URL+"checklists/upp/")
		if got := textOf(tab, "#dossier-banner"); !strings.Contains(got, "buiten een dossier") {
			t.Errorf("a checklist in a dossier does not mention its answers outside: %q", got)
		}
		openDossiers(t, tab, s.URL+dossiersPage)
		tab.WaitVisible("#los")
		axeClean(t, tab, "answers outside a dossier")
		before := listedDossiers(tab, "dossier-lijst")
		browsertest.Eval[bool](tab, `(document.querySelector('#los-lijst button').click(), true)`)
		waitText(t, tab, "#dossier-melding", "staan nu in het nieuwe dossier")
		var id string
		for _, d := range listedDossiers(tab, "dossier-lijst") {
			if !strings.Contains(strings.Join(before, " "), d) {
				id = d
			}
		}
		if id == "" || stored(t, tab, uppKey) != "" {
			t.Fatalf("no dossier made of the answers, or they are kept twice (new %q)", id)
		}
		openChecklist(t, tab, inDossier(s, "checklists/upp/", id))
		if got := fieldValue(t, tab, "taak"); got != "Beoordelen van aanvragen" {
			t.Errorf("taak in the new dossier = %q", got)
		}
	})

	t.Run("another tab", func(t *testing.T) {
		openDossiers(t, tab, s.URL+dossiersPage)
		other := b.NewTab(t)
		openDossiers(t, other, s.URL+dossiersPage)
		makeDossier(t, other, "Uit een ander tabblad")
		if got := waitText(t, tab, "#dossier-lijst", "Uit een ander tabblad"); !strings.Contains(got, "Uit een ander tabblad") {
			t.Errorf("the list did not notice the other tab's dossier: %q", got)
		}
	})

	t.Run("another tab on a checklist of the same dossier", func(t *testing.T) {
		openChecklist(t, tab, inDossier(s, "checklists/upp/", noord))
		other := b.NewTab(t)
		openChecklist(t, other, inDossier(s, "checklists/samenwerking/", noord))
		typeInto(other, "doel", " en schulden")
		if got := waitText(t, tab, "#importmelding", "ander tabblad"); !strings.Contains(got, "Dit dossier is in een ander tabblad") {
			t.Errorf("upp did not notice the other tab's change to the dossier: %q", got)
		}
		if browsertest.Eval[bool](tab, `document.getElementById('bewaar-op-apparaat').checked`) {
			t.Error("upp keeps saving over the other tab's change")
		}
	})

	t.Run("privacy page lists and wipes them", func(t *testing.T) {
		tab.Go(s.URL + "privacy/")
		if got := waitText(t, tab, "#opslag-lijst", "Wijkteam Noord"); !strings.Contains(got, "Dossier") {
			t.Errorf("privacy page does not list the dossiers: %q", got)
		}
		tab.Click("#opslag-wis")
		tab.Click("#opslag-ja")
		if n := browsertest.Eval[int](tab, `Object.keys(localStorage).filter(k => k.startsWith('deelwijzer:')).length`); n != 0 {
			t.Errorf("%d keys left after wiping everything", n)
		}
		openDossiers(t, tab, s.URL+dossiersPage)
		if n := len(listedDossiers(tab, "dossier-lijst")); n != 0 {
			t.Errorf("%d dossiers after the wipe", n)
		}
	})
}

// TestDossiersFull: a full storage is reported and nothing is lost.
func TestDossiersFull(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openDossiers(t, tab, s.URL+dossiersPage)
	id := makeDossier(t, tab, "Vol")
	before := stored(t, tab, "deelwijzer:dossier:"+id)
	browsertest.Eval[bool](tab, `(Storage.prototype.setItem = function () { const e = new Error('vol'); e.name = 'QuotaExceededError'; throw e; }, true)`)
	clickIn(t, tab, id, "Andere naam")
	browsertest.Eval[bool](tab, `(document.getElementById('hernoem-`+id+`').value = '', true)`)
	tab.Press("Nieuwe naam")
	tab.Press(browsertest.KeyEnter)
	msg := waitText(t, tab, "#dossier-melding", "vol")
	if !strings.Contains(msg, "opslag van de browser is vol") || !strings.Contains(msg, "niets verloren") {
		t.Errorf("message %q", msg)
	}
	if got := stored(t, tab, "deelwijzer:dossier:"+id); got != before {
		t.Errorf("the dossier changed after a failed save:\n%s", got)
	}
}

// TestDossiersWithoutJavaScript: the page says plainly what needs JavaScript,
// and points to the checklists, which work as forms.
func TestDossiersWithoutJavaScript(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	tab.DisableJavaScript()
	tab.Go(s.URL + dossiersPage)
	body := tab.Text("main")
	for _, want := range []string{"Dossiers werken alleen met JavaScript", "checklists", "formulier"} {
		if !strings.Contains(body, want) {
			t.Errorf("without JavaScript the page does not say %q:\n%s", want, body)
		}
	}
	if browsertest.Eval[bool](tab, `!document.getElementById('dossiers-app').hidden || !document.getElementById('dossiers-laden').hidden`) {
		t.Error("the controls that need JavaScript, or a 'loading' line, are shown")
	}
}

// TestDossiersStorageBlocked: a browser that keeps nothing gets a plain
// explanation instead of controls that cannot work.
func TestDossiersStorageBlocked(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	block := `Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('geweigerd', 'SecurityError'); } });`
	if _, err := chromedp.Call(tab.Ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: block}); err != nil {
		t.Fatal(err)
	}
	tab.Go(s.URL + dossiersPage)
	tab.WaitVisible("#dossiers-geen-opslag")
	if browsertest.Eval[bool](tab, `!document.getElementById('dossiers-app').hidden || !document.getElementById('dossiers-laden').hidden`) {
		t.Error("controls or a 'loading' line are shown although nothing can be kept")
	}
	axeClean(t, tab, "storage blocked")
	// The checklists still work, outside any dossier.
	openChecklist(t, tab, s.URL+"checklists/upp/")
	if !browsertest.Eval[bool](tab, `document.getElementById('dossier-banner').hidden`) {
		t.Error("a checklist claims a dossier without storage")
	}
}

// TestDossiersReflow: the list with its buttons, a long name and the
// checklist links fits a 320 px wide screen without sideways scrolling
// (WCAG 1.4.10).
func TestDossiersReflow(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	tab.SetViewport(320, 800)
	openDossiers(t, tab, s.URL+dossiersPage)
	id := makeDossier(t, tab, "Samenwerkingsverbandgegevensuitwisselingsovereenkomstenregister Noord-Holland")
	clickIn(t, tab, id, "Verwijderen")
	type widths struct{ Doc, View int }
	w := browsertest.Eval[widths](tab, `({Doc: document.documentElement.scrollWidth, View: document.documentElement.clientWidth})`)
	if w.Doc > w.View {
		t.Errorf("the list is %d px wide in a %d px viewport", w.Doc, w.View)
	}
}
