package main

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// repeatFigures measures the checklist page on later visits, in a browser of its
// own so that the service worker of this step never touches the cold loads.
func (b *bench) repeatFigures() {
	g := b.r.group("Repeat visit of the checklist page (same browser profile after one visit: files from the service worker cache)")
	path := b.checklistPath(b.checklistIDs())
	if path == "" {
		g.failed("checklist page", fmt.Errorf("no checklist in the build"))
		return
	}
	br, err := startBrowser(b.o.chromium, filepath.Join(b.o.work, "chromium-profile-repeat"))
	if err != nil {
		g.failed("Chromium", err)
		return
	}
	defer br.cancel()
	srv, err := serveSite(b.site)
	if err != nil {
		g.failed("server", err)
		return
	}
	defer srv.Close()
	b.repeatVisits(br, srv, path, g)
}

// repeatVisits: a first visit in a fresh browser context installs the service
// worker, which keeps the whole build (make build writes its list); each later load
// opens a new tab in that same context, so the page, engine and scripts come from
// the device. Figures: DOMContentLoaded, first question interactive, engine ready,
// and how many requests still went to the network (target: none).
func (b *bench) repeatVisits(br *browser, srv *siteServer, path string, g *group) {
	progress("browser: repeat visits of %s from the service worker cache", path)
	u := srv.URL + strings.TrimPrefix(path, "/")
	first, err := br.coldLoad(u, 30*time.Second)
	if err != nil {
		g.failed("first visit", err)
		return
	}
	defer first.Close()
	files, err := eval[int](first, `navigator.serviceWorker.ready
		.then(() => caches.keys())
		.then((names) => Promise.all(names.filter((n) => n.startsWith('deelwijzer ')).map((n) => caches.open(n).then((c) => c.keys()))))
		.then((lists) => lists.reduce((sum, l) => sum + l.length, 0))`, 120*time.Second)
	if err == nil && files == 0 {
		err = fmt.Errorf("the service worker cached nothing (a build without cmd/precache?)")
	}
	if err != nil {
		g.failed("service worker cache after the first visit", err)
		return
	}
	g.info("files in the cache after the first visit", fmt.Sprint(files))
	var dcl, ready, firstQ []float64
	fromNetwork, longTasks := 0, 0
	var networkURLs []string // what went to the network, for the profile of a miss
	// The server's own count too: a Web Worker's script is reported to the worker,
	// not to the page, so only the server sees whether it came from the network.
	_, servedBefore := srv.servedSince(0)
	for i := 0; i < b.o.runs; i++ {
		pl := &pageLoad{byID: map[network.RequestID]int{}}
		listen := func(ev any) {
			pl.record(ev)
			if r, ok := ev.(*network.EventResponseReceived); ok && r.Response != nil && !r.Response.FromServiceWorker &&
				strings.HasPrefix(r.Response.URL, srv.URL) {
				pl.mu.Lock()
				fromNetwork++
				networkURLs = append(networkURLs, shortHash(strings.TrimPrefix(r.Response.URL, srv.URL)))
				pl.mu.Unlock()
			}
		}
		// A new tab in the first visit's browser context: same cache and worker.
		ctx, cancel := chromedp.NewContext(first.ctx, chromedp.WithListener(listen))
		pl.ctx, pl.cancel = ctx, cancel
		if err := chromedp.Do(ctx); err != nil {
			cancel()
			g.failed("open tab", err)
			return
		}
		if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: startupJS}); err != nil {
			cancel()
			g.failed("start-up probe", err)
			return
		}
		tctx, tcancel := context.WithTimeout(ctx, 30*time.Second)
		err := chromedp.Do(tctx, chromedp.Navigate(u))
		tcancel()
		if err == nil {
			var r, d float64
			if r, d, err = pl.engineReady(20 * time.Second); err == nil {
				var st startup
				if st, err = pl.startupFigures(r); err == nil {
					ready, dcl, firstQ = append(ready, r), append(dcl, d), append(firstQ, st.FirstQuestion)
					longTasks += st.LongTasks
				}
			}
		}
		pl.Close()
		if err != nil {
			g.failed("repeat visit", err)
			return
		}
	}
	// Requests the server answered during the repeat loads that the page's events
	// did not already count. The service worker's own update check (sw.js, which
	// the browser makes to find a newer build) is a request of the browser, not of
	// the page: it is shown apart.
	served, _ := srv.servedSince(servedBefore)
	updateChecks := 0
	for _, p := range served {
		name := strings.TrimPrefix(p, "/")
		switch {
		case name == "sw.js":
			updateChecks++
		case !slices.Contains(networkURLs, shortHash(name)):
			fromNetwork++
			networkURLs = append(networkURLs, shortHash(name)+" (seen by the server)")
		}
	}
	g.info("DOMContentLoaded", spread(summarize(dcl)))
	g.info("first question interactive (visible, and the next task ran)", spread(summarize(firstQ)))
	g.info("engine ready (dw-engine-ready mark)", spread(summarize(ready)))
	g.info("long tasks (> 50 ms) before the engine is ready", fmt.Sprintf("%d in %d loads", longTasks, len(ready)))
	g.check("requests answered by the network instead of the cache (page's events and the server's log)", fmt.Sprintf("%d in %d loads", fromNetwork, b.o.runs), "0", fromNetwork == 0)
	g.info("the service worker's update checks (sw.js) the server answered", fmt.Sprintf("%d in %d loads", updateChecks, b.o.runs))
	if fromNetwork > 0 {
		lines := []string{"  answered by the network instead of the service worker's cache:"}
		for _, u := range networkURLs {
			lines = append(lines, "    /"+u)
		}
		b.r.detail("Which requests of a repeat visit went to the network (target missed)", lines)
		b.r.detail("What was tried for repeat visits", repeatTried)
	}
}
