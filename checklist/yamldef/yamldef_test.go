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
	// A leading ---, an explicit !!str and an unquoted date (tagged
	// !!timestamp by YAML) are plain and stay accepted.
	doc, err = Parse([]byte("---\na: !!str 1\nb: 2026-11-23\n...\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := checklist.JSONText(doc.Tree); got != `{"a":"1","b":"2026-11-23"}` {
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
		"a: [\n":                 "line 1",
		"? [a, b]\n: c\n":        "gewone tekst",
		bomb:                     "te groot",
		"a: !!binary aGVsbG8=\n": "regel 1: de markering !!binary kan hier niet",
		"a: !eigen x\n":          "regel 1: de markering !eigen kan hier niet",
		"a: 1\n---\nb: 2\n":      "regel 2: het bestand bevat meer dan één document",
		"- &x [*x]\n":            "te veel verwijzingen",
	}
	for src, want := range cases {
		_, err := Parse([]byte(src))
		if err == nil {
			t.Errorf("%q: accepted", src)
			continue
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v (want …%s…)", src, err, want)
		}
	}
}

func TestLoadLists(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("rollen.yaml", "- {id: fg, name: FG}\n- {id: zonder-naam}\n- {name: zonder-id}\n")
	write("begrippen.yaml", "- {id: dpia, term: DPIA}\n- {id: avg, title: AVG-titel, term: AVG}\n")
	write("risicos.yaml", "- {id: r2, title: Tweede}\n- {id: r1, title: Eerste}\n")
	write("instellingen.yaml", "taal: nl\n")
	write("woorden.yaml", "- een\n- twee\n")
	lists, err := LoadLists(dir)
	if err != nil {
		t.Fatal(err)
	}
	if r := lists["rollen"]; len(r) != 2 || r[0].Value != "fg" || r[0].Label != "FG" || r[1].Label != "zonder-naam" {
		t.Errorf("rollen %v", r)
	}
	if b := lists["begrippen"]; len(b) != 2 || b[0].Label != "DPIA" || b[1].Label != "AVG-titel" {
		t.Errorf("label must be name, else title, else term: %v", b)
	}
	if r := lists["risicos"]; len(r) != 2 || r[0].Value != "r2" {
		t.Errorf("lists keep the order of the file: %v", r)
	}
	for _, name := range []string{"instellingen", "woorden", "partners"} {
		if _, ok := lists[name]; ok {
			t.Errorf("%s is not a list of entries with id", name)
		}
	}
	write("partners.yaml", "a: [")
	if _, err := LoadLists(dir); err == nil || !strings.Contains(err.Error(), "partners.yaml") {
		t.Errorf("broken partners.yaml: %v", err)
	}
}
