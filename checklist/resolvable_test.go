package checklist_test

import (
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"deelwijzer/checklist"
)

// TestEveryFindingResolvable: for every finding rule of every shipped
// checklist, the test generates answers with which the finding fires, and
// from those answers finds answers with which it is cleared, the way a
// visitor acts on a finding: by filling in what is still empty, by
// answering "ja" where the answer was "nee" or "weet ik niet", by adding a
// row, by choosing rows in a reference, or by making another choice. Taking
// an answer away or turning a "ja" into "nee" does not count: a finding
// that only clears that way asks for something there is no field for (the
// exception for special data when "bijzondere gegevens" is "ja", "schrijf
// op waarom" with nowhere to write). A verdict (severity uitkomst) is not a
// task; it only has to fire.
func TestEveryFindingResolvable(t *testing.T) {
	for _, id := range []string{"samenwerking", "upp", "wegwijzer", "dpia-toets", "werkwijze"} {
		def := loadShipped(t, id)
		g := newAnswerGen(def, 1)
		g.seeds = goldenAnswers(t, def)
		for _, f := range def.Findings {
			t.Run(id+"/"+f.ID, func(t *testing.T) {
				fired, row, ok := g.search(f, 4000)
				if !ok {
					t.Fatalf("no generated answers make %s fire; when: %s", f.ID, f.When)
				}
				if f.Severity == checklist.SeverityUitkomst {
					return
				}
				if _, ok := g.clear(f, fired, row, 1500); ok {
					return
				}
				t.Errorf("%s cannot be resolved by filling in, completing or choosing: give it the field to act on.\nwhen: %s\ntext: %s", f.ID, f.When, f.Text)
			})
		}
	}
}

// answerGen makes random answers for a definition, with a bias towards the
// values the conditions test for.
type answerGen struct {
	def  *checklist.Definition
	rnd  *rand.Rand
	lits map[string][]string // item or field id -> literals compared with it
	// seeds are the answers of the golden cases, tried before random ones:
	// some findings need many answers just so ("alle documenten klaar").
	seeds []checklist.Answers
}

// goldenAnswers decodes the answers of testdata/real/<id>--*.txtar.
func goldenAnswers(t *testing.T, def *checklist.Definition) []checklist.Answers {
	files, _ := filepath.Glob(filepath.Join("testdata", "real", def.ID+"--*.txtar"))
	var out []checklist.Answers
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tree, err := checklist.ParseJSON(parseArchive(string(src)).files["answers.json"], checklist.MaxJSONDepth)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := checklist.DecodeAnswers(def, tree)
		out = append(out, a)
	}
	return out
}

var (
	litCompare  = regexp.MustCompile(`([a-z0-9-]+)\s*(?:==|!=)\s*"([^"]*)"`)
	litIncludes = regexp.MustCompile(`includes\(\s*([a-z0-9-]+)\s*,\s*"([^"]*)"\s*\)`)
	condNames   = regexp.MustCompile(`[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)?`)
)

func newAnswerGen(def *checklist.Definition, seed int64) *answerGen {
	g := &answerGen{def: def, rnd: rand.New(rand.NewSource(seed)), lits: map[string][]string{}}
	add := func(cond string) {
		for _, re := range []*regexp.Regexp{litCompare, litIncludes} {
			for _, m := range re.FindAllStringSubmatch(cond, -1) {
				g.lits[m[1]] = append(g.lits[m[1]], m[2])
			}
		}
	}
	for _, f := range def.Findings {
		add(f.When)
	}
	for _, it := range def.Items() {
		add(it.ShowIf)
	}
	return g
}

func (g *answerGen) pick(n int) int { return g.rnd.Intn(n) }

