package dossier

import (
	"strconv"
	"testing"

	"deelwijzer/checklist"
)

// TestBase36 holds the fingerprint form (and checklist.Itoa) to strconv:
// dossier files made earlier hold fingerprints written by strconv.
func TestBase36(t *testing.T) {
	for _, h := range []uint32{0, 1, 35, 36, 2166136261, 1<<32 - 1} {
		if got, want := base36(h), strconv.FormatUint(uint64(h), 36); got != want {
			t.Errorf("base36(%d) = %s, want %s", h, got, want)
		}
	}
	for _, n := range []int{0, 7, -12, 1 << 40} {
		if got, want := checklist.Itoa(n), strconv.Itoa(n); got != want {
			t.Errorf("Itoa(%d) = %s, want %s", n, got, want)
		}
	}
}
