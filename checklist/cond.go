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

// check resolves names and types; the whole condition must be true/false.
func (n *node) check(scope scopeFunc) error {
	t, err := n.checkNode(scope)
	if err != nil {
		return err
	}
	if t != typeBool {
		return n.notBoolError()
	}
	return nil
}

func (n *node) notBoolError() error {
	if n.op == opRef {
		return conditionError(n.pos, "'"+n.text+"' is een vraag, geen voorwaarde; schrijf bijvoorbeeld answered("+n.text+") of "+n.text+" == \"ja\"")
	}
	return conditionError(n.pos, "dit deel is geen voorwaarde (waar of niet waar)")
}

func kindName(k Kind) string {
	switch k {
	case KindYesNo:
		return "ja/nee-vraag"
	case KindChoice:
		return "keuzevraag"
	case KindMulti:
		return "meerkeuzevraag"
	case KindText, KindLongText:
		return "tekstvraag"
	case KindDate:
		return "datumvraag"
	case KindGroup:
		return "groep"
	}
	return "vraag"
}

func (n *node) checkNode(scope scopeFunc) (valueType, error) {
	switch n.op {
	case opStr:
		n.typ = typeString
	case opNum:
		n.typ = typeNumber
	case opBool:
		n.typ = typeBool
	case opRef:
		if dot := indexByte(n.text, '.'); dot >= 0 {
			return n.checkDotted(scope, dot)
		}
		it, isField, msg := scope(n.text)
		if it == nil {
			return 0, conditionError(n.pos, msg)
		}
		n.item, n.rowField, n.typ = it, isField, typeRef
	case opNot:
		t, err := n.left.checkNode(scope)
		if err != nil {
			return 0, err
		}
		if t != typeBool {
			return 0, n.left.notBoolError()
		}
		n.typ = typeBool
	case opAnd, opOr:
		for _, side := range []*node{n.left, n.right} {
			t, err := side.checkNode(scope)
			if err != nil {
				return 0, err
			}
			if t != typeBool {
				return 0, side.notBoolError()
			}
		}
		n.typ = typeBool
	case opEq, opNe, opLt, opLe, opGt, opGe:
		if err := n.checkComparison(scope); err != nil {
			return 0, err
		}
		n.typ = typeBool
	case opCall:
		if err := n.checkCall(scope); err != nil {
			return 0, err
		}
	}
	return n.typ, nil
}

// checkDotted resolves "ref.field": ref must be a reference to one row, and
// field a field of the group it points at (not a group or another ref, so
// the value is a plain answer).
func (n *node) checkDotted(scope scopeFunc, dot int) (valueType, error) {
	first, second := n.text[:dot], n.text[dot+1:]
	if first == "" || second == "" || indexByte(second, '.') >= 0 {
		return 0, conditionError(n.pos, "'"+n.text+"' is geen geldige naam; schrijf verwijzing.veld, zoals van.soort")
	}
	via, isField, msg := scope(first)
	if via == nil {
		return 0, conditionError(n.pos, msg)
	}
	if via.Kind != KindRef || via.Multiple || via.Target == nil {
		return 0, conditionError(n.pos, "'"+first+"' is geen verwijzing naar één rij; alleen daarvan kun je een veld lezen met een punt ("+n.text+")")
	}
	f := via.Target.Field(second)
	if f == nil || f.Kind == KindGroup || f.Kind == KindRef {
		return 0, conditionError(n.pos, "'"+second+"' is geen veld van groep "+via.Target.ID+", waar "+first+" naar verwijst")
	}
	n.via, n.viaRowField, n.item, n.typ = via, isField, f, typeRef
	return typeRef, nil
}

