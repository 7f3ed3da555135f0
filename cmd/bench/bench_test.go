package main

import (
	"errors"
	"math"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSummarize(t *testing.T) {
	s := summarize([]float64{5, 1, 4, 2, 3})
	if s.N != 5 || s.Median != 3 || s.Min != 1 || s.Max != 5 {
		t.Errorf("summary = %+v", s)
	}
	if math.Abs(s.P95-4.8) > 1e-9 {
		t.Errorf("p95 = %v, want 4.8", s.P95)
	}
	if got := summarize(nil); got.N != 0 {
		t.Errorf("empty summary = %+v", got)
	}
	if got := summarize([]float64{7}); got.P95 != 7 || got.Median != 7 {
		t.Errorf("single value = %+v", got)
	}
}

func TestGoPackage(t *testing.T) {
	cases := map[string]string{
		"runtime.mallocgc":                     "runtime",
		"deelwijzer_checklist.__loader_.item":  "deelwijzer/checklist",
		"internal_runtime_maps.newarray":       "internal/runtime/maps",
		"deelwijzer/checklist.(*loader).item":  "deelwijzer/checklist",
		"type_.eq.deelwijzer_checklist.Option": "(type data)",
		"go_buildid":                           "(other)",
		"syscall_js.Value.Call":                "syscall/js",
	}
	for sym, want := range cases {
		if got := goPackage(sym); got != want {
			t.Errorf("goPackage(%q) = %q, want %q", sym, got, want)
		}
	}
}

// A module by hand: one imported function, two defined ones, and their names.
func TestAnalyzeWasm(t *testing.T) {
	section := func(id byte, body ...byte) []byte { return append([]byte{id, byte(len(body))}, body...) }
	str := func(s string) []byte { return append([]byte{byte(len(s))}, s...) }
	mod := []byte("\x00asm\x01\x00\x00\x00")
	imp := append([]byte{1}, str("go")...)
	imp = append(imp, str("debug")...)
	imp = append(imp, 0, 0) // func, type 0
	mod = append(mod, section(2, imp...)...)
	// code: 2 bodies of 3 and 5 bytes
	mod = append(mod, section(10, 2, 3, 0, 0, 0x0b, 5, 0, 0, 0, 0, 0x0b)...)
	names := []byte{2}
	names = append(names, 1)
	names = append(names, str("main.main")...)
	names = append(names, 2)
	names = append(names, str("runtime.gc")...)
	custom := append(str("name"), 1, byte(len(names)))
	custom = append(custom, names...)
	mod = append(mod, section(0, custom...)...)

	bd, err := analyzeWasm(mod)
	if err != nil {
		t.Fatal(err)
	}
	if len(bd.Packages) != 2 || bd.Packages[0].Package != "runtime" || bd.Packages[0].Raw != 5 || bd.Packages[1].Raw != 3 {
		t.Errorf("packages = %+v", bd.Packages)
	}
	if _, err := analyzeWasm([]byte("not wasm")); err == nil {
		t.Error("no error for a file that is not WebAssembly")
	}
}

func TestParseHugo(t *testing.T) {
	out := `Start building sites …
                  │ NL
──────────────────┼─────
 Pages            │ 83
 Paginator pages  │  0
 Static files     │  3
Total in 220 ms
`
	r, err := parseHugo(out)
	if err != nil {
		t.Fatal(err)
	}
	if r.Pages != 83 || r.Total != 220*time.Millisecond {
		t.Errorf("parsed %+v", r)
	}
	if _, err := parseHugo("ERROR something\n"); err == nil {
		t.Error("no error for output without totals")
	}
}

func TestParseBenchmarks(t *testing.T) {
	out := `goos: linux
BenchmarkEvaluate/synthetisch-2     	    2827	    129796 ns/op	   53168 B/op	     254 allocs/op
BenchmarkLoad/samenwerking-2 	     482	    691777.5 ns/op
PASS`
	got := parseBenchmarks(out)
	if len(got) != 2 {
		t.Fatalf("got %+v", got)
	}
	if got[0].Name != "Evaluate/synthetisch" || got[0].NsPerOp != 129796 || got[0].BytesPerOp != 53168 || got[0].Allocs != 254 {
		t.Errorf("first = %+v", got[0])
	}
	if got[1].Name != "Load/samenwerking" || got[1].NsPerOp != 691777.5 {
		t.Errorf("second = %+v", got[1])
	}
}

func TestSiteFile(t *testing.T) {
	site := t.TempDir()
	os.MkdirAll(filepath.Join(site, "werkwijze", "stap-2"), 0o755)
	os.WriteFile(filepath.Join(site, "werkwijze", "stap-2", "index.html"), nil, 0o644)
	base := "http://127.0.0.1:1234/"
	cases := map[string]string{
		base:                       filepath.Join(site, "index.html"),
		base + "werkwijze/stap-2/": filepath.Join(site, "werkwijze", "stap-2", "index.html"),
		base + "werkwijze/stap-2":  filepath.Join(site, "werkwijze", "stap-2", "index.html"),
		base + "css/a.css?x=1":     filepath.Join(site, "css", "a.css"),
		base + "../../etc/passwd":  filepath.Join(site, "etc", "passwd"),
	}
	for u, want := range cases {
		if got, ok := siteFile(site, base, u); !ok || got != want {
			t.Errorf("siteFile(%q) = %q, %v; want %q", u, got, ok, want)
		}
	}
	if _, ok := siteFile(site, base, "https://example.org/x.js"); ok {
		t.Error("a request to another origin maps to a file")
	}
}

func TestSnapshotSkipsBuildOutput(t *testing.T) {
	repo, dst := t.TempDir(), t.TempDir()
	for _, p := range []string{"Makefile", "public/index.html", "resources/_gen/x", "content/a.md", "static/pagefind/p.js", "static/logo.svg", "assets/gen/engine.wasm", "assets/js/checklist.js"} {
		os.MkdirAll(filepath.Join(repo, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(repo, p), []byte(p), 0o644)
	}
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	os.Chtimes(filepath.Join(repo, "content/a.md"), old, old)
	if err := snapshot(repo, filepath.Join(dst, "s")); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{"Makefile": true, "content/a.md": true, "static/logo.svg": true, "public/index.html": false, "resources/_gen/x": false, "static/pagefind/p.js": false, "assets/gen/engine.wasm": false, "assets/js/checklist.js": true} {
		_, err := os.Stat(filepath.Join(dst, "s", p))
		if (err == nil) != want {
			t.Errorf("%s copied = %v, want %v", p, err == nil, want)
		}
	}
	info, err := os.Stat(filepath.Join(dst, "s", "content/a.md"))
	if err != nil || !info.ModTime().Equal(old) {
		t.Errorf("modification time not kept: %v", info.ModTime())
	}
}

// TestReportMarksMissedAndFailed: each row gets its own status, on both sides
// of its target, a figure that could not be measured is FAILED, and -strict
// turns either into a failing exit.
func TestReportMarksMissedAndFailed(t *testing.T) {
	r := &report{}
	g := r.group("Sizes")
	g.atMost("page", "700 KB", 700, 650, "650 KB")
	g.atMost("wasm", "500 KB", 500, 520, "520 KB")
	g.atMost("exact", "520 KB", 520, 520, "520 KB")
	g.check("no JS", "yes", "readable", true)
	g.check("no JS 2", "no", "readable", false)
	g.info("raw", "2 MB")
	g.info("ratio", "1.5×")
	g.computed()
	g.failed("cold load", errors.New("404 for gen/engine.wasm.br"))
	want := map[string][2]string{ // name: status, how
		"page":      {statusMissed, howMeasured},
		"wasm":      {statusOK, howMeasured},
		"exact":     {statusOK, howMeasured},
		"no JS":     {statusOK, howMeasured},
		"no JS 2":   {statusMissed, howMeasured},
		"raw":       {statusInfo, howMeasured},
		"ratio":     {statusInfo, howComputed},
		"cold load": {statusFailed, ""},
	}
	for _, rw := range g.Rows {
		if w := want[rw.Name]; rw.Status != w[0] || rw.How != w[1] {
			t.Errorf("%s: status %q, how %q; want %q, %q", rw.Name, rw.Status, rw.How, w[0], w[1])
		}
	}
	var b strings.Builder
	r.print(&b, []string{"title"})
	out := b.String()
	// The printed table: each row ends with its own result.
	printed := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "  ") {
			continue
		}
		fields := strings.Fields(line)
		for name := range want {
			if strings.HasPrefix(line, "  "+name+"  ") {
				printed[name] = fields[len(fields)-1]
			}
		}
	}
	for name, w := range want {
		status := w[0]
		if status == statusInfo {
			continue
		}
		if printed[name] != status {
			t.Errorf("printed row %q ends in %q, want %q:\n%s", name, printed[name], status, out)
		}
	}
	for _, s := range []string{"≤ 650 KB", "3 figure(s) missed or failed", "MISSED Sizes: page: 700 KB", "FAILED Sizes: cold load: 404 for gen/engine.wasm.br", "computed"} {
		if !strings.Contains(out, s) {
			t.Errorf("report lacks %q:\n%s", s, out)
		}
	}
	if r.exitCode(false) != 0 || r.exitCode(true) != 1 {
		t.Errorf("exit codes %d (report only), %d (strict); want 0, 1", r.exitCode(false), r.exitCode(true))
	}
	ok := &report{}
	ok.group("Sizes").atMost("wasm", "500 KB", 500, 520, "520 KB")
	if ok.exitCode(true) != 0 {
		t.Error("strict run fails with every target met")
	}
}

