package document

// ODT returns the document as an OpenDocument text file (.odt). Headings
// are text:h with an outline level, lists use named list styles, and tables
// have a repeated header row; the look lives in named styles (styles.xml).
func (d *Document) ODT() []byte {
	var z zipWriter
	// The mimetype entry comes first and is stored, so a reader can tell
	// the file type from the first bytes (ODF 1.2 part 3, 3.3).
	z.add("mimetype", []byte("application/vnd.oasis.opendocument.text"))
	z.add("META-INF/manifest.xml", []byte(xmlHeader+`<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">`+
		`<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>`+
		`<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>`+
		`<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>`+
		`<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>`+
		`</manifest:manifest>`))
	z.add("content.xml", d.odtContent())
	z.add("styles.xml", []byte(odtStyles))
	z.add("meta.xml", d.odtMeta())
	return z.bytes()
}

const odtNS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"`

func (d *Document) odtContent() []byte {
	b := []byte(xmlHeader + `<office:document-content ` + odtNS + `>` +
		// Tables and cells are formatted with automatic styles, as ODF
		// does; they only set width and borders.
		`<office:automatic-styles>` +
		`<style:style style:name="Tabel" style:family="table"><style:table-properties style:width="16cm" table:align="margins"/></style:style>` +
		`<style:style style:name="Cel" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #808080"/></style:style>` +
		`<style:style style:name="Kopcel" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #808080" fo:background-color="#d9e2f3"/></style:style>` +
		`</office:automatic-styles><office:body><office:text>`)
	b = odtPara(b, "p", "Title", d.Title)
	for _, m := range d.Meta {
		b = append(b, `<text:p text:style-name="Documentgegevens"><text:span text:style-name="Label">`...)
		b = appendEscaped(b, m[0]+": ")
		b = append(b, `</text:span>`...)
		b = odtText(b, m[1])
		b = append(b, `</text:p>`...)
	}
	tables := 0
	for _, bl := range d.Blocks {
		switch bl.Kind {
		case Heading:
			l := itoa(headingLevel(bl.Level))
			b = append(b, `<text:h text:style-name="Heading_20_`+l+`" text:outline-level="`+l+`">`...)
			b = odtText(b, bl.Text)
			b = append(b, `</text:h>`...)
		case Paragraph:
			b = odtPara(b, "p", "Text_20_body", bl.Text)
		case Note:
			b = odtPara(b, "p", "Opmerking", bl.Text)
		case BulletList, NumberedList:
			style, para := "Opsomming", "List_20_Bullet"
			if bl.Kind == NumberedList {
				style, para = "Nummering", "List_20_Number"
			}
			b = append(b, `<text:list text:style-name="`+style+`">`...)
			for _, it := range bl.Items {
				b = append(b, `<text:list-item>`...)
				b = odtPara(b, "p", para, it)
				b = append(b, `</text:list-item>`...)
			}
			b = append(b, `</text:list>`...)
		case Table:
			tables++
			b = odtTable(b, bl, tables)
		}
	}
	return append(b, `</office:text></office:body></office:document-content>`...)
}

func odtPara(b []byte, tag, style, text string) []byte {
	b = append(b, `<text:`+tag+` text:style-name="`+style+`">`...)
	b = odtText(b, text)
	return append(b, `</text:`+tag+`>`...)
}

// odtText writes text with line breaks and tabs as ODF elements, and runs
// of spaces as text:s, so the text reads as typed.
func odtText(b []byte, text string) []byte {
	text = clean(text)
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '\n' && text[i] != '\t' && !(text[i] == ' ' && i+1 < len(text) && text[i+1] == ' ') {
			continue
		}
		b = appendEscaped(b, text[start:i])
		if i == len(text) {
			break
		}
		switch text[i] {
		case '\n':
			b = append(b, `<text:line-break/>`...)
		case '\t':
			b = append(b, `<text:tab/>`...)
		default: // two or more spaces: one space, then the rest counted
			n := 0
			for i+1 < len(text) && text[i+1] == ' ' {
				i++
				n++
			}
			b = append(b, ` <text:s text:c="`+itoa(n)+`"/>`...)
		}
		start = i + 1
	}
	return b
}

