package main

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// runningText is the prose of a page flattened into one string, with, for
// every byte, where it came from and which link (if any) it sits in. Blocks
// are separated by a newline so a form never matches across two blocks.
type runningText struct {
	text   strings.Builder
	offset []int // byte offset in the body, -1 for separators
	link   []int // index into links, -1 outside links
	links  []string
}

func (r *runningText) add(s string, offset int, link int) {
	r.text.WriteString(s)
	for i := range len(s) {
		r.offset = append(r.offset, offset+i)
		r.link = append(r.link, link)
	}
}

func (r *runningText) separate() {
	r.text.WriteByte('\n')
	r.offset = append(r.offset, -1)
	r.link = append(r.link, -1)
}

// collectRunningText keeps paragraphs, list items, table cells and
// definition lists, and leaves out headings, code and raw HTML, as the
// glossary rule asks.
func collectRunningText(p *page) *runningText {
	r := &runningText{}
	var linkStack []int
	current := func() int {
		if len(linkStack) == 0 {
			return -1
		}
		return linkStack[len(linkStack)-1]
	}
	ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch t := n.(type) {
		case *ast.Heading, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock,
			*ast.CodeSpan, *ast.AutoLink, *ast.RawHTML, *ast.Image:
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock, *east.TableCell, *east.DefinitionTerm, *east.DefinitionDescription:
			if entering {
				r.separate()
			}
		case *ast.Link:
			if entering {
				r.links = append(r.links, string(t.Destination))
				linkStack = append(linkStack, len(r.links)-1)
			} else {
				linkStack = linkStack[:len(linkStack)-1]
			}
		case *ast.Text:
			if entering {
				r.add(string(t.Segment.Value(p.body)), t.Segment.Start, current())
				if t.SoftLineBreak() || t.HardLineBreak() {
					r.add(" ", t.Segment.Stop, current())
				}
			}
		case *ast.String:
			if entering {
				r.add(string(t.Value), nodeOffset(t), current())
			}
		}
		return ast.WalkContinue, nil
	})
	return r
}

// formPattern matches a form case-insensitively, with any run of white
// space where the form has a space (a line break in the source is one).
func formPattern(form string) *regexp.Regexp {
	parts := strings.Fields(form)
	for i, part := range parts {
		parts[i] = regexp.QuoteMeta(part)
	}
	return regexp.MustCompile(`(?i)` + strings.Join(parts, `\s+`))
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}

// wholeWord reports whether text[start:end] is not part of a longer word.
func wholeWord(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if isWordRune(r) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if isWordRune(r) {
			return false
		}
	}
	return true
}

func checkGlossary(s *site, p *page) []problem {
	if p.url == "/begrippen/" || strings.HasPrefix(p.url, "/begrippen/") {
		return nil
	}
	r := collectRunningText(p)
	text := r.text.String()
	var out []problem
	for _, term := range s.begrippen {
		start, end := firstUse(s, p, r, text, term)
		if start < 0 {
			continue
		}
		if glossaryLink(p, r, start) == term.ID {
			continue
		}
		out = append(out, problem{p.file, p.lines.line(p.bodyStart + r.offset[start]),
			fmt.Sprintf("eerste keer %q niet gelinkt naar /begrippen/#%s", text[start:end], term.ID), "glossary"})
	}
	return out
}

// firstUse finds the earliest whole-word use of any form of the term. A use
// that is part of the link text of a longer, other glossary term (say
// "verwerker" inside a linked "subverwerker overeenkomst") is that other
// term's use, not this one's, so it is skipped.
func firstUse(s *site, p *page, r *runningText, text string, term glossaryTerm) (int, int) {
	bestStart, bestEnd := -1, -1
	for _, form := range term.Forms {
		for _, m := range formPattern(form).FindAllStringIndex(text, -1) {
			if bestStart >= 0 && m[0] >= bestStart {
				break
			}
			if !wholeWord(text, m[0], m[1]) {
				continue
			}
			if other := glossaryLink(p, r, m[0]); other != "" && other != term.ID && partOfLongerLink(r, m[0], m[1]) {
				continue
			}
			bestStart, bestEnd = m[0], m[1]
			break
		}
	}
	return bestStart, bestEnd
}

// glossaryLink returns the glossary id the text at i links to, or "".
func glossaryLink(p *page, r *runningText, i int) string {
	l := r.link[i]
	if l < 0 {
		return ""
	}
	dest := r.links[l]
	if isExternal(dest) || hasScheme(dest) {
		return ""
	}
	target, fragment, _ := resolveURL(p.url, dest)
	if target != "/begrippen/" {
		return ""
	}
	return fragment
}

func partOfLongerLink(r *runningText, start, end int) bool {
	l := r.link[start]
	return (start > 0 && r.link[start-1] == l) || (end < len(r.link) && r.link[end] == l)
}
