package yamldef

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deelwijzer/checklist"
)

func TestParseShapes(t *testing.T) {
	doc, err := Parse([]byte("a: 1\nb: [x, true, null, 2.5]\nc: {d: \"1.0\"}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := checklist.JSONText(doc.Tree); got != `{"a":1,"b":["x",true,null,2.5],"c":{"d":"1.0"}}` {
		t.Errorf("tree %s", got)
	}
}

func TestParseRejects(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x]\n"
	for i := 'b'; i <= 'z'; i++ {
		bomb += string(i) + ": &" + string(i) + " [*" + string(i-1) + ", *" + string(i-1) + ", *" + string(i-1) + ", *" + string(i-1) + "]\n"
	}
	cases := map[string]string{
		"":                       "leeg",
		"a: 1\na: 2\n":           "twee keer",
		"a: [\n":                 "",
		"? [a, b]\n: c\n":        "gewone tekst",
		bomb:                     "te groot",
		"a: !!binary aGVsbG8=\n": "",
		"a: 1\n---\nb: 2\n":      "",
		"- &x [*x]\n":            "",
	}
	for src, want := range cases {
		_, err := Parse([]byte(src))
		if err == nil {
			if want != "" {
				t.Errorf("%q: accepted", src)
			}
			continue
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v (want …%s…)", src, err, want)
		}
	}
}

func TestLoadLists(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "rollen.yaml"), []byte("- {id: fg, name: FG}\n- {id: zonder-naam}\n- {name: zonder-id}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	lists, err := LoadLists(dir)
	if err != nil {
		t.Fatal(err)
	}
	if r := lists["rollen"]; len(r) != 2 || r[0] != (checklist.Option{Value: "fg", Label: "FG"}) || r[1].Label != "zonder-naam" {
		t.Errorf("rollen %v", r)
	}
	if p, ok := lists["partners"]; !ok || len(p) != 0 {
		t.Errorf("missing partners.yaml must give an empty list, got %v %v", p, ok)
	}
	if err := os.WriteFile(filepath.Join(dir, "partners.yaml"), []byte("a: ["), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadLists(dir); err == nil {
		t.Error("broken partners.yaml accepted")
	}
}
