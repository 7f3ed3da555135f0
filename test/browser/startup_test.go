//go:build browser

package browser

import (
	"fmt"
	"testing"

	"deelwijzer/internal/browsertest"
)

// TestChecklistAnswerBeforeEngineIsEvaluated answers a yes/no question while the
// engine's .wasm is held back, so the engine starts after the answer. Once it is
// ready, the question that depends on that answer is shown (the answer was evaluated
// as soon as the engine could) and the answer itself is still given.
func TestChecklistAnswerBeforeEngineIsEvaluated(t *testing.T) {
	dir := publicDir(t)
	b := browsertest.NewBrowser(t)
	for _, page := range checklistPages(t, dir) {
		gate := newWasmGate(t, false)
		s := serveGated(t, gate)
		tab := b.NewTab(t)
		goNoWait(t, tab, s.URL+page)
		d := pageDefinition(t, tab)
		ctl, val, dep, ok := conditionalPair(d)
		if !ok {
			gate.Release()
			continue
		}
		radio := fmt.Sprintf(`input[name="%s"][value="%s"]`, ctl, val)
		tab.Focus(radio)
		tab.Press(browsertest.KeySpace)
		if got := browsertest.Eval[string](tab, `document.documentElement.dataset.engine || ""`); got != "" {
			t.Fatalf("%s: the engine was ready (%q) before the answer was given", page, got)
		}
		gate.Release()
		tab.WaitReady(`html[data-engine="ready"]`)
		// data-engine=ready is set after the first evaluation, so this reads its
		// result. Unanswered, the engine hides the dependent question
		// (TestChecklistConditionalQuestion); without the engine the whole form shows.
		if browsertest.Eval[bool](tab, fmt.Sprintf(`document.querySelector('[data-item="%s"]').hidden`, dep)) {
			t.Errorf("%s: %s is hidden although %s was answered %q before the engine started", page, dep, ctl, val)
		}
		if !browsertest.Eval[bool](tab, fmt.Sprintf(`document.querySelector(%q).checked`, radio)) {
			t.Errorf("%s: the answer to %s given before the engine started is gone", page, ctl)
		}
		return
	}
	t.Fatal("no checklist has a question that depends on a yes/no answer")
}
