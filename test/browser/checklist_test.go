//go:build browser

package browser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	page_ "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"deelwijzer/checklist"
	"deelwijzer/checklist/yamldef"
	"deelwijzer/internal/browsertest"
)

// checklistPages lists the checklist pages of the built site
// ("checklists/<id>/"): the whole checklists, not their overviews of steps and
// step pages below them (steps_test.go).
func checklistPages(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for _, p := range htmlPages(t, dir) {
		if strings.HasPrefix(p, "checklists/") && p != "checklists/" && strings.HasSuffix(p, "/") && strings.Count(p, "/") == 2 {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		t.Fatal("the built site has no checklist pages under checklists/")
	}
	// Every definition in data/checklists has its page.
	defs, err := filepath.Glob(filepath.Join(dataDir, "checklists", "*.yaml"))
	if err != nil || len(defs) == 0 {
		t.Fatalf("no definitions in %s: %v", filepath.Join(dataDir, "checklists"), err)
	}
	for _, f := range defs {
		if id := strings.TrimSuffix(filepath.Base(f), ".yaml"); !slices.Contains(out, "checklists/"+id+"/") {
			t.Errorf("data/checklists/%s.yaml has no page checklists/%s/ in the built site", id, id)
		}
	}
	return out
}

// definition is the part of a checklist definition the tests need. It is
// read from the source, data/checklists/<id>.yaml, not from the page under
// test: a page that lost a question would otherwise expect one less.
type definition struct {
	ID       string `json:"id"`
	Version  string `json:"version"`
	Sections []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		Items []item `json:"items"`
	} `json:"sections"`
	Views []struct {
		Kind  string `json:"kind"`
		Title string `json:"title"`
		Group string `json:"group"`
	} `json:"views"`

	engine *checklist.Definition // the same definition, loaded by the engine
}

type item struct {
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	Question string `json:"question"`
	ShowIf   string `json:"showIf"`
	Required bool   `json:"required"`
	Fields   []item `json:"fields"`
}

func (d definition) items() []item {
	var out []item
	for _, s := range d.Sections {
		out = append(out, s.Items...)
	}
	return out
}

// dataDir is the repository's data/ folder, seen from test/browser.
var dataDir = filepath.Join("..", "..", "data")

