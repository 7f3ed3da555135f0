package main

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// A Chrome trace of one cold load shows where the main thread's time goes
// before DOMContentLoaded, before the first question is interactive and before
// the engine is ready: HTML parsing, style and layout, script compile and run
// (the engine's WebAssembly runs inside script), WebAssembly compilation,
// garbage collection. The CPU profile (jsprofile.go) names functions; the
// trace names phases, also those outside JavaScript.

// traceCategories are those of the DevTools performance panel.
var traceCategories = []string{
	"devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.wasm",
	"disabled-by-default-v8.compile", "blink.user_timing", "loading", "toplevel",
}

// traceEvent is one event of the JSON trace format.
type traceEvent struct {
	Name string          `json:"name"`
	Cat  string          `json:"cat"`
	Ph   string          `json:"ph"`
	Ts   float64         `json:"ts"`  // µs
	Dur  float64         `json:"dur"` // µs, for ph "X"
	Pid  int             `json:"pid"`
	Tid  int             `json:"tid"`
	Args json.RawMessage `json:"args"`
}

func (pl *pageLoad) startTrace() error {
	pl.mu.Lock()
	pl.traceDone = make(chan struct{})
	pl.trace = nil
	pl.mu.Unlock()
	_, err := chromedp.Call(pl.ctx, tracing.Start, tracing.StartParams{
		TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig:  &tracing.TraceConfig{IncludedCategories: traceCategories},
	})
	return err
}

// stopTrace ends the trace and returns its events.
func (pl *pageLoad) stopTrace() ([]traceEvent, error) {
	if _, err := chromedp.Call(pl.ctx, tracing.End, cdp.Empty{}); err != nil {
		return nil, err
	}
	select {
	case <-pl.traceDone:
	case <-time.After(20 * time.Second):
		return nil, errors.New("the trace did not complete")
	}
	pl.mu.Lock()
	defer pl.mu.Unlock()
	return pl.trace, nil
}

// addTraceData is called from the page's event listener.
func (pl *pageLoad) addTraceData(values [][]byte) {
	for _, v := range values {
		var ev traceEvent
		if json.Unmarshal(v, &ev) == nil {
			pl.trace = append(pl.trace, ev)
		}
	}
}

// otherPhase is a task's time outside the named phases: the scheduler,
// messages between processes, and on a busy machine time the thread waited
// for a core while inside a task.
const otherPhase = "other (scheduler, IPC, waiting for a core)"

// phaseOf names the phase an event's own time belongs to; "" for events
// that are only containers (a task, a function call counts as script).
func phaseOf(name string) string {
	switch {
	case name == "ParseHTML":
		return "HTML parse"
	case name == "ParseAuthorStyleSheet":
		return "CSS parse"
	case name == "UpdateLayoutTree" || name == "RecalculateStyles":
		return "style"
	case name == "Layout":
		return "layout"
	case name == "Paint" || name == "PrePaint" || name == "Layerize" || name == "UpdateLayer" ||
		name == "UpdateLayerTree" || name == "Commit" || name == "CompositeLayers" || name == "PaintImage":
		return "paint and composite"
	case strings.Contains(name, "GC") || name == "MinorGC" || name == "MajorGC":
		return "garbage collection"
	case strings.HasPrefix(name, "v8.wasm") || strings.HasPrefix(name, "wasm.") || strings.Contains(name, "Wasm") ||
		name == "FlushInstructionCache":
		return "WebAssembly compile and instantiate"
	case name == "v8.compile" || name == "V8.CompileCode" || name == "v8.compileModule" ||
		strings.HasPrefix(name, "V8.Compile") || name == "v8.parseOnBackground" || name == "V8.ParseProgram" ||
		name == "V8.ParseFunction" || name == "v8.produceCache":
		return "JavaScript parse and compile"
	case name == "EvaluateScript" || name == "v8.run" || name == "FunctionCall" || name == "v8.callFunction" ||
		name == "TimerFire" || name == "EventDispatch" || name == "FireAnimationFrame" || name == "RunMicrotasks" ||
		name == "v8.evaluateModule" || name == "V8.Execute" || name == "v8.callModuleMethod":
		return "script run (JavaScript and the engine's WebAssembly)"
	case name == "RunTask" || name == "ThreadControllerImpl::RunTask":
		return otherPhase
	}
	return ""
}

// mainThread finds the renderer main thread that parsed the page: the
// CrRendererMain thread with the most ParseHTML time.
func mainThread(events []traceEvent) (pid, tid int, ok bool) {
	names := map[[2]int]bool{}
	for _, e := range events {
		if e.Ph == "M" && e.Name == "thread_name" && strings.Contains(string(e.Args), "CrRendererMain") {
			names[[2]int{e.Pid, e.Tid}] = true
		}
	}
	parse := map[[2]int]float64{}
	for _, e := range events {
		if e.Name == "ParseHTML" && names[[2]int{e.Pid, e.Tid}] {
			parse[[2]int{e.Pid, e.Tid}] += e.Dur
		}
	}
	best := 0.0
	for k, v := range parse {
		if v > best {
			best, pid, tid, ok = v, k[0], k[1], true
		}
	}
	return pid, tid, ok
}

