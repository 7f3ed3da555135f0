package document

import "unicode/utf8"

// clean returns s as text that XML 1.0 can hold and a reader can trust:
// invalid UTF-8 becomes U+FFFD; control characters (C0 except tab and line
// feed, DEL, C1), U+FFFE and U+FFFF are removed; "\r\n" and a lone "\r"
// become "\n".
func clean(s string) string {
	ok := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' || c >= 0x7f {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\r':
			if i+1 >= len(s) || s[i+1] != '\n' {
				b = append(b, '\n')
			}
		case r == utf8.RuneError && size == 1:
			b = utf8.AppendRune(b, utf8.RuneError)
		case r < 0x20 && r != '\t' && r != '\n', r >= 0x7f && r <= 0x9f, r == 0xfffe, r == 0xffff:
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}

// appendEscaped appends s, cleaned, as XML character data or attribute
// value: & < > " ' become entities, so nothing in s can start markup, end a
// CDATA section or close the attribute.
func appendEscaped(b []byte, s string) []byte {
	s = clean(s)
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&quot;"
		case '\'':
			esc = "&apos;"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		last = i + 1
	}
	return append(b, s[last:]...)
}