// sourceDefinition reads data/checklists/<id>.yaml, checks that the engine
// loads it with the shipped option lists, and returns it.
func sourceDefinition(t *testing.T, id string) definition {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(dataDir, "checklists", id+".yaml"))
	if err != nil {
		t.Fatalf("definition of %s: %v", id, err)
	}
	lists, err := yamldef.LoadLists(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	shared, err := yamldef.LoadShared(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	engine, _, err := yamldef.LoadIn(src, lists, shared)
	if err != nil {
		t.Fatalf("data/checklists/%s.yaml does not load: %v", id, err)
	}
	text, err := yamldef.ToJSONIn(src, shared)
	if err != nil {
		t.Fatal(err)
	}
	var d definition
	if err := json.Unmarshal([]byte(text), &d); err != nil {
		t.Fatalf("data/checklists/%s.yaml: %v", id, err)
	}
	d.engine = engine
	return d
}

// pageDefinition returns the source definition of the checklist open in tab,
// after checking that the page was built from that very version.
func pageDefinition(t *testing.T, tab *browsertest.Tab) definition {
	t.Helper()
	type head struct{ ID, Version string }
	h := browsertest.Eval[head](tab, `(() => { const d = JSON.parse(document.getElementById('checklist-data').textContent).definition; return {ID: d.id, Version: d.version}; })()`)
	d := sourceDefinition(t, h.ID)
	if d.Version != h.Version {
		t.Fatalf("the page has %s version %s, data/checklists/%s.yaml version %s: rebuild the site", h.ID, h.Version, h.ID, d.Version)
	}
	return d
}

// openChecklist loads a checklist page and waits until the engine runs.
func openChecklist(t *testing.T, tab *browsertest.Tab, url string) {
	t.Helper()
	tab.Go(url)
	tab.WaitReady(`html[data-engine="ready"]`)
}

// formState serialises every control of the form (name, value, checked), the
// visible state a visitor would lose; used to prove an import left it alone.
func formState(t *testing.T, tab *browsertest.Tab) string {
	t.Helper()
	return browsertest.Eval[string](tab, `JSON.stringify(Array.from(document.querySelectorAll('#checklist input, #checklist select, #checklist textarea')).map(e => [e.name, e.type, e.value, e.checked]))`)
}

func axeClean(t *testing.T, tab *browsertest.Tab, state string) int {
	t.Helper()
	vs, err := browsertest.Axe(tab.Ctx)
	if err != nil {
		t.Fatalf("%s: axe: %v", state, err)
	}
	if len(vs) > 0 {
		t.Errorf("%s: axe found %d violation(s):\n%s", state, len(vs), vs)
	}
	return len(vs)
}

// fillByKeyboard walks the form with Tab only and answers every control it
// reaches: Space on the first radio of a group and on every checkbox, text in
// text fields, a date, the first option of a select. Conditional questions
// that appear on the way are reached too, since Tab follows the page. It stops
// at the finish button. text returns the text typed into field n.
func fillByKeyboard(t *testing.T, tab *browsertest.Tab, text func(n int) string) int {
	t.Helper()
	browsertest.Eval[bool](tab, `(document.querySelector('#checklist input, #checklist select, #checklist textarea').focus(), true)`)
	seenRadio := map[string]bool{}
	typed := 0
	for steps := 0; steps < 3000; steps++ {
		type focused struct {
			ID, Tag, Type, Name string
			Checked             bool
		}
		f := browsertest.Eval[focused](tab, `(() => { const e = document.activeElement; return {ID: e.id, Tag: e.tagName, Type: e.type || '', Name: e.name || '', Checked: !!e.checked}; })()`)
		if f.ID == "afronden" {
			return typed
		}
		switch {
		case f.Tag == "INPUT" && f.Type == "radio":
			if !seenRadio[f.Name] {
				seenRadio[f.Name] = true
				if !f.Checked {
					tab.Press(browsertest.KeySpace)
				}
			}
		case f.Tag == "INPUT" && f.Type == "checkbox":
			if !f.Checked && f.ID != "bewaar-op-apparaat" {
				tab.Press(browsertest.KeySpace)
			}
		case f.Tag == "INPUT" && f.Type == "date":
			// Chromium's date field takes the digits in the locale's order; the
			// headless default is en-US (mm/dd/yyyy).
			tab.Press("03")
			tab.Press("15")
			tab.Press("2027")
		case f.Tag == "INPUT" && f.Type == "text", f.Tag == "TEXTAREA":
			tab.Press(text(typed))
			typed++
		case f.Tag == "SELECT":
			// Type-ahead, as a keyboard user picks from a closed list: the
			// first letters of the first real option.
			label := browsertest.Eval[string](tab, `document.activeElement.options[1].text`)
			tab.Press(label[:min(len(label), 6)])
		}
		tab.Press(browsertest.KeyTab)
	}
	t.Fatal("keyboard walk did not reach the finish button in 3000 steps")
	return typed
}

func TestChecklistKeyboardToResult(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	axeTotal := 0
	for _, page := range checklistPages(t, dir) {
		t.Run(strings.Trim(page, "/"), func(t *testing.T) {
			tab := b.NewTab(t)
			openChecklist(t, tab, s.URL+page)
			d := pageDefinition(t, tab)
			axeTotal += axeClean(t, tab, page+" start")

			// Finish at once: nothing answered, so the error summary appears,
			// takes the focus, and the title says "Fout".
			tab.Focus("#afronden")
			tab.Press(browsertest.KeyEnter)
			tab.WaitVisible("#foutoverzicht")
			if got := tab.Focused(); !strings.HasPrefix(got, "div#foutoverzicht") {
				t.Errorf("after finishing with errors the focus is on %s, want the error summary", got)
			}
			if title := browsertest.Eval[string](tab, `document.title`); !strings.HasPrefix(title, "Fout: ") {
				t.Errorf("title with errors = %q, want it to start with \"Fout: \"", title)
			}
			// The engine says what is wrong with an empty form; the page must
			// list exactly that.
			wantErrs := checklist.Validate(d.engine, checklist.Answers{})
			if len(wantErrs) == 0 {
				t.Fatalf("%s has no required question; nothing to check", d.ID)
			}
			if n := tab.Count("#foutoverzicht-lijst a"); n != len(wantErrs) {
				t.Errorf("the error summary lists %d problems, want %d:\n%s", n, len(wantErrs), tab.Text("#foutoverzicht-lijst"))
			}
			if n := tab.Count(".dw-error-message"); n == 0 || n > len(wantErrs) {
				t.Errorf("%d inline error messages next to the fields, want 1 to %d", n, len(wantErrs))
			}
			axeTotal += axeClean(t, tab, page+" with errors")

			// Follow the first error link with the keyboard: focus goes to its field.
			tab.Focus("#foutoverzicht-lijst a")
			tab.Press(browsertest.KeyEnter)
			if got := tab.Focused(); !strings.HasPrefix(got, "input") && !strings.HasPrefix(got, "select") && !strings.HasPrefix(got, "textarea") {
				t.Errorf("an error link moved the focus to %s, want the field", got)
			}

			fillByKeyboard(t, tab, func(n int) string { return fmt.Sprintf("Antwoord %d", n) })
			tab.Press(browsertest.KeyEnter)
			if !browsertest.Eval[bool](tab, `document.getElementById('foutoverzicht').hidden`) {
				t.Fatalf("errors after answering every question by keyboard:\n%s", tab.Text("#foutoverzicht"))
			}
			tab.WaitVisible("#resultaat")
			if !browsertest.Eval[bool](tab, `document.getElementById('foutoverzicht').hidden`) {
				t.Errorf("errors after answering everything: %s", tab.Text("#foutoverzicht"))
			}
			if got := tab.Focused(); !strings.HasPrefix(got, "section#resultaat") {
				t.Errorf("after finishing the focus is on %s, want the result", got)
			}
			progress := regexp.MustCompile(`^(\d+) van (\d+) vragen beantwoord`).FindStringSubmatch(tab.Text("#voortgang"))
			if progress == nil || progress[1] != progress[2] {
				t.Errorf("progress after answering everything = %q, want \"N van N vragen beantwoord\"", tab.Text("#voortgang"))
			}
			rows := tab.Count("#resultaat .dw-summary__row")
			if progress != nil && strconv.Itoa(rows) != progress[2] {
				t.Errorf("the check-answers summary has %d rows, want one per visible question (%s)", rows, progress[2])
			}
			if n := tab.Count(`#resultaat .dw-summary__row a[href^="#"] .dw-visually-hidden`); n != rows || n == 0 {
				t.Errorf("the summary has %d Wijzigen links with hidden context for %d rows", n, rows)
			}
			if txt := tab.Text("#resultaat"); strings.Contains(txt, "Niet ingevuld") {
				var lines []string
				for l := range strings.Lines(txt) {
					if strings.Contains(l, "Niet ingevuld") {
						lines = append(lines, strings.TrimSpace(l))
					}
				}
				t.Errorf("after answering every question the summary still says Niet ingevuld:\n%s", strings.Join(lines, "\n"))
			}
			axeTotal += axeClean(t, tab, page+" result")

			// The summary prints on its own, as its button does it.
			browsertest.Eval[bool](tab, `(document.documentElement.dataset.printOnly = 'resultaat', document.getElementById('resultaat').classList.add('dw-print-target'), true)`)
			summary := strings.Join(strings.Fields(browsertest.PDFText(t, tab.PrintPDF())), " ")
			if !strings.Contains(summary, "Controleer uw antwoorden") || !strings.Contains(summary, "Bevindingen") {
				t.Errorf("the printed summary lacks its heading or findings:\n%.300s", summary)
			}
			if strings.Contains(summary, "Overzicht van de stappen") || strings.Contains(summary, "Uw werk bewaren") {
				t.Errorf("printing the summary also printed the form around it:\n%.300s", summary)
			}
		})
	}
	fmt.Printf("TestChecklistKeyboardToResult: %d axe violations over start, error and result states\n", axeTotal)
}

// conditionalPair finds a question shown only when an earlier yes/no question
// has a given answer: `x == "ja"`.
func conditionalPair(d definition) (controller, value, dependent string, ok bool) {
	re := regexp.MustCompile(`^\s*([a-z0-9-]+)\s*==\s*"(ja|nee|weetniet)"\s*$`)
	kinds := map[string]string{}
	for _, it := range d.items() {
		kinds[it.ID] = it.Kind
		if m := re.FindStringSubmatch(it.ShowIf); m != nil && kinds[m[1]] == "yesno" {
			return m[1], m[2], it.ID, true
		}
	}
	return "", "", "", false
}

func TestChecklistConditionalQuestion(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	found := 0
	for _, page := range checklistPages(t, dir) {
		tab := b.NewTab(t)
		openChecklist(t, tab, s.URL+page)
		d := pageDefinition(t, tab)
		ctl, val, dep, ok := conditionalPair(d)
		if !ok {
			continue
		}
		found++
		other := map[string]string{"ja": "nee", "nee": "ja", "weetniet": "ja"}[val]
		depSel := fmt.Sprintf(`[data-item="%s"]`, dep)
		if browsertest.Eval[bool](tab, fmt.Sprintf(`!document.querySelector('%s').hidden`, depSel)) {
			t.Errorf("%s: %s is visible before %s is answered", page, dep, ctl)
		}
		tab.Focus(fmt.Sprintf(`input[name="%s"][value="%s"]`, ctl, val))
		tab.Press(browsertest.KeySpace)
		tab.WaitVisible(depSel)
		tab.Focus(fmt.Sprintf(`input[name="%s"][value="%s"]`, ctl, other))
		tab.Press(browsertest.KeySpace)
		tab.WaitNotVisible(depSel)
	}
	if found == 0 {
		t.Fatal("no checklist has a question that depends on a yes/no answer")
	}
}

// setDownloads makes the browser save downloads in dir.
func setDownloads(t *testing.T, tab *browsertest.Tab, dir string) {
	t.Helper()
	if _, err := chromedp.Call(tab.Ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
	}); err != nil {
		t.Fatalf("set download folder: %v", err)
	}
}

