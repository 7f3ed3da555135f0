//go:build browser

package browser

import (
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"deelwijzer/internal/browsertest"
	"deelwijzer/internal/precache"
)

// TestOffline: after one visit the service worker has every file of the build; with
// the network gone every page loads, search finds, and a checklist can be filled in
// and exported. A new build published meanwhile installs once the network is back,
// while every page keeps showing the old build whole; the open page says so, and
// switches only when the visitor asks and no other page of the site is open. At a
// subpath (every page) and at the root (one page of each kind).
//
// Every wait is bounded: the Tab helpers by tab.Timeout, the waits for the worker by
// their own deadline; no sleep stands in for a result.
func TestOffline(t *testing.T) {
	src := publicDir(t)
	for _, pfx := range []string{prefix, "/"} {
		name := strings.Trim(pfx, "/")
		if name == "" {
			name = "root"
		}
		t.Run(name, func(t *testing.T) { offlineRun(t, src, pfx, pfx == prefix) })
	}
}

// marker is in every page of the second build only.
const marker = `<meta name="dw-testbuild" content="B">`

// workerWait bounds the waits for the service worker (installing a whole build).
const workerWait = 90 * time.Second

type offlineSite struct {
	t       *testing.T
	b       *browsertest.Browser
	tab     *browsertest.Tab
	s       *browsertest.Server
	offline *atomic.Bool
}

