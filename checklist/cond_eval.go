package checklist

// Evaluating a checked condition (cond.go, cond_check.go) against the answers, on
// every change in the page.

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
