package checklist_test

import (
	"os"
	"path/filepath"
	"testing"

	"deelwijzer/checklist"
)

// TestGolden runs every testdata/cases/*.txtar: a definition (basis.yaml
// unless the archive has its own definition.yaml) plus answers.json, and
// compares the state, validation and Markdown report with the files in the
// archive. Run with -update to rewrite the expected files after review.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "cases", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a := parseArchive(string(src))
			var def *checklist.Definition
			if own, ok := a.files["definition.yaml"]; ok {
				def = loadYAML(t, own)
			} else {
				def = loadBasis(t)
			}
			answersJSON := a.files["answers.json"]
			got := map[string]string{
				"state.json":    prettyJSON(t, checklist.EvaluateJSON(def, answersJSON)),
				"validate.json": prettyJSON(t, checklist.ValidateJSON(def, answersJSON)),
				"report.md":     checklist.Report(def, answersFromJSON(t, def, answersJSON), nil),
			}
			if *update {
				for _, name := range []string{"state.json", "validate.json", "report.md"} {
					a.set(name, got[name])
				}
				if err := os.WriteFile(file, []byte(a.format()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for name, want := range a.files {
				if g, ok := got[name]; ok && g != want {
					t.Errorf("%s differs.\n--- got ---\n%s\n--- want ---\n%s", name, g, want)
				}
			}
		})
	}
}

// prettyJSON puts one top-level key per line, so golden files are readable
// and diffs small.
func prettyJSON(t *testing.T, text string) string {
	t.Helper()
	tree, err := checklist.ParseJSON(text, 0)
	if err != nil {
		t.Fatalf("engine wrote invalid JSON: %v\n%s", err, text)
	}
	obj, ok := tree.(*checklist.Object)
	if !ok {
		return text + "\n"
	}
	out := "{\n"
	for i, k := range obj.Keys {
		out += "  " + checklist.JSONText(k) + ": " + checklist.JSONText(obj.Values[k])
		if i < len(obj.Keys)-1 {
			out += ","
		}
		out += "\n"
	}
	return out + "}\n"
}
