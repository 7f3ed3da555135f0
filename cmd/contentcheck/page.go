package main

import (
	"os"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

// page is one Markdown file, parsed once and shared by all checks.
type page struct {
	file string // path as reported, e.g. content/werkwijze/stap-2.md
	rel  string // path inside the content directory
	url  string

	src       []byte
	lines     lineIndex
	body      []byte
	bodyStart int

	hasFrontMatter bool
	fmErr          error
	fm             frontMatter

	doc ast.Node
	// anchors holds the heading ids Hugo will generate, for #fragment links.
	anchors map[string]bool
}

// frontMatter holds the fields the checks need, each with its line in the
// original file (0 when the field is absent).
type frontMatter struct {
	title, description         string
	titleLine, descriptionLine int
	hasBronnen                 bool
	bronnenLine                int
	bronnen                    []idAtLine
}

type idAtLine struct {
	id   string
	line int
}

// markdown mirrors the parts of Hugo's Goldmark setup that change the
// document structure: GFM tables and lists, definition lists, footnotes and
// attributes such as {#id} on headings.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.DefinitionList, extension.Footnote),
	goldmark.WithParserOptions(parser.WithAttribute()),
)

func readPage(path, rel string) (*page, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	p := &page{
		file:  path,
		rel:   rel,
		url:   pageURL(rel),
		src:   src,
		lines: newLineIndex(src),
	}
	fm, body, bodyStart, ok := splitFrontMatter(src)
	p.hasFrontMatter = ok
	p.body, p.bodyStart = body, bodyStart
	if ok {
		p.fm, p.fmErr = parseFrontMatter(fm)
	}
	p.doc = markdown.Parser().Parse(text.NewReader(p.body))
	p.anchors = map[string]bool{}
	ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			if id, ok := h.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					p.anchors[string(b)] = true
				}
			}
			p.anchors[anchorize(plainText(h, p.body))] = true
		}
		return ast.WalkContinue, nil
	})
	return p, nil
}

// parseFrontMatter reads YAML into a node tree, so each field keeps its line.
// The front matter starts on line 2 of the file (after "---").
func parseFrontMatter(raw []byte) (frontMatter, error) {
	var fm frontMatter
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		return fm, err
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return fm, nil
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, val := m.Content[i], m.Content[i+1]
		line := key.Line + 1
		switch key.Value {
		case "title":
			fm.title, fm.titleLine = strings.TrimSpace(val.Value), line
		case "description":
			fm.description, fm.descriptionLine = strings.TrimSpace(val.Value), line
		case "bronnen":
			fm.hasBronnen, fm.bronnenLine = true, line
			if val.Kind == yaml.SequenceNode {
				for _, item := range val.Content {
					fm.bronnen = append(fm.bronnen, idAtLine{item.Value, item.Line + 1})
				}
			} else if val.Kind == yaml.ScalarNode && val.Value != "" {
				fm.bronnen = append(fm.bronnen, idAtLine{val.Value, val.Line + 1})
			}
		}
	}
	return fm, nil
}

// lineOf gives the line in the original file of a node of the body.
func (p *page) lineOf(n ast.Node) int {
	return p.lines.line(p.bodyStart + nodeOffset(n))
}

// nodeOffset finds a byte offset in the body for any node: its own
// position, the first line of a block, or the first text inside it.
func nodeOffset(n ast.Node) int {
	for cur := n; cur != nil; cur = cur.Parent() {
		if pos := cur.Pos(); pos >= 0 {
			return pos
		}
		if t, ok := cur.(*ast.Text); ok {
			return t.Segment.Start
		}
		if cur.Type() == ast.TypeBlock && cur.Lines().Len() > 0 {
			return cur.Lines().At(0).Start
		}
		var found = -1
		ast.Walk(cur, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if t, ok := c.(*ast.Text); ok && entering {
				found = t.Segment.Start
				return ast.WalkStop, nil
			}
			return ast.WalkContinue, nil
		})
		if found >= 0 {
			return found
		}
	}
	return 0
}

// plainText joins the text of a node's inline children.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			for cc := t.FirstChild(); cc != nil; cc = cc.NextSibling() {
				if tt, ok := cc.(*ast.Text); ok {
					b.Write(tt.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// anchorize follows Hugo's default "github" heading ids: lower case,
// letters, digits, '-' and '_' kept, spaces become '-', the rest dropped.
func anchorize(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteByte('-')
		}
	}
	return b.String()
}
