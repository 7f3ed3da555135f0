// Package precache writes the list of files the service worker keeps on the device
// (assets/js/sw.js) into the built site. It runs after Hugo and Pagefind, because only
// then are all files there: pages, fingerprinted CSS, JavaScript and engine, and the
// search index, whose file names Pagefind derives from their content.
package precache

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Script is the service worker's file at the site's root; Hugo writes it, Write puts
// the list in front of it.
const Script = "sw.js"

// line starts the statement Write puts in front of the script.
const line = "self.DW_PRECACHE="

// Manifest is what the service worker caches: Version names the cache, Files are
// [path relative to the site root, Subresource Integrity hash] pairs.
type Manifest struct {
	Version string      `json:"version"`
	Files   [][2]string `json:"files"`
}

// skipped are files no page loads: Pagefind's ready-made search interfaces (the site
// has its own), robots.txt, and compressed copies of files that are listed.
func skipped(rel string) bool {
	base := filepath.Base(rel)
	switch {
	case rel == Script, rel == "robots.txt", strings.HasPrefix(base, "."),
		strings.HasSuffix(rel, ".br"), strings.HasSuffix(rel, ".gz"):
		return true
	case strings.HasPrefix(rel, "pagefind/"):
		for _, ui := range []string{"pagefind-ui.", "pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight."} {
			if strings.HasPrefix(base, ui) {
				return true
			}
		}
	}
	return false
}

// Build lists the files of the site in dir and derives the version from them and
// from the service worker's own code, so any change to either gives a new cache.
func Build(dir string) (Manifest, []byte, error) {
	body, err := os.ReadFile(filepath.Join(dir, Script))
	if err != nil {
		return Manifest{}, nil, fmt.Errorf("%s missing: is the site built with Hugo? %w", Script, err)
	}
	body = stripList(body)
	var m Manifest
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if skipped(rel) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		// Pages by their directory address, the one the site links to.
		if rel == "index.html" || strings.HasSuffix(rel, "/index.html") {
			rel = strings.TrimSuffix(rel, "index.html")
		}
		m.Files = append(m.Files, [2]string{rel, "sha256-" + base64.StdEncoding.EncodeToString(sum[:])})
		return nil
	})
	if err != nil {
		return Manifest{}, nil, err
	}
	slices.SortFunc(m.Files, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
	h := sha256.New()
	h.Write(body)
	for _, f := range m.Files {
		h.Write([]byte(f[0] + "\x00" + f[1] + "\n"))
	}
	m.Version = hex.EncodeToString(h.Sum(nil))[:20]
	return m, body, nil
}

// Write puts the list in front of the service worker script in dir. Running it again
// on the same site gives the same file.
func Write(dir string) (Manifest, error) {
	m, body, err := Build(dir)
	if err != nil {
		return m, err
	}
	if len(m.Files) == 0 {
		return m, errors.New("no files to list")
	}
	list, err := json.Marshal(m)
	if err != nil {
		return m, err
	}
	out := append([]byte(line), list...)
	out = append(out, ";\n"...)
	out = append(out, body...)
	return m, os.WriteFile(filepath.Join(dir, Script), out, 0o644)
}

// stripList removes a list an earlier run put in front of the script.
func stripList(body []byte) []byte {
	if s := string(body); strings.HasPrefix(s, line) {
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			return body[i+1:]
		}
	}
	return body
}
