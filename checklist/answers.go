package checklist

import ()

// Answers maps item ids to values:
//
//	yesno, choice, text, longtext, date: string ("" = not answered)
//	multi: []string
//	group: []Row
type Answers map[string]any

// Row is one row of a group: field id -> string or []string.
type Row map[string]any

// Dropped is an answer that could not be kept, with the reason in Dutch.
// Item is the item id, or "group.row.field" for a cell.
type Dropped struct {
	Item   string
	Reason string

	_ noCompare
}

func isAnswered(v any) bool {
	switch x := v.(type) {
	case string:
		return trimSpace(x) != ""
	case []string:
		return len(x) > 0
	case []Row:
		for _, r := range x {
			if !r.isEmpty() {
				return true
			}
		}
	}
	return false
}

// isEmpty: blank rows are what a form shows before the visitor types; they
// are not answers and are not counted.
func (r Row) isEmpty() bool {
	for _, v := range r {
		if isAnswered(v) {
			return false
		}
	}
	return true
}

// Clone returns a deep copy, so callers can hand answers around without
// sharing mutable slices.
func (a Answers) Clone() Answers {
	out := make(Answers, len(a))
	for k, v := range a {
		out[k] = cloneValue(v)
	}
	return out
}

func cloneValue(v any) any {
	switch x := v.(type) {
	case []string:
		return append([]string(nil), x...)
	case []Row:
		rows := make([]Row, len(x))
		for i, r := range x {
			nr := make(Row, len(r))
			for k, cell := range r {
				nr[k] = cloneValue(cell)
			}
			rows[i] = nr
		}
		return rows
	}
	return v
}

// DecodeAnswers turns a generic tree (parsed JSON) into Answers for def.
// Everything that does not fit is listed in the second result; nothing is
// dropped silently. Empty rows of groups are kept so that row numbers stay
// the same as in the form.
func DecodeAnswers(def *Definition, tree any) (Answers, []Dropped) {
	answers := Answers{}
	var dropped []Dropped
	obj, ok := tree.(*Object)
	if !ok {
		if tree != nil {
			dropped = append(dropped, Dropped{Item: "", Reason: "De antwoorden staan niet in de verwachte vorm (een lijst van vraag: antwoord)."})
		}
		return answers, dropped
	}
	for _, id := range obj.Keys {
		raw := obj.Values[id]
		it := def.Item(id)
		if it == nil {
			dropped = append(dropped, Dropped{Item: id, Reason: "Deze vraag bestaat niet in deze versie van de checklist."})
			continue
		}
		if raw == nil {
			continue
		}
		if it.Kind == KindGroup {
			rows, d := decodeRows(it, raw)
			dropped = append(dropped, d...)
			if rows != nil {
				answers[id] = rows
			}
			continue
		}
		v, reason := decodeValue(it, raw)
		if reason != "" {
			dropped = append(dropped, Dropped{Item: id, Reason: reason})
		}
		if v != nil {
			answers[id] = v
		}
	}
	return answers, dropped
}

// decodeValue returns the usable value and, if something did not fit, why.
// A multi answer keeps the options that still exist.
func decodeValue(it *Item, raw any) (any, string) {
	switch it.Kind {
	case KindMulti:
		list, ok := raw.([]any)
		if !ok {
			return nil, "Hier hoort een lijst met keuzes, maar het bestand bevat " + describeValue(raw) + "."
		}
		var values, unknown []string
		for _, e := range list {
			s, isStr := e.(string)
			switch {
			case !isStr:
				unknown = append(unknown, describeValue(e))
			case !it.hasValue(s):
				unknown = append(unknown, "'"+s+"'")
			case !containsString(values, s):
				values = append(values, s)
			}
		}
		var reason string
		if len(unknown) > 0 {
			reason = "Deze keuze(s) bestaan niet (meer) en zijn weggelaten: " + joinStrings(unknown, ", ") + "."
		}
		if len(values) == 0 {
			return nil, reason
		}
		return values, reason
	case KindGroup:
		return nil, "Een groep hoort hier niet."
	}
	s, ok := raw.(string)
	if !ok {
		return nil, "Hier hoort tekst, maar het bestand bevat " + describeValue(raw) + "."
	}
	if s == "" {
		return nil, ""
	}
	switch it.Kind {
	case KindYesNo:
		if !it.hasValue(s) {
			return nil, "'" + s + "' is geen geldig antwoord; mogelijk zijn ja, nee of weet ik niet."
		}
	case KindChoice:
		if !it.hasValue(s) {
			return nil, "De keuze '" + s + "' bestaat niet (meer) bij deze vraag."
		}
	case KindDate:
		if !isValidDate(s) {
			return nil, "'" + s + "' is geen geldige datum (jjjj-mm-dd)."
		}
	}
	return s, ""
}

