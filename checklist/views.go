package checklist

// Views are overviews over the rows of groups, shown on the result page
// (the page reads them from the definition itself) and written as tables in
// the Markdown report:
//
//	matrix   a table of chosen columns; a column may name a field of a group
//	         that shares the rows (rowsFrom) as group.field
//	flow     one arrow per row: from (a reference to a row, such as an
//	         organisation, a choice or a text) to (likewise), with a label
//	riskmap  likelihood × impact scores "1".."4", before and after measures
//
// To keep the WebAssembly binary small, a view is kept as written (Spec) and
// resolved when the report is written, without messages; the checks with
// messages for authors run at load time when AuthorChecks is on.

// The kinds of views.
const (
	ViewMatrix  = "matrix"
	ViewFlow    = "flow"
	ViewRiskMap = "riskmap"
)

// View is one overview. Spec holds it as written: group and columns
// (matrix); group, from, to, label (flow); before and
// after, each with group, likelihood, impact, label (riskmap). See
// schema/checklist.schema.json.
type View struct {
	Kind  string
	Title string
	Spec  *Object
	Path  string
}

// viewField is a field of one of the groups that share a view's rows.
type viewField struct{ group, field *Item }

// What kind of field fits a view reference.
const (
	fitsAny   = iota
	fitsParty // a reference to one row, a choice or a short text
	fitsScore // a choice with the options "1".."4"
)

var (
	flowKeys  = []string{"from", "to", "label"}
	flowFits  = []int{fitsParty, fitsParty, fitsAny}
	riskKeys  = []string{"likelihood", "impact", "label"}
	riskFits  = []int{fitsScore, fitsScore, fitsAny}
	viewSides = []string{"before", "after"}
)

func (vf viewField) value(answers Answers, i int) any {
	if vf.field == nil {
		return nil
	}
	rows, _ := answers[vf.group.ID].([]Row)
	if i >= len(rows) {
		return nil
	}
	return rows[i][vf.field.ID]
}

func (vf viewField) text(answers Answers, i int) string {
	return valueText(vf.field, vf.value(answers, i), "", answers)
}

// rootGroup is the group whose rows a group has: its source, or itself.
func rootGroup(it *Item) *Item {
	if it != nil && it.Source != nil {
		return it.Source
	}
	return it
}

func specString(o *Object, key string) string {
	v, _ := o.Get(key)
	s, _ := v.(string)
	return s
}

// group returns the group with this id, or nil.
func (d *Definition) group(id string) *Item {
	if it := d.byID[id]; it != nil && it.Kind == KindGroup {
		return it
	}
	return nil
}

// lookupViewField finds a field for a view: "field" in the group (or in the
// group it follows), or "group.field" in a group that shares its rows. On
// failure the field is nil and target says where it was looked for (nil:
// no such group with the same rows).
func lookupViewField(def *Definition, g *Item, name string) (vf viewField, target *Item) {
	target, fieldID := g, name
	if dot := indexByte(name, '.'); dot >= 0 {
		target, fieldID = def.group(name[:dot]), name[dot+1:]
		if target == nil || rootGroup(target) != rootGroup(g) {
			return viewField{}, nil
		}
	}
	f := target.Field(fieldID)
	if f == nil && target == g && g.Source != nil {
		target = g.Source
		f = target.Field(fieldID)
	}
	if f == nil {
		return viewField{}, target
	}
	return viewField{target, f}, target
}

func viewRef(def *Definition, g *Item, name string) viewField {
	vf, _ := lookupViewField(def, g, name)
	return vf
}

