package checklist

// Report writes the answers as a Markdown document the visitor can save or
// share within the cooperation. Question texts come from the definition and
// are Markdown; everything a visitor typed is escaped, so it shows as typed
// and can never become a link, heading, table cell or HTML.
// If st is nil the answers are evaluated first.
//
// Links to the site stay as the definition writes them (/upp/stap-4/);
// ReportAt makes them absolute, which the page does.
func Report(def *Definition, answers Answers, st *State) string {
	return ReportAt(def, answers, st, "")
}

// ReportAt is Report with links to the site written as absolute URLs under
// siteURL, the address of the site's home page as the visitor's browser
// sees it (https://example.org/deelwijzer/). A saved report is read outside
// the site, where a link like /upp/stap-4/ leads nowhere (or to another
// site's page when the site lives under a subpath). A siteURL that could
// break a Markdown link is ignored.
func ReportAt(def *Definition, answers Answers, st *State, siteURL string) string {
	return ReportOn(def, answers, st, siteURL, "")
}

// ReportOn is ReportAt with the action list as it stands on today
// (yyyy-mm-dd): open measures due before it are marked late. Without a
// date ("") nothing is marked.
func ReportOn(def *Definition, answers Answers, st *State, siteURL, today string) string {
	if st == nil {
		st = Evaluate(def, answers)
	}
	var b textBuffer
	b.WriteString("# " + def.Title + "\n\n")
	b.WriteString("Checklist versie " + def.Version + " van " + dutchDate(def.Date) + ".")
	if def.Guidance != "" {
		guidance := siteLink(siteURL, def.Guidance)
		b.WriteString(" Uitleg bij de stappen: [" + guidance + "](" + guidance + ").")
	}
	b.WriteString("\n\n")
	b.WriteString(itoa(st.Answered) + " van de " + itoa(st.Total) + " vragen zijn beantwoord.\n")

	for i, sec := range def.Sections {
		progress := st.Sections[i]
		b.WriteString("\n## " + itoa(i+1) + ". " + sec.Title + "\n\n")
		b.WriteString("Status: " + statusText(progress.Status) + " (" + itoa(progress.Answered) + " van " + itoa(progress.Total) + " beantwoord).\n")
		for _, it := range sec.Items {
			if !st.visible[it.slot] {
				continue
			}
			b.WriteString("\n### " + trimSpace(it.Question) + "\n\n")
			writeAnswer(&b, it, answers)
		}
	}
	writeViews(&b, def, answers, st)

	b.WriteString("\n## Bevindingen\n\n")
	if len(st.Findings) == 0 {
		b.WriteString("Er zijn geen bevindingen.\n")
	}
	for _, sev := range severityOrder {
		first := true
		for _, f := range st.Findings {
			if f.Severity != sev {
				continue
			}
			if first {
				b.WriteString("### " + severityTitle(sev) + "\n\n")
				first = false
			}
			// A finding is one list item, so its text goes on one line.
			b.WriteString("- " + escapeMarkdown(flattenLines(f.Text), true))
			if len(f.Roles) > 0 {
				labels := make([]string, len(f.Roles))
				for i, r := range f.Roles {
					labels[i] = def.RoleLabel(r)
				}
				b.WriteString(" Wie: " + joinStrings(labels, ", ") + ".")
			}
			if f.Link != "" {
				b.WriteString(" [Lees meer](" + siteLink(siteURL, f.Link) + ")")
			}
			b.WriteString("\n")
		}
		if !first {
			b.WriteString("\n")
		}
	}
	writePlan(&b, BuildPlan(def, answers, st, today), today, siteURL)
	out := withoutControls(b.b)
	for len(out) > 0 && out[len(out)-1] == '\n' {
		out = out[:len(out)-1]
	}
	return string(out) + "\n"
}

// siteLink makes a root-relative link of the definition absolute under
// siteURL. Other links, and every link when siteURL is unusable, stay as
// they are.
func siteLink(siteURL, link string) string {
	if !hasPrefix(link, "/") || hasPrefix(link, "//") || !usableSiteURL(siteURL) {
		return link
	}
	return siteURL + link[1:]
}

// usableSiteURL: an http(s) address ending in a slash, without characters
// that end a Markdown link destination or need escaping in it.
func usableSiteURL(s string) bool {
	if !(hasPrefix(s, "https://") || hasPrefix(s, "http://")) || !hasSuffix(s, "/") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f || c == '(' || c == ')' || c == '<' || c == '>' || c == '\\' || c == '[' || c == ']' {
			return false
		}
	}
	return true
}

// withoutControls removes control characters (C0 except tab and line feed,
// DEL and C1): a NUL or an escape sequence typed or pasted into an answer
// has no place in a text document, and some tools stop reading at a NUL or
// show the rest of a file as binary.
func withoutControls(b []byte) []byte {
	out := b[:0]
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < 0x20 && c != '\n' && c != '\t', c == 0x7f:
			i++
			continue
		case c == 0xC2 && i+1 < len(b) && b[i+1] >= 0x80 && b[i+1] <= 0x9f: // U+0080 to U+009F
			i += 2
			continue
		}
		out = append(out, c)
		i++
	}
	return out
}

const notAnswered = "*Niet ingevuld*"