func TestShortHash(t *testing.T) {
	in := "css/deelwijzer.min.6ad8d6e580e58eb92a7f9da78199a8678f0852e092a19faf2ee427ea5bcdd174d98a2a3c6d2c5a0713df03945701174f.css"
	if got, want := shortHash(in), "css/deelwijzer.min.6ad8d6e5….css"; got != want {
		t.Errorf("shortHash = %q, want %q", got, want)
	}
	if got := shortHash("werkwijze/stap-2/index.html"); got != "werkwijze/stap-2/index.html" {
		t.Errorf("a name without fingerprint changed: %q", got)
	}
}

// TestWasmFlagsMatchMakefile: the size breakdown builds the engine with the
// Makefile's compiler flags, so it describes the module that ships.
func TestWasmFlagsMatchMakefile(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	env := ""
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "WASM_ENV := "); ok {
			env = strings.TrimSpace(rest)
		}
	}
	if want := strings.Join(wasmEnv, " "); env != want {
		t.Errorf("Makefile WASM_ENV = %q, bench assumes %q: update wasmEnv", env, want)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "WASM_FLAGS := "); ok {
			// The breakdown keeps symbols (-ldflags=-w); everything else must
			// be what the Makefile ships with.
			if want := engineGCFlags + ` -ldflags="` + engineLDFlags + `"`; strings.TrimSpace(rest) != want {
				t.Errorf("Makefile WASM_FLAGS = %q, bench assumes %q: update engineGCFlags", rest, want)
			}
			return
		}
	}
	t.Fatal("no WASM_FLAGS line in the Makefile")
}

