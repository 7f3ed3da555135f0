//go:build browser

package browser

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"deelwijzer/internal/browsertest"
)

// These tests cover work that must never disappear without warning: the copy
// kept on the device, downloads, leaving the page, two tabs, importing over
// answers on screen and a full storage quota. They use the UPP checklist: its
// "taak" (long text), "wet" (text) and "doel-gekoppeld" (yes/no) are questions
// without conditions.

const uppPage = "checklists/upp/"
const uppKey = "deelwijzer:upp:antwoorden"

// answerFile is an answer file as the engine writes it.
func answerFile(t *testing.T, checklist, version string, answers map[string]any) string {
	t.Helper()
	data, err := json.Marshal(map[string]any{"schema": "deelwijzer-antwoorden", "schemaVersion": 1, "checklist": checklist,
		"definitionVersion": version, "exported": "2026-11-23T10:00:00Z", "answers": answers})
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// seedStorage writes key=value into the site's localStorage (the tab must show
// a page of the site).
func seedStorage(t *testing.T, tab *browsertest.Tab, key, value string) {
	t.Helper()
	k, _ := json.Marshal(key)
	v, _ := json.Marshal(value)
	browsertest.Eval[bool](tab, `(localStorage.setItem(`+string(k)+`, `+string(v)+`), true)`)
}

func stored(t *testing.T, tab *browsertest.Tab, key string) string {
	t.Helper()
	k, _ := json.Marshal(key)
	return browsertest.Eval[string](tab, `localStorage.getItem(`+string(k)+`) ?? ''`)
}

func fieldValue(t *testing.T, tab *browsertest.Tab, name string) string {
	t.Helper()
	n, _ := json.Marshal(name)
	return browsertest.Eval[string](tab, `document.querySelector('#checklist [name=' + JSON.stringify(`+string(n)+`) + ']').value`)
}

// textOf is the text of the element, or "" when the page has no such element
// (as before the fix).
func textOf(tab *browsertest.Tab, sel string) string {
	q, _ := json.Marshal(sel)
	return browsertest.Eval[string](tab, `document.querySelector(`+string(q)+`)?.textContent ?? ''`)
}

// waitText waits up to 10 s until the element's text contains want, and returns
// the text it last read.
func waitText(t *testing.T, tab *browsertest.Tab, sel, want string) string {
	t.Helper()
	var txt string
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if txt = textOf(tab, sel); strings.Contains(txt, want) {
			break
		}
	}
	return txt
}

// typeInto focuses a field and types text at its end, as a visitor does.
func typeInto(tab *browsertest.Tab, name, text string) {
	tab.Focus(`#checklist [name="` + name + `"]`)
	browsertest.Eval[bool](tab, `(() => { const e = document.activeElement; e.selectionStart = e.selectionEnd = e.value.length; return true; })()`)
	tab.Press(text)
}

// leave navigates to url and answers a "leave this page?" (beforeunload) dialog
// with accept. It reports whether the browser asked.
func leave(t *testing.T, tab *browsertest.Tab, url string, accept bool) bool {
	t.Helper()
	tab.OwnLeaveDialogs.Store(true)
	defer tab.OwnLeaveDialogs.Store(false)
	var asked atomic.Bool
	lctx, stop := context.WithCancel(tab.Ctx)
	defer stop()
	if err := chromedp.Listen(lctx, func(ev any) {
		if e, ok := ev.(*page.EventJavascriptDialogOpening); ok && e.Type == page.DialogTypeBeforeunload {
			asked.Store(true)
			// The listener may not send commands itself.
			go chromedp.Call(tab.Ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: accept})
		}
	}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(tab.Ctx, 20*time.Second)
	defer cancel()
	if accept {
		if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
			t.Fatalf("navigate to %s: %v", url, err)
		}
	} else {
		// A dismissed dialog cancels the navigation: no load event comes.
		chromedp.Call(ctx, page.Navigate, page.NavigateParams{URL: url})
		time.Sleep(300 * time.Millisecond)
	}
	return asked.Load()
}

func uppVersion(t *testing.T, tab *browsertest.Tab) string {
	t.Helper()
	return pageDefinition(t, tab).Version
}

