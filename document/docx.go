package document

// DOCX returns the document as a WordprocessingML file (.docx). All layout
// comes from named styles in styles.xml (Title, Heading1 to Heading3, List
// Bullet, List Number, a table style), so the reader can change the look of
// the whole document in one place; paragraphs carry only a style name.
func (d *Document) DOCX() []byte {
	var z zipWriter
	z.add("[Content_Types].xml", []byte(xmlHeader+`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`+
		`<Default Extension="xml" ContentType="application/xml"/>`+
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>`+
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>`+
		`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>`+
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`+
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`+
		`</Types>`))
	z.add("_rels/.rels", []byte(xmlHeader+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>`+
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`+
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>`+
		`</Relationships>`))
	z.add("word/_rels/document.xml.rels", []byte(xmlHeader+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`+
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`+
		`</Relationships>`))
	doc, lists := d.docxBody()
	z.add("word/document.xml", doc)
	z.add("word/styles.xml", []byte(docxStyles))
	z.add("word/numbering.xml", docxNumbering(lists))
	z.add("docProps/core.xml", d.docxCore())
	z.add("docProps/app.xml", []byte(xmlHeader+`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Deelwijzer</Application></Properties>`))
	return z.bytes()
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// docxBody writes word/document.xml and returns how many numbered lists it
// has: each gets its own numbering instance, so each starts at 1.
func (d *Document) docxBody() ([]byte, int) {
	b := []byte(xmlHeader + `<w:document ` + wNS + `><w:body>`)
	b = docxPara(b, "Title", d.Title)
	for _, m := range d.Meta {
		b = append(b, `<w:p><w:pPr><w:pStyle w:val="Documentgegevens"/></w:pPr><w:r><w:rPr><w:rStyle w:val="Label"/></w:rPr><w:t xml:space="preserve">`...)
		b = appendEscaped(b, m[0]+": ")
		b = append(b, `</w:t></w:r>`...)
		b = docxRuns(b, m[1])
		b = append(b, `</w:p>`...)
	}
	lists := 0
	for i, bl := range d.Blocks {
		switch bl.Kind {
		case Heading:
			b = docxPara(b, "Heading"+itoa(headingLevel(bl.Level)), bl.Text)
		case Paragraph:
			b = docxPara(b, "", bl.Text)
		case Note:
			b = docxPara(b, "Opmerking", bl.Text)
		case BulletList:
			for _, it := range bl.Items {
				b = docxPara(b, "ListBullet", it)
			}
		case NumberedList:
			lists++
			for _, it := range bl.Items {
				b = append(b, `<w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="`...)
				b = append(b, itoa(lists+1)...)
				b = append(b, `"/></w:numPr></w:pPr>`...)
				b = docxRuns(b, it)
				b = append(b, `</w:p>`...)
			}
		case Table:
			b = docxTable(b, bl)
			// Two tables in a row would merge into one in Word, and the body
			// must not end in a table: an empty paragraph in between (only
			// there, as it adds a blank line).
			if i+1 == len(d.Blocks) || d.Blocks[i+1].Kind == Table {
				b = append(b, `<w:p/>`...)
			}
		}
	}
	// A4, margins of 2.5 cm.
	b = append(b, `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>`...)
	return b, lists
}

func headingLevel(l int) int {
	if l < 1 {
		return 1
	}
	if l > 3 {
		return 3
	}
	return l
}

func docxPara(b []byte, style, text string) []byte {
	b = append(b, `<w:p>`...)
	if style != "" {
		b = append(b, `<w:pPr><w:pStyle w:val="`...)
		b = append(b, style...)
		b = append(b, `"/></w:pPr>`...)
	}
	b = docxRuns(b, text)
	return append(b, `</w:p>`...)
}

