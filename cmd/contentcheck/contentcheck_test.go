package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Each rule has a fixture tree that passes and one that fails, in
// testdata/<rule>-pass and testdata/<rule>-fail. They share testdata/data.
func TestRules(t *testing.T) {
	tests := []struct {
		dir          string
		onlyGlossary bool
		want         []string
	}{
		{dir: "links-pass"},
		{dir: "links-fail", want: []string{
			`content/werkwijze/stap-1.md:8: link "/werkwijze/stap-9/": pagina /werkwijze/stap-9/ bestaat niet`,
			`content/werkwijze/stap-1.md:8: link "/begrippen/#onbekend": begrip #onbekend staat niet in data/begrippen.yaml`,
			`content/werkwijze/stap-1.md:10: link "../nergens/": pagina /werkwijze/nergens/ bestaat niet`,
			`content/werkwijze/stap-1.md:11: link "javascript:alert(1)": onbekend soort adres (alleen http(s), mailto, tel of een pad op de site)`,
			`content/werkwijze/stap-1.md:13: link "#bestaat-niet": anker #bestaat-niet bestaat niet op /werkwijze/stap-1/`,
			`content/werkwijze/stap-1.md:13: link "/partners/bakker/": pagina /partners/bakker/ bestaat niet`,
		}},
		{dir: "headings-pass"},
		{dir: "headings-fail", want: []string{
			`content/upp/_index.md:6: kop van niveau 1 (#) in de tekst; de titel is al de h1, begin bij ##`,
			`content/upp/_index.md:10: kop slaat een niveau over: #### na ##`,
			`content/upp/_index.md:12: lege kop`,
		}},
		{dir: "rawhtml-fail", want: []string{
			`content/a.md:8: HTML in de tekst; schrijf Markdown of gebruik een shortcode`,
			`content/a.md:10: HTML in de tekst; schrijf Markdown of gebruik een shortcode`,
		}},
		{dir: "frontmatter-pass"},
		{dir: "frontmatter-fail", want: []string{
			`content/a.md:1: description ontbreekt of is leeg`,
			`content/a.md:2: titel "Zelfde titel" komt ook voor in testdata/frontmatter-fail/content/b.md`,
			`content/a.md:3: bron "onbekend" staat niet in data/bronnen.yaml`,
			`content/b.md:1: bronnen ontbreekt in front matter (ids uit data/bronnen.yaml)`,
			`content/b.md:2: titel "Zelfde titel" komt ook voor in testdata/frontmatter-fail/content/a.md`,
			`content/c.md:1: title ontbreekt of is leeg`,
			`content/d.md:1: geen YAML front matter (--- ... ---) aan het begin`,
		}},
		{dir: "zinnen-fail", want: []string{
			`content/a.md:10: zin van 26 woorden (meer dan 25): "Een zin met zesentwintig woorden is te lang ..."`,
		}},
		{dir: "termen-fail", want: []string{
			`content/a.md:6: term "Functionaris gegevensbescherming": schrijf "functionaris voor gegevensbescherming" (data/termen.yaml)`,
			`content/a.md:8: term "privacy-officer": schrijf "privacy officer" (data/termen.yaml)`,
		}},
		{dir: "woorden-fail", want: []string{
			`content/a.md:6: "niet gecontroleerd" op een vakpagina: controleer en link naar de wet, of zeg wat de wet openlaat ("wat open blijft")`,
		}},
		{dir: "glossary-pass"},
		{dir: "glossary-fail", onlyGlossary: true, want: []string{
			`content/wegwijzer/dpia.md:8: eerste keer "dpia" niet gelinkt naar /begrippen/#dpia`,
			`content/wegwijzer/dpia.md:10: eerste keer "Verwerkers" niet gelinkt naar /begrippen/#verwerker`,
			`content/wegwijzer/dpia.md:12: eerste keer "bijzondere persoonsgegevens" niet gelinkt naar /begrippen/#bijzondere-persoonsgegevens`,
			`content/wegwijzer/dpia.md:13: eerste keer "persoonsgegevens" niet gelinkt naar /begrippen/#persoonsgegevens`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			root := filepath.Join("testdata", tt.dir)
			args := []string{"-content", filepath.Join(root, "content"), "-data", filepath.Join("testdata", "data")}
			if tt.onlyGlossary {
				args = append(args, "-only-glossary")
			}
			var stdout, stderr bytes.Buffer
			code := run(args, &stdout, &stderr)

			var got []string
			for line := range strings.Lines(stdout.String()) {
				got = append(got, strings.TrimPrefix(strings.TrimSuffix(line, "\n"), root+"/"))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n got: %q\nwant: %q", got, tt.want)
			}
			wantCode := 0
			if len(tt.want) > 0 {
				wantCode = 1
			}
			if code != wantCode {
				t.Errorf("exit code %d, want %d (stderr: %s)", code, wantCode, stderr.String())
			}
		})
	}
}