// TestTrustStoredCopyThatNoLongerFits (issue 8, item 3): a stored copy with an
// answer that does not fit this version is not dropped silently, is not
// overwritten by the next keystroke, names its reason and can be downloaded.
func TestTrustStoredCopyThatNoLongerFits(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)

	t.Run("same version", func(t *testing.T) {
		tab := b.NewTab(t)
		downloads := t.TempDir()
		setDownloads(t, tab, downloads)
		openChecklist(t, tab, s.URL+uppPage)
		raw := answerFile(t, "upp", uppVersion(t, tab), map[string]any{"wet": "Wmo 2015", "doel-gekoppeld": "misschien"})
		seedStorage(t, tab, uppKey, raw)
		openChecklist(t, tab, s.URL+uppPage)
		tab.WaitVisible("#importmelding")
		msg := tab.Text("#importmelding")
		if !strings.Contains(msg, "doel-gekoppeld") || !strings.Contains(msg, "past niet meer") {
			t.Errorf("message %q does not list the answer that no longer fits", msg)
		}
		if got := fieldValue(t, tab, "wet"); got != "Wmo 2015" {
			t.Errorf("the answer that fits was not restored: wet = %q", got)
		}
		axeClean(t, tab, "stored copy held")
		typeInto(tab, "taak", "Nieuw")
		if got := stored(t, tab, uppKey); got != raw {
			t.Fatalf("a keystroke overwrote the stored copy that did not restore:\n%s", got)
		}
		tab.Click("#kopie-download")
		if data, _ := os.ReadFile(waitDownload(t, downloads, "upp-bewaarde-kopie-")); string(data) != raw {
			t.Errorf("downloaded copy = %q, want the raw stored copy", data)
		}
		tab.Click("#kopie-vervang")
		if got := stored(t, tab, uppKey); !strings.Contains(got, "Nieuw") {
			t.Errorf("after choosing to replace it the stored copy is %q", got)
		}
	})

	// What an earlier version of the page wrote when an export failed.
	t.Run("damaged", func(t *testing.T) {
		tab := b.NewTab(t)
		openChecklist(t, tab, s.URL+uppPage)
		raw := `{"error":"De antwoorden zijn te groot."}`
		seedStorage(t, tab, uppKey, raw)
		openChecklist(t, tab, s.URL+uppPage)
		tab.WaitVisible("#importmelding")
		if msg := tab.Text("#importmelding"); !strings.Contains(msg, "niet worden teruggezet") {
			t.Errorf("message %q does not say the copy could not be restored", msg)
		}
		typeInto(tab, "wet", "Nieuw")
		if got := stored(t, tab, uppKey); got != raw {
			t.Fatalf("a keystroke overwrote the stored copy that did not restore:\n%s", got)
		}
		if tab.Count("#kopie-download") != 1 {
			t.Error("no way to download the stored copy")
		}
	})

	t.Run("older version", func(t *testing.T) {
		tab := b.NewTab(t)
		openChecklist(t, tab, s.URL+uppPage)
		raw := answerFile(t, "upp", "0.1.0", map[string]any{"wet": "Wmo 2015", "doel-gekoppeld": "misschien", "vervallen-vraag": "ja"})
		seedStorage(t, tab, uppKey, raw)
		openChecklist(t, tab, s.URL+uppPage)
		tab.WaitVisible("#importmelding")
		msg := tab.Text("#importmelding")
		for _, want := range []string{"doel-gekoppeld", "vervallen-vraag", "passen niet meer"} {
			if !strings.Contains(msg, want) {
				t.Errorf("message %q does not list %q as a dropped answer", msg, want)
			}
		}
		if got := fieldValue(t, tab, "wet"); got != "Wmo 2015" {
			t.Errorf("the answer that fits was not restored: wet = %q", got)
		}
		typeInto(tab, "wet", " art. 2")
		if got := stored(t, tab, uppKey); got != raw {
			t.Fatalf("a keystroke overwrote the stored copy before the visitor decided:\n%s", got)
		}
	})
}

