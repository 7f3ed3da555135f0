package checklist_test

// Engine benchmarks for `make bench` (which runs them and prints ns/op beside the
// browser figures) and for `go test -bench . ./checklist/`. Cases: the synthetic
// checklist of cmd/bench (300 items, 100 conditions, 20 group rows) and every
// real definition in data/checklists/, answered in full.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deelwijzer/checklist"
	"deelwijzer/checklist/yamldef"
	"deelwijzer/internal/synthetic"
)

type benchCase struct {
	name    string
	tree    any
	lists   map[string][]checklist.Option
	def     *checklist.Definition
	answers string // JSON, as the page sends it
}

func benchCases(b *testing.B) []benchCase {
	b.Helper()
	doc, err := yamldef.Parse([]byte(synthetic.ChecklistYAML(synthetic.Default)))
	if err != nil {
		b.Fatal(err)
	}
	// The same named lists cmd/defcheck gives the definitions.
	dataDir := filepath.Join("..", "data")
	lists, err := yamldef.LoadLists(dataDir)
	if err != nil {
		b.Fatal(err)
	}
	// The shared groups of data/dossier.yaml, put in place as the site build does.
	shared, err := yamldef.LoadShared(dataDir)
	if err != nil {
		b.Fatal(err)
	}
	cases := []benchCase{{name: "synthetisch", tree: doc.Tree, lists: lists, answers: synthetic.Answers(synthetic.Default)}}
	files, _ := filepath.Glob(filepath.Join(dataDir, "checklists", "*.yaml"))
	for _, file := range files {
		text, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		_, doc, err := yamldef.LoadIn(text, lists, shared)
		if err != nil {
			b.Fatalf("%s: %v", file, err)
		}
		cases = append(cases, benchCase{name: strings.TrimSuffix(filepath.Base(file), ".yaml"), tree: doc.Tree, lists: lists})
	}
	for i := range cases {
		c := &cases[i]
		if c.def, err = checklist.Load(c.tree, c.lists); err != nil {
			b.Fatalf("%s: %v", c.name, err)
		}
		if c.answers == "" {
			// Three rows per group: what a real collaboration fills in.
			c.answers = synthetic.AnswerAll(c.def, 3)
		}
	}
	return cases
}

func decode(b *testing.B, c benchCase) checklist.Answers {
	b.Helper()
	answers, err := checklist.ParseAnswersJSON(c.def, c.answers)
	if err != nil {
		b.Fatal(err)
	}
	return answers
}

// BenchmarkLoad is the work of the engine's load() on a checklist page, minus
// parsing the JSON payload.
func BenchmarkLoad(b *testing.B) {
	for _, c := range benchCases(b) {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := checklist.Load(c.tree, c.lists); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEvaluate is the engine's work after one answer changes: visibility,
// progress, findings and personal-data warnings.
func BenchmarkEvaluate(b *testing.B) {
	for _, c := range benchCases(b) {
		answers := decode(b, c)
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				checklist.Evaluate(c.def, answers)
			}
		})
	}
}

// BenchmarkEvaluateJSON is what the page's evaluate() call costs inside the
// module: parse the answers JSON, evaluate, write the state JSON, with the
// Evaluator the page's binding keeps.
func BenchmarkEvaluateJSON(b *testing.B) {
	for _, c := range benchCases(b) {
		b.Run(c.name, func(b *testing.B) {
			e := checklist.NewEvaluator(c.def)
			for b.Loop() {
				if out := e.EvaluateJSON(c.answers); strings.HasPrefix(out, `{"error"`) {
					b.Fatal(out)
				}
			}
		})
	}
}

// BenchmarkReport is the Markdown report of a filled checklist.
func BenchmarkReport(b *testing.B) {
	for _, c := range benchCases(b) {
		answers := decode(b, c)
		st := checklist.Evaluate(c.def, answers)
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				checklist.Report(c.def, answers, st)
			}
		})
	}
}
