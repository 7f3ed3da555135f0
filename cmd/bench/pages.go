package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// pageType is one kind of page whose cold load is measured.
type pageType struct {
	Name string
	Path string // site path
}

// transfer is what one cold load received, as the browser counted it.
type transfer struct {
	Total    int // bytes received, headers included
	Requests int
	Wasm     int      // bytes received for the engine's .wasm
	Lines    []string // per resource, for the breakdown
	Missing  []string // requests that map to no file
	Failed   []string // requests without a 2xx/3xx answer, or that did not finish
	PerFile  map[string]int
}

// transfer sums what the browser received for each request of one cold load
// (Chromium's encodedDataLength: the body as sent, compressed or not, plus
// headers). A request that got no good answer makes the figure FAILED: the
// page would be broken, and its bytes would be missing from the sum.
func (b *bench) transfer(base string, reqs []recordedRequest) transfer {
	t := transfer{PerFile: map[string]int{}}
	for _, rq := range reqs {
		t.Requests++
		name := strings.TrimPrefix(rq.URL, base)
		if rq.Status < 200 || rq.Status >= 400 || !rq.Finished {
			t.Failed = append(t.Failed, fmt.Sprintf("%s (HTTP %d)", shortHash(name), rq.Status))
		}
		t.Total += rq.Received
		file, ok := siteFile(b.site, base, rq.URL)
		if !ok {
			t.Missing = append(t.Missing, rq.URL+" (not on the site's origin)")
			continue
		}
		rel, _ := filepath.Rel(b.site, file)
		t.PerFile[rel] += rq.Received
		if strings.HasSuffix(rel, ".wasm") {
			t.Wasm += rq.Received
		}
		raw := "-"
		if info, err := os.Stat(file); err == nil {
			raw = kb(int(info.Size()))
		}
		enc := rq.Encoding
		if enc == "" {
			enc = "none"
		}
		line := fmt.Sprintf("    %-44s %10s raw %10s received (%s)", shortHash(filepath.ToSlash(rel)), raw, kb(rq.Received), enc)
		if rq.Note != "" {
			line += "; " + rq.Note
		}
		t.Lines = append(t.Lines, line)
	}
	return t
}

var fingerprint = regexp.MustCompile(`\.([0-9a-f]{8})[0-9a-f]{24,}\.`)

// shortHash shortens the fingerprint in a file name to its first 8 digits.
func shortHash(name string) string {
	return fingerprint.ReplaceAllString(name, ".$1….")
}

func firstPage(site, section string) string {
	entries, _ := os.ReadDir(filepath.Join(site, section))
	for _, e := range entries {
		if e.IsDir() {
			if _, err := os.Stat(filepath.Join(site, section, e.Name(), "index.html")); err == nil {
				return "/" + section + "/" + e.Name() + "/"
			}
		}
	}
	return ""
}

func (b *bench) checklistPath(ids []string) string {
	if slices.Contains(ids, "samenwerking") {
		return "/checklists/samenwerking/"
	}
	if len(ids) > 0 {
		return "/checklists/" + ids[0] + "/"
	}
	return ""
}

func (b *bench) browserFigures() {
	progress("browser: sizes and timings of cold loads")
	gs := b.r.group("Cold load, bytes the browser received (.br with Content-Encoding: br as served, headers included)")
	gt := b.r.group("Browser times (headless Chromium, 127.0.0.1, cold cache)")
	br, err := startBrowser(b.o.chromium, filepath.Join(b.o.work, "chromium-profile"))
	if err != nil {
		gt.failed("Chromium", err)
		return
	}
	defer br.cancel()
	srv, err := serveSite(b.site)
	if err != nil {
		gt.failed("server", err)
		return
	}
	defer srv.Close()

	ids := b.checklistIDs()
	pages := []pageType{
		{"home", "/"},
		{"guidance step", "/werkwijze/stap-2/"},
		{"partner page", firstPage(b.site, "partners")},
		{"checklist page", b.checklistPath(ids)},
	}
	if b.o.only == "startup" {
		// A targeted run: the checklist page's start-up only.
		pages = pages[len(pages)-1:]
	}
	for _, p := range pages {
		if p.Path == "" {
			gs.failed(p.Name, fmt.Errorf("no such page in the build"))
			continue
		}
		b.measurePage(br, srv, p, gs, gt)
	}
	if b.o.only == "startup" {
		return
	}
	b.memoryFigures(br, srv, ids)
	ga := b.r.group("Re-evaluation after one answer (the engine in its Web Worker: main-thread time per click, the worker's answer, and the frames)")
	for _, id := range ids {
		b.reevaluation(br, srv.URL, srv.URL+"checklists/"+id+"/", id, "null", ga, shippedChecklist)
	}
	if slices.Contains(ids, "samenwerking") {
		// The same form with one step shown (steps.js hides the others): the
		// figure beside the whole checklist's says what a shorter view saves.
		b.reevaluation(br, srv.URL, srv.URL+"checklists/samenwerking/stap-1/", "samenwerking, step page stap-1/ (one step shown)", "null", ga, stepPage)
	}
	b.clickFloor(br, ga)
	if b.clickMissed {
		b.r.detail("What was tried for click → next frame", clickTried)
	}
}

