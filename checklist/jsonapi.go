package checklist

// The string API: JSON text in, JSON text out. The WebAssembly binding is a
// thin wrapper around these functions, so their behaviour (and the exact
// JSON shapes the browser relies on) is tested here in plain Go.
//
// None of these functions return a Go error: problems become
// {"error":"Dutch message"} so the page can show them.

// ErrorJSON is {"error": msg}.
func ErrorJSON(msg string) string {
	return string(appendFields(nil, `{"error":%}`, msg))
}

// LoadPayload reads {"definition": <definition as JSON>, "lists": {"rollen":
// [{"value":..,"label":..}], ...}}.
func LoadPayload(payload string) (*Definition, error) {
	if len(payload) > MaxImportSize {
		return nil, errorText("De checklist is te groot om te laden.")
	}
	tree, err := ParseJSON(payload, MaxJSONDepth)
	if err != nil {
		return nil, errorText("De checklist kon niet worden gelezen: " + err.Error())
	}
	obj, ok := tree.(*Object)
	if !ok {
		return nil, errorText("De checklist kon niet worden gelezen: verwacht {\"definition\": ..., \"lists\": ...}.")
	}
	definition, ok := obj.Get("definition")
	if !ok {
		return nil, errorText("De checklist kon niet worden gelezen: 'definition' ontbreekt.")
	}
	lists := map[string][]Option{}
	if raw, ok := obj.Get("lists"); ok && raw != nil {
		listsObj, ok := raw.(*Object)
		if !ok {
			return nil, errorText("De keuzelijsten hebben niet de verwachte vorm.")
		}
		for _, name := range listsObj.Keys {
			entries, _ := listsObj.Values[name].([]any)
			opts := []Option{}
			for _, e := range entries {
				eo, _ := e.(*Object)
				if eo == nil {
					continue
				}
				value, _ := eo.Values["value"].(string)
				label, _ := eo.Values["label"].(string)
				if value == "" {
					continue
				}
				if label == "" {
					label = value
				}
				opts = append(opts, Option{Value: value, Label: label})
			}
			lists[name] = opts
		}
	}
	return Load(definition, lists)
}

// ParseAnswersJSON reads the answers object the page sends. Values that do
// not fit are left out (the page only sends what its own form produced).
func ParseAnswersJSON(def *Definition, text string) (Answers, error) {
	return parseAnswers(text, &answerDecoder{def: def})
}

func parseAnswers(text string, d *answerDecoder) (Answers, error) {
	if len(text) > MaxImportSize {
		return nil, errorText("De antwoorden zijn te groot.")
	}
	if isBlank(text) {
		return Answers{}, nil
	}
	items := d.def.items
	if d.cache == nil {
		d.cache = make([]cachedAnswer, len(items))
	}
	d.call++
	tree, err := parseJSON(&jsonParser{s: text, topMember: d.member})
	if err != nil {
		return nil, errorText("De antwoorden konden niet worden gelezen: " + err.Error())
	}
	answers := Answers{}
	if _, ok := tree.(*Object); ok {
		answers = d.answers
		if answers == nil {
			answers = make(Answers, len(items))
		}
		for _, it := range items {
			if c := &d.cache[it.slot]; c.call == d.call && c.value != nil {
				answers[it.ID] = c.value
			} else if d.answers != nil {
				answers[it.ID] = nil
			}
		}
	} else if tree != nil {
		return nil, errorText("De antwoorden hebben niet de verwachte vorm.")
	}
	normalizeRows(d.def, answers)
	return answers, nil
}

// EvaluateJSON returns the state as
// {"visible","missing","answered","total","sections","findings","warnings","refRows"};
// each finding is {"id","severity","text","link","roles"}, roles being the
// role ids (an empty list when the finding names none).
//
// It keeps nothing between calls; a caller that evaluates the same
// checklist again and again, as the page does after every answer, uses an
// Evaluator.
func EvaluateJSON(def *Definition, answersJSON string) string {
	return evaluateJSON(&answerDecoder{def: def}, answersJSON)
}

// Evaluator is EvaluateJSON for one definition, called again and again:
// it keeps the answers it decoded and its output buffer between calls (see
// answerDecoder), so after a click nearly every answer is taken over
// without parsing it again. The result is the same as EvaluateJSON's. The
// binding that loaded the definition holds it (wasm/main.go); the
// Definition itself stays read-only, so any number of callers can share
// it. An Evaluator is for one caller at a time.
type Evaluator struct {
	d *answerDecoder
}

