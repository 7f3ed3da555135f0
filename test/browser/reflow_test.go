//go:build browser

package browser

import (
	"strings"
	"testing"

	"deelwijzer/internal/browsertest"
)

// TestReflow320 loads each kind of page at 320 CSS pixels wide (WCAG 1.4.10,
// reflow): nothing may need sideways scrolling of the page itself. Wide tables
// scroll inside their own focusable region, which reflow allows.
func TestReflow320(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	tab.SetViewport(320, 640)
	pages := []string{"", "werkwijze/stap-2/", "werkwijze/print.html", "partners/", "partners/politie/", "rollen/", "begrippen/", "bronnen/", "zoeken/", "dossiers/"}
	pages = append(pages, checklistPages(t, dir)...)
	for _, p := range pages {
		tab.Go(s.URL + p)
		type widths struct{ Doc, View int }
		w := browsertest.Eval[widths](tab, `({Doc: document.documentElement.scrollWidth, View: document.documentElement.clientWidth})`)
		if w.Doc > w.View {
			wide := browsertest.Eval[string](tab, `Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.dw-table-scroll')).slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')).join(', ')`)
			t.Errorf("/%s: page is %d px wide in a %d px viewport (too wide: %s)", p, w.Doc, w.View, wide)
		}
	}
}

// TestFocusVisible tabs through the first stops of a guidance page and of a
// checklist page: every element that takes the keyboard focus shows it (an
// outline, a ring or a changed background), and the skip link comes first.
func TestFocusVisible(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)
	for _, p := range []string{"werkwijze/stap-2/", checklistPages(t, dir)[0]} {
		tab.Go(s.URL + p)
		if p != "werkwijze/stap-2/" {
			tab.WaitReady(`html[data-engine="ready"]`)
		}
		for i := 0; i < 40; i++ {
			tab.Press(browsertest.KeyTab)
			type focus struct {
				Desc    string
				Visible bool
			}
			f := browsertest.Eval[focus](tab, `(() => {
				const e = document.activeElement;
				const c = getComputedStyle(e);
				const shown = (c.outlineStyle !== 'none' && parseFloat(c.outlineWidth) > 0) || c.boxShadow !== 'none' || c.backgroundColor === 'rgb(255, 191, 71)';
				return {Desc: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || e.value || '').trim().slice(0, 40), Visible: shown};
			})()`)
			if i == 0 && !strings.Contains(f.Desc, "Direct naar de inhoud") {
				t.Errorf("/%s: the first Tab stop is %q, want the skip link", p, f.Desc)
			}
			if !f.Visible {
				t.Errorf("/%s: focus on %q is not visible", p, f.Desc)
			}
		}
	}
}
