package checklist

// A definition can say that answers moved to another place in a new version
// ("moved"): from a field of one group to a field of another, row by row, or
// from one question to another. Import applies the moves to a file made with
// an older version before it reads the answers, so an answer that only moved
// is kept, not listed as "no longer fits". The first use: the partner rows of
// samenwerking 2.x became rows of the shared group organisaties (naam, soort)
// with the checklist's own questions per organisation in a group that follows
// them.
//
// A move with "as" turns an answer into a row of the group a reference
// names: {from: deelmomenten.van-anders, to: deelmomenten.van, as: naam}
// makes the typed name a row of organisaties (field naam) and puts that
// row's id in van. The moves of one row with the same "to" make one row
// together (a partner from the list as soort and a typed name as naam). A
// row whose title, or else whose only value of that kind, matches is
// reused, so each organisation becomes one row, also across deelmomenten.

// Move is one entry of a definition's "moved" list.
type Move struct {
	From   string // "group.field" or "item"
	To     string // "group.field" or "item", in this version
	Before string // files made with a version older than this one are moved
	// As is set when To is a reference: the field of the referenced group
	// that receives the answer, in a row found or made for it.
	As   string
	Path string
}

func (l *loader) moves(def *Definition, root *Object) {
	l.setOwner("", "", "")
	for i, mv := range l.list(root, "moved", "") {
		path := "moved[" + itoa(i) + "]"
		obj := l.object(mv, path, "from to before as")
		if obj == nil {
			continue
		}
		m := Move{From: l.str(obj, "from", path, true), To: l.str(obj, "to", path, true), Before: l.str(obj, "before", path, true),
			As: l.str(obj, "as", path, false), Path: path}
		if AuthorChecks {
			if _, ok := parseSemver(m.Before); m.Before != "" && !ok {
				l.problem(path+".before", "'"+m.Before+"' is geen versienummer in de vorm 1.0.0")
			}
			if splitMovePlace(m.From) == nil {
				l.problem(path+".from", "schrijf 'groep.veld' of 'vraag'")
			}
			if to := splitMovePlace(m.To); to == nil || !def.hasPlace(to) {
				l.problem(path+".to", "'"+m.To+"' is geen vraag of veld van deze checklist")
			} else if from := splitMovePlace(m.From); from != nil && len(from) != len(to) {
				l.problem(path+".to", "een veld van een groep gaat naar een veld van een groep, een vraag naar een vraag")
			} else if m.As != "" {
				l.checkMoveAs(def, m, from, to)
			}
		}
		def.Moved = append(def.Moved, m)
	}
}

func (l *loader) checkMoveAs(def *Definition, m Move, from, to []string) {
	ref := def.byID[to[0]].Field(to[1])
	var target *Item
	if ref.Kind == KindRef && !ref.Multiple {
		target = def.byID[ref.Ref]
	}
	switch {
	case len(to) != 2 || from == nil || from[0] != to[0]:
		l.problem(m.Path+".as", "as werkt alleen voor een veld dat binnen dezelfde groep verhuist naar een verwijzing")
	case target == nil || target.Kind != KindGroup:
		l.problem(m.Path+".as", "'"+m.To+"' is geen verwijzing naar één rij van een groep; as maakt zo'n rij")
	case target.Field(m.As) == nil:
		l.problem(m.Path+".as", "'"+m.As+"' is geen veld van groep "+target.ID+", waar "+m.To+" naar verwijst")
	case target.Field(target.RowTitle) == nil:
		l.problem(m.Path+".as", "groep "+target.ID+" heeft geen rowTitle; zonder naam kan een gemaakte rij niet worden teruggevonden")
	}
}

func splitMovePlace(s string) []string {
	dot := indexByte(s, '.')
	switch {
	case s == "":
		return nil
	case dot < 0:
		return []string{s}
	case dot == 0 || dot == len(s)-1 || indexByte(s[dot+1:], '.') >= 0:
		return nil
	}
	return []string{s[:dot], s[dot+1:]}
}

func (d *Definition) hasPlace(p []string) bool {
	it := d.byID[p[0]]
	if it == nil {
		return false
	}
	if len(p) == 1 {
		return it.Kind != KindGroup
	}
	return it.Kind == KindGroup && it.Field(p[1]) != nil
}

// applyMoves changes the answers tree of a file made with version from in
// place. An answer is only moved onto an empty place, so nothing is
// overwritten; what cannot move stays where it was and is reported by the
// decoder as before.
func applyMoves(def *Definition, from string, answers *Object) {
	moveAll(def, def.Moved, from, answers)
}

// ApplyMoves is applyMoves for a caller that has the moves without the
// definition: the dossier store, importing an older answer file into a
// dossier on a page that does not load every checklist. Moves with "as"
// need the definition (the label of a value names a new row): they wait
// for the checklist's own import, which sees the same answers.
func ApplyMoves(moves []Move, from string, answers *Object) {
	moveAll(nil, moves, from, answers)
}

func moveAll(def *Definition, moves []Move, from string, answers *Object) {
	for i, m := range moves {
		if from != "" && compareSemver(from, m.Before) >= 0 {
			continue
		}
		if m.As != "" {
			if def != nil && firstMoveTo(moves, i) {
				moveToRows(def, moves, m.To, from, answers)
			}
			continue
		}
		src, dst := splitMovePlace(m.From), splitMovePlace(m.To)
		if src == nil || dst == nil || len(src) != len(dst) {
			continue
		}
		if len(src) == 1 {
			v, ok := answers.Get(src[0])
			if _, taken := answers.Get(dst[0]); ok && !taken {
				answers.Set(dst[0], v)
				answers.Delete(src[0])
			}
			continue
		}
		rows, _ := answers.Values[src[0]].([]any)
		for i, rv := range rows {
			row, _ := rv.(*Object)
			v, ok := row.Get(src[1])
			if !ok {
				continue
			}
			target := movedRow(answers, dst[0], i)
			if target == nil {
				continue
			}
			if _, taken := target.Get(dst[1]); taken {
				continue
			}
			target.Set(dst[1], v)
			row.Delete(src[1])
		}
	}
}

