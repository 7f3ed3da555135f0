package checklist

// The condition language of showIf and when:
//
//	expr    = or
//	or      = and { "or" and }
//	and     = unary { "and" unary }
//	unary   = "not" unary | compare
//	compare = operand [ ("==" | "!=" | "<" | "<=" | ">" | ">=") operand ]
//	operand = "(" expr ")" | string | integer | "true" | "false"
//	        | name | name "." name | name "(" [ expr { "," expr } ] ")"
//
// Names are item ids (and inside forEach also row field ids). A reference
// followed by a dot and a field reads that field of the row it points at:
// van.soort is the type of the organisation a deelmoment comes from; it is
// unanswered while no row, or a removed row, is chosen. Conditions are
// type-checked when the definition loads, so a mistake is found by the author
// and never by a visitor.

// maxConditionLength keeps fuzzed or hostile input from building huge trees.
const maxConditionLength = 2000

type valueType int

const (
	typeBool valueType = iota + 1
	typeNumber
	typeString // a string literal
	typeRef    // a question or row field
)

// operator is what a node of a condition does: a logical or comparison
// operator, a literal, a reference to an answer or a function call.
type operator string

const (
	opOr   operator = "or"
	opAnd  operator = "and"
	opNot  operator = "not"
	opEq   operator = "=="
	opNe   operator = "!="
	opLt   operator = "<"
	opLe   operator = "<="
	opGt   operator = ">"
	opGe   operator = ">="
	opStr  operator = "str"  // string literal
	opNum  operator = "num"  // number literal
	opBool operator = "bool" // true or false
	opRef  operator = "ref"  // a question or row field
	opCall operator = "call" // answered(), includes(), count(), ...
)

type node struct {
	op          operator
	left, right *node
	args        []*node
	text        string // string literal, name of ref or function
	num         int
	flag        bool
	pos         int

	typ      valueType
	item     *Item
	rowField bool
	// via is the reference a dotted name goes through (van in van.soort);
	// item is then the field of the row it points at.
	via         *Item
	viaRowField bool
}

// scopeFunc resolves a name to an item; isField tells whether it is a field
// of the current forEach row. On failure message says why.
type scopeFunc func(name string) (it *Item, isField bool, message string)

type token struct {
	kind string // name str num op ( ) , end
	text string
	num  int
	pos  int
}

func conditionError(pos int, msg string) error {
	return errorText("fout in voorwaarde bij teken " + itoa(pos+1) + ": " + msg)
}

func lexCondition(src string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(' || c == ')' || c == ',':
			toks = append(toks, token{kind: string(c), pos: i})
			i++
		case c == '=' || c == '!' || c == '<' || c == '>':
			if i+1 < len(src) && src[i+1] == '=' {
				toks = append(toks, token{kind: "op", text: src[i : i+2], pos: i})
				i += 2
			} else if c == '<' || c == '>' {
				toks = append(toks, token{kind: "op", text: src[i : i+1], pos: i})
				i++
			} else if c == '=' {
				return nil, conditionError(i, "gebruik == om te vergelijken (niet =)")
			} else {
				return nil, conditionError(i, "gebruik 'not' of != (niet !)")
			}
		case c == '"':
			start := i
			i++
			var b textBuffer
			closed := false
			for i < len(src) {
				if src[i] == '\\' && i+1 < len(src) && (src[i+1] == '"' || src[i+1] == '\\') {
					b.AddByte(src[i+1])
					i += 2
					continue
				}
				if src[i] == '"' {
					closed = true
					i++
					break
				}
				b.AddByte(src[i])
				i++
			}
			if !closed {
				return nil, conditionError(start, "de tekst tussen aanhalingstekens wordt niet afgesloten")
			}
			toks = append(toks, token{kind: "str", text: b.String(), pos: start})
		case AuthorChecks && c == '\'':
			return nil, conditionError(i, "zet tekst tussen dubbele aanhalingstekens (\"ja\"), niet tussen enkele")
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '#':
			start := i
			for i < len(src) && (src[i] >= 'a' && src[i] <= 'z' || src[i] >= '0' && src[i] <= '9' || src[i] == '-' ||
				src[i] == '.' && src[start] >= 'a' && src[start] <= 'z') {
				i++
			}
			word := src[start:i]
			if word == "" {
				return nil, conditionError(start, "onverwacht teken "+quoteByte(c))
			}
			if n, ok := digitsValue(word); ok {
				if len(word) > 9 {
					return nil, conditionError(start, "getal is te groot")
				}
				toks = append(toks, token{kind: "num", num: n, text: word, pos: start})
			} else if hasPrefix(word, "-") {
				if n, ok := digitsValue(word[1:]); ok && len(word) <= 10 {
					toks = append(toks, token{kind: "num", num: -n, text: word, pos: start})
				} else {
					return nil, conditionError(start, "'"+word+"' is geen geldige naam")
				}
			} else {
				toks = append(toks, token{kind: "name", text: word, pos: start})
			}
		case AuthorChecks && c >= 'A' && c <= 'Z':
			return nil, conditionError(i, "namen en woorden als and/or/not zijn in kleine letters")
		case AuthorChecks && (c == '&' || c == '|'):
			return nil, conditionError(i, "schrijf 'and' of 'or' (niet && of ||)")
		default:
			return nil, conditionError(i, "onverwacht teken "+quoteByte(c))
		}
	}
	return append(toks, token{kind: "end", pos: len(src)}), nil
}