// clickFloorJS clicks the radios of a page with no script of its own, timed as
// reevaluate.js times a click (right after a frame is drawn, to the next frame).
const clickFloorJS = `(async (samples) => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const radios = Array.from(document.querySelectorAll('input[type=radio]'));
  const times = [];
  for (let i = 0; i < samples + 5; i++) {
    await frame();
    const t0 = performance.now();
    radios[i % radios.length].click();
    await frame();
    if (i >= 5) times.push(performance.now() - t0);
  }
  return times;
})`

const clickFloorPage = "<!doctype html><html lang=nl><meta charset=utf-8><title>Vloer</title>" +
	"<fieldset><legend>Vraag</legend><label><input type=radio name=v value=ja> Ja</label> <label><input type=radio name=v value=nee> Nee</label></fieldset>"

// clickFloor measures the floor of "click → next frame" as the bench times it: a
// page with two radios and no script. The click comes right after a frame, so the
// next frame is up to one display interval away (16.7 ms at 60 Hz) whatever the
// page does: the figures of the checklists are read against this one.
func (b *bench) clickFloor(br *browser, g *group) {
	progress("browser: click → next frame on a page without script (the method's floor)")
	dir, err := os.MkdirTemp(b.o.work, "floor-")
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "index.html"), []byte(clickFloorPage), 0o644)
	}
	if err != nil {
		g.failed("click floor", err)
		return
	}
	srv, err := serveSite(dir)
	if err != nil {
		g.failed("click floor", err)
		return
	}
	defer srv.Close()
	var times []float64
	for i := 0; i < b.o.runs; i++ {
		pl, err := br.coldLoad(srv.URL, 30*time.Second)
		if err != nil {
			g.failed("click floor", err)
			return
		}
		t, err := eval[[]float64](pl, fmt.Sprintf("%s(%d)", clickFloorJS, b.o.samples), 60*time.Second)
		pl.Close()
		if err != nil {
			g.failed("click floor", err)
			return
		}
		times = append(times, t...)
	}
	f := summarize(times)
	g.info("floor: click to the next frame on a page with two radios and no script", fmt.Sprintf("median %s, p95 %s (n=%d)", ms(f.Median), ms(f.P95), f.N))
}

