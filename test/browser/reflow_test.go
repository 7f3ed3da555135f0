//go:build browser

package browser

import (
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
	pages := []string{"", "werkwijze/stap-2/", "werkwijze/print.html", "partners/", "partners/politie/", "rollen/", "begrippen/", "bronnen/", "zoeken/"}
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
