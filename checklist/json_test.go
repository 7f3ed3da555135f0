package checklist_test

import (
	"errors"
	"strings"
	"testing"

	"deelwijzer/checklist"
)

func TestJSONRoundTrip(t *testing.T) {
	cases := []struct{ in, out string }{
		{`{"b":1,"a":[true,false,null],"c":"x"}`, `{"b":1,"a":[true,false,null],"c":"x"}`},
		{` [ ] `, `[]`},
		{`{}`, `{}`},
		{`"\u00e9\ud83d\ude00\n\t\"\\\/"`, `"é😀\n\t\"\\/"`},
		{`"<script>&"`, `"\u003cscript\u003e\u0026"`},
		{`-0.5`, `-0.5`},
		{`1e3`, `1e3`},
		{`[-1,0,-123456789012345,0.25,-7.5]`, `[-1,0,-123456789012345,0.25,-7.5]`},
		{`12345678901234`, `12345678901234`},
		{`{"a":1,"a":2}`, `{"a":2}`},
		{`"\ud800x"`, "\"\uFFFDx\""},
		{"\"\xff\"", "\"\uFFFD\""},
		{"\ufeff{}", `{}`},
		{`"\u2028"`, `"\u2028"`},
	}
	for _, c := range cases {
		tree, err := checklist.ParseJSON(c.in, 0)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if got := checklist.JSONText(tree); got != c.out {
			t.Errorf("%q: got %s, want %s", c.in, got, c.out)
		}
	}
}

func TestJSONErrors(t *testing.T) {
	cases := []struct {
		in        string
		truncated bool
		tooDeep   bool
	}{
		{`{"a":`, true, false},
		{`[1,2`, true, false},
		{`"abc`, true, false},
		{`tru`, true, false},
		{`{"a":"\u00`, true, false},
		{``, true, false},
		{`{"a" 1}`, false, false},
		{`[1,]`, false, false},
		{`01`, false, false},
		{`{a:1}`, false, false},
		{`nul x`, false, false},
		{`"a\qb"`, false, false},
		{"\"a\nb\"", false, false},
		{`{} x`, false, false},
		{strings.Repeat("[", 33) + strings.Repeat("]", 33), false, true},
	}
	for _, c := range cases {
		_, err := checklist.ParseJSON(c.in, 0)
		var je *checklist.JSONError
		if !errors.As(err, &je) {
			t.Errorf("%q: want JSONError, got %v", c.in, err)
			continue
		}
		if je.Truncated != c.truncated || je.TooDeep != c.tooDeep {
			t.Errorf("%q: truncated=%v tooDeep=%v (%v)", c.in, je.Truncated, je.TooDeep, err)
		}
	}
	if _, err := checklist.ParseJSON(strings.Repeat("[", 32)+strings.Repeat("]", 32), 0); err != nil {
		t.Errorf("32 levels must be fine: %v", err)
	}
}

func TestPersonalData(t *testing.T) {
	cases := []struct {
		text string
		want string
	}{
		{"Geen gegevens, alleen uitleg over stap 3 en 2026.", ""},
		{"BSN 111222333", "bsn"},
		{"bsn: 123.456.782.", "bsn"},
		{"1234 56 782", "bsn"},
		{"123456789 voldoet niet aan de elfproef", ""},
		{"1234567820 is te lang", ""},
		{"000000000", ""},
		{"ordernummer A123456782", ""},
		{"geboren 12-03-1985", "geboortedatum"},
		{"op 1/2/1990", "geboortedatum"},
		{"12 maart 1985", "geboortedatum"},
		{"3 mrt. 2001", "geboortedatum"},
		{"1985-03-12", "geboortedatum"},
		{"31-02-1985 bestaat niet", ""},
		{"stap 12-03 van het plan", ""},
		{"NL91 ABNA 0417 1643 00", "iban"},
		{"nl91abna0417164300", "iban"},
		{"NL91 ABNA 0417 1643 01", ""},
		{"Dorpsstraat 12, 1234 AB Utrecht", "postcode"},
		{"1234 AB 12", "postcode"},
		{"1234AB 7a", "postcode"},
		{"postcodegebied 1234 AB", ""},
		{"1234 SS 12", ""},
		{"mail j.jansen@gemeente.nl", "email"},
		{"a@b", ""},
		{"@gemeente.nl", ""},
		{"BSN 111222333, mail x@y.nl, NL91ABNA0417164300, 1 januari 1970, 1234 AB 1", "bsn,geboortedatum,iban,postcode,email"},
	}
	for _, c := range cases {
		if got := strings.Join(checklist.DetectPersonalData(c.text), ","); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

func TestEscapeMarkdown(t *testing.T) {
	cases := map[string]string{
		"gewone tekst, met komma.": "gewone tekst, met komma.",
		"# kop":                    `\# kop`,
		"  - lijst":                `  \- lijst`,
		"12. punt":                 `12\. punt`,
		"stap 12. punt":            "stap 12. punt",
		"a|b":                      `a\|b`,
		"<img src=x>":              `\<img src=x\>`,
		"[x](y)":                   `\[x\](y)`,
		"**vet** _x_ `c` ~~d~~":    "\\*\\*vet\\*\\* \\_x\\_ \\`c\\` \\~\\~d\\~\\~",
		"&amp; \\":                 `\&amp; \\`,
	}
	for in, want := range cases {
		if got := checklist.EscapeMarkdown(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
	if got := checklist.EscapeTableCell("a\nb|c"); got != `a b\|c` {
		t.Errorf("table cell: %q", got)
	}
}
