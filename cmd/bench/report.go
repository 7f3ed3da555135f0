package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
)

// Result of a figure against its target.
const (
	statusOK     = "ok"
	statusMissed = "MISSED"
	statusFailed = "FAILED" // could not be measured
	statusInfo   = ""
)

// Each figure says how it was obtained.
const (
	howMeasured = "measured" // timed, or counted from what a browser or tool received
	howComputed = "computed" // arithmetic on other figures, or a file compressed here
)

type row struct {
	Name, Value, Target, Status string
	How                         string // howMeasured or howComputed; "" for a failure
}

type group struct {
	Title string
	Rows  []row
}

// report collects figures in groups and detail blocks (breakdowns) and prints
// them as one table at the end, so progress lines on stderr never mix in.
type report struct {
	mu      sync.Mutex
	groups  []*group
	details []string
}

func (r *report) group(title string) *group {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, g := range r.groups {
		if g.Title == title {
			return g
		}
	}
	g := &group{Title: title}
	r.groups = append(r.groups, g)
	return g
}

func (g *group) info(name, value string) {
	g.Rows = append(g.Rows, row{name, value, "", statusInfo, howMeasured})
}

// computed marks the figure added last as arithmetic rather than measured.
func (g *group) computed() { g.Rows[len(g.Rows)-1].How = howComputed }

func (g *group) failed(name string, err error) {
	msg := err.Error()
	if len(msg) > 120 {
		msg = msg[:117] + "..."
	}
	g.Rows = append(g.Rows, row{name, msg, "", statusFailed, ""})
}

// atMost adds a figure with an upper target.
func (g *group) atMost(name, value string, got, limit float64, target string) {
	status := statusOK
	if got > limit {
		status = statusMissed
	}
	g.Rows = append(g.Rows, row{name, value, "≤ " + target, status, howMeasured})
}

func (g *group) check(name, value, target string, ok bool) {
	status := statusOK
	if !ok {
		status = statusMissed
	}
	g.Rows = append(g.Rows, row{name, value, target, status, howMeasured})
}

func (r *report) detail(title string, lines []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.details = append(r.details, title+"\n"+strings.Join(lines, "\n"))
}

func (r *report) missed() []row {
	var out []row
	for _, g := range r.groups {
		for _, rw := range g.Rows {
			if rw.Status == statusMissed || rw.Status == statusFailed {
				out = append(out, row{g.Title + ": " + rw.Name, rw.Value, rw.Target, rw.Status, rw.How})
			}
		}
	}
	return out
}

func width(s string) int { return len([]rune(s)) }

func pad(s string, n int) string {
	if d := n - width(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

func (r *report) print(w io.Writer, header []string) {
	nameW, valueW, targetW := 6, 5, 6
	for _, g := range r.groups {
		for _, rw := range g.Rows {
			nameW = max(nameW, width(rw.Name)+2)
			valueW = max(valueW, width(rw.Value))
			targetW = max(targetW, width(rw.Target))
		}
	}
	line := strings.Repeat("─", nameW+valueW+targetW+22)
	for _, h := range header {
		fmt.Fprintln(w, h)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%s  %s  %s  %s  %s\n", pad("figure", nameW), pad("value", valueW), pad("how", 8), pad("target", targetW), "result")
	fmt.Fprintln(w, line)
	for _, g := range r.groups {
		fmt.Fprintln(w, g.Title)
		for _, rw := range g.Rows {
			fmt.Fprintf(w, "%s  %s  %s  %s  %s\n", pad("  "+rw.Name, nameW), pad(rw.Value, valueW), pad(rw.How, 8), pad(rw.Target, targetW), rw.Status)
		}
	}
	fmt.Fprintln(w, line)
	if m := r.missed(); len(m) > 0 {
		fmt.Fprintf(w, "%d figure(s) missed or failed:\n", len(m))
		for _, rw := range m {
			fmt.Fprintf(w, "  %s %s: %s (target %s)\n", rw.Status, rw.Name, rw.Value, rw.Target)
		}
	} else {
		fmt.Fprintln(w, "every figure meets its target")
	}
	for _, d := range r.details {
		fmt.Fprintln(w)
		fmt.Fprintln(w, d)
	}
}

// exitCode is what bench exits with: with -strict a missed or failed figure
// fails the run, for those who want a gate; otherwise bench only reports.
func (r *report) exitCode(strict bool) int {
	if strict && len(r.missed()) > 0 {
		return 1
	}
	return 0
}
