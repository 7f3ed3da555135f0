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
		"testdata/broken/checklists/type.yaml:11: item b (sections[0].items[1]).showIf: fout in voorwaarde bij teken 1: count() werkt alleen op een groep, een meerkeuzevraag of een verwijzing naar meer rijen; a is een tekstvraag",
		"testdata/broken/checklists/kring.yaml:10: item a (sections[0].items[0]).showIf: de voorwaarden vormen een kring: a → b → a",
		"testdata/broken/checklists/dubbel.yaml:12: item a (sections[0].items[1]).id: id 'a' komt twee keer voor (ook bij sections[0].items[0])",
		"testdata/broken/checklists/dubbel.yaml:6: sources[0]: bron 'bestaat-niet' staat niet in data/bronnen.yaml",
		"testdata/broken/checklists/optie.yaml:11: item b (sections[0].items[1]).showIf: fout in voorwaarde bij teken 18: \"secretaris\" is geen optie van rollen",
		"testdata/broken/checklists/optie.yaml:12: item c (sections[0].items[2]).optionsFrom: er is geen lijst met de naam 'teams' (data/teams.yaml); bekende lijsten: bronnen, rollen",
		"testdata/broken/checklists/kapot.yaml:5: geen geldige YAML:",
		"testdata/broken/checklists/naam.yaml:1: id: de id 'andere-naam' moet gelijk zijn aan de bestandsnaam ('naam')",
		"testdata/broken/checklists/werkboek.yaml:13: item later (sections[0].items[0]).rowsFrom: 'deelmomenten' moet een groep zijn die eerder in de checklist staat",
		"testdata/broken/checklists/werkboek.yaml:18: item deelmomenten (sections[0].items[1]).rowTitle: 'bestaat-niet' is geen veld van deze groep",
		"testdata/broken/checklists/werkboek.yaml:27: item volger (sections[0].items[2]).minRows: deze groep heeft een rij voor elke rij van deelmomenten",
		"testdata/broken/checklists/werkboek.yaml:30: overzicht matrix (views[0]).columns[1]: 'later' is geen groep met dezelfde rijen als deelmomenten",
		"testdata/broken/checklists/werkboek.yaml:30: overzicht matrix (views[0]).columns[2]: 'onbekend' is geen veld van groep deelmomenten",
		"testdata/broken/checklists/werkboek.yaml:31: overzicht flow (views[1]).to: veld naar is een meerkeuzevraag; hier past alleen een verwijzing naar één rij (ref), een keuzevraag (choice) of een korte tekst (text)",
		// A field of the row a reference points at: van.soort.
		"testdata/broken/checklists/doorverwijzing.yaml:27: bevinding geen-ref (findings[0]).when: fout in voorwaarde bij teken 1: 'gegevens' is geen verwijzing naar één rij; alleen daarvan kun je een veld lezen met een punt (gegevens.soort)",
		"testdata/broken/checklists/doorverwijzing.yaml:28: bevinding geen-veld (findings[1]).when: fout in voorwaarde bij teken 1: 'kleur' is geen veld van groep organisaties, waar van naar verwijst",
		"testdata/broken/checklists/doorverwijzing.yaml:29: bevinding geen-optie (findings[2]).when: fout in voorwaarde bij teken 14: \"brandweer\" is geen optie van soort",
		"testdata/broken/checklists/doorverwijzing.yaml:24: moved[0].as: 'deelmomenten.gegevens' is geen verwijzing naar één rij van een groep",
		"testdata/broken/checklists/doorverwijzing.yaml:25: moved[1].as: 'kleur' is geen veld van groep organisaties, waar deelmomenten.van naar verwijst",
		"testdata/broken/checklists/werkboek.yaml:34: overzicht riskmap (views[2]).before.likelihood: veld kans is een score: geef het de opties met de waarden \"1\", \"2\", \"3\" en \"4\"",
		"testdata/broken/checklists/werkboek.yaml:34: overzicht riskmap (views[2]).before.impact: veld van is een tekstvraag; hier past alleen een keuzevraag (choice) met de opties \"1\" tot en met \"4\"",
		"testdata/broken/checklists/werkboek.yaml:35: overzicht taart (views[3]).kind: onbekende soort overzicht 'taart'",
		"testdata/broken/checklists/verwijzing.yaml:14: veld stap (sections[0].items[0].fields[0]).ref: 'stappen' moet een groep zijn die eerder in de checklist staat",
		"testdata/broken/checklists/verwijzing.yaml:21: item eerste (sections[0].items[2]).ref: 'bestaat-niet' moet een groep zijn",
		"testdata/broken/checklists/werkboek.yaml:37: bevinding f (findings[0]).roles[1]: 'secretaris' is geen rol uit data/rollen.yaml; bekende rollen: fg, projectleider",
	}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing line:\n  %s\noutput:\n%s", w, got)
		}
	}
	if !strings.Contains(errOut.String(), "10 van 10 checklist(s) hebben fouten") {
		t.Errorf("summary: %s", errOut.String())
	}
}

// TestOptionsFromMissingListFile: optionsFrom: rollen reads data/rollen.yaml;
// without that file there is no such list, and that is an error with the
// file and line.
func TestOptionsFromMissingListFile(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"-data", "testdata/nolists"}, &out, &errOut); code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", code, out.String(), errOut.String())
	}
	want := "testdata/nolists/checklists/goed.yaml:11: item rollen (sections[0].items[0]).optionsFrom: er is geen lijst met de naam 'rollen' (data/rollen.yaml)"
	if !strings.Contains(out.String(), want) {
		t.Errorf("missing line:\n  %s\noutput:\n%s", want, out.String())
	}
}

// TestRealChecklists checks the definitions the site ships.
func TestRealChecklists(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"-data", "../../data"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out.String(), errOut.String())
	}
}