func decodeRows(it *Item, raw any) ([]Row, []Dropped) {
	list, ok := raw.([]any)
	if !ok {
		return nil, []Dropped{{Item: it.ID, Reason: "Hier horen rijen, maar het bestand bevat " + describeValue(raw) + "."}}
	}
	var dropped []Dropped
	rows := []Row{}
	for i, rv := range list {
		cell := it.ID + "." + itoa(i)
		if i >= it.MaxRows {
			dropped = append(dropped, Dropped{Item: cell, Reason: "Er zijn meer dan " + itoa(it.MaxRows) + " rijen; de rijen vanaf hier zijn weggelaten."})
			break
		}
		obj, isObj := rv.(*Object)
		if !isObj {
			dropped = append(dropped, Dropped{Item: cell, Reason: "Deze rij heeft niet de verwachte vorm en is weggelaten."})
			rows = append(rows, Row{})
			continue
		}
		row := Row{}
		for _, fid := range obj.Keys {
			f := it.Field(fid)
			if f == nil {
				dropped = append(dropped, Dropped{Item: cell + "." + fid, Reason: "Dit veld bestaat niet in deze versie van de checklist."})
				continue
			}
			if obj.Values[fid] == nil {
				continue
			}
			v, reason := decodeValue(f, obj.Values[fid])
			if reason != "" {
				dropped = append(dropped, Dropped{Item: cell + "." + fid, Reason: reason})
			}
			if v != nil {
				row[fid] = v
			}
		}
		rows = append(rows, row)
	}
	return rows, dropped
}

func describeValue(v any) string {
	switch v.(type) {
	case nil:
		return "niets"
	case bool:
		return "waar/niet waar"
	case float64:
		return "een getal"
	case string:
		return "tekst"
	case []any:
		return "een lijst"
	case *Object:
		return "een samengesteld gegeven"
	}
	return "iets anders"
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// EncodeAnswers turns answers into a tree in checklist order, leaving out
// unanswered items and blank rows, so exported files are stable and small.
func EncodeAnswers(def *Definition, answers Answers) *Object {
	return encodeAnswers(def, answers, false)
}

// encodeAnswers with keepBlankRows keeps blank rows, so that row numbers in
// the import's "dropped" list (e.g. partners.2.naam) match the rows the page
// will show.
func encodeAnswers(def *Definition, answers Answers, keepBlankRows bool) *Object {
	out := NewObject()
	for _, it := range def.items {
		v, ok := answers[it.ID]
		if !ok || !isAnswered(v) && !keepBlankRows {
			continue
		}
		if it.Kind == KindGroup {
			rows, _ := v.([]Row)
			if !keepBlankRows {
				// Blank rows are left out, and a follower keeps exactly the
				// rows of the source rows that are kept, so both stay aligned.
				rows = groupRows(it, answers)
			}
			list := []any{}
			for _, r := range rows {
				if r == nil {
					continue
				}
				ro := NewObject()
				for _, f := range it.Fields {
					if cell, ok := r[f.ID]; ok && isAnswered(cell) {
						ro.Set(f.ID, encodeValue(cell))
					}
				}
				list = append(list, ro)
			}
			out.Set(it.ID, list)
			continue
		}
		out.Set(it.ID, encodeValue(v))
	}
	return out
}

func encodeValue(v any) any {
	switch x := v.(type) {
	case string:
		return x
	case []string:
		list := make([]any, len(x))
		for i, s := range x {
			list[i] = s
		}
		return list
	}
	return nil
}
