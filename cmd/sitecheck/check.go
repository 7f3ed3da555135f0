package main

import (
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

type problem struct {
	path   string // relative to the site directory
	reason string
}

func (p problem) String() string { return p.path + ": " + p.reason }

type result struct {
	pages, links, anchors, stylesheets int
	problems                           []problem
}

// document is one parsed HTML file with the ids its anchors can point to.
type document struct {
	rel  string
	root *html.Node
	ids  map[string]bool
}

type checker struct {
	dir    string
	prefix string
	docs   map[string]*document // by path relative to dir, slash separated
	res    result
}

func checkSite(dir, prefix string) (*result, error) {
	c := &checker{dir: dir, prefix: prefix, docs: map[string]*document{}}
	var htmlFiles, cssFiles []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch strings.ToLower(path.Ext(rel)) {
		case ".html", ".htm":
			htmlFiles = append(htmlFiles, rel)
		case ".css":
			cssFiles = append(cssFiles, rel)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(htmlFiles) == 0 {
		return nil, fmt.Errorf("geen HTML-bestanden in %s; is de site gebouwd?", dir)
	}
	sort.Strings(htmlFiles)
	sort.Strings(cssFiles)

	// Parse everything first, so anchors into pages later in the walk resolve.
	for _, rel := range htmlFiles {
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			return nil, err
		}
		root, err := html.Parse(f)
		f.Close()
		if err != nil {
			c.report(rel, "HTML niet te lezen: %v", err)
			continue
		}
		doc := &document{rel: rel, root: root, ids: map[string]bool{}}
		collectIDs(doc, root)
		c.docs[rel] = doc
	}
	for _, rel := range htmlFiles {
		if doc := c.docs[rel]; doc != nil && doc.root != nil {
			c.checkPage(doc)
		}
	}
	for _, rel := range cssFiles {
		c.checkStylesheet(rel)
	}
	sort.SliceStable(c.res.problems, func(i, j int) bool { return c.res.problems[i].path < c.res.problems[j].path })
	return &c.res, nil
}

// svg reads an SVG file for its ids (fragments in <use href> point to
// them). The HTML parser reads SVG well enough to find id attributes.
func (c *checker) svg(rel string) *document {
	if doc, ok := c.docs[rel]; ok {
		return doc
	}
	doc := &document{rel: rel, ids: map[string]bool{}}
	if f, err := os.Open(filepath.Join(c.dir, filepath.FromSlash(rel))); err == nil {
		if root, err := html.Parse(f); err == nil {
			collectIDs(doc, root)
		}
		f.Close()
	}
	c.docs[rel] = doc
	return doc
}

func collectIDs(doc *document, root *html.Node) {
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if id := attr(n, "id"); id != "" {
			doc.ids[id] = true
		}
		if n.DataAtom == atom.A && attr(n, "name") != "" {
			doc.ids[attr(n, "name")] = true
		}
	}
}

