package main

import (
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// unsettled is wording that does not belong on a page professionals act on:
// a claim is either checked and linked, or the page says what the law leaves
// open. Pages without sources (the sources list itself, accessibility,
// search) are about the site, not the law, and are left alone.
// "niet gecontroleerd" also covers "hebben we niet gecontroleerd".
const unsettled = "niet gecontroleerd"

const unsettledHint = `: controleer en link naar de wet, of zeg wat de wet openlaat ("wat open blijft")`

// checkWording reports unsettled wording in the running text of a page
// that cites sources.
func checkWording(p *page, opt options) []problem {
	if opt.withoutBronnen[p.url] {
		return nil
	}
	r := collectRunningText(p)
	text := strings.ToLower(r.text.String())
	var out []problem
	for from := 0; ; {
		i := strings.Index(text[from:], unsettled)
		if i < 0 {
			break
		}
		at := from + i
		line := 1
		if off := r.offset[at]; off >= 0 {
			line = p.lines.line(p.bodyStart + off)
		}
		out = append(out, problem{p.file, line, "\"" + unsettled + "\" op een vakpagina" + unsettledHint, "woorden"})
		from = at + len(unsettled)
	}
	return out
}

// checkDataWording does the same for the texts in the data files that feed
// professional pages (glossary, partners, roles, sector laws, sources). YAML
// comments are not text on the site and are not checked.
func checkDataWording(dataDir string) []problem {
	var out []problem
	for _, name := range []string{"begrippen.yaml", "partners.yaml", "rollen.yaml", "sectorwetten.yaml", "bronnen.yaml"} {
		raw, err := os.ReadFile(filepath.Join(dataDir, name))
		if err != nil {
			continue
		}
		var doc yaml.Node
		if yaml.Unmarshal(raw, &doc) != nil {
			continue
		}
		rel := filepath.ToSlash(filepath.Join(filepath.Base(dataDir), name))
		var walk func(n *yaml.Node)
		walk = func(n *yaml.Node) {
			if n.Kind == yaml.ScalarNode && strings.Contains(strings.ToLower(n.Value), unsettled) {
				out = append(out, problem{rel, n.Line, "\"" + unsettled + "\" in een tekst voor de site" + unsettledHint, "woorden"})
			}
			// A partner's law reference marked unverified is shown with the
			// same label; it is settled the same way.
			for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == "unverified" && n.Content[i+1].Value == "true" {
					out = append(out, problem{rel, n.Content[i].Line, "unverified: true wordt getoond als \"" + unsettled + "\"" + unsettledHint, "woorden"})
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