// resolveView returns the group whose rows a view shows and its field
// references: the columns (matrix); from, to, label
// (flow); likelihood, impact, label of before, then of after (riskmap).
func resolveView(def *Definition, v *View) (*Item, []viewField) {
	o := v.Spec
	g := def.group(specString(o, "group"))
	var refs []viewField
	switch v.Kind {
	case ViewMatrix:
		columns, _ := o.Values["columns"].([]any)
		for _, c := range columns {
			name, _ := c.(string)
			refs = append(refs, viewRef(def, g, name))
		}
	case ViewFlow:
		for _, k := range flowKeys {
			refs = append(refs, viewRef(def, g, specString(o, k)))
		}
	case ViewRiskMap:
		for side, key := range viewSides {
			so, _ := o.Values[key].(*Object)
			if so == nil {
				break
			}
			sg := def.group(specString(so, "group"))
			if side == 0 {
				g = sg
			}
			for _, k := range riskKeys {
				refs = append(refs, viewRef(def, sg, specString(so, k)))
			}
		}
	}
	return g, refs
}

// checkView tells an author everything that is wrong with a view.
func (l *loader) checkView(def *Definition, v *View, raw any) {
	path := v.Path
	l.str(v.Spec, "kind", path, true)
	l.str(v.Spec, "title", path, true)
	o := l.object(raw, path, "kind title group columns from to label before after")
	switch v.Kind {
	case ViewMatrix, ViewFlow:
		g := l.checkViewGroup(def, o, path)
		if v.Kind == ViewMatrix {
			columns := l.strings(o, "columns", path)
			if len(columns) == 0 {
				l.problem(path+".columns", "een matrix heeft minstens één kolom nodig")
			}
			for i, c := range columns {
				l.checkViewField(def, g, c, path+".columns["+itoa(i)+"]", fitsAny)
			}
			return
		}
		for i, k := range flowKeys {
			l.checkViewField(def, g, l.str(o, k, path, i < 2), path+"."+k, flowFits[i])
		}
	case ViewRiskMap:
		var first *Item
		for side, key := range viewSides {
			raw, present := o.Get(key)
			if side == 1 && !present {
				break
			}
			spath := path + "." + key
			so := l.object(raw, spath, "group likelihood impact label")
			if so == nil {
				continue
			}
			g := l.checkViewGroup(def, so, spath)
			if side == 0 {
				first = g
			} else if g != nil && first != nil && rootGroup(g) != rootGroup(first) {
				l.problem(spath+".group", "before en after moeten over dezelfde rijen gaan: dezelfde groep, of een groep met rowsFrom naar de andere")
			}
			for i, k := range riskKeys {
				l.checkViewField(def, g, l.str(so, k, spath, i < 2), spath+"."+k, riskFits[i])
			}
		}
	case "":
	default:
		l.problem(path+".kind", "onbekende soort overzicht '"+v.Kind+"'; kies matrix, flow of riskmap")
	}
}

func (l *loader) checkViewGroup(def *Definition, o *Object, path string) *Item {
	id := l.str(o, "group", path, true)
	g := def.group(id)
	if g == nil && id != "" {
		l.problem(path+".group", "'"+id+"' is geen vraag van soort group")
	}
	return g
}

func (l *loader) checkViewField(def *Definition, g *Item, name, path string, fits int) {
	if g == nil || name == "" {
		return
	}
	vf, target := lookupViewField(def, g, name)
	f := vf.field
	switch {
	case target == nil:
		l.problem(path, "'"+name[:indexByte(name, '.')]+"' is geen groep met dezelfde rijen als "+g.ID+" (dezelfde groep, of een groep met rowsFrom)")
		return
	case f == nil:
		l.problem(path, "'"+name+"' is geen veld van groep "+target.ID)
		return
	}
	want := ""
	switch fits {
	case fitsParty:
		if f.Kind != KindChoice && f.Kind != KindText && (f.Kind != KindRef || f.Multiple) {
			want = "een verwijzing naar één rij (ref), een keuzevraag (choice) of een korte tekst (text)"
		}
	case fitsScore:
		if f.Kind == KindChoice && optionValuesText(f.Options) != "1, 2, 3, 4" {
			l.problem(path, "veld "+f.ID+" is een score: geef het de opties met de waarden \"1\", \"2\", \"3\" en \"4\", in die volgorde")
		} else if f.Kind != KindChoice {
			want = "een keuzevraag (choice) met de opties \"1\" tot en met \"4\""
		}
	}
	if want != "" {
		l.problem(path, "veld "+f.ID+" is een "+kindName(f.Kind)+"; hier past alleen "+want)
	}
}