// The glossary rule can be switched off, so the other rules can be run
// (and reported) on their own.
func TestGlossaryFlagOff(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"-content", "testdata/glossary-fail/content", "-data", "testdata/data", "-glossary=false"}, &stdout, &stderr)
	if code != 0 || stdout.Len() != 0 {
		t.Errorf("with -glossary=false: exit %d, output %q", code, stdout.String())
	}
}

func TestSplitFrontMatterLines(t *testing.T) {
	src := []byte("---\ntitle: \"x\"\n---\n\n## Kop\n")
	fm, body, start, ok := splitFrontMatter(src)
	if !ok || string(fm) != "title: \"x\"\n" || string(body) != "\n## Kop\n" {
		t.Fatalf("split: ok=%v fm=%q body=%q", ok, fm, body)
	}
	if line := newLineIndex(src).line(start + 1); line != 5 {
		t.Errorf("line of heading = %d, want 5", line)
	}
}

// TestBronnenAddress: a source without an address and without a sentence
// saying why is reported with its line; so are both at once and an address
// that is not https.
func TestBronnenAddress(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if err := os.Mkdir(data, 0o755); err != nil {
		t.Fatal(err)
	}
	src := `- id: goed
  url: "https://wetten.overheid.nl/BWBR0040940/"
- id: eerlijk
  adres_onbekend: "Zoek op de titel bij de uitgever."
- id: niets
  title: "Zonder adres"
- id: allebei
  url: "https://example.org/"
  adres_onbekend: "Onbekend."
- id: onveilig
  url: "http://example.org/"
`
	if err := os.WriteFile(filepath.Join(data, "bronnen.yaml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range checkBronnenAddress(data) {
		got = append(got, p.String())
	}
	want := []string{
		"data/bronnen.yaml:5: bron niets: geen url en geen adres_onbekend: geef de vindplaats, of zeg waarom die niet vaststaat",
		"data/bronnen.yaml:7: bron allebei: url en adres_onbekend samen: kies er één",
		"data/bronnen.yaml:10: bron onveilig: url begint niet met https://",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n got: %q\nwant: %q", got, want)
	}
}

// TestDataWording: the texts in the data files that feed professional pages
// may not say "niet gecontroleerd"; YAML comments may.
func TestDataWording(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	if err := os.Mkdir(data, 0o755); err != nil {
		t.Fatal(err)
	}
	src := `# een opmerking die niet gecontroleerd is, mag
- id: a
  definition: "Klopt."
- id: b
  unverified: "Dit is niet gecontroleerd."
- id: c
  kaders:
    - {name: "Wet", unverified: false}
    - name: "Andere wet"
      unverified: true
`
	if err := os.WriteFile(filepath.Join(data, "begrippen.yaml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range checkDataWording(data) {
		got = append(got, p.String())
	}
	want := []string{
		`data/begrippen.yaml:5: "niet gecontroleerd" in een tekst voor de site: controleer en link naar de wet, of zeg wat de wet openlaat ("wat open blijft")`,
		`data/begrippen.yaml:10: unverified: true wordt getoond als "niet gecontroleerd": controleer en link naar de wet, of zeg wat de wet openlaat ("wat open blijft")`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n got: %q\nwant: %q", got, want)
	}
}

// TestDataSentences: a prose field in a data file with a sentence over the
// B1 limit is reported with its line; names and law citations are not
// measured.
func TestDataSentences(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	if err := os.Mkdir(data, 0o755); err != nil {
		t.Fatal(err)
	}
	long := "Woord " + strings.Repeat("woord ", 25)
	src := "- id: a\n  name: \"" + long + "\"\n  law: \"" + long + "\"\n- id: b\n  wat: \"Kort. " + long + "\"\n  involve:\n    - \"Kort genoeg.\"\n    - \"" + long + "\"\n"
	if err := os.WriteFile(filepath.Join(data, "sectorwetten.yaml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range checkDataSentences(data) {
		got = append(got, p.String())
	}
	want := []string{
		`data/sectorwetten.yaml:5: zin van 26 woorden (meer dan 25): "Woord woord woord woord woord woord woord woord ..."`,
		`data/sectorwetten.yaml:8: zin van 26 woorden (meer dan 25): "Woord woord woord woord woord woord woord woord ..."`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n got: %q\nwant: %q", got, want)
	}
}
