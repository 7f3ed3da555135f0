package document

// Templates are Markdown files in data/documenten/ that a jurist can edit
// without touching code. The syntax is small on purpose:
//
//	---                     front matter: id, titel, versie, omschrijving
//	# Kop / ## / ###        headings of level 1 to 3
//	tekst                   a paragraph (lines are joined until a blank line)
//	- punt / 1. punt        a bulleted or numbered list
//	> tekst                 a note that stands out (such as "a jurist must check this")
//	{{naam}}                an answer from the workbook; on a line of its own
//	                        it may also become a list or a table
//	{{naam | tekst}}        the same, with the text to show while there is no answer
//	{{per organisatie}}     the lines up to {{einde}} once for every organisation;
//	{{per organisatie | tekst}}  the same, with the text to show when there is none
//
// Answers are put in as text: whatever a visitor typed, even "{{naam}}",
// is never read as part of the template.

// Template is one parsed document template.
type Template struct {
	ID          string
	Title       string
	Version     string
	Description string
	// Checklist is the checklist whose result offers the document;
	// Checklists all checklists whose answers it reads (front matter
	// "checklists: [samenwerking, werkwijze]"; without it, Checklist alone).
	Checklist  string
	Checklists []string
	body       []string
}

// Value is what a placeholder stands for: text, blocks (a list or a table)
// or, for {{per ...}}, one set of values per repetition. Text is used
// inline; a placeholder on a line of its own prefers Blocks.
type Value struct {
	Text   string
	Blocks []Block
	Each   []Values
}

// Values maps placeholder names to values.
type Values map[string]Value

func (v Value) empty() bool { return v.Text == "" && len(v.Blocks) == 0 && len(v.Each) == 0 }

// TemplateError says what is wrong with a template, in Dutch, with the line.
type TemplateError struct {
	Line    int
	Message string
}

func (e *TemplateError) Error() string {
	if e.Line == 0 {
		return "sjabloon: " + e.Message
	}
	return "sjabloon, regel " + itoa(e.Line) + ": " + e.Message
}

// ParseTemplate reads a template. It fails on a missing id, title or
// version, and on {{per}} without {{einde}} or the other way round.
func ParseTemplate(src string) (*Template, error) {
	lines := splitLines(src)
	t := &Template{}
	first := 0
	if len(lines) > 0 && trim(lines[0]) == "---" {
		end := -1
		for i := 1; i < len(lines); i++ {
			if trim(lines[i]) == "---" {
				end = i
				break
			}
			key, val, ok := cut(lines[i], ':')
			if !ok {
				continue
			}
			val = unquote(trim(val))
			switch trim(key) {
			case "id":
				t.ID = val
			case "titel":
				t.Title = val
			case "versie":
				t.Version = val
			case "omschrijving":
				t.Description = val
			case "checklist":
				t.Checklist = val
			case "checklists":
				t.Checklists = inlineList(val)
			}
		}
		if end < 0 {
			return nil, &TemplateError{1, "de kop (front matter) sluit niet af met ---"}
		}
		first = end + 1
	}
	if t.ID == "" || t.Title == "" || t.Version == "" {
		return nil, &TemplateError{1, "id, titel en versie zijn verplicht in de kop"}
	}
	if len(t.Checklists) == 0 && t.Checklist != "" {
		t.Checklists = []string{t.Checklist}
	}
	t.body = lines[first:]
	depth := 0
	for i, l := range t.body {
		if name, ok := perLine(l); ok {
			if name == "" {
				return nil, &TemplateError{first + i + 1, "{{per}} zonder naam"}
			}
			depth++
		} else if isEnd(l) {
			if depth == 0 {
				return nil, &TemplateError{first + i + 1, "{{einde}} zonder {{per ...}}"}
			}
			depth--
		}
	}
	if depth != 0 {
		return nil, &TemplateError{0, "{{per ...}} zonder {{einde}}"}
	}
	return t, nil
}

// Placeholders returns every name the template uses, {{per}} names
// included, in order of first use.
func (t *Template) Placeholders() []string {
	var names []string
	seen := map[string]bool{}
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	for _, l := range t.body {
		if name, ok := perLine(l); ok {
			add(name)
			continue
		}
		if isEnd(l) {
			continue
		}
		for _, p := range placeholders(l) {
			add(p.name)
		}
	}
	return names
}