func (c *checker) report(rel, format string, args ...any) {
	c.res.problems = append(c.res.problems, problem{rel, fmt.Sprintf(format, args...)})
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, name string) bool {
	for _, a := range n.Attr {
		if a.Key == name {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// isRedirect reports a Hugo alias page, which only forwards the visitor and
// so has no h1 or description of its own.
func isRedirect(root *html.Node) bool {
	for n := range root.Descendants() {
		if n.DataAtom == atom.Meta && strings.EqualFold(attr(n, "http-equiv"), "refresh") {
			return true
		}
	}
	return false
}

var headingLevel = map[atom.Atom]int{atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4, atom.H5: 5, atom.H6: 6}

// urlAttrs lists, per element, the attributes that hold a URL the browser
// loads or navigates to. srcset is handled apart because it holds a list.
var urlAttrs = map[atom.Atom][]string{
	atom.A:      {"href"},
	atom.Area:   {"href"},
	atom.Link:   {"href"},
	atom.Script: {"src"},
	atom.Img:    {"src"},
	atom.Source: {"src"},
	atom.Iframe: {"src"},
	atom.Frame:  {"src"},
	atom.Embed:  {"src"},
	atom.Object: {"data"},
	atom.Video:  {"src", "poster"},
	atom.Audio:  {"src"},
	atom.Track:  {"src"},
	atom.Form:   {"action"},
	atom.Input:  {"src", "formaction"},
	atom.Button: {"formaction"},
	atom.Image:  {"href", "xlink:href"}, // SVG <image>
}

func (c *checker) checkPage(doc *document) {
	c.res.pages++
	rel := doc.rel
	redirect := isRedirect(doc.root)

	var (
		lang, title, description, csp string
		hasTitle, hasDescription      bool
		h1s                           int
		prevLevel                     = 1
		baseURL                       = &url.URL{Path: c.prefix + rel}
	)
	if strings.HasSuffix(rel, "index.html") {
		// Resolve against the directory URL that visitors see.
		baseURL.Path = c.prefix + strings.TrimSuffix(rel, "index.html")
	}

	for n := range doc.root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Html:
			lang = attr(n, "lang")
		case atom.Base:
			if href := attr(n, "href"); href != "" {
				if u, err := url.Parse(href); err == nil {
					baseURL = baseURL.ResolveReference(u)
				}
			}
		case atom.Title:
			if n.Parent != nil && n.Parent.DataAtom == atom.Head {
				hasTitle, title = true, textOf(n)
			}
		case atom.Meta:
			if strings.EqualFold(attr(n, "name"), "description") {
				hasDescription, description = true, strings.TrimSpace(attr(n, "content"))
			}
			if strings.EqualFold(attr(n, "http-equiv"), "content-security-policy") {
				csp = attr(n, "content")
				if csp == "" {
					csp = " "
				}
			}
		case atom.Img:
			if !hasAttr(n, "alt") {
				c.report(rel, "<img src=%q> heeft geen alt", attr(n, "src"))
			}
		case atom.Style:
			c.report(rel, "<style>-element; de CSP staat geen inline stijl toe")
		case atom.Script:
			c.checkScript(rel, n)
		}
		if lvl, ok := headingLevel[n.DataAtom]; ok && n.Namespace == "" {
			if lvl == 1 {
				h1s++
			}
			if lvl > prevLevel+1 {
				c.report(rel, "kop slaat een niveau over: h%d na h%d (%q)", lvl, prevLevel, textOf(n))
			}
			prevLevel = lvl
		}
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			switch {
			case key == "style":
				c.report(rel, "style-attribuut op <%s>; de CSP staat geen inline stijl toe", n.Data)
			case strings.HasPrefix(key, "on") && len(key) > 2 && n.Namespace == "":
				c.report(rel, "%s-attribuut op <%s>; de CSP staat geen inline script toe", a.Key, n.Data)
			}
		}
		names := urlAttrs[n.DataAtom]
		if n.Data == "use" && n.Namespace == "svg" {
			names = []string{"href", "xlink:href"}
		}
		for _, name := range names {
			if v, ok := attrValue(n, name); ok {
				c.checkURL(doc, baseURL, n, name, strings.TrimSpace(v))
			}
		}
		if n.DataAtom == atom.Img || n.DataAtom == atom.Source {
			for _, cand := range strings.Split(attr(n, "srcset"), ",") {
				if f := strings.Fields(cand); len(f) > 0 {
					c.checkURL(doc, baseURL, n, "srcset", f[0])
				}
			}
		}
	}

	if redirect {
		return
	}
	if lang != "nl" {
		c.report(rel, "<html lang=%q>, verwacht lang=\"nl\"", lang)
	}
	if h1s != 1 {
		c.report(rel, "%d h1-koppen, verwacht precies 1", h1s)
	}
	if !hasTitle || title == "" {
		c.report(rel, "geen of lege <title>")
	}
	if !hasDescription || description == "" {
		c.report(rel, "geen of lege <meta name=\"description\">")
	}
	switch {
	case csp == "":
		c.report(rel, "geen <meta http-equiv=\"Content-Security-Policy\">")
	case strings.Contains(csp, "'unsafe-inline'"):
		c.report(rel, "CSP bevat 'unsafe-inline'")
	}
}

