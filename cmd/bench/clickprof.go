package main

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// Where the time of a click goes, from a Chrome trace over the timed clicks of
// one load: reevaluate.js leaves user-timing marks around each timed click
// (from the click to the frame drawn after it) and each engine call, and the
// main thread's own time in each click is split by phase (trace.go), with
// script time inside an engine call counted as the engine's.

// Phases of a click beside those of phaseOf.
const (
	enginePhase     = "engine call (evaluate: WebAssembly, answers in, state out)"
	pageScriptPhase = "page script (handlers, reading the form, DOM updates)"
	idlePhase       = "main thread idle (waiting for the frame; other threads)"
)

// scriptPhase is phaseOf's phase for running script.
var scriptPhase = phaseOf("FunctionCall")

// span is a stretch of trace time [From, To) in µs.
type span struct{ From, To float64 }

// clickSpans reads the marks of reevaluate.js: the timed clicks and the engine
// calls, in trace time, and the thread that made them (the page's main
// thread). A mark may appear more than once in a trace (as an instant and as
// a mark event); it counts once.
func clickSpans(events []traceEvent) (clicks, engine []span, pid, tid int) {
	type mark struct {
		name string
		ts   float64
	}
	var marks []mark
	seen := map[mark]bool{}
	for _, e := range events {
		switch e.Name {
		case "dw-click-start", "dw-click-frame", "dw-engine-start", "dw-engine-end":
			m := mark{e.Name, e.Ts}
			if e.Ph == "M" || seen[m] {
				continue
			}
			seen[m] = true
			marks = append(marks, m)
			if e.Name == "dw-click-start" && len(clicks) == 0 && pid == 0 {
				pid, tid = e.Pid, e.Tid
			}
		}
	}
	slices.SortStableFunc(marks, func(a, b mark) int { return cmp.Compare(a.ts, b.ts) })
	clickStart, engineStart := -1.0, -1.0
	for _, m := range marks {
		switch m.name {
		case "dw-click-start":
			clickStart = m.ts
		case "dw-click-frame":
			if clickStart >= 0 {
				clicks = append(clicks, span{clickStart, m.ts})
				clickStart = -1
			}
		case "dw-engine-start":
			engineStart = m.ts
		case "dw-engine-end":
			if engineStart >= 0 {
				engine = append(engine, span{engineStart, m.ts})
				engineStart = -1
			}
		}
	}
	return clicks, engine, pid, tid
}

// clickPhases adds up the main thread's own time per phase in each click, in
// ms: script inside an engine call is the engine's, other script the page's,
// and the part of the click in which the thread ran nothing is idle, so each
// click's phases add up to its length.
func clickPhases(events []traceEvent, pid, tid int, clicks, engine []span) []map[string]float64 {
	out := make([]map[string]float64, len(clicks))
	for i := range out {
		out[i] = map[string]float64{}
	}
	overlap := func(a, b span) float64 { return max(0, min(a.To, b.To)-max(a.From, b.From)) }
	ownTimes(events, pid, tid, func(phase string, from, to float64) {
		own := span{from, to}
		for i, c := range clicks {
			d := overlap(own, c)
			if d == 0 {
				continue
			}
			if phase == scriptPhase {
				part := span{max(from, c.From), min(to, c.To)}
				inEngine := 0.0
				for _, e := range engine {
					inEngine += overlap(part, e)
				}
				if inEngine > 0 {
					out[i][enginePhase] += inEngine / 1000
				}
				if d > inEngine {
					out[i][pageScriptPhase] += (d - inEngine) / 1000
				}
				continue
			}
			out[i][phase] += d / 1000
		}
	})
	for i, c := range clicks {
		busy := 0.0
		for _, v := range out[i] {
			busy += v
		}
		out[i][idlePhase] = max(0, (c.To-c.From)/1000-busy)
	}
	return out
}

// clickProfileLines prints the median and mean per click of each phase, and
// of the click itself: the means add up to the mean click, the medians need
// not.
func clickProfileLines(clicks []span, per []map[string]float64) []string {
	phases := map[string][]float64{}
	for _, m := range per {
		for p := range m {
			phases[p] = nil
		}
	}
	for p := range phases {
		for _, m := range per {
			phases[p] = append(phases[p], m[p]) // 0 where a click had none
		}
	}
	mean := func(xs []float64) float64 {
		sum := 0.0
		for _, x := range xs {
			sum += x
		}
		return sum / float64(max(1, len(xs)))
	}
	var names []string
	for p := range phases {
		if p != idlePhase {
			names = append(names, p)
		}
	}
	slices.SortFunc(names, func(a, b string) int {
		if c := cmp.Compare(mean(phases[b]), mean(phases[a])); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	if _, ok := phases[idlePhase]; ok {
		names = append(names, idlePhase)
	}
	row := func(name string, xs []float64) string {
		return fmt.Sprintf("  %-62s %10s %10s", name, ms(summarize(xs).Median), ms(mean(xs)))
	}
	lines := []string{fmt.Sprintf("  %-62s %10s %10s", "main thread, per click", "median", "mean")}
	for _, p := range names {
		lines = append(lines, row(p, phases[p]))
	}
	var lengths []float64
	for _, c := range clicks {
		lengths = append(lengths, (c.To-c.From)/1000)
	}
	return append(lines, row("click → next frame (the means above add up to its mean)", lengths))
}

// clickTrace loads the page once, and traces the clicks as the figure times
// them (5 untimed, then o.samples timed), to show where a click's time goes.
func (b *bench) clickTrace(br *browser, u, answers string) []string {
	fail := func(err error) []string { return []string{"  " + err.Error()} }
	pl, err := br.coldLoad(u, 30*time.Second)
	if err != nil {
		return fail(err)
	}
	defer pl.Close()
	if _, _, err := pl.engineReady(20 * time.Second); err != nil {
		return fail(err)
	}
	// A long page costs style and layout on every change.
	dom, err := eval[struct{ Elements, Controls int }](pl, `({Elements: document.getElementsByTagName('*').length,
		Controls: document.getElementById('checklist') ? document.getElementById('checklist').elements.length : 0})`, 5*time.Second)
	if err != nil {
		return fail(err)
	}
	if err := pl.startTrace(); err != nil {
		return fail(err)
	}
	_, runErr := pl.reevaluateMarked(answers, 5, b.o.samples, true)
	events, err := pl.stopTrace()
	if runErr != nil {
		return fail(runErr)
	}
	if err != nil {
		return fail(err)
	}
	clicks, engine, pid, tid := clickSpans(events)
	if len(clicks) == 0 {
		return fail(fmt.Errorf("the trace has no dw-click-start/dw-click-frame marks"))
	}
	lines := []string{fmt.Sprintf("  one cold load, %d timed clicks; the page has %d elements, %d form controls",
		len(clicks), dom.Elements, dom.Controls)}
	return append(lines, clickProfileLines(clicks, clickPhases(events, pid, tid, clicks, engine))...)
}
