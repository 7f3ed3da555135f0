// Package checklist is the Deelwijzer checklist engine: it loads a checklist
// definition, evaluates a visitor's answers (visibility, progress, findings,
// personal-data warnings), validates, exports, imports and reports.
//
// The package is pure Go without reflection-heavy dependencies so that it
// compiles to a small WebAssembly binary; everything runs in the visitor's
// browser and no answer ever leaves it.
package checklist

// Kind is the type of answer a question takes.
type Kind string

// The kinds of questions. The Hugo form renderer uses the same names.
const (
	KindYesNo    Kind = "yesno"
	KindChoice   Kind = "choice"
	KindMulti    Kind = "multi"
	KindText     Kind = "text"
	KindLongText Kind = "longtext"
	KindDate     Kind = "date"
	KindGroup    Kind = "group"
	// KindRef picks one row (or, with Multiple, several rows) of an
	// earlier group; the answer is the row's stable id (RowIDKey).
	KindRef Kind = "ref"
)

// YesNo answers. "weetniet" is a real answer: the visitor has thought about
// the question but does not know yet.
var yesNoValues = []Option{{Value: "ja", Label: "Ja"}, {Value: "nee", Label: "Nee"}, {Value: "weetniet", Label: "Weet ik niet"}}

// Severities of findings, from light to heavy. SeverityUitkomst is not a
// weight but a kind: the checklist's verdict, in words ("DPIA verplicht").
// It comes before every other finding, on the page and in the report, so a
// reader sees the answer first instead of finding it sorted under "Risico".
// The names are those of the definition files and of the JSON the page
// reads.
type Severity string

const (
	SeverityInfo     Severity = "info"
	SeverityAandacht Severity = "aandacht"
	SeverityRisico   Severity = "risico"
	SeverityUitkomst Severity = "uitkomst"
)

// Section progress statuses.
const (
	StatusNotStarted = "niet-gestart"
	StatusBusy       = "bezig"
	StatusDone       = "afgerond"
)

// Option is one possible answer of a choice or multi question.
type Option struct {
	Value string
	Label string
}

// Definition is a loaded, checked checklist.
type Definition struct {
	ID          string
	Title       string
	Version     string
	Date        string
	Description string
	Guidance    string
	Sources     []string
	Sections    []*Section
	Findings    []*Finding
	Views       []*View // overviews for the result page and the report
	Moved       []Move  // answers that moved in a newer version (moved.go)
	Plan        *Object // the measures of the action list per role, as written (actionplan.go)

	items []*Item // top-level items in checklist order
	byID  map[string]*Item
	roles []Option // the list "rollen", for the labels of finding roles
	// refTargets are the groups that ref fields name, in checklist order:
	// the page gets their rows (id and label) to choose from.
	refTargets []*Item
}

// Section is one step of the checklist.
type Section struct {
	ID    string
	Title string
	Intro string
	Links []string
	Items []*Item
	Path  string // e.g. "sections[2]"
}

// Item is one question, or one field of a group row.
type Item struct {
	ID          string
	Kind        Kind
	Question    string
	Hint        string
	Required    bool
	ShowIf      string // condition source; empty = always shown
	Links       []string
	Options     []Option
	OptionsFrom string
	MinRows     int
	MaxRows     int
	RowLabel    string  // group only: what one row is called, e.g. "Partner"
	RowTitle    string  // group only: the field whose answer names a row, e.g. "processtap"
	RowsFrom    string  // group only: id of an earlier group whose rows this group follows
	Fields      []*Item // group only
	Ref         string  // ref only: id of the group whose rows it names
	Multiple    bool    // ref only: several rows may be picked

	// Target is the group named by Ref.
	Target *Item

	// OutcomeFrom (choice questions only) names another checklist of the
	// dossier whose outcome suggests this answer, as written: {checklist,
	// values: {finding id: option value}}. See carry.go.
	OutcomeFrom *Object

	// Shared names the group of data/dossier.yaml this group is (group
	// only): its rows belong to the dossier, and every checklist of the
	// dossier that includes it reads and writes the same rows.
	Shared string

	// Source is the group named by RowsFrom: this group has one row per row
	// of Source, at the same index.
	Source *Item

	Path    string   // e.g. "sections[2].items[3]" or "...fields[0]"
	Section *Section // nil for fields
	Group   *Item    // the group a field belongs to; nil for items

	order int // position over the whole checklist; conditions may only look back
	// slot indexes per-evaluation slices such as State.visible: the order of
	// the first item with this id (ids are unique in a checked definition).
	slot   int
	showIf *node
}

// Finding is a rule that produces a remark when its condition holds.
type Finding struct {
	ID       string
	Severity Severity
	ForEach  string
	When     string
	Text     string
	Link     string
	Roles    []string // ids from data/rollen.yaml: who acts on this finding
	Path     string

	forEach *Item
	when    *node
	text    []textPart
}

// RoleLabel returns the name of a role from the list "rollen", or the id.
func (d *Definition) RoleLabel(id string) string {
	for _, o := range d.roles {
		if o.Value == id {
			return o.Label
		}
	}
	return id
}

// Items returns the top-level questions in checklist order.
func (d *Definition) Items() []*Item { return d.items }

// Item returns the top-level question with this id, or nil.
func (d *Definition) Item(id string) *Item { return d.byID[id] }