// waitDownload waits for a finished file whose name starts with prefix.
func waitDownload(t *testing.T, dir, prefix string) string {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		matches, _ := filepath.Glob(filepath.Join(dir, prefix+"*"))
		for _, m := range matches {
			if strings.HasSuffix(m, ".crdownload") {
				continue
			}
			// Chromium may create the file before it writes it: wait until it
			// has content that stops growing.
			a, err1 := os.Stat(m)
			time.Sleep(150 * time.Millisecond)
			b, err2 := os.Stat(m)
			if err1 == nil && err2 == nil && a.Size() > 0 && a.Size() == b.Size() {
				return m
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no download starting with %q in %s", prefix, dir)
	return ""
}

func readExport(t *testing.T, file string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s is not JSON: %v\n%s", file, err, data)
	}
	return v
}

func TestChecklistExportImportRoundTrip(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	for _, page := range checklistPages(t, dir) {
		t.Run(strings.Trim(page, "/"), func(t *testing.T) {
			tab := b.NewTab(t)
			downloads := t.TempDir()
			setDownloads(t, tab, downloads)
			openChecklist(t, tab, s.URL+page)
			d := pageDefinition(t, tab)
			typed := fillByKeyboard(t, tab, func(n int) string { return fmt.Sprintf("Regel %d met \"aanhalingstekens\" & <tekens>", n) })
			before := formState(t, tab)

			tab.Click("#exporteer-json")
			first := readExport(t, waitDownload(t, downloads, d.ID+"-antwoorden-"))
			if first["checklist"] != d.ID || first["definitionVersion"] != d.Version {
				t.Errorf("export names checklist %v version %v, want %s %s", first["checklist"], first["definitionVersion"], d.ID, d.Version)
			}
			answers, ok := first["answers"].(map[string]any)
			if !ok || len(answers) == 0 {
				t.Fatal("the export holds no answers")
			}
			tab.Click("#exporteer-md")
			report, err := os.ReadFile(waitDownload(t, downloads, d.ID+"-verslag-"))
			if err != nil {
				t.Fatal(err)
			}
			if (typed > 0 && !strings.Contains(string(report), "Regel 0 met")) || !strings.HasPrefix(string(report), "# ") {
				t.Errorf("the Markdown report lacks the typed answers or its title:\n%.500s", report)
			}
			if strings.Contains(string(report), "<tekens>") {
				t.Error("the Markdown report holds typed markup unescaped")
			}

			// A fresh page, then import: every answer is back.
			openChecklist(t, tab, s.URL+page)
			if formState(t, tab) == before {
				t.Fatal("the reloaded page already shows the answers; nothing to restore")
			}
			file := writeJSON(t, "antwoorden.json", first)
			if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#importeer"), []string{file})); err != nil {
				t.Fatalf("choose import file: %v", err)
			}
			tab.WaitVisible("#importmelding")
			if got := formState(t, tab); got != before {
				t.Errorf("after import the form differs from before the export\nbefore: %s\nafter:  %s", before, got)
			}

			// Exporting again gives the same answers.
			for _, m := range mustGlob(t, downloads, "*") {
				if err := os.Remove(m); err != nil {
					t.Fatal(err)
				}
			}
			tab.Click("#exporteer-json")
			second := readExport(t, waitDownload(t, downloads, d.ID+"-antwoorden-"))
			a1, a2 := mustJSON(t, first["answers"]), mustJSON(t, second["answers"])
			if !bytes.Equal(a1, a2) {
				t.Errorf("answers differ after export, import, export:\nfirst:  %s\nsecond: %s", a1, a2)
			}
		})
	}
}