// TestTrustTooLargeAnswers (issue 8, item 5): with more than 2 MB in a field,
// every operation says it failed, and no download, stored copy or result
// pretends otherwise.
func TestTrustTooLargeAnswers(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	downloads := t.TempDir()
	setDownloads(t, tab, downloads)
	openChecklist(t, tab, s.URL+uppPage)
	typeInto(tab, "wet", "Wmo 2015")
	tab.Click("#bewaar-op-apparaat")
	good := stored(t, tab, uppKey)
	if !strings.Contains(good, "Wmo 2015") {
		t.Fatalf("opting in did not store the answers: %q", good)
	}
	tab.Click("#afronden")
	// A value set by a script (or many fields together) is not held back by maxlength.
	browsertest.Eval[bool](tab, `(() => { const e = document.querySelector('#checklist [name="taak"]'); e.value = 'x'.repeat(2200000); e.dispatchEvent(new Event('input', {bubbles: true})); return true; })()`)
	if got := stored(t, tab, uppKey); got != good {
		t.Errorf("the good stored copy was replaced by %.100q", got)
	}
	if stored(t, tab, "deelwijzer:upp:verouderd") == "" {
		t.Error("the stored copy is not marked as older than the screen")
	}
	if txt := textOf(tab, "#bewaard-sinds"); !strings.Contains(txt, "Niet bewaard") {
		t.Errorf("save status = %q, want it to say the work is not saved", txt)
	}

	tab.Click("#exporteer-json")
	if msg := textOf(tab, "#importmelding"); !strings.Contains(msg, "niet gelukt") || !strings.Contains(msg, "te groot") {
		t.Errorf("Download antwoorden: message %q does not say it failed and why", msg)
	}
	tab.Click("#exporteer-md")
	if msg := textOf(tab, "#importmelding"); !strings.Contains(msg, "verslag is niet gelukt") {
		t.Errorf("Download verslag: message %q does not say it failed", msg)
	}
	time.Sleep(1500 * time.Millisecond)
	if files, _ := filepath.Glob(filepath.Join(downloads, "*")); len(files) > 0 {
		t.Errorf("a failed download still saved files: %v", files)
	}

	tab.Click("#afronden")
	if browsertest.Eval[bool](tab, `!document.getElementById('resultaat').hidden`) {
		t.Error("Controleer en rond af shows the earlier result although the answers cannot be checked")
	}
	tab.WaitVisible("#foutoverzicht")
	if txt := tab.Text("#foutoverzicht"); !strings.Contains(txt, "niet gelukt") {
		t.Errorf("error summary = %q, want it to say finishing failed", txt)
	}
	if got := stored(t, tab, uppKey); got != good {
		t.Errorf("the good stored copy was replaced by %.100q", got)
	}
}

// TestTrustLeaveWarning (issue 8, item 6): unsaved work makes leaving ask
// first; saved work does not; the page says when it was last saved.
func TestTrustLeaveWarning(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	setDownloads(t, tab, t.TempDir())
	openChecklist(t, tab, s.URL+uppPage)
	typeInto(tab, "wet", "Wmo 2015")
	if txt := textOf(tab, "#bewaard-sinds"); txt != "Niet bewaard sinds uw laatste wijziging." {
		t.Errorf("save status = %q", txt)
	}
	if !leave(t, tab, s.URL, false) {
		t.Fatal("leaving with unsaved answers did not ask first")
	}
	if got := fieldValue(t, tab, "wet"); got != "Wmo 2015" {
		t.Fatalf("after staying on the page the answer is %q", got)
	}
	tab.Click("#exporteer-json")
	if txt := textOf(tab, "#bewaard-sinds"); !strings.HasPrefix(txt, "Laatst bewaard om ") {
		t.Errorf("after downloading, save status = %q", txt)
	}
	if leave(t, tab, s.URL, true) {
		t.Error("leaving after downloading the answers still asked")
	}

	// Kept on the device: leaving does not ask either.
	openChecklist(t, tab, s.URL+uppPage)
	typeInto(tab, "wet", "Jeugdwet")
	tab.Click("#bewaar-op-apparaat")
	typeInto(tab, "wet", " art. 7")
	if txt := textOf(tab, "#bewaard-sinds"); !strings.HasPrefix(txt, "Laatst bewaard om ") {
		t.Errorf("with device storage, save status = %q", txt)
	}
	if leave(t, tab, s.URL+uppPage, true) {
		t.Error("leaving with every change stored on the device still asked")
	}
}