func (n *node) checkComparison(scope scopeFunc) error {
	lt, err := n.left.checkNode(scope)
	if err != nil {
		return err
	}
	rt, err := n.right.checkNode(scope)
	if err != nil || !AuthorChecks {
		// The type rules below only explain mistakes to authors; the
		// evaluator copes with any combination.
		return err
	}
	ordering := n.op != opEq && n.op != opNe
	// Put a question on the left so the rules below only look one way.
	left, right := n.left, n.right
	if rt == typeRef && lt != typeRef {
		left, right, lt, rt = right, left, rt, lt
	}
	if lt == typeRef {
		it := left.item
		switch it.Kind {
		case KindMulti:
			return conditionError(n.pos, it.ID+" is een meerkeuzevraag; gebruik includes("+it.ID+", \"waarde\") of count("+it.ID+")")
		case KindGroup:
			return conditionError(n.pos, it.ID+" is een groep; gebruik count("+it.ID+") of answered("+it.ID+")")
		case KindRef:
			// An id means nothing to an author; what a condition can ask
			// is whether a row is chosen, and how many.
			return conditionError(n.pos, it.ID+" is een verwijzing naar een rij; gebruik answered("+it.ID+") of, bij meer rijen, count("+it.ID+")")
		}
		if rt == typeRef {
			other := right.item
			if other.Kind != it.Kind && !(isTextKind(it.Kind) && isTextKind(other.Kind)) {
				return conditionError(n.pos, it.ID+" ("+kindName(it.Kind)+") en "+other.ID+" ("+kindName(other.Kind)+") kun je niet met elkaar vergelijken")
			}
			if ordering && it.Kind != KindDate {
				return conditionError(n.pos, string(n.op)+" werkt alleen met getallen en datums")
			}
			return nil
		}
		if rt != typeString {
			return conditionError(n.pos, it.ID+" is een "+kindName(it.Kind)+" met tekst als antwoord; vergelijk met tekst tussen aanhalingstekens, niet met een getal of true/false")
		}
		value := right.text
		switch it.Kind {
		case KindYesNo:
			if !it.hasValue(value) {
				return conditionError(right.pos, "\""+value+"\" is geen antwoord op ja/nee-vraag "+it.ID+"; kies \"ja\", \"nee\" of \"weetniet\"")
			}
		case KindChoice:
			if len(it.Options) > 0 && !it.hasValue(value) {
				return conditionError(right.pos, "\""+value+"\" is geen optie van "+it.ID+"; mogelijk zijn: "+optionValues(it))
			}
		case KindDate:
			if !isValidDate(value) {
				return conditionError(right.pos, "\""+value+"\" is geen datum in de vorm jjjj-mm-dd")
			}
		}
		if ordering && it.Kind != KindDate {
			return conditionError(n.pos, string(n.op)+" werkt alleen met getallen en datums")
		}
		return nil
	}
	if lt != rt {
		return conditionError(n.pos, "je kunt "+typeName(lt)+" niet vergelijken met "+typeName(rt))
	}
	if ordering && lt != typeNumber {
		return conditionError(n.pos, string(n.op)+" werkt alleen met getallen en datums")
	}
	if lt == typeBool && !ordering {
		return nil
	}
	return nil
}

func isTextKind(k Kind) bool { return k == KindText || k == KindLongText }

func typeName(t valueType) string {
	switch t {
	case typeBool:
		return "een voorwaarde (waar/niet waar)"
	case typeNumber:
		return "een getal"
	case typeString:
		return "tekst"
	}
	return "een vraag"
}

func optionValues(it *Item) string {
	var vals []string
	for _, o := range it.AllowedValues() {
		vals = append(vals, "\""+o.Value+"\"")
	}
	return joinStrings(vals, ", ")
}

func (n *node) checkCall(scope scopeFunc) error {
	count := 1
	switch n.text {
	case "answered", "count":
	case "includes", "linked":
		count = 2
	default:
		return conditionError(n.pos, "onbekende functie '"+n.text+"'; gebruik answered(), includes(), count() of linked()")
	}
	if len(n.args) != count {
		return conditionError(n.pos, n.text+"() verwacht "+itoa(count)+" waarde(n) tussen de haakjes")
	}
	first := n.args[0]
	if first.op != opRef {
		return conditionError(first.pos, n.text+"() verwacht de id van een vraag")
	}
	if _, err := first.checkNode(scope); err != nil {
		return err
	}
	it := first.item
	if n.text == "linked" {
		return n.checkLinked(it)
	}
	if !AuthorChecks {
		n.typ = typeBool
		if n.text == "count" {
			n.typ = typeNumber
		}
		return nil
	}
	switch n.text {
	case "answered":
		n.typ = typeBool
	case "count":
		if it.Kind != KindGroup && it.Kind != KindMulti && !(it.Kind == KindRef && it.Multiple) {
			return conditionError(n.pos, "count() werkt alleen op een groep, een meerkeuzevraag of een verwijzing naar meer rijen; "+it.ID+" is een "+kindName(it.Kind))
		}
		n.typ = typeNumber
	case "includes":
		if it.Kind != KindMulti {
			return conditionError(n.pos, "includes() werkt alleen op een meerkeuzevraag; "+it.ID+" is een "+kindName(it.Kind))
		}
		second := n.args[1]
		if second.op != opStr {
			return conditionError(second.pos, "includes() verwacht als tweede waarde een optie tussen aanhalingstekens")
		}
		second.typ = typeString
		if len(it.Options) > 0 && !it.hasValue(second.text) {
			return conditionError(second.pos, "\""+second.text+"\" is geen optie van "+it.ID+"; mogelijk zijn: "+optionValues(it))
		}
		n.typ = typeBool
	}
	return nil
}

// checkLinked checks linked(group, "field"): in a forEach over a group G,
// whether a row of group names this row in its field, a reference to G
// ("is there an FG advice for this organisation?").
func (n *node) checkLinked(group *Item) error {
	n.typ = typeBool
	second := n.args[1]
	second.typ = typeString
	if !AuthorChecks {
		return nil
	}
	if group.Kind != KindGroup || n.args[0].rowField {
		return conditionError(n.args[0].pos, "linked() verwacht als eerste waarde de id van een groep")
	}
	if f := group.Field(second.text); second.op != opStr || f == nil || f.Kind != KindRef {
		return conditionError(second.pos, "linked() verwacht als tweede waarde een verwijzing (ref) van "+group.ID+" tussen aanhalingstekens")
	}
	return nil
}

