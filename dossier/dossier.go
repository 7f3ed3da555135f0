// Package dossier is the file format and store logic of a dossier: one
// collaboration, with the rows its checklists share (organisaties,
// processtappen, ...) and every checklist's own answers. The browser keeps
// each dossier as one text in this format, and a visitor downloads and opens
// the same text as a file.
//
// # Format (schema "deelwijzer-dossier", schemaVersion 1)
//
//		{
//		  "schema": "deelwijzer-dossier",
//		  "schemaVersion": 1,
//		  "dossier": {"id": "k3j2h4g5", "name": "Wijkteam Noord", "created": "2026-11-30T09:12:00.000Z",
//		              "modified": "2026-11-30T10:40:00.000Z", "archived": false},
//		  "shared": {
//		    "organisaties": {"rows": [{"naam": "Gemeente", "rol": "verwerkingsverantwoordelijke"}],
//		                     "given": {"#0.naam": {"by": "", "at": "2026-11-30T09:15:00.000Z"}}}
//		  },
//		  "checklists": {
//		    "samenwerking": {"definitionVersion": "3.0.0", "answers": {"doel": "..."},
//		                     "given": {"doel": {"by": "", "at": "2026-11-30T10:40:00.000Z"}}}
//		  }
//		}
//
//	  - dossier.id: [a-z0-9-], 1 to 40 characters; made by the page at random.
//	    created and modified are ISO 8601 times as the page's clock gives them.
//	  - shared.<group>.rows: the rows of a group of data/dossier.yaml, in the
//	    same form as a group's answer in an answer file (an object per row,
//	    field id → answer). A row's "_id", when present, is kept as it is.
//	  - checklists.<id>.answers: exactly the "answers" object of that
//	    checklist's answer file (schema deelwijzer-antwoorden), without the
//	    shared groups, and definitionVersion the version they were given in.
//	    The dossier does not interpret them: the checklist page reads them
//	    with the engine's import, which migrates and names what no longer
//	    fits, so an answer from an older version is never lost here.
//	  - given: for every answer, who gave it and when. The key is the answer's
//	    place: an item id ("doel"), or a row field "<group>.<row>.<field>"
//	    (in shared groups "<row>.<field>"), where <row> is the row's "_id", or
//	    "#<index>" for a row without one. by is the id of an organisation row
//	    (empty while the visitor has not said for which organisation they
//	    fill it in, see namens.go), at an ISO 8601 time.
//	  - checklists.<id>.outcome: the checklist's verdict as its page last
//	    saved it, {id, text, title, at} (see outcome.go).
//	  - checklists.<id>.steps: {"<step id>": "niet-gestart" | "bezig" |
//	    "afgerond"}, the engine's status of each step when the checklist page
//	    last saved, for definitionVersion, and stepsShared, a fingerprint of
//	    the shared rows they were computed with (see tasks.go). Optional.
//	  - Keys this version does not know are kept as they are, so a file of a
//	    newer version of the same schemaVersion passes through unharmed.
//
// # Migration path
//
// schemaVersion changes only when an older reader could not read the file
// any more (a key changing meaning, not a key added). A reader refuses a
// higher schemaVersion with a message, and reads every lower one by
// converting it step by step to the current one before anything else (there
// is one version now). An answer file of one checklist (schema
// deelwijzer-antwoorden, version 1) is read as a new dossier: its answers go
// under its checklist with their definitionVersion, the answers to shared
// groups (after the checklist's "moved" rules, such as samenwerking 2.x's
// partner names becoming organisaties) into the dossier's shared rows, and
// the file's export time becomes the time of every answer.
//
// Like the engine, this package does not use fmt, encoding/json, reflect or
// regexp: it works on the checklist package's JSON tree.
package dossier

import (
	"unicode/utf8"

	"deelwijzer/checklist"
)

const (
	Schema        = "deelwijzer-dossier"
	SchemaVersion = 1
	// MaxSize is far above a real dossier (five checklists of a few
	// kilobytes each) and within what a browser's storage holds.
	MaxSize = 4 << 20
	// maxName is the longest dossier name; the page's field has the same
	// maxlength.
	maxName = 200
)

// Error is a file that cannot be read, or an operation that cannot be
// done; Message is Dutch and meant for the visitor.
type Error struct{ Message string }

func (e *Error) Error() string { return e.Message }

func fail(msg string) error { return &Error{Message: msg} }

