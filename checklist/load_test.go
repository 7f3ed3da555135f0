package checklist_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"deelwijzer/checklist"
	"deelwijzer/checklist/yamldef"
)

// small is a minimal valid definition; cases below patch it.
const small = `id: klein
title: "Klein"
version: "1.0.0"
date: "2026-01-31"
description: "Test"
sections:
  - id: een
    title: "Doe iets"
    items:
      - {id: a, kind: yesno, question: "A?"}
      - {id: b, kind: choice, question: "B?", options: [{value: x, label: X}, {value: y, label: Y}]}
      - {id: m, kind: multi, question: "M?", options: [{value: p, label: P}, {value: q, label: Q}]}
      - {id: t, kind: text, question: "T?"}
      - {id: d, kind: date, question: "D?"}
      - id: g
        kind: group
        question: "G?"
        fields:
          - {id: naam, kind: text, question: "Naam"}
          - {id: keuze, kind: choice, question: "Keuze", options: [{value: k1, label: K1}]}
      - {id: last, kind: yesno, question: "Last?", showIf: "SHOWIF"}
findings:
  - {id: f, severity: info, when: "WHEN", text: "TEXT"}
`

func smallWith(showIf, when, text string) string {
	s := strings.Replace(small, "SHOWIF", strings.ReplaceAll(showIf, `"`, `\"`), 1)
	s = strings.Replace(s, "WHEN", strings.ReplaceAll(when, `"`, `\"`), 1)
	return strings.Replace(s, "TEXT", text, 1)
}

func problems(t *testing.T, src string) []checklist.Problem {
	t.Helper()
	_, _, err := yamldef.Load([]byte(src), testLists())
	if err == nil {
		return nil
	}
	var le *checklist.LoadError
	if !errors.As(err, &le) {
		t.Fatalf("not a LoadError: %v", err)
	}
	return le.Problems
}

func TestSmallDefinitionLoads(t *testing.T) {
	if p := problems(t, smallWith(`a == "ja"`, `answered(a)`, "ok")); p != nil {
		t.Fatalf("unexpected problems: %v", p)
	}
}

