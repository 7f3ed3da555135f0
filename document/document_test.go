package document_test

import (
	"bytes"
	"encoding/xml"
	"path"
	"strings"
	"testing"

	"deelwijzer/document"
)

func sample() *document.Document {
	return &document.Document{
		Title: "Voorbeeld",
		Meta:  [][2]string{{"Status", "concept"}},
		Date:  testDate,
		Blocks: []document.Block{
			{Kind: document.Heading, Level: 1, Text: "Kop"},
			{Kind: document.Paragraph, Text: "Regel een\nregel twee\tmet tab en  twee spaties"},
			{Kind: document.Note, Text: "Let op"},
			{Kind: document.BulletList, Items: []string{"a", "b"}},
			{Kind: document.NumberedList, Items: []string{"een", "twee"}},
			{Kind: document.NumberedList, Items: []string{"weer een"}},
			{Kind: document.Table, Header: []string{"A", "B"}, Rows: [][]string{{"1", "2"}, {"3"}}},
			{Kind: document.Table, Header: []string{"C"}, Rows: [][]string{{"4"}}},
		},
	}
}

// TestDOCXStructure: every part has a content type, every relationship
// points to a part that exists, every XML part is well-formed, and the
// document uses styles (Title, Heading1, list and table styles).
func TestDOCXStructure(t *testing.T) {
	files := checkDOCX(t, sample().DOCX())
	doc := string(files["word/document.xml"])
	for _, want := range []string{`w:val="Title"`, `w:val="Heading1"`, `w:val="Tabel"`, `<w:tblHeader/>`,
		// Two tables in a row stay apart, and the body does not end in a table.
		`</w:tbl><w:p/><w:tbl>`, `</w:tbl><w:p/><w:sectPr>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if strings.Contains(doc, "<w:rPr><w:b/>") || strings.Contains(doc, "<w:sz ") {
		t.Error("direct formatting in document.xml; use a style")
	}
}

func checkDOCX(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	names, files, _ := unzip(t, b)
	for _, n := range names {
		if strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".rels") {
			wellFormed(t, n, files[n])
		}
	}
	var types struct {
		Default []struct {
			Extension string `xml:"Extension,attr"`
		}
		Override []struct {
			PartName string `xml:"PartName,attr"`
		}
	}
	if err := xml.Unmarshal(files["[Content_Types].xml"], &types); err != nil {
		t.Fatal(err)
	}
	exts, parts := map[string]bool{}, map[string]bool{}
	for _, d := range types.Default {
		exts[d.Extension] = true
	}
	for _, o := range types.Override {
		parts[o.PartName] = true
		if _, ok := files[strings.TrimPrefix(o.PartName, "/")]; !ok {
			t.Errorf("content type for missing part %s", o.PartName)
		}
	}
	for _, n := range names {
		if n == "[Content_Types].xml" {
			continue
		}
		if !parts["/"+n] && !exts[path.Ext(n)[1:]] {
			t.Errorf("part %s has no content type", n)
		}
	}
	for _, n := range names {
		if !strings.HasSuffix(n, ".rels") {
			continue
		}
		var rels struct {
			Relationship []struct {
				Target string `xml:"Target,attr"`
				Mode   string `xml:"TargetMode,attr"`
			}
		}
		if err := xml.Unmarshal(files[n], &rels); err != nil {
			t.Fatal(err)
		}
		// _rels/.rels is about the package root; word/_rels/x.rels about word/x.
		base := path.Dir(path.Dir(n))
		for _, r := range rels.Relationship {
			target := path.Join(base, r.Target)
			if _, ok := files[target]; !ok || r.Mode == "External" {
				t.Errorf("%s: relationship target %s does not exist", n, r.Target)
			}
		}
	}
	return files
}

// TestDOCXNumberedListsRestart: each numbered list gets its own numbering
// instance, so the second list starts at 1 again.
func TestDOCXNumberedListsRestart(t *testing.T) {
	_, files, _ := unzip(t, sample().DOCX())
	doc, num := string(files["word/document.xml"]), string(files["word/numbering.xml"])
	if !strings.Contains(doc, `<w:numId w:val="2"/>`) || !strings.Contains(doc, `<w:numId w:val="3"/>`) {
		t.Errorf("two numbered lists should use numbering 2 and 3:\n%s", doc)
	}
	if strings.Count(num, "<w:startOverride") != 2 {
		t.Errorf("numbering.xml should restart two lists:\n%s", num)
	}
}

// TestODTStructure: mimetype first and stored, the manifest names every
// part, all XML well-formed, headings as text:h with an outline level,
// and the table header in table:table-header-rows.
func TestODTStructure(t *testing.T) {
	b := sample().ODT()
	names, files, methods := unzip(t, b)
	if names[0] != "mimetype" || methods["mimetype"] != 0 || string(files["mimetype"]) != "application/vnd.oasis.opendocument.text" {
		t.Fatalf("mimetype must be the first, stored entry: %v", names)
	}
	if !bytes.HasPrefix(b[30:], []byte("mimetypeapplication/vnd.oasis.opendocument.text")) {
		t.Error("the mimetype must be readable at byte 38 of the file")
	}
	manifest := string(files["META-INF/manifest.xml"])
	for _, n := range names {
		if n == "mimetype" || n == "META-INF/manifest.xml" {
			continue
		}
		if !strings.Contains(manifest, `manifest:full-path="`+n+`"`) {
			t.Errorf("manifest lacks %s", n)
		}
		wellFormed(t, n, files[n])
	}
	content := string(files["content.xml"])
	for _, want := range []string{`<text:h text:style-name="Heading_20_1" text:outline-level="1">Kop</text:h>`, `<table:table-header-rows>`, `<text:line-break/>`, `<text:tab/>`, `en <text:s text:c="1"/>twee spaties`} {
		if !strings.Contains(content, want) {
			t.Errorf("content.xml lacks %s", want)
		}
	}
}

// hostile holds text that would be markup, a field, a macro or a formula
// if it were not escaped.
var hostile = []string{
	`<w:fldSimple w:instr="HYPERLINK http://x"/>`,
	`]]><script>alert(1)</script>`,
	`Tom & Jerry "quoted" 'single'`,
	`=cmd|' /C calc'!A0`,
	`{ DDEAUTO c:\\windows\\system32\\cmd.exe "/k calc" }`,
	`<text:h text:outline-level="1">kop</text:h>`,
	`</w:t></w:r><w:r><w:instrText>INCLUDETEXT</w:instrText>`,
	"nul\x00bel\x07esc\x1b[31mc1\u0085end",
	"\xff\xfe invalid utf-8",
	"{{werkproces}}",
}

// TestHostileTextStaysText renders every hostile string in every kind of
// block and checks, per format, that the XML stays well-formed, that no
// element appears that the writer did not make, and that the text reads
// back as typed (control characters removed).
func TestHostileTextStaysText(t *testing.T) {
	d := &document.Document{Title: strings.Join(hostile, " "), Date: testDate}
	for _, h := range hostile {
		d.Meta = append(d.Meta, [2]string{h, h})
		d.Blocks = append(d.Blocks,
			document.Block{Kind: document.Heading, Level: 2, Text: h},
			document.Block{Kind: document.Paragraph, Text: h},
			document.Block{Kind: document.Note, Text: h},
			document.Block{Kind: document.BulletList, Items: []string{h}},
			document.Block{Kind: document.Table, Header: []string{h}, Rows: [][]string{{h}}})
	}
	want := func(h string) string {
		h = strings.NewReplacer("\x00", "", "\x07", "", "\x1b", "", "\u0085", "").Replace(h)
		return strings.ToValidUTF8(h, "\uFFFD")
	}
	docx := checkDOCX(t, d.DOCX())
	for part, allowed := range map[string]string{"word/document.xml": "document body p pPr pStyle r rPr rStyle t br tab tbl tblPr tblStyle tblW tblLook tblGrid gridCol tr trPr cantSplit tblHeader tc tcPr tcW sectPr pgSz pgMar numPr ilvl numId", "docProps/core.xml": "coreProperties title creator language created"} {
		text, elements := xmlText(t, docx[part])
		checkElements(t, part, elements, allowed)
		for _, h := range hostile {
			if !strings.Contains(text, want(h)) {
				t.Errorf("%s: %q does not read back as text", part, h)
			}
		}
	}
	_, odt, _ := unzip(t, d.ODT())
	for part, allowed := range map[string]string{"content.xml": "document-content automatic-styles style table-properties table-cell-properties body text p span h list list-item table table-column table-header-rows table-row table-cell line-break tab s", "meta.xml": "document-meta meta generator title language creation-date"} {
		wellFormed(t, part, odt[part])
		text, elements := xmlText(t, odt[part])
		checkElements(t, part, elements, allowed)
		for _, h := range hostile {
			if !strings.Contains(text, want(h)) {
				t.Errorf("%s: %q does not read back as text", part, h)
			}
		}
	}
}

func checkElements(t *testing.T, part string, elements map[string]bool, allowed string) {
	t.Helper()
	ok := map[string]bool{}
	for _, a := range strings.Fields(allowed) {
		ok[a] = true
	}
	for e := range elements {
		local := e[strings.LastIndexByte(e, ' ')+1:]
		if !ok[local] {
			t.Errorf("%s: unexpected element %s", part, e)
		}
		if strings.Contains(e, "fldSimple") || strings.Contains(e, "instrText") || strings.Contains(e, "script") {
			t.Errorf("%s: a field or script element came from text: %s", part, e)
		}
	}
}

// TestDeterministic: the same document gives the same bytes (fixed ZIP
// times), so golden files and caches stay stable.
func TestDeterministic(t *testing.T) {
	if !bytes.Equal(sample().DOCX(), sample().DOCX()) || !bytes.Equal(sample().ODT(), sample().ODT()) {
		t.Error("two renderings differ")
	}
}