func mustGlob(t *testing.T, dir, pattern string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// writeFile writes data to a new file in a temporary folder and returns its path.
func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}

func writeJSON(t *testing.T, name string, v any) string {
	t.Helper()
	return writeFile(t, name, mustJSON(t, v))
}

// badImport is a file an import must refuse, and the words of the reason the
// visitor must be given (not only that the file cannot be opened).
type badImport struct{ text, reason string }

// badImports are files an import must refuse with their reason, leaving what
// is on screen untouched.
func badImports(id, version string) map[string]badImport {
	valid := func(answers string) string {
		return fmt.Sprintf(`{"schema":"deelwijzer-antwoorden","schemaVersion":1,"checklist":%q,"definitionVersion":%q,"exported":"2026-11-23T10:00:00Z","answers":%s}`, id, version, answers)
	}
	deep := strings.Repeat(`{"a":`, 200) + "1" + strings.Repeat("}", 200)
	return map[string]badImport{
		"geen-json":        {"Dit is geen JSON maar gewone tekst.", "geen geldige JSON: onverwacht teken 'D' (teken 1)"},
		"afgebroken":       {valid(`{"x":"ja"}`)[:60], "onvolledig: de inhoud houdt halverwege op"},
		"andere-checklist": {strings.Replace(valid(`{}`), fmt.Sprintf(`"checklist":%q`, id), `"checklist":"een-andere-checklist"`, 1), "hoort bij een andere checklist (een-andere-checklist), niet bij deze (" + id + ")"},
		"nieuwer-schema":   {strings.Replace(valid(`{}`), `"schemaVersion":1`, `"schemaVersion":99`, 1), "nieuwere versie van Deelwijzer (bestandsversie 99)"},
		"te-groot":         {valid(`{"x":"` + strings.Repeat("a", 2*1024*1024+10) + `"}`), "groter dan 2 MB"},
		"diep-genest":      {valid(deep), "te diep genest (meer dan 32 niveaus)"},
		"onbekende-vraag":  {valid(`{"deze-vraag-bestaat-niet":"ja"}`), "deze-vraag-bestaat-niet: Deze vraag bestaat niet in deze versie"},
		"verkeerd-type":    {}, // filled in per checklist: a text where a list belongs
	}
}

func TestChecklistBadImports(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	page := checklistPages(t, dir)[0]
	tab := b.NewTab(t)
	openChecklist(t, tab, s.URL+page)
	d := pageDefinition(t, tab)
	fillByKeyboard(t, tab, func(n int) string { return fmt.Sprintf("Eerder ingevuld %d", n) })
	before := formState(t, tab)

	files := badImports(d.ID, d.Version)
	for _, it := range d.items() {
		if it.Kind == "multi" || it.Kind == "group" {
			reason := it.ID + ": Hier hoort een lijst met keuzes, maar het bestand bevat"
			if it.Kind == "group" {
				reason = it.ID + ": Hier horen rijen, maar het bestand bevat"
			}
			files["verkeerd-type"] = badImport{
				strings.Replace(files["onbekende-vraag"].text, `{"deze-vraag-bestaat-niet":"ja"}`, fmt.Sprintf(`{%q:"een tekst in plaats van een lijst"}`, it.ID), 1),
				reason,
			}
			break
		}
	}
	if files["verkeerd-type"].text == "" {
		t.Fatalf("%s has no multi or group question to give a wrong type", d.ID)
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		f := files[name]
		file := writeFile(t, name+".json", []byte(f.text))
		browsertest.Eval[bool](tab, `(() => { const m = document.getElementById('importmelding'); m.hidden = true; m.replaceChildren(); return true; })()`)
		if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#importeer"), []string{file})); err != nil {
			t.Fatalf("%s: choose file: %v", name, err)
		}
		tab.WaitVisible("#importmelding")
		msg := strings.Join(strings.Fields(tab.Text("#importmelding")), " ")
		if !strings.Contains(msg, "kan niet worden geopend") {
			t.Errorf("%s: message %q does not say the file cannot be opened", name, msg)
		}
		if !strings.Contains(msg, f.reason) {
			t.Errorf("%s: message %q does not give the reason %q", name, msg, f.reason)
		}
		// What the page says is what the engine says about the file (the
		// size limit is checked before the engine sees the file).
		if name != "te-groot" {
			if _, err := checklist.Import(d.engine, f.text); err == nil {
				t.Errorf("%s: the engine accepts the file", name)
			} else if !strings.Contains(msg, strings.Join(strings.Fields(err.Error()), " ")) {
				t.Errorf("%s: message %q lacks the engine's reason %q", name, msg, err.Error())
			}
		}
		if got := formState(t, tab); got != before {
			t.Errorf("%s: the answers on screen changed after a bad import", name)
		}
	}
}