// writeViews adds the overviews to the report as tables, from the same
// model the page draws.
func writeViews(b *textBuffer, def *Definition, answers Answers, st *State) {
	if len(def.Views) > 0 {
		b.WriteString("\n## Overzichten\n")
	}
	for _, v := range BuildViews(def, answers, st) {
		b.WriteString("\n### " + v.Title + "\n\n")
		switch {
		case len(v.Rows) == 0:
			b.WriteString(notAnswered + "\n")
		case v.Kind == ViewRiskMap:
			writeRiskMap(b, v)
		default:
			writeHeader(b, v.Headers...)
			for _, r := range v.Rows {
				writeRow(b, r...)
			}
		}
	}
}

// writeRow writes one table row; every cell is escaped, and an empty one
// shows as "-".
func writeRow(b *textBuffer, cells ...string) {
	b.AddByte('|')
	for _, c := range cells {
		if c == "" {
			c = "-"
		}
		b.WriteString(" " + markEnglish(EscapeTableCell(c)) + " |")
	}
	b.AddByte('\n')
}

// writeHeader writes the header row of a table and the line under it.
func writeHeader(b *textBuffer, cells ...string) {
	writeRow(b, cells...)
	b.AddByte('|')
	for range cells {
		b.WriteString(" --- |")
	}
	b.AddByte('\n')
}

// writeRiskMap writes the likelihood × impact grid with the number of risks
// per cell (before → after), then every risk with its scores ("niet
// beoordeeld" where a score is missing).
func writeRiskMap(b *textBuffer, v ViewModel) {
	sides := len(v.Grids)
	scored := 0
	for _, g := range v.Grids {
		scored += g.Scored
	}
	if scored == 0 {
		b.WriteString(notAnswered + "\n")
		return
	}
	if sides == 2 {
		b.WriteString("Aantal risico's per vak, vóór → na de maatregelen. ")
	}
	b.WriteString("Kans van groot (boven) naar klein (onder), impact van klein (links) naar groot (rechts).\n\n")
	first := v.Grids[0]
	writeHeader(b, "Kans / impact", first.Impact[0], first.Impact[1], first.Impact[2], first.Impact[3])
	for k := 3; k >= 0; k-- {
		cells := []string{first.Likelihood[k], "", "", "", ""}
		for im := 0; im < 4; im++ {
			n := 0
			for _, g := range v.Grids {
				n += len(g.Cells[k][im])
			}
			if n > 0 { // empty cells show as "-"
				cells[im+1] = itoa(len(first.Cells[k][im]))
				if sides == 2 {
					cells[im+1] += " → " + itoa(len(v.Grids[1].Cells[k][im]))
				}
			}
		}
		writeRow(b, cells...)
	}
	b.WriteString("\n")
	writeHeader(b, v.Headers...)
	for _, r := range v.Rows {
		writeRow(b, r...)
	}
}

// riskLevel names the level of a score in words, with the same bounds as the
// risk map on the result page: low 1 to 3, medium 4 to 8, high 9 to 16.
// Words, so the level does not depend on colour.
func riskLevel(score int) string {
	switch {
	case score >= 9:
		return "hoog"
	case score >= 4:
		return "middel"
	}
	return "laag"
}

// score reads a score "1".."4"; anything else is 0 (not scored).
func score(v any) int {
	if s, _ := v.(string); len(s) == 1 && s[0] >= '1' && s[0] <= '4' {
		return int(s[0] - '0')
	}
	return 0
}
