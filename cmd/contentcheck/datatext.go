package main

import (
	"fmt"
	"os"
	"path/filepath"

	"go.yaml.in/yaml/v3"
)

// proseKeys are the fields of the data files whose text the site shows as
// running text: glossary definitions, partner and role descriptions, what a
// sector-law article allows, what a source gave. Titles, names, ids and law
// citations are labels, not sentences, and are not measured.
var proseKeys = map[string]bool{
	"definition": true, "open": true, "wat": true, "note": true, "notes": true,
	"role": true, "summary": true, "took": true, "status": true, "adres_onbekend": true,
	"domain": true, "responsibilities": true, "involve": true, "unverified": true,
	"public": true, "description": true,
	// checklist definitions: questions, hints, option labels, findings
	"question": true, "hint": true, "label": true, "text": true, "intro": true,
}

// dataProseFiles are the data files whose prose the pages show; every
// checklist definition in data/checklists is added to them.
var dataProseFiles = []string{
	"begrippen.yaml", "partners.yaml", "rollen.yaml", "sectorwetten.yaml", "bronnen.yaml",
	"grondslagen.yaml", "maatregelen.yaml", "risicos.yaml", "domeinen.yaml",
}

// checkDataSentences applies the B1 sentence limit of checkSentences to the
// prose fields of the data files that feed pages, with file and line.
func checkDataSentences(dataDir string) []problem {
	var out []problem
	files := append([]string{}, dataProseFiles...)
	if defs, err := filepath.Glob(filepath.Join(dataDir, "checklists", "*.yaml")); err == nil {
		for _, d := range defs {
			files = append(files, filepath.Join("checklists", filepath.Base(d)))
		}
	}
	for _, name := range files {
		raw, err := os.ReadFile(filepath.Join(dataDir, name))
		if err != nil {
			continue
		}
		var doc yaml.Node
		if yaml.Unmarshal(raw, &doc) != nil {
			continue
		}
		rel := filepath.ToSlash(filepath.Join(filepath.Base(dataDir), name))
		measure := func(n *yaml.Node) {
			for _, s := range splitSentences(n.Value) {
				if w := countWords(n.Value[s[0]:s[1]]); w > maxSentenceWords {
					out = append(out, problem{rel, n.Line, fmt.Sprintf("zin van %d woorden (meer dan %d): %q", w, maxSentenceWords, firstWords(n.Value[s[0]:s[1]], 8)), "zinnen"})
				}
			}
		}
		var walk func(n *yaml.Node)
		walk = func(n *yaml.Node) {
			for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
				if !proseKeys[n.Content[i].Value] {
					continue
				}
				switch v := n.Content[i+1]; v.Kind {
				case yaml.ScalarNode:
					measure(v)
				case yaml.SequenceNode:
					for _, item := range v.Content {
						if item.Kind == yaml.ScalarNode {
							measure(item)
						}
					}
				}
			}
			for _, c := range n.Content {
				walk(c)
			}
		}
		walk(&doc)
	}
	return out
}
