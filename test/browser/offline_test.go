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
// and exported. A new build published meanwhile is picked up once the network is back,
// and never mixed with the old one. At a subpath (every page) and at the root (one
// page of each kind).
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

type offlineSite struct {
	t       *testing.T
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
	tab := browsertest.NewBrowser(t).NewTab(t)
	o := &offlineSite{t: t, tab: tab, s: s, offline: &offline}

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
		pages = []string{"", "werkwijze/stap-2/", "werkwijze/print.html", "partners/", "zoeken/", checklists[0]}
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

	// A new build is published while the browser is offline: a changed engine file
	// name and a marker in every page.
	b := filepath.Join(tmp, "b")
	copyDir(t, a, b)
	engineA, engineB := newBuild(t, b)
	mB, err := precache.Write(b)
	if err != nil {
		t.Fatal(err)
	}
	if mB.Version == mA.Version {
		t.Fatal("the new build has the old version")
	}
	if err := os.Symlink(b, live+".new"); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(live+".new", live); err != nil {
		t.Fatal(err)
	}
	if eng := o.loadPage(checklists[0], false); eng != engineA {
		t.Errorf("offline after the new build was published: engine %s, want the cached %s", eng, engineA)
	}

	// Back online: pages still come whole from the old build until the new one is
	// complete on the device; then the next page is wholly the new build.
	o.setOffline(false)
	o.loadPage("", false)
	deadline := time.Now().Add(90 * time.Second)
	for !browsertest.Eval[bool](tab, `navigator.serviceWorker.getRegistration().then(r => r.update().catch(() => {}).then(() => !!r.waiting))`) {
		if time.Now().After(deadline) {
			t.Fatal("the new build was not installed within 90 s of being online")
		}
		if eng := o.loadPage(checklists[0], false); eng != engineA {
			t.Errorf("before the new build is complete: engine %s, want %s", eng, engineA)
		}
		time.Sleep(time.Second)
	}
	t.Logf("new build %s installed and waiting; the page still shows build %s", mB.Version, mA.Version)
	if eng := o.loadPage(checklists[0], true); eng != engineB {
		t.Errorf("after the update the checklist page uses engine %s, want %s", eng, engineB)
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
	})()`, 90*time.Second)
	if err != nil {
		o.t.Fatalf("service worker not active within 90 s: %v", err)
	}
	return st
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
	if wantNew {
		// The hand-over answers with a reload of the same address.
		tab.WaitReady(`meta[name="dw-testbuild"]`)
	}
	tab.WaitReady("main")
	type view struct {
		URL, Engine string
		New         bool
	}
	v := browsertest.Eval[view](tab, `({URL: location.href, New: !!document.querySelector('meta[name="dw-testbuild"]'),
		Engine: document.getElementById('dw-engine')?.href || ''})`)
	if v.URL != o.s.URL+page {
		o.t.Errorf("/%s: ended at %s", page, v.URL)
	}
	if v.Engine != "" {
		tab.WaitReady(`html[data-engine="ready"]`)
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
