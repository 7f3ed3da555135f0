//go:build browser

package browsertest

import (
	"fmt"
	"testing"
)

// TestAccessibilityHelpers checks the live-region recorder (each change once,
// emptying and hiding recorded as silence) and the accessibility-tree reader.
func TestAccessibilityHelpers(t *testing.T) {
	s := Serve(t, "testdata/site", "/deelwijzer/", ServeOptions{})
	tab := NewBrowser(t).NewTab(t)
	tab.RecordAnnouncements()
	tab.Go(s.URL)
	Eval[bool](tab, `(async () => {
		const tick = () => new Promise(r => setTimeout(r, 20));
		const r = document.createElement('div');
		r.id = 'regio';
		r.setAttribute('role', 'status');
		document.body.append(r);
		await tick();
		r.textContent = 'Een'; await tick();
		r.textContent = 'Een'; await tick();
		r.textContent = ''; await tick();
		r.textContent = 'Twee'; await tick();
		r.hidden = true; await tick();
		return true;
	})()`)
	got := fmt.Sprint(tab.Announcements())
	if want := "[{regio Een} {regio } {regio Twee} {regio }]"; got != want {
		t.Errorf("announcements = %s, want %s", got, want)
	}
	tab.ClearAnnouncements()
	if n := len(tab.Announcements()); n != 0 {
		t.Errorf("%d announcements after clearing", n)
	}
	if ax := tab.AX("#knop"); ax.Role != "button" || ax.Name != "Klaar" {
		t.Errorf("button in the accessibility tree: %s", ax)
	}
	if ax := tab.AX("#regio"); !ax.Ignored {
		t.Errorf("hidden region is in the accessibility tree: %s", ax)
	}
}
