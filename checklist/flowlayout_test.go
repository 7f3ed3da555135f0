package checklist

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// TestLayoutFlowNoOverlap generates diagrams of 1 to 14 organisations with
// short, long and very long names (one word of 60 letters, names of 120
// characters) and up to 30 deelmomenten, self-loops included, and holds the
// layout to its promise: no name overlaps a node box, a number or another
// name, no two numbers overlap, and everything lies inside the drawing.
func TestLayoutFlowNoOverlap(t *testing.T) {
	words := []string{"Wijkteam", "gemeente", "Zaanstad", "GGD", "Veilig", "Thuis", "Woningcorporatie", "Politie", "eenheid", "Noord-Holland",
		"Stichting", "Maatschappelijke", "Dienstverlening", "Schuldhulpverlening", "W", "i", "mmmmmmmm", "Ééntweedrieviervijfzeszevenachtnegentienelftwaalfdertienveertien"}
	rng := rand.New(rand.NewPCG(1, 2))
	for c := 0; c < 400; c++ {
		nodes := 1 + rng.IntN(14)
		names := make([]string, nodes)
		for i := range names {
			n := 1 + rng.IntN(8)
			var parts []string
			for range n {
				parts = append(parts, words[rng.IntN(len(words))])
			}
			names[i] = strings.Join(parts, " ")
		}
		var edges []FlowEdgeIn
		for n := 1; n <= rng.IntN(31); n++ {
			edges = append(edges, FlowEdgeIn{N: n, From: rng.IntN(nodes), To: rng.IntN(nodes)})
		}
		checkFlowLayout(t, names, edges)
	}
}

// TestLayoutFlowCases checks the realistic case of the werkwijze (five
// organisations, four deelmomenten) and twelve organisations with long
// names, and what the layout guarantees besides: names whole and in order,
// numbers left to right in process order, text at its real size.
func TestLayoutFlowCases(t *testing.T) {
	realistic := []string{"Wijkteam gemeente Zaanstad", "Woningcorporatie Parteon", "Politie eenheid Noord-Holland", "GGD Zaanstreek-Waterland", "Veilig Thuis Zaanstreek-Waterland"}
	checkFlowLayout(t, realistic, []FlowEdgeIn{{1, 1, 0}, {2, 0, 3}, {3, 2, 0}, {4, 0, 4}})
	var twelve []string
	var edges []FlowEdgeIn
	for i := range 12 {
		twelve = append(twelve, "Organisatie nummer "+itoa(i+1)+" met een naam die echt heel lang is, zoals Stichting Maatschappelijke Dienstverlening")
		edges = append(edges, FlowEdgeIn{N: i + 1, From: i, To: (i + 5) % 12})
	}
	l := checkFlowLayout(t, twelve, edges)
	for i := 1; i < len(l.Edges); i++ {
		if l.Edges[i].NumX <= l.Edges[i-1].NumX {
			t.Errorf("deelmoment %d is not right of deelmoment %d", l.Edges[i].N, l.Edges[i-1].N)
		}
	}
	for i := 1; i < len(l.Nodes); i++ {
		if l.Nodes[i].Box.Y <= l.Nodes[i-1].Box.Y {
			t.Errorf("organisation %d is not below organisation %d", i+1, i)
		}
	}
}

func checkFlowLayout(t *testing.T, names []string, edges []FlowEdgeIn) *FlowLayout {
	t.Helper()
	l := LayoutFlow(names, edges)
	if problems := l.overlaps(); len(problems) > 0 {
		t.Fatalf("%q %v:\n%s", names, edges, strings.Join(problems, "\n"))
	}
	if len(l.Nodes) != len(names) || len(l.Edges) != len(edges) {
		t.Fatalf("%d nodes and %d edges laid out, want %d and %d", len(l.Nodes), len(l.Edges), len(names), len(edges))
	}
	for i, n := range l.Nodes {
		var text []string
		for _, line := range n.Lines {
			text = append(text, strings.TrimSuffix(line.Text, "-"))
			if line.Box.X+line.Box.W > l.Width || line.Box.Y+line.Box.H > l.Height {
				t.Errorf("name %q falls outside the drawing", line.Text)
			}
		}
		// Lines join back into the name: nothing is cut off.
		if got := strings.Join(text, ""); got != strings.ReplaceAll(names[i], " ", "") && strings.Join(text, " ") != names[i] {
			if strings.ReplaceAll(strings.Join(text, " "), " ", "") != strings.ReplaceAll(names[i], " ", "") {
				t.Errorf("name %q laid out as %q", names[i], text)
			}
		}
	}
	return l
}

// TestLayoutFlowOverlapsFinds makes sure the overlap check itself sees an
// overlap: two node boxes moved onto each other.
func TestLayoutFlowOverlapsFinds(t *testing.T) {
	l := LayoutFlow([]string{"A", "B"}, []FlowEdgeIn{{1, 0, 1}, {2, 1, 0}})
	l.Nodes[1].Box = l.Nodes[0].Box
	l.Edges[1].Num = l.Edges[0].Num
	if got := l.overlaps(); len(got) < 2 {
		t.Errorf("overlaps() = %q, want the boxes and the numbers", got)
	}
}

// TestMarkEnglish: the report sets the English terms in italics (WCAG 3.1.2
// has no lang attribute in Markdown), each occurrence, nothing else.
func TestMarkEnglish(t *testing.T) {
	for in, want := range map[string]string{
		"Doelverschuiving (function creep)":    "Doelverschuiving (*function creep*)",
		"Internet of things en function creep": "*Internet of things* en *function creep*",
		"function creepfunction creep":         "*function creep**function creep*",
		"Geen Engelse term":                    "Geen Engelse term",
		"":                                     "",
	} {
		if got := markEnglish(in); got != want {
			t.Errorf("markEnglish(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEnglishTermsOneList: the report's English terms are those of
// data/engelse-termen.yaml, which the pages mark lang="en".
func TestEnglishTermsOneList(t *testing.T) {
	src, err := os.ReadFile("../data/engelse-termen.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var terms []string
	for _, line := range strings.Split(string(src), "\n") {
		if term, ok := strings.CutPrefix(line, "- "); ok {
			terms = append(terms, strings.TrimSpace(term))
		}
	}
	if strings.Join(terms, "|") != strings.Join(englishTerms, "|") {
		t.Errorf("data/engelse-termen.yaml has %q, the report marks %q", terms, englishTerms)
	}
}
