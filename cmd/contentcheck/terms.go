package main

import (
	"fmt"
	"path/filepath"
	"strings"
)

// preferredTerm is one entry of data/termen.yaml: the term the site uses for
// a concept, and the variants it does not use, so a reader meets one word
// for one thing on every page.
type preferredTerm struct {
	Term     string
	Variants []string
}

// loadTerms reads data/termen.yaml. A missing file means no term rule.
func loadTerms(dataDir string) ([]preferredTerm, error) {
	entries, err := loadEntries(filepath.Join(dataDir, "termen.yaml"))
	if err != nil {
		return nil, err
	}
	var out []preferredTerm
	for _, e := range entries {
		t := preferredTerm{Term: stringField(e, "term")}
		if vs, ok := e["varianten"].([]any); ok {
			for _, v := range vs {
				if s, ok := v.(string); ok && strings.TrimSpace(s) != "" {
					t.Variants = append(t.Variants, strings.TrimSpace(s))
				}
			}
		}
		if t.Term != "" && len(t.Variants) > 0 {
			out = append(out, t)
		}
	}
	return out, nil
}

// checkTerms reports every use of a variant in running text (link text
// included, link targets not), with file and line.
func checkTerms(s *site, p *page) []problem {
	if len(s.termen) == 0 {
		return nil
	}
	r := collectRunningText(p)
	text := r.text.String()
	var out []problem
	for _, t := range s.termen {
		for _, v := range t.Variants {
			for _, m := range formPattern(v).FindAllStringIndex(text, -1) {
				if !wholeWord(text, m[0], m[1]) {
					continue
				}
				line := 1
				if off := r.offset[m[0]]; off >= 0 {
					line = p.lines.line(p.bodyStart + off)
				}
				out = append(out, problem{p.file, line,
					fmt.Sprintf("term %q: schrijf %q (data/termen.yaml)", text[m[0]:m[1]], t.Term), "termen"})
			}
		}
	}
	return out
}
