package checklist

// A definition can say that answers moved to another place in a new version
// ("moved"): from a field of one group to a field of another, row by row, or
// from one question to another. Import applies the moves to a file made with
// an older version before it reads the answers, so an answer that only moved
// is kept, not listed as "no longer fits". The first use: the partner rows of
// samenwerking 2.x became rows of the shared group organisaties (naam, soort)
// with the checklist's own questions per organisation in a group that follows
// them.

// Move is one entry of a definition's "moved" list.
type Move struct {
	From   string // "group.field" or "item"
	To     string // "group.field" or "item", in this version
	Before string // files made with a version older than this one are moved
	Path   string

	_ noCompare
}

func (l *loader) moves(def *Definition, root *Object) {
	for i, mv := range l.list(root, "moved", "") {
		path := "moved[" + itoa(i) + "]"
		obj := l.object(mv, path, "from to before")
		if obj == nil {
			continue
		}
		m := Move{From: l.str(obj, "from", path, true), To: l.str(obj, "to", path, true), Before: l.str(obj, "before", path, true), Path: path}
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
			}
		}
		def.Moved = append(def.Moved, m)
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
	ApplyMoves(def.Moved, from, answers)
}

// ApplyMoves is applyMoves for a caller that has the moves without the
// definition: the dossier store, importing an older answer file into a
// dossier on a page that does not load every checklist.
func ApplyMoves(moves []Move, from string, answers *Object) {
	for _, m := range moves {
		if from != "" && compareSemver(from, m.Before) >= 0 {
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