// TestConditionChecks: every rule of the condition language, with the Dutch
// message that explains it to an author.
func TestConditionChecks(t *testing.T) {
	skipWithoutAuthorChecks(t)
	cases := []struct {
		name, showIf, when, text string
		wantPath, wantMsg        string // wantMsg "" = must load
	}{
		{"yesno ok", `a == "ja" or a != "weetniet"`, `answered(a)`, "x", "", ""},
		{"choice ok", `b == "x"`, `b != "y"`, "x", "", ""},
		{"multi includes", `includes(m, "p")`, `count(m) >= 2`, "x", "", ""},
		{"group count", `count(g) > 0`, `not (count(g) == 0)`, "x", "", ""},
		{"date compare", `d < "2027-01-01"`, `d == d`, "x", "", ""},
		{"text compare", `t == "iets"`, `true`, "x", "", ""},
		{"yesno bad value", `a == "misschien"`, `true`, "x", "sections[0].items[6].showIf", `"misschien" is geen antwoord op ja/nee-vraag a`},
		{"choice unknown option", `b == "z"`, `true`, "x", "sections[0].items[6].showIf", `"z" is geen optie van b`},
		{"includes on yesno", `includes(a, "ja")`, `true`, "x", "sections[0].items[6].showIf", "includes() werkt alleen op een meerkeuzevraag"},
		{"includes bad option", `includes(m, "r")`, `true`, "x", "sections[0].items[6].showIf", `"r" is geen optie van m`},
		{"count on text", `count(t) > 1`, `true`, "x", "sections[0].items[6].showIf", "count() werkt alleen op een groep, een meerkeuzevraag"},
		{"number vs string", `count(m) == "2"`, `true`, "x", "sections[0].items[6].showIf", "niet vergelijken met"},
		{"multi equals", `m == "p"`, `true`, "x", "sections[0].items[6].showIf", "gebruik includes(m"},
		{"unknown id", `zz == "ja"`, `true`, "x", "sections[0].items[6].showIf", "'zz' is geen bekende vraag"},
		{"self reference", `last == "ja"`, `true`, "x", "sections[0].items[6].showIf", "verwijst naar de vraag zelf"},
		{"bare reference", `a`, `true`, "x", "sections[0].items[6].showIf", "is een vraag, geen voorwaarde"},
		{"single =", `a = "ja"`, `true`, "x", "sections[0].items[6].showIf", "gebruik == om te vergelijken"},
		{"single quotes", `a == 'ja'`, `true`, "x", "sections[0].items[6].showIf", "dubbele aanhalingstekens"},
		{"unclosed", `(a == "ja"`, `true`, "x", "sections[0].items[6].showIf", "verwacht ')'"},
		{"unknown function", `exists(a)`, `true`, "x", "sections[0].items[6].showIf", "onbekende functie 'exists'"},
		{"missing and", `a == "ja" b == "x"`, `true`, "x", "sections[0].items[6].showIf", "mist er 'and' of 'or'"},
		{"&&", `a == "ja" && b == "x"`, `true`, "x", "sections[0].items[6].showIf", "schrijf 'and' of 'or'"},
		{"field outside forEach", `answered(naam)`, `true`, "x", "sections[0].items[6].showIf", "het is een veld van groep g"},
		{"date literal", `d == "31-12-2026"`, `true`, "x", "sections[0].items[6].showIf", "geen datum in de vorm jjjj-mm-dd"},
		{"ordering on text", `t < "b"`, `true`, "x", "sections[0].items[6].showIf", "werkt alleen met getallen en datums"},
		{"finding placeholder unknown", `true`, `true`, "{onbekend}", "findings[0].text", "{onbekend}"},
		{"finding placeholder ok", `true`, `true`, "{a} en {m} en {not-a-placeholder!}", "", ""},
		{"finding when type", `true`, `count(g)`, "x", "findings[0].when", "dit deel is geen voorwaarde"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps := problems(t, smallWith(c.showIf, c.when, c.text))
			if c.wantMsg == "" {
				if ps != nil {
					t.Fatalf("unexpected problems: %v", ps)
				}
				return
			}
			for _, p := range ps {
				if p.Path == c.wantPath && strings.Contains(p.Message, c.wantMsg) {
					return
				}
			}
			t.Fatalf("want %s: …%s…, got %v", c.wantPath, c.wantMsg, ps)
		})
	}
}

func TestLaterReferenceAndCycle(t *testing.T) {
	skipWithoutAuthorChecks(t)
	src := strings.Replace(smallWith(`a == "ja"`, `true`, "x"),
		`{id: a, kind: yesno, question: "A?"}`,
		`{id: a, kind: yesno, question: "A?", showIf: "t == \"x\""}`, 1)
	ps := problems(t, src)
	if len(ps) != 1 || !strings.Contains(ps[0].Message, "mag alleen verwijzen naar vragen die eerder in de checklist staan") {
		t.Fatalf("later reference: %v", ps)
	}
	if got := ps[0].Location(); got != "sections[0].items[0] (a).showIf" {
		t.Errorf("location %q", got)
	}
	cyc := strings.Replace(src, `{id: t, kind: text, question: "T?"}`, `{id: t, kind: text, question: "T?", showIf: "a == \"ja\""}`, 1)
	ps = problems(t, cyc)
	found := false
	for _, p := range ps {
		if strings.Contains(p.Message, "kring: a → t → a") {
			found = true
		}
	}
	if !found {
		t.Fatalf("cycle not explained: %v", ps)
	}
}

