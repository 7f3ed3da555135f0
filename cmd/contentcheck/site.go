package main

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// site is everything the checks need to know about the content tree and the
// data files: which URLs exist, which ids are valid, and the glossary.
type site struct {
	contentDir string
	dataDir    string
	staticDir  string

	pages []*page
	// urls holds every page URL that the build will produce, content pages
	// and pages generated from data, so links can be checked without a build.
	urls map[string]bool
	// pageByURL finds the page for same-page and cross-page anchors.
	pageByURL map[string]*page

	bronnen   map[string]bool
	begrippen []glossaryTerm
	begripIDs map[string]bool
	termen    []preferredTerm
}

// glossaryTerm is one entry of data/begrippen.yaml as far as the checks care.
type glossaryTerm struct {
	ID    string
	Forms []string
}

// loadSite reads the data files and lists the Markdown files. It returns an
// error only when the input cannot be read at all; content problems are
// reported by the checks.
func loadSite(contentDir, dataDir string) (*site, error) {
	s := &site{
		contentDir: contentDir,
		dataDir:    dataDir,
		staticDir:  filepath.Join(filepath.Dir(filepath.Clean(contentDir)), "static"),
		urls:       map[string]bool{"/": true},
		pageByURL:  map[string]*page{},
		bronnen:    map[string]bool{},
		begripIDs:  map[string]bool{},
	}

	bronnen, err := loadEntries(filepath.Join(dataDir, "bronnen.yaml"))
	if err != nil {
		return nil, err
	}
	for _, b := range bronnen {
		s.bronnen[stringField(b, "id")] = true
	}

	if s.termen, err = loadTerms(dataDir); err != nil {
		return nil, err
	}

	begrippen, err := loadEntries(filepath.Join(dataDir, "begrippen.yaml"))
	if err != nil {
		return nil, err
	}
	for _, b := range begrippen {
		term := glossaryTerm{ID: stringField(b, "id")}
		if term.ID == "" {
			continue
		}
		if forms, ok := b["forms"].([]any); ok {
			for _, f := range forms {
				if fs, ok := f.(string); ok && strings.TrimSpace(fs) != "" {
					term.Forms = append(term.Forms, strings.TrimSpace(fs))
				}
			}
		}
		// Without forms, the term itself is the only form.
		if len(term.Forms) == 0 {
			for _, key := range []string{"term", "begrip", "title", "naam", "name"} {
				if v := stringField(b, key); v != "" {
					term.Forms = []string{v}
					break
				}
			}
		}
		s.begrippen = append(s.begrippen, term)
		s.begripIDs[term.ID] = true
	}
	if len(begrippen) > 0 {
		s.urls["/begrippen/"] = true
	}

	// Pages that content adapters generate from data.
	for _, gen := range []struct{ file, section string }{
		{"partners.yaml", "partners"},
		{"rollen.yaml", "rollen"},
	} {
		entries, err := loadEntries(filepath.Join(dataDir, gen.file))
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if id := stringField(e, "id"); id != "" {
				s.urls["/"+gen.section+"/"+id+"/"] = true
			}
		}
	}
	checklists, _ := filepath.Glob(filepath.Join(dataDir, "checklists", "*.yaml"))
	for _, file := range checklists {
		entries, err := loadEntries(file)
		if err != nil {
			return nil, err
		}
		id := strings.TrimSuffix(filepath.Base(file), ".yaml")
		if len(entries) == 1 && stringField(entries[0], "id") != "" {
			id = stringField(entries[0], "id")
		}
		s.urls["/checklists/"+id+"/"] = true
	}

	err = filepath.WalkDir(contentDir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(contentDir, p)
		if err != nil {
			return err
		}
		// Hugo makes a list page for every top-level directory that has
		// content, with or without _index.md, and content adapters count.
		if top, _, nested := strings.Cut(filepath.ToSlash(rel), "/"); nested &&
			(strings.HasSuffix(p, ".md") || d.Name() == "_content.gotmpl") {
			s.urls["/"+top+"/"] = true
		}
		if !strings.HasSuffix(p, ".md") {
			return nil
		}
		pg, err := readPage(p, filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		s.pages = append(s.pages, pg)
		s.urls[pg.url] = true
		s.pageByURL[pg.url] = pg
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(s.pages, func(i, j int) bool { return s.pages[i].file < s.pages[j].file })
	return s, nil
}

// loadEntries reads a YAML data file that is a list of mappings. A missing
// file is an empty list, because data files are optional for small sites
// and fixtures. A single mapping (a checklist file) is a list of one.
func loadEntries(file string) ([]map[string]any, error) {
	raw, err := os.ReadFile(file)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var doc any
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	var list []any
	switch v := doc.(type) {
	case []any:
		list = v
	case map[string]any:
		// Either one entry, or a wrapper such as {begrippen: [...]}.
		if _, ok := v["id"]; ok {
			list = []any{v}
		} else {
			for _, val := range v {
				if l, ok := val.([]any); ok {
					list = append(list, l...)
				}
			}
		}
	}
	var out []map[string]any
	for _, item := range list {
		if m, ok := item.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out, nil
}

func stringField(m map[string]any, key string) string {
	switch v := m[key].(type) {
	case string:
		return v
	case int:
		return fmt.Sprint(v)
	}
	return ""
}

// pageURL gives the URL Hugo builds for a content file (no custom slugs or
// url front matter are in use).
func pageURL(rel string) string {
	rel = strings.TrimSuffix(rel, ".md")
	switch {
	case rel == "_index" || rel == "index":
		return "/"
	case strings.HasSuffix(rel, "/_index"):
		rel = strings.TrimSuffix(rel, "/_index")
	case strings.HasSuffix(rel, "/index"):
		rel = strings.TrimSuffix(rel, "/index")
	}
	return "/" + rel + "/"
}

// resolveURL turns a link destination into a site path and fragment,
// relative to the page it is on. ok is false for links that are not to this
// site (other schemes).
func resolveURL(pageURL, dest string) (target, fragment string, internal bool) {
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		if j := strings.IndexByte(dest, '#'); j >= 0 {
			fragment = dest[j+1:]
		}
		dest = dest[:i]
	}
	if dest == "" {
		return pageURL, fragment, true
	}
	if strings.HasPrefix(dest, "/") {
		target = dest
	} else {
		target = path.Join(pageURL, dest)
	}
	target = path.Clean(target)
	if !strings.HasSuffix(target, "/") && path.Ext(target) == "" {
		target += "/"
	}
	return target, fragment, true
}

// isExternal reports whether a destination leaves the site or is not a
// document link at all; those are not checked.
func isExternal(dest string) bool {
	lower := strings.ToLower(dest)
	for _, p := range []string{"http://", "https://", "mailto:", "tel:", "//"} {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	return false
}

// hasScheme reports a destination such as javascript: or ftp: that is
// neither external web navigation nor a path on this site.
func hasScheme(dest string) bool {
	colon := strings.IndexByte(dest, ':')
	if colon <= 0 {
		return false
	}
	slash := strings.IndexAny(dest, "/?#")
	return slash < 0 || colon < slash
}

// exists reports whether a resolved site path is a page or a static file.
func (s *site) exists(target string) bool {
	if s.urls[target] {
		return true
	}
	if !strings.HasSuffix(target, "/") {
		info, err := os.Stat(filepath.Join(s.staticDir, filepath.FromSlash(target)))
		return err == nil && !info.IsDir()
	}
	return false
}

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex []int

func newLineIndex(src []byte) lineIndex {
	starts := lineIndex{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func (li lineIndex) line(offset int) int {
	return sort.Search(len(li), func(i int) bool { return li[i] > offset })
}

// splitFrontMatter separates YAML front matter from the body. bodyStart is
// the byte offset of the body in the original file and fmLine the line of
// the first front matter line, so positions can be mapped back.
func splitFrontMatter(src []byte) (fm []byte, body []byte, bodyStart int, ok bool) {
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return nil, src, 0, false
	}
	start := bytes.IndexByte(src, '\n') + 1
	pos := start
	for pos <= len(src) {
		end := bytes.IndexByte(src[pos:], '\n')
		var line []byte
		next := len(src)
		if end >= 0 {
			line = src[pos : pos+end]
			next = pos + end + 1
		} else {
			line = src[pos:]
		}
		if string(bytes.TrimRight(line, " \t\r")) == "---" {
			return src[start:pos], src[next:], next, true
		}
		if end < 0 {
			break
		}
		pos = next
	}
	return nil, src, 0, false
}
