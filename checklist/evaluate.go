package checklist

// State is what the form needs to show after every change.
type State struct {
	Visible  []string // ids of visible questions, in checklist order
	Missing  []string // visible required questions that are not (fully) answered
	Answered int      // visible questions answered
	Total    int      // visible questions
	Sections []SectionProgress
	Findings []FindingResult
	Warnings []Warning

	def     *Definition
	answers Answers
	visible []bool // by Item.slot: a slice, not a map keyed by id, because evaluation reads it for every condition
}

// SectionProgress counts visible questions of one step.
type SectionProgress struct {
	ID       string
	Answered int
	Total    int
	Status   string // niet-gestart | bezig | afgerond
}

// FindingResult is one finding that applies, with its text filled in.
type FindingResult struct {
	ID       string
	Severity Severity
	Text     string
	Link     string
	Roles    []string // role ids from the definition: who acts on it
	Row      int      // row index for forEach findings, else -1
}

// Warning says that a free-text answer seems to hold personal data.
type Warning struct {
	Field string   // item id or "group.row.field"
	Kinds []string // see DetectPersonalData
}

// IsVisible reports whether the question is shown.
func (s *State) IsVisible(id string) bool {
	if s.def == nil {
		return false
	}
	it := s.def.Item(id)
	return it != nil && s.visible[it.slot]
}

// Evaluate computes visibility, progress, findings and warnings. It does not
// change answers.
func Evaluate(def *Definition, answers Answers) *State {
	st := &State{def: def, answers: answers, visible: make([]bool, len(def.items)), Visible: make([]string, 0, len(def.items)),
		Sections: make([]SectionProgress, 0, len(def.Sections)), Findings: make([]FindingResult, 0, len(def.Findings))}
	env := &evalEnv{answers: answers, visible: st.visible}
	// showIf only looks back, so one pass in checklist order is enough.
	for _, it := range def.items {
		if it.showIf == nil || it.showIf.evalBool(env) {
			st.visible[it.slot] = true
		}
	}
	for _, sec := range def.Sections {
		p := SectionProgress{ID: sec.ID}
		var step stepTally
		for _, it := range sec.Items {
			if !st.visible[it.slot] {
				continue
			}
			st.Visible = append(st.Visible, it.ID)
			p.Total++
			v := answers[it.ID]
			// An answer that is filled in but wrong (a date that does not
			// exist) is not answered but missing, also when the question
			// is optional.
			missing := valueProblem(it, v) != ""
			answered := isAnswered(v) && !missing
			if it.Kind == KindGroup {
				// Rows decide; an optional group with a half-filled row is
				// incomplete too.
				answered, missing = groupAnswered(it, answers), len(groupErrors(it, answers)) > 0
			}
			if answered {
				p.Answered++
			}
			if missing {
				st.Missing = append(st.Missing, it.ID)
			}
			step.add(it, answered, missing)
			st.Warnings = appendWarnings(st.Warnings, it, v)
		}
		p.Status = step.status(p)
		st.Answered += p.Answered
		st.Total += p.Total
		st.Sections = append(st.Sections, p)
	}
	// Verdicts first, then the other findings, each in checklist order: the
	// page shows this order as it is, so the answer leads.
	for _, f := range def.Findings {
		if f.Severity == SeverityUitkomst {
			st.Findings = appendFindings(st.Findings, f, env)
		}
	}
	for _, f := range def.Findings {
		if f.Severity != SeverityUitkomst {
			st.Findings = appendFindings(st.Findings, f, env)
		}
	}
	st.Findings = appendRemovedRowFindings(st.Findings, def, env)
	return st
}

// stepTally collects what a step's status depends on besides its counts.
type stepTally struct {
	required, requiredOpen int  // visible required questions, and those not answered
	problem                bool // a visible question is missing or wrong
}

func (t *stepTally) add(it *Item, answered, missing bool) {
	if it.Required {
		t.required++
		if !answered {
			t.requiredOpen++
		}
	}
	t.problem = t.problem || missing
}

// status: a step is done once the user has done what it asks (as the GOV.UK
// task list says "Completed"): every visible required question answered and
// nothing filled in wrong, so optional questions may stay empty. A step
// without required questions asks for all of them, so that a single answer
// does not finish it. A step without visible questions has nothing to do.
func (t *stepTally) status(p SectionProgress) string {
	switch {
	case p.Total == 0:
		return StatusDone
	case p.Answered == 0:
		return StatusNotStarted
	case t.problem || t.requiredOpen > 0:
		return StatusBusy
	case t.required == 0 && p.Answered < p.Total:
		return StatusBusy
	}
	return StatusDone
}