// movedRow returns row i of group id in the answers tree, adding empty rows
// up to it; nil when the answer there is not a list of rows.
func movedRow(answers *Object, id string, i int) *Object {
	raw, present := answers.Get(id)
	rows, ok := raw.([]any)
	if present && !ok {
		return nil
	}
	for len(rows) <= i {
		rows = append(rows, NewObject())
	}
	answers.Set(id, rows)
	row, _ := rows[i].(*Object)
	return row
}

// firstMoveTo reports whether moves[i] is the first move with "as" to its
// place; the moves to one place are applied together.
func firstMoveTo(moves []Move, i int) bool {
	for _, m := range moves[:i] {
		if m.As != "" && m.To == moves[i].To && m.Before == moves[i].Before {
			return false
		}
	}
	return true
}

// moveToRows applies the moves with "as" to the reference to ("group.field"):
// per row, the old answers become one row of the referenced group, and the
// reference names it. Old answers that cannot move (the reference already
// names a row, or the group's answer is not a list) stay and are reported
// as not fitting.
func moveToRows(def *Definition, moves []Move, to, version string, answers *Object) {
	dst := splitMovePlace(to)
	var target *Item
	if ref := def.group(dst[0]).Field(dst[1]); ref != nil {
		target = def.group(ref.Ref)
	}
	if target == nil || target.Field(target.RowTitle) == nil {
		return
	}
	rows, _ := answers.Values[dst[0]].([]any)
	for _, rv := range rows {
		row, _ := rv.(*Object)
		if row == nil {
			continue
		}
		// The old answers by field of the target, and the keys they came from.
		values := make([]string, len(target.Fields))
		var used []string
		for _, m := range moves {
			src := splitMovePlace(m.From)
			if m.As == "" || m.To != to || compareSemver(version, m.Before) >= 0 || len(src) != 2 || src[0] != dst[0] {
				continue
			}
			s, _ := row.Values[src[1]].(string)
			for k, f := range target.Fields {
				if f.ID == m.As && values[k] == "" && trimSpace(s) != "" {
					values[k] = trimSpace(s)
					used = append(used, src[1])
				}
			}
		}
		if used == nil || row.Values[dst[1]] != nil && !containsString(used, dst[1]) {
			continue
		}
		list, ok := answers.Values[target.ID].([]any)
		if !ok && answers.Values[target.ID] != nil {
			continue
		}
		list, id := rowFor(target, list, values)
		answers.Set(target.ID, list)
		for _, key := range used {
			row.Delete(key)
		}
		row.Set(dst[1], id)
	}
}

// rowFor returns the rows of target with the row that values (by field)
// describe, and its id. That row is the one whose title is the typed title
// or else the label of a chosen value; without a typed title also the one
// row holding that value; else a new row. Every row gets an id first, the
// one reading the file would give it (<group>-<n>), so the reference names
// the row it will have.
func rowFor(target *Item, list []any, values []string) ([]any, string) {
	for i, rv := range list {
		if r, _ := rv.(*Object); r != nil {
			if id, _ := r.Values[RowIDKey].(string); !isValidRowID(id) || idIn(list[:i], id) {
				r.Set(RowIDKey, freeRowID(target, list, i+1))
			}
		}
	}
	ti, title := -1, ""
	for k, f := range target.Fields {
		if f.ID == target.RowTitle {
			ti, title = k, values[k]
		}
	}
	typed := title != ""
	for k, f := range target.Fields {
		if title == "" && values[k] != "" {
			title = f.Label(values[k])
		}
	}
	var found *Object
	for _, rv := range list {
		if r, _ := rv.(*Object); r != nil && sameText(r.Values[target.RowTitle], title) {
			found = r
			break
		}
	}
	for k, f := range target.Fields {
		if found != nil || typed || values[k] == "" {
			continue
		}
		var only *Object
		n := 0
		for _, rv := range list {
			if r, _ := rv.(*Object); r != nil && r.Values[f.ID] == values[k] {
				only, n = r, n+1
			}
		}
		if n == 1 {
			found = only
		}
	}
	if found == nil {
		found = NewObject().Set(RowIDKey, freeRowID(target, list, len(list)+1))
		list = append(list, found)
	}
	for k, f := range target.Fields {
		v := values[k]
		if k == ti {
			v = title
		}
		if _, has := found.Get(f.ID); v != "" && !has {
			found.Set(f.ID, v)
		}
	}
	id, _ := found.Values[RowIDKey].(string)
	return list, id
}

// freeRowID returns <group>-<n> for the first n from n that no row has.
func freeRowID(g *Item, list []any, n int) string {
	for ; ; n++ {
		if id := g.ID + "-" + itoa(n); !idIn(list, id) {
			return id
		}
	}
}

func idIn(list []any, id string) bool {
	for _, rv := range list {
		if r, _ := rv.(*Object); r != nil && r.Values[RowIDKey] == id {
			return true
		}
	}
	return false
}

// sameText compares a title with a text, ignoring case and surrounding
// spaces.
func sameText(v any, text string) bool {
	s, _ := v.(string)
	return s != "" && asciiLower(trimSpace(s)) == asciiLower(trimSpace(text))
}