// Meta is the title block every document carries.
type Meta struct {
	Dossier, Checklist, Status, Date, DateText string
	// Notice, when set, stands out at the top: the dossier changed after
	// its vaststelling.
	Notice string
}

// Render fills the template in. The title block names the dossier, the
// checklist and its version, the status, the date and the template's own
// version.
func (t *Template) Render(m Meta, v Values) *Document {
	d := &Document{Title: t.Title, Date: m.Date}
	d.Meta = [][2]string{
		{"Dossier", orDash(m.Dossier)},
		{"Bron", orDash(m.Checklist)},
		{"Status", orDash(m.Status)},
		{"Datum", orDash(m.DateText)},
		{"Sjabloon", t.Title + ", versie " + t.Version},
	}
	if m.Notice != "" {
		d.Blocks = append(d.Blocks, Block{Kind: Note, Text: m.Notice})
	}
	r := renderer{doc: d}
	r.lines(t.body, []Values{v})
	r.flush()
	return d
}

func orDash(s string) string {
	if trim(s) == "" {
		return "-"
	}
	return s
}

type renderer struct {
	doc  *Document
	para []string
	note bool
	list *Block
}

func (r *renderer) flush() {
	if len(r.para) > 0 {
		k := Paragraph
		if r.note {
			k = Note
		}
		r.doc.Blocks = append(r.doc.Blocks, Block{Kind: k, Text: joinWith(r.para, " ")})
		r.para = nil
	}
	if r.list != nil {
		r.doc.Blocks = append(r.doc.Blocks, *r.list)
		r.list = nil
	}
}

func (r *renderer) lines(lines []string, scope []Values) {
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if name, ok := perLine(l); ok {
			// Find the matching {{einde}}.
			depth, end := 1, len(lines)
			for j := i + 1; j < len(lines); j++ {
				if _, ok := perLine(lines[j]); ok {
					depth++
				} else if isEnd(lines[j]) {
					depth--
					if depth == 0 {
						end = j
						break
					}
				}
			}
			r.flush()
			each := lookup(scope, name).Each
			if _, none, _ := perParts(l); len(each) == 0 && none != "" {
				r.doc.Blocks = append(r.doc.Blocks, Block{Kind: Paragraph, Text: none})
			}
			for _, each := range each {
				r.lines(lines[i+1:end], append([]Values{each}, scope...))
				r.flush()
			}
			i = end
			continue
		}
		s := trim(l)
		switch {
		case s == "":
			r.flush()
		case headingLevelOf(s) > 0:
			r.flush()
			n := headingLevelOf(s)
			r.doc.Blocks = append(r.doc.Blocks, Block{Kind: Heading, Level: n, Text: fill(trim(s[n:]), scope)})
		case hasPrefix(s, "> ") || s == ">":
			if len(r.para) > 0 && !r.note || r.list != nil {
				r.flush()
			}
			r.note = true
			if t := fill(trim(s[1:]), scope); t != "" {
				r.para = append(r.para, t)
			}
		case hasPrefix(s, "- "):
			r.item(BulletList, fill(trim(s[2:]), scope))
		case numberedItem(s) > 0:
			r.item(NumberedList, fill(trim(s[numberedItem(s):]), scope))
		default:
			if ps := placeholders(s); len(ps) == 1 && ps[0].start == 0 && ps[0].end == len(s) {
				r.flush()
				v := lookup(scope, ps[0].name)
				switch {
				case len(v.Blocks) > 0:
					r.doc.Blocks = append(r.doc.Blocks, v.Blocks...)
				case v.Text != "":
					r.doc.Blocks = append(r.doc.Blocks, Block{Kind: Paragraph, Text: v.Text})
				default:
					r.doc.Blocks = append(r.doc.Blocks, Block{Kind: Paragraph, Text: fallback(ps[0])})
				}
				continue
			}
			if r.list != nil || r.note {
				r.flush()
			}
			r.note = false
			r.para = append(r.para, fill(s, scope))
		}
	}
}

