package dossier

import (
	"unicode/utf8"

	"deelwijzer/checklist"
)

// Status, version and change log of a dossier, and whether it changed after
// it was adopted (vastgesteld). They live in the "dossier" object of the
// file, next to the name:
//
//	"status": "ter-advies", "version": "0.3",
//	"log": [{"version": "0.1", "date": "2026-11-30T09:12:00.000Z", "status": "concept",
//	         "text": "Eerste versie voor de werkgroep"}, ...],
//	"adopted": "2026-12-14T15:00:00.000Z", "changed": "2026-11-30T10:40:00.000Z"
//
//   - status: concept, ter-advies (the FGs are asked for advice) or
//     vastgesteld. A file without one is a concept.
//   - version: "<major>.<minor>". A draft counts up from 0.1 (0.2, 0.3 …);
//     every vaststelling makes the next whole number (1.0, 2.0), as a board
//     and an FG expect: a whole number is an adopted version, anything
//     after the point is a draft on the way to the next one.
//   - log: one entry for every status change or recorded change, with the
//     version it gave, the time, the status and the visitor's own short
//     description. The first entry of a new dossier records version 0.1
//     itself.
//   - adopted: when the dossier was last set to vastgesteld.
//   - changed: when an answer last changed (given, changed or removed). The
//     FG advice and the vaststelling themselves do not count: recording
//     that the board decided is not a change to what it decided on.
//
// All keys are optional, so files from before they existed read as they are
// (schemaVersion stays 1, see "Migratie" in the README).

const (
	StatusConcept     = "concept"
	StatusAdvies      = "ter-advies"
	StatusVastgesteld = "vastgesteld"
	// maxLogText is the longest description of one change; the page's
	// field has the same maxlength.
	maxLogText = 500
	// maxLog keeps a damaged or edited file from growing without end; a
	// real dossier has a few dozen entries.
	maxLog = 1000
)

// signoffGroups are the shared groups that record the FG advice and the
// vaststelling (data/dossier.yaml); changing them is no change to the
// content that was adopted.
func signoffGroup(name string) bool { return name == "fg-adviezen" || name == "vaststellingen" }

// controllerRoles are the roles (organisaties.rol) of an organisation that
// adopts the DPIA itself.
func controllerRole(rol string) bool {
	return rol == "verwerkingsverantwoordelijke" || rol == "gezamenlijk-verwerkingsverantwoordelijke"
}

// newSignoff gives a new dossier (or a copy) its first status and version
// and an empty log.
func newSignoff(meta *checklist.Object) {
	meta.Set("status", StatusConcept).Set("version", "0.1").Set("log", []any{}).Delete("adopted")
}

// StatusLabel is a status as the page and the documents write it.
func StatusLabel(s string) string {
	switch s {
	case StatusAdvies:
		return "Ter advies bij de FG"
	case StatusVastgesteld:
		return "Vastgesteld"
	}
	return "Concept"
}

func validStatus(s string) bool {
	return s == StatusConcept || s == StatusAdvies || s == StatusVastgesteld
}

// Status is the dossier's status; concept when none was set.
func (d *Dossier) Status() string {
	if s := d.str("status"); validStatus(s) {
		return s
	}
	return StatusConcept
}

// Version is the dossier's version number, "0.1" when none was set.
func (d *Dossier) Version() string {
	if v := d.str("version"); v != "" {
		return v
	}
	return "0.1"
}

// Adopted is when the dossier was last set to vastgesteld ("" if never).
func (d *Dossier) Adopted() string { return d.str("adopted") }

// LogEntry is one line of the change log.
type LogEntry struct {
	Version, Date, Status, Text string
}

// Log is the change log, oldest first.
func (d *Dossier) Log() []LogEntry {
	var out []LogEntry
	for _, v := range d.logList() {
		o, _ := v.(*checklist.Object)
		e := LogEntry{}
		e.Version, _ = o.Values["version"].(string)
		e.Date, _ = o.Values["date"].(string)
		e.Status, _ = o.Values["status"].(string)
		e.Text, _ = o.Values["text"].(string)
		out = append(out, e)
	}
	return out
}

// logList is the log as it is in the file (checked on parse).
func (d *Dossier) logList() []any {
	list, _ := d.meta().Values["log"].([]any)
	return list
}

// version reads "<major>.<minor>".
func version(s string) (major, minor int, ok bool) {
	dot := -1
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			dot = i
			break
		}
	}
	if dot <= 0 || dot == len(s)-1 || len(s) > 12 {
		return 0, 0, false
	}
	a, ok1 := digits(s[:dot])
	b, ok2 := digits(s[dot+1:])
	return a, b, ok1 && ok2
}

// digits reads a small decimal number. Not strconv.Atoi: its error type
// brings strconv.Quote and Unicode tables into the WebAssembly module
// (some 40 KB).
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// nextVersion is the version a new log entry gets: the next whole number
// for a vaststelling, else the next draft number. The first entry of a
// dossier still at 0.1 keeps 0.1.
func (d *Dossier) nextVersion(status string) string {
	major, minor, _ := version(d.Version())
	if status == StatusVastgesteld {
		return checklist.Itoa(major+1) + ".0"
	}
	if len(d.logList()) == 0 && major == 0 && minor <= 1 {
		return "0.1"
	}
	return checklist.Itoa(major) + "." + checklist.Itoa(minor+1)
}

