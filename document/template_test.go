package document_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deelwijzer/document"
)

var update = flag.Bool("update", false, "rewrite the golden documents in testdata/golden")

// TestTemplatesUseKnownNames: every placeholder in a shipped template is
// one the workbook fills, so a typo in a template fails here and not in a
// visitor's document. Every template carries the note that a jurist must
// check the draft, and its id matches its file name.
func TestTemplatesUseKnownNames(t *testing.T) {
	ids, src := templates(t)
	for _, id := range ids {
		tm, err := document.ParseTemplate(src[id])
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if len(tm.Checklists) == 0 {
			t.Errorf("%s: the front matter names no checklist", id)
		}
		known := map[string]bool{}
		for _, n := range document.Names(tm.Checklists) {
			known[n] = true
		}
		if tm.ID != id {
			t.Errorf("%s.md has id %q", id, tm.ID)
		}
		for _, p := range tm.Placeholders() {
			if !known[p] {
				t.Errorf("%s: unknown placeholder {{%s}}", id, p)
			}
		}
		if !strings.Contains(src[id], "> Dit is een concept") || !strings.Contains(src[id], "jurist") {
			t.Errorf("%s: the draft must say that a jurist checks it", id)
		}
		// B1, as cmd/contentcheck asks of the site's pages: no sentence
		// longer than 25 words (a placeholder counts as one word).
		body := src[id][strings.Index(src[id][3:], "---")+6:]
		for _, line := range strings.Split(body, "\n") {
			for _, sentence := range splitSentences(line) {
				if n := len(strings.Fields(sentence)); n > 25 {
					t.Errorf("%s: a sentence of %d words: %s", id, n, sentence)
				}
			}
		}
	}
}

// TestNamesDoNotClash: a document that reads several checklists gets
// each name from one place only.
func TestNamesDoNotClash(t *testing.T) {
	seen := map[string]string{}
	for list, names := range map[string][]string{"werkwijze": document.WorkbookNames, "samenwerking": document.CollaborationNames, "dossier": document.DossierNames} {
		for _, n := range names {
			if other, ok := seen[n]; ok && other != list {
				t.Errorf("{{%s}} is filled by both %s and %s", n, other, list)
			}
			seen[n] = list
		}
	}
}

