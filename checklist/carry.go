package checklist

// Carrying an outcome from one checklist of a dossier into another: the
// workbook asks whether a DPIA is needed, and the DPIA-toets of the same
// dossier may already have answered that. A question says so with
//
//	outcomeFrom: {checklist: dpia-toets, values: {dpia-verplicht: verplicht, ...}}
//
// (values: a verdict, a finding id of severity uitkomst in that checklist,
// → an option of this question). The dossier keeps each checklist's outcome
// as its page last saw it (package dossier, "outcome"); the page passes the
// outcomes in and draws what Carry says: the verdict by the question, the
// answer filled in while the question is unanswered, and whether the
// visitor's own answer differs. The visitor sees it and can change it; an
// answer the visitor gave is never overwritten.

// Outcome is a checklist's verdict as the dossier keeps it.
type Outcome struct {
	ID    string // the finding id of the verdict
	Text  string // its text
	Title string // the checklist's title
	At    string // when it was saved, ISO 8601
}

// The states of a carried question.
const (
	CarryFill    = "fill"    // unanswered: the page fills in Value
	CarrySame    = "same"    // answered with Value
	CarryDiffers = "differs" // answered with another option
	CarryOther   = "other"   // the verdict suggests no option of this question
)

// Carried is what the page shows by one question.
type Carried struct {
	Item       string
	State      string
	Value      string // the option the verdict suggests ("" for CarryOther)
	Verdict    string // "Uitkomst van ... in dit dossier (30 november 2026): DPIA verplicht. ..."
	Note       string // what the answer is in relation to the verdict
	FilledNote string // the note right after the page filled the answer in
}

// Carry works out, for every visible question with outcomeFrom whose
// checklist has an outcome, what the page shows.
func Carry(def *Definition, answers Answers, outcomes map[string]Outcome) []Carried {
	st := Evaluate(def, answers)
	var out []Carried
	for _, it := range def.items {
		if it.OutcomeFrom == nil || !st.visible[it.slot] {
			continue
		}
		o, ok := outcomes[specString(it.OutcomeFrom, "checklist")]
		if !ok || o.ID == "" {
			continue
		}
		values, _ := it.OutcomeFrom.Values["values"].(*Object)
		value, _ := values.Get(o.ID)
		suggested, _ := value.(string)
		c := Carried{Item: it.ID, Value: suggested, Verdict: "Uitkomst van " + quoted(o.Title) + " in dit dossier"}
		if len(o.At) >= 10 && isValidDate(o.At[:10]) {
			c.Verdict += " (bewaard op " + dutchDate(o.At[:10]) + ")"
		}
		c.Verdict += ": " + o.Text
		current, _ := answers[it.ID].(string)
		switch {
		case suggested == "" || !it.hasValue(suggested):
			c.State, c.Value = CarryOther, ""
			c.Note = "Kies zelf het antwoord dat past bij deze uitkomst."
		case current == "":
			c.State = CarryFill
			c.Note = "Bij deze uitkomst past het antwoord \"" + it.Label(suggested) + "\"."
			c.FilledNote = "Daarom is hieronder \"" + it.Label(suggested) + "\" ingevuld. U kunt dat veranderen."
		case current == suggested:
			c.State = CarrySame
			c.Note = "Uw antwoord hieronder past bij deze uitkomst."
			c.FilledNote = "Daarom is hieronder \"" + it.Label(suggested) + "\" ingevuld. U kunt dat veranderen."
		default:
			c.State = CarryDiffers
			c.Note = "Uw antwoord hieronder (\"" + it.Label(current) + "\") wijkt af van deze uitkomst. Daarbij past \"" + it.Label(suggested) + "\". Kijk na of uw antwoord of de DPIA-toets moet veranderen."
		}
		out = append(out, c)
	}
	return out
}

func quoted(s string) string {
	if s == "" {
		return "de andere checklist"
	}
	return "\"" + s + "\""
}

// CarryJSON is Carry for the page: outcomesJSON is {"<checklist id>": {"id",
// "text", "title", "at"}}; the result {"items": [{"item", "state",
// "value", "verdict", "note", "filledNote"}]}.
func CarryJSON(def *Definition, answersJSON, outcomesJSON string) string {
	answers, err := ParseAnswersJSON(def, answersJSON)
	if err != nil {
		return ErrorJSON(err.Error())
	}
	outcomes := map[string]Outcome{}
	if tree, err := ParseJSON(outcomesJSON, MaxJSONDepth); err == nil {
		if obj, ok := tree.(*Object); ok {
			for _, k := range obj.Keys {
				o, _ := obj.Values[k].(*Object)
				if o == nil {
					continue
				}
				outcomes[k] = Outcome{ID: specString(o, "id"), Text: specString(o, "text"), Title: specString(o, "title"), At: specString(o, "at")}
			}
		}
	}
	b := []byte(`{"items":[`)
	for _, c := range Carry(def, answers, outcomes) {
		b = appendFields(b, `{"item":%,"state":%,"value":%,"verdict":%,"note":%,"filledNote":%},`, c.Item, c.State, c.Value, c.Verdict, c.Note, c.FilledNote)
	}
	return string(appendFields(b, "]}"))
}

// checkOutcomeFrom tells an author what is wrong with a question's
// outcomeFrom. That the values name verdicts of the other checklist is
// checked by a test over the shipped checklists (TestOutcomeFromNamesVerdicts).
func (l *loader) checkOutcomeFrom(it *Item) {
	path := it.Path + ".outcomeFrom"
	o := l.object(it.OutcomeFrom, path, "checklist values")
	if it.Kind != KindChoice {
		l.problem(path, "kan alleen bij een keuzevraag (choice)")
		return
	}
	if id := l.str(o, "checklist", path, true); id != "" && !isValidID(id) {
		l.problem(path+".checklist", "'"+id+"' is geen geldige id van een checklist")
	}
	raw, _ := o.Get("values")
	values, ok := raw.(*Object)
	if !ok || len(values.Keys) == 0 {
		l.problem(path+".values", "noem per uitkomst (id van een bevinding) de waarde van een optie")
		return
	}
	for _, k := range values.Keys {
		v, _ := values.Values[k].(string)
		if !it.hasValue(v) {
			l.problem(path+".values."+k, "'"+v+"' is geen optie van "+it.ID+"; kies "+optionValuesText(it.Options))
		}
	}
}
