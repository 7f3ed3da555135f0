package checklist

import (
	"unicode/utf8"
)

// The engine runs inside a small WebAssembly binary, so it cannot afford
// encoding/json (which pulls in reflect). This file holds a compact JSON
// reader that produces a generic tree and a writer for such trees.
//
// Tree values are: nil, bool, Number, string, []any and *Object. The YAML
// loader (package yamldef) produces the same shapes, so there is one model
// builder for both formats.

// Object is a JSON or YAML mapping that remembers the order of its keys,
// because error paths and exported files should follow the author's order.
type Object struct {
	Keys   []string
	Values map[string]any
}

// NewObject returns an empty ordered mapping.
func NewObject() *Object { return &Object{Values: map[string]any{}} }

// Set adds or replaces a key; a replaced key keeps its first position.
func (o *Object) Set(key string, value any) *Object {
	if _, exists := o.Values[key]; !exists {
		o.Keys = append(o.Keys, key)
	}
	o.Values[key] = value
	return o
}

// Get returns the value under key.
func (o *Object) Get(key string) (any, bool) {
	if o == nil {
		return nil, false
	}
	v, ok := o.Values[key]
	return v, ok
}

// Delete removes a key and its place in the order.
func (o *Object) Delete(key string) {
	if _, ok := o.Values[key]; !ok {
		return
	}
	delete(o.Values, key)
	for i, k := range o.Keys {
		if k == key {
			o.Keys = append(o.Keys[:i:i], o.Keys[i+1:]...)
			break
		}
	}
}

// MaxJSONDepth is how deeply nested a document may be. Real answer files
// need about 5 levels; the limit protects the parser's stack.
const MaxJSONDepth = 32

// JSONError explains why a text is not acceptable JSON, in Dutch.
type JSONError struct {
	Offset    int
	Truncated bool // the text stops in the middle of a value
	TooDeep   bool
	Reason    string
}

func (e *JSONError) Error() string {
	switch {
	case e.Truncated:
		return "Het bestand is onvolledig: de inhoud houdt halverwege op. Misschien is het niet helemaal opgeslagen of gekopieerd."
	case e.TooDeep:
		return "Het bestand is te diep genest (meer dan " + itoa(MaxJSONDepth) + " niveaus). Dit is geen antwoordbestand van Deelwijzer."
	}
	return "Het bestand is geen geldige JSON: " + e.Reason + " (teken " + itoa(e.Offset+1) + ")."
}

// ParseJSON reads one JSON value. maxDepth <= 0 means MaxJSONDepth.
func ParseJSON(text string, maxDepth int) (any, error) {
	return parseJSON(&jsonParser{s: text, maxDepth: maxDepth})
}

func parseJSON(p *jsonParser) (any, error) {
	if p.maxDepth <= 0 {
		p.maxDepth = MaxJSONDepth
	}
	// A byte order mark is what some editors write first; it is not content.
	if hasPrefix(p.s, "\uFEFF") {
		p.i = 3
	}
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.i < len(p.s) {
		return nil, p.fail("na het einde van de gegevens staat nog tekst")
	}
	return v, nil
}

type jsonParser struct {
	s        string
	i        int
	depth    int
	maxDepth int

	// topMember, when set, reads the value of each member of the top-level
	// object itself, starting at p.i, so a caller can decode a document
	// without a tree of it; that object then stays empty.
	topMember func(p *jsonParser, key string) error
}

func (p *jsonParser) fail(reason string) error {
	return &JSONError{Offset: p.i, Reason: reason}
}

func (p *jsonParser) truncated() error {
	return &JSONError{Offset: p.i, Truncated: true}
}

func (p *jsonParser) skipSpace() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) value() (any, error) {
	p.skipSpace()
	if p.i >= len(p.s) {
		return nil, p.truncated()
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		return p.str()
	case c == 't':
		return true, p.literal("true")
	case c == 'f':
		return false, p.literal("false")
	case c == 'n':
		return nil, p.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	default:
		return nil, p.fail("onverwacht teken " + quoteByte(c))
	}
}

func quoteByte(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return "'" + string(rune(c)) + "'"
	}
	return "(code " + itoa(int(c)) + ")"
}

func (p *jsonParser) literal(word string) error {
	rest := p.s[p.i:]
	if hasPrefix(rest, word) {
		p.i += len(word)
		return nil
	}
	if hasPrefix(word, rest) {
		p.i = len(p.s)
		return p.truncated()
	}
	return p.fail("onbekend woord")
}

func (p *jsonParser) enter() error {
	p.depth++
	if p.depth > p.maxDepth {
		return &JSONError{Offset: p.i, TooDeep: true}
	}
	return nil
}

