package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestGoodDefinitionPasses(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"-data", "testdata/good"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out.String(), errOut.String())
	}
}

func TestBrokenDefinitions(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"-data", "testdata/broken"}, &out, &errOut); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	got := out.String()
	want := []string{
		"testdata/broken/checklists/onbekend.yaml:14: item b (sections[0].items[1]).showIf: fout in voorwaarde bij teken 1: 'bestaatniet' is geen bekende vraag",
		"testdata/broken/checklists/type.yaml:11: item b (sections[0].items[1]).showIf: fout in voorwaarde bij teken 1: count() werkt alleen op een groep of meerkeuzevraag; a is een tekstvraag",
		"testdata/broken/checklists/kring.yaml:10: item a (sections[0].items[0]).showIf: de voorwaarden vormen een kring: a → b → a",
		"testdata/broken/checklists/dubbel.yaml:12: item a (sections[0].items[1]).id: id 'a' komt twee keer voor (ook bij sections[0].items[0])",
		"testdata/broken/checklists/dubbel.yaml:6: sources[0]: bron 'bestaat-niet' staat niet in data/bronnen.yaml",
		"testdata/broken/checklists/optie.yaml:11: item b (sections[0].items[1]).showIf: fout in voorwaarde bij teken 18: \"secretaris\" is geen optie van rollen",
		"testdata/broken/checklists/optie.yaml:12: item c (sections[0].items[2]).optionsFrom: er is geen lijst met de naam 'teams'; bekende lijsten: partners, rollen",
		"testdata/broken/checklists/kapot.yaml:5: geen geldige YAML:",
		"testdata/broken/checklists/naam.yaml:1: id: de id 'andere-naam' moet gelijk zijn aan de bestandsnaam ('naam')",
	}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing line:\n  %s\noutput:\n%s", w, got)
		}
	}
	if !strings.Contains(errOut.String(), "7 van 7 checklist(s) hebben fouten") {
		t.Errorf("summary: %s", errOut.String())
	}
}

func TestMissingListFilesAreEmptyLists(t *testing.T) {
	var out, errOut bytes.Buffer
	// testdata/nolists has a checklist using optionsFrom: rollen but no
	// rollen.yaml: that is fine (empty list), and the condition on an
	// option of that list cannot be checked, so it is accepted.
	if code := run([]string{"-data", "testdata/nolists"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out.String(), errOut.String())
	}
}

// TestRealChecklists checks the definitions the site ships.
func TestRealChecklists(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"-data", "../../data"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out.String(), errOut.String())
	}
}
