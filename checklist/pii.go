package checklist

// Kinds of personal data the detector recognises.
const (
	PIIBSN       = "bsn"
	PIIBirthDate = "geboortedatum"
	PIIIBAN      = "iban"
	PIIPostcode  = "postcode"
	PIIEmail     = "email"
)

// DetectPersonalData looks for things in free text that identify a person:
// a BSN that passes the 11-proef, a full date (it may be a date of birth), an
// IBAN with a valid check, a Dutch postcode with house number, and an e-mail
// address. A checklist is about the cooperation, not about people, so the
// form shows a gentle warning. Kinds come back in the fixed order above.
//
// The scanners are hand-written (no regexp) to keep the WebAssembly small.
func DetectPersonalData(text string) []string {
	if len(text) > 200000 {
		// Long pastes are still scanned, but only their start; this is a
		// hint, not a guarantee.
		text = text[:200000]
	}
	var kinds []string
	if hasBSN(text) {
		kinds = append(kinds, PIIBSN)
	}
	if hasFullDate(text) {
		kinds = append(kinds, PIIBirthDate)
	}
	if hasIBAN(text) {
		kinds = append(kinds, PIIIBAN)
	}
	if hasPostcodeWithNumber(text) {
		kinds = append(kinds, PIIPostcode)
	}
	if hasEmail(text) {
		kinds = append(kinds, PIIEmail)
	}
	return kinds
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

// isWordByte treats every non-ASCII byte as a letter, so "é123456782" is not
// a separate number.
func isWordByte(c byte) bool {
	return isDigit(c) || isUpper(c) || isLower(c) || c >= 0x80
}

// elfProef is the BSN check: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11.
func elfProef(d []byte) bool {
	if len(d) != 9 {
		return false
	}
	sum := 0
	allZero := true
	for i := 0; i < 8; i++ {
		sum += int(d[i]-'0') * (9 - i)
		if d[i] != '0' {
			allZero = false
		}
	}
	sum -= int(d[8] - '0')
	return !allZero && sum%11 == 0
}

// hasBSN finds 9 digits, optionally grouped with single dots, spaces or
// dashes (123.456.782, 1234 56 782), not glued to letters or other digits.
// Every group of digits on its own is also tried, so "BSN 123456782 en 4"
// is still found.
func hasBSN(s string) bool {
	for i := 0; i < len(s); {
		if !isDigit(s[i]) || (i > 0 && isWordByte(s[i-1])) {
			i++
			continue
		}
		// A run is digits with single separators between digits.
		var digits []byte
		j := i
		chunkStart := i
		for j < len(s) {
			if isDigit(s[j]) {
				digits = append(digits, s[j])
				j++
				continue
			}
			if (s[j] == '.' || s[j] == ' ' || s[j] == '-') && j+1 < len(s) && isDigit(s[j+1]) {
				if j-chunkStart == 9 && elfProef([]byte(s[chunkStart:j])) {
					return true
				}
				j++
				chunkStart = j
				continue
			}
			break
		}
		endsClean := j == len(s) || !isWordByte(s[j])
		if endsClean && j-chunkStart == 9 && elfProef([]byte(s[chunkStart:j])) {
			return true
		}
		if endsClean && len(digits) == 9 && elfProef(digits) {
			return true
		}
		if j == i {
			j++
		}
		i = j
	}
	return false
}

// asciiLower avoids strings.ToLower, whose Unicode tables would add weight
// to the WebAssembly binary; month names are plain ASCII.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if isUpper(c) {
			b[i] = c - 'A' + 'a'
		}
	}
	return string(b)
}

var monthAbbreviations = []string{"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}

var dutchMonths = []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// monthNumber accepts a full Dutch month name or its usual abbreviation
// (jan, feb, mrt, apr, jun, jul, aug, sep, sept, okt, nov, dec).
func monthNumber(word string) int {
	w := asciiLower(trimSuffix(word, "."))
	for i, m := range dutchMonths {
		if w == m {
			return i + 1
		}
	}
	for i, a := range monthAbbreviations {
		if w == a {
			return i + 1
		}
	}
	if w == "sept" {
		return 9
	}
	return 0
}

// hasFullDate finds dd-mm-jjjj, dd/mm/jjjj, dd.mm.jjjj (day and month may
// be one digit), jjjj-mm-dd, and "12 maart 1985" / "12 mrt. 1985". Years
// 1900-2099.
func hasFullDate(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || (i > 0 && isWordByte(s[i-1])) {
			continue
		}
		a, j := readNumber(s, i)
		if j < len(s) && (s[j] == '-' || s[j] == '/' || s[j] == '.') {
			sep := s[j]
			b, k := readNumber(s, j+1)
			if k > j+1 && k < len(s) && s[k] == sep {
				c, m := readNumber(s, k+1)
				if m > k+1 && (m == len(s) || !isWordByte(s[m])) {
					lenA, lenB, lenC := j-i, k-j-1, m-k-1
					if lenA <= 2 && lenB <= 2 && lenC == 4 && isDateParts(a, b, c) {
						return true
					}
					if lenA == 4 && lenB == 2 && lenC == 2 && isDateParts(c, b, a) {
						return true
					}
				}
			}
		}
		if j-i <= 2 && j < len(s) && s[j] == ' ' {
			// "12 maart 1985"
			w := j + 1
			for w < len(s) && (isLower(s[w]) || isUpper(s[w]) || s[w] == '.') {
				w++
			}
			if month := monthNumber(s[j+1 : w]); month > 0 && w < len(s) && s[w] == ' ' {
				y, e := readNumber(s, w+1)
				if e-w-1 == 4 && (e == len(s) || !isWordByte(s[e])) && isDateParts(a, month, y) {
					return true
				}
			}
		}
		i = j - 1
	}
	return false
}

