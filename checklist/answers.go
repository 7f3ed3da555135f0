package checklist

// Answers maps item ids to values:
//
//	yesno, choice, text, longtext, date: string ("" = not answered)
//	multi: []string
//	group: []Row
type Answers map[string]any

// Row is one row of a group: field id -> string or []string.
type Row map[string]any

// Dropped is an answer that could not be kept, with the reason in Dutch.
// Item is the item id, or "group.row.field" for a cell.
type Dropped struct {
	Item   string
	Reason string
}

func isAnswered(v any) bool {
	switch x := v.(type) {
	case string:
		return trimSpace(x) != ""
	case []string:
		return len(x) > 0
	case []Row:
		for _, r := range x {
			if !r.isEmpty() {
				return true
			}
		}
	}
	return false
}

// isEmpty: blank rows are what a form shows before the visitor types; they
// are not answers and are not counted.
func (r Row) isEmpty() bool {
	for k, v := range r {
		if k != RowIDKey && isAnswered(v) {
			return false
		}
	}
	return true
}

// Clone returns a deep copy, so callers can hand answers around without
// sharing mutable slices.
func (a Answers) Clone() Answers {
	out := make(Answers, len(a))
	for k, v := range a {
		out[k] = cloneValue(v)
	}
	return out
}

func cloneValue(v any) any {
	switch x := v.(type) {
	case []string:
		return append([]string(nil), x...)
	case []Row:
		rows := make([]Row, len(x))
		for i, r := range x {
			nr := make(Row, len(r))
			for k, cell := range r {
				nr[k] = cloneValue(cell)
			}
			rows[i] = nr
		}
		return rows
	}
	return v
}

// DecodeAnswers turns a generic tree (parsed JSON) into Answers for def.
// Everything that does not fit is listed in the second result; nothing is
// dropped silently. Empty rows of groups are kept so that row numbers stay
// the same as in the form.
func DecodeAnswers(def *Definition, tree any) (Answers, []Dropped) {
	answers := Answers{}
	var dropped []Dropped
	obj, ok := tree.(*Object)
	if !ok {
		if tree != nil {
			dropped = addDropped(dropped, "", "De antwoorden staan niet in de verwachte vorm (een lijst van vraag: antwoord).")
		}
		return answers, dropped
	}
	defer normalizeRows(def, answers)
	for _, id := range obj.Keys {
		raw := obj.Values[id]
		it := def.Item(id)
		if it == nil {
			dropped = addDropped(dropped, id, "Deze vraag bestaat niet in deze versie van de checklist.")
			continue
		}
		if raw == nil {
			continue
		}
		var v any
		v, dropped = decodeItem(it, raw, dropped)
		if v != nil {
			answers[id] = v
		}
	}
	return answers, dropped
}

// addDropped appends one Dropped; out of line because each append of a
// struct of strings costs much code in WebAssembly.
func addDropped(dropped []Dropped, item, reason string) []Dropped {
	return append(dropped, Dropped{Item: item, Reason: reason})
}

// decodeItem decodes the answer to one top-level question, nil meaning no
// answer, and adds what did not fit to dropped.
func decodeItem(it *Item, raw any, dropped []Dropped) (any, []Dropped) {
	if it.Kind == KindGroup {
		return decodeRows(it, raw, dropped)
	}
	v, reason := decodeValue(it, raw)
	if reason != "" {
		dropped = addDropped(dropped, it.ID, reason)
	}
	return v, dropped
}

// answerDecoder reads the answers object the page sends straight into
// Answers, without an Object (a map of every key) to build and throw away.
// It keeps, per question, the JSON text of the last answer and what that
// decoded to. The page sends all answers after every click, so when an
// Evaluator keeps a decoder between calls nearly every answer is taken
// over without parsing it again. Decoding depends only on the question and
// that text, so the result is the same; cached values are shared between
// calls, so only a caller that never changes or keeps the answers
// (Evaluator) may keep a decoder.
type answerDecoder struct {
	def   *Definition
	cache []cachedAnswer // by Item.slot
	call  int            // counts calls, to tell this call's answers from older ones
	out   []byte         // the Evaluator's output buffer, reused likewise
	// answers is the Evaluator's Answers, reused too. Every question stays a
	// key, nil when not answered (Evaluate reads that as no answer), so it
	// never needs deleting or clearing: map code the binary does not have.
	answers Answers
}

type cachedAnswer struct {
	raw   string // the JSON text value was decoded from; "" = not reusable
	value any
	call  int // the last call that had this answer
}

