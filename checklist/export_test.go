package checklist

import "testing"

// WithoutOlderFiles makes Import work, until the test ends, as it does in
// the checklist page's engine module: without ReadOlderFiles.
func WithoutOlderFiles(t testing.TB) {
	move, refs := moveAnswers, mapReferences
	moveAnswers, mapReferences = nil, nil
	t.Cleanup(func() { moveAnswers, mapReferences = move, refs })
}