func readNumber(s string, i int) (int, int) {
	n := 0
	j := i
	for j < len(s) && isDigit(s[j]) && j-i < 6 {
		n = n*10 + int(s[j]-'0')
		j++
	}
	for j < len(s) && isDigit(s[j]) {
		j++ // too long to be part of a date; skip the rest
		n = -1
	}
	return n, j
}

func isDateParts(d, m, y int) bool {
	return y >= 1900 && y <= 2099 && validDayMonth(d, m, y)
}

// hasIBAN finds two letters, two check digits and 11-30 letters/digits,
// optionally in groups of four separated by spaces, passing the mod-97 check.
func hasIBAN(s string) bool {
	for i := 0; i+4 < len(s); i++ {
		if !isUpper(s[i]) && !isLower(s[i]) || i > 0 && isWordByte(s[i-1]) {
			continue
		}
		// A fixed buffer: this loop starts at every word, and a heap slice
		// per word was most of the scanner's cost.
		var buf [35]byte
		compact := buf[:0]
		j := i
		for j < len(s) && len(compact) <= 34 {
			c := s[j]
			if isDigit(c) || isUpper(c) || isLower(c) {
				compact = append(compact, upper(c))
				j++
				continue
			}
			if c == ' ' && j+1 < len(s) && (isDigit(s[j+1]) || isUpper(s[j+1])) && len(compact)%4 == 0 {
				j++
				continue
			}
			break
		}
		if len(compact) >= 15 && len(compact) <= 34 && (j == len(s) || !isWordByte(s[j])) && isIBAN(compact) {
			return true
		}
	}
	return false
}

func upper(c byte) byte {
	if isLower(c) {
		return c - 'a' + 'A'
	}
	return c
}

func isIBAN(b []byte) bool {
	if !isUpper(b[0]) || !isUpper(b[1]) || !isDigit(b[2]) || !isDigit(b[3]) {
		return false
	}
	if string(b[:2]) == "NL" && len(b) != 18 {
		return false
	}
	// Move the first four characters to the end, turn letters into 10..35
	// and take the remainder modulo 97 digit by digit.
	rem := 0
	for k := 0; k < len(b); k++ {
		c := b[(k+4)%len(b)]
		switch {
		case isDigit(c):
			rem = (rem*10 + int(c-'0')) % 97
		case isUpper(c):
			rem = (rem*100 + int(c-'A') + 10) % 97
		default:
			return false
		}
	}
	return rem == 1
}

// hasPostcodeWithNumber finds "1234 AB 12", "1234AB 12a", "1234 AB, 12" and
// the address order "Dorpsstraat 12, 1234 AB". A postcode alone names a
// street, not a person, so it does not count.
func hasPostcodeWithNumber(s string) bool {
	for i := 0; i+5 < len(s); i++ {
		if s[i] < '1' || s[i] > '9' || (i > 0 && isWordByte(s[i-1])) {
			continue
		}
		if !isDigit(s[i+1]) || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
			continue
		}
		j := i + 4
		if j < len(s) && s[j] == ' ' {
			j++
		}
		if j+1 >= len(s) || !isUpper(s[j]) || !isUpper(s[j+1]) || (j+2 < len(s) && isWordByte(s[j+2])) {
			continue
		}
		if letters := s[j : j+2]; letters == "SA" || letters == "SD" || letters == "SS" {
			continue
		}
		// house number after the postcode
		k := j + 2
		if k < len(s) && s[k] == ',' {
			k++
		}
		if k < len(s) && s[k] == ' ' {
			k++
			if k < len(s) && isDigit(s[k]) && s[k] != '0' {
				return true
			}
		}
		// house number before the postcode: "12, " or "12 " or "12a, "
		b := i - 1
		if b >= 0 && s[b] == ' ' {
			b--
		}
		if b >= 0 && s[b] == ',' {
			b--
		}
		if b >= 0 && (isLower(s[b]) || isUpper(s[b])) && b > 0 && isDigit(s[b-1]) {
			b--
		}
		if b >= 0 && isDigit(s[b]) && b < i-1 {
			return true
		}
	}
	return false
}

func hasNonDot(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '.' {
			return true
		}
	}
	return false
}

func isEmailLocal(c byte) bool {
	return isDigit(c) || isUpper(c) || isLower(c) || indexByte("._%+-'", c) >= 0
}

func isEmailDomain(c byte) bool {
	return isDigit(c) || isUpper(c) || isLower(c) || c == '.' || c == '-'
}

// hasEmail finds name@domain.tld with a top-level domain of 2+ letters.
func hasEmail(s string) bool {
	for at := indexByte(s, '@'); at >= 0; {
		start := at
		for start > 0 && isEmailLocal(s[start-1]) {
			start--
		}
		end := at + 1
		for end < len(s) && isEmailDomain(s[end]) {
			end++
		}
		for end > at+1 && (s[end-1] == '.' || s[end-1] == '-') {
			end--
		}
		domain := s[at+1 : end]
		if start < at && hasNonDot(s[start:at]) {
			dot := lastIndexByte(domain, '.')
			if dot > 0 {
				tld := domain[dot+1:]
				ok := len(tld) >= 2
				for k := 0; k < len(tld); k++ {
					if !isLower(tld[k]) && !isUpper(tld[k]) {
						ok = false
					}
				}
				if ok {
					return true
				}
			}
		}
		next := indexByte(s[at+1:], '@')
		if next < 0 {
			break
		}
		at = at + 1 + next
	}
	return false
}