func offlineRun(t *testing.T, src, pfx string, everyPage bool) {
	tmp := t.TempDir()
	a := filepath.Join(tmp, "a")
	copyDir(t, src, a)
	mA, err := precache.Write(a)
	if err != nil {
		t.Fatal(err)
	}
	// The server serves whatever the link points to, so a new build is published
	// by swapping the link, as a host swaps a directory.
	live := filepath.Join(tmp, "live")
	if err := os.Symlink(a, live); err != nil {
		t.Fatal(err)
	}
	var offline atomic.Bool
	s := browsertest.Serve(t, live, pfx, browsertest.ServeOptions{Quiet: true, Hook: func(w http.ResponseWriter, r *http.Request) bool {
		if offline.Load() {
			// No answer at all: the connection drops, as without a network.
			panic(http.ErrAbortHandler)
		}
		return false
	}})
	b := browsertest.NewBrowser(t)
	tab := b.NewTab(t)
	o := &offlineSite{t: t, b: b, tab: tab, s: s, offline: &offline}

	// First visit: the worker installs with the whole build in one cache.
	tab.Go(s.URL)
	st := o.cacheState()
	if st.Scope != s.URL {
		t.Errorf("service worker scope %s, want the site's root %s", st.Scope, s.URL)
	}
	if want := []string{"deelwijzer " + s.URL + " " + mA.Version}; !slices.Equal(st.Caches, want) {
		t.Fatalf("caches %q, want %q", st.Caches, want)
	}
	if len(st.Keys) != len(mA.Files) {
		t.Fatalf("the cache holds %d files, the build lists %d", len(st.Keys), len(mA.Files))
	}
	t.Logf("service worker active; cache %s holds %d files", st.Caches[0], len(st.Keys))

	o.setOffline(true)
	pages := htmlPages(t, a)
	checklists := checklistPages(t, a)
	if !everyPage {
		pages = []string{"", "werkwijze/stap-2/", "werkwijze/print.html", "partners/", "zoeken/", "privacy/", checklists[0]}
	}
	for _, page := range pages {
		o.loadPage(page, false)
	}
	if t.Failed() {
		return
	}
	t.Logf("offline: %d pages loaded from the device", len(pages))

	// Search finds pages from the cached index.
	tab.Go(s.URL + "zoeken/")
	tab.WaitVisible("form#zoeken #zoekterm")
	tab.Type("form#zoeken #zoekterm", "convenant")
	tab.Press(browsertest.KeyEnter)
	tab.WaitVisible("#zoekresultaten a")

	// A whole checklist, answered and exported, without a network.
	downloads := t.TempDir()
	setDownloads(t, tab, downloads)
	openChecklist(t, tab, s.URL+checklists[0])
	d := pageDefinition(t, tab)
	fillByKeyboard(t, tab, func(n int) string { return fmt.Sprintf("Offline regel %d", n) })
	tab.Click("#exporteer-json")
	if exp := readExport(t, waitDownload(t, downloads, d.ID+"-antwoorden-")); len(exp["answers"].(map[string]any)) == 0 {
		t.Error("the export made offline holds no answers")
	}
	// The privacy page lists the copy (and says it holds no answers).
	o.loadPage("privacy/", false)
	tab.WaitVisible("#opslag-offline")
	if got := tab.Text("#opslag-offline"); !strings.Contains(got, fmt.Sprintf("%d bestanden, zonder antwoorden", len(mA.Files))) {
		t.Errorf("privacy page on the offline copy: %q", got)
	}

	// A new build is published while the browser is offline: a changed engine file
	// name and a marker in every page.
	bDir := filepath.Join(tmp, "b")
	copyDir(t, a, bDir)
	engineA, engineB := newBuild(t, bDir)
	mB, err := precache.Write(bDir)
	if err != nil {
		t.Fatal(err)
	}
	if mB.Version == mA.Version {
		t.Fatal("the new build has the old version")
	}
	if err := os.Symlink(bDir, live+".new"); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(live+".new", live); err != nil {
		t.Fatal(err)
	}
	if eng := o.loadPage(checklists[0], false); eng != engineA {
		t.Errorf("offline after the new build was published: engine %s, want the cached %s", eng, engineA)
	}

	// Back online: the new build installs next to the old one and waits.
	o.setOffline(false)
	o.loadPage("", false)
	o.waitForNewBuild()
	t.Logf("new build %s installed and waiting", mB.Version)
	// Every page is still wholly the old build, and says a new version is there.
	for _, page := range []string{"zoeken/", checklists[0]} {
		if eng := o.loadPage(page, false); page == checklists[0] && eng != engineA {
			t.Errorf("while the new build waits: engine %s, want %s", eng, engineA)
		}
		tab.WaitVisible("#nieuwe-versie-laden")
	}
	axeClean(t, tab, "the note on a new version")
	if everyPage {
		// With a second page of the site open, switching would leave that page on a
		// build that is gone: the note asks to close it first, and nothing changes.
		other := b.NewTab(t)
		other.Go(s.URL + "werkwijze/")
		tab.Click("#nieuwe-versie-laden")
		o.waitFor(`document.querySelector('#nieuwe-versie p').textContent.includes('Sluit eerst het andere tabblad')`, "the note to ask to close the other tab")
		if eng := o.loadPage(checklists[0], false); eng != engineA {
			t.Errorf("with two pages open after the click: engine %s, want %s", eng, engineA)
		}
		if err := chromedp.Cancel(other.Ctx); err != nil {
			t.Fatalf("close the second tab: %v", err)
		}
		o.loadPage(checklists[0], false)
		tab.WaitVisible("#nieuwe-versie-laden")
	}
	// The one open page switches on the visitor's click: it reloads once, wholly new.
	tab.Click("#nieuwe-versie-laden")
	o.waitFor(`!!document.querySelector('meta[name="dw-testbuild"]') && document.documentElement.dataset.engine === 'ready'`, "the page of the new build with its engine")
	if eng := o.pageView().Engine; eng != s.URL+engineB {
		t.Errorf("after the switch the checklist page uses engine %s, want %s", eng, s.URL+engineB)
	}
	if n := tab.Count("#nieuwe-versie"); n != 0 {
		t.Error("the new build still says there is a new version")
	}
	st = o.cacheState()
	if want := []string{"deelwijzer " + s.URL + " " + mB.Version}; !slices.Equal(st.Caches, want) {
		t.Errorf("caches after the update %q, want only %q", st.Caches, want)
	}
	if !slices.Contains(st.Keys, s.URL+engineB) || slices.Contains(st.Keys, s.URL+engineA) {
		t.Errorf("the cache does not hold exactly the new engine (%s, not %s)", engineB, engineA)
	}
	if n := browsertest.Eval[int](tab, `(async () => {
		const c = await caches.open((await caches.keys()).find(n => n.startsWith('deelwijzer ')));
		let old = 0;
		for (const r of await c.keys()) {
			const u = new URL(r.url);
			if (!u.pathname.endsWith('/') && !u.pathname.endsWith('.html')) continue;
			if (!(await (await c.match(r)).text()).includes('name="dw-testbuild"')) old++;
		}
		return old;
	})()`); n != 0 {
		t.Errorf("%d pages in the new cache are of the old build", n)
	}
	// And offline again, the new build works from the device.
	o.setOffline(true)
	if eng := o.loadPage(checklists[len(checklists)-1], true); eng != engineB {
		t.Errorf("offline after the update: engine %q", eng)
	}

	// The privacy page's wipe removes the copy and signs the worker off.
	o.setOffline(false)
	o.loadPage("privacy/", true)
	tab.WaitVisible("#opslag-offline")
	tab.Click("#opslag-wis")
	tab.Click("#opslag-ja")
	o.waitFor(`document.getElementById('opslag-status').textContent.startsWith('Alles wat Deelwijzer')`, "the wipe to finish")
	if left := browsertest.Eval[int](tab, `(async () => (await caches.keys()).filter(n => n.startsWith('deelwijzer ')).length + ((await navigator.serviceWorker.getRegistration()) ? 1 : 0))()`); left != 0 {
		t.Errorf("after the wipe %d caches or registrations of the site are left", left)
	}
}

