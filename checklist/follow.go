package checklist

// Groups that follow another group's rows (rowsFrom), and finding roles.
//
// A following group has one row for each filled row of its source group, at
// the same index: answers stay two lists of rows aligned by index, so the
// answer file needs nothing new. What we chose, to keep it simple:
//   - a row of the follower exists while the source row at that index is
//     filled; rows at blank source rows and beyond the source are kept as
//     they are, but not counted or reported. When such a row holds
//     something, validation flags it at its field and an exported file
//     keeps it (with a blank source row), because the page shows it: what
//     the visitor sees is exported or flagged, never silently dropped;
//   - a follower row is checked like any row when it has content; when the
//     follower is required, every existing row must be filled in; a
//     follower counts as answered when each of its rows has content;
//   - forEach over a follower visits every existing row, also an empty one,
//     and sees the fields of the source row too;
//   - the source group holds minRows/maxRows; a source cannot follow
//     another group itself (no chains).

// checkRowsFrom resolves rowsFrom and checks rowTitle.
func (l *loader) checkRowsFrom(def *Definition) {
	for _, it := range def.items {
		if it.Kind != KindGroup {
			continue
		}
		l.setOwner("vraag", it.ID, it.Path)
		if AuthorChecks && it.RowTitle != "" && it.Field(it.RowTitle) == nil {
			l.problem(it.Path+".rowTitle", "'"+it.RowTitle+"' is geen veld van deze groep")
		}
		if it.RowsFrom == "" {
			continue
		}
		src := def.byID[it.RowsFrom]
		if src == nil || src.Kind != KindGroup || src.order >= it.order || src.RowsFrom != "" {
			if AuthorChecks {
				l.problem(it.Path+".rowsFrom", "'"+it.RowsFrom+"' moet een groep zijn die eerder in de checklist staat en zelf geen rowsFrom heeft")
			}
			continue
		}
		it.Source = src
		it.MaxRows = src.MaxRows
	}
}

// checkRoles: roles name entries of data/rollen.yaml.
func (l *loader) checkRoles(f *Finding, path string) {
	roles, haveList := l.lists["rollen"]
	seen := map[string]bool{}
	for i, r := range f.Roles {
		rpath := path + ".roles[" + itoa(i) + "]"
		switch {
		case !haveList:
			l.problem(rpath, "er is geen lijst rollen (data/rollen.yaml) om de rol '"+r+"' in op te zoeken")
		case !optionExists(roles, r):
			l.problem(rpath, "'"+r+"' is geen rol uit data/rollen.yaml; bekende rollen: "+optionValuesText(roles))
		case seen[r]:
			l.problem(rpath, "rol '"+r+"' staat twee keer in de lijst")
		}
		seen[r] = true
	}
}

func optionExists(opts []Option, v string) bool {
	for _, o := range opts {
		if o.Value == v {
			return true
		}
	}
	return false
}

func optionValuesText(opts []Option) string {
	values := make([]string, len(opts))
	for i, o := range opts {
		values[i] = o.Value
	}
	return joinStrings(values, ", ")
}

// groupRows returns a group's rows by index, nil for a row that does not
// count: a blank row of an ordinary group, or a row of a following group
// whose source row is blank or missing. A counting row of a follower may be
// empty (the visitor has not filled it in yet).
func groupRows(it *Item, answers Answers) []Row {
	rows, _ := answers[it.ID].([]Row)
	if it.Source == nil {
		out := make([]Row, len(rows))
		for i, r := range rows {
			if !r.isEmpty() {
				out[i] = r
			}
		}
		return out
	}
	sources := groupRows(it.Source, answers)
	for i := range sources {
		if sources[i] == nil {
			continue
		}
		var r Row
		if i < len(rows) {
			r = rows[i]
		}
		if r == nil {
			r = Row{}
		}
		sources[i] = r
	}
	return sources
}

// groupAnswered: an ordinary group is answered with one filled row; a
// follower when every row it has is filled.
func groupAnswered(it *Item, answers Answers) bool {
	if it.Source == nil {
		return isAnswered(answers[it.ID])
	}
	count := 0
	for _, r := range groupRows(it, answers) {
		if r == nil {
			continue
		}
		if r.isEmpty() {
			return false
		}
		count++
	}
	return count > 0
}

// rowTitle names row i of a group for a reader: "Deelmoment 2: Intake".
func rowTitle(it *Item, answers Answers, i int) string {
	name := it.rowHeading() + " " + itoa(i+1)
	if f := it.Field(it.RowTitle); f != nil {
		if rows, _ := answers[it.ID].([]Row); i < len(rows) {
			t := valueText(f, rows[i][f.ID], "", answers)
			if f.Kind == KindRef {
				t = refText(f, rows[i][f.ID], answers, true)
			}
			if t != "" {
				name += ": " + t
			}
		}
	}
	return name
}