// TestChecklistHostileStrings imports a valid file whose text answers are
// markup: they must show up as text, and no script may run.
func TestChecklistHostileStrings(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	_, d := checklistWith(t, tab, s, dir, func(it item) bool { return it.Kind == "text" || it.Kind == "longtext" })
	hostile := []string{`<script>window.__pwned=1</script>`, `"><img src=x onerror="window.__pwned=2">`}
	answers := map[string]any{}
	var textIDs []string
	for _, it := range d.items() {
		if it.Kind == "text" || it.Kind == "longtext" {
			textIDs = append(textIDs, it.ID)
			answers[it.ID] = hostile[len(textIDs)%2]
		}
	}
	if len(textIDs) == 0 {
		t.Fatal("no text question to put markup in")
	}
	file := writeJSON(t, "vijandig.json", map[string]any{"schema": "deelwijzer-antwoorden", "schemaVersion": 1, "checklist": d.ID,
		"definitionVersion": d.Version, "exported": "2026-11-23T10:00:00Z", "answers": answers})
	if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#importeer"), []string{file})); err != nil {
		t.Fatal(err)
	}
	tab.WaitVisible("#importmelding")
	tab.Focus("#afronden")
	tab.Press(browsertest.KeyEnter)
	time.Sleep(300 * time.Millisecond)
	if v := browsertest.Eval[any](tab, `window.__pwned === undefined ? null : window.__pwned`); v != nil {
		t.Fatalf("a hostile answer ran as script: window.__pwned = %v", v)
	}
	if n := tab.Count(`#checklist img, #resultaat img, #resultaat script`); n != 0 {
		t.Errorf("%d elements were created from answer text", n)
	}
	for _, id := range textIDs {
		got := browsertest.Eval[string](tab, fmt.Sprintf(`document.querySelector('[name="%s"]').value`, id))
		if got != answers[id] {
			t.Errorf("%s: field holds %q, want the text %q", id, got, answers[id])
		}
	}
}

// TestChecklistNothingLeaves types a marker into every field, uses every
// feature, and checks that no request carries it and every request is a GET
// to the site's own origin.
func TestChecklistNothingLeaves(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	const marker = "ZQXMARKER7731"
	for _, page := range checklistPages(t, dir) {
		tab := b.NewTab(t)
		setDownloads(t, tab, t.TempDir())
		openChecklist(t, tab, s.URL+page)
		fillByKeyboard(t, tab, func(n int) string { return fmt.Sprintf("%s-%d", marker, n) })
		tab.Press(browsertest.KeyEnter) // finish
		tab.WaitVisible("#resultaat")
		tab.Click("#exporteer-json")
		tab.Click("#exporteer-md")
		tab.Click("#bewaar-op-apparaat")
		tab.Focus("#bewaar-op-apparaat")
		tab.Press(browsertest.KeySpace)
		time.Sleep(500 * time.Millisecond)
		if problems := tab.RequestProblems(s.Origin, marker); len(problems) > 0 {
			t.Errorf("%s:\n  %s", page, strings.Join(problems, "\n  "))
		}
		if len(tab.Requests()) == 0 {
			t.Errorf("%s: no requests recorded at all; the recorder is not working", page)
		}
	}
}

// TestChecklistDeviceStorage: nothing is kept unless the visitor opts in;
// with opt-in the answers survive a reload; "Wis alles" removes every trace.
func TestChecklistDeviceStorage(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	page := checklistPages(t, dir)[0]
	openChecklist(t, tab, s.URL+page)
	fillByKeyboard(t, tab, func(n int) string { return fmt.Sprintf("Bewaard %d", n) })
	if st := deviceStorage(t, tab); st != (storage{}) {
		t.Fatalf("without opting in, something was stored on the device: %+v", st)
	}
	filled := formState(t, tab)
	tab.Focus("#bewaar-op-apparaat")
	tab.Press(browsertest.KeySpace)
	// Opting in keeps the answers in localStorage under the page's own key,
	// and nowhere else.
	if st := deviceStorage(t, tab); st.Deelwijzer == 0 || st != (storage{Local: st.Deelwijzer, Deelwijzer: st.Deelwijzer}) {
		t.Fatalf("after opting in the device holds %+v, want deelwijzer: keys in localStorage only", st)
	}
	openChecklist(t, tab, s.URL+page)
	if got := formState(t, tab); got != filled {
		t.Error("after a reload the stored answers were not restored")
	}
	if !browsertest.Eval[bool](tab, `document.getElementById('bewaar-op-apparaat').checked`) {
		t.Error("after a reload the opt-in box is not ticked")
	}
	tab.Focus("#wis-alles")
	tab.Press(browsertest.KeyEnter)
	tab.WaitVisible("#wis-bevestiging")
	tab.Focus("#wis-ja")
	tab.Press(browsertest.KeyEnter)
	if st := deviceStorage(t, tab); st != (storage{}) {
		t.Errorf("after Wis alles the device still holds %+v", st)
	}
	if n := browsertest.Eval[int](tab, `Array.from(document.querySelectorAll('#checklist input, #checklist textarea, #checklist select')).filter(e => (e.type === 'radio' || e.type === 'checkbox') ? e.checked : e.value !== '').length`); n != 0 {
		t.Errorf("after Wis alles %d fields still hold an answer", n)
	}
	openChecklist(t, tab, s.URL+page)
	if n := browsertest.Eval[int](tab, `Array.from(document.querySelectorAll('#checklist input, #checklist textarea')).filter(e => (e.type === 'radio' || e.type === 'checkbox') ? e.checked : e.value !== '').length`); n != 0 {
		t.Errorf("after Wis alles and a reload %d fields are filled again", n)
	}
}