type cacheState struct {
	Scope  string
	Caches []string
	Keys   []string
}

// cacheState waits until the service worker is active and returns its scope, this
// site's caches and the addresses in the first.
func (o *offlineSite) cacheState() cacheState {
	o.t.Helper()
	st, err := browsertest.EvalErr[cacheState](o.tab.Ctx, `(async () => {
		const reg = await navigator.serviceWorker.ready;
		const names = (await caches.keys()).filter(n => n.startsWith('deelwijzer '));
		const keys = names.length ? (await (await caches.open(names[0])).keys()).map(r => r.url) : [];
		return {Scope: reg.scope, Caches: names, Keys: keys};
	})()`, workerWait)
	if err != nil {
		o.t.Fatalf("service worker not active within %s: %v", workerWait, err)
	}
	return st
}

// waitForNewBuild asks the browser to look for a new build and waits until it is
// installed and waiting.
func (o *offlineSite) waitForNewBuild() {
	o.t.Helper()
	ok, err := browsertest.EvalErr[bool](o.tab.Ctx, `(async () => {
		const reg = await navigator.serviceWorker.ready;
		if (!reg.waiting && !reg.installing) await reg.update();
		const w = reg.waiting || reg.installing;
		if (!w) return false;
		if (w.state !== 'installed') {
			await new Promise((done) => w.addEventListener('statechange', () => {
				if (w.state === 'installed' || w.state === 'redundant') done();
			}));
		}
		return reg.waiting === w;
	})()`, workerWait)
	if err != nil || !ok {
		o.t.Fatalf("the new build was not installed and waiting within %s (%v)", workerWait, err)
	}
}

// waitFor polls expr in the tab until it is true, across reloads of the page, for at
// most tab.Timeout.
func (o *offlineSite) waitFor(expr, what string) {
	o.t.Helper()
	deadline := time.Now().Add(o.tab.Timeout)
	for {
		ok, err := browsertest.EvalErr[bool](o.tab.Ctx, expr, 2*time.Second)
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			o.t.Fatalf("waited %s for %s (last error: %v)", o.tab.Timeout, what, err)
		}
		time.Sleep(100 * time.Millisecond) // polling interval, not an assertion
	}
}

