package checklist_test

import (
	"reflect"
	"testing"

	"deelwijzer/checklist"
)

// decoderCases are answer texts as the page sends them, with the odd cases
// the answers decoder must treat exactly as a parsed tree would: keys twice
// (the last value counts), null, numbers and words where text belongs,
// unknown questions and fields, escapes, white space and a byte order mark.
var decoderCases = []string{
	`{}`,
	`null`,
	`  `,
	`{"bestaat":"ja"}`,
	`{"bestaat":"ja","bestaat":"nee"}`,
	`{"bestaat":"ja","bestaat":null}`,
	`{"bestaat":null,"bestaat":"ja"}`,
	`{"bestaat":"ja" , "bestaat" : "ja"}`,
	`{"bestaat":1}`,
	`{"bestaat":true,"soort":"x"}`,
	`{"onbekend":{"a":[1,2,{"b":null}]},"bestaat":"nee"}`,
	`{"rollen":["projectleider","projectleider","zzz",3]}`,
	`{"rollen":"projectleider"}`,
	`{"start-datum":"2026-02-30","bestaat":"we\u0065tniet"}`,
	`{"partners":[{"naam":"A","grondslag":"taak"},{},7,{"naam":null,"x":1}]}`,
	`{"partners":[{"naam":"A"}],"partners":{"naam":"B"}}`,
	`{"partners":[{"naam":"A"},{"naam":"B"}],"rollen":["projectleider","fg"]}`,
	`{"partners":[{"naam":"A"},{"naam":"C"}],"rollen":["projectleider"]}`,
	`{"partners":[{"naam":"Wijkteam, 123.456.782, info@wijkteam.nl","grondslag":"taak"}]}`,
	"\uFEFF{\"bestaat\":\"ja\"}",
	`[{"bestaat":"ja"}]`,
	`"ja"`,
	`{"bestaat":"ja"`,
	`{"bestaat":"ja"} x`,
	`{"bestaat":"ja",}`,
	`{"bestaat":nul}`,
}

// TestParseAnswersLikeTree: reading the answers straight from the text gives
// what parsing a tree and decoding it gave.
func TestParseAnswersLikeTree(t *testing.T) {
	def := loadBasis(t)
	for _, text := range decoderCases {
		got, err := checklist.ParseAnswersJSON(def, text)
		if text == "  " {
			if err != nil || len(got) != 0 {
				t.Errorf("blank text: %v %v", got, err)
			}
			continue
		}
		tree, treeErr := checklist.ParseJSON(text, 0)
		if treeErr != nil {
			if (err == nil) != (treeErr == nil) {
				t.Errorf("%s: error %v, tree error %v", text, err, treeErr)
			}
			continue
		}
		if _, isObj := tree.(*checklist.Object); !isObj && tree != nil {
			if err == nil {
				t.Errorf("%s: no error for a value that is not an object", text)
			}
			continue
		}
		want, _ := checklist.DecodeAnswers(def, tree)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %#v (%v)\nwant %#v", text, got, err, want)
		}
	}
}

// TestEvaluateJSONCache: an Evaluator that has seen other answers before
// (and so reuses decoded answers) gives the same state as a fresh one.
func TestEvaluateJSONCache(t *testing.T) {
	warm := checklist.NewEvaluator(loadBasis(t))
	for round := 0; round < 2; round++ {
		for _, text := range decoderCases {
			want := checklist.EvaluateJSON(loadBasis(t), text)
			if got := warm.EvaluateJSON(text); got != want {
				t.Errorf("%s:\n got %s\nwant %s", text, got, want)
			}
		}
	}
}

// FuzzAnswers: for any text, reading answers directly agrees with parsing a
// tree and decoding it, and a definition that has seen all earlier inputs
// (a warm cache) agrees with a fresh one.
func FuzzAnswers(f *testing.F) {
	for _, text := range decoderCases {
		f.Add(text)
	}
	def := loadBasis(f)
	warm := checklist.NewEvaluator(loadBasis(f))
	f.Fuzz(func(t *testing.T, text string) {
		got, err := checklist.ParseAnswersJSON(def, text)
		tree, treeErr := checklist.ParseJSON(text, 0)
		_, isObj := tree.(*checklist.Object)
		if err == nil && treeErr == nil && isObj {
			want, _ := checklist.DecodeAnswers(def, tree)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("got %#v\nwant %#v", got, want)
			}
		}
		if treeErr != nil && err == nil && len(got) != 0 {
			t.Fatalf("answers from text that does not parse: %#v", got)
		}
		if a, b := warm.EvaluateJSON(text), checklist.EvaluateJSON(loadBasis(t), text); a != b {
			t.Fatalf("warm %s\nfresh %s", a, b)
		}
	})
}