// SetStatus records a status and a change in the log: the visitor's
// description text, the new version number and the time. Setting the
// status to vastgesteld (again) marks now as the moment of vaststelling.
func (d *Dossier) SetStatus(status, text, now string) error {
	if !validStatus(status) {
		return fail("Kies een status: concept, ter advies bij de FG of vastgesteld.")
	}
	text = oneLine(text)
	if text == "" {
		return fail("Beschrijf kort wat er in deze versie veranderde.")
	}
	if utf8.RuneCountInString(text) > maxLogText {
		return fail("De beschrijving is te lang: gebruik hoogstens " + checklist.Itoa(maxLogText) + " tekens.")
	}
	list := d.logList()
	if len(list) >= maxLog {
		return fail("Het logboek van dit dossier is vol. Maak een kopie van het dossier om verder te werken.")
	}
	v := d.nextVersion(status)
	entry := checklist.NewObject().Set("version", v).Set("date", now).Set("status", status).Set("text", text)
	m := d.meta()
	m.Set("status", status).Set("version", v).Set("log", append(list, entry)).Set("modified", now)
	if status == StatusVastgesteld {
		m.Set("adopted", now)
	}
	return nil
}

// markChanged notes that an answer changed at at.
func (d *Dossier) markChanged(at string) {
	d.meta().Set("changed", at)
}

// LastChange is when an answer last changed ("" when none did since this
// was recorded). A dossier gets its status from a version that records it,
// so a vastgesteld dossier always has it.
func (d *Dossier) LastChange() string { return d.str("changed") }

// ChangedAfterAdoption: the dossier is vastgesteld and an answer changed
// after that moment. Times are ISO 8601 in UTC from the page's clock, so
// they compare as text.
func (d *Dossier) ChangedAfterAdoption() bool {
	adopted := d.Adopted()
	return d.Status() == StatusVastgesteld && adopted != "" && d.LastChange() > adopted
}

// MissingAdoptions names the controllers (organisaties with the role of
// verwerkingsverantwoordelijke) without a vaststelling with a decision, in
// the order of the organisaties; a row without a name is "" (the page
// numbers it).
func (d *Dossier) MissingAdoptions() []any {
	decided := map[string]bool{}
	for _, rv := range d.SharedRows("vaststellingen") {
		r, _ := rv.(*checklist.Object)
		org, _ := r.Values["organisatie"].(string)
		if besluit, _ := r.Values["besluit"].(string); besluit != "" {
			decided[org] = true
		}
	}
	out := make([]any, 0)
	if d.Status() != StatusVastgesteld {
		return out
	}
	for _, rv := range d.SharedRows("organisaties") {
		r, _ := rv.(*checklist.Object)
		rol, _ := r.Values["rol"].(string)
		id, _ := r.Values["_id"].(string)
		if controllerRole(rol) && (id == "" || !decided[id]) {
			name, _ := r.Values["naam"].(string)
			out = append(out, name)
		}
	}
	return out
}

// checkSignoff checks the sign-off keys of a file's "dossier" object; they
// are all optional. A log entry's fields are read as text wherever they are
// used, so a log only has to be a list of objects.
func checkSignoff(meta *checklist.Object) string {
	if v, ok := meta.Get("status"); ok {
		if s, _ := v.(string); !validStatus(s) {
			return "de status is ongeldig"
		}
	}
	if v, ok := meta.Get("version"); ok {
		if s, _ := v.(string); !validVersion(s) {
			return "het versienummer is ongeldig"
		}
	}
	for _, k := range []string{"adopted", "changed"} {
		if v, ok := meta.Get(k); ok {
			if s, isStr := v.(string); !isStr || len(s) > 40 {
				return "de datum " + k + " is ongeldig"
			}
		}
	}
	if v, ok := meta.Get("log"); ok {
		list, isList := v.([]any)
		if !isList || len(list) > maxLog {
			return "het logboek heeft niet de verwachte vorm"
		}
		for _, e := range list {
			if _, ok := e.(*checklist.Object); !ok {
				return "het logboek heeft niet de verwachte vorm"
			}
		}
	}
	return ""
}

func validVersion(s string) bool {
	_, _, ok := version(s)
	return ok
}

// signoffSummary adds status, version, log and the sign-off points to the
// summary the list of dossiers and the checklist pages read. The log goes
// as it is in the file; the pages word the statuses.
func (d *Dossier) signoffSummary(o *checklist.Object) *checklist.Object {
	log := d.logList()
	if log == nil {
		log = []any{}
	}
	return o.Set("status", d.Status()).Set("version", d.Version()).Set("adopted", d.Adopted()).
		Set("changedAfterAdoption", d.ChangedAfterAdoption()).Set("log", log).Set("missingAdoptions", d.MissingAdoptions())
}
