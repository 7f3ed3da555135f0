package checklist_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"deelwijzer/checklist"
)

// FuzzJSON holds the engine's own JSON reader and writer to encoding/json:
//   - the parser never panics and explains every refusal;
//   - it accepts exactly what encoding/json accepts, with two deliberate
//     differences: a leading byte order mark is skipped (editors write one),
//     and nesting deeper than MaxJSONDepth is refused (a stack guard);
//   - what it writes is valid JSON (and valid UTF-8) that encoding/json reads
//     as the same value as the input: the same numbers, strings and keys;
//   - writing is stable: reading its own output and writing again gives the
//     same text.
func FuzzJSON(f *testing.F) {
	for _, s := range []string{`{}`, `[1,"a",true,null]`, `{"a":{"b":[-1.5e3]}}`, `"\ud83d\ude00"`, `{"a":`, "\xff",
		`10000000000000.1`, `1e-7`, `0.1234567890123`, `1e400`, `-1e-400`, `123456789012345678901234567890`, `5e-324`, `1.7976931348623157e308`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		tree, err := checklist.ParseJSON(text, 0)
		var want any
		stdErr := json.Unmarshal([]byte(strings.TrimPrefix(text, "\uFEFF")), &want)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			var je *checklist.JSONError
			if stdErr == nil && !(errors.As(err, &je) && je.TooDeep) {
				t.Fatalf("refused %q (%v), encoding/json accepts it", text, err)
			}
			return
		}
		if stdErr != nil {
			t.Fatalf("accepted %q, encoding/json refuses it: %v", text, stdErr)
		}
		out := checklist.JSONText(tree)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 written: %q", out)
		}
		var got any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("written text is not JSON for encoding/json: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("value changed:\nin  %q\nout %s\nencoding/json reads %#v, want %#v", text, out, got, want)
		}
		again, err := checklist.ParseJSON(out, 0)
		if err != nil {
			t.Fatalf("written JSON does not parse: %v\n%s", err, out)
		}
		if checklist.JSONText(again) != out {
			t.Fatalf("not stable:\n%s\n%s", out, checklist.JSONText(again))
		}
	})
}

// FuzzCondition: any showIf/when text either loads or gives problems; it
// never panics, and a loaded condition evaluates without panicking.
func FuzzCondition(f *testing.F) {
	for _, s := range []string{`a == "ja"`, `not (count(g) > 2 or includes(m, "p"))`, `answered(naam) and b != "x"`, `d <= "2026-01-01"`, `((((a`, `count(`, `"\"`, `-5 < 3`, `true == false`} {
		f.Add(s)
	}
	base, _, err := loadQuiet(smallWith("true", "true", "x"))
	if err != nil || base == nil {
		f.Fatal(err)
	}
	// The definition goes in as JSON so every condition text, including
	// quotes and newlines, can be embedded exactly.
	template := smallDefinitionJSON(f)
	f.Fuzz(func(t *testing.T, cond string) {
		// A hang would otherwise look like a slow fuzzer; the panic makes
		// the fuzzer record the input.
		watchdog := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("hang on %q", cond)) })
		defer watchdog.Stop()
		text := strings.ReplaceAll(template, `"CONDITION"`, checklist.JSONText(cond))
		tree, err := checklist.ParseJSON(text, 0)
		if err != nil {
			t.Fatalf("template broken: %v", err)
		}
		def, err := checklist.Load(tree, testLists())
		if err != nil {
			if def != nil {
				t.Fatal("definition and error both returned")
			}
			return
		}
		answers := answersFromJSON(t, def, `{"a":"ja","b":"x","m":["p"],"t":"iets","d":"2026-01-01","g":[{"naam":"n","keuze":"k1"},{}]}`)
		checklist.Evaluate(def, answers)
		checklist.Evaluate(def, checklist.Answers{})
	})
}