// NewEvaluator returns an Evaluator for def.
func NewEvaluator(def *Definition) *Evaluator {
	return &Evaluator{d: &answerDecoder{def: def, answers: make(Answers, len(def.items))}}
}

// EvaluateJSON is the package's EvaluateJSON with this Evaluator's cache.
func (e *Evaluator) EvaluateJSON(answersJSON string) string {
	return evaluateJSON(e.d, answersJSON)
}

func evaluateJSON(d *answerDecoder, answersJSON string) string {
	answers, err := parseAnswers(answersJSON, d)
	if err != nil {
		return ErrorJSON(err.Error())
	}
	d.out = appendState(d.out[:0], Evaluate(d.def, answers))
	return string(d.out)
}

// appendState writes the JSON form of a State straight into b. The page asks
// for it after every answer, so it skips building a tree of Objects (a map
// per section and finding) only to write that tree out again. Lists, also
// empty ones, come out as [] and never as null.
func appendState(b []byte, st *State) []byte {
	b = appendFields(b, `{"visible":%,"missing":%,"answered":%,"total":%,"sections":[`, st.Visible, st.Missing, st.Answered, st.Total)
	for _, s := range st.Sections {
		b = appendFields(b, `{"id":%,"answered":%,"total":%,"status":%},`, s.ID, s.Answered, s.Total, s.Status)
	}
	b = appendFields(b, `],"findings":[`)
	for _, f := range st.Findings {
		b = appendFields(b, `{"id":%,"severity":%,"text":%,"link":%,"roles":%},`, f.ID, string(f.Severity), f.Text, f.Link, f.Roles)
	}
	b = appendFields(b, `],"warnings":[`)
	for _, w := range st.Warnings {
		b = appendFields(b, `{"field":%,"kinds":%},`, w.Field, w.Kinds)
	}
	b = appendFields(b, "]")
	return append(appendRefRows(b, st), '}')
}

// appendFields writes format with each % replaced by the JSON of the next
// value. One call per object keeps the WebAssembly binary smaller than an
// append per key. List elements are written with a comma after each; a ]
// in format drops the comma after the last one.
func appendFields(b []byte, format string, values ...any) []byte {
	for i := 0; i < len(format); i++ {
		switch c := format[i]; {
		case c == '%':
			b = AppendJSON(b, values[0])
			values = values[1:]
		case c == ']' && b[len(b)-1] == ',':
			b[len(b)-1] = c
		default:
			b = append(b, c)
		}
	}
	return b
}

// ValidateJSON returns {"errors":[{"field","item","message"}]}.
func ValidateJSON(def *Definition, answersJSON string) string {
	answers, err := ParseAnswersJSON(def, answersJSON)
	if err != nil {
		return ErrorJSON(err.Error())
	}
	b := []byte(`{"errors":[`)
	for _, e := range Validate(def, answers) {
		b = appendFields(b, `{"field":%,"item":%,"message":%},`, e.Field, e.Item, e.Message)
	}
	return string(appendFields(b, "]}"))
}

// ExportJSON returns the answer file text.
func ExportJSON(def *Definition, answersJSON, now string) string {
	answers, err := ParseAnswersJSON(def, answersJSON)
	if err != nil {
		return ErrorJSON(err.Error())
	}
	return Export(def, answers, now)
}

// ImportJSON returns {"answers":{...},"dropped":[{"item","reason"}],
// "fromVersion":"..","notes":[..]} or {"error":".."}; with "older":true
// when the file needs what ReadOlderFiles adds.
func ImportJSON(def *Definition, text string) string {
	res, err := Import(def, text)
	if e, ok := err.(*ImportError); ok && e.Older {
		return string(appendFields(nil, `{"error":%,"older":true}`, e.Message))
	}
	if err != nil {
		return ErrorJSON(err.Error())
	}
	b := appendFields(nil, `{"answers":%,"dropped":[`, encodeAnswers(def, res.Answers, true))
	for _, d := range res.Dropped {
		b = appendFields(b, `{"item":%,"reason":%},`, d.Item, d.Reason)
	}
	return string(appendFields(b, `],"fromVersion":%,"notes":%}`, res.FromVersion, res.Notes))
}

// ReportJSON returns {"markdown":"..."}, with links to the site absolute
// under siteURL and the action list as it stands on today (see ReportOn).
func ReportJSON(def *Definition, answersJSON, siteURL, today string) string {
	answers, err := ParseAnswersJSON(def, answersJSON)
	if err != nil {
		return ErrorJSON(err.Error())
	}
	return string(appendFields(nil, `{"markdown":%}`, ReportOn(def, answers, nil, siteURL, today)))
}
