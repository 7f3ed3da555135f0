//go:build browser

package browser

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"deelwijzer/internal/browsertest"
)

// chooseNamens picks an organisation under the dossier banner (a select: its
// value and the change event a choice gives).
func chooseNamens(t *testing.T, tab *browsertest.Tab, id string) {
	t.Helper()
	q, _ := json.Marshal(id)
	browsertest.Eval[bool](tab, `(() => { const s = document.getElementById('namens-keuze'); s.value = `+string(q)+`; s.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`)
}

// storedDossier reads a dossier as the page keeps it.
func storedDossier(t *testing.T, tab *browsertest.Tab, id string) map[string]any {
	t.Helper()
	var d map[string]any
	if err := json.Unmarshal([]byte(stored(t, tab, "deelwijzer:dossier:"+id)), &d); err != nil {
		t.Fatalf("dossier %s: %v", id, err)
	}
	return d
}

// path walks a JSON tree: keys of objects, indexes (as numbers) of lists.
func path(v any, keys ...any) any {
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

// TestDossierGivenByAndCarriedOutcome works one dossier with three checklists.
// In samenwerking the visitor types the organisation, then says under the banner
// "Ik vul in namens: Gemeente Zaanstad"; answers given from then on carry that
// row's id as "by", the organisation's name (given before) keeps an empty "by",
// and the choice is remembered on the device. The DPIA-toets's verdict is kept in
// the dossier; the workbook then shows it by "Is een DPIA nodig?", answers that
// question from it, says when the visitor's answer differs and takes the verdict's
// answer back on request. The downloaded dossier file holds all of it, and
// removing the dossier removes the remembered choice.
func TestDossierGivenByAndCarriedOutcome(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	downloads := t.TempDir()
	setDownloads(t, tab, downloads)
	openDossiers(t, tab, s.URL+dossiersPage)
	id := makeDossier(t, tab, "Wijkteam Noord")

	openChecklist(t, tab, inDossier(s, "checklists/samenwerking/", id))
	typeInto(tab, "organisaties.0.naam", "Gemeente Zaanstad")
	org, _ := path(storedDossier(t, tab, id), "shared", "organisaties", "rows", 0, "_id").(string)
	if org == "" {
		t.Fatal("the organisation has no row id in the dossier")
	}
	tab.WaitVisible("#namens-keuze")
	if got := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll('#namens-keuze option')).map((o) => o.value + '=' + o.textContent)`); strings.Join(got, "|") != "=Kies een organisatie|"+org+"=Gemeente Zaanstad" {
		t.Errorf("organisations to choose from: %q", got)
	}
	axeClean(t, tab, "choice of organisation")
	chooseNamens(t, tab, org)
	typeInto(tab, "doel", "Huisuitzetting voorkomen")

	openChecklist(t, tab, inDossier(s, "checklists/samenwerking/", id))
	if got := browsertest.Eval[string](tab, `document.getElementById('namens-keuze').value`); got != org {
		t.Errorf("after reloading, 'Ik vul in namens' is %q, want %q", got, org)
	}

	// The DPIA-toets: one of the three cases of art. 35 lid 3 AVG gives the verdict.
	openChecklist(t, tab, inDossier(s, "checklists/dpia-toets/", id))
	tab.Focus(`input[name="art35-bijzonder"][value="ja"]`)
	tab.Press(browsertest.KeySpace)
	waitText(t, tab, "#bevindingen-lijst", "DPIA verplicht")
	d := storedDossier(t, tab, id)
	if got := path(d, "checklists", "dpia-toets", "outcome", "id"); got != "dpia-verplicht-avg" {
		t.Errorf("the dossier keeps the DPIA-toets outcome %v", got)
	}
	if got := path(d, "checklists", "dpia-toets", "given", "art35-bijzonder", "by"); got != org {
		t.Errorf("the DPIA-toets answer is given by %v, want %s", got, org)
	}

	// The workbook takes the verdict.
	openChecklist(t, tab, inDossier(s, "checklists/werkwijze/", id))
	note := waitText(t, tab, "#overgenomen-dpia-oordeel", "ingevuld")
	if !strings.Contains(note, "DPIA verplicht") || !strings.Contains(note, `"Ja, een DPIA is verplicht" ingevuld`) {
		t.Errorf("the note by the question: %q", note)
	}
	checked := func() string {
		return browsertest.Eval[string](tab, `(document.querySelector('input[name="dpia-oordeel"]:checked') || {}).value || ''`)
	}
	if got := checked(); got != "verplicht" {
		t.Errorf("dpia-oordeel = %q, want verplicht from the DPIA-toets", got)
	}
	if got := path(storedDossier(t, tab, id), "checklists", "werkwijze", "answers", "dpia-oordeel"); got != "verplicht" {
		t.Errorf("the carried answer is not saved in the dossier: %v", got)
	}
	if got := browsertest.Eval[string](tab, `document.getElementById('f-dpia-oordeel-fieldset').getAttribute('aria-describedby')`); !strings.Contains(got, "overgenomen-dpia-oordeel") {
		t.Errorf("the question's description lacks the verdict: %q", got)
	}
	axeClean(t, tab, "werkwijze with the DPIA-toets outcome")
	// The visitor may answer otherwise; the page says it differs and never overwrites.
	tab.Focus(`input[name="dpia-oordeel"][value="niet-nodig"]`)
	tab.Press(browsertest.KeySpace)
	if got := waitText(t, tab, "#overgenomen-dpia-oordeel", "wijkt af"); !strings.Contains(got, `("Nee, niet nodig") wijkt af`) {
		t.Errorf("the note after answering otherwise: %q", got)
	}
	openChecklist(t, tab, inDossier(s, "checklists/werkwijze/", id))
	if got := checked(); got != "niet-nodig" {
		t.Errorf("after reloading the visitor's own answer became %q", got)
	}
	waitText(t, tab, "#overgenomen-dpia-oordeel", "wijkt af")
	browsertest.Eval[bool](tab, `(Array.from(document.querySelectorAll('#overgenomen-dpia-oordeel button')).find((b) => b.textContent.includes('Neem')).click(), true)`)
	if got := checked(); got != "verplicht" {
		t.Errorf("'Neem het antwoord over' gave %q", got)
	}

	// The dossier file.
	openDossiers(t, tab, s.URL+dossiersPage)
	clickIn(t, tab, id, "Download (bestand)")
	data, err := os.ReadFile(waitDownload(t, downloads, "dossier-"))
	if err != nil {
		t.Fatal(err)
	}
	var file map[string]any
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		keys []any
		want any
	}{
		{[]any{"checklists", "samenwerking", "given", "doel", "by"}, org},
		{[]any{"shared", "organisaties", "given", org + ".naam", "by"}, ""},
		{[]any{"checklists", "werkwijze", "given", "dpia-oordeel", "by"}, org},
		{[]any{"checklists", "werkwijze", "answers", "dpia-oordeel"}, "verplicht"},
		{[]any{"checklists", "dpia-toets", "outcome", "id"}, "dpia-verplicht-avg"},
	} {
		if got := path(file, c.keys...); got != c.want {
			t.Errorf("dossier file %v = %v, want %v", c.keys, got, c.want)
		}
	}
	if strings.Contains(string(data), "namens") {
		t.Error("the choice of organisation is in the dossier file; it belongs to this device")
	}

	// Removing the dossier removes the remembered choice with it.
	clickIn(t, tab, id, "Verwijderen")
	clickIn(t, tab, id, "Ja, verwijder het dossier")
	waitText(t, tab, "#dossier-melding", "is verwijderd")
	if n := browsertest.Eval[int](tab, fmt.Sprintf(`Object.keys(localStorage).filter((k) => k.includes(%q)).length`, id)); n != 0 {
		t.Errorf("%d keys of the removed dossier are left", n)
	}
}