func (r *renderer) item(k Kind, text string) {
	if len(r.para) > 0 || r.list != nil && r.list.Kind != k {
		r.flush()
	}
	if r.list == nil {
		r.list = &Block{Kind: k}
	}
	r.list.Items = append(r.list.Items, text)
}

func lookup(scope []Values, name string) Value {
	for _, s := range scope {
		if v, ok := s[name]; ok && !v.empty() {
			return v
		}
	}
	return Value{}
}

// NotFilledIn is shown for a placeholder without an answer and without a
// text of its own.
const NotFilledIn = "[nog niet ingevuld]"

func fallback(p placeholder) string {
	if p.fallback != "" {
		return p.fallback
	}
	return NotFilledIn
}

// fill replaces the placeholders in one line, in one pass: text that comes
// from an answer is never searched for placeholders again.
func fill(s string, scope []Values) string {
	ps := placeholders(s)
	if len(ps) == 0 {
		return s
	}
	var b []byte
	last := 0
	for _, p := range ps {
		b = append(b, s[last:p.start]...)
		v := lookup(scope, p.name)
		if v.Text != "" {
			b = append(b, flattenSpace(v.Text)...)
		} else {
			b = append(b, fallback(p)...)
		}
		last = p.end
	}
	return string(append(b, s[last:]...))
}

// flattenSpace keeps an inline answer on its line: a long answer with line
// breaks goes into a sentence as one line.
func flattenSpace(s string) string {
	out := []byte(s)
	for i, c := range out {
		if c == '\n' || c == '\r' {
			out[i] = ' '
		}
	}
	return string(out)
}

type placeholder struct {
	start, end     int
	name, fallback string
}

func placeholders(s string) []placeholder {
	var out []placeholder
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '{' || s[i+1] != '{' {
			continue
		}
		j := indexFrom(s, "}}", i+2)
		if j < 0 {
			break
		}
		inner := s[i+2 : j]
		name, fb, _ := cut(inner, '|')
		out = append(out, placeholder{start: i, end: j + 2, name: trim(name), fallback: trim(fb)})
		i = j + 1
	}
	return out
}

func perLine(l string) (string, bool) {
	name, _, ok := perParts(l)
	return name, ok
}

// perParts reads "{{per name}}" or "{{per name | text when there is none}}".
func perParts(l string) (name, none string, ok bool) {
	s := trim(l)
	if !hasPrefix(s, "{{per") || !hasSuffix(s, "}}") {
		return "", "", false
	}
	inner := s[5 : len(s)-2]
	if inner != "" && inner[0] != ' ' {
		return "", "", false
	}
	name, none, _ = cut(inner, '|')
	return trim(name), trim(none), true
}

// inlineList reads a YAML flow list such as "[samenwerking, werkwijze]".
func inlineList(s string) []string {
	if !hasPrefix(s, "[") || !hasSuffix(s, "]") {
		return nil
	}
	var out []string
	rest := s[1 : len(s)-1]
	for {
		part, more, found := cut(rest, ',')
		if p := unquote(trim(part)); p != "" {
			out = append(out, p)
		}
		if !found {
			return out
		}
		rest = more
	}
}

func isEnd(l string) bool { return trim(l) == "{{einde}}" }

func headingLevelOf(s string) int {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n == 0 || n > 3 || n >= len(s) || s[n] != ' ' {
		return 0
	}
	return n
}

// numberedItem returns the length of "12. " at the start of s, or 0.
func numberedItem(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 || n+1 >= len(s) || s[n] != '.' || s[n+1] != ' ' {
		return 0
	}
	return n + 2
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, trimCR(s[start:i]))
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, trimCR(s[start:]))
	}
	return out
}

func trimCR(s string) string {
	if len(s) > 0 && s[len(s)-1] == '\r' {
		return s[:len(s)-1]
	}
	return s
}

func trim(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}

func cut(s string, sep byte) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

func indexFrom(s, sub string, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }
func hasSuffix(s, p string) bool { return len(s) >= len(p) && s[len(s)-len(p):] == p }

func joinWith(parts []string, sep string) string {
	var b []byte
	for i, p := range parts {
		if i > 0 {
			b = append(b, sep...)
		}
		b = append(b, p...)
	}
	return string(b)
}
