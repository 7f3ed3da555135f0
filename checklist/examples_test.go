package checklist_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deelwijzer/checklist"
)

// TestExampleFiles checks the answer files the site offers for download
// (static/voorbeelden/<name>-<checklist-id>.json): each opens in the shipped
// checklist without losing an answer, carries the current version, and gives
// the findings of the golden case testdata/real/<checklist-id>--<name>.txtar,
// which holds the same answers. With -update the files are written from the
// golden case, so the download and the reviewed case never drift apart.
func TestExampleFiles(t *testing.T) {
	cases := []struct{ name, checklist string }{
		{"casus-zvh", "werkwijze"},
		{"casus-zvh", "dpia-toets"},
		{"casus-zvh", "upp"},
		{"casus-zvh", "samenwerking"},
		{"casus-zvh", "wegwijzer"},
	}
	for _, c := range cases {
		t.Run(c.name+"-"+c.checklist, func(t *testing.T) {
			def := loadShipped(t, c.checklist)
			golden, err := os.ReadFile(filepath.Join("testdata", "real", c.checklist+"--"+c.name+".txtar"))
			if err != nil {
				t.Fatal(err)
			}
			a := parseArchive(string(golden))
			file := filepath.Join("..", "static", "voorbeelden", c.name+"-"+c.checklist+".json")
			if *update {
				tree, err := checklist.ParseJSON(a.files["answers.json"], checklist.MaxJSONDepth)
				if err != nil {
					t.Fatal(err)
				}
				answers, _ := checklist.DecodeAnswers(def, tree)
				if err := os.WriteFile(file, []byte(checklist.Export(def, answers, "2026-11-30T00:00:00Z")), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			text, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			imp, err := checklist.Import(def, string(text))
			if err != nil {
				t.Fatalf("%s does not open: %v", file, err)
			}
			for _, d := range imp.Dropped {
				t.Errorf("%s: answer %s no longer fits: %s", file, d.Item, d.Reason)
			}
			if imp.FromVersion != def.Version {
				t.Errorf("%s is for version %s, the checklist is %s: run with -update", file, imp.FromVersion, def.Version)
			}
			var got strings.Builder
			for _, f := range checklist.Evaluate(def, imp.Answers).Findings {
				got.WriteString(f.ID + " " + string(f.Severity) + "\n")
			}
			if got.String() != a.files["findings.txt"] {
				t.Errorf("%s gives other findings than its golden case:\n%s", file, got.String())
			}
		})
	}
}
