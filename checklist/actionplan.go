package checklist

// The action list per role, worked out once here: the page draws it
// (assets/js/plan.js) and the Markdown report writes it, neither with rules
// of its own. It is the plan of the result: every measure of the plan group
// (for the workbook: the maatregelen of step 4) with its owner, due date and
// status, under the role that owns it, plus the findings each role must act
// on. Each measure is listed exactly once, so a reader who counts them
// counts right: a measure with an owner under its owner's role (without a
// date it says "Nog geen datum" and is flagged), one without an owner under
// "Nog geen eigenaar", flagged, never dropped; an open measure whose date has
// passed is marked late.
//
// Which group holds the measures, and which of its fields are the owner, the
// date and the status, a definition says in its "plan" key:
//
//	plan: {group: maatregelen, owner: eigenaar, due: klaar-op, status: status, done: klaar, detail: omschrijving}
//
// owner is a choice from the list rollen, due a date, status a choice and
// done the status value of a finished measure; detail (optional) is a text
// shown under the measure's name. Today's date comes in from the page, so
// the engine stays deterministic: tests fix it.

// PlanItem is one measure as the plan shows it. The texts are final: the
// renderers only draw them; the flags are for marking them.
type PlanItem struct {
	Row          int    // answer row index
	Label        string // "Maatregel 2: Werkafspraak over delen"
	Detail       string
	Owner        string // the role's name, or "Nog geen eigenaar"
	Due          string // "3 maart 2026", "3 maart 2026, te laat", or "Nog geen datum"
	Status       string // the status's label, or "Nog geen status"
	OwnerMissing bool
	DueMissing   bool
	Overdue      bool // open, and due before today
	Done         bool

	ownerID, dueISO string
}

// RolePlan is the action list of one role.
type RolePlan struct {
	Role     string // id from data/rollen.yaml
	Name     string
	Measures []PlanItem
	Findings []FindingResult // heaviest first
}

// ActionPlan is the action list per role of one set of answers.
type ActionPlan struct {
	HasMeasures bool   // the definition has a plan group
	Summary     string // "4 maatregelen: 1 te laat, 1 nog zonder eigenaar, 1 nog zonder datum."
	Roles       []RolePlan
	Unassigned  []PlanItem // without an owner: under no role
}

// UnassignedTitle heads the measures that have no owner yet.
const UnassignedTitle = "Nog geen eigenaar"

// PlanHeaders are the columns of a table of measures.
var PlanHeaders = []string{"Maatregel", "Eigenaar", "Klaar op", "Status"}

// planSpec is the plan key resolved against the definition.
type planSpec struct {
	group                      *Item
	owner, due, status, detail *Item
	done                       string
}

func (d *Definition) planSpec() *planSpec {
	o := d.Plan
	if o == nil {
		return nil
	}
	g := d.group(specString(o, "group"))
	if g == nil {
		return nil
	}
	p := &planSpec{group: g, owner: g.Field(specString(o, "owner")), due: g.Field(specString(o, "due")),
		status: g.Field(specString(o, "status")), detail: g.Field(specString(o, "detail")), done: specString(o, "done")}
	if p.owner == nil || p.due == nil || p.status == nil { // only in a definition that failed its checks
		return nil
	}
	return p
}

// severityOrder puts the findings of a list heaviest first.
var severityOrder = []Severity{SeverityUitkomst, SeverityRisico, SeverityAandacht, SeverityInfo}