func attrValue(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		key := a.Key
		if a.Namespace != "" {
			key = a.Namespace + ":" + a.Key
		}
		if key == name {
			return a.Val, true
		}
	}
	return "", false
}

// dataScriptTypes are script types the browser never runs, so they may be
// inline under a strict CSP.
var dataScriptTypes = map[string]bool{"application/json": true, "application/ld+json": true}

func (c *checker) checkScript(rel string, n *html.Node) {
	if hasAttr(n, "src") {
		return
	}
	typ := strings.ToLower(strings.TrimSpace(attr(n, "type")))
	if dataScriptTypes[typ] {
		return
	}
	if strings.TrimSpace(textOf(n)) != "" {
		c.report(rel, "inline <script> zonder src; de CSP staat geen inline script toe")
	}
}

// isOtherOrigin reports URLs that name a host: those leave the site.
func isOtherOrigin(v string) bool {
	lower := strings.ToLower(v)
	return strings.HasPrefix(lower, "http:") || strings.HasPrefix(lower, "https:") || strings.HasPrefix(lower, "//")
}

var schemeRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// wettenPathRE is the form of a link to a Dutch law on wetten.overheid.nl:
// the law by its BWBR id (optionally a version date or more path), or one
// article in the Juriconnect form jci1.3:c:BWBR...&artikel=....
var wettenPathRE = regexp.MustCompile(`^/(BWBR[0-9]{7}(/[0-9A-Za-z._#/-]*)?|jci1\.3:c:BWBR[0-9]{7}(&[a-z]+=[0-9A-Za-z.:]+)*)$`)

// externalLinkProblem checks the form of a link to another site, not whether
// it is reachable: https only (a reader's click should not go over plain
// http), a host, no user name or password in the address, no white space,
// and for wetten.overheid.nl the form of a law or article address.
func externalLinkProblem(v string) string {
	if strings.ContainsAny(v, " \t\n") {
		return "extern adres bevat witruimte"
	}
	if !strings.HasPrefix(strings.ToLower(v), "https://") {
		return "extern adres moet met https:// beginnen"
	}
	u, err := url.Parse(v)
	if err != nil {
		return fmt.Sprintf("ongeldig extern adres: %v", err)
	}
	if u.Host == "" || !strings.Contains(u.Host, ".") {
		return "extern adres zonder geldige host"
	}
	if u.User != nil {
		return "extern adres met gebruikersnaam of wachtwoord"
	}
	if strings.EqualFold(u.Hostname(), "wetten.overheid.nl") && !wettenPathRE.MatchString(u.Path) {
		return "adres op wetten.overheid.nl heeft niet de vorm /BWBR0000000/ of /jci1.3:c:BWBR0000000&artikel=..."
	}
	return ""
}