func TestTemplateSyntax(t *testing.T) {
	src := "---\nid: x\ntitel: \"T\"\nversie: 1.0.0\n---\n" +
		"# Kop {{a}}\n\ntekst {{a}} en {{leeg | nog niet}}\nvervolg\n\n- punt {{leeg}}\n- punt 2\n1. genummerd\n\n> Let op\n> twee regels\n\n{{lijst}}\n\n{{leeg | Nog in te vullen.}}\n\n" +
		"{{per org}}\n## {{naam}} ({{a}})\n{{einde}}\n{{per geen | Geen organisaties.}}\nx\n{{einde}}\n"
	tm, err := document.ParseTemplate(src)
	if err != nil {
		t.Fatal(err)
	}
	d := tm.Render(document.Meta{Dossier: "D", Status: "concept", Date: "2026-11-30", DateText: "30 november 2026"}, document.Values{
		"a":     {Text: "A{{leeg}}"}, // an answer is never read as template
		"lijst": {Text: "x; y", Blocks: []document.Block{{Kind: document.BulletList, Items: []string{"x", "y"}}}},
		"org":   {Each: []document.Values{{"naam": {Text: "Een"}}, {"naam": {Text: "Twee"}}}},
	})
	want := `T
Dossier: D
Bron: -
Status: concept
Datum: 30 november 2026
Sjabloon: T, versie 1.0.0

# Kop A{{leeg}}

tekst A{{leeg}} en nog niet vervolg

- punt [nog niet ingevuld]
- punt 2

1. genummerd

> Let op twee regels

- x
- y

Nog in te vullen.

## Een (A{{leeg}})

## Twee (A{{leeg}})

Geen organisaties.
`
	if got := d.Text(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := strings.Join(tm.Placeholders(), " "); got != "a leeg lijst org naam geen" {
		t.Errorf("placeholders: %s", got)
	}
	for _, bad := range []string{
		"# geen kop",
		"---\ntitel: T\nversie: 1\n---\n",
		"---\nid: x\ntitel: T\nversie: 1\n---\n{{per org}}\n",
		"---\nid: x\ntitel: T\nversie: 1\n---\n{{einde}}\n",
		"---\nid: x\ntitel: T\nversie: 1\n",
	} {
		if _, err := document.ParseTemplate(bad); err == nil {
			t.Errorf("no error for %q", bad)
		}
	}
}

// TestGoldenDocuments renders every template for every case and compares
// the document's text with testdata/golden/<case>--<template>.txt. Run
// with -update to rewrite them, then read them before committing.
func TestGoldenDocuments(t *testing.T) {
	def := workbook(t)
	ids, src := templates(t)
	names, answers := cases(t)
	for _, c := range names {
		for _, id := range ids {
			if !workbookOnly(t, src[id]) {
				continue // TestGoldenDossierDocuments
			}
			d := renderCase(t, def, src[id], c, answers[c])
			checkDOCX(t, d.DOCX())
			if names, files, _ := unzip(t, d.ODT()); names[0] != "mimetype" {
				t.Errorf("%s--%s.odt: mimetype is not the first entry", c, id)
			} else {
				for _, n := range names[1:] {
					wellFormed(t, n, files[n])
				}
			}
			got := d.Text()
			// Every document names the dossier, its source and version, the
			// status, the date and the template's version.
			status := "\nStatus: concept\n"
			if caseDossier(t, c) != nil {
				status = "\nStatus: " // the dossier's, see TestSignoffDocuments
			}
			for _, want := range []string{"\nDossier: ", "\nBron: Werkboek: werkwijze gegevensdeling, versie ", status, "\nDatum: 30 november 2026\n", "\nSjabloon: " + d.Title + ", versie "} {
				if !strings.Contains(got, want) {
					t.Errorf("%s--%s: the title block lacks %q", c, id, strings.TrimSpace(want))
				}
			}
			file := filepath.Join("testdata", "golden", c+"--"+id+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from its golden file; run go test ./document -run TestGoldenDocuments -update and review the diff\n%s", file, got)
			}
		}
	}
}

// TestEveryAnswerAppears: every text answer and every chosen option of the
// realistic case appears in the DPIA report, and the register has a
// section per organisation.
func TestEveryAnswerAppears(t *testing.T) {
	def := workbook(t)
	_, src := templates(t)
	_, answers := cases(t)
	text := render(t, def, src["dpia-rapport"], answers["wijkteam"]).Text()
	for _, want := range caseAnswers(t, def, answers["wijkteam"]) {
		if !strings.Contains(text, want) {
			t.Errorf("DPIA report lacks the answer %q", want)
		}
	}
	reg := render(t, def, src["verwerkingsregister"], answers["twaalf"]).Text()
	if n := strings.Count(reg, "\n# "); n != 12 {
		t.Errorf("register for 12 organisations has %d sections", n)
	}
}

// splitSentences splits a line after . ? ! or : followed by a space; a
// placeholder, whatever is in it, is one word.
func splitSentences(line string) []string {
	var out []string
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		if strings.HasPrefix(line[i:], "{{") {
			if j := strings.Index(line[i:], "}}"); j > 0 {
				b.WriteString("X")
				i += j + 1
				continue
			}
		}
		b.WriteByte(line[i])
		if c := line[i]; (c == '.' || c == '?' || c == '!' || c == ':') && i+1 < len(line) && line[i+1] == ' ' {
			out = append(out, b.String())
			b.Reset()
		}
	}
	return append(out, b.String())
}
