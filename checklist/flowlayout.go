package checklist

// The layout of the data-flow diagram. It takes the organisations in order
// and the deelmomenten as numbered edges between them, and knows nothing of
// where the names come from (a choice, free text, a reference to a row).
//
// The drawing reads left to right in process order, like a swimlane: each
// organisation is a lane with its name in a box on the left, and each
// deelmoment is a column of its own, in order, with a vertical arrow from
// the sender's lane to the receiver's lane and its number in a circle on
// the arrow, just after its start. Because every name sits in its own box in the left column and
// every number in a column of its own, no name can overlap a node, a
// number or another name, whatever the number of organisations or the
// length of their names. Names wrap onto more lines instead of being cut.
//
// All sizes are CSS pixels: the page draws the SVG at this size (1:1), so
// the text keeps its real size on a phone, and a diagram wider than the
// screen scrolls in its own region instead of shrinking.

// Sizes of the flow layout, in CSS pixels.
const (
	FlowFontSize   = 14 // names
	FlowLineHeight = 18
	FlowNumRadius  = 13 // the circle around an edge number
	flowMargin     = 8
	flowPadX       = 8  // inside a node box, left and right
	flowPadY       = 8  // inside a node box, above and below the text
	flowLaneGap    = 10 // between two node boxes
	flowTextMax    = 136
	flowTextHard   = 200 // a single word may widen a box up to this
	flowColumn     = 36  // the width of one deelmoment's column: a number and 10 px
	flowColumnsGap = 12  // between the node boxes and the first column
	flowMinLane    = 44  // the lowest node box (room for a self-loop and its number)
)

// FlowEdgeIn is one deelmoment for the layout: its number and the indexes
// of its organisations in the node list.
type FlowEdgeIn struct {
	N        int
	From, To int
}

// Rect is a box in CSS pixels.
type Rect struct{ X, Y, W, H int }

func (r Rect) overlaps(o Rect) bool {
	return r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H
}

func (r Rect) contains(o Rect) bool {
	return o.X >= r.X && o.Y >= r.Y && o.X+o.W <= r.X+r.W && o.Y+o.H <= r.Y+r.H
}

// FlowText is one line of a name: its text, where its baseline starts, and
// the box it may take at most (by a generous estimate of the font).
type FlowText struct {
	Text string
	X, Y int
	Box  Rect
}

// FlowNode is an organisation: its box, its name in lines, and the middle of
// its lane, where arrows start and end.
type FlowNode struct {
	Name  string
	Box   Rect
	Lines []FlowText
	LaneY int
}

// FlowEdge is a deelmoment: its arrow as an SVG path, and its number in a
// circle (centre and radius; Num is the circle's box).
type FlowEdge struct {
	N          int
	From, To   int
	Path       string
	NumX, NumY int
	Num        Rect
}

// FlowLayout is the whole drawing.
type FlowLayout struct {
	Width, Height int
	Nodes         []FlowNode
	Edges         []FlowEdge
	// LaneFrom and LaneTo are where the lane lines run, left to right.
	LaneFrom, LaneTo int
}

// charWidth estimates the width of a character in em, on the wide side
// (close to DejaVu Sans, the widest of the usual system fonts), so a line
// that fits here fits in the browser.
func charWidth(r rune) int { // in thousandths of an em
	switch {
	case r == 'm' || r == 'w' || r == 'M' || r == 'W' || r == '@':
		return 1000
	case r == ' ' || r == 'i' || r == 'j' || r == 'l' || r == '.' || r == ',' || r == ':' || r == ';' || r == '\'' || r == '!' || r == '|':
		return 340
	case r == 'f' || r == 't' || r == 'r' || r == 'I' || r == '(' || r == ')' || r == '[' || r == ']' || r == '-':
		return 440
	case r >= 'A' && r <= 'Z':
		return 780
	case r >= '0' && r <= '9' || r >= 'a' && r <= 'z':
		return 650
	}
	return 800
}

// TextWidth estimates the width in CSS pixels of s at the given font size.
func TextWidth(s string, fontSize int) int {
	w := 0
	for _, r := range s {
		w += charWidth(r)
	}
	return (w*fontSize + 999) / 1000
}