type condParser struct {
	toks  []token
	i     int
	depth int
}

func parseCondition(src string) (*node, error) {
	if len(src) > maxConditionLength {
		return nil, errorText("de voorwaarde is te lang (meer dan " + itoa(maxConditionLength) + " tekens)")
	}
	if trimSpace(src) == "" {
		return nil, errorText("de voorwaarde is leeg")
	}
	toks, err := lexCondition(src)
	if err != nil {
		return nil, err
	}
	p := &condParser{toks: toks}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != "end" {
		return nil, conditionError(t.pos, "onverwacht "+describeToken(t)+"; mist er 'and' of 'or'?")
	}
	return n, nil
}

func describeToken(t token) string {
	switch t.kind {
	case "end":
		return "einde van de voorwaarde"
	case "str":
		return "tekst \"" + t.text + "\""
	case "num", "name", "op":
		return "'" + t.text + "'"
	}
	return "'" + t.kind + "'"
}

func (p *condParser) peek() token { return p.toks[p.i] }
func (p *condParser) next() token {
	t := p.toks[p.i]
	if t.kind != "end" {
		p.i++
	}
	return t
}

func (p *condParser) isWord(w string) bool {
	t := p.peek()
	return t.kind == "name" && t.text == w
}

func (p *condParser) or() (*node, error) {
	left, err := p.and()
	for err == nil && p.isWord("or") {
		t := p.next()
		var right *node
		right, err = p.and()
		left = &node{op: opOr, left: left, right: right, pos: t.pos}
	}
	return left, err
}

func (p *condParser) and() (*node, error) {
	left, err := p.unary()
	for err == nil && p.isWord("and") {
		t := p.next()
		var right *node
		right, err = p.unary()
		left = &node{op: opAnd, left: left, right: right, pos: t.pos}
	}
	return left, err
}

func (p *condParser) unary() (*node, error) {
	if p.isWord("not") {
		t := p.next()
		p.depth++
		if p.depth > 64 {
			return nil, conditionError(t.pos, "de voorwaarde is te diep genest")
		}
		inner, err := p.unary()
		p.depth--
		return &node{op: opNot, left: inner, pos: t.pos}, err
	}
	return p.compare()
}

func (p *condParser) compare() (*node, error) {
	left, err := p.operand()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind == "op" {
		p.next()
		right, err := p.operand()
		if err != nil {
			return nil, err
		}
		left = &node{op: operator(t.text), left: left, right: right, pos: t.pos}
		if t2 := p.peek(); t2.kind == "op" {
			return nil, conditionError(t2.pos, "twee vergelijkingen achter elkaar; zet 'and' ertussen")
		}
	}
	return left, nil
}

func (p *condParser) operand() (*node, error) {
	t := p.next()
	switch t.kind {
	case "(":
		p.depth++
		if p.depth > 64 {
			return nil, conditionError(t.pos, "de voorwaarde is te diep genest")
		}
		n, err := p.or()
		p.depth--
		if err != nil {
			return nil, err
		}
		if c := p.next(); c.kind != ")" {
			return nil, conditionError(c.pos, "verwacht ')' maar vond "+describeToken(c))
		}
		return n, nil
	case "str":
		return &node{op: opStr, text: t.text, pos: t.pos}, nil
	case "num":
		return &node{op: opNum, num: t.num, pos: t.pos}, nil
	case "name":
		switch t.text {
		case "true", "false":
			return &node{op: opBool, flag: t.text == "true", pos: t.pos}, nil
		case "and", "or", "not":
			return nil, conditionError(t.pos, "hier verwacht ik een vraag, tekst of getal, niet '"+t.text+"'")
		}
		if p.peek().kind != "(" {
			return &node{op: opRef, text: t.text, pos: t.pos}, nil
		}
		p.next()
		call := &node{op: opCall, text: t.text, pos: t.pos}
		if p.peek().kind == ")" {
			p.next()
			return call, nil
		}
		for {
			p.depth++
			if p.depth > 64 {
				return nil, conditionError(t.pos, "de voorwaarde is te diep genest")
			}
			arg, err := p.or()
			p.depth--
			if err != nil {
				return nil, err
			}
			call.args = append(call.args, arg)
			c := p.next()
			if c.kind == ")" {
				return call, nil
			}
			if c.kind != "," {
				return nil, conditionError(c.pos, "verwacht ',' of ')' maar vond "+describeToken(c))
			}
		}
	}
	return nil, conditionError(t.pos, "hier verwacht ik een vraag, tekst of getal, maar vond "+describeToken(t))
}

// names lists the question ids a condition refers to, without repeats.
func (n *node) names(out []string) []string {
	if n == nil {
		return out
	}
	if n.op == opRef {
		name := n.text
		if dot := indexByte(name, '.'); dot > 0 {
			name = name[:dot]
		}
		for _, s := range out {
			if s == name {
				return out
			}
		}
		out = append(out, name)
	}
	out = n.left.names(out)
	out = n.right.names(out)
	for _, a := range n.args {
		out = a.names(out)
	}
	return out
}