// BuildPlan works out the action list per role. today is yyyy-mm-dd, or ""
// when no date is known: then nothing is marked late.
func BuildPlan(def *Definition, answers Answers, st *State, today string) ActionPlan {
	if st == nil {
		st = Evaluate(def, answers)
	}
	if !isValidDate(today) {
		today = ""
	}
	var plan ActionPlan
	var items []PlanItem
	if spec := def.planSpec(); spec != nil {
		plan.HasMeasures = true
		if st.visible[spec.group.slot] {
			for i, r := range groupRows(spec.group, answers) {
				if r != nil {
					items = append(items, spec.item(answers, r, i, today))
				}
			}
		}
	}
	// Measures in order of their date (undated last), then row order.
	for i := 1; i < len(items); i++ {
		for j := i; j > 0 && dueBefore(items[j], items[j-1]); j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
	// Roles in the order of the list rollen; an owner the list does not
	// know (not in a checked definition) still gets its list.
	order := make([]string, 0, len(def.roles))
	for _, o := range def.roles {
		order = append(order, o.Value)
	}
	for _, it := range items {
		if it.ownerID != "" {
			order = appendUnique(order, it.ownerID)
		}
	}
	late, noOwner, noDate := 0, 0, 0
	for _, it := range items {
		if it.Overdue {
			late++
		}
		if it.DueMissing {
			noDate++
		}
		if it.OwnerMissing {
			noOwner++
			plan.Unassigned = append(plan.Unassigned, it)
		}
	}
	for _, role := range order {
		rp := RolePlan{Role: role, Name: def.RoleLabel(role)}
		for _, it := range items {
			if it.ownerID == role {
				rp.Measures = append(rp.Measures, it)
			}
		}
		for _, sev := range severityOrder {
			for _, f := range st.Findings {
				if f.Severity == sev && containsString(f.Roles, role) {
					rp.Findings = append(rp.Findings, f)
				}
			}
		}
		if len(rp.Measures) > 0 || len(rp.Findings) > 0 {
			plan.Roles = append(plan.Roles, rp)
		}
	}
	if plan.HasMeasures {
		plan.Summary = planSummary(len(items), late, noOwner, noDate)
	}
	return plan
}

// planSummary counts per kind of gap; a measure without owner and date
// counts under both, as it is flagged twice in its row.
func planSummary(n, late, noOwner, noDate int) string {
	if n == 0 {
		return "Er staan nog geen maatregelen in de checklist."
	}
	s := itoa(n) + " maatregel"
	if n != 1 {
		s += "en"
	}
	var parts []string
	if late > 0 {
		parts = append(parts, itoa(late)+" te laat")
	}
	if noOwner > 0 {
		parts = append(parts, itoa(noOwner)+" nog zonder eigenaar")
	}
	if noDate > 0 {
		parts = append(parts, itoa(noDate)+" nog zonder datum")
	}
	if len(parts) == 0 {
		return s + ", elk met een eigenaar en een datum."
	}
	return s + ": " + joinStrings(parts, ", ") + "."
}

// dueBefore: a has a date and b none, or an earlier one.
func dueBefore(a, b PlanItem) bool {
	return a.dueISO != "" && (b.dueISO == "" || a.dueISO < b.dueISO)
}

func (p *planSpec) item(answers Answers, r Row, i int, today string) PlanItem {
	it := PlanItem{Row: i, Label: rowTitle(p.group, answers, i)}
	field := func(f *Item) string {
		if f == nil {
			return ""
		}
		s, _ := r[f.ID].(string)
		return s
	}
	if p.detail != nil {
		it.Detail = valueText(p.detail, r[p.detail.ID], "", answers)
	}
	it.ownerID = field(p.owner)
	it.Owner = valueText(p.owner, it.ownerID, "", answers)
	if it.ownerID == "" {
		it.Owner, it.OwnerMissing = "Nog geen eigenaar", true
	}
	status := field(p.status)
	it.Done = status != "" && status == p.done
	it.Status = "Nog geen status"
	if status != "" {
		it.Status = p.status.Label(status)
	}
	if due := field(p.due); isValidDate(due) {
		it.dueISO = due
		it.Due = dutchDate(due)
		if today != "" && due < today && !it.Done {
			it.Overdue = true
			it.Due += ", te laat"
		}
	} else {
		it.Due, it.DueMissing = "Nog geen datum", true
	}
	return it
}

// planCells are the cells of one measure in a table under PlanHeaders.
func planCells(it PlanItem) []string {
	name := it.Label
	if it.Detail != "" {
		name += " (" + it.Detail + ")"
	}
	return []string{name, it.Owner, it.Due, it.Status}
}

// appendPlanJSON writes the plan as "plan":{...} for the page.
func appendPlanJSON(b []byte, plan ActionPlan) []byte {
	items := func(b []byte, list []PlanItem) []byte {
		b = append(b, '[')
		for _, it := range list {
			b = appendFields(b, `{"row":%,"label":%,"detail":%,"owner":%,"due":%,"status":%,"ownerMissing":%,"dueMissing":%,"overdue":%,"done":%},`,
				it.Row, it.Label, it.Detail, it.Owner, it.Due, it.Status, it.OwnerMissing, it.DueMissing, it.Overdue, it.Done)
		}
		return appendFields(b, "]")
	}
	b = appendFields(b, `"plan":{"hasMeasures":%,"summary":%,"headers":%,"unassignedTitle":%,"unassigned":`,
		plan.HasMeasures, plan.Summary, PlanHeaders, UnassignedTitle)
	b = items(b, plan.Unassigned)
	b = append(b, `,"roles":[`...)
	for _, r := range plan.Roles {
		b = appendFields(b, `{"role":%,"name":%,"measures":`, r.Role, r.Name)
		b = items(b, r.Measures)
		b = append(b, `,"findings":[`...)
		for _, f := range r.Findings {
			b = appendFields(b, `{"id":%,"severity":%,"text":%,"link":%},`, f.ID, string(f.Severity), f.Text, f.Link)
		}
		b = appendFields(b, `]},`)
	}
	return appendFields(b, `]}`)
}

// writePlan adds the action list per role to the report, from the same
// model the page draws.
func writePlan(b *textBuffer, plan ActionPlan, today, siteURL string) {
	if len(plan.Roles) == 0 && !plan.HasMeasures {
		return
	}
	if n := len(b.b); n < 2 || b.b[n-1] != '\n' || b.b[n-2] != '\n' {
		b.WriteString("\n")
	}
	b.WriteString("## Actielijst per rol\n\n")
	if plan.Summary != "" {
		b.WriteString(plan.Summary)
		if isValidDate(today) {
			b.WriteString(" Stand op " + dutchDate(today) + ".")
		}
		b.WriteString("\n")
	}
	table := func(list []PlanItem) {
		b.WriteString("\n")
		writeHeader(b, PlanHeaders...)
		for _, it := range list {
			writeRow(b, planCells(it)...)
		}
	}
	for _, r := range plan.Roles {
		b.WriteString("\n### " + EscapeMarkdown(r.Name) + "\n")
		if len(r.Measures) > 0 {
			table(r.Measures)
		}
		if len(r.Findings) > 0 {
			b.WriteString("\n")
			for _, f := range r.Findings {
				b.WriteString("- " + severityTitle(f.Severity) + ": " + escapeMarkdown(flattenLines(f.Text), false))
				if f.Link != "" {
					b.WriteString(" [Lees meer](" + siteLink(siteURL, f.Link) + ")")
				}
				b.WriteString("\n")
			}
		}
	}
	if len(plan.Unassigned) > 0 {
		b.WriteString("\n### " + UnassignedTitle + "\n")
		table(plan.Unassigned)
	}
}

// checkPlan tells an author everything that is wrong with the plan key.
func (l *loader) checkPlan(def *Definition, raw any) {
	const path = "plan"
	l.setOwner("", "", "")
	o := l.object(raw, path, "group owner due status done detail")
	if o == nil {
		return
	}
	g := l.checkViewGroup(def, o, path)
	if g == nil {
		return
	}
	field := func(key string, required bool, kinds ...Kind) *Item {
		id := l.str(o, key, path, required)
		if id == "" {
			return nil
		}
		f := g.Field(id)
		if f == nil {
			l.problem(path+"."+key, "'"+id+"' is geen veld van groep "+g.ID)
			return nil
		}
		for _, k := range kinds {
			if f.Kind == k {
				return f
			}
		}
		l.problem(path+"."+key, "veld "+id+" is een "+kindName(f.Kind)+"; hier past alleen een "+kindName(kinds[0]))
		return nil
	}
	if owner := field("owner", true, KindChoice); owner != nil && owner.OptionsFrom != "rollen" {
		l.problem(path+".owner", "veld "+owner.ID+" moet zijn opties uit de lijst rollen halen (optionsFrom: rollen)")
	}
	field("due", true, KindDate)
	field("detail", false, KindText, KindLongText)
	status := field("status", true, KindChoice)
	done := l.str(o, "done", path, true)
	if status != nil && done != "" && !status.hasValue(done) {
		l.problem(path+".done", "'"+done+"' is geen waarde van veld "+status.ID+"; kies "+optionValuesText(status.Options))
	}
}