func (c *checker) checkURL(doc *document, base *url.URL, n *html.Node, attrName, v string) {
	rel := doc.rel
	if v == "" {
		return
	}
	navigation := (n.DataAtom == atom.A || n.DataAtom == atom.Area) && attrName == "href"
	lower := strings.ToLower(v)
	switch {
	case isOtherOrigin(v):
		if !navigation {
			c.report(rel, "<%s %s=%q> laadt van een ander domein; alleen dezelfde origin mag", n.Data, attrName, v)
			return
		}
		if reason := externalLinkProblem(v); reason != "" {
			c.report(rel, "<%s %s=%q>: %s", n.Data, attrName, v, reason)
		}
		return
	case strings.HasPrefix(lower, "javascript:"):
		c.report(rel, "<%s %s=%q>: javascript:-URL; de CSP staat geen inline script toe", n.Data, attrName, v)
		return
	case strings.HasPrefix(lower, "mailto:") || strings.HasPrefix(lower, "tel:"):
		if !navigation {
			c.report(rel, "<%s %s=%q>: %s-adres hoort alleen in een link", n.Data, attrName, v, strings.SplitN(lower, ":", 2)[0])
		}
		return
	case strings.HasPrefix(lower, "data:") || strings.HasPrefix(lower, "blob:"):
		return
	case schemeRE.MatchString(v):
		c.report(rel, "<%s %s=%q>: onbekend soort adres", n.Data, attrName, v)
		return
	}

	u, err := url.Parse(v)
	if err != nil {
		c.report(rel, "<%s %s=%q>: ongeldig adres: %v", n.Data, attrName, v, err)
		return
	}
	c.res.links++
	target := doc
	if u.Path != "" {
		abs := base.ResolveReference(u)
		file, reason := c.fileFor(abs.Path)
		if reason != "" {
			c.report(rel, "<%s %s=%q>: %s", n.Data, attrName, v, reason)
			return
		}
		target = c.docs[file]
		if target == nil && strings.EqualFold(path.Ext(file), ".svg") {
			target = c.svg(file)
		}
	}
	if u.Fragment == "" {
		return
	}
	c.res.anchors++
	if target == nil {
		c.report(rel, "<%s %s=%q>: anker in een bestand dat geen HTML of SVG is", n.Data, attrName, v)
		return
	}
	if !target.ids[u.Fragment] {
		c.report(rel, "<%s %s=%q>: anker #%s bestaat niet in %s", n.Data, attrName, v, u.Fragment, target.rel)
	}
}

// fileFor maps a URL path on the site to a file in the site directory, as a
// static server does: a directory serves its index.html.
func (c *checker) fileFor(urlPath string) (string, string) {
	if !strings.HasPrefix(urlPath, c.prefix) && urlPath+"/" != c.prefix {
		return "", fmt.Sprintf("pad %s ligt buiten %s", urlPath, c.prefix)
	}
	rel := strings.TrimPrefix(strings.TrimPrefix(urlPath, strings.TrimSuffix(c.prefix, "/")), "/")
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	full := filepath.Join(c.dir, filepath.FromSlash(rel))
	info, err := os.Stat(full)
	if err == nil && info.IsDir() {
		rel = path.Join(rel, "index.html")
		info, err = os.Stat(filepath.Join(c.dir, filepath.FromSlash(rel)))
	}
	if err != nil {
		return "", fmt.Sprintf("%s bestaat niet in de gebouwde site", rel)
	}
	return rel, ""
}

var cssURLRE = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)`)
var cssImportRE = regexp.MustCompile(`@import\s+(?:"([^"]*)"|'([^']*)')`)

// checkStylesheet looks at url() and @import in a CSS file: nothing may come
// from another origin, and what comes from this site must exist.
func (c *checker) checkStylesheet(rel string) {
	c.res.stylesheets++
	raw, err := os.ReadFile(filepath.Join(c.dir, filepath.FromSlash(rel)))
	if err != nil {
		c.report(rel, "niet te lezen: %v", err)
		return
	}
	base := &url.URL{Path: c.prefix + rel}
	var refs []string
	for _, re := range []*regexp.Regexp{cssURLRE, cssImportRE} {
		for _, m := range re.FindAllStringSubmatch(string(raw), -1) {
			refs = append(refs, strings.Join(m[1:], ""))
		}
	}
	for _, ref := range refs {
		ref = strings.TrimSpace(ref)
		lower := strings.ToLower(ref)
		switch {
		case ref == "" || strings.HasPrefix(ref, "#") || strings.HasPrefix(lower, "data:"):
			continue
		case isOtherOrigin(ref):
			c.report(rel, "url(%s) laadt van een ander domein", ref)
			continue
		case schemeRE.MatchString(ref):
			c.report(rel, "url(%s): onbekend soort adres", ref)
			continue
		}
		u, err := url.Parse(ref)
		if err != nil || u.Path == "" {
			continue
		}
		c.res.links++
		if _, reason := c.fileFor(base.ResolveReference(u).Path); reason != "" {
			c.report(rel, "url(%s): %s", ref, reason)
		}
	}
}
