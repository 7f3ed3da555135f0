package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// problem is one finding, printed as file:line: reason.
type problem struct {
	file   string
	line   int
	reason string
	rule   string // links, headings, frontmatter, glossary
}

func (p problem) String() string {
	return fmt.Sprintf("%s:%d: %s", p.file, p.line, p.reason)
}

// options selects the checks. The glossary rule is separate because it is
// a style rule that authors fix page by page, and a report of only that
// rule is useful on its own.
type options struct {
	glossary bool
	other    bool
	// withoutBronnen lists page URLs that need no bronnen front matter.
	withoutBronnen map[string]bool
}

func runChecks(s *site, opt options) []problem {
	var out []problem
	if opt.other {
		titles := map[string][]*page{}
		for _, p := range s.pages {
			out = append(out, checkFrontMatter(s, p, opt)...)
			out = append(out, checkHeadings(p)...)
			out = append(out, checkRawHTML(p)...)
			out = append(out, checkLinks(s, p)...)
			out = append(out, checkSentences(p)...)
			out = append(out, checkTerms(s, p)...)
			out = append(out, checkWording(p, opt)...)
			if p.fm.title != "" {
				titles[p.fm.title] = append(titles[p.fm.title], p)
			}
		}
		out = append(out, checkDuplicateTitles(titles)...)
		out = append(out, checkBronnenAddress(s.dataDir)...)
		out = append(out, checkDataWording(s.dataDir)...)
		out = append(out, checkDataSentences(s.dataDir)...)
	}
	if opt.glossary {
		for _, p := range s.pages {
			out = append(out, checkGlossary(s, p)...)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].file != out[j].file {
			return out[i].file < out[j].file
		}
		return out[i].line < out[j].line
	})
	return out
}

func checkFrontMatter(s *site, p *page, opt options) []problem {
	var out []problem
	report := func(line int, format string, args ...any) {
		if line == 0 {
			line = 1
		}
		out = append(out, problem{p.file, line, fmt.Sprintf(format, args...), "frontmatter"})
	}
	if !p.hasFrontMatter {
		report(1, "geen YAML front matter (--- ... ---) aan het begin")
		return out
	}
	if p.fmErr != nil {
		report(1, "front matter is geen geldige YAML: %v", p.fmErr)
		return out
	}
	if p.fm.title == "" {
		report(p.fm.titleLine, "title ontbreekt of is leeg")
	}
	if p.fm.description == "" {
		report(p.fm.descriptionLine, "description ontbreekt of is leeg")
	}
	if !p.fm.hasBronnen {
		if !opt.withoutBronnen[p.url] {
			report(1, "bronnen ontbreekt in front matter (ids uit data/bronnen.yaml)")
		}
		return out
	}
	if len(p.fm.bronnen) == 0 && !opt.withoutBronnen[p.url] {
		report(p.fm.bronnenLine, "bronnen is leeg")
	}
	for _, b := range p.fm.bronnen {
		if !s.bronnen[b.id] {
			report(b.line, "bron %q staat niet in data/bronnen.yaml", b.id)
		}
	}
	return out
}

func checkDuplicateTitles(titles map[string][]*page) []problem {
	var out []problem
	for title, pages := range titles {
		if len(pages) < 2 {
			continue
		}
		for _, p := range pages {
			var others []string
			for _, o := range pages {
				if o != p {
					others = append(others, o.file)
				}
			}
			out = append(out, problem{p.file, p.fm.titleLine,
				fmt.Sprintf("titel %q komt ook voor in %s", title, strings.Join(others, ", ")), "frontmatter"})
		}
	}
	return out
}

func checkHeadings(p *page) []problem {
	var out []problem
	// The layout renders the title as the h1, so the body continues at 2.
	prev := 1
	ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		line := p.lineOf(h)
		if plainText(h, p.body) == "" {
			out = append(out, problem{p.file, line, "lege kop", "headings"})
		}
		switch {
		case h.Level == 1:
			out = append(out, problem{p.file, line,
				"kop van niveau 1 (#) in de tekst; de titel is al de h1, begin bij ##", "headings"})
		case h.Level > prev+1:
			out = append(out, problem{p.file, line,
				fmt.Sprintf("kop slaat een niveau over: %s na %s", strings.Repeat("#", h.Level), strings.Repeat("#", prev)), "headings"})
		}
		prev = h.Level
		return ast.WalkSkipChildren, nil
	})
	return out
}

// checkRawHTML refuses HTML written in a content file. Goldmark passes raw HTML
// through (the callout shortcodes need that), so this check is what keeps
// pages to Markdown: no inline styles or scripts can slip in past the CSP.
func checkRawHTML(p *page) []problem {
	var out []problem
	reported := map[int]bool{} // an opening and a closing tag on one line: one problem
	ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (n.Kind() == ast.KindHTMLBlock || n.Kind() == ast.KindRawHTML) {
			if line := p.lineOf(n); !reported[line] {
				reported[line] = true
				out = append(out, problem{p.file, line,
					"HTML in de tekst; schrijf Markdown of gebruik een shortcode", "rawhtml"})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

func checkLinks(s *site, p *page) []problem {
	var out []problem
	ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest string
		switch l := n.(type) {
		case *ast.Link:
			dest = string(l.Destination)
		case *ast.Image:
			dest = string(l.Destination)
		default:
			return ast.WalkContinue, nil
		}
		if reason := s.checkDestination(p, dest); reason != "" {
			out = append(out, problem{p.file, p.lineOf(n), reason, "links"})
		}
		return ast.WalkContinue, nil
	})
	return out
}

// checkDestination returns why a link destination is broken, or "".
func (s *site) checkDestination(p *page, dest string) string {
	dest = strings.TrimSpace(dest)
	if dest == "" {
		return "link zonder adres"
	}
	if isExternal(dest) {
		return ""
	}
	if hasScheme(dest) {
		return fmt.Sprintf("link %q: onbekend soort adres (alleen http(s), mailto, tel of een pad op de site)", dest)
	}
	target, fragment, _ := resolveURL(p.url, dest)
	if !s.exists(target) {
		return fmt.Sprintf("link %q: pagina %s bestaat niet", dest, target)
	}
	if fragment == "" {
		return ""
	}
	if target == "/begrippen/" {
		if !s.begripIDs[fragment] {
			return fmt.Sprintf("link %q: begrip #%s staat niet in data/begrippen.yaml", dest, fragment)
		}
		return ""
	}
	// Only content pages have anchors we can predict from their headings.
	if tp := s.pageByURL[target]; tp != nil && !tp.anchors[fragment] {
		return fmt.Sprintf("link %q: anker #%s bestaat niet op %s", dest, fragment, target)
	}
	return ""
}