func (p *jsonParser) object() (any, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	p.i++ // '{'
	obj := NewObject()
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		p.depth--
		return obj, nil
	}
	for {
		p.skipSpace()
		if p.i >= len(p.s) {
			return nil, p.truncated()
		}
		if p.s[p.i] != '"' {
			return nil, p.fail("verwacht een naam tussen aanhalingstekens")
		}
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		p.skipSpace()
		if p.i >= len(p.s) {
			return nil, p.truncated()
		}
		if p.s[p.i] != ':' {
			return nil, p.fail("verwacht een dubbele punt")
		}
		p.i++
		if p.topMember != nil && p.depth == 1 {
			err = p.topMember(p, key)
		} else {
			var v any
			v, err = p.value()
			obj.Set(key, v)
		}
		if err != nil {
			return nil, err
		}
		p.skipSpace()
		if p.i >= len(p.s) {
			return nil, p.truncated()
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case '}':
			p.i++
			p.depth--
			return obj, nil
		default:
			return nil, p.fail("verwacht een komma of '}'")
		}
	}
}

func (p *jsonParser) array() (any, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	p.i++ // '['
	list := []any{}
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		p.depth--
		return list, nil
	}
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		list = append(list, v)
		p.skipSpace()
		if p.i >= len(p.s) {
			return nil, p.truncated()
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			p.depth--
			return list, nil
		default:
			return nil, p.fail("verwacht een komma of ']'")
		}
	}
}

func (p *jsonParser) str() (string, error) {
	p.i++ // opening quote
	start := p.i
	// Fast path: no escapes.
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == '"' {
			s := p.s[start:p.i]
			p.i++
			return validUTF8(s), nil
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return "", p.fail("ongeldig teken in tekst")
		}
		p.i++
	}
	var b textBuffer
	b.WriteString(p.s[start:p.i])
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return validUTF8(b.String()), nil
		case c < 0x20:
			return "", p.fail("ongeldig teken in tekst")
		case c != '\\':
			b.AddByte(c)
			p.i++
			continue
		}
		p.i++ // backslash
		if p.i >= len(p.s) {
			return "", p.truncated()
		}
		e := p.s[p.i]
		p.i++
		switch e {
		case '"', '\\', '/':
			b.AddByte(e)
		case 'b':
			b.AddByte('\b')
		case 'f':
			b.AddByte('\f')
		case 'n':
			b.AddByte('\n')
		case 'r':
			b.AddByte('\r')
		case 't':
			b.AddByte('\t')
		case 'u':
			r, err := p.hex4()
			if err != nil {
				return "", err
			}
			if r >= 0xD800 && r < 0xDC00 && hasPrefix(p.s[p.i:], "\\u") {
				save := p.i
				p.i += 2
				low, err := p.hex4()
				if err != nil {
					return "", err
				}
				if low >= 0xDC00 && low < 0xE000 {
					r = 0x10000 + (r-0xD800)<<10 + (low - 0xDC00)
				} else {
					p.i = save
				}
			}
			if r >= 0xD800 && r < 0xE000 {
				r = utf8.RuneError
			}
			b.b = utf8.AppendRune(b.b, r)
		default:
			p.i--
			return "", p.fail("onbekende escape in tekst")
		}
	}
	return "", p.truncated()
}

