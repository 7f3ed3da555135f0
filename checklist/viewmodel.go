package checklist

// The result views as data: what each overview shows, worked out once here
// and drawn by the page (assets/js/views.js) and written by the Markdown
// report. Neither adds rules of its own: row names, answer texts (Dutch
// dates), the arrows of the data flow with their layout, and the risks per
// cell of the risk map all come from this model.

// ViewModel is one overview as shown. Headers and Rows are its table: the
// matrix itself; the data flow as a table (Nr., Van, Naar, Gegevens); the
// scored risks of a risk map. A view without rows shows "niet ingevuld".
type ViewModel struct {
	Kind, Title string
	Headers     []string
	Rows        [][]string
	Flow        *FlowLayout // flow only
	Grids       []RiskGrid  // riskmap only: before, and after when defined
}

// RiskGrid is one likelihood × impact grid. Cells[k-1][i-1] names the risks
// with likelihood k and impact i; Unscored names the risks without a
// complete score on this side, so a view never drops a risk silently.
type RiskGrid struct {
	Caption    string
	Likelihood [4]string // labels of the scores 1..4
	Impact     [4]string
	Cells      [4][4][]string
	Unscored   []string
	Scored     int
}

// unknownParty names a side of a deelmoment that is not filled in.
const unknownParty = "Onbekend"

// notScored is what a risk without a score shows in the table of scores.
const notScored = "niet beoordeeld"

// rowLabel is the short name of row i of a group: "Deelmoment 2", or
// "Rij 2" when the group does not name its rows.
func rowLabel(g *Item, i int) string {
	return g.rowHeading() + " " + itoa(i+1)
}

// BuildViews works out every view of the definition for these answers. A
// view whose group is hidden has no rows.
func BuildViews(def *Definition, answers Answers, st *State) []ViewModel {
	if st == nil {
		st = Evaluate(def, answers)
	}
	out := make([]ViewModel, 0, len(def.Views))
	for _, v := range def.Views {
		g, refs := resolveView(def, v)
		var rows []int
		if g != nil && st.visible[g.slot] {
			for i, r := range groupRows(g, answers) {
				if r != nil {
					rows = append(rows, i)
				}
			}
		}
		m := ViewModel{Kind: v.Kind, Title: v.Title}
		if g == nil { // only in a definition that failed its checks
			out = append(out, m)
			continue
		}
		switch v.Kind {
		case ViewMatrix:
			// The first column names each row ("Maatregel 2"), under
			// "Rij": the row name itself may also be a column's question.
			m.Headers = []string{"Rij"}
			for _, c := range refs {
				m.Headers = append(m.Headers, c.field.Question)
			}
			for _, i := range rows {
				cells := []string{rowLabel(g, i)}
				for _, c := range refs {
					cells = append(cells, c.text(answers, i))
				}
				m.Rows = append(m.Rows, cells)
			}
		case ViewFlow:
			buildFlow(&m, refs, answers, rows)
		case ViewRiskMap:
			buildRiskMap(&m, g, refs, answers, rows)
		}
		out = append(out, m)
	}
	return out
}

// buildFlow makes the arrows of a data flow, one per row in row order (the
// order of the deelmomenten), and the organisations in the order they first
// take part. refs are from, to, label. A reference to a row (an
// organisation) is one node per row, named by its title, so two rows with
// the same name stay two organisations and a renamed row keeps its node.
func buildFlow(m *ViewModel, refs []viewField, answers Answers, rows []int) {
	m.Headers = []string{"Nr.", "Van", "Naar", "Gegevens"}
	var names []string
	index := map[string]int{}
	node := func(key, name string) int {
		if _, ok := index[key]; !ok {
			index[key] = len(names)
			names = append(names, name)
		}
		return index[key]
	}
	var edges []FlowEdgeIn
	for _, i := range rows {
		var party [2]string
		var at [2]int
		for side := range party {
			key, name := flowParty(refs[side], answers, i)
			party[side], at[side] = name, node(key, name)
		}
		edges = append(edges, FlowEdgeIn{N: i + 1, From: at[0], To: at[1]})
		m.Rows = append(m.Rows, []string{itoa(i + 1), party[0], party[1], refs[2].text(answers, i)})
	}
	if len(rows) > 0 {
		m.Flow = LayoutFlow(names, edges)
	}
}

// flowParty returns the node key and the name of one side of an arrow.
func flowParty(vf viewField, answers Answers, i int) (key, name string) {
	if vf.field != nil && vf.field.Kind == KindRef && vf.field.Target != nil {
		if id, _ := vf.value(answers, i).(string); id != "" {
			return "\x00" + id, refLabel(vf.field.Target, answers, id, true)
		}
	}
	name = vf.text(answers, i)
	if name == "" {
		name = unknownParty
	}
	return name, name
}

