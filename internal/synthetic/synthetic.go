// Package synthetic writes the large, made-up inputs the benchmark measures with:
// a checklist definition far bigger than any real one (300 items, 100 conditions,
// a repeatable group with 20 rows), answers for it, and a tree of content pages.
//
// The same checklist feeds the engine unit benchmarks (checklist/bench_test.go),
// the Hugo build and the browser measurement, so all three talk about one thing.
package synthetic

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ID is the id (and file name) of the synthetic checklist.
const ID = "bench-synthetisch"

// GroupID is the repeatable group of the synthetic checklist.
const GroupID = "rijen"

// Spec sizes the synthetic checklist.
type Spec struct {
	Items      int // questions, the group included
	Conditions int // items with a showIf
	Rows       int // rows of the group that the answers fill
	Sections   int
	Findings   int // findings rules, a quarter of them per group row
}

// Default is the size the issue asks for.
var Default = Spec{Items: 300, Conditions: 100, Rows: 20, Sections: 10, Findings: 24}

// kindOf spreads the kinds over the items the way a real checklist mixes them:
// mostly yes/no and choices, some multi and free text, a few dates. Item 0 is the
// group.
func kindOf(i int) string {
	switch {
	case i == 0:
		return "group"
	case i%25 == 24:
		return "date"
	case i%10 == 9:
		return "longtext"
	}
	switch i % 5 {
	case 0, 2:
		return "yesno"
	case 1:
		return "choice"
	case 3:
		return "multi"
	default:
		return "text"
	}
}

func itemID(i int) string {
	if i == 0 {
		return GroupID
	}
	return fmt.Sprintf("v%03d", i)
}

// conditional reports whether item i gets a showIf: every third item from item 1
// on, until there are enough.
func conditional(s Spec, i int) bool {
	return i%3 == 1 && i/3 < s.Conditions
}

// reference is an operand test on item j (which comes before the item that uses
// it), in the form that type-checks for j's kind.
func reference(j, variant int) string {
	id := itemID(j)
	switch kindOf(j) {
	case "group":
		return "count(" + GroupID + ") > 3"
	case "yesno":
		if variant%2 == 0 {
			return id + ` == "ja"`
		}
		return id + ` != "nee"`
	case "choice":
		if variant%2 == 0 {
			return id + ` == "b"`
		}
		return "answered(" + id + ")"
	case "multi":
		if variant%2 == 0 {
			return "includes(" + id + `, "y")`
		}
		return "count(" + id + ") >= 1"
	default:
		return "answered(" + id + ")"
	}
}

// previousYesNo is the nearest yes/no item before i, so most conditions hang on
// a question a visitor answers with one click (and chains form).
func previousYesNo(i int) int {
	for j := i - 1; j > 0; j-- {
		if kindOf(j) == "yesno" {
			return j
		}
	}
	return 0
}

func showIf(i int) string {
	near := reference(previousYesNo(i), i)
	if i < 8 {
		return near
	}
	far := reference(i-7, i/3)
	switch i % 4 {
	case 0:
		return near + " and " + far
	case 1:
		return near + " or " + far
	case 2:
		return "not (" + near + ") or " + far
	default:
		return "(" + near + " or " + far + ") and " + reference(0, 0)
	}
}

func q(s string) string { return strconv.Quote(s) }

// ChecklistYAML returns a definition in the format of data/checklists/<id>.yaml.
func ChecklistYAML(s Spec) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# Synthetic checklist for make bench: %d items, %d conditions, a group of %d rows.\n", s.Items, s.Conditions, s.Rows)
	w("id: %s\n", ID)
	w("title: %s\n", q("Benchmark-checklist"))
	w("version: \"1.0.0\"\n")
	w("date: \"2026-01-01\"\n")
	w("description: %s\n", q("Een grote checklist om de snelheid van de engine te meten."))
	w("guidance: /checklists/\n")
	w("sources: [avg]\n")
	w("sections:\n")
	perSection := (s.Items + s.Sections - 1) / s.Sections
	for sec := 0; sec < s.Sections; sec++ {
		first, last := sec*perSection, min((sec+1)*perSection, s.Items)
		if first >= last {
			break
		}
		w("  - id: stap-%02d\n", sec+1)
		w("    title: %s\n", q(fmt.Sprintf("Beantwoord de vragen van deel %d", sec+1)))
		w("    items:\n")
		for i := first; i < last; i++ {
			writeItem(&b, s, i)
		}
	}
	w("findings:\n")
	for f := 0; f < s.Findings; f++ {
		writeFinding(&b, s, f)
	}
	return b.String()
}