func writeAnswer(b *textBuffer, it *Item, answers Answers) {
	v := answers[it.ID]
	if !isAnswered(v) {
		b.WriteString(notAnswered + "\n")
		return
	}
	switch it.Kind {
	case KindMulti:
		list, _ := v.([]string)
		for _, s := range list {
			b.WriteString("- " + markEnglish(EscapeMarkdown(it.Label(s))) + "\n")
		}
	case KindGroup:
		// A follower's rows are shown under the title of the row they
		// follow, in an extra first column.
		var header []string
		if it.Source != nil {
			header = append(header, it.rowHeading())
		}
		for _, f := range it.Fields {
			header = append(header, f.Question)
		}
		writeHeader(b, header...)
		for i, r := range groupRows(it, answers) {
			if r == nil {
				continue
			}
			cells := header[:0:0]
			if it.Source != nil {
				cells = append(cells, rowTitle(it.Source, answers, i))
			}
			for _, f := range it.Fields {
				cells = append(cells, valueText(f, r[f.ID], "", answers))
			}
			writeRow(b, cells...)
		}
	default:
		s, _ := v.(string)
		if it.Kind == KindRef {
			s = refText(it, v, answers, false)
		}
		lines := splitByte(trimSpace(valueText(it, s, "", answers)), '\n')
		for i, line := range lines {
			lines[i] = EscapeMarkdown(trimSuffix(line, "\r"))
		}
		// Two trailing spaces make a line break, so line breaks the
		// visitor typed survive without allowing any other structure.
		b.WriteString(markEnglish(joinStrings(lines, "  \n")) + "\n")
	}
}

// englishTerms are the English terms in the lists and questions; the page
// marks them lang="en" (layouts/_partials/lang-terms.html), the report
// sets them in italics, the usual mark of a foreign word in Dutch text.
var englishTerms = []string{"function creep", "Internet of things"}

// markEnglish puts the English terms in escaped Markdown text in italics.
func markEnglish(s string) string {
	var b textBuffer
	for i := 0; i < len(s); {
		next := i + 1
		for _, term := range englishTerms {
			if len(s)-i >= len(term) && s[i:i+len(term)] == term {
				b.WriteString("*" + term + "*")
				next = i + len(term)
				break
			}
		}
		if next == i+1 {
			b.AddByte(s[i])
		}
		i = next
	}
	return b.String()
}

// dutchDate turns 2026-03-03 into "3 maart 2026", the form a Dutch reader
// expects in running text; anything else is left as is.
func dutchDate(s string) string {
	if !isValidDate(s) {
		return s
	}
	day := s[8:10]
	if day[0] == '0' {
		day = day[1:]
	}
	month := int(s[5]-'0')*10 + int(s[6]-'0')
	return day + " " + dutchMonths[month-1] + " " + s[0:4]
}

func statusText(status string) string {
	switch status {
	case StatusNotStarted:
		return "niet gestart"
	case StatusDone:
		return "afgerond"
	}
	return "bezig"
}

func severityTitle(sev Severity) string {
	switch sev {
	case SeverityUitkomst:
		return "Uitkomst"
	case SeverityRisico:
		return "Risico"
	case SeverityAandacht:
		return "Aandacht"
	}
	return "Ter informatie"
}

// EscapeMarkdown makes one line of user text inert in Markdown: every
// character that could start emphasis, a link, code, HTML, a table cell or
// an entity gets a backslash, and so do characters that only matter at the
// start of a line (heading, quote, list, numbered list).
func EscapeMarkdown(s string) string { return escapeMarkdown(s, true) }

func escapeMarkdown(s string, lineStart bool) string {
	var b textBuffer
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '&', '!', '{', '}':
			b.AddByte('\\')
		case '-', '+', '=':
			if lineStart {
				b.AddByte('\\')
			}
		case '.', ')':
			// "1." or "1)" at the start of a line starts a numbered list;
			// "www." starts an address that GitHub and others link.
			if i > 0 && isDigit(s[i-1]) && digitsFromLineStart(s, i) || c == '.' && endsWithWWW(s[:i]) {
				b.AddByte('\\')
			}
		case ':':
			// An address the visitor typed stays text: "https\://" reads
			// the same, but no renderer turns it into a link.
			if hasPrefix(s[i+1:], "/") {
				b.AddByte('\\')
			}
		case '@':
			// Likewise e-mail addresses and @-mentions.
			b.AddByte('\\')
		case '\n', '\r':
			b.AddByte(c)
			lineStart = true
			continue
		}
		b.AddByte(c)
		if c != ' ' && c != '\t' {
			lineStart = false
		}
	}
	return b.String()
}

// endsWithWWW: s ends in "www", in any case, not as the end of a longer word.
func endsWithWWW(s string) bool {
	n := len(s)
	if n < 3 || (n > 3 && isWordByte(s[n-4])) {
		return false
	}
	for _, c := range s[n-3:] {
		if c != 'w' && c != 'W' {
			return false
		}
	}
	return true
}

func digitsFromLineStart(s string, i int) bool {
	j := i - 1
	for j >= 0 && isDigit(s[j]) {
		j--
	}
	for j >= 0 && (s[j] == ' ' || s[j] == '\t') {
		j--
	}
	return j < 0 || s[j] == '\n' || s[j] == '\r'
}

// EscapeTableCell is EscapeMarkdown for one table cell: line breaks become
// spaces so the row cannot be split.
func EscapeTableCell(s string) string {
	// Inside a cell a leading - or + cannot start a list, so the cell is
	// escaped as if it did not start a line.
	return escapeMarkdown(trimSpace(flattenLines(s)), false)
}

func flattenLines(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '\n' || c == '\r' {
			b[i] = ' '
		}
	}
	return string(b)
}