// docxRuns writes text as one run; a line feed becomes a line break and a
// tab a tab, never markup from the text itself.
func docxRuns(b []byte, text string) []byte {
	text = clean(text)
	if text == "" {
		return b
	}
	b = append(b, `<w:r>`...)
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '\n' && text[i] != '\t' {
			continue
		}
		if i > start {
			b = append(b, `<w:t xml:space="preserve">`...)
			b = appendEscaped(b, text[start:i])
			b = append(b, `</w:t>`...)
		}
		if i < len(text) {
			if text[i] == '\n' {
				b = append(b, `<w:br/>`...)
			} else {
				b = append(b, `<w:tab/>`...)
			}
		}
		start = i + 1
	}
	return append(b, `</w:r>`...)
}

// docxTable writes a table in the style "Tabel" over the full text width,
// its header row repeated at the top of every page.
func docxTable(b []byte, bl Block) []byte {
	cols := len(bl.Header)
	for _, r := range bl.Rows {
		if len(r) > cols {
			cols = len(r)
		}
	}
	if cols == 0 {
		return b
	}
	width := 9070 / cols // text width in twentieths of a point
	b = append(b, `<w:tbl><w:tblPr><w:tblStyle w:val="Tabel"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`...)
	for i := 0; i < cols; i++ {
		b = append(b, `<w:gridCol w:w="`...)
		b = append(b, itoa(width)...)
		b = append(b, `"/>`...)
	}
	b = append(b, `</w:tblGrid>`...)
	row := func(cells []string, header bool) {
		b = append(b, `<w:tr>`...)
		if header {
			b = append(b, `<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`...)
		}
		for i := 0; i < cols; i++ {
			cell := ""
			if i < len(cells) {
				cell = cells[i]
			}
			b = append(b, `<w:tc><w:tcPr><w:tcW w:w="`...)
			b = append(b, itoa(width)...)
			b = append(b, `" w:type="dxa"/></w:tcPr>`...)
			b = docxPara(b, "Tabeltekst", cell)
			b = append(b, `</w:tc>`...)
		}
		b = append(b, `</w:tr>`...)
	}
	if len(bl.Header) > 0 {
		row(bl.Header, true)
	}
	for _, r := range bl.Rows {
		row(r, false)
	}
	return append(b, `</w:tbl>`...)
}

func docxNumbering(lists int) []byte {
	b := []byte(xmlHeader + `<w:numbering ` + wNS + `>` +
		`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
	for i := 0; i < lists; i++ {
		b = append(b, `<w:num w:numId="`...)
		b = append(b, itoa(i+2)...)
		b = append(b, `"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`...)
	}
	return append(b, `</w:numbering>`...)
}

func (d *Document) docxCore() []byte {
	b := []byte(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>`)
	b = appendEscaped(b, d.Title)
	b = append(b, `</dc:title><dc:creator>Deelwijzer</dc:creator><dc:language>nl-NL</dc:language>`...)
	if validDate(d.Date) {
		b = append(b, `<dcterms:created xsi:type="dcterms:W3CDTF">`...)
		b = append(b, d.Date...)
		b = append(b, `T00:00:00Z</dcterms:created>`...)
	}
	return append(b, `</cp:coreProperties>`...)
}

// validDate: YYYY-MM-DD in digits, so it can go into a property unescaped.
func validDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// docxStyles: the look of the document, in styles only. Arial, which
// LibreOffice replaces by the metric-compatible Liberation Sans, so the
// layout is the same in Word and LibreOffice. Headings carry an outline level, so they appear in the
// navigation pane and a table of contents.
const docxStyles = xmlHeader + `<w:styles ` + wNS + `>` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="nl-NL" w:eastAsia="nl-NL" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/><w:ind w:left="360" w:hanging="360"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="360" w:hanging="360"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Opmerking"><w:name w:val="Opmerking"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="1F4E79"/></w:pBdr><w:ind w:left="240"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Documentgegevens"><w:name w:val="Documentgegevens"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Tabeltekst"><w:name w:val="Tabeltekst"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>` +
	`<w:style w:type="character" w:customStyle="1" w:styleId="Label"><w:name w:val="Label"/><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`<w:style w:type="table" w:customStyle="1" w:styleId="Tabel"><w:name w:val="Tabel"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
	`<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/></w:tcPr></w:tblStylePr></w:style>` +
	`</w:styles>`
