package checklist

// Checking a parsed condition (cond.go) when the definition loads: names resolve
// to questions and fields, and types fit, so a mistake is the author's, never the
// visitor's. Evaluating is in cond_eval.go.

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