// FuzzImport: Import never panics, returns either an error or answers, and
// never both; re-importing the export of those answers gives equal answers
// and the same file again.
func FuzzImport(f *testing.F) {
	def := loadBasis(f)
	f.Add(checklist.Export(def, checklist.Answers{"bestaat": "ja", "rollen": []string{"fg"}}, "2026-11-23T10:00:00Z"))
	f.Add(`{"schema":"deelwijzer-antwoorden","schemaVersion":1,"checklist":"basis","definitionVersion":"0.1.0","answers":{"partners":[{"naam":"x","kleur":1},7],"x":null}}`)
	// Every kind of answer, with a blank row between two filled ones.
	f.Add(`{"schema":"deelwijzer-antwoorden","schemaVersion":1,"checklist":"basis","definitionVersion":"1.2.0","answers":{"bestaat":"ja","welke":"Wijkteam\nen GGD","nog-iets":"x","soort":"thema","rollen":["fg","projectleider"],"start-datum":"2026-02-28","partners":[{"naam":"A","grondslag":"taak","overheid":"ja"},{},{"naam":"B","grondslag":"onbekend","overheid":"nee"}]}}`)
	f.Add(`{"schema":"deelwijzer-antwoorden","schemaVersion":2}`)
	f.Add(`[[[[[[[[`)
	f.Fuzz(func(t *testing.T, text string) {
		res, err := checklist.Import(def, text)
		if (res == nil) == (err == nil) {
			t.Fatalf("want exactly one of result and error: %v %v", res, err)
		}
		if err != nil {
			return
		}
		file := checklist.Export(def, res.Answers, "t")
		res2, err := checklist.Import(def, file)
		if err != nil || len(res2.Dropped) != 0 {
			t.Fatalf("re-import of own export failed: %v %+v\n%s", err, res2, file)
		}
		// Nothing is lost or changed on a round trip; only blank rows,
		// which are no answers, are left out of the file.
		if msg := sameAnswers(def, res.Answers, res2.Answers); msg != "" {
			t.Fatalf("re-import changed the answers: %s\nfirst  %#v\nsecond %#v\n%s", msg, res.Answers, res2.Answers, file)
		}
		// After one round trip the answers are a fixed point.
		again := checklist.Export(def, res2.Answers, "t")
		if again != file {
			t.Fatalf("export not stable:\n%s\n%s", file, again)
		}
		res3, err := checklist.Import(def, again)
		if err != nil || !reflect.DeepEqual(res2.Answers, res3.Answers) {
			t.Fatalf("second round trip changed the answers: %v\n%#v\n%#v", err, res2.Answers, res3.Answers)
		}
		st := checklist.Evaluate(def, res.Answers)
		checklist.Report(def, res.Answers, st)
		checklist.Validate(def, res.Answers)
	})
}

// sameAnswers compares imported answers with their re-import: every answer
// equal, except that the re-import has no blank rows. "" when they agree.
func sameAnswers(def *checklist.Definition, first, second checklist.Answers) string {
	for id, v := range first {
		it := def.Item(id)
		rows, isGroup := v.([]checklist.Row)
		if it == nil || !isGroup {
			if !reflect.DeepEqual(v, second[id]) {
				return id + " differs"
			}
			continue
		}
		again, _ := second[id].([]checklist.Row)
		var kept []checklist.Row
		for _, r := range rows {
			if !blankRow(r) {
				kept = append(kept, r)
			}
		}
		if it.Source != nil {
			// A follower keeps the rows of the source rows that are kept;
			// checked by the fixed point below, not row by row here.
			continue
		}
		if len(kept) == 0 && len(again) == 0 {
			continue
		}
		if !reflect.DeepEqual(kept, again) {
			return id + ": rows differ"
		}
	}
	for id := range second {
		if _, ok := first[id]; !ok {
			return id + " appeared"
		}
	}
	return ""
}

func blankRow(r checklist.Row) bool {
	for k, v := range r {
		if k == checklist.RowIDKey {
			continue // a row's id is no answer
		}
		switch x := v.(type) {
		case string:
			if strings.TrimSpace(x) != "" {
				return false
			}
		case []string:
			if len(x) > 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}