// measurePage loads a page o.runs times in fresh browser contexts: the first
// load gives the transferred bytes, every load a time.
func (b *bench) measurePage(br *browser, srv *siteServer, p pageType, gs, gt *group) {
	u := srv.URL + strings.TrimPrefix(p.Path, "/")
	isChecklist := strings.HasPrefix(p.Path, "/checklists/")
	var dcl, ready, after, first, longest []float64
	longTasks := 0
	for i := 0; i < b.o.runs; i++ {
		pl, err := br.coldLoad(u, 30*time.Second)
		if err != nil {
			gt.failed(p.Name+" "+p.Path, err)
			return
		}
		if isChecklist {
			r, d, err := pl.engineReady(20 * time.Second)
			if err != nil {
				pl.Close()
				gt.failed(p.Name+": engine ready", err)
				return
			}
			ready, after, dcl = append(ready, r), append(after, r-d), append(dcl, d)
			st, err := pl.startupFigures(r)
			if err != nil {
				pl.Close()
				gt.failed(p.Name+": first question interactive", err)
				return
			}
			first, longest = append(first, st.FirstQuestion), append(longest, st.LongestTask)
			longTasks += st.LongTasks
		} else if d, err := pl.domContentLoaded(); err == nil {
			dcl = append(dcl, d)
		}
		if i == 0 {
			// Late requests (the engine's fetch) are done once the engine is
			// ready; a short pause catches anything that trails the load event.
			time.Sleep(300 * time.Millisecond)
			b.sizeRow(gs, p, srv.URL, srv.fromServer(pl.requests()))
		}
		pl.Close()
	}
	if !isChecklist {
		gt.info(p.Name+" "+p.Path+": DOMContentLoaded", spread(summarize(dcl)))
	} else {
		sd := summarize(dcl)
		gt.atMost(p.Name+" "+p.Path+": DOMContentLoaded", spread(sd), sd.Median, targetDCL, ms(targetDCL)+" (median)")
		sf := summarize(first)
		gt.atMost(p.Name+": first question interactive (visible, and the next task ran)", spread(sf), sf.Median, targetFirstQuestion, ms(targetFirstQuestion)+" (median)")
		s := summarize(ready)
		gt.atMost(p.Name+": engine ready (dw-engine-ready mark)", spread(s), s.Median, targetEngineReady, ms(targetEngineReady)+" (median)")
		gt.info(p.Name+": engine ready after DOMContentLoaded", spread(summarize(after)))
		gt.computed()
		// Where DOMContentLoaded goes: the same page without its scripts is the
		// HTML parser and the stylesheet alone.
		var bare []float64
		for i := 0; i < b.o.runs; i++ {
			pl, err := br.coldLoadWith(u, 30*time.Second, (*pageLoad).disableScripts)
			if err != nil {
				gt.failed(p.Name+": without JavaScript", err)
				break
			}
			if d, err := pl.domContentLoaded(); err == nil {
				bare = append(bare, d)
			}
			pl.Close()
		}
		gt.info(p.Name+": DOMContentLoaded without JavaScript (HTML and CSS alone)", spread(summarize(bare)))
		sl := summarize(longest)
		gt.check(p.Name+": long tasks (> 50 ms) before the engine is ready", fmt.Sprintf("%d in %d loads (longest %s)", longTasks, len(longest), ms(sl.Max)), "none", longTasks == 0)
		if s.Median > targetEngineReady || longTasks > 0 || sd.Median > targetDCL || sf.Median > targetFirstQuestion {
			b.r.detail("Where the checklist page's start-up time goes (targets missed): Chrome trace of one cold load, main thread",
				b.traceProfile(br, u))
			b.profileStart(br, u)
			b.r.detail("What was tried for the start-up targets", startupTried)
		}
	}
	if p.Name == "guidance step" {
		if n, err := br.scriptlessText(u); err != nil {
			gs.failed(p.Name+": without JavaScript", err)
		} else {
			gs.check(p.Name+": readable without JavaScript", fmt.Sprintf("%d characters of text in <main>", n), "content without JS", n > 500)
		}
	}
}

func (b *bench) sizeRow(g *group, p pageType, base string, reqs []recordedRequest) {
	t := b.transfer(base, reqs)
	value := fmt.Sprintf("%s in %d requests", kb(t.Total), t.Requests)
	lines := append([]string{}, t.Lines...)
	for _, m := range t.Missing {
		lines = append(lines, "    not counted: "+m)
	}
	b.r.detail(fmt.Sprintf("Requests of a cold load of %s (%s), bytes as received", p.Path, p.Name), lines)
	if len(t.Failed) > 0 {
		g.failed(p.Name+" "+p.Path, fmt.Errorf("%s; failed: %s", value, strings.Join(t.Failed, ", ")))
		return
	}
	switch p.Name {
	case "checklist page":
		b.checklistTotal = t.Total
		b.checklistFiles = t.PerFile
		g.atMost(p.Name+" "+p.Path, value, float64(t.Total), targetChecklistPage, kb(targetChecklistPage))
		if t.Total > targetChecklistPage {
			b.r.detail("What was tried for the checklist page's bytes (the requests above show where they go)", checklistBytesTried)
		}
	case "guidance step":
		g.atMost(p.Name+" "+p.Path, value, float64(t.Total), targetGuidancePage, kb(targetGuidancePage))
		if t.Total > targetGuidancePage {
			b.r.detail("What was tried for the guidance page's bytes (the requests above show where they go)", guidanceBytesTried)
		}
	default:
		g.info(p.Name+" "+p.Path, value)
	}
	if p.Name == "checklist page" && b.floorBrotli > 0 && t.Wasm > 0 {
		// Arithmetic: the measured load with the engine's received bytes
		// replaced by the floor module's brotli size.
		gf := b.r.group("Ratio to the floor (the same page with a syscall/js-only Go module)")
		floorTotal := t.Total - t.Wasm + b.floorBrotli
		gf.info("checklist page with the floor module instead of the engine", kb(floorTotal))
		gf.computed()
		gf.info("checklist page against that floor", fmt.Sprintf("%.2f× (+%s)", float64(t.Total)/float64(floorTotal), kb(t.Total-floorTotal)))
		gf.computed()
	}
}