func writeItem(b *strings.Builder, s Spec, i int) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	kind := kindOf(i)
	w("      - id: %s\n", itemID(i))
	w("        kind: %s\n", kind)
	if kind == "group" {
		w("        question: %s\n", q("Welke partners doen mee?"))
		w("        required: true\n")
		w("        minRows: %d\n", s.Rows)
		w("        maxRows: 50\n")
		w("        fields:\n")
		w("          - {id: naam, kind: text, question: %s, required: true}\n", q("Naam van de partner"))
		w("          - id: soort\n            kind: choice\n            question: %s\n", q("Soort partner"))
		w("            options: [{value: a, label: Gemeente}, {value: b, label: Zorgaanbieder}, {value: c, label: Politie}]\n")
		w("          - {id: akkoord, kind: yesno, question: %s}\n", q("Is de partner akkoord?"))
		return
	}
	w("        question: %s\n", q(fmt.Sprintf("Vraag %d: is dit onderdeel van de samenwerking geregeld?", i)))
	if i%4 == 0 {
		w("        required: true\n")
	}
	if i%7 == 0 {
		w("        hint: %s\n", q("Kijk in het plan van aanpak of in het **convenant**."))
	}
	if conditional(s, i) {
		w("        showIf: %s\n", q(showIf(i)))
	}
	switch kind {
	case "choice":
		w("        options: [{value: a, label: Nog niet}, {value: b, label: Deels}, {value: c, label: Helemaal}]\n")
	case "multi":
		w("        options: [{value: x, label: Juridisch}, {value: y, label: Organisatorisch}, {value: z, label: Technisch}]\n")
	}
}

func writeFinding(b *strings.Builder, s Spec, f int) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	severity := []string{"info", "aandacht", "risico"}[f%3]
	w("  - id: bevinding-%02d\n", f+1)
	w("    severity: %s\n", severity)
	if f%4 == 3 {
		w("    forEach: %s\n", GroupID)
		switch f % 8 {
		case 3:
			w("    when: %s\n", q("not answered(soort)"))
		default:
			w("    when: %s\n", q(`akkoord != "ja" and soort == "b"`))
		}
		w("    text: %s\n", q("Partner {naam} heeft nog niet ingestemd."))
	} else {
		j := (2 + f*11) % s.Items // spread over the checklist; kinds differ per item
		for kindOf(j) == "group" {
			j = (j + 1) % s.Items
		}
		w("    when: %s\n", q("not ("+reference(j, f)+")"))
		w("    text: %s\n", q(fmt.Sprintf("Onderdeel %d is nog niet geregeld.", j)))
	}
	w("    link: /checklists/\n")
	// Every finding names who picks it up; the ids are roles of data/rollen.yaml.
	w("    roles: [%s]\n", []string{"privacy-officer", "jurist", "projectleider"}[f%3])
}

