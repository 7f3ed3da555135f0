package checklist

import "unicode/utf8"

// The export file format. schemaVersion changes only when older engines
// could not read the file any more.
const (
	FileSchema        = "deelwijzer-antwoorden"
	FileSchemaVersion = 1
	// MaxImportSize is far above any real answer file (a full checklist is
	// a few kilobytes) but small enough to parse quickly in a browser.
	MaxImportSize = 2 << 20
)

// Export writes the answers as the text of an answer file. now is the
// moment of export as the caller formats it (ISO 8601); the engine has no
// clock of its own.
func Export(def *Definition, answers Answers, now string) string {
	file := NewObject().
		Set("schema", FileSchema).
		Set("schemaVersion", FileSchemaVersion).
		Set("checklist", def.ID).
		Set("definitionVersion", def.Version).
		Set("exported", now).
		Set("answers", EncodeAnswers(def, answers))
	return string(AppendJSON(nil, file)) + "\n"
}

// Imported is the result of reading an answer file.
type Imported struct {
	Answers     Answers
	Dropped     []Dropped // answers that did not fit this version, each with a reason
	FromVersion string    // definition version the file was made with
	Notes       []string  // general remarks, e.g. the file is from a newer version
}

// ImportError is a file that cannot be read at all; Message is Dutch and
// meant for the visitor. Older is set when the file is of an older version
// of the checklist and this program does not read such files (see
// ReadOlderFiles): another one can.
type ImportError struct {
	Message string
	Older   bool
}

func (e *ImportError) Error() string { return e.Message }

func importFailure(msg string) (*Imported, error) { return nil, &ImportError{Message: msg} }

// Import reads an answer file. It never panics and never touches the
// caller's answers: it returns new ones. Answers that do not fit the current
// definition (removed question, removed option, wrong type) are listed in
// Dropped, so nothing disappears silently. A file of an older version is
// first brought up to this one (see older.go); where that code is left out
// (the page's engine module) such a file is an *ImportError with Older set.
//
// FuzzImport checks that no input makes it panic.
func Import(def *Definition, text string) (*Imported, error) {
	if len(text) > MaxImportSize {
		return importFailure("Het bestand is te groot (meer dan 2 MB). Een antwoordbestand van Deelwijzer is veel kleiner; kies het juiste bestand.")
	}
	text, ok := fileText(text)
	if !ok {
		return importFailure("Het bestand is niet als UTF-8 opgeslagen. Letters als é en ö zouden dan verkeerd worden gelezen. Open het bestand in een teksteditor, sla het op als UTF-8 en kies het opnieuw.")
	}
	if len(text) == 0 || isBlank(text) {
		return importFailure("Het bestand is leeg.")
	}
	tree, perr := ParseJSON(text, MaxJSONDepth)
	if perr != nil {
		return importFailure(perr.Error())
	}
	file, ok := tree.(*Object)
	if !ok {
		return importFailure("Dit is geen antwoordbestand van Deelwijzer.")
	}
	if schema, _ := file.Get("schema"); schema != FileSchema {
		return importFailure("Dit is geen antwoordbestand van Deelwijzer.")
	}
	number, _ := file.Values["schemaVersion"].(Number)
	version, ok := number.Int()
	if !ok || version < 1 {
		return importFailure("Het antwoordbestand heeft geen geldig versienummer.")
	}
	if version > FileSchemaVersion {
		return importFailure("Dit antwoordbestand is gemaakt met een nieuwere versie van Deelwijzer (bestandsversie " + itoa(version) + "). Deze versie kan het niet lezen. Laad de pagina opnieuw om de nieuwste versie te krijgen.")
	}
	checklistID, _ := file.Values["checklist"].(string)
	if checklistID != def.ID {
		name := checklistID
		if name == "" {
			name = "onbekend"
		}
		return importFailure("Dit antwoordbestand hoort bij een andere checklist (" + name + "), niet bij deze (" + def.ID + "). Open de checklist waar het bij hoort.")
	}
	res := &Imported{}
	res.FromVersion, _ = file.Values["definitionVersion"].(string)
	if res.FromVersion != "" && compareSemver(res.FromVersion, def.Version) > 0 {
		res.Notes = append(res.Notes, "Dit bestand is gemaakt met een nieuwere versie van de checklist ("+res.FromVersion+") dan deze ("+def.Version+"). Antwoorden die hier niet passen, staan hieronder.")
	}
	answersTree, present := file.Get("answers")
	if !present {
		return importFailure("In het antwoordbestand staan geen antwoorden.")
	}
	if _, isObj := answersTree.(*Object); !isObj {
		return importFailure("De antwoorden in het bestand hebben niet de verwachte vorm.")
	}
	older := def.fromOlderVersion(res.FromVersion)
	if older && moveAnswers == nil {
		return nil, &ImportError{Message: "Dit bestand is gemaakt met een oudere versie van deze checklist. Het onderdeel dat zulke bestanden leest, kon niet worden geladen. Controleer uw verbinding en probeer het opnieuw.", Older: true}
	}
	if older {
		moveAnswers(def, res.FromVersion, answersTree.(*Object))
	}
	res.Answers, res.Dropped = DecodeAnswers(def, answersTree)
	res.Dropped = dropInvalidDates(def, res.Answers, res.Dropped)
	if older {
		res.Notes = append(res.Notes, mapReferences(def, res.Answers)...)
	}
	// A file that claims this very version cannot honestly hold answers that do
	// not fit it: it was damaged or edited. Refuse it whole rather than take half;
	// only a file from another version is migrated answer by answer.
	if len(res.Dropped) > 0 && (res.FromVersion == "" || res.FromVersion == def.Version) {
		msg := "Het bestand hoort bij deze versie van de checklist, maar bevat antwoorden die er niet in passen. Het is beschadigd of aangepast."
		for i, d := range res.Dropped {
			if i == 3 {
				msg += " (en meer)"
				break
			}
			msg += " " + d.Item + ": " + d.Reason
		}
		return importFailure(msg)
	}
	if n := len(res.Dropped) - MaxDroppedListed; n > 0 {
		// A list of thousands would freeze the page and help nobody: the
		// first ones show what is wrong, the count says how much.
		res.Dropped = addDropped(res.Dropped[:MaxDroppedListed], "", "En nog "+dutchCount(n)+" andere antwoorden die niet passen.")
	}
	return res, nil
}

