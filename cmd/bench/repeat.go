package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// repeatVisits measures a page on later visits. A first visit in a fresh browser
// context installs the service worker, which keeps the whole build (make build
// writes its list); each later load opens a new tab in that same context, so the
// page, engine and scripts come from the device. Figures: DOMContentLoaded, engine
// ready, and how many requests still went to the network.
func (b *bench) repeatVisits(br *browser, srv *siteServer, path string) {
	progress("browser: repeat visits of %s from the service worker cache", path)
	g := b.r.group("Repeat visit of " + path + " (same browser profile after one visit: files from the service worker cache)")
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
	var dcl, ready []float64
	fromNetwork := 0
	for i := 0; i < b.o.runs; i++ {
		pl := &pageLoad{byID: map[network.RequestID]int{}}
		listen := func(ev any) {
			pl.record(ev)
			if r, ok := ev.(*network.EventResponseReceived); ok && r.Response != nil && !r.Response.FromServiceWorker &&
				strings.HasPrefix(r.Response.URL, srv.URL) {
				pl.mu.Lock()
				fromNetwork++
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
		tctx, tcancel := context.WithTimeout(ctx, 30*time.Second)
		err := chromedp.Do(tctx, chromedp.Navigate(u))
		tcancel()
		if err == nil {
			var r, d float64
			if r, d, err = pl.engineReady(20 * time.Second); err == nil {
				ready, dcl = append(ready, r), append(dcl, d)
			}
		}
		pl.Close()
		if err != nil {
			g.failed("repeat visit", err)
			return
		}
	}
	g.info("DOMContentLoaded (the whole form on screen)", spread(summarize(dcl)))
	g.info("engine ready (dw-engine-ready mark)", spread(summarize(ready)))
	g.check("requests answered by the network instead of the cache", fmt.Sprintf("%d in %d loads", fromNetwork, b.o.runs), "0", fromNetwork == 0)
}
