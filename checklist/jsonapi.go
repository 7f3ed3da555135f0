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
	return JSONText(StateObject(Evaluate(def, answers)))
}

// StateObject is the JSON form of a State.
func StateObject(st *State) *Object {
	sections := make([]any, len(st.Sections))
	for i, s := range st.Sections {
		sections[i] = NewObject().Set("id", s.ID).Set("answered", s.Answered).Set("total", s.Total).Set("status", s.Status)
	}
	findings := make([]any, len(st.Findings))
	for i, f := range st.Findings {
		findings[i] = NewObject().Set("id", f.ID).Set("severity", f.Severity).Set("text", f.Text).Set("link", f.Link).Set("roles", nonNil(f.Roles))
	}
	warnings := make([]any, len(st.Warnings))
	for i, w := range st.Warnings {
		warnings[i] = NewObject().Set("field", w.Field).Set("kinds", nonNil(w.Kinds))
	}
	return NewObject().
		Set("visible", nonNil(st.Visible)).
		Set("missing", nonNil(st.Missing)).
		Set("answered", st.Answered).
		Set("total", st.Total).
		Set("sections", sections).
		Set("findings", findings).
		Set("warnings", warnings)
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