// navigationStart is the trace time (µs) of the main frame's navigation start.
func navigationStart(events []traceEvent, pid int) (float64, bool) {
	for _, e := range events {
		if e.Name == "navigationStart" && e.Pid == pid && strings.Contains(string(e.Args), `"isLoadingMainFrame":true`) {
			return e.Ts, true
		}
	}
	return 0, false
}

// phaseTimes adds up the main thread's own time per phase in the windows
// [0, ends[i]) ms from navigation start. Each complete event's own time is
// its duration less that of the events nested in it.
func phaseTimes(events []traceEvent, pid, tid int, nav float64, ends []float64) []map[string]float64 {
	out := make([]map[string]float64, len(ends))
	for i := range out {
		out[i] = map[string]float64{}
	}
	// Credit the time [from, to) (µs) to a phase in each window.
	ownTimes(events, pid, tid, func(phase string, from, to float64) {
		for i, end := range ends {
			lim := nav + end*1000
			if from < lim {
				out[i][phase] += (min(to, lim) - from) / 1000
			}
		}
	})
	return out
}

// ownTimes walks the complete events of one thread and calls credit with each
// stretch [from, to) (µs) of an event's own time (outside the events nested
// in it) and the phase it belongs to; a container without a phase of its own
// passes its container's on.
func ownTimes(events []traceEvent, pid, tid int, credit func(phase string, from, to float64)) {
	var xs []traceEvent
	for _, e := range events {
		if e.Pid == pid && e.Tid == tid && e.Ph == "X" && e.Dur > 0 {
			xs = append(xs, e)
		}
	}
	slices.SortFunc(xs, func(a, b traceEvent) int {
		if c := cmp.Compare(a.Ts, b.Ts); c != 0 {
			return c
		}
		return cmp.Compare(b.Dur, a.Dur) // the outer event first
	})
	add := func(phase string, from, to float64) {
		if to > from {
			credit(phase, from, to)
		}
	}
	type open struct {
		ev    traceEvent
		phase string
		mark  float64 // start of the part not yet credited
	}
	var stack []open
	closeUntil := func(t float64) {
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			end := top.ev.Ts + top.ev.Dur
			if end > t {
				return
			}
			add(top.phase, top.mark, end)
			stack = stack[:len(stack)-1]
			if len(stack) > 0 {
				stack[len(stack)-1].mark = end
			}
		}
	}
	for _, e := range xs {
		closeUntil(e.Ts)
		phase := phaseOf(e.Name)
		if len(stack) > 0 {
			parent := &stack[len(stack)-1]
			add(parent.phase, parent.mark, e.Ts)
			parent.mark = e.Ts + e.Dur
			if phase == "" {
				phase = parent.phase // a part of its container
			}
		}
		if phase == "" {
			phase = otherPhase
		}
		stack = append(stack, open{ev: e, phase: phase, mark: e.Ts})
	}
	closeUntil(1e300)
}

// traceProfile loads the page once with a trace and returns lines that say
// per phase how much main-thread time went before DOMContentLoaded, before
// the first question was interactive and before the engine was ready.
func (b *bench) traceProfile(br *browser, u string) []string {
	var pl *pageLoad
	pl, err := br.coldLoadWith(u, 30*time.Second, (*pageLoad).startTrace)
	if err != nil {
		return []string{"  " + err.Error()}
	}
	defer pl.Close()
	ready, dcl, err := pl.engineReady(20 * time.Second)
	var st startup
	if err == nil {
		st, err = pl.startupFigures(ready)
	}
	events, terr := pl.stopTrace()
	if err == nil {
		err = terr
	}
	if err != nil {
		return []string{"  " + err.Error()}
	}
	pid, tid, ok := mainThread(events)
	nav, okNav := navigationStart(events, pid)
	if !ok || !okNav {
		return []string{"  the trace has no renderer main thread with a navigation start"}
	}
	ends := []float64{dcl, st.FirstQuestion, ready}
	times := phaseTimes(events, pid, tid, nav, ends)
	phases := map[string]bool{}
	for _, m := range times {
		for p := range m {
			phases[p] = true
		}
	}
	var names []string
	for p := range phases {
		names = append(names, p)
	}
	last := times[len(times)-1]
	slices.SortFunc(names, func(a, b string) int { return cmp.Compare(last[b], last[a]) })
	lines := []string{
		fmt.Sprintf("  this load: DOMContentLoaded %s, first question interactive %s, engine ready %s; main-thread busy time from navigation start",
			ms(dcl), ms(st.FirstQuestion), ms(ready)),
		fmt.Sprintf("  %-56s %14s %16s %14s", "phase", "to DCL", "to first question", "to engine ready"),
	}
	total := make([]float64, len(ends))
	for _, p := range names {
		lines = append(lines, fmt.Sprintf("  %-56s %14s %16s %14s", p, ms(times[0][p]), ms(times[1][p]), ms(times[2][p])))
		for i := range ends {
			total[i] += times[i][p]
		}
	}
	lines = append(lines, fmt.Sprintf("  %-56s %14s %16s %14s", "main thread busy in all", ms(total[0]), ms(total[1]), ms(total[2])),
		"  the rest of each span the main thread is idle: waiting for the network or for other threads (WebAssembly compiles there too)")
	return lines
}