// Field returns the group field with this id, or nil (also on a nil item,
// so callers can ask it.Source without checking).
func (it *Item) Field(id string) *Item {
	if it == nil {
		return nil
	}
	for _, f := range it.Fields {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// AllowedValues returns the options for choice/multi and the fixed answers
// of a yes/no question.
func (it *Item) AllowedValues() []Option {
	if it.Kind == KindYesNo {
		return yesNoValues
	}
	return it.Options
}

// hasValue reports whether v is an allowed answer. A choice whose options
// come from an empty named list accepts anything: the list is unknown here,
// and refusing would throw away the visitor's answer.
func (it *Item) hasValue(v string) bool {
	allowed := it.AllowedValues()
	if len(allowed) == 0 && it.OptionsFrom != "" {
		return v != ""
	}
	for _, o := range allowed {
		if o.Value == v {
			return true
		}
	}
	return false
}

// Label returns the human label of an answer value.
func (it *Item) Label(v string) string {
	for _, o := range it.AllowedValues() {
		if o.Value == v {
			return o.Label
		}
	}
	return v
}

// Problem is one mistake in a definition.
type Problem struct {
	Path      string // full path of the offending value, e.g. "sections[2].items[3].showIf"
	OwnerKind string // "vraag", "veld", "stap", "bevinding" or "" for the checklist itself
	Owner     string // id of the owner
	OwnerPath string // path of the owner, e.g. "sections[2].items[3]"
	Message   string // Dutch
}

// Location renders the path with the owner's id, e.g.
// "sections[2].items[3] (partners).showIf".
func (p Problem) Location() string {
	if p.Owner != "" && p.OwnerPath != "" && hasPrefix(p.Path, p.OwnerPath) {
		return p.OwnerPath + " (" + p.Owner + ")" + p.Path[len(p.OwnerPath):]
	}
	if p.Path == "" {
		return "(checklist)"
	}
	return p.Path
}

func (p Problem) String() string { return p.Location() + ": " + p.Message }

// LoadError lists every problem found in a definition.
type LoadError struct {
	Problems []Problem
}

func (e *LoadError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return joinStrings(lines, "\n")
}

func isValidID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return s[0] != '-' && s[len(s)-1] != '-'
}

// isValidDate checks YYYY-MM-DD by hand, including month lengths and leap
// years, so the wasm binary does not need package time.
func isValidDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	y, okY := digitsValue(s[0:4])
	m, okM := digitsValue(s[5:7])
	d, okD := digitsValue(s[8:10])
	return okY && okM && okD && y >= 1 && validDayMonth(d, m, y)
}

func validDayMonth(d, m, y int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

func digitsValue(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// parseSemver reads "major.minor.patch".
func parseSemver(s string) ([3]int, bool) {
	var v [3]int
	parts := splitByte(s, '.')
	if len(parts) != 3 {
		return v, false
	}
	for i, p := range parts {
		n, ok := digitsValue(p)
		if !ok || len(p) > 6 || (len(p) > 1 && p[0] == '0') {
			return v, false
		}
		v[i] = n
	}
	return v, true
}

// compareSemver returns -1, 0 or 1; invalid versions sort as equal.
func compareSemver(a, b string) int {
	va, okA := parseSemver(a)
	vb, okB := parseSemver(b)
	if !okA || !okB {
		return 0
	}
	for i := range va {
		if va[i] < vb[i] {
			return -1
		}
		if va[i] > vb[i] {
			return 1
		}
	}
	return 0
}

// itoa formats an integer. Package strconv would also link package errors
// (and with it a reflection helper) into the WebAssembly binary.
func itoa(n int) string { return string(appendInt(nil, int64(n))) }

// Itoa is strconv.Itoa for the packages around the engine. Package strconv
// itself brings package errors (for its error values) and with it part of
// internal/reflectlite into the WebAssembly module.
func Itoa(n int) string { return itoa(n) }

// appendInt appends the decimal form of n.
func appendInt(b []byte, n int64) []byte {
	if n < 0 {
		b = append(b, '-')
		if n == -n { // the smallest int64 has no positive counterpart
			return append(b, "9223372036854775808"...)
		}
		n = -n
	}
	var digits [20]byte
	i := len(digits)
	for {
		i--
		digits[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return append(b, digits[i:]...)
}

// textBuffer collects output text; unlike strings.Builder, code that formats
// numbers can append to its bytes directly.
type textBuffer struct{ b []byte }

func (t *textBuffer) WriteString(s string) { t.b = append(t.b, s...) }

func (t *textBuffer) AddByte(c byte) { t.b = append(t.b, c) }

func (t *textBuffer) String() string { return string(t.b) }

// splitByte is strings.Split for a single separator byte.
func splitByte(s string, sep byte) []string {
	var parts []string
	for {
		i := indexByte(s, sep)
		if i < 0 {
			return append(parts, s)
		}
		parts = append(parts, s[:i])
		s = s[i+1:]
	}
}

// trimSpace trims ASCII white space. strings.TrimSpace would pull the
// Unicode tables into the WebAssembly binary for a case that does not matter
// here (an answer of only exotic spaces).
func trimSpace(s string) string {
	start, end := 0, len(s)
	for start < end && isSpaceByte(s[start]) {
		start++
	}
	for end > start && isSpaceByte(s[end-1]) {
		end--
	}
	return s[start:end]
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// joinStrings is strings.Join, smaller in WebAssembly.
func joinStrings(parts []string, sep string) string {
	var b []byte
	for i, p := range parts {
		if i > 0 {
			b = append(b, sep...)
		}
		b = append(b, p...)
	}
	return string(b)
}
