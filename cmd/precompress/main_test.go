package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestEveryTextFileThatShrinks: small text files (a short script, the favicon) get
// their .br and .gz like large ones; files that do not shrink or are not text get none.
func TestEveryTextFileThatShrinks(t *testing.T) {
	dir := t.TempDir()
	icon := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#154273"/><path d="M9 8h7a8 8 0 0 1 0 16H9z" fill="#fff"/></svg>`
	files := map[string]string{
		"favicon.svg":         icon,
		"js/site.abc.js":      strings.Repeat("document.documentElement.classList.add('js');\n", 12),
		"index.html":          strings.Repeat("<p>Deelwijzer</p>\n", 200),
		"tiny.txt":            "a",
		"img/photo.png":       strings.Repeat("x", 4000),
		"js/site.abc.js.br":   "old",
		"stale/gone.txt":      "b",
		"stale/gone.txt.gz":   "a copy from an earlier build",
		"pagefind/entry.json": `{"version":"1.4.0","languages":{"nl":{"hash":"nl_72977c47f7","wasm":"nl","page_count":90},"unknown":{"hash":"unknown_72977c47f7","wasm":"unknown","page_count":0}}}`,
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := run(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"favicon.svg", "js/site.abc.js", "index.html", "pagefind/entry.json"} {
		orig := files[name]
		for _, ext := range []string{".br", ".gz"} {
			enc, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name+ext)))
			if err != nil {
				t.Errorf("%s%s missing: %v", name, ext, err)
				continue
			}
			if len(enc) >= len(orig) {
				t.Errorf("%s%s is %d bytes, not smaller than the %d of the original", name, ext, len(enc), len(orig))
			}
		}
	}
	br, _ := os.ReadFile(filepath.Join(dir, "js", "site.abc.js.br"))
	if out, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br))); err != nil || string(out) != files["js/site.abc.js"] {
		t.Errorf("js/site.abc.js.br does not decode to the file (err %v): an old copy was kept", err)
	}
	for _, name := range []string{"tiny.txt.br", "tiny.txt.gz", "img/photo.png.br", "img/photo.png.gz", "js/site.abc.js.br.br", "stale/gone.txt.gz"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err == nil {
			t.Errorf("%s written, want none (no saving, not text, or already compressed)", name)
		}
	}
}
