package checklist_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// meldcodeArticles2013 are the articles the aanhef ("Gelet op") of the
// Besluit verplichte meldcode huiselijk geweld en kindermishandeling
// (Stb. 2013, 324) names, one or more per sector law, as they read in 2013.
// It is the only source we hold for the meldcode article per sector, so the
// site may name these and no others. Several of these laws were replaced
// since (Wet op de jeugdzorg, Wmo, Kwaliteitswet zorginstellingen); their
// current article is not confirmed by a source, and the site says so.
var meldcodeArticles2013 = map[string]bool{
	"5a": true, "7b": true, "5b": true, "9a": true, "16": true, "1.3.9": true,
	"5": true, "1.21": true, "4b": true, "3a": true, "1.51a": true, "2.9a": true,
	"10b": true, "21f": true, "40a": true, "13b": true, "25a": true, "15a": true,
}

// The version of a law the Besluit refers to: the law as it stood when the
// Wet verplichte meldcode took effect on 1 July 2013. A link to a 2013
// article must open that version, not the law in force today, where the
// number may since have changed.
var versioned2013 = regexp.MustCompile(`^https://wetten\.overheid\.nl/BWBR[0-9]{7}/2013-07-01$`)

// TestMeldcodeArticlePerSector: UPP step 5 and the glossary entry
// `meldcode` name the meldcode article per sector, only articles that
// Stb. 2013, 324 names, each linked to the law as it stood on 1 July 2013,
// and they say that the current article in the replaced laws is open.
func TestMeldcodeArticlePerSector(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "content", "upp", "stap-5.md"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(src)
	start := strings.Index(page, "Waar staat de plicht om een meldcode")
	end := strings.Index(page, "### 4. Conflict van plichten")
	if start < 0 || end < start {
		t.Fatal("stap-5.md: the meldcode paragraph or the next heading is missing")
	}
	section := page[start:end]

	article := regexp.MustCompile(`artikel ([0-9][0-9a-z.:]*)(?: en ([0-9][0-9a-z.:]*))?`)
	named := 0
	for _, m := range article.FindAllStringSubmatch(section, -1) {
		for _, nr := range m[1:] {
			if nr == "" {
				continue
			}
			named++
			if !meldcodeArticles2013[nr] {
				t.Errorf("stap-5.md names artikel %s for the meldcode; Stb. 2013, 324 does not name it", nr)
			}
		}
	}
	if named < 5 {
		t.Errorf("stap-5.md names %d meldcode articles; want the articles per sector from Stb. 2013, 324", named)
	}
	link := regexp.MustCompile(`\*\*[^*]+:\*\* artikel [^\n]*\]\((https://[^)]+)\)`)
	linked := 0
	for _, m := range link.FindAllStringSubmatch(section, -1) {
		linked++
		if !versioned2013.MatchString(m[1]) {
			t.Errorf("stap-5.md links a meldcode article to %q; want the law as it stood on 1 July 2013", m[1])
		}
	}
	if linked < 3 {
		t.Errorf("stap-5.md links %d meldcode articles to the law; want at least 3", linked)
	}
	if !strings.Contains(section, "niet in een bron kunnen nalezen") {
		t.Error("stap-5.md must say that the current article in the replaced laws is not confirmed")
	}

	var terms []struct {
		ID, Law, Open string
		Wetteksten    []struct{ Naam, URL string }
	}
	gsrc, err := os.ReadFile(filepath.Join("..", "data", "begrippen.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(gsrc, &terms); err != nil {
		t.Fatal(err)
	}
	found := false
	artInName := regexp.MustCompile(`\(art\. ([0-9][0-9a-z.:]*)\)`)
	for _, term := range terms {
		if term.ID != "meldcode" {
			continue
		}
		found = true
		perArticle := 0
		for _, w := range term.Wetteksten {
			m := artInName.FindStringSubmatch(w.Naam)
			if m == nil {
				continue
			}
			perArticle++
			if !meldcodeArticles2013[m[1]] {
				t.Errorf("begrippen meldcode: %q names an article Stb. 2013, 324 does not name", w.Naam)
			}
			if !versioned2013.MatchString(w.URL) {
				t.Errorf("begrippen meldcode: %q links to %q; want the law as it stood on 1 July 2013", w.Naam, w.URL)
			}
		}
		if perArticle < 3 {
			t.Errorf("begrippen meldcode links %d sector articles; want at least 3", perArticle)
		}
		if !strings.Contains(term.Open, "niet in een bron kunnen nalezen") {
			t.Error("begrippen meldcode: `open` must say the current article in the replaced laws is not confirmed")
		}
	}
	if !found {
		t.Error("data/begrippen.yaml has no meldcode entry")
	}
}