// value returns a random answer for a question or field; nil is no answer.
func (g *answerGen) value(it *checklist.Item, answers checklist.Answers) any {
	if g.pick(3) == 0 {
		return nil
	}
	lits := g.lits[it.ID]
	switch it.Kind {
	case checklist.KindYesNo:
		return []string{"ja", "nee", "weetniet"}[g.pick(3)]
	case checklist.KindChoice:
		if len(lits) > 0 && g.pick(4) > 0 {
			return lits[g.pick(len(lits))]
		}
		opts := it.AllowedValues()
		if len(opts) == 0 {
			return nil
		}
		return opts[g.pick(len(opts))].Value
	case checklist.KindMulti:
		// A few options, often the ones the conditions name.
		var out []string
		opts := it.AllowedValues()
		for k := g.pick(4); k > 0 && len(opts) > 0; k-- {
			v := opts[g.pick(len(opts))].Value
			if len(lits) > 0 && g.pick(2) == 0 {
				v = lits[g.pick(len(lits))]
			}
			if !containsStr(out, v) {
				out = append(out, v)
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case checklist.KindDate:
		return "2027-03-15"
	case checklist.KindRef:
		ids := rowIDs(it.Target, answers)
		if len(ids) == 0 {
			return nil
		}
		if it.Multiple {
			return []string{ids[g.pick(len(ids))]}
		}
		return ids[g.pick(len(ids))]
	}
	return "Tekst"
}

func rowIDs(group *checklist.Item, answers checklist.Answers) []string {
	rows, _ := answers[group.ID].([]checklist.Row)
	var ids []string
	for _, r := range rows {
		if id, _ := r[checklist.RowIDKey].(string); id != "" {
			ids = append(ids, id)
		}
	}
	return ids
}

// random returns a random answer set; a group gets 1 or 2 rows, and a group
// that follows another one a row for each of its rows.
func (g *answerGen) random() checklist.Answers {
	answers := checklist.Answers{}
	for _, it := range g.def.Items() {
		if it.Kind != checklist.KindGroup {
			if v := g.value(it, answers); v != nil {
				answers[it.ID] = v
			}
			continue
		}
		n := g.pick(3)
		var src []checklist.Row
		if it.Source != nil {
			src, _ = answers[it.Source.ID].([]checklist.Row)
			n = len(src)
		}
		rows := make([]checklist.Row, n)
		for i := range rows {
			r := checklist.Row{checklist.RowIDKey: it.ID + "-" + string(rune('1'+i))}
			if src != nil {
				r[checklist.RowIDKey] = src[i][checklist.RowIDKey]
			}
			for _, f := range it.Fields {
				if v := g.value(f, answers); v != nil {
					r[f.ID] = v
				}
			}
			rows[i] = r
		}
		answers[it.ID] = rows
	}
	return answers
}

// fires reports whether finding f is in the state, and at which row.
func fires(def *checklist.Definition, f *checklist.Finding, answers checklist.Answers, row int) (int, bool) {
	for _, r := range checklist.Evaluate(def, answers).Findings {
		if r.ID == f.ID && (row < 0 || r.Row == row) {
			return r.Row, true
		}
	}
	return -1, false
}

func (g *answerGen) search(f *checklist.Finding, tries int) (checklist.Answers, int, bool) {
	for _, a := range g.seeds {
		if row, ok := fires(g.def, f, a, -1); ok {
			return a.Clone(), row, true
		}
	}
	for i := 0; i < tries; i++ {
		a := g.random()
		if row, ok := fires(g.def, f, a, -1); ok {
			return a, row, true
		}
	}
	return nil, -1, false
}

// clear tries to make f (at row) go away by changes a visitor makes to
// resolve a finding; with anyChange also by changing any answer the finding
// looks at.
func (g *answerGen) clear(f *checklist.Finding, fired checklist.Answers, row, tries int) (checklist.Answers, bool) {
	names := map[string]bool{}
	for _, n := range condNames.FindAllString(f.When, -1) {
		names[n] = true
	}
	var targets []string
	for n := range names {
		targets = append(targets, n)
	}
	sort.Strings(targets)
	for i := 0; i < tries; i++ {
		a := fired.Clone()
		for k := 0; k < 1+g.pick(3); k++ {
			g.mutate(a, f, row, targets[g.pick(len(targets))])
		}
		if _, still := fires(g.def, f, a, row); !still {
			return a, true
		}
	}
	return nil, false
}

// mutate changes one answer named name: the question, or the field in the
// finding's row (or in the row it follows).
func (g *answerGen) mutate(a checklist.Answers, f *checklist.Finding, row int, name string) {
	if dot := strings.IndexByte(name, '.'); dot > 0 {
		g.mutateThrough(a, f, row, name[:dot], name[dot+1:])
		return
	}
	if f.ForEach != "" && row >= 0 && g.mutateCell(a, f, row, name) {
		return
	}
	if it := g.def.Item(name); it != nil && it.Kind != checklist.KindGroup {
		if v, ok := g.forward(it, a[name], a); ok {
			setAnswer(a, name, v)
		}
		return
	}
	if it := g.def.Item(name); it != nil && it.Kind == checklist.KindGroup {
		// Adding a row is filling in; removing one is not.
		rows, _ := a[name].([]checklist.Row)
		r := checklist.Row{checklist.RowIDKey: name + "-x" + string(rune('a'+len(rows)))}
		for _, fl := range it.Fields {
			if v := g.value(fl, a); v != nil {
				r[fl.ID] = v
			}
		}
		a[name] = append(rows, r)
	}
}

// mutateCell changes field name in the finding's row, or in the row it
// follows; false when neither group has that field.
func (g *answerGen) mutateCell(a checklist.Answers, f *checklist.Finding, row int, name string) bool {
	group := g.def.Item(f.ForEach)
	for _, gr := range []*checklist.Item{group, group.Source} {
		fl := gr.Field(name)
		if fl == nil {
			continue
		}
		rows, _ := a[gr.ID].([]checklist.Row)
		// A following group may have fewer rows than its source: the row the
		// finding is about exists on the page, blank.
		for len(rows) <= row {
			rows = append(rows, checklist.Row{})
		}
		a[gr.ID] = rows
		if v, ok := g.forward(fl, rows[row][name], a); ok {
			if v == nil {
				delete(rows[row], name)
			} else {
				rows[row][name] = v
			}
		}
		return true
	}
	return false
}

// mutateThrough changes field of the row the reference ref points at (the
// type of the organisation in van.soort), the way a visitor completes that
// row; without a row there, it changes the reference itself.
func (g *answerGen) mutateThrough(a checklist.Answers, f *checklist.Finding, row int, ref, field string) {
	var id string
	var target *checklist.Item
	if f.ForEach != "" && row >= 0 {
		group := g.def.Item(f.ForEach)
		for _, gr := range []*checklist.Item{group, group.Source} {
			if fl := gr.Field(ref); fl != nil {
				rows, _ := a[gr.ID].([]checklist.Row)
				if row < len(rows) {
					id, _ = rows[row][ref].(string)
				}
				target = fl.Target
				break
			}
		}
	} else if it := g.def.Item(ref); it != nil {
		id, _ = a[ref].(string)
		target = it.Target
	}
	if target == nil {
		return
	}
	rows, _ := a[target.ID].([]checklist.Row)
	for _, r := range rows {
		if r[checklist.RowIDKey] == id {
			if v, ok := g.forward(target.Field(field), r[field], a); ok && v != nil {
				r[field] = v
			}
			return
		}
	}
	g.mutate(a, f, row, ref)
}

// forward returns a new answer a visitor gives to resolve a finding: an
// answer where there was none, "ja" for "nee" or "weet ik niet", another
// choice, other checked options, or other rows in a reference.
func (g *answerGen) forward(it *checklist.Item, old any, a checklist.Answers) (any, bool) {
	empty := old == nil || old == "" || isEmptyList(old)
	if it.Kind == checklist.KindRef && len(rowIDs(it.Target, a)) == 0 {
		// Nothing to choose yet: the visitor first adds a row there.
		rows, _ := a[it.Target.ID].([]checklist.Row)
		a[it.Target.ID] = append(rows, checklist.Row{checklist.RowIDKey: it.Target.ID + "-nieuw", it.Target.Fields[0].ID: g.filled(it.Target.Fields[0], a)})
	}
	var v any
	for k := 0; k < 8 && v == nil; k++ {
		v = g.value(it, a)
	}
	switch {
	case empty, it.Kind == checklist.KindChoice, it.Kind == checklist.KindMulti, it.Kind == checklist.KindRef:
		return v, v != nil
	case it.Kind == checklist.KindYesNo && (old == "nee" || old == "weetniet"):
		return "ja", true
	}
	return nil, false
}

// filled returns an answer for a field, text when nothing else comes.
func (g *answerGen) filled(it *checklist.Item, a checklist.Answers) any {
	for k := 0; k < 20; k++ {
		if v := g.value(it, a); v != nil {
			return v
		}
	}
	return "Tekst"
}

func setAnswer(a checklist.Answers, name string, v any) {
	if v == nil {
		delete(a, name)
		return
	}
	a[name] = v
}

func isEmptyList(v any) bool {
	l, ok := v.([]string)
	return ok && len(l) == 0
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The removed-row finding the engine adds itself clears when the visitor
// picks a row that exists.
func TestRemovedRowFindingResolvable(t *testing.T) {
	def := loadShipped(t, "werkwijze")
	answers := answersFromJSON(t, def, `{
	  "processtappen":[{"_id":"a","stap":"Melding"}],
	  "deelmomenten":[{"_id":"d","processtap":"weg","gegevens":"x","doel":"y"}]}`)
	if !strings.Contains(findingTexts(checklist.Evaluate(def, answers)), "verwijderde rij (weg)") {
		t.Fatal("no finding for the removed row")
	}
	answers["deelmomenten"].([]checklist.Row)[0]["processtap"] = "a"
	if strings.Contains(findingTexts(checklist.Evaluate(def, answers)), "verwijderde rij") {
		t.Error("the finding stays after choosing an existing row")
	}
}