// buildRiskMap fills the grids (before, and after when the view has it) and
// the table of scores. refs are likelihood, impact, label of each side.
func buildRiskMap(m *ViewModel, g *Item, refs []viewField, answers Answers, rows []int) {
	sides := len(refs) / 3
	m.Headers = []string{"Risico", "Kans × impact vóór", "Kans × impact na"}[:sides+1]
	for side := 0; side < sides; side++ {
		grid := RiskGrid{Caption: m.Title + []string{": voor maatregelen", ": na maatregelen"}[side]}
		for s := 1; s <= 4; s++ {
			grid.Likelihood[s-1] = refs[side*3].field.Label(itoa(s))
			grid.Impact[s-1] = refs[side*3+1].field.Label(itoa(s))
		}
		m.Grids = append(m.Grids, grid)
	}
	for _, i := range rows {
		name := rowLabel(g, i)
		if t := refs[2].text(answers, i); t != "" {
			name += ": " + t
		}
		cells := []string{name}
		for side := 0; side < sides; side++ {
			grid := &m.Grids[side]
			k, im := score(refs[side*3].value(answers, i)), score(refs[side*3+1].value(answers, i))
			if k == 0 || im == 0 {
				grid.Unscored = append(grid.Unscored, name)
				cells = append(cells, notScored)
				continue
			}
			grid.Cells[k-1][im-1] = append(grid.Cells[k-1][im-1], name)
			grid.Scored++
			cells = append(cells, itoa(k)+" × "+itoa(im)+" ("+riskLevel(k*im)+")")
		}
		m.Rows = append(m.Rows, cells)
	}
}

// AppendViewsJSON writes the views as {"views":[...]} for the page.
func AppendViewsJSON(b []byte, views []ViewModel) []byte {
	b = append(b, `{"views":[`...)
	for _, v := range views {
		rows := make([]any, len(v.Rows))
		for i, r := range v.Rows {
			rows[i] = r
		}
		b = appendFields(b, `{"kind":%,"title":%,"headers":%,"rows":%`, v.Kind, v.Title, v.Headers, rows)
		if f := v.Flow; f != nil {
			b = appendFields(b, `,"flow":{"width":%,"height":%,"laneFrom":%,"laneTo":%,"nodes":[`, f.Width, f.Height, f.LaneFrom, f.LaneTo)
			for _, n := range f.Nodes {
				b = appendFields(b, `{"name":%,"x":%,"y":%,"w":%,"h":%,"laneY":%,"lines":[`, n.Name, n.Box.X, n.Box.Y, n.Box.W, n.Box.H, n.LaneY)
				for _, t := range n.Lines {
					b = appendFields(b, `{"text":%,"x":%,"y":%},`, t.Text, t.X, t.Y)
				}
				b = appendFields(b, `]},`)
			}
			b = appendFields(b, `],"edges":[`)
			for _, e := range f.Edges {
				b = appendFields(b, `{"n":%,"from":%,"to":%,"path":%,"x":%,"y":%,"r":%},`, e.N, e.From, e.To, e.Path, e.NumX, e.NumY, FlowNumRadius)
			}
			b = appendFields(b, `]}`)
		}
		if v.Kind == ViewRiskMap {
			b = appendFields(b, `,"grids":[`)
			for _, g := range v.Grids {
				// cells[(k-1)*4+(i-1)]: likelihood k, impact i.
				b = appendFields(b, `{"caption":%,"likelihood":%,"impact":%,"unscored":%,"scored":%,"cells":[`,
					g.Caption, g.Likelihood[:], g.Impact[:], append([]string{}, g.Unscored...), g.Scored)
				for k := range g.Cells {
					for i := range g.Cells[k] {
						b = appendFields(b, `{"level":%,"risks":%},`, riskLevel((k+1)*(i+1)), append([]string{}, g.Cells[k][i]...))
					}
				}
				b = appendFields(b, `]},`)
			}
			b = appendFields(b, `]`)
		}
		b = appendFields(b, `},`)
	}
	return appendFields(b, `]}`)
}

// notAnsweredText is how the result page shows an unanswered question.
const notAnsweredText = "Niet ingevuld"

// appendAnswerTexts writes the answers as the result page shows them, per
// visible question: its text (labels for choices, "3 maart 2026" for a date,
// "Niet ingevuld"), or for a group with rows one line per row ("Vraag:
// antwoord; ...").
func appendAnswerTexts(b []byte, def *Definition, answers Answers, st *State) []byte {
	b = append(b, '{')
	for _, sec := range def.Sections {
		for _, it := range sec.Items {
			if !st.visible[it.slot] {
				continue
			}
			if it.Kind != KindGroup {
				b = appendFields(b, `%:%,`, it.ID, valueText(it, answers[it.ID], notAnsweredText, answers))
				continue
			}
			var rows []string
			for _, r := range groupRows(it, answers) {
				if r == nil {
					continue
				}
				parts := make([]string, len(it.Fields))
				for j, f := range it.Fields {
					parts[j] = f.Question + ": " + valueText(f, r[f.ID], notAnsweredText, answers)
				}
				rows = append(rows, joinStrings(parts, "; "))
			}
			if len(rows) == 0 {
				b = appendFields(b, `%:%,`, it.ID, notAnsweredText)
				continue
			}
			b = appendFields(b, `%:%,`, it.ID, rows)
		}
	}
	if b[len(b)-1] == ',' {
		b = b[:len(b)-1]
	}
	return append(b, '}')
}

// ResultJSON returns what the result page shows besides the findings:
// {"answers": {item id: text, or for a group with rows a list of row
// texts}, "views": [...] (see AppendViewsJSON), "plan": {...} (the action
// list per role on date today, see appendPlanJSON)}.
func ResultJSON(def *Definition, answersJSON, today string) string {
	answers, err := ParseAnswersJSON(def, answersJSON)
	if err != nil {
		return ErrorJSON(err.Error())
	}
	st := Evaluate(def, answers)
	b := appendAnswerTexts([]byte(`{"answers":`), def, answers, st)
	b = append(b, ',')
	views := AppendViewsJSON(nil, BuildViews(def, answers, st))
	b = append(b, views[1:len(views)-1]...) // views is {"views":[...]}
	b = appendPlanJSON(append(b, ','), BuildPlan(def, answers, st, today))
	return string(append(b, '}'))
}
