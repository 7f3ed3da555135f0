package checklist

// The string API: JSON text in, JSON text out. The WebAssembly binding is a
// thin wrapper around these functions, so their behaviour (and the exact
// JSON shapes the browser relies on) is tested here in plain Go.
//
// None of these functions return a Go error: problems become
// {"error":"Dutch message"} so the page can show them.

// ErrorJSON is {"error": msg}.
func ErrorJSON(msg string) string {
	return JSONText(NewObject().Set("error", msg))
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
	if len(text) > MaxImportSize {
		return nil, errorText("De antwoorden zijn te groot.")
	}
	if isBlank(text) {
		return Answers{}, nil
	}
	tree, err := ParseJSON(text, MaxJSONDepth)
	if err != nil {
		return nil, errorText("De antwoorden konden niet worden gelezen: " + err.Error())
	}
	if _, ok := tree.(*Object); !ok && tree != nil {
		return nil, errorText("De antwoorden hebben niet de verwachte vorm.")
	}
	answers, _ := DecodeAnswers(def, tree)
	return answers, nil
}

// EvaluateJSON returns the state as
// {"visible","missing","answered","total","sections","findings","warnings"};
// each finding is {"id","severity","text","link","roles"}, roles being the
// role ids (an empty list when the finding names none).
func EvaluateJSON(def *Definition, answersJSON string) string {
	answers, err := ParseAnswersJSON(def, answersJSON)
	if err != nil {
		return ErrorJSON(err.Error())
	}
	return string(appendState(nil, Evaluate(def, answers)))
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
	b = endList(b, `],"findings":[`)
	for _, f := range st.Findings {
		b = appendFields(b, `{"id":%,"severity":%,"text":%,"link":%,"roles":%},`, f.ID, f.Severity, f.Text, f.Link, f.Roles)
	}
	b = endList(b, `],"warnings":[`)
	for _, w := range st.Warnings {
		b = appendFields(b, `{"field":%,"kinds":%},`, w.Field, w.Kinds)
	}
	return endList(b, "]}")
}

// appendFields writes format with each % replaced by the JSON of the next
// value. One call per object keeps the WebAssembly binary smaller than an
// append per key.
func appendFields(b []byte, format string, values ...any) []byte {
	for i := 0; i < len(format); i++ {
		if format[i] == '%' {
			b = AppendJSON(b, values[0])
			values = values[1:]
		} else {
			b = append(b, format[i])
		}
	}
	return b
}

// endList drops the comma after a list's last element and writes next.
func endList(b []byte, next string) []byte {
	if b[len(b)-1] == ',' {
		b = b[:len(b)-1]
	}
	return append(b, next...)
}

// nonNil makes empty lists come out as [] rather than null, so the page
// never has to check for null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// ValidateJSON returns {"errors":[{"field","item","message"}]}.
func ValidateJSON(def *Definition, answersJSON string) string {
	answers, err := ParseAnswersJSON(def, answersJSON)
	if err != nil {
		return ErrorJSON(err.Error())
	}
	list := []any{}
	for _, e := range Validate(def, answers) {
		list = append(list, NewObject().Set("field", e.Field).Set("item", e.Item).Set("message", e.Message))
	}
	return JSONText(NewObject().Set("errors", list))
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
// "fromVersion":"..","notes":[..]} or {"error":".."}.
func ImportJSON(def *Definition, text string) string {
	res, err := Import(def, text)
	if err != nil {
		return ErrorJSON(err.Error())
	}
	dropped := []any{}
	for _, d := range res.Dropped {
		dropped = append(dropped, NewObject().Set("item", d.Item).Set("reason", d.Reason))
	}
	return JSONText(NewObject().
		Set("answers", encodeAnswers(def, res.Answers, true)).
		Set("dropped", dropped).
		Set("fromVersion", res.FromVersion).
		Set("notes", nonNil(res.Notes)))
}

// ReportJSON returns {"markdown":"..."}.
func ReportJSON(def *Definition, answersJSON string) string {
	answers, err := ParseAnswersJSON(def, answersJSON)
	if err != nil {
		return ErrorJSON(err.Error())
	}
	return JSONText(NewObject().Set("markdown", Report(def, answers, nil)))
}