func TestStructureProblems(t *testing.T) {
	skipWithoutAuthorChecks(t)
	base := smallWith(`true`, `true`, "x")
	cases := []struct{ name, from, to, wantPath, wantMsg string }{
		{"duplicate id", `{id: t, kind: text`, `{id: a, kind: text`, "sections[0].items[3].id", "komt twee keer voor"},
		{"bad kind", `{id: t, kind: text`, `{id: t, kind: number`, "sections[0].items[3].kind", "onbekende soort 'number'"},
		{"unknown key", `{id: t, kind: text`, `{id: t, requierd: true, kind: text`, "sections[0].items[3].requierd", "onbekende eigenschap"},
		{"bad id", `{id: t, kind: text`, `{id: T_1, kind: text`, "sections[0].items[3].id", "geen geldige id"},
		{"options on text", `{id: t, kind: text, question: "T?"}`, `{id: t, kind: text, question: "T?", options: [{value: a, label: A}]}`, "sections[0].items[3].options", "alleen vragen van soort choice of multi"},
		{"duplicate option", `{value: y, label: Y}`, `{value: x, label: Y}`, "sections[0].items[1].options[1].value", "optie 'x' komt twee keer voor"},
		{"missing list", `options: [{value: p, label: P}, {value: q, label: Q}]`, `optionsFrom: bestaatniet`, "sections[0].items[2].optionsFrom", "geen lijst met de naam 'bestaatniet'"},
		{"bad version", `version: "1.0.0"`, `version: "1.0"`, "version", "geen versienummer"},
		{"bad date", `date: "2026-01-31"`, `date: "2026-02-31"`, "date", "geen geldige datum"},
		{"nested group", `{id: naam, kind: text`, `{id: naam, kind: group`, "sections[0].items[5].fields[0].kind", "kan zelf geen groep zijn"},
		{"showIf in field", `{id: naam, kind: text`, `{id: naam, showIf: "true", kind: text`, "sections[0].items[5].fields[0].showIf", "onbekende eigenschap 'showIf'; toegestaan zijn: id, kind, question, hint, required, options, optionsFrom, ref, multiple"},
		{"bad severity", `severity: info`, `severity: hoog`, "findings[0].severity", "onbekende ernst"},
		{"forEach not group", `{id: f, severity: info,`, `{id: f, forEach: a, severity: info,`, "findings[0].forEach", "geen vraag van soort group"},
		{"link not a site path", `title: "Doe iets"`, "title: \"Doe iets\"\n    links: [https://example.org/]", "sections[0].links[0]", "geen pad op de site"},
		{"missing question", `{id: t, kind: text, question: "T?"}`, `{id: t, kind: text}`, "sections[0].items[3].question", "ontbreekt"},
		{"reserved id", `{id: t, kind: text`, `{id: count, kind: text`, "sections[0].items[3].id", "gereserveerd woord"},
		{"verdict text not marked", `severity: info, when: "true", text: "x"`, `severity: risico, when: "true", text: "Uitkomst: klaar"`, "findings[0].severity", "severity uitkomst"},
		{"verdict repeats its label", `severity: info, when: "true", text: "x"`, `severity: uitkomst, when: "true", text: "uitkomst: klaar"`, "findings[0].text", "niet met 'Uitkomst:'"},
		{"verdict per row", `{id: f, severity: info,`, `{id: f, forEach: g, severity: uitkomst,`, "findings[0].forEach", "hele checklist"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(base, c.from, c.to, 1)
			if src == base {
				t.Fatalf("patch %q did not apply", c.from)
			}
			ps := problems(t, src)
			for _, p := range ps {
				if p.Path == c.wantPath && strings.Contains(p.Message, c.wantMsg) {
					return
				}
			}
			t.Fatalf("want %s: …%s…, got %v", c.wantPath, c.wantMsg, ps)
		})
	}
}

func TestSeveralProblemsAtOnce(t *testing.T) {
	skipWithoutAuthorChecks(t)
	src := strings.Replace(smallWith(`zz == "ja"`, `yy`, "{xx}"), `version: "1.0.0"`, `version: "x"`, 1)
	if ps := problems(t, src); len(ps) < 4 {
		t.Fatalf("want at least 4 problems, got %v", ps)
	}
}