// member reads the value of one member of the top-level object. A key that
// occurs twice counts with its last value, as in an Object.
func (d *answerDecoder) member(p *jsonParser, id string) error {
	p.skipSpace()
	start := p.i
	it := d.def.byID[id]
	if it == nil {
		_, err := p.value()
		return err
	}
	c := &d.cache[it.slot]
	c.call = d.call
	if c.raw != "" && hasPrefix(p.s[start:], c.raw) {
		p.i += len(c.raw)
		return nil
	}
	raw, err := p.value()
	c.raw, c.value = "", nil
	if err != nil || raw == nil {
		return err
	}
	c.value, _ = decodeItem(it, raw, nil)
	// Only strings, lists and objects are reused: their text ends itself,
	// so the same text at the start is the same value.
	if p.s[start] == '"' || p.s[start] == '[' || p.s[start] == '{' {
		c.raw = p.s[start:p.i]
	}
	return nil
}

// decodeValue returns the usable value and, if something did not fit, why.
// A multi answer keeps the options that still exist.
func decodeValue(it *Item, raw any) (any, string) {
	if it.Kind == KindRef {
		return decodeRef(it, raw)
	}
	switch it.Kind {
	case KindMulti:
		list, ok := raw.([]any)
		if !ok {
			return nil, "Hier hoort een lijst met keuzes, maar het bestand bevat " + describeValue(raw) + "."
		}
		var values, unknown []string
		for _, e := range list {
			s, isStr := e.(string)
			switch {
			case !isStr:
				unknown = append(unknown, describeValue(e))
			case !it.hasValue(s):
				unknown = append(unknown, "'"+s+"'")
			case !containsString(values, s):
				values = append(values, s)
			}
		}
		var reason string
		if len(unknown) > 0 {
			reason = "Deze keuze(s) bestaan niet (meer) en zijn weggelaten: " + joinStrings(unknown, ", ") + "."
		}
		if len(values) == 0 {
			return nil, reason
		}
		return values, reason
	case KindGroup:
		return nil, "Een groep hoort hier niet."
	}
	s, ok := raw.(string)
	if !ok {
		return nil, "Hier hoort tekst, maar het bestand bevat " + describeValue(raw) + "."
	}
	if s == "" {
		return nil, ""
	}
	switch it.Kind {
	case KindYesNo:
		if !it.hasValue(s) {
			return nil, "'" + s + "' is geen geldig antwoord; mogelijk zijn ja, nee of weet ik niet."
		}
	case KindChoice:
		if !it.hasValue(s) {
			return nil, "De keuze '" + s + "' bestaat niet (meer) bij deze vraag."
		}
	case KindDate:
		// A date the visitor typed that does not exist (2026-02-30, a
		// five-digit year) is kept as typed, so it is counted and flagged
		// at its field instead of vanishing. Import drops it with a reason
		// (see dropInvalidDates) and export leaves it out.
	}
	return raw, "" // raw already holds s; boxing s again would allocate
}

// decodeRows returns the rows as []Row, or nil when raw is not a list.
func decodeRows(it *Item, raw any, dropped []Dropped) (any, []Dropped) {
	list, ok := raw.([]any)
	if !ok {
		return nil, addDropped(dropped, it.ID, "Hier horen rijen, maar het bestand bevat "+describeValue(raw)+".")
	}
	rows := []Row{}
	for i, rv := range list {
		cell := it.ID + "." + itoa(i)
		if i >= it.MaxRows {
			dropped = addDropped(dropped, cell, "Er zijn meer dan "+itoa(it.MaxRows)+" rijen; de rijen vanaf hier zijn weggelaten.")
			break
		}
		obj, isObj := rv.(*Object)
		if !isObj {
			dropped = addDropped(dropped, cell, "Deze rij heeft niet de verwachte vorm en is weggelaten.")
			rows = append(rows, Row{})
			continue
		}
		row := Row{}
		for _, fid := range obj.Keys {
			if fid == RowIDKey {
				if id, _ := obj.Values[fid].(string); isValidRowID(id) {
					row[RowIDKey] = id
				} else {
					dropped = addDropped(dropped, cell+"."+fid, "Dit is geen geldig id van een rij; de rij krijgt een nieuw id.")
				}
				continue
			}
			f := it.Field(fid)
			if f == nil {
				dropped = addDropped(dropped, cell+"."+fid, "Dit veld bestaat niet in deze versie van de checklist.")
				continue
			}
			if obj.Values[fid] == nil {
				continue
			}
			v, reason := decodeValue(f, obj.Values[fid])
			if reason != "" {
				dropped = addDropped(dropped, cell+"."+fid, reason)
			}
			if v != nil {
				row[fid] = v
			}
		}
		rows = append(rows, row)
	}
	return rows, dropped
}

// decodeRef keeps every row id (also of a row that is gone: it is shown
// and flagged, never dropped). A single text where a list belongs, or a
// list where one belongs, is taken over: older files had free text here.
func decodeRef(it *Item, raw any) (any, string) {
	var values []string
	switch x := raw.(type) {
	case string:
		if x != "" {
			values = []string{x}
		}
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok && s != "" && !containsString(values, s) {
				values = append(values, s)
			}
		}
		if !it.Multiple && len(values) > 1 {
			values = []string{joinStrings(values, ", ")}
		}
	default:
		return nil, "Hier hoort een verwijzing naar een rij, maar het bestand bevat " + describeValue(raw) + "."
	}
	switch {
	case len(values) == 0:
		return nil, ""
	case it.Multiple:
		return values, ""
	}
	return values[0], ""
}