func odtTable(b []byte, bl Block, n int) []byte {
	cols := len(bl.Header)
	for _, r := range bl.Rows {
		if len(r) > cols {
			cols = len(r)
		}
	}
	if cols == 0 {
		return b
	}
	b = append(b, `<table:table table:name="Tabel`+itoa(n)+`" table:style-name="Tabel"><table:table-column table:number-columns-repeated="`+itoa(cols)+`"/>`...)
	row := func(cells []string, cell, para string) {
		b = append(b, `<table:table-row>`...)
		for i := 0; i < cols; i++ {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			b = append(b, `<table:table-cell table:style-name="`+cell+`" office:value-type="string">`...)
			b = odtPara(b, "p", para, c)
			b = append(b, `</table:table-cell>`...)
		}
		b = append(b, `</table:table-row>`...)
	}
	if len(bl.Header) > 0 {
		b = append(b, `<table:table-header-rows>`...)
		row(bl.Header, "Kopcel", "Table_20_Heading")
		b = append(b, `</table:table-header-rows>`...)
	}
	for _, r := range bl.Rows {
		row(r, "Cel", "Table_20_Contents")
	}
	return append(b, `</table:table>`...)
}

func (d *Document) odtMeta() []byte {
	b := []byte(xmlHeader + `<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta><meta:generator>Deelwijzer</meta:generator><dc:title>`)
	b = appendEscaped(b, d.Title)
	b = append(b, `</dc:title><dc:language>nl-NL</dc:language>`...)
	if validDate(d.Date) {
		b = append(b, `<meta:creation-date>`+d.Date+`T00:00:00</meta:creation-date>`...)
	}
	return append(b, `</office:meta></office:document-meta>`...)
}

// odtStyles: the named styles, the list styles, the outline numbering
// (none: headings are not numbered) and an A4 page.
const odtStyles = xmlHeader + `<office:document-styles ` + odtNS + `>` +
	`<office:font-face-decls><style:font-face style:name="Arial" svg:font-family="Arial" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>` +
	`<office:styles>` +
	`<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm" fo:line-height="115%"/><style:text-properties style:font-name="Arial" fo:font-size="11pt" fo:language="nl" fo:country="NL"/></style:default-style>` +
	`<style:style style:name="Standard" style:family="paragraph" style:class="text"/>` +
	`<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"/>` +
	`<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="chapter"><style:paragraph-properties fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="20pt" fo:font-weight="bold"/></style:style>` +
	`<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>` +
	`<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text"><style:paragraph-properties fo:margin-top="0.6cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="16pt"/></style:style>` +
	`<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="13pt"/></style:style>` +
	`<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="3" style:class="text"><style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.15cm"/><style:text-properties fo:font-size="11pt"/></style:style>` +
	`<style:style style:name="List_20_Bullet" style:display-name="List Bullet" style:family="paragraph" style:parent-style-name="Standard" style:class="list"><style:paragraph-properties fo:margin-bottom="0.1cm"/></style:style>` +
	`<style:style style:name="List_20_Number" style:display-name="List Number" style:family="paragraph" style:parent-style-name="Standard" style:class="list"><style:paragraph-properties fo:margin-bottom="0.1cm"/></style:style>` +
	`<style:style style:name="Opmerking" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-left="0.4cm" fo:padding-left="0.3cm" fo:border-left="2.25pt solid #1f4e79"/><style:text-properties fo:font-weight="bold"/></style:style>` +
	`<style:style style:name="Documentgegevens" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-bottom="0cm"/></style:style>` +
	`<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:margin-bottom="0cm" fo:line-height="100%"/><style:text-properties fo:font-size="10pt"/></style:style>` +
	`<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra"><style:text-properties fo:font-weight="bold"/></style:style>` +
	`<style:style style:name="Label" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>` +
	`<text:outline-style style:name="Outline"><text:outline-level-style text:level="1" style:num-format=""/><text:outline-level-style text:level="2" style:num-format=""/><text:outline-level-style text:level="3" style:num-format=""/></text:outline-style>` +
	`<text:list-style style:name="Opsomming"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.635cm" fo:text-indent="-0.635cm" fo:margin-left="0.635cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>` +
	`<text:list-style style:name="Nummering"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.635cm" fo:text-indent="-0.635cm" fo:margin-left="0.635cm"/></style:list-level-properties></text:list-level-style-number></text:list-style>` +
	`</office:styles>` +
	`<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2.5cm" fo:margin-bottom="2.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/></style:page-layout></office:automatic-styles>` +
	`<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>` +
	`</office:document-styles>`