// appendFindings adds what finding f yields to out; appending in place
// instead of returning a slice per finding saves an allocation for each.
func appendFindings(out []FindingResult, f *Finding, env *evalEnv) []FindingResult {
	if f.when == nil {
		return out
	}
	if f.forEach == nil {
		if f.when.evalBool(env) {
			out = f.appendResult(out, env, -1)
		}
		return out
	}
	if !env.visible[f.forEach.slot] {
		return out
	}
	var sources []Row
	if f.forEach.Source != nil {
		sources = groupRows(f.forEach.Source, env.answers)
	}
	rowEnv := &evalEnv{answers: env.answers, visible: env.visible}
	for i, r := range groupRows(f.forEach, env.answers) {
		if r == nil {
			continue
		}
		rowEnv.row = r
		if sources != nil {
			rowEnv.source = sources[i]
		}
		if f.when.evalBool(rowEnv) {
			out = f.appendResult(out, rowEnv, i)
		}
	}
	return out
}

func (f *Finding) appendResult(out []FindingResult, env *evalEnv, row int) []FindingResult {
	return append(out, FindingResult{ID: f.ID, Severity: f.Severity, Text: f.fillText(env, row), Link: f.Link, Roles: f.Roles, Row: row})
}

func (f *Finding) fillText(env *evalEnv, row int) string {
	// Most texts fit the stack buffer, leaving one allocation: the string.
	var buf [256]byte
	b := textBuffer{buf[:0]}
	for _, p := range f.text {
		b.WriteString(p.literal)
		switch {
		case p.rowIndex:
			b.WriteString(itoa(row + 1))
		case p.ref != nil:
			var v any
			if p.rowField {
				v = env.cell(p.ref)
			} else if env.visible[p.ref.slot] {
				v = env.answers[p.ref.ID]
			}
			b.WriteString(valueText(p.ref, v, "(niet ingevuld)", env.answers))
		}
	}
	return b.String()
}

// valueText shows an answer as a person would read it: option labels, not
// their codes, dates as dd-mm-jjjj, and references as the rows they name
// (from answers). empty is shown for no answer.
func valueText(it *Item, v any, empty string, answers Answers) string {
	if !isAnswered(v) {
		return empty
	}
	if it.Kind == KindRef {
		return refText(it, v, answers, false)
	}
	if list, ok := v.([]string); ok {
		labels := make([]string, len(list))
		for i, s := range list {
			labels[i] = it.Label(s)
		}
		return joinStrings(labels, ", ")
	}
	s, _ := v.(string)
	switch it.Kind {
	case KindYesNo, KindChoice:
		return it.Label(s)
	case KindDate:
		return dutchDate(s)
	}
	return s
}

// ValidationError is one problem to fix before finishing.
type ValidationError struct {
	Field   string // item id or "group.row.field"
	Item    string // top-level item id
	Message string // Dutch
}

// Validate lists what is missing or wrong in the visible questions.
func Validate(def *Definition, answers Answers) []ValidationError {
	st := Evaluate(def, answers)
	var out []ValidationError
	for _, it := range def.items {
		if st.visible[it.slot] {
			out = append(out, itemErrors(it, answers)...)
		}
	}
	return out
}

// itemErrors checks one visible question. A question that is not required
// may be empty, but what is filled in must still be valid.
func itemErrors(it *Item, answers Answers) []ValidationError {
	v := answers[it.ID]
	if it.Kind == KindGroup {
		return groupErrors(it, answers)
	}
	if msg := valueProblem(it, v); msg != "" {
		return addError(nil, it.ID, it.ID, msg+it.Question)
	}
	return nil
}

// valueProblem returns the start of the message, to be followed by the
// question; "" when the answer is fine. Evaluate only asks whether there
// is a problem, so the message is not built for it.
func valueProblem(it *Item, v any) string {
	if !isAnswered(v) {
		if !it.Required {
			return ""
		}
		switch it.Kind {
		case KindYesNo, KindChoice:
			return "Kies een antwoord bij: "
		case KindRef:
			return "Kies een rij bij: "
		case KindMulti:
			return "Kies minstens één mogelijkheid bij: "
		case KindDate:
			return "Vul een datum in bij: "
		}
		return "Vul dit in: "
	}
	if it.Kind == KindRef {
		if _, isList := v.([]string); isList != it.Multiple {
			return "Dit antwoord heeft niet de juiste vorm: "
		}
		return ""
	}
	switch x := v.(type) {
	case string:
		switch it.Kind {
		case KindYesNo, KindChoice:
			if !it.hasValue(x) {
				return "Kies een van de mogelijkheden bij: "
			}
		case KindDate:
			if !isValidDate(x) {
				return "Vul een geldige datum in (dag, maand en jaar) bij: "
			}
		case KindMulti:
			return "Kies een of meer mogelijkheden bij: "
		}
	case []string:
		if it.Kind != KindMulti {
			return "Dit antwoord heeft niet de juiste vorm: "
		}
		for _, s := range x {
			if !it.hasValue(s) {
				return "Kies alleen mogelijkheden uit de lijst bij: "
			}
		}
	default:
		return "Dit antwoord heeft niet de juiste vorm: "
	}
	return ""
}