// MaxDroppedListed is how many answers that did not fit Import names one by
// one; the rest are counted in one last entry (with Item "").
const MaxDroppedListed = 20

// dutchCount writes n with a dot between thousands, as Dutch readers expect
// (59.980).
func dutchCount(n int) string {
	s := itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// fileText turns the bytes of a chosen file (the page passes them as they
// are) into text: UTF-8, with or without a byte order mark, or UTF-16 with a
// byte order mark, as some Windows editors save. Anything else is refused:
// a file in Latin-1 or Windows-1252 read as UTF-8 would turn é and ö into
// U+FFFD without a word.
func fileText(b string) (string, bool) {
	switch {
	case hasPrefix(b, "\xEF\xBB\xBF"):
		b = b[3:]
	case hasPrefix(b, "\xFF\xFE"), hasPrefix(b, "\xFE\xFF"):
		if len(b)%2 != 0 {
			return "", false
		}
		bigEndian := b[0] == 0xFE
		units := make([]uint16, 0, len(b)/2-1)
		for i := 2; i < len(b); i += 2 {
			hi, lo := b[i+1], b[i]
			if bigEndian {
				hi, lo = lo, hi
			}
			units = append(units, uint16(hi)<<8|uint16(lo))
		}
		var out []byte
		for i := 0; i < len(units); i++ {
			r := rune(units[i])
			if r >= 0xD800 && r < 0xDC00 && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] < 0xE000 {
				r = 0x10000 + (r-0xD800)<<10 + rune(units[i+1]-0xDC00)
				i++
			} else if r >= 0xD800 && r < 0xE000 {
				return "", false
			}
			out = utf8.AppendRune(out, r)
		}
		return string(out), true
	}
	return b, utf8.ValidString(b)
}

// FileText is fileText for the dossier store: the same encodings are read,
// with the same refusal of anything else.
func FileText(b string) (string, bool) { return fileText(b) }

// IsBlank says whether s is empty or only white space.
func IsBlank(s string) bool { return isBlank(s) }

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
		default:
			return false
		}
	}
	return true
}
