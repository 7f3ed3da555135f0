package main

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func runSitecheck(t *testing.T, args ...string) (problems []string, summary string, code int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code = run(args, &stdout, &stderr)
	for line := range strings.Lines(stdout.String()) {
		line = strings.TrimSuffix(line, "\n")
		if strings.HasPrefix(line, "sitecheck: ") {
			summary = line
			continue
		}
		problems = append(problems, line)
	}
	if stderr.Len() > 0 {
		t.Logf("stderr: %s", stderr.String())
	}
	return problems, summary, code
}

// The good fixture uses relative links only, as Hugo writes them with
// relativeURLs, so it passes at the root and under a prefix.
func TestGoodSite(t *testing.T) {
	for _, prefix := range []string{"/", "/deelwijzer/"} {
		problems, summary, code := runSitecheck(t, "-dir", "testdata/good", "-prefix", prefix)
		if code != 0 || len(problems) > 0 {
			t.Errorf("prefix %s: exit %d, problems:\n%s", prefix, code, strings.Join(problems, "\n"))
		}
		want := "sitecheck: 4 pagina's, 18 links en 4 ankers gecontroleerd, 1 CSS-bestanden, 0 problemen"
		if summary != want {
			t.Errorf("prefix %s: summary %q, want %q", prefix, summary, want)
		}
	}
}

// Each line of the bad fixture breaks one rule.
func TestBadSite(t *testing.T) {
	problems, _, code := runSitecheck(t, "-dir", "testdata/bad", "-prefix", "/deelwijzer/")
	want := []string{
		"css/site.css: url(../img/weg.png): img/weg.png bestaat niet in de gebouwde site",
		"css/site.css: url(//fonts.example.org/x.woff2) laadt van een ander domein",
		"css/site.css: url(https://fonts.example.org/font.css) laadt van een ander domein",
		"index.html: <link href=\"https://cdn.example.org/site.css\"> laadt van een ander domein; alleen dezelfde origin mag",
		"index.html: <script src=\"//cdn.example.org/app.js\"> laadt van een ander domein; alleen dezelfde origin mag",
		"index.html: inline <script> zonder src; de CSP staat geen inline script toe",
		"index.html: <style>-element; de CSP staat geen inline stijl toe",
		"index.html: kop slaat een niveau over: h3 na h1 (\"Te diep\")",
		"index.html: style-attribuut op <p>; de CSP staat geen inline stijl toe",
		"index.html: onclick-attribuut op <p>; de CSP staat geen inline script toe",
		"index.html: <a href=\"geen/\">: geen/index.html bestaat niet in de gebouwde site",
		"index.html: <a href=\"#nergens\">: anker #nergens bestaat niet in index.html",
		"index.html: <a href=\"pagina/#weg\">: anker #weg bestaat niet in pagina/index.html",
		"index.html: <a href=\"/pagina/\">: pad /pagina/ ligt buiten /deelwijzer/",
		"index.html: <a href=\"javascript:void(0)\">: javascript:-URL; de CSP staat geen inline script toe",
		"index.html: <a href=\"http://wetten.overheid.nl/BWBR0035362/\">: extern adres moet met https:// beginnen",
		"index.html: <a href=\"https://wetten.overheid.nl/zoeken?q=wmo\">: adres op wetten.overheid.nl heeft niet de vorm /BWBR0000000/ of /jci1.3:c:BWBR0000000&artikel=...",
		"index.html: <a href=\"https://gebruiker:geheim@example.org/\">: extern adres met gebruikersnaam of wachtwoord",
		"index.html: <a href=\"https://localhost/\">: extern adres zonder geldige host",
		"index.html: <img src=\"https://example.org/x.png\"> laadt van een ander domein; alleen dezelfde origin mag",
		"index.html: <img src=\"plaatje.png\"> heeft geen alt",
		"index.html: <iframe src=\"https://www.youtube.com/embed/x\"> laadt van een ander domein; alleen dezelfde origin mag",
		"index.html: <form action=\"https://example.org/post\"> laadt van een ander domein; alleen dezelfde origin mag",
		"index.html: <html lang=\"en\">, verwacht lang=\"nl\"",
		"index.html: 2 h1-koppen, verwacht precies 1",
		"index.html: geen of lege <title>",
		"index.html: geen of lege <meta name=\"description\">",
		"index.html: CSP bevat 'unsafe-inline'",
		"pagina/index.html: 0 h1-koppen, verwacht precies 1",
		"pagina/index.html: geen <meta http-equiv=\"Content-Security-Policy\">",
	}
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, w := range want {
		if !slices.Contains(problems, w) {
			t.Errorf("missing problem: %s", w)
		}
	}
	for _, p := range problems {
		if !slices.Contains(want, p) {
			t.Errorf("unexpected problem: %s", p)
		}
	}
}

// A root-relative link is fine at the root but leaves the site under a prefix.
func TestRootRelativeLinkAndPrefix(t *testing.T) {
	problems, _, _ := runSitecheck(t, "-dir", "testdata/bad", "-prefix", "/")
	if slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, "buiten") }) {
		t.Errorf("at prefix / the link /pagina/ should resolve: %q", problems)
	}
}

func TestEmptyDirIsAnError(t *testing.T) {
	if _, _, code := runSitecheck(t, "-dir", t.TempDir()); code != 2 {
		t.Errorf("exit %d for a directory without HTML, want 2", code)
	}
}
