//go:build browser

package browser

import (
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

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

// TestStartupScriptsDoNotHoldUpDOMContentLoaded: on a checklist page the browser
// fires DOMContentLoaded before the page script runs (its tag is async and it waits
// for the parsed document and the first frame), so the event never waits for the
// stylesheet, the first layout of the form or the engine's start. The page script
// (which brings Go's loader, globalThis.Go) is not there yet at DOMContentLoaded, and
// starts the engine afterwards.
func TestStartupScriptsDoNotHoldUpDOMContentLoaded(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	probe := `document.addEventListener('DOMContentLoaded', () => {
		window.__dwAtDCL = { goLoader: typeof globalThis.Go };
	}, { capture: true, once: true });`
	if _, err := chromedp.Call(tab.Ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probe}); err != nil {
		t.Fatal(err)
	}
	tab.Go(s.URL + "checklists/samenwerking/")
	tab.WaitReady(`html[data-engine="ready"]`)
	if got := browsertest.Eval[string](tab, `(window.__dwAtDCL || {goLoader: 'no DOMContentLoaded seen'}).goLoader`); got != "undefined" {
		t.Errorf("at DOMContentLoaded Go's loader was %q: the checklist script ran before the event and held it up", got)
	}
}