func describeValue(v any) string {
	switch v.(type) {
	case nil:
		return "niets"
	case bool:
		return "waar/niet waar"
	case Number:
		return "een getal"
	case string:
		return "tekst"
	case []any:
		return "een lijst"
	case *Object:
		return "een samengesteld gegeven"
	}
	return "iets anders"
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// dropInvalidDates removes dates that do not exist from imported answers,
// each with its reason: the page's date field could not show them.
func dropInvalidDates(def *Definition, answers Answers, dropped []Dropped) []Dropped {
	for _, it := range def.items {
		switch it.Kind {
		case KindDate:
			if s, _ := answers[it.ID].(string); s != "" && !isValidDate(s) {
				delete(answers, it.ID)
				dropped = addDropped(dropped, it.ID, invalidDateReason(s))
			}
		case KindGroup:
			rows, _ := answers[it.ID].([]Row)
			for i, r := range rows {
				for _, f := range it.Fields {
					if s, _ := r[f.ID].(string); f.Kind == KindDate && s != "" && !isValidDate(s) {
						delete(r, f.ID)
						dropped = addDropped(dropped, it.ID+"."+itoa(i)+"."+f.ID, invalidDateReason(s))
					}
				}
			}
		}
	}
	return dropped
}

func invalidDateReason(s string) string {
	return "'" + s + "' is geen geldige datum (jjjj-mm-dd)."
}

// EncodeAnswers turns answers into a tree in checklist order, leaving out
// unanswered items and blank rows, so exported files are stable and small.
func EncodeAnswers(def *Definition, answers Answers) *Object {
	return encodeAnswers(def, answers, false)
}

// encodeAnswers with keepBlankRows keeps blank rows, so that row numbers in
// the import's "dropped" list (e.g. partners.2.naam) match the rows the page
// will show.
func encodeAnswers(def *Definition, answers Answers, keepBlankRows bool) *Object {
	out := NewObject()
	for _, it := range def.items {
		v, ok := answers[it.ID]
		if it.Kind == KindGroup {
			rows, _ := v.([]Row)
			if !keepBlankRows {
				// Blank rows are left out, and the groups that follow one
				// another keep the same rows, so they stay aligned. A
				// follower without content is left out whole.
				rows = exportRows(def, it, answers)
				if len(rows) == 0 || it.Source != nil && !isAnswered(v) {
					continue
				}
			} else if !ok {
				continue
			}
			list := []any{}
			for _, r := range rows {
				if r == nil {
					continue
				}
				ro := NewObject()
				if id := rowID(r); id != "" {
					ro.Set(RowIDKey, id)
				}
				for _, f := range it.Fields {
					if cell, ok := r[f.ID]; ok && isAnswered(cell) && (keepBlankRows || exportable(f, cell)) {
						ro.Set(f.ID, encodeValue(cell))
					}
				}
				list = append(list, ro)
			}
			out.Set(it.ID, list)
			continue
		}
		if !ok || !isAnswered(v) && !keepBlankRows || !keepBlankRows && !exportable(it, v) {
			continue
		}
		out.Set(it.ID, encodeValue(v))
	}
	return out
}

// exportable: a date that does not exist is left out of a file, as it would
// be dropped when the file is read; the page flags it when it exports.
func exportable(it *Item, v any) bool {
	s, _ := v.(string)
	return it.Kind != KindDate || isValidDate(s)
}

// exportRows returns the rows of group it to write to a file: the rows of
// its source group (or its own) that hold something, in the source or in
// any group that follows it. A row where the visitor filled in only a
// follower's fields (the purpose in step 2 left blank, its data in step 3
// filled in) is kept in every group of the family, blank where it is
// blank, so that nothing the visitor sees is lost and rows stay aligned.
// Other rows are nil.
func exportRows(def *Definition, it *Item, answers Answers) []Row {
	src := it
	if it.Source != nil {
		src = it.Source
	}
	rows, _ := answers[it.ID].([]Row)
	var out []Row
	for _, member := range def.items {
		if member != src && member.Source != src {
			continue
		}
		memberRows, _ := answers[member.ID].([]Row)
		for i, r := range memberRows {
			if r.isEmpty() {
				continue
			}
			for len(out) <= i {
				out = append(out, nil)
			}
			if out[i] == nil {
				// A blank row written to keep the family together
				// carries the id of the row it stands beside.
				out[i] = Row{RowIDKey: rowID(r)}
				if i < len(rows) && rows[i] != nil {
					out[i] = rows[i]
				}
			}
		}
	}
	return out
}

func encodeValue(v any) any {
	switch x := v.(type) {
	case string:
		return x
	case []string:
		list := make([]any, len(x))
		for i, s := range x {
			list[i] = s
		}
		return list
	}
	return nil
}