// setOffline cuts the network for the page and its service worker, and the server
// answers nothing, or restores both.
func (o *offlineSite) setOffline(off bool) {
	o.t.Helper()
	o.offline.Store(off)
	var conds []*network.Conditions
	if off {
		conds = []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}}
	}
	if _, err := chromedp.Call(o.tab.Ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &off, MatchedNetworkConditions: conds,
	}); err != nil {
		o.t.Fatalf("network conditions: %v", err)
	}
	if _, err := chromedp.Call(o.tab.Ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{
		Offline: off, DownloadThroughput: -1, UploadThroughput: -1,
	}); err != nil {
		o.t.Fatalf("network state: %v", err)
	}
}

type pageView struct {
	URL, Engine string
	New         bool
}

func (o *offlineSite) pageView() pageView {
	o.t.Helper()
	return browsertest.Eval[pageView](o.tab, `({URL: location.href, New: !!document.querySelector('meta[name="dw-testbuild"]'),
		Engine: document.getElementById('dw-engine')?.href || ''})`)
}

// loadPage loads a page and checks it is whole: its main content, no failed request,
// no page error, and on a checklist page a running engine. The page is of the new
// build exactly when it has the marker, and then its engine must be too; wantNew says
// which build the page must be. It returns the engine file the page loads ("" if none).
func (o *offlineSite) loadPage(page string, wantNew bool) string {
	o.t.Helper()
	tab := o.tab
	tab.ResetRequests()
	if err := tab.Navigate(o.s.URL + page); err != nil {
		o.t.Errorf("/%s: %v", page, err)
		return ""
	}
	tab.WaitReady("main")
	v := o.pageView()
	if v.URL != o.s.URL+page {
		o.t.Errorf("/%s: ended at %s", page, v.URL)
	}
	if v.Engine != "" {
		// A dossier page without a dossier on the device starts no module:
		// it says "none" once it is done.
		tab.WaitReady(`html[data-engine="ready"], html[data-engine="none"]`)
	}
	engine := strings.TrimPrefix(v.Engine, o.s.URL)
	if v.New != strings.Contains(engine, engineBName) && engine != "" {
		o.t.Errorf("/%s mixes builds: new page %v with engine %s", page, v.New, engine)
	}
	if wantNew != v.New {
		o.t.Errorf("/%s: new build %v, want %v", page, v.New, wantNew)
	}
	if problems := tab.RequestProblems(o.s.Origin, ""); len(problems) > 0 {
		o.t.Errorf("/%s: requests:\n  %s", page, strings.Join(problems, "\n  "))
	}
	if errs := tab.PageErrors(); len(errs) > 0 {
		o.t.Errorf("/%s: page errors:\n  %s", page, strings.Join(errs, "\n  "))
	}
	return engine
}

// engineBName is the fingerprint the new build's engine gets.
var engineBName = strings.Repeat("b", 96)

// newBuild turns the copy in dir into a new build: the engine under a new name (as a
// changed engine gets) and every page with the marker. It returns both engine paths.
func newBuild(t *testing.T, dir string) (oldEngine, newEngine string) {
	t.Helper()
	old, _ := filepath.Glob(filepath.Join(dir, "gen", "engine.*.wasm"))
	if len(old) != 1 {
		t.Fatalf("engine files: %v", old)
	}
	oldEngine = "gen/" + filepath.Base(old[0])
	newEngine = "gen/engine." + engineBName + ".wasm"
	if err := os.Rename(old[0], filepath.Join(dir, filepath.FromSlash(newEngine))); err != nil {
		t.Fatal(err)
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s := strings.ReplaceAll(string(data), filepath.Base(old[0]), filepath.Base(newEngine))
		s = strings.Replace(s, "<head>", "<head>"+marker, 1)
		return os.WriteFile(p, []byte(s), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return oldEngine, newEngine
}

// copyDir copies a built site, leaving out compressed copies (the test server does
// not serve them).
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
