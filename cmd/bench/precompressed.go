package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"deelwijzer/internal/compress"
)

// precompressedMissing lists the text and WebAssembly files of a built site
// (compress.Worth) that lack a .br or .gz copy although that encoding would be
// smaller, the rule of cmd/precompress: a host serving precompressed files sends
// such a file uncompressed. The encodings are computed only for a missing copy.
func precompressedMissing(site string) (files int, missing []string, err error) {
	err = filepath.WalkDir(site, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !compress.Worth(path) {
			return err
		}
		files++
		var data []byte
		for _, enc := range []struct {
			ext  string
			code func([]byte) []byte
		}{{".br", compress.Brotli}, {".gz", compress.Gzip}} {
			if _, err := os.Stat(path + enc.ext); err == nil {
				continue
			}
			if data == nil {
				if data, err = os.ReadFile(path); err != nil {
					return err
				}
			}
			if len(enc.code(data)) < len(data) {
				rel, _ := filepath.Rel(site, path)
				missing = append(missing, filepath.ToSlash(rel)+enc.ext)
			}
		}
		return nil
	})
	return files, missing, err
}

// precompressedFigure checks that every text file has its .br and .gz, and
// names the files without one when the target is missed.
func (b *bench) precompressedFigure() {
	g := b.r.group("Precompressed copies (.br and .gz next to every text and WebAssembly file)")
	files, missing, err := precompressedMissing(b.site)
	if err != nil {
		g.failed("text files with .br and .gz", err)
		return
	}
	g.check("text files without a .br or .gz that would be smaller", fmt.Sprintf("%d copies missing for %d files", len(missing), files), "0", len(missing) == 0)
	if len(missing) == 0 {
		return
	}
	lines := []string{"  missing (a host with brotli_static/gzip_static sends these files uncompressed):"}
	for i, m := range missing {
		if i == 20 {
			lines = append(lines, fmt.Sprintf("  … and %d more", len(missing)-20))
			break
		}
		lines = append(lines, "    "+shortHash(m))
	}
	b.r.detail("Which files lack a precompressed copy (target missed)", lines)
	b.r.detail("What was tried for precompressed copies", []string{
		"  make build runs cmd/precompress after Hugo, Pagefind and cmd/precache: every text and",
		"  WebAssembly file gets a .br and .gz when that encoding is smaller, whatever its size",
		"  (site.js and favicon.svg went out uncompressed before). A site built without make build",
		"  (Hugo alone) has none: run go run ./cmd/precompress DIR on it first.",
	})
}