// TestSiteHandlerServesBrotli: a browser that accepts br gets the .br file with
// Content-Encoding: br and the original type; one that does not gets the file
// as is; a missing file is a 404.
func TestSiteHandlerServesBrotli(t *testing.T) {
	site := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("gen/engine.abc.wasm", "raw wasm bytes, long")
	write("gen/engine.abc.wasm.br", "br!")
	write("gen/engine.abc.wasm.gz", "gz!!")
	write("checklists/x/index.html", "<p>raw html</p>")
	write("checklists/x/index.html.br", "br html")
	write("css/a.css", "body{}")
	h := siteHandler(site)
	cases := []struct {
		path, accept     string
		status           int
		body, enc, ctype string
	}{
		{"/gen/engine.abc.wasm", "gzip, deflate, br, zstd", 200, "br!", "br", "application/wasm"},
		{"/gen/engine.abc.wasm", "gzip, deflate", 200, "gz!!", "gzip", "application/wasm"},
		{"/gen/engine.abc.wasm", "br;q=0, gzip", 200, "gz!!", "gzip", "application/wasm"},
		{"/gen/engine.abc.wasm", "", 200, "raw wasm bytes, long", "", "application/wasm"},
		{"/checklists/x/", "br", 200, "br html", "br", "text/html; charset=utf-8"},
		{"/checklists/x/", "", 200, "<p>raw html</p>", "", "text/html; charset=utf-8"},
		{"/css/a.css", "br", 200, "body{}", "", "text/css; charset=utf-8"},
		{"/gen/missing.wasm", "br", 404, "", "", ""},
	}
	for _, c := range cases {
		req := httptest.NewRequest("GET", c.path, nil)
		if c.accept != "" {
			req.Header.Set("Accept-Encoding", c.accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		res := rec.Result()
		if res.StatusCode != c.status {
			t.Errorf("%s (%q): status %d, want %d", c.path, c.accept, res.StatusCode, c.status)
			continue
		}
		if c.status != 200 {
			continue
		}
		if got := rec.Body.String(); got != c.body {
			t.Errorf("%s (%q): body %q, want %q", c.path, c.accept, got, c.body)
		}
		if got := res.Header.Get("Content-Encoding"); got != c.enc {
			t.Errorf("%s (%q): Content-Encoding %q, want %q", c.path, c.accept, got, c.enc)
		}
		if got := res.Header.Get("Content-Type"); got != c.ctype {
			t.Errorf("%s (%q): Content-Type %q, want %q", c.path, c.accept, got, c.ctype)
		}
	}
}

// TestTransferSumsReceivedAndFails: the cold-load figure is the sum of what
// the browser received, and a 404 or an unfinished request is listed as failed.
func TestTransferSumsReceivedAndFails(t *testing.T) {
	site := t.TempDir()
	if err := os.MkdirAll(filepath.Join(site, "gen"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "gen", "engine.wasm"), make([]byte, 5000), 0o644); err != nil {
		t.Fatal(err)
	}
	base := "http://127.0.0.1:1/"
	b := &bench{site: site, brotli: map[string]int{}}
	ok := []recordedRequest{
		{URL: base, Status: 200, Encoding: "br", Received: 1200, Finished: true},
		{URL: base + "gen/engine.wasm", Status: 200, Encoding: "br", Received: 900, Finished: true},
	}
	tr := b.transfer(base, ok)
	if tr.Total != 2100 || tr.Requests != 2 || tr.Wasm != 900 || len(tr.Failed) != 0 {
		t.Errorf("transfer = %+v, want 2100 bytes in 2 requests, 900 for the wasm, none failed", tr)
	}
	bad := append(ok,
		recordedRequest{URL: base + "gen/missing.js", Status: 404, Received: 150, Finished: true},
		recordedRequest{URL: base + "css/a.css", Status: 200, Received: 0, Finished: false})
	tr = b.transfer(base, bad)
	if len(tr.Failed) != 2 || !strings.Contains(tr.Failed[0], "gen/missing.js (HTTP 404)") {
		t.Errorf("failed = %q, want the 404 and the unfinished request", tr.Failed)
	}
	r := &report{}
	g := r.group("Cold load")
	b.r = r
	b.sizeRow(g, pageType{"checklist page", "/checklists/x/"}, base, bad)
	if len(g.Rows) != 1 || g.Rows[0].Status != statusFailed {
		t.Errorf("rows = %+v, want one FAILED row", g.Rows)
	}
}

// TestPhaseTimes: a task's own time goes to its phase, time in nested events
// to theirs, and each window counts only what ran before its end.
func TestPhaseTimes(t *testing.T) {
	const nav = 1000.0 // µs
	x := func(name string, startMS, durMS float64) traceEvent {
		return traceEvent{Name: name, Ph: "X", Ts: nav + startMS*1000, Dur: durMS * 1000, Pid: 1, Tid: 2}
	}
	events := []traceEvent{
		x("RunTask", 0, 10), x("ParseHTML", 1, 6), x("EvaluateScript", 2, 2), // parse 4, script 2, other 4
		x("RunTask", 20, 30), x("Layout", 20, 25), // layout 25, other 5
		x("ParseHTML", 100, 5), // on another thread: not counted
	}
	events[len(events)-1].Tid = 3
	got := phaseTimes(events, 1, 2, nav, []float64{10, 30, 1000})
	want := []map[string]float64{
		{"HTML parse": 4, "script run (JavaScript and the engine's WebAssembly)": 2, otherPhase: 4},
		{"HTML parse": 4, "script run (JavaScript and the engine's WebAssembly)": 2, otherPhase: 4, "layout": 10},
		{"HTML parse": 4, "script run (JavaScript and the engine's WebAssembly)": 2, otherPhase: 9, "layout": 25},
	}
	for i := range want {
		for phase, ms := range want[i] {
			if d := got[i][phase] - ms; d > 1e-9 || d < -1e-9 {
				t.Errorf("window %d, %s: %.3f ms, want %.3f", i, phase, got[i][phase], ms)
			}
		}
		if len(got[i]) != len(want[i]) {
			t.Errorf("window %d: phases %v, want %v", i, got[i], want[i])
		}
	}
}

// TestClickPhases: the marks bound the clicks and engine calls; script inside
// an engine call is the engine's, the rest the page's; time outside the clicks
// is not counted, and what the thread did not run in a click is idle, so each
// click's phases add up to its length.
func TestClickPhases(t *testing.T) {
	x := func(name string, startMS, durMS float64) traceEvent {
		return traceEvent{Name: name, Ph: "X", Ts: startMS * 1000, Dur: durMS * 1000, Pid: 1, Tid: 2}
	}
	mark := func(name string, atMS float64) traceEvent {
		return traceEvent{Name: name, Cat: "blink.user_timing", Ph: "R", Ts: atMS * 1000, Pid: 1, Tid: 2}
	}
	events := []traceEvent{
		x("Layout", 0, 5), // before the first click: not counted
		// Click 1: 0-20 ms from 10 ms. Event dispatch 10-16 with the engine
		// 11-14; style 16-17; layout 17-19; paint 25-27; idle the rest.
		mark("dw-click-start", 10), x("EventDispatch", 10, 6), mark("dw-engine-start", 11),
		x("FunctionCall", 11, 3), mark("dw-engine-end", 14),
		x("UpdateLayoutTree", 16, 1), x("Layout", 17, 2), x("Paint", 25, 2), mark("dw-click-frame", 30),
		// Click 2: 40-50 ms, a minor GC inside script, and a layout that runs
		// past the frame mark (only its part inside counts).
		mark("dw-click-start", 40), x("FunctionCall", 40, 4), x("MinorGC", 41, 1),
		x("Layout", 48, 4), mark("dw-click-frame", 50),
		x("Layout", 40, 2), // another thread: not counted
	}
	events[len(events)-1].Tid = 3
	events = append(events, mark("dw-click-start", 10)) // the same mark twice counts once
	clicks, engine, pid, tid := clickSpans(events)
	if pid != 1 || tid != 2 {
		t.Fatalf("thread %d/%d, want 1/2", pid, tid)
	}
	if want := []span{{10000, 30000}, {40000, 50000}}; !slices.Equal(clicks, want) {
		t.Fatalf("clicks %v, want %v", clicks, want)
	}
	if want := []span{{11000, 14000}}; !slices.Equal(engine, want) {
		t.Fatalf("engine calls %v, want %v", engine, want)
	}
	got := clickPhases(events, pid, tid, clicks, engine)
	want := []map[string]float64{
		{enginePhase: 3, pageScriptPhase: 3, "style": 1, "layout": 2, "paint and composite": 2, idlePhase: 9},
		{pageScriptPhase: 3, "garbage collection": 1, "layout": 2, idlePhase: 4},
	}
	for i := range want {
		sum := 0.0
		for phase, v := range got[i] {
			sum += v
			if d := v - want[i][phase]; d > 1e-9 || d < -1e-9 {
				t.Errorf("click %d, %s: %.3f ms, want %.3f", i, phase, v, want[i][phase])
			}
		}
		if length := (clicks[i].To - clicks[i].From) / 1000; math.Abs(sum-length) > 1e-9 {
			t.Errorf("click %d: phases add up to %.3f ms, the click is %.3f", i, sum, length)
		}
		if len(got[i]) != len(want[i]) {
			t.Errorf("click %d: phases %v, want %v", i, got[i], want[i])
		}
	}
	lines := clickProfileLines(clicks, got)
	if last := lines[len(lines)-1]; !strings.Contains(last, " 15 ms") { // mean of 20 and 10
		t.Errorf("last line %q, want the mean click 15 ms", last)
	}
	if idle := lines[len(lines)-2]; !strings.HasPrefix(strings.TrimSpace(idle), "main thread idle") || !strings.Contains(idle, "6.50 ms") {
		t.Errorf("second to last line %q, want the idle row with mean 6.5 ms", idle)
	}
}

// TestPrecompressedMissing: a copy counts as missing only when that encoding
// would be smaller than the file; other files are not looked at.
func TestPrecompressedMissing(t *testing.T) {
	dir := t.TempDir()
	text := strings.Repeat("body { margin: 0 } ", 200)
	write := func(name, data string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("js/site.js", text)
	write("js/site.js.br", "x") // only .br: its .gz is missing
	write("css/main.css", text)
	write("css/main.css.br", "x")
	write("css/main.css.gz", "x")
	write("a.txt", "x") // does not shrink: no copy needed
	write("logo.png", text)
	files, missing, err := precompressedMissing(dir)
	if err != nil {
		t.Fatal(err)
	}
	if files != 3 || !slices.Equal(missing, []string{"js/site.js.gz"}) {
		t.Errorf("%d files, missing %v; want 3 files, missing [js/site.js.gz]", files, missing)
	}
}