// storage counts what the site keeps in the browser, everywhere a page can
// keep something: localStorage (all keys, and those of Deelwijzer),
// sessionStorage, IndexedDB databases, cookies and Cache Storage.
type storage struct {
	Local, Deelwijzer, Session, IndexedDB, Caches int
	Cookies                                       string
}

func deviceStorage(t *testing.T, tab *browsertest.Tab) storage {
	t.Helper()
	return browsertest.Eval[storage](tab, `(async () => ({
		Local: localStorage.length,
		Deelwijzer: Object.keys(localStorage).filter(k => k.startsWith('deelwijzer:')).length,
		Session: sessionStorage.length,
		IndexedDB: (await indexedDB.databases()).length,
		Caches: (await caches.keys()).length,
		Cookies: document.cookie,
	}))()`)
}

func TestChecklistPersonalDataWarning(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	checklistWith(t, tab, s, dir, func(it item) bool { return (it.Kind == "text" || it.Kind == "longtext") && it.ShowIf == "" })
	sel := `#checklist [data-item]:not([hidden]) textarea, #checklist [data-item]:not([hidden]) input[type=text]`
	if tab.Count(sel) == 0 {
		t.Fatal("no visible text field")
	}
	tab.Focus(sel)
	tab.Press("Cliënt met BSN 111222333")
	tab.WaitVisible(".dw-pii-warning")
	if txt := tab.Text(".dw-pii-warning"); !strings.Contains(txt, "burgerservicenummer") {
		t.Errorf("warning = %q, want it to name a BSN", txt)
	}
	if !browsertest.Eval[bool](tab, `(() => { const w = document.querySelector('.dw-pii-warning'); return document.activeElement.getAttribute('aria-describedby').split(' ').includes(w.id); })()`) {
		t.Error("the warning is not tied to its field with aria-describedby")
	}
}

// TestChecklistWithoutJavaScript: the whole form is there, every question
// visible, and it prints.
func TestChecklistWithoutJavaScript(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	for _, page := range checklistPages(t, dir) {
		tab := b.NewTab(t)
		// Read the definition with JavaScript on, then look at the page without.
		tab.Go(s.URL + page)
		d := pageDefinition(t, tab)
		tab2 := b.NewTab(t)
		tab2.DisableJavaScript()
		tab2.Go(s.URL + page)
		if browsertest.Eval[bool](tab2, `document.documentElement.dataset.engine === 'ready'`) {
			t.Fatal("JavaScript is not off: the engine started")
		}
		hidden := browsertest.Eval[int](tab2, `Array.from(document.querySelectorAll('[data-item]')).filter(e => e.hidden || e.offsetParent === null).length`)
		if hidden != 0 {
			t.Errorf("%s: %d questions are hidden without JavaScript", page, hidden)
		}
		if n := tab2.Count("[data-item]"); n != len(d.items()) {
			t.Errorf("%s: %d questions in the page, %d in the definition", page, n, len(d.items()))
		}
		text := browsertest.PDFText(t, tab2.PrintPDF())
		flat := strings.Join(strings.Fields(text), " ")
		for _, it := range d.items() {
			if !strings.Contains(flat, strings.Join(strings.Fields(it.Question), " ")) {
				t.Errorf("%s: printed without JavaScript, the question %q is missing", page, it.Question)
			}
		}
		// axe itself needs timers, which do not run with JavaScript off; the static
		// form is checked by axe in TestChecklistStaticForm.
	}
}

// TestChecklistPrint prints the blank and the filled-in checklist: every
// question, and filled, every answer.
func TestChecklistPrint(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	for _, page := range checklistPages(t, dir) {
		tab := b.NewTab(t)
		openChecklist(t, tab, s.URL+page)
		d := pageDefinition(t, tab)
		blank := strings.Join(strings.Fields(browsertest.PDFText(t, tab.PrintPDF())), " ")
		for _, it := range d.items() {
			if it.ShowIf != "" {
				continue // hidden until its condition holds, on screen and on paper
			}
			if !strings.Contains(blank, strings.Join(strings.Fields(it.Question), " ")) {
				t.Errorf("%s: the blank print lacks question %q", page, it.Question)
			}
		}
		var typed []string
		fillByKeyboard(t, tab, func(n int) string {
			s := fmt.Sprintf("Printtekst%03d", n)
			typed = append(typed, s)
			return s
		})
		filled := strings.Join(strings.Fields(browsertest.PDFText(t, tab.PrintPDF())), " ")
		for _, s := range typed {
			if !strings.Contains(filled, s) {
				t.Errorf("%s: the filled-in print lacks the answer %q", page, s)
			}
		}
		for _, it := range d.items() {
			if !browsertest.Eval[bool](tab, fmt.Sprintf(`!document.querySelector('[data-item="%s"]').hidden`, it.ID)) {
				continue
			}
			if !strings.Contains(filled, strings.Join(strings.Fields(it.Question), " ")) {
				t.Errorf("%s: the filled-in print lacks question %q", page, it.Question)
			}
		}
	}
}

// TestChecklistWasmOctetStream: a host that sends .wasm as
// application/octet-stream breaks streaming compilation; the engine must
// still start.
func TestChecklistWasmOctetStream(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true, WasmContentType: "application/octet-stream"})
	tab := browsertest.NewBrowser(t).NewTab(t)
	page := checklistPages(t, dir)[0]
	openChecklist(t, tab, s.URL+page)
	var wasm []string
	for _, r := range tab.Requests() {
		if strings.HasSuffix(r.URL, ".wasm") {
			wasm = append(wasm, r.String())
		}
	}
	if len(wasm) == 0 {
		t.Fatal("no .wasm request recorded")
	}
	if problems := tab.RequestProblems(s.Origin, ""); len(problems) > 0 {
		t.Errorf("requests:\n  %s", strings.Join(problems, "\n  "))
	}
	t.Logf("engine started with .wasm sent as application/octet-stream: %v", wasm)
}