// Dossier is a parsed, checked dossier. It keeps the whole tree, so keys it
// does not know survive a round trip.
type Dossier struct {
	root *checklist.Object
}

// ValidID says whether s can be a dossier id (and so a storage key part).
func ValidID(s string) bool {
	if len(s) == 0 || len(s) > 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// New makes an empty dossier.
func New(id, name, now string) (*Dossier, error) {
	if !ValidID(id) {
		return nil, fail("Het dossier kreeg geen geldige code.")
	}
	name, err := cleanName(name)
	if err != nil {
		return nil, err
	}
	meta := checklist.NewObject().Set("id", id).Set("name", name).Set("created", now).Set("modified", now).Set("archived", false)
	newSignoff(meta)
	root := checklist.NewObject().
		Set("schema", Schema).
		Set("schemaVersion", SchemaVersion).
		Set("dossier", meta).
		Set("shared", checklist.NewObject()).
		Set("checklists", checklist.NewObject())
	return &Dossier{root: root}, nil
}

func cleanName(name string) (string, error) {
	s := oneLine(name)
	if s == "" {
		return "", fail("Geef het dossier een naam.")
	}
	if utf8.RuneCountInString(s) > maxName {
		return "", fail("De naam is te lang: gebruik hoogstens " + checklist.Itoa(maxName) + " tekens.")
	}
	return s, nil
}

// oneLine is s without control characters and outer spaces: line breaks
// and tabs would make a name or a log entry read as two in a list.
func oneLine(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			c = ' '
		}
		out = append(out, c)
	}
	return trim(string(out))
}

func trim(s string) string {
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	return s
}

// Text is the dossier as the text of a file (and of the stored copy).
func (d *Dossier) Text() string {
	return string(checklist.AppendJSON(nil, d.root)) + "\n"
}

func (d *Dossier) meta() *checklist.Object {
	m, _ := d.root.Values["dossier"].(*checklist.Object)
	return m
}

func (d *Dossier) str(key string) string {
	s, _ := d.meta().Values[key].(string)
	return s
}

func (d *Dossier) ID() string       { return d.str("id") }
func (d *Dossier) Name() string     { return d.str("name") }
func (d *Dossier) Created() string  { return d.str("created") }
func (d *Dossier) Modified() string { return d.str("modified") }
func (d *Dossier) Archived() bool {
	b, _ := d.meta().Values["archived"].(bool)
	return b
}

// Rename gives the dossier another name.
func (d *Dossier) Rename(name, now string) error {
	name, err := cleanName(name)
	if err != nil {
		return err
	}
	d.meta().Set("name", name).Set("modified", now)
	return nil
}

// SetArchived moves the dossier to or from the archive; nothing in it
// changes.
func (d *Dossier) SetArchived(archived bool, now string) {
	d.meta().Set("archived", archived).Set("modified", now)
}

// Duplicate is a copy with its own id and name, not archived; the rows and
// answers, with who gave them and when, are the same.
func (d *Dossier) Duplicate(id, name, now string) (*Dossier, error) {
	if !ValidID(id) {
		return nil, fail("De kopie kreeg geen geldige code.")
	}
	name, err := cleanName(name)
	if err != nil {
		return nil, err
	}
	c, err := Parse(d.Text())
	if err != nil {
		return nil, err
	}
	c.meta().Set("id", id).Set("name", name).Set("created", now).Set("modified", now).Set("archived", false)
	// A copy is a new document: its versions and log start again, and
	// nobody adopted it yet.
	newSignoff(c.meta())
	return c, nil
}

// withID is the dossier under another id (an imported file whose id is
// already in use in this browser).
func (d *Dossier) withID(id string) error {
	if !ValidID(id) {
		return fail("Het dossier kreeg geen geldige code.")
	}
	d.meta().Set("id", id)
	return nil
}

func (d *Dossier) section(key string) *checklist.Object {
	o, _ := d.root.Values[key].(*checklist.Object)
	return o
}

// ChecklistIDs lists the checklists with answers in the dossier.
func (d *Dossier) ChecklistIDs() []string {
	return append([]string(nil), d.section("checklists").Keys...)
}

// SharedRows returns the rows of a shared group (nil when there are none).
func (d *Dossier) SharedRows(name string) []any {
	g, _ := d.section("shared").Values[name].(*checklist.Object)
	rows, _ := g.Get("rows")
	list, _ := rows.([]any)
	return list
}