func groupErrors(it *Item, answers Answers) []ValidationError {
	filled := 0
	var out []ValidationError
	counted := groupRows(it, answers)
	for i, r := range counted {
		if r == nil {
			out = appendOrphanError(out, it, answers, i)
			continue
		}
		// An empty row of a follower only needs filling in when the
		// follower is required.
		if r.isEmpty() && !it.Required {
			continue
		}
		filled++
		for _, f := range it.Fields {
			if msg := valueProblem(f, r[f.ID]); msg != "" {
				out = addError(out, it.ID+"."+itoa(i)+"."+f.ID, it.ID, msg+f.Question+" ("+it.rowName()+" "+itoa(i+1)+")")
			}
		}
	}
	if rows, _ := answers[it.ID].([]Row); it.Source != nil {
		for i := len(counted); i < len(rows); i++ {
			out = appendOrphanError(out, it, answers, i)
		}
	}
	need := it.MinRows
	if it.Required && need < 1 && it.Source == nil {
		need = 1
	}
	if filled < need {
		msg := "Vul minstens " + itoa(need) + " rijen in bij: " + it.Question
		if need == 1 {
			msg = "Vul minstens één rij in bij: " + it.Question
		}
		out = append(addError(nil, it.ID, it.ID, msg), out...)
	}
	if rows, _ := answers[it.ID].([]Row); len(rows) > it.MaxRows {
		out = addError(out, it.ID, it.ID, "Er mogen hoogstens "+itoa(it.MaxRows)+" rijen zijn bij: "+it.Question)
	}
	return out
}

// appendOrphanError flags what the visitor filled in row i of a following
// group whose source row is blank or missing (a purpose left empty in step 2,
// its data filled in in step 3). Such a row is not counted or reported, but
// it is exported, so it must not look finished either: the first filled
// field of the row gets the message.
func appendOrphanError(out []ValidationError, it *Item, answers Answers, i int) []ValidationError {
	rows, _ := answers[it.ID].([]Row)
	if it.Source == nil || i >= len(rows) {
		return out
	}
	for _, f := range it.Fields {
		if isAnswered(rows[i][f.ID]) {
			name := it.Source.rowName() + " " + itoa(i+1)
			return addError(out, it.ID+"."+itoa(i)+"."+f.ID, it.ID, upperFirst(name)+" is leeg bij de vraag: "+trimSpace(it.Source.Question)+" Vul die rij in, of maak dit veld leeg: "+f.Question+" ("+name+")")
		}
	}
	return out
}

// upperFirst capitalises an ASCII first letter ("rij 2" starts a sentence).
func upperFirst(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// appendWarnings adds the personal-data warnings for one answer.
func appendWarnings(out []Warning, it *Item, v any) []Warning {
	switch it.Kind {
	case KindText, KindLongText:
		s, _ := v.(string)
		if kinds := DetectPersonalData(s); len(kinds) > 0 {
			out = append(out, Warning{Field: it.ID, Kinds: kinds})
		}
	case KindGroup:
		rows, _ := v.([]Row)
		for i, r := range rows {
			for _, f := range it.Fields {
				if f.Kind != KindText && f.Kind != KindLongText {
					continue
				}
				s, _ := r[f.ID].(string)
				if kinds := DetectPersonalData(s); len(kinds) > 0 {
					out = append(out, Warning{Field: it.ID + "." + itoa(i) + "." + f.ID, Kinds: kinds})
				}
			}
		}
	}
	return out
}

// rowName is how a message names one row of a group.
func (it *Item) rowName() string {
	if it.RowLabel != "" {
		return it.RowLabel
	}
	if it.Source != nil {
		return it.Source.rowName()
	}
	return "rij"
}

// rowHeading is rowName at the start of a line or a cell: "Rij" when the group
// does not name its rows.
func (it *Item) rowHeading() string {
	if name := it.rowName(); name != "rij" {
		return name
	}
	return "Rij"
}

// addError appends one ValidationError; out of line because each append of
// a struct of strings costs much code in WebAssembly.
func addError(out []ValidationError, field, item, message string) []ValidationError {
	return append(out, ValidationError{Field: field, Item: item, Message: message})
}

// AnswerText is an answer as the result shows it: labels for choices, a
// Dutch date, and for a reference the row it names ("Risico 2: …"), so
// renderers outside the engine (the documents) never decode values again.
func (it *Item) AnswerText(v any, answers Answers) string {
	return valueText(it, v, "", answers)
}