// TestChecklistStaticForm checks the form as Hugo renders it, before any
// enhancement (WebAssembly switched off, so the engine does not start): axe
// finds nothing, every question has a label or legend, hints are tied to
// their controls.
func TestChecklistStaticForm(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	for _, page := range checklistPages(t, dir) {
		tab := b.NewTab(t)
		if _, err := chromedp.Call(tab.Ctx, page_.AddScriptToEvaluateOnNewDocument, page_.AddScriptToEvaluateOnNewDocumentParams{Source: "delete window.WebAssembly;"}); err != nil {
			t.Fatal(err)
		}
		tab.Go(s.URL + page)
		time.Sleep(300 * time.Millisecond)
		if browsertest.Eval[bool](tab, `document.documentElement.dataset.engine === 'ready'`) {
			t.Fatal("the engine started although WebAssembly is gone")
		}
		if n := tab.Count("#bewaren:not([hidden])"); n != 0 {
			t.Error("the save panel shows although the engine cannot run")
		}
		unlabelled := browsertest.Eval[int](tab, `Array.from(document.querySelectorAll('#checklist input:not([type="hidden"]), #checklist select, #checklist textarea')).filter(e => !(e.labels && e.labels.length)).length`)
		if unlabelled != 0 {
			t.Errorf("%s: %d controls without a label", page, unlabelled)
		}
		badHints := browsertest.Eval[int](tab, `Array.from(document.querySelectorAll('[aria-describedby]')).filter(e => e.getAttribute('aria-describedby').split(' ').some(id => !document.getElementById(id))).length`)
		if badHints != 0 {
			t.Errorf("%s: %d aria-describedby references point nowhere", page, badHints)
		}
		axeClean(t, tab, page+" static form")
	}
}

// TestChecklistResultViews completes every checklist that has result views
// (matrix, data flow, risk map) with the keyboard and checks what the result
// shows: the data-flow drawing is an accessible SVG with the same content as a
// table beside it, the risk map has a before and an after grid, and every
// finding that names roles appears in those roles' action lists, which print
// on their own.
func TestChecklistResultViews(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	withViews, wantViews := 0, 0
	for _, page := range checklistPages(t, dir) {
		t.Run(strings.Trim(page, "/"), func(t *testing.T) {
			tab := b.NewTab(t)
			openChecklist(t, tab, s.URL+page)
			views := pageDefinition(t, tab).Views
			wantViews += len(views)
			fillByKeyboard(t, tab, func(n int) string { return fmt.Sprintf("Partner %d", n%3) })
			tab.Press(browsertest.KeyEnter)
			tab.WaitVisible("#resultaat")
			for _, v := range views {
				switch v.Kind {
				case "flow":
					withViews++
					if n := tab.Count(`#resultaat svg.dw-flow[role="img"] title`); n == 0 {
						t.Errorf("%s: no accessible data-flow SVG (role=img with a title)", v.Title)
					}
					arrows := tab.Count(`#resultaat svg.dw-flow path.dw-flow__edge, #resultaat svg.dw-flow circle.dw-flow__edge`)
					rows := browsertest.Eval[int](tab, fmt.Sprintf(`(() => { const c = Array.from(document.querySelectorAll('#resultaat table caption')).find(c => c.textContent === %q); return c ? c.closest('table').tBodies[0].rows.length : -1; })()`, v.Title+" (als tabel)"))
					if rows <= 0 || arrows != rows {
						t.Errorf("%s: %d arrows in the drawing, %d rows in the table beside it", v.Title, arrows, rows)
					}
				case "riskmap":
					withViews++
					if n := tab.Count(`#resultaat table.dw-riskmap`); n != 2 {
						t.Errorf("%s: %d risk grids, want before and after", v.Title, n)
					}
					if n := tab.Count(`#resultaat table.dw-riskmap tbody td`); n != 32 {
						t.Errorf("%s: %d cells in the grids, want 2 x 16", v.Title, n)
					}
				case "matrix":
					withViews++
					if n := browsertest.Eval[int](tab, fmt.Sprintf(`Array.from(document.querySelectorAll('#resultaat table caption')).filter(c => c.textContent === %q).length`, v.Title)); n != 1 {
						t.Errorf("%s: matrix table missing", v.Title)
					}
				}
			}
			// Action lists: every role named by a finding gets its list.
			lists := tab.Count("#actielijsten .dw-actionlist")
			hasRoles := browsertest.Eval[bool](tab, `Array.from(document.querySelectorAll('#bevindingen-lijst li')).length > 0 && JSON.parse(document.getElementById('checklist-data').textContent).definition.findings.some(f => (f.roles || []).length > 0)`)
			if hasRoles && lists == 0 {
				t.Error("findings name roles, but there is no action list per role")
			}
			if lists > 0 {
				// Print only the first list, as its button does.
				browsertest.Eval[bool](tab, `(() => { const s = document.querySelector('#actielijsten .dw-actionlist'); document.documentElement.dataset.printOnly = s.id; s.classList.add('dw-print-target'); return true; })()`)
				heading := tab.Text("#actielijsten .dw-actionlist h4")
				text := strings.Join(strings.Fields(browsertest.PDFText(t, tab.PrintPDF())), " ")
				if !strings.Contains(text, strings.Join(strings.Fields(heading), " ")) {
					t.Errorf("the printed action list lacks its heading %q:\n%s", heading, text)
				}
				if strings.Contains(text, "Uw werk bewaren") || strings.Contains(text, "Controleer uw antwoorden") {
					t.Errorf("printing one action list also printed the rest of the page:\n%.400s", text)
				}
			}
			axeClean(t, tab, page+" result with views")
		})
	}
	// Every view in data/checklists was found and checked: a view of a kind
	// this test does not know, or a checklist page that is missing, fails.
	if wantViews == 0 || withViews != wantViews {
		t.Errorf("%d views checked, %d in the definitions", withViews, wantViews)
	}
}

