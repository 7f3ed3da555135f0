package checklist

// Stable row ids and references between groups.
//
// Every row of a group carries an id in the reserved key "_id" (RowIDKey).
// The page gives a new row a random id and keeps it when rows move; rows
// from older files get "<group>-<n>" when they are read. A group that
// follows another one (rowsFrom) has, for each source row, the row with the
// same id; rows are put in the source's order when answers are read, so the
// rest of the engine can keep pairing rows by index.
//
// A field of kind ref names a row of an earlier group by its id (with
// multiple: a list of ids). An id whose row is gone is kept and shown as
// "verwijderde rij"; a finding asks the visitor to pick another row.

// RowIDKey is the reserved key of a row's id.
const RowIDKey = "_id"

// FindingRemovedRow is the id of the finding the engine adds for a
// reference to a row that no longer exists.
const FindingRemovedRow = "verwijzing-naar-verwijderde-rij"

// isValidRowID: 1 to 40 characters from a-z, 0-9 and '-'.
func isValidRowID(s string) bool {
	if s == "" || len(s) > 40 {
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

// rowID returns the id of a row, "" when it has none.
func rowID(r Row) string {
	s, _ := r[RowIDKey].(string)
	return s
}

// appendRefRows writes "refRows": for each group a reference names, its
// rows that hold something, each as {"id","label"}, so the page can offer
// them in its lists and name them in the result without a label logic of
// its own.
func appendRefRows(b []byte, st *State) []byte {
	b = append(b, `,"refRows":{`...)
	for n, g := range st.def.refTargets {
		if n > 0 {
			b = append(b, ',')
		}
		b = appendFields(b, `%:[`, g.ID)
		rows, _ := st.answers[g.ID].([]Row)
		for i, r := range rows {
			if !r.isEmpty() {
				b = appendFields(b, `{"id":%,"label":%},`, rowID(r), rowTitle(g, st.answers, i))
			}
		}
		b = appendFields(b, "]")
	}
	return append(b, '}')
}

// normalizeRows gives every row an id and puts the rows of each following
// group in the order of its source. Rows and lists are copied before they
// change, because the page's answer cache shares them between calls.
//
// A row without an id gets "<group>-<n>" (n its number, raised while
// taken); a row of a following group without an id takes the id of the
// source row at its place, which is how older files paired them. A
// following row whose id is not in the source stays, after the source's
// rows, so validation flags it and nothing is lost.
func normalizeRows(def *Definition, answers Answers) {
	for _, it := range def.items {
		if it.Kind != KindGroup {
			continue
		}
		rows, _ := answers[it.ID].([]Row)
		if len(rows) == 0 {
			continue
		}
		var source []Row
		if it.Source != nil {
			source, _ = answers[it.Source.ID].([]Row)
		}
		rows = assignRowIDs(it, rows, source)
		if it.Source != nil {
			rows = alignRows(rows, source)
		}
		answers[it.ID] = rows
	}
}

func assignRowIDs(it *Item, rows, source []Row) []Row {
	if haveOwnIDs(rows) {
		return rows // what the page sends after every change: nothing to do
	}
	// Ids the rows already have are taken first, so a new id never
	// repeats one of a later row; a second row with the same id gets a
	// new one.
	seen := map[string]bool{}
	keep := make([]bool, len(rows))
	for i, r := range rows {
		if id := rowID(r); isValidRowID(id) && !seen[id] {
			seen[id], keep[i] = true, true
		}
	}
	var out []Row
	for i, r := range rows {
		if keep[i] {
			continue
		}
		var id string
		if out == nil {
			out = append([]Row(nil), rows...)
		}
		if i < len(source) {
			if s := rowID(source[i]); s != "" && !seen[s] {
				id = s
			}
		}
		for n := i + 1; id == "" || seen[id]; n++ {
			id = it.ID + "-" + itoa(n)
		}
		seen[id] = true
		nr := make(Row, len(r)+1)
		for k, v := range r {
			nr[k] = v
		}
		nr[RowIDKey] = id
		out[i] = nr
	}
	if out == nil {
		return rows
	}
	return out
}

// haveOwnIDs reports whether every row has a valid id of its own, without
// allocating: groups are small (at most a few dozen rows).
func haveOwnIDs(rows []Row) bool {
	for i, r := range rows {
		id := rowID(r)
		if !isValidRowID(id) {
			return false
		}
		for _, other := range rows[:i] {
			if rowID(other) == id {
				return false
			}
		}
	}
	return true
}

// alignRows returns the rows of a following group in the order of the
// source rows (a blank row with the source's id where it has none), then
// the rows that belong to no source row.
func alignRows(rows, source []Row) []Row {
	aligned := true
	for i, r := range rows {
		if i >= len(source) || rowID(source[i]) != rowID(r) {
			aligned = false
			break
		}
	}
	if aligned {
		return rows
	}
	byID := make(map[string]Row, len(rows))
	for _, r := range rows {
		byID[rowID(r)] = r
	}
	out := make([]Row, 0, len(rows))
	used := map[string]bool{}
	for _, s := range source {
		id := rowID(s)
		r := byID[id]
		if r == nil || used[id] {
			r = Row{RowIDKey: id}
		}
		used[id] = true
		out = append(out, r)
	}
	for _, r := range rows {
		if !used[rowID(r)] {
			out = append(out, r)
		}
	}
	// Blank rows at the end are what the form shows before anyone types.
	for len(out) > 0 && len(out) > len(rows) && out[len(out)-1].isEmpty() {
		out = out[:len(out)-1]
	}
	return out
}

// rowIndex returns the index of the row with this id in group g, or -1.
func rowIndex(g *Item, answers Answers, id string) int {
	rows, _ := answers[g.ID].([]Row)
	for i, r := range rows {
		if rowID(r) == id {
			return i
		}
	}
	return -1
}

// refLabel names the row a reference points at: "Processtap 2: Intake", or
// with short only what names the row ("Intake", else "Processtap 2"). A
// row that is gone reads "verwijderde rij (id)".
func refLabel(target *Item, answers Answers, id string, short bool) string {
	i := rowIndex(target, answers, id)
	if i < 0 {
		return "verwijderde rij (" + id + ")"
	}
	full := rowTitle(target, answers, i)
	if short {
		if colon := indexByte(full, ':'); colon >= 0 {
			return full[colon+2:]
		}
	}
	return full
}

// refText is the answer of a ref field as a reader sees it.
func refText(it *Item, v any, answers Answers, short bool) string {
	var ids []string
	switch x := v.(type) {
	case string:
		ids = []string{x}
	case []string:
		ids = x
	}
	labels := make([]string, 0, len(ids))
	for _, id := range ids {
		if it.Target == nil {
			labels = append(labels, id)
		} else {
			labels = append(labels, refLabel(it.Target, answers, id, short))
		}
	}
	return joinStrings(labels, "; ")
}

// RefIDs returns the row ids a ref answer holds (one, or a list when the
// field is multiple).
func RefIDs(v any) []string {
	switch x := v.(type) {
	case string:
		if x != "" {
			return []string{x}
		}
	case []string:
		return x
	}
	return nil
}

// appendRemovedRowFindings adds a finding for each reference to a row that
// no longer exists, in visible questions and in the rows that count. It is
// never dropped: the visitor chooses another row or empties the field.
func appendRemovedRowFindings(out []FindingResult, def *Definition, env *evalEnv) []FindingResult {
	for _, it := range def.items {
		if !env.visible[it.slot] {
			continue
		}
		if it.Kind == KindRef {
			out = appendRemovedRefs(out, it, env.answers[it.ID], env.answers, "", -1)
		}
		if it.Kind != KindGroup {
			continue
		}
		for i, r := range groupRows(it, env.answers) {
			if r == nil {
				continue
			}
			for _, f := range it.Fields {
				if f.Kind == KindRef {
					out = appendRemovedRefs(out, f, r[f.ID], env.answers, it.rowName()+" "+itoa(i+1), i)
				}
			}
		}
	}
	return out
}

func appendRemovedRefs(out []FindingResult, f *Item, v any, answers Answers, where string, row int) []FindingResult {
	if f.Target == nil {
		return out
	}
	for _, id := range RefIDs(v) {
		if rowIndex(f.Target, answers, id) >= 0 {
			continue
		}
		place := "De vraag \"" + f.Question + "\""
		if where != "" {
			place = upperFirst(where) + " (" + f.Question + ")"
		}
		out = append(out, FindingResult{ID: FindingRemovedRow, Severity: SeverityAandacht, Row: row,
			Text: place + " verwijst naar een rij die er niet meer is: verwijderde rij (" + id + "). Kies een rij uit " + f.Target.Question + " of maak het veld leeg."})
	}
	return out
}

// mapRefs turns references that are no row id into ids where the text
// names a row: its number ("2", "deelmoment 2") or its title ("Intake"),
// so answers from older files, where these fields were free text, are not
// typed again. A multiple reference may list several, separated by a
// comma, semicolon, slash or "en". What names no row is kept as it is (and
// shows as a removed row); the returned notes say which.
func mapRefs(def *Definition, answers Answers) []string {
	var notes []string
	mapOne := func(f *Item, v any, place string) any {
		if f.Target == nil {
			return v
		}
		var out []string
		for _, text := range RefIDs(v) {
			if rowIndex(f.Target, answers, text) >= 0 {
				out = appendUnique(out, text)
				continue
			}
			ids := matchRows(f.Target, answers, text, f.Multiple)
			if len(ids) == 0 {
				notes = append(notes, place+": '"+text+"' hoort bij geen rij van "+f.Target.Question+" Het staat er nog als verwijzing naar een verwijderde rij; kies de juiste rij.")
				ids = []string{text}
			}
			for _, id := range ids {
				out = appendUnique(out, id)
			}
		}
		if f.Multiple {
			return out
		}
		if len(out) == 0 {
			return nil
		}
		return out[0]
	}
	for _, it := range def.items {
		if it.Kind == KindRef && answers[it.ID] != nil {
			answers[it.ID] = mapOne(it, answers[it.ID], it.Question)
		}
		rows, _ := answers[it.ID].([]Row)
		for i, r := range rows {
			for _, f := range it.Fields {
				if f.Kind == KindRef && r[f.ID] != nil {
					r[f.ID] = mapOne(f, r[f.ID], it.rowName()+" "+itoa(i+1)+", "+f.Question)
				}
			}
		}
	}
	return notes
}

func appendUnique(list []string, s string) []string {
	if containsString(list, s) {
		return list
	}
	return append(list, s)
}

// matchRows finds the rows a free text names. A text that names several
// rows for a single reference matches none: guessing would be worse.
func matchRows(target *Item, answers Answers, text string, multiple bool) []string {
	if ids := matchRow(target, answers, text); len(ids) == 1 || multiple && len(ids) > 0 {
		return ids
	}
	if !multiple {
		return nil
	}
	var out []string
	for _, part := range splitRefText(text) {
		ids := matchRow(target, answers, part)
		if len(ids) == 0 {
			return nil
		}
		out = append(out, ids...)
	}
	return out
}

// matchRow returns the ids of the rows whose number or title is text.
func matchRow(target *Item, answers Answers, text string) []string {
	t := asciiLower(trimSpace(text))
	if t == "" {
		return nil
	}
	rows, _ := answers[target.ID].([]Row)
	if n, ok := rowNumber(target, t); ok {
		if n >= 1 && n <= len(rows) && !rows[n-1].isEmpty() {
			return []string{rowID(rows[n-1])}
		}
		return nil
	}
	var out []string
	f := target.Field(target.RowTitle)
	for _, r := range rows {
		if f == nil || r.isEmpty() {
			continue
		}
		v, _ := r[f.ID].(string)
		if v != "" && (asciiLower(trimSpace(v)) == t || asciiLower(f.Label(v)) == t) {
			out = append(out, rowID(r))
		}
	}
	return out
}

// rowNumber reads "2", "nr. 2" or "<row label> 2".
func rowNumber(target *Item, t string) (int, bool) {
	for _, prefix := range []string{asciiLower(target.rowName()) + " ", "rij ", "nr. ", "nr "} {
		t = trimPrefix(t, prefix)
	}
	return digitsValue(trimSpace(t))
}

func splitRefText(s string) []string {
	var parts []string
	start := 0
	for i := 0; i <= len(s); i++ {
		sep := 0
		switch {
		case i == len(s):
			sep = 1
		case s[i] == ',' || s[i] == ';' || s[i] == '/' || s[i] == '&':
			sep = 1
		case hasPrefix(s[i:], " en "):
			sep = 4
		}
		if sep == 0 {
			continue
		}
		if p := trimSpace(s[start:i]); p != "" {
			parts = append(parts, p)
		}
		start = i + sep
		i += sep - 1
	}
	return parts
}

// moveFamilyFields carries a field that moved to another group of the same
// rows (residual scores moved from the risks to a group that follows them)
// over to that group in an older file, row by row, before the file is
// decoded (see ReadOlderFiles). Nothing else changes in the tree.
func moveFamilyFields(def *Definition, obj *Object) {
	for _, key := range obj.Keys {
		it := def.Item(key)
		list, _ := obj.Values[key].([]any)
		if it == nil || it.Kind != KindGroup || list == nil {
			continue
		}
		for i, rv := range list {
			ro, _ := rv.(*Object)
			if ro == nil {
				continue
			}
			kept := ro.Keys[:0:0]
			for _, fid := range ro.Keys {
				to := familyGroupWith(def, it, fid)
				if it.Field(fid) != nil || fid == RowIDKey || to == nil {
					kept = append(kept, fid)
					continue
				}
				target := familyRow(obj, to.ID, i, ro)
				if target == nil {
					kept = append(kept, fid)
					continue
				}
				if _, taken := target.Get(fid); taken {
					// Never overwrite and never lose: the answer stays where
					// it was, so decoding lists it as not fitting.
					kept = append(kept, fid)
					continue
				}
				target.Set(fid, ro.Values[fid])
				delete(ro.Values, fid)
			}
			ro.Keys = kept
		}
	}
}

// familyGroupWith returns the group sharing it's rows that has field fid.
func familyGroupWith(def *Definition, it *Item, fid string) *Item {
	root := rootGroup(it)
	for _, g := range def.items {
		if g != it && g.Kind == KindGroup && rootGroup(g) == root && g.Field(fid) != nil {
			return g
		}
	}
	return nil
}

// familyRow returns row i of group id in the tree, adding blank rows (with
// the id of from, when it has one) as needed; nil when the group's answer
// is not a list of rows.
func familyRow(obj *Object, id string, i int, from *Object) *Object {
	v, present := obj.Get(id)
	list, _ := v.([]any)
	if present && v != nil && list == nil {
		return nil
	}
	for len(list) <= i {
		list = append(list, NewObject())
	}
	obj.Set(id, list)
	ro, _ := list[i].(*Object)
	if ro == nil {
		return nil
	}
	if idv, ok := from.Get(RowIDKey); ok {
		if _, has := ro.Get(RowIDKey); !has {
			ro.Set(RowIDKey, idv)
		}
	}
	return ro
}
