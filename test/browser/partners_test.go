//go:build browser

package browser

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"deelwijzer/internal/browsertest"
)

// partnerState reads the partner overview: every item that names its
// domains (data-domains, space separated), and whether it is shown.
const partnerState = `[...document.querySelectorAll("[data-domains]")].map(e => ({
	domains: e.dataset.domains.split(/\s+/).filter(Boolean),
	visible: e.checkVisibility(),
	name: e.textContent.trim().slice(0, 40),
}))`

type partnerItem struct {
	Domains []string `json:"domains"`
	Visible bool     `json:"visible"`
	Name    string   `json:"name"`
}

// partnerPages counts the generated partner pages, /partners/<id>/.
func partnerPages(t *testing.T, dir string) int {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(dir, "partners", "*", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	return len(matches)
}

// With JavaScript, choosing a domain in fieldset#partner-filter hides the
// partners outside that domain and shows the ones in it.
func TestPartnerFilter(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{})
	tab := browsertest.NewBrowser(t).NewTab(t)
	tab.Go(s.URL + "partners/")
	tab.WaitVisible("fieldset#partner-filter")

	items := browsertest.Eval[[]partnerItem](tab, partnerState)
	if len(items) == 0 {
		t.Fatal("no partner items with data-domains on /partners/")
	}
	// Pick a domain that some but not all partners have, so the filter
	// must both hide and show.
	values := browsertest.Eval[[]string](tab,
		`[...document.querySelectorAll("fieldset#partner-filter input")].map(i => i.value).filter(Boolean)`)
	domain := ""
	for _, v := range values {
		n := 0
		for _, it := range items {
			if slices.Contains(it.Domains, v) {
				n++
			}
		}
		if n > 0 && n < len(items) {
			domain = v
			break
		}
	}
	if domain == "" {
		t.Fatalf("no filter value splits the list; values %q", values)
	}

	tab.Click(fmt.Sprintf(`fieldset#partner-filter input[value=%q]`, domain))
	// Let the page apply the filter.
	browsertest.Eval[bool](tab, `new Promise(r => requestAnimationFrame(() => setTimeout(() => r(true), 100)))`)

	shown := 0
	for _, it := range browsertest.Eval[[]partnerItem](tab, partnerState) {
		in := slices.Contains(it.Domains, domain)
		if in != it.Visible {
			t.Errorf("domain %s: %q (domains %q) visible=%v", domain, it.Name, it.Domains, it.Visible)
		}
		if it.Visible {
			shown++
		}
	}
	t.Logf("domain %s: %d of %d partners shown", domain, shown, len(items))
	if vs, err := browsertest.Axe(tab.Ctx); err != nil {
		t.Error(err)
	} else if len(vs) > 0 {
		t.Errorf("axe after filtering:\n%s", vs)
	}
}

// Without JavaScript the filter is not there to use, and every partner is
// listed and visible.
func TestPartnersWithoutJavaScript(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{})
	tab := browsertest.NewBrowser(t).NewTab(t)
	tab.DisableJavaScript()
	tab.Go(s.URL + "partners/")

	items := browsertest.Eval[[]partnerItem](tab, partnerState)
	want := partnerPages(t, dir)
	if len(items) != want {
		t.Errorf("%d partners listed, %d partner pages built", len(items), want)
	}
	for _, it := range items {
		if !it.Visible {
			t.Errorf("partner %q hidden without JavaScript", it.Name)
		}
	}
	if browsertest.Eval[bool](tab, `!!document.querySelector("fieldset#partner-filter") && document.querySelector("fieldset#partner-filter").checkVisibility()`) {
		t.Error("the filter shows without JavaScript, where it cannot work")
	}
}