// checklistWith opens the first checklist that has a question matching want
// and returns its page and definition.
func checklistWith(t *testing.T, tab *browsertest.Tab, s *browsertest.Server, dir string, want func(item) bool) (string, definition) {
	t.Helper()
	for _, page := range checklistPages(t, dir) {
		openChecklist(t, tab, s.URL+page)
		d := pageDefinition(t, tab)
		for _, it := range d.items() {
			if want(it) {
				return page, d
			}
		}
	}
	t.Fatal("no checklist has a question of the kind this test needs")
	return "", definition{}
}

// TestDPIAToetsVerdicts answers the DPIA-toets with the keyboard in the three
// ways that decide its verdict, and reads the verdict with its reasons from the
// findings on screen. The verdict is the first finding, labelled "Uitkomst" in
// words, never "Risico" or "Ter informatie".
func TestDPIAToetsVerdicts(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	tick := func(tab *browsertest.Tab, name, value string) {
		tab.Focus(fmt.Sprintf(`input[name=%q][value=%q]`, name, value))
		tab.Press(browsertest.KeySpace)
	}
	cases := []struct {
		name         string
		edpb, ap     []string
		want, reason string
		not          []string
	}{
		{"geen kenmerken", []string{"geen"}, []string{"geen"}, "Uitkomst: DPIA niet nodig, leg vast waarom", "", []string{"DPIA verplicht", "DPIA waarschijnlijk"}},
		{"twee kenmerken", []string{"beoordelen", "grote-schaal"}, []string{"geen"}, "Uitkomst: DPIA waarschijnlijk nodig", "Grote schaal", []string{"DPIA verplicht", "niet nodig, leg vast"}},
		{"AP-lijst", []string{"geen"}, []string{"samenwerkingsverbanden"}, "Uitkomst: DPIA verplicht", "U koos:", []string{"DPIA waarschijnlijk", "niet nodig, leg vast"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tab := b.NewTab(t)
			openChecklist(t, tab, s.URL+"checklists/dpia-toets/")
			// None of the three cases of art. 35 lid 3 AVG: only then do the
			// two lists decide the verdict.
			for _, id := range []string{"art35-evaluatie", "art35-bijzonder", "art35-monitoring"} {
				tick(tab, id, "nee")
			}
			for _, v := range c.edpb {
				tick(tab, "edpb-criteria", v)
			}
			for _, v := range c.ap {
				tick(tab, "ap-lijst", v)
			}
			findings := tab.Text("#bevindingen-lijst")
			if !strings.Contains(findings, c.want) || !strings.Contains(findings, c.reason) {
				t.Errorf("findings lack %q with %q:\n%s", c.want, c.reason, findings)
			}
			for _, n := range c.not {
				if strings.Contains(findings, n) {
					t.Errorf("findings also say %q:\n%s", n, findings)
				}
			}
			first := tab.Text("#bevindingen-lijst > li:first-child")
			if !strings.HasPrefix(strings.TrimSpace(first), c.want) {
				t.Errorf("the first finding is not the verdict %q:\n%s", c.want, first)
			}
			if label := tab.Text("#bevindingen-lijst > li:first-child .dw-finding__severity"); strings.TrimSpace(label) != "Uitkomst:" {
				t.Errorf("the verdict is labelled %q, want \"Uitkomst:\"", label)
			}
			verdict := strings.TrimPrefix(c.want, "Uitkomst: ")
			for _, label := range []string{"Risico: ", "Aandacht: ", "Ter informatie: "} {
				if strings.Contains(findings, label+verdict) || strings.Contains(findings, label+c.want) {
					t.Errorf("the verdict is sorted under %q:\n%s", label, findings)
				}
			}
		})
	}
}

// TestChecklistImportOlderVersion imports a file made with an older version of
// the checklist: every answer that still fits is taken over, and the ones that
// no longer fit are listed on screen with a reason, so nothing disappears
// silently.
func TestChecklistImportOlderVersion(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	_, d := checklistWith(t, tab, s, dir, func(it item) bool { return it.Kind == "yesno" && it.ShowIf == "" })
	var yes string
	for _, it := range d.items() {
		if it.Kind == "yesno" && it.ShowIf == "" {
			yes = it.ID
			break
		}
	}
	file := writeJSON(t, "oud.json", map[string]any{"schema": "deelwijzer-antwoorden", "schemaVersion": 1, "checklist": d.ID,
		"definitionVersion": "0.1.0", "exported": "2025-01-01T10:00:00Z",
		"answers": map[string]any{yes: "ja", "vraag-die-verdwenen-is": "nee"}})
	if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#importeer"), []string{file})); err != nil {
		t.Fatal(err)
	}
	tab.WaitVisible("#importmelding")
	msg := tab.Text("#importmelding")
	if !strings.Contains(msg, "vraag-die-verdwenen-is") || !strings.Contains(msg, "0.1.0") {
		t.Errorf("the message does not list the answer that no longer fits, or the old version:\n%s", msg)
	}
	if !browsertest.Eval[bool](tab, fmt.Sprintf(`document.querySelector('input[name=%q][value="ja"]').checked`, yes)) {
		t.Errorf("the answer to %s that still fits was not taken over", yes)
	}
}