// Answers returns answers for the synthetic checklist as a JSON object in the
// shape the page sends the engine: about half the questions answered, and every
// row of the group filled.
func Answers(s Spec) string {
	var parts []string
	for i := 0; i < s.Items; i++ {
		id := q(itemID(i))
		switch kindOf(i) {
		case "group":
			var rows []string
			for r := 0; r < s.Rows; r++ {
				rows = append(rows, fmt.Sprintf(`{"naam":"Partner %d","soort":%q,"akkoord":%q}`,
					r+1, []string{"a", "b", "c"}[r%3], []string{"ja", "nee", "weetniet"}[r%3]))
			}
			parts = append(parts, id+":["+strings.Join(rows, ",")+"]")
			continue
		}
		if i%2 == 1 {
			continue
		}
		switch kindOf(i) {
		case "yesno":
			parts = append(parts, id+":"+q([]string{"ja", "ja", "nee", "weetniet"}[(i/2)%4]))
		case "choice":
			parts = append(parts, id+":"+q([]string{"a", "b", "c"}[i%3]))
		case "multi":
			parts = append(parts, id+`:["x","y"]`)
		case "date":
			parts = append(parts, id+`:"2026-03-01"`)
		default:
			parts = append(parts, id+":"+q(fmt.Sprintf("Afspraak %d staat in het convenant.", i)))
		}
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// WriteChecklist writes the definition to <site>/data/checklists/<ID>.yaml.
func WriteChecklist(site string, s Spec) (string, error) {
	path := filepath.Join(site, "data", "checklists", ID+".yaml")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	return path, os.WriteFile(path, []byte(ChecklistYAML(s)), 0o644)
}

// PageSection is the content section WritePages fills.
const PageSection = "bench-synthetisch"

// WritePages writes n content pages under <site>/content/<PageSection>/, in
// sub-sections of 100, each like a real guidance page: front matter with sources,
// headings, lists, a table, internal and glossary links and an "open" callout.
// links are site paths that exist in the real site; term is a glossary link
// (/begrippen/#id) that exists too.
func WritePages(site string, n int, links []string, term string) error {
	root := filepath.Join(site, "content", PageSection)
	index := "---\ntitle: \"Benchmark-pagina's\"\ndescription: \"Pagina's om de bouwtijd te meten.\"\nbronnen: [avg]\n---\nOverzicht.\n"
	if err := writeFile(filepath.Join(root, "_index.md"), index); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		dir := filepath.Join(root, fmt.Sprintf("deel-%02d", i/100+1))
		if i%100 == 0 {
			sec := fmt.Sprintf("---\ntitle: \"Deel %d\"\ndescription: \"Een deel van de benchmark-pagina's.\"\nweight: %d\nbronnen: [avg]\n---\nDeel %d.\n", i/100+1, (i/100+1)*10, i/100+1)
			if err := writeFile(filepath.Join(dir, "_index.md"), sec); err != nil {
				return err
			}
		}
		if err := writeFile(filepath.Join(dir, fmt.Sprintf("pagina-%04d.md", i+1)), page(i, links, term)); err != nil {
			return err
		}
	}
	return nil
}

func page(i int, links []string, term string) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	link := func(k int) string {
		if len(links) == 0 {
			return "/"
		}
		return links[(i+k)%len(links)]
	}
	w("---\ntitle: \"Pagina %d over gegevens delen\"\n", i+1)
	w("description: \"Een pagina met uitleg over stap %d van het delen van gegevens.\"\n", i%8+1)
	w("weight: %d\nbronnen: [avg, vng-samenwerking]\n---\n", (i%100+1)*10)
	for h := 1; h <= 3; h++ {
		w("## Onderdeel %d\n\n", h)
		w("Organisaties die gegevens delen, spreken vooraf af wie wat doet en waarom. ")
		w("Lees ook [de uitleg](%s) en kijk wat een [grondslag](%s) is. ", link(h), term)
		w("Deel niet meer dan nodig is en leg vast welke gegevens u deelt.\n\n")
		w("### Wat u doet\n\n")
		for k := 1; k <= 4; k++ {
			w("- Stap %d: bespreek punt %d met uw team en uw privacy officer.\n", k, k+h)
		}
		w("\n| Wie | Wat | Wanneer |\n|---|---|---|\n")
		for k := 1; k <= 3; k++ {
			w("| Partner %d | Levert gegevens | Week %d |\n", k, k+i%10)
		}
		w("\n")
	}
	w("{{%% open %%}}De wet zegt niet precies hoe lang u deze gegevens mag bewaren in geval %d.{{%% /open %%}}\n", i)
	return b.String()
}

func writeFile(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(text), 0o644)
}
