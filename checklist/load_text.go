package checklist

// The loader's third part: text templates. A finding's text may name
// answers ({naam}, or {#} for the row number inside forEach); it is split
// into parts once, when the definition is loaded, so writing a finding is
// only joining them.

// findingText parses the text of a finding into its parts, with the names
// of its placeholders resolved in scope.
func (l *loader) findingText(f *Finding, scope scopeFunc) {
	parts, err := parseTemplate(f.Text, scope)
	if err != nil {
		l.problem(f.Path+".text", err.Error())
	}
	f.text = parts
}

// textPart is a literal piece of a finding text, or a placeholder.
type textPart struct {
	literal  string
	ref      *Item
	rowField bool
	rowIndex bool // {#}: the 1-based row number inside forEach
}

// parseTemplate splits "partner {naam} ..." into parts. A '{' that does not
// start a valid placeholder is kept as text.
func parseTemplate(text string, scope scopeFunc) ([]textPart, error) {
	var parts []textPart
	for {
		open := indexByte(text, '{')
		if open < 0 {
			break
		}
		end := indexByte(text[open:], '}')
		if end < 0 {
			break
		}
		name := text[open+1 : open+end]
		if name != "#" && !isValidID(name) {
			parts = append(parts, textPart{literal: text[:open+1]})
			text = text[open+1:]
			continue
		}
		parts = append(parts, textPart{literal: text[:open]})
		if name == "#" {
			parts = append(parts, textPart{rowIndex: true})
		} else {
			it, isField, msg := scope(name)
			if it == nil {
				return nil, errorText("in de tekst staat {" + name + "}: " + msg)
			}
			if it.Kind == KindGroup {
				return nil, errorText("{" + name + "} is een groep; een groep kan niet als tekst in een bevinding staan")
			}
			parts = append(parts, textPart{ref: it, rowField: isField})
		}
		text = text[open+end+1:]
	}
	return append(parts, textPart{literal: text}), nil
}

type errorText string

func (e errorText) Error() string { return string(e) }