// reevalKind says which targets a re-evaluation figure is held to.
type reevalKind int

const (
	shippedChecklist   reevalKind = iota // click → next frame ≤ targetClickFrame
	syntheticChecklist                   // re-evaluation p95 ≤ targetReevaluateP95
	stepPage                             // for comparison with the whole checklist
)

// reevaluation times clicks on a checklist page over o.runs cold loads. The
// engine runs in a Web Worker: what a click costs the page's main thread (its
// handlers, and drawing the engine's outcome when it comes) is held to the
// re-evaluation target; the time until the outcome is on screen is shown beside it.
func (b *bench) reevaluation(br *browser, base, u, name, answers string, g *group, kind reevalKind) {
	checked := kind == syntheticChecklist
	progress("browser: re-evaluation on %s", name)
	var handlers, answer, apply, mainThread, toFrame, toOutcome, afterDCL []float64
	for i := 0; i < b.o.runs; i++ {
		pl, err := br.coldLoad(u, 30*time.Second)
		if err != nil {
			g.failed(name, err)
			return
		}
		ready, dcl, err := pl.engineReady(20 * time.Second)
		if err != nil {
			pl.Close()
			g.failed(name+": engine ready", err)
			return
		}
		afterDCL = append(afterDCL, ready-dcl)
		ct, err := pl.reevaluate(answers, 5, b.o.samples)
		pl.Close()
		if err != nil {
			g.failed(name, err)
			return
		}
		handlers, answer, apply = append(handlers, ct.Handlers...), append(answer, ct.Answer...), append(apply, ct.Apply...)
		for j := range ct.Handlers {
			mainThread = append(mainThread, ct.Handlers[j]+ct.Apply[j])
		}
		toFrame, toOutcome = append(toFrame, ct.Frame...), append(toOutcome, ct.Outcome...)
	}
	m, h, a, ap, f, o := summarize(mainThread), summarize(handlers), summarize(answer), summarize(apply), summarize(toFrame), summarize(toOutcome)
	value := fmt.Sprintf("median %s, p95 %s (n=%d)", ms(m.Median), ms(m.P95), m.N)
	if checked {
		g.atMost(name+": main thread per re-evaluation", value, m.P95, targetReevaluateP95, ms(targetReevaluateP95)+" p95")
		b.reevalMissed = m.P95 > targetReevaluateP95
	} else {
		g.info(name+": main thread per re-evaluation", value)
	}
	g.computed() // the sum, per click, of two measured stretches
	if checked && b.reevalMissed {
		b.profileClicks(br, u, answers)
		b.r.detail("What was tried for re-evaluation p95", reevaluationTried)
	}
	// Where a click's time goes: the click's own handlers (reading the form,
	// posting it to the worker) and drawing the outcome (visibility, progress,
	// findings, warnings) are the main thread's; the engine works in its worker.
	g.info("  of which the click's handlers", fmt.Sprintf("median %s, p95 %s", ms(h.Median), ms(h.P95)))
	g.info("  of which drawing the engine's outcome", fmt.Sprintf("median %s, p95 %s", ms(ap.Median), ms(ap.P95)))
	g.info("  click → the engine's answer back from its worker", fmt.Sprintf("median %s, p95 %s", ms(a.Median), ms(a.P95)))
	// What the visitor sees: the click drawn, then the outcome. Includes waiting
	// for the display's next frame (up to 16.7 ms at 60 Hz; the trace's idle row
	// shows it). The target is for the shipped checklists.
	frameName, frameValue := "  click to the next frame (style, layout, paint)", fmt.Sprintf("median %s, p95 %s (n=%d)", ms(f.Median), ms(f.P95), f.N)
	frameMissed := f.Median > targetClickFrame
	if kind == shippedChecklist {
		g.atMost(frameName, frameValue, f.Median, targetClickFrame, ms(targetClickFrame)+" (median)")
		b.clickMissed = b.clickMissed || frameMissed
	} else {
		g.info(frameName, frameValue)
	}
	g.info("  click to the frame with the engine's outcome", fmt.Sprintf("median %s, p95 %s (n=%d)", ms(o.Median), ms(o.P95), o.N))
	// The trace of a step page is there to compare with a missed whole page.
	if (kind == shippedChecklist && frameMissed) || (checked && b.reevalMissed) || (kind == stepPage && b.clickMissed) {
		why := "target missed"
		if kind == stepPage {
			why = "to compare with the whole checklist"
		}
		b.r.detail("Where a click's time goes on "+name+" ("+why+"): Chrome trace of the timed clicks of one load, main thread",
			b.clickTrace(br, u, answers))
	}
	g.info("  engine ready after DOMContentLoaded", spread(summarize(afterDCL)))
}

