package checklist_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deelwijzer/checklist"
	"deelwijzer/checklist/yamldef"
)

// The tests read files of older versions in every build, also compiled to
// WebAssembly (make gotest-wasm), where only the document module does.
func init() { checklist.ReadOlderFiles() }

var update = flag.Bool("update", false, "rewrite golden files in testdata/cases and report.md in testdata/real")

// testLists are the named option lists the test definitions use.
func testLists() map[string][]checklist.Option {
	return map[string][]checklist.Option{
		"rollen": {
			{Value: "projectleider", Label: "Projectleider"},
			{Value: "fg", Label: "Functionaris gegevensbescherming"},
			{Value: "privacy-officer", Label: "Privacy officer"},
		},
		"partners": {},
	}
}

func loadYAML(t testing.TB, src string) *checklist.Definition {
	t.Helper()
	def, _, err := yamldef.Load([]byte(src), testLists())
	if err != nil {
		t.Fatalf("definition does not load:\n%v", err)
	}
	return def
}

func loadBasis(t testing.TB) *checklist.Definition {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "basis.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return loadYAML(t, string(src))
}

func answersFromJSON(t testing.TB, def *checklist.Definition, text string) checklist.Answers {
	t.Helper()
	answers, err := checklist.ParseAnswersJSON(def, text)
	if err != nil {
		t.Fatal(err)
	}
	return answers
}

// archive is a txtar-style file: "-- name --" lines start sections.
type archive struct {
	comment string
	names   []string
	files   map[string]string
}

func parseArchive(text string) *archive {
	a := &archive{files: map[string]string{}}
	current := ""
	var b strings.Builder
	flush := func() {
		if current == "" {
			a.comment = b.String()
		} else {
			a.files[current] = b.String()
		}
		b.Reset()
	}
	for _, line := range strings.SplitAfter(text, "\n") {
		trimmed := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			flush()
			current = strings.TrimSpace(trimmed[3 : len(trimmed)-3])
			a.names = append(a.names, current)
			continue
		}
		b.WriteString(line)
	}
	flush()
	return a
}

func (a *archive) format() string {
	var b strings.Builder
	b.WriteString(a.comment)
	for _, n := range a.names {
		b.WriteString("-- " + n + " --\n")
		content := a.files[n]
		b.WriteString(content)
		if content != "" && !strings.HasSuffix(content, "\n") {
			b.WriteString("\n")
		}
	}
	return b.String()
}

func (a *archive) set(name, content string) {
	if _, ok := a.files[name]; !ok {
		a.names = append(a.names, name)
	}
	a.files[name] = content
}

// loadQuiet loads a YAML definition and returns the error instead of failing.
func loadQuiet(src string) (*checklist.Definition, any, error) {
	def, _, err := yamldef.Load([]byte(src), testLists())
	return def, nil, err
}

// smallDefinitionJSON is the small test definition as JSON with "CONDITION"
// as both the last showIf and the finding's when.
func smallDefinitionJSON(t testing.TB) string {
	t.Helper()
	text, err := yamldef.ToJSON([]byte(smallWith("CONDITION", "CONDITION", "x")))
	if err != nil {
		t.Fatal(err)
	}
	return text
}

// skipWithoutAuthorChecks skips tests of author-only messages in the
// browser build, which compiles those checks out.
func skipWithoutAuthorChecks(t *testing.T) {
	if !checklist.AuthorChecks {
		t.Skip("author checks are compiled out in this build")
	}
}

// loadShipped loads data/checklists/<id>.yaml with the lists of data/, as the
// build and the page get it.
func loadShipped(t *testing.T, id string) *checklist.Definition {
	t.Helper()
	def, err := yamldef.LoadShipped(filepath.Join("..", "data"), id)
	if err != nil {
		t.Fatal(err)
	}
	return def
}
