package checklist_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"deelwijzer/checklist"
)

// goldenOutputs are the sections -update writes: the output of the code
// under test, reviewed once.
var goldenOutputs = []string{"state.json", "validate.json", "report.md"}

// TestGolden runs every testdata/cases/*.txtar: a definition (basis.yaml
// unless the archive has its own definition.yaml) plus answers.json, and
// compares the state, validation and Markdown report with the files in the
// archive. Every section must be there: a case that lost one would
// otherwise pass by comparing nothing. Because -update writes what the code
// produces, each case also has want.txt, written by hand and never by
// -update, with the key values (see checkWant). Run with -update to rewrite
// the output sections after review.
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
			answersJSON, ok := a.files["answers.json"]
			if !ok {
				t.Fatal("answers.json is missing")
			}
			want, ok := a.files["want.txt"]
			if !ok {
				t.Fatal("want.txt is missing: write the key values by hand (see checkWant)")
			}
			got := map[string]string{
				"state.json":    prettyJSON(t, checklist.EvaluateJSON(def, answersJSON)),
				"validate.json": prettyJSON(t, checklist.ValidateJSON(def, answersJSON)),
				"report.md":     checklist.Report(def, answersFromJSON(t, def, answersJSON), nil),
			}
			answers := answersFromJSON(t, def, answersJSON)
			st := checklist.Evaluate(def, answers)
			checkWant(t, want, st, checklist.Validate(def, answers), got["report.md"])
			if *update {
				for _, name := range goldenOutputs {
					a.set(name, got[name])
				}
				if err := os.WriteFile(file, []byte(a.format()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range goldenOutputs {
				w, ok := a.files[name]
				if !ok {
					t.Errorf("%s is missing (run with -update, then review it)", name)
				} else if got[name] != w {
					t.Errorf("%s differs.\n--- got ---\n%s\n--- want ---\n%s", name, got[name], w)
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

// checkWant compares the hand-written key values of a golden case with the
// engine's State, validation and report. One line per value:
//
//	findings: <id>[#<row>] ...   every finding in order (row counts from 1), or -
//	visible: <id> ...            every visible question in order
//	progress: <answered>/<total>
//	missing: <id> ...            required questions not answered, or -
//	errors: <n>                  number of validation errors
//	text <id>[#<row>]: <text>    that finding's text contains <text>
//	report: <text>               the report contains <text>
//	not in report: <text>        the report does not contain <text>
//
// Lines starting with # are comments.
func checkWant(t *testing.T, want string, st *checklist.State, errs []checklist.ValidationError, report string) {
	t.Helper()
	findingKey := func(f checklist.FindingResult) string {
		if f.Row < 0 {
			return f.ID
		}
		return f.ID + "#" + strconv.Itoa(f.Row+1)
	}
	list := func(ids []string) string {
		if len(ids) == 0 {
			return "-"
		}
		return strings.Join(ids, " ")
	}
	var findings []string
	for _, f := range st.Findings {
		findings = append(findings, findingKey(f))
	}
	checked := 0
	for _, line := range strings.Split(want, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, ok := strings.Cut(line, ": ")
		if !ok {
			t.Errorf("want.txt: line %q has no ': '", line)
			continue
		}
		value = strings.TrimSpace(value)
		checked++
		var got string
		switch {
		case key == "findings":
			got = list(findings)
		case key == "visible":
			got = list(st.Visible)
		case key == "missing":
			got = list(st.Missing)
		case key == "progress":
			got = strconv.Itoa(st.Answered) + "/" + strconv.Itoa(st.Total)
		case key == "errors":
			got = strconv.Itoa(len(errs))
		case strings.HasPrefix(key, "text "):
			id := strings.TrimPrefix(key, "text ")
			got = "(no finding " + id + ")"
			for _, f := range st.Findings {
				if findingKey(f) == id {
					got = f.Text
				}
			}
			if !strings.Contains(got, value) {
				t.Errorf("want.txt: text of %s is %q, want it to contain %q", id, got, value)
			}
			continue
		case key == "report":
			if !strings.Contains(report, value) {
				t.Errorf("want.txt: report does not contain %q", value)
			}
			continue
		case key == "not in report":
			if strings.Contains(report, value) {
				t.Errorf("want.txt: report contains %q", value)
			}
			continue
		default:
			t.Errorf("want.txt: unknown key %q", key)
			continue
		}
		if got != value {
			t.Errorf("want.txt: %s is %q, want %q", key, got, value)
		}
	}
	if checked == 0 {
		t.Error("want.txt has no key values")
	}
}