// profileClicks records a JavaScript CPU profile of the clicks on one more
// load of the page, to show where re-evaluation time goes in the browser.
func (b *bench) profileClicks(br *browser, u, answers string) {
	title := "Where re-evaluation time goes in the browser (target missed): JavaScript CPU profile of 15 clicks on the synthetic checklist"
	pl, err := br.coldLoad(u, 30*time.Second)
	if err != nil {
		b.r.detail(title, []string{"  " + err.Error()})
		return
	}
	defer pl.Close()
	if _, _, err := pl.engineReady(20 * time.Second); err != nil {
		b.r.detail(title, []string{"  " + err.Error()})
		return
	}
	// Fill the form (and click once) before the profile starts, so that it
	// holds the clicks, not the probe's filling of 300 answers.
	if _, err := pl.reevaluate(answers, 0, 1); err != nil {
		b.r.detail(title, []string{"  " + err.Error()})
		return
	}
	lines, err := pl.jsProfile(func() error {
		_, err := pl.reevaluate("null", 0, 15)
		return err
	}, 15)
	if err != nil {
		lines = []string{"  " + err.Error()}
	}
	b.r.detail(title, lines)
}

// profileStart records a JavaScript CPU profile from navigation until the
// engine is ready, to show where start-up time goes (wasm compile shows as
// engine functions and V8 internals, the first DOM work by function).
func (b *bench) profileStart(br *browser, u string) {
	title := "Where engine start-up time goes (target missed): JavaScript CPU profile of one cold load until dw-engine-ready"
	pl, err := br.coldLoadWith(u, 30*time.Second, (*pageLoad).startProfile)
	var lines []string
	if err == nil {
		defer pl.Close()
		_, _, err = pl.engineReady(20 * time.Second)
		lines, err = pl.stopProfile(err, 15)
	}
	if err != nil {
		lines = []string{"  " + err.Error()}
	}
	b.r.detail(title, lines)
}

// memoryFigures loads every checklist once and reports the largest JS heap plus
// the engine's WebAssembly linear memory once the engine is ready.
func (b *bench) memoryFigures(br *browser, srv *siteServer, ids []string) {
	progress("browser: memory per checklist")
	g := b.r.group("Memory once the engine is ready (JS heaps in use after a GC, of the page and of the engine's worker, plus the engine's WebAssembly memory)")
	worst, worstID, lines := 0.0, "", []string{}
	for _, id := range ids {
		pl, err := br.coldLoad(srv.URL+"checklists/"+id+"/", 30*time.Second)
		if err == nil {
			_, _, err = pl.engineReady(20 * time.Second)
		}
		var js, wasm float64
		if err == nil {
			js, wasm, err = pl.memory()
		}
		if pl != nil {
			pl.Close()
		}
		if err != nil {
			g.failed("memory of "+id, err)
			return
		}
		lines = append(lines, fmt.Sprintf("    %-14s JS heaps (page and worker) %s + wasm memory %s = %s", id, mb(js), mb(wasm), mb(js+wasm)))
		if js+wasm > worst {
			worst, worstID = js+wasm, id
		}
	}
	b.r.detail("Memory per checklist once the engine is ready", lines)
	g.atMost("largest: "+worstID, mb(worst), worst, targetMemory, mb(targetMemory))
	if worst > targetMemory {
		b.r.detail("What was tried for memory (per checklist above: JS heap against the engine's memory)", memoryTried)
	}
}

func mb(x float64) string { return fmt.Sprintf("%.2f MB", x/1e6) }
