package main

import (
	"cmp"
	"fmt"
	"path"
	"slices"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// jsProfile records the page's JavaScript CPU profile while fn runs and
// returns the functions with the most own time (self time), skipping idle
// time. Built-ins such as querySelectorAll show by name; functions of the
// minified bundles by their short name and position.
func (pl *pageLoad) jsProfile(fn func() error, top int) ([]string, error) {
	if err := pl.startProfile(); err != nil {
		return nil, err
	}
	runErr := fn()
	return pl.stopProfile(runErr, top)
}

func (pl *pageLoad) startProfile() error {
	if _, err := chromedp.Call(pl.ctx, profiler.Enable, cdp.Empty{}); err != nil {
		return err
	}
	if _, err := chromedp.Call(pl.ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100}); err != nil {
		return err
	}
	_, err := chromedp.Call(pl.ctx, profiler.Start, cdp.Empty{})
	return err
}

func (pl *pageLoad) stopProfile(runErr error, top int) ([]string, error) {
	res, err := chromedp.Call(pl.ctx, profiler.Stop, cdp.Empty{})
	if runErr != nil {
		return nil, runErr
	}
	if err != nil {
		return nil, err
	}
	return selfTimes(res.Profile, top), nil
}

// wasmFuncNames names the functions of the engine module (from the build with
// symbols; -s removes only the names, so the function indexes are the same),
// so profiles show Go symbols instead of wasm-function[N].
var wasmFuncNames map[int]string

func selfTimes(p *profiler.Profile, top int) []string {
	if p == nil {
		return nil
	}
	names := map[int64]string{}
	for _, n := range p.Nodes {
		cf := n.CallFrame
		name := cf.FunctionName
		var idx int
		if _, err := fmt.Sscanf(name, "wasm-function[%d]", &idx); err == nil && wasmFuncNames[idx] != "" {
			name = wasmFuncNames[idx]
		}
		if name == "" {
			name = "(anonymous)"
		}
		if cf.URL != "" {
			name = fmt.Sprintf("%s  %s:%d:%d", name, shortHash(path.Base(cf.URL)), cf.LineNumber+1, cf.ColumnNumber+1)
		}
		names[n.ID] = name
	}
	self := map[string]int64{}
	var total int64
	for i, id := range p.Samples {
		if i >= len(p.TimeDeltas) {
			break
		}
		name := names[id]
		if name == "(idle)" || name == "(program)" {
			continue
		}
		self[name] += p.TimeDeltas[i]
		total += p.TimeDeltas[i]
	}
	type entry struct {
		name string
		us   int64
	}
	var entries []entry
	for n, us := range self {
		entries = append(entries, entry{n, us})
	}
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(b.us, a.us) })
	out := []string{fmt.Sprintf("  %9s %6s  %s", "self", "share", "function (busy time only)")}
	for i, e := range entries {
		if i >= top {
			break
		}
		out = append(out, fmt.Sprintf("  %9s %5.1f%%  %s", ms(float64(e.us)/1000), 100*float64(e.us)/float64(total), e.name))
	}
	return out
}