// TestBrowserBuildStillRejects: even without the author checks, a
// definition the engine cannot evaluate safely is refused. Run in the browser
// build with
//
//	GOOS=js GOARCH=wasm go test -exec "$(go env GOROOT)/lib/wasm/go_js_wasm_exec" ./checklist/
func TestBrowserBuildStillRejects(t *testing.T) {
	for name, src := range map[string]string{
		"unknown id":     smallWith(`zz == "ja"`, `true`, "x"),
		"later question": strings.Replace(smallWith(`true`, `true`, "x"), `{id: a, kind: yesno, question: "A?"}`, `{id: a, kind: yesno, question: "A?", showIf: "t == \"x\""}`, 1),
		"self":           smallWith(`last == "ja"`, `true`, "x"),
		"syntax":         smallWith(`(a == "ja"`, `true`, "x"),
		"placeholder":    smallWith(`true`, `true`, "{zz}"),
		"missing list":   strings.Replace(small, `options: [{value: p, label: P}, {value: q, label: Q}]`, `optionsFrom: geen`, 1),
	} {
		if ps := problems(t, src); len(ps) == 0 {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestBuildFlavour: the WebAssembly build is the shipped one, without author
// checks, and `make gotest-wasm` runs these tests in it; the native build
// has them. Otherwise TestBrowserBuildStillRejects would test the wrong build.
func TestBuildFlavour(t *testing.T) {
	if want := runtime.GOOS != "js"; checklist.AuthorChecks != want {
		t.Fatalf("AuthorChecks = %v on %s/%s, want %v", checklist.AuthorChecks, runtime.GOOS, runtime.GOARCH, want)
	}
}

func TestFieldsInForEachScope(t *testing.T) {
	src := smallWith(`true`, `keuze == "k1" and answered(naam) and a == "ja"`, "{naam}: {keuze} ({#})")
	src = strings.Replace(src, "{id: f, severity: info,", "{id: f, forEach: g, severity: info,", 1)
	def := loadYAML(t, src)
	st := checklist.Evaluate(def, answersFromJSON(t, def, `{"a":"ja","g":[{"naam":"Eén","keuze":"k1"},{"naam":"Twee"}]}`))
	if len(st.Findings) != 1 || st.Findings[0].Text != "Eén: K1 (1)" || st.Findings[0].Row != 0 {
		t.Fatalf("findings %+v", st.Findings)
	}
}

func TestLineNumbers(t *testing.T) {
	src := smallWith(`zz == "ja"`, `true`, "x")
	_, doc, err := yamldef.Load([]byte(src), testLists())
	var le *checklist.LoadError
	if !errors.As(err, &le) {
		t.Fatalf("want LoadError, got %v", err)
	}
	if got := doc.Line(le.Problems[0].Path); got != 21 {
		t.Errorf("line of %s = %d, want 21", le.Problems[0].Path, got)
	}
	if got := doc.Line("sections[0].items[99]"); got != 9 {
		t.Errorf("line of missing item = %d, want 9 (the items key)", got)
	}
}

func TestLoadFromJSONPayload(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "basis.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	asJSON, err := yamldef.ToJSON(src)
	if err != nil {
		t.Fatal(err)
	}
	payload := `{"definition":` + asJSON + `,"lists":{"rollen":[{"value":"fg","label":"FG"},{"value":"projectleider"},{"value":"privacy-officer"}]}}`
	def, err := checklist.LoadPayload(payload)
	if err != nil {
		t.Fatal(err)
	}
	if def.ID != "basis" || len(def.Items()) != 7 || def.Item("rollen").Options[0].Label != "FG" {
		t.Fatalf("loaded wrong: %+v", def)
	}
	for _, bad := range []string{``, `[]`, `{"lists":{}}`, `{"definition":{}}`, `{"definition":` + asJSON + `,"lists":[]}`} {
		if _, err := checklist.LoadPayload(bad); err == nil {
			t.Errorf("payload %q should fail", bad)
		}
	}
}