func (p *jsonParser) hex4() (rune, error) {
	if p.i+4 > len(p.s) {
		for j := p.i; j < len(p.s); j++ {
			if !isHex(p.s[j]) {
				p.i = j
				return 0, p.fail("ongeldige \\u-escape")
			}
		}
		p.i = len(p.s)
		return 0, p.truncated()
	}
	var r rune
	for j := 0; j < 4; j++ {
		c := p.s[p.i+j]
		if !isHex(c) {
			p.i += j
			return 0, p.fail("ongeldige \\u-escape")
		}
		r = r<<4 | rune(hexValue(c))
	}
	p.i += 4
	return r, nil
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func hexValue(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// validUTF8 replaces each invalid byte by U+FFFD, so every string in a tree
// is valid UTF-8 and can be written back without surprises.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b []byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, "\uFFFD"...)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}

func (p *jsonParser) number() (any, error) {
	start := p.i
	if p.s[p.i] == '-' {
		p.i++
	}
	digits := func() int {
		n := 0
		for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	if p.i >= len(p.s) {
		return nil, p.truncated()
	}
	if p.s[p.i] == '0' {
		p.i++
	} else if digits() == 0 {
		return nil, p.fail("ongeldig getal")
	}
	if p.i < len(p.s) && p.s[p.i] == '.' {
		p.i++
		if p.i >= len(p.s) {
			return nil, p.truncated()
		}
		if digits() == 0 {
			return nil, p.fail("ongeldig getal")
		}
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		if p.i >= len(p.s) {
			return nil, p.truncated()
		}
		if digits() == 0 {
			return nil, p.fail("ongeldig getal")
		}
	}
	n := Number(p.s[start:p.i])
	if !n.fitsFloat64() {
		p.i = start
		return nil, p.fail("het getal is te groot")
	}
	return n, nil
}

// Number is a JSON number kept as its literal text, like encoding/json's
// json.Number: the tree reads and writes it without converting, so a file
// read and written again keeps its numbers exactly (and the engine needs no
// float conversion code, about 11 KB of the WebAssembly module). Where the
// engine needs a number (a version, a row count) it asks for an int.
type Number string

// numberParts splits a valid JSON number (without its sign) into its
// significant digits, without leading or trailing zeros, and the power of
// ten they are multiplied by: "12.50e2" is ("125", 1). Zero is ("", 0). The
// exponent saturates far beyond any meaningful size, so it cannot overflow.
func numberParts(s string) (digits string, exp int) {
	i := 0
	for i < len(s) && s[i] != 'e' && s[i] != 'E' {
		i++
	}
	mantissa := s[:i]
	if i < len(s) {
		i++
		neg := s[i] == '-'
		if s[i] == '+' || s[i] == '-' {
			i++
		}
		for ; i < len(s); i++ {
			if exp < 1e9 {
				exp = exp*10 + int(s[i]-'0')
			}
		}
		if neg {
			exp = -exp
		}
	}
	for j := 0; j < len(mantissa); j++ {
		if mantissa[j] == '.' {
			exp -= len(mantissa) - j - 1
			mantissa = mantissa[:j] + mantissa[j+1:]
			break
		}
	}
	start := 0
	for start < len(mantissa) && mantissa[start] == '0' {
		start++
	}
	end := len(mantissa)
	for end > start && mantissa[end-1] == '0' {
		end--
		exp++
	}
	if start == end {
		return "", 0
	}
	return mantissa[start:end], exp
}

// float64Limit holds the digits of 2^1024 - 2^970, the midpoint between the
// largest float64 and 2^1024: a number of 309 digits at or above it rounds to
// infinity. (Its last digit is 2, so it has no trailing zeros to strip.)
const float64Limit = "17976931348623158079372897140530341507993413271003782693617377898044496829276" +
	"47509466490179775872070963302864166928879109465555478519404026306574886715058" +
	"20681908902000708383676273854845817711531764475730270069855571366959622842914" +
	"81986083493647529271907416844436551070434271155969950809304288017790417449779" +
	"2"

// fitsFloat64 reports whether the number is within the range of a float64
// (very small numbers round to zero, which every reader accepts). A larger
// number is refused: encoding/json and JavaScript's JSON.parse do not agree
// on it (an error and Infinity), and the page would read it differently
// from the engine.
func (n Number) fitsFloat64() bool {
	s := string(n)
	if s != "" && s[0] == '-' {
		s = s[1:]
	}
	digits, exp := numberParts(s)
	// The value is 0.digits × 10^size.
	size := len(digits) + exp
	switch {
	case digits == "" || size < len(float64Limit):
		return true
	case size > len(float64Limit):
		return false
	}
	return digits < float64Limit
}

// Int returns the number as an int when it is a whole number of at most 18
// digits: 3, 3.0, 0.3e1 and 300e-2 all give 3, as they did when the tree
// held float64 values.
func (n Number) Int() (int, bool) {
	s := string(n)
	neg := s != "" && s[0] == '-'
	if neg {
		s = s[1:]
	}
	digits, exp := numberParts(s)
	if exp < 0 || len(digits)+exp > 18 {
		return 0, false
	}
	v := 0
	for i := 0; i < len(digits); i++ {
		v = v*10 + int(digits[i]-'0')
	}
	for ; exp > 0; exp-- {
		v *= 10
	}
	if neg {
		v = -v
	}
	return v, true
}

// AppendJSON writes a tree value as compact JSON. Besides tree values it
// accepts int and []string, which the engine's own results use.
func AppendJSON(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...)
	case bool:
		if x {
			return append(b, "true"...)
		}
		return append(b, "false"...)
	case int:
		return appendInt(b, int64(x))
	case Number:
		return append(b, x...)
	case string:
		return AppendJSONString(b, x)
	case []string:
		b = append(b, '[')
		for i, s := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendJSONString(b, s)
		}
		return append(b, ']')
	case []any:
		b = append(b, '[')
		for i, e := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendJSON(b, e)
		}
		return append(b, ']')
	case *Object:
		if x == nil {
			return append(b, "null"...)
		}
		b = append(b, '{')
		for i, k := range x.Keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendJSONString(b, k)
			b = append(b, ':')
			b = AppendJSON(b, x.Values[k])
		}
		return append(b, '}')
	}
	// Unknown Go types are a programming error; null keeps the output valid.
	return append(b, "null"...)
}

// AppendJSONString writes s as a JSON string. Besides what JSON requires it
// escapes <, > and & so the text is also safe inside an HTML page, and
// U+2028/U+2029 so it is safe inside a JavaScript string.
func AppendJSONString(b []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		// Copy a run of bytes that need no escape in one go.
		j := i
		for j < len(s) && s[j] >= 0x20 && s[j] < 0x7f && s[j] != '"' && s[j] != '\\' && s[j] != '<' && s[j] != '>' && s[j] != '&' {
			j++
		}
		if j > i {
			b = append(b, s[i:j]...)
			i = j
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			default: // the other control characters, <, >, & and DEL
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

// JSONText is AppendJSON into a new string.
func JSONText(v any) string { return string(AppendJSON(nil, v)) }
