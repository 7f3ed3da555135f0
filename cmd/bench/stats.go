package main

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// summary of repeated measurements.
type summary struct {
	N           int
	Median, P95 float64
	Min, Max    float64
}

func summarize(xs []float64) summary {
	if len(xs) == 0 {
		return summary{}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return summary{N: len(s), Median: quantile(s, 0.5), P95: quantile(s, 0.95), Min: s[0], Max: s[len(s)-1]}
}

// quantile of sorted values, interpolating between neighbours.
func quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 1 {
		return sorted[0]
	}
	pos := q * float64(len(sorted)-1)
	lo := int(math.Floor(pos))
	hi := min(lo+1, len(sorted)-1)
	return sorted[lo] + (sorted[hi]-sorted[lo])*(pos-float64(lo))
}

// kb formats bytes as kilobytes of 1000 bytes, the unit of the targets.
func kb(n int) string {
	return fmt.Sprintf("%.1f KB", float64(n)/1000)
}

func ms(x float64) string {
	if x < 10 {
		return fmt.Sprintf("%.2f ms", x)
	}
	return fmt.Sprintf("%.0f ms", x)
}

// spread is "median ms (min–max, n=5)".
func spread(s summary) string {
	return fmt.Sprintf("%s (%s–%s, n=%d)", ms(s.Median), strings.TrimSuffix(ms(s.Min), " ms"), ms(s.Max), s.N)
}
