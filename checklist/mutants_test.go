package checklist_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"deelwijzer/checklist"
)

// Tests written for mutants that `make mutate` found alive; each names the
// rule it pins down. testdata/mutants.md lists the ones that are harmless.

// TestGroupRowMinimum: a required group needs one filled row even without
// minRows, and minRows above one is kept whether the group is required or not.
func TestGroupRowMinimum(t *testing.T) {
	def := loadYAML(t, `id: rijen
title: "Rijen"
version: "1.0.0"
date: "2026-11-29"
description: "Test"
sections:
  - id: een
    title: "Een"
    items:
      - {id: verplicht, kind: group, question: "Verplicht?", required: true, fields: [{id: naam, kind: text, question: "Naam"}]}
      - {id: twee, kind: group, question: "Twee?", minRows: 2, fields: [{id: naam, kind: text, question: "Naam"}]}
      - {id: beide, kind: group, question: "Beide?", required: true, minRows: 2, fields: [{id: naam, kind: text, question: "Naam"}]}
`)
	errs := checklist.Validate(def, answersFromJSON(t, def, `{"twee":[{"naam":"a"}],"beide":[{"naam":"a"},{}]}`))
	var got []string
	for _, e := range errs {
		got = append(got, e.Field+": "+e.Message)
	}
	want := []string{
		"verplicht: Vul minstens één rij in bij: Verplicht?",
		"twee: Vul minstens 2 rijen in bij: Twee?",
		"beide: Vul minstens 2 rijen in bij: Beide?",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSectionStatus: a step is niet-gestart with nothing answered, bezig
// when partly answered, afgerond when all its visible questions are; a step
// whose questions are all hidden has nothing left to do, so it is afgerond.
func TestSectionStatus(t *testing.T) {
	def := loadYAML(t, `id: stappen
title: "Stappen"
version: "1.0.0"
date: "2026-11-29"
description: "Test"
sections:
  - id: een
    title: "Een"
    items:
      - {id: a, kind: yesno, question: "A?"}
      - {id: b, kind: yesno, question: "B?"}
  - id: twee
    title: "Twee"
    items:
      - {id: c, kind: yesno, question: "C?", showIf: 'a == "ja"'}
`)
	cases := map[string]string{
		`{}`:                            "een niet-gestart 0/2, twee afgerond 0/0",
		`{"a":"nee"}`:                   "een bezig 1/2, twee afgerond 0/0",
		`{"a":"ja","b":"nee"}`:          "een afgerond 2/2, twee niet-gestart 0/1",
		`{"a":"ja","b":"nee","c":"ja"}`: "een afgerond 2/2, twee afgerond 1/1",
	}
	for answers, want := range cases {
		st := checklist.Evaluate(def, answersFromJSON(t, def, answers))
		var got []string
		for _, s := range st.Sections {
			got = append(got, s.ID+" "+s.Status+" "+strconv.Itoa(s.Answered)+"/"+strconv.Itoa(s.Total))
		}
		if g := strings.Join(got, ", "); g != want {
			t.Errorf("%s: %s, want %s", answers, g, want)
		}
	}
}

// TestGroupWarningsInLongText: personal data in a long-text field of a row
// is warned about, with the row and field, like a short text field.
func TestGroupWarningsInLongText(t *testing.T) {
	def := loadYAML(t, `id: rijtekst
title: "Rijtekst"
version: "1.0.0"
date: "2026-11-29"
description: "Test"
sections:
  - id: een
    title: "Een"
    items:
      - id: g
        kind: group
        question: "G?"
        fields:
          - {id: kort, kind: text, question: "Kort"}
          - {id: lang, kind: longtext, question: "Lang"}
          - {id: keuze, kind: choice, question: "Keuze", options: [{value: a, label: A}]}
`)
	st := checklist.Evaluate(def, answersFromJSON(t, def, `{"g":[{"kort":"niets"},{"lang":"BSN 111222333","keuze":"a"},{"kort":"mail info@example.org"}]}`))
	var got []string
	for _, w := range st.Warnings {
		got = append(got, w.Field+"="+strings.Join(w.Kinds, ","))
	}
	if want := "g.1.lang=bsn g.2.kort=email"; strings.Join(got, " ") != want {
		t.Errorf("warnings %q, want %q", strings.Join(got, " "), want)
	}
}

// TestTooManyRows: answers handed to Validate directly (not decoded from a
// file, which already drops extra rows) may not have more rows than maxRows.
func TestTooManyRows(t *testing.T) {
	def := loadBasis(t)
	rows := make([]checklist.Row, 6)
	for i := range rows {
		rows[i] = checklist.Row{"naam": "p" + strconv.Itoa(i)}
	}
	errs := checklist.Validate(def, checklist.Answers{"bestaat": "nee", "rollen": []string{"fg"}, "partners": rows})
	if len(errs) != 1 || errs[0].Message != "Er mogen hoogstens 5 rijen zijn bij: Welke partners doen mee?" {
		t.Errorf("errors %+v", errs)
	}
}

// TestImportSizeLimit: a file of exactly MaxImportSize bytes is read; one
// byte more is refused as too large.
func TestImportSizeLimit(t *testing.T) {
	def := loadBasis(t)
	head := `{"schema":"deelwijzer-antwoorden","schemaVersion":1,"checklist":"basis","definitionVersion":"1.2.0","answers":{"welke":"`
	tail := `"}}`
	fill := func(n int) string {
		return head + strings.Repeat("a", n-len(head)-len(tail)) + tail
	}
	if _, err := checklist.Import(def, fill(checklist.MaxImportSize)); err != nil {
		t.Errorf("a file of exactly %d bytes: %v", checklist.MaxImportSize, err)
	}
	_, err := checklist.Import(def, fill(checklist.MaxImportSize+1))
	if err == nil || !strings.Contains(err.Error(), "te groot") {
		t.Errorf("a file one byte over the limit: %v, want it refused as too large", err)
	}
}

// TestPersonalDataWordEdges: a number glued to a letter is part of a word,
// not a BSN, at both ends of the alphabet and for non-ASCII letters (À is
// the bytes C3 80, the lowest continuation byte).
func TestPersonalDataWordEdges(t *testing.T) {
	for _, glued := range []string{"A111222333", "Z111222333", "a111222333", "z111222333", "À111222333", "é111222333", "0111222333", "111222333Z", "111222333z", "111222333À"} {
		if kinds := checklist.DetectPersonalData(glued); len(kinds) != 0 {
			t.Errorf("%q: %v, want nothing (the digits are part of a word)", glued, kinds)
		}
	}
	for _, free := range []string{"111222333", "Z 111222333", "À 111222333.", "(111222333)"} {
		if kinds := checklist.DetectPersonalData(free); strings.Join(kinds, ",") != "bsn" {
			t.Errorf("%q: %v, want bsn", free, kinds)
		}
	}
}

// loadCondition loads the small definition with cond as the finding's when,
// going through JSON so that quotes and backslashes arrive exactly.
func loadCondition(t *testing.T, cond string) (*checklist.Definition, error) {
	t.Helper()
	text := strings.ReplaceAll(smallDefinitionJSON(t), `"CONDITION"`, checklist.JSONText(cond))
	tree, err := checklist.ParseJSON(text, 0)
	if err != nil {
		t.Fatal(err)
	}
	return checklist.Load(tree, testLists())
}

// TestConditionStringEscapes: inside a condition's text, \" is a quote and
// \\ a backslash; any other backslash is itself.
func TestConditionStringEscapes(t *testing.T) {
	cases := []struct {
		cond, answer string
		want         bool
	}{
		{`t == "a\"b"`, `a"b`, true},
		{`t == "a\\b"`, `a\b`, true},
		{`t == "a\\"`, `a\`, true},
		{`t == "a\nb"`, `a\nb`, true},
		{`t == "a\"b"`, `a\"b`, false},
		{`t == "\\\""`, `\"`, true},
	}
	for _, c := range cases {
		def, err := loadCondition(t, c.cond)
		if err != nil {
			t.Errorf("%s: %v", c.cond, err)
			continue
		}
		st := checklist.Evaluate(def, checklist.Answers{"t": c.answer})
		if got := len(st.Findings) == 1; got != c.want {
			t.Errorf("%s with t = %s: %v, want %v", c.cond, c.answer, got, c.want)
		}
	}
	// A backslash before the closing quote escapes it: the text never ends.
	// So does a backslash at the very end.
	for _, cond := range []string{`t == "a\"`, `t == "a\`} {
		if _, err := loadCondition(t, cond); err == nil || !strings.Contains(err.Error(), "wordt niet afgesloten") {
			t.Errorf(`%s: %v, want an unclosed text`, cond, err)
		}
	}
}

// TestConditionErrorPosition: a mistake is reported at its character,
// counted from 1, so an author finds it.
func TestConditionErrorPosition(t *testing.T) {
	for cond, want := range map[string]string{
		`a = "ja"`:        "bij teken 3: gebruik == om te vergelijken",
		`a == "ja" )`:     "bij teken 11:",
		`(a == "ja"`:      "bij teken 11: verwacht ')'",
		`a == "ja" @`:     "bij teken 11: onverwacht teken",
		`t == "open`:      "bij teken 6: de tekst tussen aanhalingstekens wordt niet afgesloten",
		`not not not a b`: "bij teken 15:",
	} {
		_, err := loadCondition(t, cond)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want …%s…", cond, err, want)
		}
	}
}

// TestBSNSeparators: a BSN may be grouped with dots, spaces or dashes, not
// with other characters.
func TestBSNSeparators(t *testing.T) {
	for text, want := range map[string]string{
		"111-222-333": "bsn", "111.222.333": "bsn", "111 222 333": "bsn", "1112-22-333": "bsn",
		"111/222/333": "", "111_222_333": "", "111,222,333": "", "111--222333": "",
	} {
		if got := strings.Join(checklist.DetectPersonalData(text), ","); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

// TestConditionDepthLimit: 64 levels of nesting load, 65 are refused, for
// brackets, not and the brackets of a function.
func TestConditionDepthLimit(t *testing.T) {
	nest := func(n int, open, inner, close string) string {
		return strings.Repeat(open, n) + inner + strings.Repeat(close, n)
	}
	for name, build := range map[string]func(int) string{
		"brackets": func(n int) string { return nest(n, "(", `a == "ja"`, ")") },
		"not":      func(n int) string { return nest(n, "not ", `a == "ja"`, "") },
		"function": func(n int) string { return nest(n-1, "(", "answered(a)", ")") },
	} {
		if _, err := loadCondition(t, build(64)); err != nil {
			t.Errorf("%s, 64 deep: %v", name, err)
		}
		if _, err := loadCondition(t, build(65)); err == nil || !strings.Contains(err.Error(), "te diep genest") {
			t.Errorf("%s, 65 deep: %v, want too deep", name, err)
		}
	}
}

// TestLaterQuestionNotFirst: a showIf that names a later question is refused
// also when that question is not the first name in the condition.
func TestLaterQuestionNotFirst(t *testing.T) {
	src := strings.Replace(smallWith(`true`, `true`, "x"), `{id: t, kind: text, question: "T?"}`, `{id: t, kind: text, question: "T?", showIf: 'a == "ja" and b == "x" and d == "2026-01-01"'}`, 1)
	ps := problems(t, src)
	for _, p := range ps {
		if strings.Contains(p.Message, "verwijst naar 'd', maar die vraag staat later") {
			return
		}
	}
	t.Errorf("want the later question d reported, got %v", ps)
}

// TestBSNChunks: a 9-digit group followed by another number, and one that
// ends a longer run of numbers, are still found.
func TestBSNChunks(t *testing.T) {
	for text, want := range map[string]string{
		"111222333 4": "bsn", "111222333-12": "bsn", "12 111222333": "bsn", "4 5 111222333": "bsn",
		"111222334 4": "", "12 111222334": "",
	} {
		if got := strings.Join(checklist.DetectPersonalData(text), ","); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

// TestFullDateForms: every written form of a full date is found, and
// near-misses are not.
func TestFullDateForms(t *testing.T) {
	for text, want := range map[string]bool{
		"12-05-1985": true, "12/05/1985": true, "12.05.1985": true, "1-2-1985": true, "1-12-1985": true,
		"12-5-1985": true, "1985-05-12": true, "12 maart 1985": true, "12 mrt. 1985": true,
		"123-05-1985": false, "12-123-1985": false, "12-05-85": false, "12x05x1985": false,
		"12.05-1985": false, "1985-5-12": false, "85-05-12": false, "32-05-1985": false, "12-13-1985": false,
		// A date cut off at the end of the text: nothing found, nothing read past the end.
		"tot 12-05": false, "tot 12-": false, "tot 12-05-": false, "12--1985": false,
		"op 12 maart": false, "op 1 mrt.": false, "12 boom 1985": false, "2 maart 1985": true,
	} {
		got := slices.Contains(checklist.DetectPersonalData(text), checklist.PIIBirthDate)
		if got != want {
			t.Errorf("%q: date found %v, want %v", text, got, want)
		}
	}
}

// TestOptionsFromEmptyList: a choice or multi whose options come from a list
// that is still empty cannot be checked against its options, so a condition
// naming a value loads (the list fills later; cmd/defcheck checks real data).
func TestOptionsFromEmptyList(t *testing.T) {
	skipWithoutAuthorChecks(t)
	src := strings.Replace(smallWith(`p == "iets" and includes(q, "iemand")`, `true`, "x"),
		`      - {id: t, kind: text, question: "T?"}`,
		`      - {id: t, kind: text, question: "T?"}
      - {id: p, kind: choice, question: "P?", optionsFrom: partners}
      - {id: q, kind: multi, question: "Q?", optionsFrom: partners}`, 1)
	if ps := problems(t, src); ps != nil {
		t.Errorf("problems %v", ps)
	}
}

// TestConditionLimits: numbers of up to nine digits (with a minus sign, ten
// characters) and conditions of up to maxConditionLength (2000) characters
// load; one more is refused.
func TestConditionLimits(t *testing.T) {
	padded := func(n int) string { // a valid condition of exactly n characters
		c := `a == "ja"`
		return c + strings.Repeat(" ", n-len(c))
	}
	for cond, want := range map[string]string{
		`999999999 > 0`:   "",
		`1000000000 > 0`:  "getal is te groot",
		`-999999999 < 0`:  "",
		`-1000000000 < 0`: "'-1000000000' is geen geldige naam",
		padded(2000):      "",
		padded(2001):      "te lang (meer dan 2000 tekens)",
	} {
		_, err := loadCondition(t, cond)
		if want == "" && err != nil {
			t.Errorf("%.20s… (%d characters): %v", cond, len(cond), err)
		}
		if want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("%.20s… (%d characters): %v, want …%s…", cond, len(cond), err, want)
		}
	}
	def, err := loadCondition(t, `-999999999 < 999999999`)
	if err != nil || len(checklist.Evaluate(def, nil).Findings) != 1 {
		t.Errorf("-999999999 < 999999999 is not true: %v", err)
	}
}

// TestPersonalDataBounds: the first and last year taken as a date, the
// shortest IBAN (Norway, 15 characters), and text that ends in a space after
// a word of four letters (the IBAN scanner looks one character ahead).
func TestPersonalDataBounds(t *testing.T) {
	for text, want := range map[string]string{
		"01-01-1900": "geboortedatum", "31-12-2099": "geboortedatum",
		"31-12-1899": "", "01-01-2100": "",
		"NO93 8601 1117 947": "iban", "NO9386011117947": "iban", "NO93 8601 1117 94": "",
		"NL91 ABNA 0417 1643 00": "iban",
		// The longest an IBAN may be (34) passes the check, 35 does not.
		"GB57111111111111111111111111111111": "iban", "GB901111111111111111111111111111111": "",
		"Naam ": "", "NL91 ": "", "test ": "",
	} {
		if got := strings.Join(checklist.DetectPersonalData(text), ","); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

// TestReportEscapesListStarts: an answer that starts with a number and a dot
// or bracket, or with the dot or bracket alone, cannot start a numbered list.
func TestReportEscapesListStarts(t *testing.T) {
	def := loadBasis(t)
	for text, want := range map[string]string{
		"1. eerste":         `1\. eerste`,
		"12) twee":          `12\) twee`,
		"  3. ingesprongen": `3\. ingesprongen`,
		".punt":             ".punt",
		") haakje":          ") haakje",
		"versie 2.0":        "versie 2.0",
	} {
		report := checklist.Report(def, checklist.Answers{"bestaat": "ja", "welke": text}, nil)
		if !strings.Contains(report, "\n"+want+"\n") && !strings.Contains(report, "\n  "+want+"\n") {
			t.Errorf("%q: report lacks the line %q:\n%s", text, want, report)
		}
	}
}

// TestEscapeMarkdownIndentedNumber: EscapeMarkdown (also used for text that
// is not trimmed) escapes a numbered-list start after leading spaces.
func TestEscapeMarkdownIndentedNumber(t *testing.T) {
	for in, want := range map[string]string{
		"  3. ingesprongen": `  3\. ingesprongen`,
		"\t4) tab":          "\t4\\) tab",
		"a\n 5. regel":      "a\n 5\\. regel",
		"x 6. geen lijst":   "x 6. geen lijst",
	} {
		if got := checklist.EscapeMarkdown(in); got != want {
			t.Errorf("EscapeMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPostcodeEdges: postcodes from 1000 to 9999 with a house number count,
// a postcode cut off after one letter does not (and is not read past).
func TestPostcodeEdges(t *testing.T) {
	for text, want := range map[string]string{
		"9712 CP 1": "postcode", "1011 AB 12": "postcode", "1011AB 12": "postcode", "Dorpsstraat 12, 9999 ZZ": "postcode",
		"0123 AB 12": "", " 1234 A": "", "adres 1234 A": "", "1234 AB": "", "1234 AB ": "", "1234 AB, ": "", "1234 AB 0": "",
	} {
		if got := strings.Join(checklist.DetectPersonalData(text), ","); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

// TestPostcodeHouseNumberBefore: the address order "12a, 1234 AB" and
// "1 1234 AB" count; a letter without a number before the postcode does not.
func TestPostcodeHouseNumberBefore(t *testing.T) {
	for text, want := range map[string]string{
		"12a, 1234 AB": "postcode", "1 1234 AB": "postcode", "Dorpsstraat 7 1234 AB": "postcode",
		"a 1234 AB": "", "A, 1234 AB": "", ", 1234 AB": "",
	} {
		if got := strings.Join(checklist.DetectPersonalData(text), ","); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

// TestEmailEdges: odd but valid local parts, an @ at the very start before a
// real address, a full stop after the address; a local part of dots only is
// no address.
func TestEmailEdges(t *testing.T) {
	for text, want := range map[string]string{
		"a.@example.org": "email", "_@example.org": "email", "@home jan@example.org": "email",
		"mail jan@example.org.": "email", "jan@example.org-": "email",
		"...@example.org": "", "jan@example.o": "", "jan@example": "", "@example.org": "",
		"jan@.org": "", "jan@host.12": "", "jan@host.o2": "", "@@ jan@example.org": "email",
	} {
		if got := strings.Join(checklist.DetectPersonalData(text), ","); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}
