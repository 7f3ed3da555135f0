//go:build browser

package browser

import (
	"fmt"
	"strings"
	"testing"

	"deelwijzer/internal/browsertest"
)

// TestEveryPage loads every HTML page of the built site under a subpath and
// checks that nothing 404s, that every request stays on the same origin,
// that the page reports no errors (exceptions, CSP violations), and that
// axe-core finds no WCAG 2.2 A/AA violation.
func TestEveryPage(t *testing.T) {
	dir := publicDir(t)
	pages := htmlPages(t, dir)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{Quiet: true})
	tab := browsertest.NewBrowser(t).NewTab(t)

	var violations, pagesWithViolations, requestProblems, pageErrors int
	perRule := map[string]int{}
	for _, page := range pages {
		s.Reset()
		tab.ResetRequests()
		if err := tab.Navigate(s.URL + page); err != nil {
			t.Errorf("%s: load: %v", page, err)
			continue
		}
		problems := tab.RequestProblems(s.Origin, "")
		for _, nf := range s.NotFound() {
			problems = append(problems, "server 404: "+nf)
		}
		if len(problems) > 0 {
			requestProblems += len(problems)
			t.Errorf("%s: requests:\n  %s", "/"+page, strings.Join(problems, "\n  "))
		}
		if errs := tab.PageErrors(); len(errs) > 0 {
			pageErrors += len(errs)
			t.Errorf("%s: page errors:\n  %s", "/"+page, strings.Join(errs, "\n  "))
		}
		vs, err := browsertest.Axe(tab.Ctx)
		if err != nil {
			t.Errorf("%s: axe: %v", page, err)
			continue
		}
		t.Logf("%s: %d requests, %d axe violations", "/"+page, len(tab.Requests()), len(vs))
		if len(vs) > 0 {
			violations += len(vs)
			pagesWithViolations++
			for _, v := range vs {
				perRule[v.ID]++
			}
			t.Errorf("%s: axe found %d violation(s):\n%s", "/"+page, len(vs), vs)
		}
	}
	summary := fmt.Sprintf("TestEveryPage: %d pages, %d request problems, %d page errors, %d axe violations on %d pages %v",
		len(pages), requestProblems, pageErrors, violations, pagesWithViolations, perRule)
	t.Log(summary)
	fmt.Println(summary)
}

// TestRootPrefix serves the same build at the root of the host and loads a
// sample of pages: the relative URLs must work there too.
func TestRootPrefix(t *testing.T) {
	dir := publicDir(t)
	pages := htmlPages(t, dir)
	s := browsertest.Serve(t, dir, "/", browsertest.ServeOptions{})
	tab := browsertest.NewBrowser(t).NewTab(t)

	// The home page, and the first page of each top-level section.
	sample := []string{""}
	seen := map[string]bool{}
	for _, p := range pages {
		section, _, _ := strings.Cut(p, "/")
		if section != "" && !seen[section] {
			seen[section] = true
			sample = append(sample, p)
		}
	}
	for _, page := range sample {
		s.Reset()
		tab.ResetRequests()
		if err := tab.Navigate(s.URL + page); err != nil {
			t.Errorf("/%s: load: %v", page, err)
			continue
		}
		problems := tab.RequestProblems(s.Origin, "")
		for _, nf := range s.NotFound() {
			problems = append(problems, "server 404: "+nf)
		}
		if len(problems) > 0 {
			t.Errorf("/%s: requests:\n  %s", page, strings.Join(problems, "\n  "))
		}
	}
	t.Logf("TestRootPrefix: %d of %d pages loaded at /", len(sample), len(pages))
}

// TestSearch types a query on /zoeken/ and expects result links into the
// site. Pagefind's index must be built into the site (npx pagefind).
func TestSearch(t *testing.T) {
	dir := publicDir(t)
	s := browsertest.Serve(t, dir, prefix, browsertest.ServeOptions{})
	tab := browsertest.NewBrowser(t).NewTab(t)

	tab.Go(s.URL + "zoeken/")
	tab.WaitVisible("form#zoeken #zoekterm")
	const query = "grondslag"
	tab.Type("form#zoeken #zoekterm", query)
	tab.Press(browsertest.KeyEnter)
	tab.WaitVisible("#zoekresultaten a")

	links := browsertest.Eval[[]string](tab, `[...document.querySelectorAll("#zoekresultaten a")].map(a => a.href)`)
	if len(links) == 0 {
		t.Fatal("no result links")
	}
	for _, href := range links {
		if !strings.HasPrefix(href, s.URL) {
			t.Errorf("result link %s does not point into the site %s", href, s.URL)
		}
	}
	t.Logf("%d results for %q, first %s", len(links), query, links[0])
	if problems := tab.RequestProblems(s.Origin, ""); len(problems) > 0 {
		t.Errorf("requests during search:\n  %s", strings.Join(problems, "\n  "))
	}
	if vs, err := browsertest.Axe(tab.Ctx); err != nil {
		t.Error(err)
	} else if len(vs) > 0 {
		t.Errorf("axe on the search results:\n%s", vs)
	}
}
