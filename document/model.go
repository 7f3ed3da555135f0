// Package document writes simple, editable documents as .docx (Office Open
// XML) and .odt (OpenDocument) files, and renders the document templates in
// data/documenten/ from values taken from a checklist's answers.
//
// It runs inside the WebAssembly engine, so like the engine it uses no fmt,
// encoding/json, reflect, regexp, archive/zip or compress/flate: the files
// are small ZIP archives with stored (uncompressed) entries, written here.
//
// Every text a visitor typed is written as XML character data: no field
// codes, no instructions, no macros can come from it, and control
// characters are removed.
package document

// Kind says what a block is.
type Kind uint8

const (
	Heading      Kind = iota + 1 // Level 1 to 3
	Paragraph                    // body text; "\n" in Text is a line break
	Note                         // a paragraph that must stand out, such as "a jurist must check this"
	BulletList                   // Items
	NumberedList                 // Items, numbered from 1
	Table                        // Header (repeated on every page) and Rows
)

// Block is one heading, paragraph, list or table.
type Block struct {
	Kind   Kind
	Level  int // headings: 1, 2 or 3
	Text   string
	Items  []string
	Header []string
	Rows   [][]string
}

// Document is a title block followed by blocks.
type Document struct {
	Title  string
	Meta   [][2]string // the title block under the title: label and value, e.g. {"Status", "concept"}
	Blocks []Block
	// Date is the creation date as YYYY-MM-DD (for the file's properties).
	Date string
}

// Text returns the document as plain text, one block per paragraph: what
// the tests compare with golden files and what a screen shows as preview.
func (d *Document) Text() string {
	var b []byte
	b = append(b, clean(d.Title)...)
	b = append(b, '\n')
	for _, m := range d.Meta {
		b = append(b, clean(m[0]+": "+m[1])...)
		b = append(b, '\n')
	}
	for _, bl := range d.Blocks {
		b = append(b, '\n')
		switch bl.Kind {
		case Heading:
			for i := 0; i < bl.Level; i++ {
				b = append(b, '#')
			}
			b = append(b, ' ')
			b = append(b, clean(bl.Text)...)
		case Paragraph:
			b = append(b, clean(bl.Text)...)
		case Note:
			b = append(b, "> "...)
			b = append(b, clean(bl.Text)...)
		case BulletList, NumberedList:
			for i, it := range bl.Items {
				if i > 0 {
					b = append(b, '\n')
				}
				if bl.Kind == BulletList {
					b = append(b, "- "...)
				} else {
					b = append(b, itoa(i+1)...)
					b = append(b, ". "...)
				}
				b = append(b, clean(it)...)
			}
		case Table:
			b = appendTextRow(b, bl.Header)
			for _, r := range bl.Rows {
				b = append(b, '\n')
				b = appendTextRow(b, r)
			}
		}
		b = append(b, '\n')
	}
	return string(b)
}

func appendTextRow(b []byte, cells []string) []byte {
	b = append(b, '|')
	for _, c := range cells {
		b = append(b, ' ')
		b = append(b, clean(c)...)
		b = append(b, " |"...)
	}
	return b
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}