// evalEnv gives conditions the current answers. Hidden questions read as
// unanswered, so a chain of conditions hides correctly.
type evalEnv struct {
	answers Answers
	visible []bool // by Item.slot
	row     Row
	source  Row // forEach over a follower: the row it follows

	// count() of a group is in many conditions, and counting looks into
	// every row; the last group counted and its count are kept. A group's
	// value cannot change during an evaluation: conditions only look back.
	counted *Item
	count   int
}

// cell is a row field's value: from the row itself, or for a field of the
// group a follower follows, from that group's row.
func (e *evalEnv) cell(f *Item) any {
	if e.source != nil && f.Group.Source == nil {
		return e.source[f.ID]
	}
	return e.row[f.ID]
}

func (e *evalEnv) value(n *node) any {
	if n.via != nil {
		return e.through(n)
	}
	if n.rowField {
		return e.cell(n.item)
	}
	if !e.visible[n.item.slot] {
		return nil
	}
	return e.answers[n.item.ID]
}

// through reads a field of the row a reference points at; nil while the
// reference, or the group it names, is not answered or the row is gone.
func (e *evalEnv) through(n *node) any {
	var id any
	if n.viaRowField {
		id = e.cell(n.via)
	} else if e.visible[n.via.slot] {
		id = e.answers[n.via.ID]
	}
	s, _ := id.(string)
	g := n.via.Target
	if s == "" || !e.visible[g.slot] {
		return nil
	}
	rows, _ := e.answers[g.ID].([]Row)
	for _, r := range rows {
		if rowID(r) == s {
			return r[n.item.ID]
		}
	}
	return nil
}

func (n *node) evalBool(e *evalEnv) bool {
	switch n.op {
	case opBool:
		return n.flag
	case opNot:
		return !n.left.evalBool(e)
	case opAnd:
		return n.left.evalBool(e) && n.right.evalBool(e)
	case opOr:
		return n.left.evalBool(e) || n.right.evalBool(e)
	case opCall:
		switch n.text {
		case "answered":
			return isAnswered(e.value(n.args[0]))
		case "includes":
			list, _ := e.value(n.args[0]).([]string)
			for _, v := range list {
				if v == n.args[1].text {
					return true
				}
			}
			return false
		case "linked":
			return n.evalLinked(e)
		}
	case opEq, opNe, opLt, opLe, opGt, opGe:
		return n.evalComparison(e)
	}
	return false
}

func (n *node) evalNumber(e *evalEnv) int {
	switch n.op {
	case opNum:
		return n.num
	case opCall:
		switch v := e.value(n.args[0]).(type) {
		case []string:
			return len(v)
		case []Row:
			if ref := n.args[0]; ref.item != e.counted || ref.rowField {
				e.counted, e.count = ref.item, 0
				for _, r := range v {
					if !r.isEmpty() {
						e.count++
					}
				}
			}
			return e.count
		}
	}
	return 0
}

func (n *node) evalString(e *evalEnv) string {
	if n.op == opStr {
		return n.text
	}
	s, _ := e.value(n).(string)
	if n.item != nil && n.item.Kind == KindDate && !isValidDate(s) {
		// A date that does not exist (kept so it can be flagged) is
		// neither before nor after anything.
		return ""
	}
	return s
}

func (n *node) evalComparison(e *evalEnv) bool {
	lt, rt := n.left.typ, n.right.typ
	var cmp int
	switch {
	case lt == typeNumber && rt == typeNumber:
		a, b := n.left.evalNumber(e), n.right.evalNumber(e)
		cmp = compareInts(a, b)
	case lt == typeBool && rt == typeBool:
		a, b := n.left.evalBool(e), n.right.evalBool(e)
		if a != b {
			cmp = 1
		}
	default:
		a, b := n.left.evalString(e), n.right.evalString(e)
		if n.op != opEq && n.op != opNe && (a == "" || b == "") {
			// An unanswered date is neither before nor after anything.
			return false
		}
		switch {
		case a < b:
			cmp = -1
		case a > b:
			cmp = 1
		}
	}
	switch n.op {
	case opEq:
		return cmp == 0
	case opNe:
		return cmp != 0
	case opLt:
		return cmp < 0
	case opLe:
		return cmp <= 0
	case opGt:
		return cmp > 0
	}
	return cmp >= 0
}

func compareInts(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// evalLinked: some row of the group names the current row in the field.
func (n *node) evalLinked(e *evalEnv) bool {
	id := rowID(e.row)
	rows, _ := e.value(n.args[0]).([]Row)
	if id == "" {
		return false
	}
	for _, r := range rows {
		switch v := r[n.args[1].text].(type) {
		case string:
			if v == id {
				return true
			}
		case []string:
			for _, x := range v {
				if x == id {
					return true
				}
			}
		}
	}
	return false
}
