package checklist_test

import (
	"path/filepath"
	"testing"

	"deelwijzer/checklist"
	"deelwijzer/checklist/yamldef"
)

// TestMateriewetFromSectorwetten: where a checklist asks for the law of a
// task, the answer picks from data/sectorwetten.yaml (every law, in the
// order of the page /wet/sectorwetten/), and a free-text field next to it
// takes another law or the article.
func TestMateriewetFromSectorwetten(t *testing.T) {
	lists, err := yamldef.LoadLists(filepath.Join("..", "data"))
	if err != nil {
		t.Fatal(err)
	}
	laws := lists["sectorwetten"]
	if len(laws) < 10 {
		t.Fatalf("data/sectorwetten.yaml gives %d options, want every law", len(laws))
	}
	for _, c := range []struct{ checklist, group, pick, free string }{
		{"upp", "", "wetten", "wet"},
		{"upp", "grondslag", "sectorwet", "wettelijke-basis"},
		{"werkwijze", "rechtmatigheid", "sectorwet", "materiewet"},
	} {
		def := loadShipped(t, c.checklist)
		field := func(id string) *checklist.Item {
			if c.group == "" {
				return def.Item(id)
			}
			for _, f := range def.Item(c.group).Fields {
				if f.ID == id {
					return f
				}
			}
			return nil
		}
		pick, free := field(c.pick), field(c.free)
		if pick == nil || free == nil {
			t.Errorf("%s: %s or %s is missing", c.checklist, c.pick, c.free)
			continue
		}
		if pick.OptionsFrom != "sectorwetten" || len(pick.Options) != len(laws) {
			t.Errorf("%s: %s takes its options from %q (%d), want sectorwetten (%d)", c.checklist, c.pick, pick.OptionsFrom, len(pick.Options), len(laws))
		}
		for i := range laws {
			if i < len(pick.Options) && pick.Options[i] != laws[i] {
				t.Errorf("%s: option %d is %v, want %v", c.checklist, i, pick.Options[i], laws[i])
			}
		}
		if free.Kind != checklist.KindText || free.Required {
			t.Errorf("%s: %s should be optional free text, is %s (required %v)", c.checklist, c.free, free.Kind, free.Required)
		}
	}
}
