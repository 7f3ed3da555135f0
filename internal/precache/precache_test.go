package precache

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// readList parses the list Write put in front of the script.
func readList(t *testing.T, dir string) (Manifest, string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, Script))
	if err != nil {
		t.Fatal(err)
	}
	first, rest, _ := strings.Cut(string(data), "\n")
	if !strings.HasPrefix(first, line) || !strings.HasSuffix(first, ";") {
		t.Fatalf("%s does not start with the list: %.80s", Script, first)
	}
	var m Manifest
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(first, line), ";")), &m); err != nil {
		t.Fatal(err)
	}
	return m, rest
}

var site = map[string]string{
	"sw.js":                              "(()=>{const b=self.DW_PRECACHE;})();\n",
	"index.html":                         "<p>home</p>",
	"werkwijze/index.html":               "<p>werkwijze</p>",
	"werkwijze/print.html":               "<p>print</p>",
	"404.html":                           "<p>niet gevonden</p>",
	"js/site.abc.js":                     "1",
	"js/site.abc.js.br":                  "compressed",
	"gen/engine.def.wasm":                "\x00asm",
	"favicon.svg":                        "<svg/>",
	"robots.txt":                         "User-agent: *",
	"pagefind/pagefind.js":               "pf",
	"pagefind/pagefind-worker.js":        "worker",
	"pagefind/pagefind-entry.json":       "{}",
	"pagefind/fragment/nl_1.pf_fragment": "f",
	"pagefind/pagefind-ui.js":            "ui",
	"pagefind/pagefind-component-ui.css": "ui",
}

// TestWriteLists every file a page can load, by the address the site links to, with
// its hash, and nothing else.
func TestWriteLists(t *testing.T) {
	dir := writeSite(t, site)
	m, err := Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, body := readList(t, dir)
	if got.Version != m.Version || len(got.Files) != len(m.Files) {
		t.Fatalf("the list in %s differs from the one returned", Script)
	}
	if body != site["sw.js"] {
		t.Errorf("the script after the list changed: %q", body)
	}
	var paths []string
	for _, f := range got.Files {
		paths = append(paths, f[0])
		if !strings.HasPrefix(f[1], "sha256-") || len(f[1]) != len("sha256-")+44 {
			t.Errorf("%s: integrity %q is not a sha256 hash", f[0], f[1])
		}
	}
	want := []string{"", "404.html", "favicon.svg", "gen/engine.def.wasm", "js/site.abc.js",
		"pagefind/fragment/nl_1.pf_fragment", "pagefind/pagefind-entry.json", "pagefind/pagefind-worker.js",
		"pagefind/pagefind.js", "werkwijze/", "werkwijze/print.html"}
	if strings.Join(paths, " ") != strings.Join(want, " ") {
		t.Errorf("listed\n  %q\nwant\n  %q", paths, want)
	}
	// The hash is that of the file (sha256 of "<p>home</p>").
	if got.Files[0][1] != "sha256-M6vesCHa89EfypHNVD2fn73N9gdmPl9rH4ByrDmr4mg=" {
		t.Errorf("home integrity %s", got.Files[0][1])
	}
}

// TestVersionFollowsTheBuild: running twice gives the same script; changing any listed
// file or the worker's code gives a new version, so the browser sees a new build.
func TestVersionFollowsTheBuild(t *testing.T) {
	dir := writeSite(t, site)
	first, err := Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, Script))
	again, err := Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, Script))
	if again.Version != first.Version || string(before) != string(after) {
		t.Fatalf("a second run changed the script:\n%s\n%s", before, after)
	}
	os.WriteFile(filepath.Join(dir, "werkwijze", "index.html"), []byte("<p>nieuw</p>"), 0o644)
	changed, _ := Write(dir)
	if changed.Version == first.Version {
		t.Error("a changed page kept the version")
	}
	os.WriteFile(filepath.Join(dir, "js", "site.abc.js.br"), []byte("other"), 0o644)
	os.WriteFile(filepath.Join(dir, "robots.txt"), []byte("other"), 0o644)
	if v, _ := Write(dir); v.Version != changed.Version {
		t.Error("an unlisted file changed the version")
	}
	os.WriteFile(filepath.Join(dir, Script), []byte("(()=>{const b=self.DW_PRECACHE;self.x=1})();\n"), 0o644)
	if v, _ := Write(dir); v.Version == changed.Version {
		t.Error("new worker code kept the version")
	}
}

func TestWriteNeedsTheScript(t *testing.T) {
	files := map[string]string{"index.html": "x"}
	if _, err := Write(writeSite(t, files)); err == nil {
		t.Error("no error for a site without " + Script)
	}
}