// wrapText breaks s into lines of at most max pixels at the words; a word
// wider than hard is cut (the only place a word breaks).
func wrapText(s string, max, hard, fontSize int) []string {
	var lines []string
	line := ""
	for _, word := range splitWords(s) {
		for TextWidth(word, fontSize) > hard {
			cut := cutToWidth(word, hard, fontSize)
			if line != "" {
				lines = append(lines, line)
				line = ""
			}
			lines = append(lines, word[:cut]+"-")
			word = word[cut:]
		}
		switch {
		case line == "":
			line = word
		case TextWidth(line+" "+word, fontSize) <= max:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// cutToWidth is the longest prefix of word (at a rune boundary) that, with a
// hyphen, fits in max pixels; at least one rune.
func cutToWidth(word string, max, fontSize int) int {
	cut := 0
	for i, r := range word {
		if i > 0 && TextWidth(word[:i]+"-", fontSize) > max {
			break
		}
		cut = i + len(string(r))
	}
	if cut >= len(word) {
		cut = len(word) - 1
	}
	for cut > 1 && word[cut]&0xC0 == 0x80 {
		cut--
	}
	return cut
}

func splitWords(s string) []string {
	var words []string
	start := -1
	for i := 0; i <= len(s); i++ {
		space := i == len(s) || s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'
		if space && start >= 0 {
			words = append(words, s[start:i])
			start = -1
		} else if !space && start < 0 {
			start = i
		}
	}
	return words
}

// LayoutFlow places the organisations (names, in order) and the deelmomenten
// (edges, in process order). An edge index outside names is skipped.
func LayoutFlow(names []string, edges []FlowEdgeIn) *FlowLayout {
	l := &FlowLayout{}
	wrapped := make([][]string, len(names))
	boxW := 0
	for i, n := range names {
		wrapped[i] = wrapText(n, flowTextMax, flowTextHard, FlowFontSize)
		for _, line := range wrapped[i] {
			boxW = max(boxW, TextWidth(line, FlowFontSize))
		}
	}
	boxW += 2 * flowPadX
	y := flowMargin + FlowNumRadius // room above the first lane for a number
	for i, n := range names {
		h := max(len(wrapped[i])*FlowLineHeight+2*flowPadY, flowMinLane)
		node := FlowNode{Name: n, Box: Rect{flowMargin, y, boxW, h}, LaneY: y + h/2}
		ty := y + (h-len(wrapped[i])*FlowLineHeight)/2
		for _, line := range wrapped[i] {
			// The baseline sits about 0.8 em below the top of the line.
			node.Lines = append(node.Lines, FlowText{
				Text: line, X: flowMargin + flowPadX, Y: ty + (FlowLineHeight+FlowFontSize*8/10)/2,
				Box: Rect{flowMargin + flowPadX, ty, TextWidth(line, FlowFontSize), FlowLineHeight},
			})
			ty += FlowLineHeight
		}
		l.Nodes = append(l.Nodes, node)
		y += h + flowLaneGap
	}
	l.LaneFrom = flowMargin + boxW
	x := l.LaneFrom + flowColumnsGap
	for _, e := range edges {
		if e.From < 0 || e.To < 0 || e.From >= len(names) || e.To >= len(names) {
			continue
		}
		cx := x + flowColumn/2
		a, b := l.Nodes[e.From].LaneY, l.Nodes[e.To].LaneY
		edge := FlowEdge{N: e.N, From: e.From, To: e.To, NumX: cx}
		switch {
		case a == b:
			// A deelmoment within one organisation: a small loop over its
			// lane, the number below the lane line.
			edge.Path = "M " + itoa(cx-9) + " " + itoa(a) + " C " + itoa(cx-9) + " " + itoa(a-22) + " " + itoa(cx+9) + " " + itoa(a-22) + " " + itoa(cx+9) + " " + itoa(a-2)
			edge.NumY = a + FlowNumRadius + 2
		default:
			// The arrow stops short of the receiver's lane line so that the
			// arrowhead ends on it. The number sits just after the start, on
			// the sender's side: halfway it could land on the lane line of an
			// organisation the arrow only passes.
			dir := 1
			if b < a {
				dir = -1
			}
			edge.Path = "M " + itoa(cx) + " " + itoa(a) + " L " + itoa(cx) + " " + itoa(b-2*dir)
			edge.NumY = a + dir*(FlowNumRadius+6)
		}
		edge.Num = Rect{cx - FlowNumRadius, edge.NumY - FlowNumRadius, 2 * FlowNumRadius, 2 * FlowNumRadius}
		l.Edges = append(l.Edges, edge)
		x += flowColumn
	}
	l.LaneTo = x
	l.Width = x + flowMargin
	l.Height = y - flowLaneGap + flowMargin + FlowNumRadius
	if len(names) == 0 {
		l.Height = 2 * flowMargin
	}
	return l
}

// overlaps lists the pairs of things in the layout that overlap: a name
// with a node box other than its own or with a number, two names, two
// numbers, or a number with a node box. The tests hold it to none.
func (l *FlowLayout) overlaps() []string {
	var out []string
	for i, n := range l.Nodes {
		for _, t := range n.Lines {
			if !n.Box.contains(t.Box) {
				out = append(out, "name "+t.Text+" sticks out of its box")
			}
			for j, m := range l.Nodes {
				if j != i && m.Box.overlaps(t.Box) {
					out = append(out, "name "+t.Text+" overlaps the box of "+m.Name)
				}
			}
			for _, e := range l.Edges {
				if e.Num.overlaps(t.Box) {
					out = append(out, "name "+t.Text+" overlaps number "+itoa(e.N))
				}
			}
		}
		for j := i + 1; j < len(l.Nodes); j++ {
			if n.Box.overlaps(l.Nodes[j].Box) {
				out = append(out, "boxes of "+n.Name+" and "+l.Nodes[j].Name+" overlap")
			}
		}
	}
	for i, e := range l.Edges {
		for _, n := range l.Nodes {
			if e.Num.overlaps(n.Box) {
				out = append(out, "number "+itoa(e.N)+" overlaps the box of "+n.Name)
			}
		}
		for _, f := range l.Edges[i+1:] {
			if e.Num.overlaps(f.Num) {
				out = append(out, "numbers "+itoa(e.N)+" and "+itoa(f.N)+" overlap")
			}
		}
		if e.Num.X < 0 || e.Num.Y < 0 || e.Num.X+e.Num.W > l.Width || e.Num.Y+e.Num.H > l.Height {
			out = append(out, "number "+itoa(e.N)+" falls outside the drawing")
		}
	}
	return out
}
