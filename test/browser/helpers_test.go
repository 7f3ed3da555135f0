//go:build browser

// Package browser holds the browser tests of the built site. They need a
// built site (Hugo and Pagefind) in $DEELWIJZER_PUBLIC and run only with
// the build tag: DEELWIJZER_PUBLIC=$PWD/public go test -tags browser ./test/browser/...
package browser

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"deelwijzer/internal/browsertest"
)

// prefix is the subpath the site is served under in most tests, as on a
// host that serves several sites (https://example.org/deelwijzer/).
const prefix = "/deelwijzer/"

// publicDir returns the built site. A missing or empty directory fails the
// test: under the browser tag a silent skip would hide that nothing ran.
func publicDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("DEELWIJZER_PUBLIC")
	if dir == "" {
		t.Fatal("DEELWIJZER_PUBLIC is not set. Build the site first and point the tests at it, e.g.\n" +
			"  go tool -modfile=tools/hugo.mod hugo -d /tmp/site && npx pagefind --site /tmp/site\n" +
			"  DEELWIJZER_PUBLIC=/tmp/site go test -tags browser ./test/browser/...")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(abs, "index.html")); err != nil {
		t.Fatalf("DEELWIJZER_PUBLIC=%s has no index.html; is the site built? (%v)", dir, err)
	}
	return abs
}

// htmlPages lists every HTML file of the built site as a URL path relative
// to the site root: "" for the home page, "werkwijze/" for
// werkwijze/index.html, "werkwijze/print.html" for other files.
func htmlPages(t *testing.T, dir string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".html") {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == "index.html" {
			rel = ""
		} else {
			rel = strings.TrimSuffix(rel, "index.html")
		}
		pages = append(pages, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(pages)
	return pages
}

// waitFor waits up to 10 s until the JavaScript expression cond is true. The
// engine answers from its Web Worker a moment after a change, so what follows a
// change is awaited, never read in the same task.
func waitFor(t *testing.T, tab *browsertest.Tab, cond, what string) {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if browsertest.Eval[bool](tab, `Boolean(`+cond+`)`) {
			return
		}
	}
	t.Fatalf("waited 10 s for %s (%s)", what, cond)
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
