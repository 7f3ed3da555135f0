package main

import (
	"bufio"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// benchLine is one result line of `go test -bench`.
type benchLine struct {
	Name               string
	NsPerOp            float64
	BytesPerOp, Allocs int
}

var benchRe = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op(?:\s+(\d+) B/op)?(?:\s+(\d+) allocs/op)?`)

func parseBenchmarks(out string) []benchLine {
	var lines []benchLine
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		m := benchRe.FindStringSubmatch(strings.TrimSpace(sc.Text()))
		if m == nil {
			continue
		}
		ns, _ := strconv.ParseFloat(m[2], 64)
		bl := benchLine{Name: strings.TrimPrefix(m[1], "Benchmark"), NsPerOp: ns}
		bl.BytesPerOp, _ = strconv.Atoi(m[3])
		bl.Allocs, _ = strconv.Atoi(m[4])
		lines = append(lines, bl)
	}
	return lines
}

func formatNs(ns float64) string {
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms/op", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs/op", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns/op", ns)
}

// engineBenchmarks runs the engine's Go benchmarks (checklist/bench_test.go) in
// the repository, natively: a lower bound for the same work in WebAssembly.
// When re-evaluation missed its target, it also profiles the evaluation of
// the synthetic checklist and prints the top functions.
func (b *bench) engineBenchmarks() {
	g := b.r.group("Engine unit benchmarks (go test -bench ./checklist/, native " + goarch() + ")")
	progress("engine benchmarks (go test -bench)")
	out, _, err := command(b.o.repo, nil, "go", "test", "-run", "^$", "-bench", ".", "-benchmem", "-benchtime", b.o.benchtime, "./checklist/")
	if err != nil {
		g.failed("go test -bench", err)
		return
	}
	lines := parseBenchmarks(out)
	if len(lines) == 0 {
		g.failed("go test -bench", fmt.Errorf("no benchmark results: %s", lastLines(out, 3)))
	}
	for _, l := range lines {
		g.info(l.Name, fmt.Sprintf("%s, %d B/op, %d allocs/op", formatNs(l.NsPerOp), l.BytesPerOp, l.Allocs))
	}
	if b.reevalMissed {
		b.profile()
	}
}

func goarch() string {
	out, _, err := command(".", nil, "go", "env", "GOARCH")
	if err != nil {
		return "Go"
	}
	return strings.TrimSpace(out)
}

// profile shows where the engine spends its time re-evaluating the synthetic
// checklist (CPU profile of the native benchmark, top functions by cumulative
// and by own time).
func (b *bench) profile() {
	prof := filepath.Join(b.o.work, "evaluate.cpu")
	bin := filepath.Join(b.o.work, "checklist.test")
	if _, _, err := command(b.o.repo, nil, "go", "test", "-run", "^$", "-bench", "EvaluateJSON/synthetisch", "-benchtime", "2s",
		"-cpuprofile", prof, "-o", bin, "./checklist/"); err != nil {
		b.r.detail("Profile of the engine: failed", []string{err.Error()})
		return
	}
	out, _, err := command(b.o.repo, nil, "go", "tool", "pprof", "-top", "-cum", "-nodecount=20", bin, prof)
	if err != nil {
		b.r.detail("Profile of the engine: failed", []string{err.Error()})
		return
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.HasPrefix(l, "File:") || strings.HasPrefix(l, "Type:") || strings.HasPrefix(l, "Time:") ||
			strings.HasPrefix(l, "Build ID:") || strings.HasPrefix(l, "Dropped") {
			continue
		}
		lines = append(lines, "  "+l)
	}
	b.r.detail("Where re-evaluation time goes (re-evaluation target missed): CPU profile of EvaluateJSON on the synthetic checklist, native Go, by cumulative time", lines)
}