// TestTrustTwoTabs (issue 8, item 7): two tabs of one checklist do not
// overwrite each other silently, and a wipe in one is not undone by a
// keystroke in the other.
func TestTrustTwoTabs(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	a := b.NewTab(t)
	openChecklist(t, a, s.URL+uppPage)
	typeInto(a, "wet", "Uit tab A")
	a.Click("#bewaar-op-apparaat")
	tb := b.NewTab(t)
	openChecklist(t, tb, s.URL+uppPage)
	if got := fieldValue(t, tb, "wet"); got != "Uit tab A" {
		t.Fatalf("tab B did not restore the stored copy: %q", got)
	}
	typeInto(tb, "taak", "Uit tab B")
	if !strings.Contains(stored(t, tb, uppKey), "Uit tab B") {
		t.Fatal("tab B did not store its change")
	}
	if msg := waitText(t, a, "#importmelding", "ander tabblad"); !strings.Contains(msg, "ander tabblad") {
		t.Errorf("tab A was not told about the other tab: %q", msg)
	}
	typeInto(a, "wet", " en meer")
	if strings.Contains(stored(t, a, uppKey), "en meer") {
		t.Error("tab A overwrote what tab B stored")
	}

	if msg := textOf(tb, "#importmelding"); msg != "" {
		t.Logf("tab B before the wipe: %q", msg)
	}
	// Wis alles in tab A wins.
	a.Click("#wis-alles")
	a.Click("#wis-ja")
	if got := stored(t, a, uppKey); got != "" {
		t.Fatalf("after Wis alles the stored copy is still there: %q", got)
	}
	// The storage event reaches tab B on its own time: wait for what it says.
	if msg := waitText(t, tb, "#importmelding", "gewist"); !strings.Contains(msg, "gewist") {
		t.Errorf("tab B was not told about the wipe: %q", msg)
	}
	typeInto(tb, "taak", " nog een toets")
	if got := stored(t, tb, uppKey); got != "" {
		t.Errorf("a keystroke in tab B wrote back what Wis alles in tab A removed: %.100q", got)
	}
	if browsertest.Eval[bool](tb, `document.getElementById('bewaar-op-apparaat').checked`) {
		t.Error("tab B still shows that it stores on this device")
	}
}

// TestTrustOwnDataOnly (issue 8, item 8): unticking and Wis alles remove only
// this checklist's data; the privacy page lists everything and removes it all
// after confirmation.
func TestTrustOwnDataOnly(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openChecklist(t, tab, s.URL+uppPage)
	other := answerFile(t, "samenwerking", "1.0.0", map[string]any{})
	const otherKey = "deelwijzer:samenwerking:antwoorden"
	seedStorage(t, tab, otherKey, other)
	seedStorage(t, tab, "iets-anders", "blijft")

	typeInto(tab, "wet", "Wmo 2015")
	tab.Click("#bewaar-op-apparaat")
	tab.Click("#bewaar-op-apparaat") // untick
	if got := stored(t, tab, otherKey); got != other {
		t.Fatal("unticking on upp removed the stored answers of another checklist")
	}
	tab.Click("#bewaar-op-apparaat")
	tab.Click("#wis-alles")
	tab.Click("#wis-ja")
	if got := stored(t, tab, otherKey); got != other {
		t.Fatal("Wis alles on upp removed the stored answers of another checklist")
	}
	if got := stored(t, tab, uppKey); got != "" {
		t.Fatal("Wis alles left upp's own stored answers")
	}

	typeInto(tab, "wet", "Jeugdwet")
	tab.Click("#bewaar-op-apparaat")
	tab.Go(s.URL + "privacy/")
	tab.WaitVisible("#opslag-lijst li")
	list := tab.Text("#opslag-lijst")
	for _, want := range []string{"UPP", "Samenwerking", "23 november 2026"} {
		if !strings.Contains(strings.ToLower(list), strings.ToLower(want)) {
			t.Errorf("privacy page list %q does not mention %q", list, want)
		}
	}
	if n := tab.Count("#opslag-lijst li"); n != 2 {
		t.Errorf("privacy page lists %d entries, want 2:\n%s", n, list)
	}
	tab.Click("#opslag-wis")
	tab.WaitVisible("#opslag-bevestiging")
	axeClean(t, tab, "privacy page, asking to remove everything")
	if stored(t, tab, uppKey) == "" {
		t.Fatal("the data went before the visitor confirmed")
	}
	tab.Click("#opslag-ja")
	if n := browsertest.Eval[int](tab, `Object.keys(localStorage).filter(k => k.startsWith('deelwijzer:')).length`); n != 0 {
		t.Errorf("after removing everything %d entries remain", n)
	}
	if got := stored(t, tab, "iets-anders"); got != "blijft" {
		t.Errorf("the privacy page removed a key that is not Deelwijzer's")
	}
	if txt := tab.Text("#opslag-samenvatting"); !strings.Contains(txt, "niets") {
		t.Errorf("after removing, summary = %q", txt)
	}
}

