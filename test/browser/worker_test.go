//go:build browser

package browser

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"deelwijzer/internal/browsertest"
)

// TestEngineRunsInWorker: on a checklist page the engine runs in a Web Worker,
// not on the page's main thread: the page has no engine object of its own, the
// worker's script is the site's own file, and the engine still answers (a
// click changes the progress line).
func TestEngineRunsInWorker(t *testing.T) {
	s := browsertest.Serve(t, publicDir(t), prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openChecklist(t, tab, s.URL+"checklists/dpia-toets/")
	if browsertest.Eval[bool](tab, `typeof globalThis.deelwijzerEngine !== 'undefined'`) {
		t.Error("the engine runs on the page's main thread (globalThis.deelwijzerEngine is set)")
	}
	workers := browsertest.Eval[[]string](tab, `performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).filter(p => /\/js\/engine-worker\.[0-9a-f]+\.js$/.test(p))`)
	if len(workers) != 1 || !strings.HasPrefix(workers[0], "/"+strings.Trim(prefix, "/")+"/") {
		t.Errorf("the engine's worker script was loaded as %v, want one file of the site under %s", workers, prefix)
	}
	before := tab.Text("#voortgang")
	tab.Click(`#checklist input[type="radio"]`)
	waitFor(t, tab, `document.getElementById('voortgang').textContent !== `+jsString(before), "the progress line to follow a click")
	if problems := tab.RequestProblems(s.Origin, ""); len(problems) > 0 {
		t.Errorf("requests:\n  %s", strings.Join(problems, "\n  "))
	}
}

// TestEngineWorkerRefused: a host that does not serve the worker's script (a
// partial upload, a proxy that blocks it) leaves the static form working, and
// the page says why its extras are missing.
func TestEngineWorkerRefused(t *testing.T) {
	s := browsertest.Serve(t, publicDir(t), prefix, browsertest.ServeOptions{Quiet: true, Hook: func(w http.ResponseWriter, r *http.Request) bool {
		if strings.Contains(r.URL.Path, "/js/engine-worker.") {
			http.NotFound(w, r)
			return true
		}
		return false
	}})
	tab := browsertest.NewBrowser(t).NewTab(t)
	goNoWait(t, tab, s.URL+"checklists/upp/")
	tab.WaitVisible(`.dw-checklist > .dw-callout[role="status"]`)
	if note := tab.Text(`.dw-checklist > .dw-callout[role="status"]`); !strings.Contains(note, "konden niet starten") || !strings.Contains(note, "invullen en printen") {
		t.Errorf("the note says %q", note)
	}
	if got := browsertest.Eval[string](tab, `document.documentElement.dataset.engine || ""`); got != "" {
		t.Errorf("engine state %q without its worker", got)
	}
	tab.Type(`#checklist input[type="text"]`, "Nog steeds in te vullen")
	if got := browsertest.Eval[string](tab, `document.querySelector('#checklist input[type="text"]').value`); got != "Nog steeds in te vullen" {
		t.Errorf("the static form took %q", got)
	}
}

// TestFastTypingKeepsTheLastAnswer types quickly in a text field of a checklist
// that keeps its answers on the device. Every change goes to the engine's worker
// and back; saves wait for each other. After the last key the kept copy holds
// exactly what is on screen (never an earlier state that arrived late), the line
// under the buttons says it is kept, and a change counts as unsaved from the
// moment it is made, before the engine has answered.
func TestFastTypingKeepsTheLastAnswer(t *testing.T) {
	s := browsertest.Serve(t, publicDir(t), prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	openChecklist(t, tab, s.URL+"checklists/upp/")
	tab.Click(`#bewaar-op-apparaat`)
	field := `#checklist textarea`
	name := browsertest.Eval[string](tab, `document.querySelector('#checklist textarea').name`)
	typed := strings.Repeat("snel getypt 0123456789 ", 8)
	tab.Type(field, typed)
	kept := `(() => { const c = localStorage.getItem('deelwijzer:upp:antwoorden'); return c ? (JSON.parse(c).answers[` + jsString(name) + `] || '') : ''; })()`
	waitFor(t, tab, kept+` === document.querySelector('#checklist textarea').value && document.getElementById('bewaard-sinds').textContent.startsWith('Laatst bewaard')`,
		"the kept copy to hold the last state of the field")
	if got := browsertest.Eval[string](tab, kept); got != typed {
		t.Errorf("kept %q, typed %q", got, typed)
	}
	// Wait a while longer: no late save may overwrite the last one.
	time.Sleep(500 * time.Millisecond)
	if got := browsertest.Eval[string](tab, kept); got != typed {
		t.Errorf("after a pause the kept copy holds %q, typed %q", got, typed)
	}
	// A change is unsaved at once: the line says so in the same task as the change.
	line := browsertest.Eval[string](tab, `(() => {
		const f = document.querySelector('#checklist textarea');
		f.value += '!';
		f.dispatchEvent(new Event('input', { bubbles: true }));
		return document.getElementById('bewaard-sinds').textContent;
	})()`)
	if !strings.HasPrefix(line, "Niet bewaard sinds uw laatste wijziging") {
		t.Errorf("right after a change the line says %q", line)
	}
	waitFor(t, tab, kept+` === `+jsString(typed+"!"), "the change to be kept")
}