// TestTrustImportConfirmAndUndo (issue 8, item 10): a file does not replace
// answers on screen without asking, and the previous answers can be put back.
func TestTrustImportConfirmAndUndo(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openChecklist(t, tab, s.URL+uppPage)
	file := filepath.Join(t.TempDir(), "collega.json")
	os.WriteFile(file, []byte(answerFile(t, "upp", uppVersion(t, tab), map[string]any{"wet": "Uit het bestand"})), 0o600)
	choose := func() {
		if err := chromedp.Do(tab.Ctx, chromedp.SetUploadFiles(chromedp.CSS("#importeer"), []string{file})); err != nil {
			t.Fatal(err)
		}
	}
	typeInto(tab, "wet", "Mijn eigen werk")
	choose()
	tab.WaitVisible("#import-bevestiging")
	if got := fieldValue(t, tab, "wet"); got != "Mijn eigen werk" {
		t.Fatalf("the file replaced the answers before the visitor confirmed: %q", got)
	}
	axeClean(t, tab, "asking before an import")
	tab.Click("#import-nee")
	if got := fieldValue(t, tab, "wet"); got != "Mijn eigen werk" {
		t.Fatalf("after Annuleren the answer is %q", got)
	}
	choose()
	tab.WaitVisible("#import-bevestiging")
	tab.Click("#import-ja")
	if got := fieldValue(t, tab, "wet"); got != "Uit het bestand" {
		t.Fatalf("after confirming the answer is %q", got)
	}
	tab.WaitVisible("#import-terug")
	if txt := tab.Text("#import-terug"); txt != "Vorige antwoorden terugzetten" {
		t.Errorf("undo button says %q", txt)
	}
	tab.Click("#import-terug")
	if got := fieldValue(t, tab, "wet"); got != "Mijn eigen werk" {
		t.Errorf("after undo the answer is %q", got)
	}
}

// quotaScript makes localStorage act full once the test sets
// sessionStorage "test-vol": every write throws QuotaExceededError, or with
// "groot" only writes longer than 60 characters (a small mark still fits).
const quotaScript = `(() => {
  const orig = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    const mode = sessionStorage.getItem('test-vol');
    if (this === window.localStorage && (mode === 'alles' || (mode === 'groot' && String(v).length > 60))) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return orig.call(this, k, v);
  };
})();`

// TestTrustQuotaFull (issue 8, item 12): a full quota is named, nothing is
// unticked, and an older copy never comes back as if it were current.
func TestTrustQuotaFull(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	b := browsertest.NewBrowser(t)
	for _, mode := range []string{"alles", "groot"} {
		t.Run(mode, func(t *testing.T) {
			tab := b.NewTab(t)
			if _, err := chromedp.Call(tab.Ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: quotaScript}); err != nil {
				t.Fatal(err)
			}
			openChecklist(t, tab, s.URL+uppPage)
			browsertest.Eval[bool](tab, `(localStorage.clear(), true)`)
			openChecklist(t, tab, s.URL+uppPage)
			typeInto(tab, "wet", "Oud")
			tab.Click("#bewaar-op-apparaat")
			if !strings.Contains(stored(t, tab, uppKey), "Oud") {
				t.Fatal("opting in did not store the answers")
			}
			browsertest.Eval[bool](tab, `(sessionStorage.setItem('test-vol', '`+mode+`'), true)`)
			typeInto(tab, "wet", " en nieuw")
			status := textOf(tab, "#bewaarstatus") + " " + textOf(tab, "#bewaard-sinds")
			if !strings.Contains(status, "opslag van de browser is vol") {
				t.Errorf("status %q does not name the full storage", status)
			}
			if strings.Contains(status, "staat het niet toe") {
				t.Errorf("status %q blames the browser instead of the full storage", status)
			}
			if !browsertest.Eval[bool](tab, `(() => { const c = document.getElementById('bewaar-op-apparaat'); return c.checked && !c.disabled; })()`) {
				t.Error("the storage box was unticked or disabled")
			}
			if !leave(t, tab, s.URL+uppPage, true) {
				t.Error("leaving with answers that could not be stored did not ask first")
			}
			tab.WaitReady(`html[data-engine="ready"]`)
			got := fieldValue(t, tab, "wet")
			msg := ""
			if browsertest.Eval[bool](tab, `!document.getElementById('importmelding').hidden`) {
				msg = tab.Text("#importmelding")
			}
			if got == "Oud" && !strings.Contains(msg, "kon niet meer worden bewaard") {
				t.Errorf("the older copy came back as if it were current (message %q)", msg)
			}
			if mode == "groot" && got != "Oud" {
				t.Errorf("with room for a small mark the older copy should come back, marked; got %q", got)
			}
			t.Logf("%s: restored %q, message %q", mode, got, msg)
		})
	}
}
