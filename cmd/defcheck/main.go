// Command defcheck checks every checklist definition in data/checklists
// before the site is built: `go run ./cmd/defcheck [-data data] [-record]`.
//
// It also compares each definition with the record of released versions in
// data/released/<id>.yaml (see released.go): question ids, kinds
// or options that changed while the version stayed the same are refused.
// With -record, the current version of each definition that passes the
// other checks is added to that record first; run it after raising a
// version.
//
// Each problem is printed as
//
//	data/checklists/x.yaml:LINE: item partners (sections[2].items[3]): reason
//
// and the exit status is 1 if there is any. The browser skips the checks
// that only help authors, so this command is what keeps broken definitions
// off the site.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"deelwijzer/checklist"
	"deelwijzer/checklist/yamldef"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("defcheck", flag.ContinueOnError)
	flags.SetOutput(stderr)
	dataDir := flags.String("data", "data", "data directory with checklists/, bronnen.yaml and the lists for optionsFrom (every *.yaml that is a list of entries with an id)")
	recordFlag := flags.Bool("record", false, "add the current version of every checklist to data/released/<id>.yaml when it is not there yet (after raising a version)")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	lists, err := yamldef.LoadLists(*dataDir)
	if err != nil {
		fmt.Fprintln(stderr, "defcheck:", err)
		return 1
	}
	shared, err := yamldef.LoadShared(*dataDir)
	if err != nil {
		fmt.Fprintln(stderr, "defcheck:", err)
		return 1
	}
	sources, err := loadSourceIDs(filepath.Join(*dataDir, "bronnen.yaml"))
	if err != nil {
		fmt.Fprintln(stderr, "defcheck:", err)
		return 1
	}
	files, err := filepath.Glob(filepath.Join(*dataDir, "checklists", "*.yaml"))
	if err != nil {
		fmt.Fprintln(stderr, "defcheck:", err)
		return 1
	}
	sort.Strings(files)
	if len(files) == 0 {
		fmt.Fprintln(stderr, "defcheck: geen checklists gevonden in", filepath.Join(*dataDir, "checklists"))
		return 1
	}
	failed := 0
	for _, file := range files {
		lines, def, doc := checkFile(file, lists, shared, sources)
		if def != nil && len(lines) == 0 {
			if *recordFlag {
				if err := record(*dataDir, []*checklist.Definition{def}, stdout); err != nil {
					fmt.Fprintln(stderr, "defcheck:", err)
					return 1
				}
			}
			for _, p := range checkReleased(*dataDir, def) {
				lines = append(lines, fmt.Sprintf("%s:%d: %s", file, doc.Line(p.Path), describe(p)))
			}
		}
		for _, l := range lines {
			fmt.Fprintln(stdout, l)
		}
		if len(lines) > 0 {
			failed++
		}
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "defcheck: %d van %d checklist(s) hebben fouten\n", failed, len(files))
		return 1
	}
	fmt.Fprintf(stderr, "defcheck: %d checklist(s) in orde\n", len(files))
	return 0
}

// checkFile returns one line per problem, and the definition and document
// when the file loads.
func checkFile(file string, lists map[string][]checklist.Option, shared *yamldef.Shared, sources map[string]bool) ([]string, *checklist.Definition, *yamldef.Document) {
	src, err := os.ReadFile(file)
	if err != nil {
		return []string{file + ": " + err.Error()}, nil, nil
	}
	def, doc, err := yamldef.LoadIn(src, lists, shared)
	if doc == nil {
		return []string{yamlErrorLine(file, err)}, nil, nil
	}
	var out []string
	report := func(p checklist.Problem) {
		out = append(out, fmt.Sprintf("%s:%d: %s", file, doc.Line(p.Path), describe(p)))
	}
	var le *checklist.LoadError
	switch {
	case errors.As(err, &le):
		for _, p := range le.Problems {
			report(p)
		}
	case err != nil:
		out = append(out, file+": "+err.Error())
	}
	// The page builds the action list per role from the findings' roles,
	// so a finding without roles would never reach anyone's list.
	if def != nil {
		for _, f := range def.Findings {
			if len(f.Roles) == 0 {
				report(checklist.Problem{Path: f.Path, OwnerKind: "bevinding", Owner: f.ID, OwnerPath: f.Path, Message: "noem bij roles wie deze bevinding oppakt (ids uit data/rollen.yaml)"})
			}
		}
	}
	want := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	id, _ := idOf(doc)
	if id != want {
		report(checklist.Problem{Path: "id", Message: "de id '" + id + "' moet gelijk zijn aan de bestandsnaam ('" + want + "')"})
	}
	if sources != nil {
		for i, s := range sourcesOf(doc) {
			if !sources[s] {
				report(checklist.Problem{Path: fmt.Sprintf("sources[%d]", i), Message: "bron '" + s + "' staat niet in data/bronnen.yaml"})
			}
		}
	}
	return out, def, doc
}

// sourcesOf reads the sources from the tree, so they are checked even when
// the rest of the definition has problems.
func sourcesOf(doc *yamldef.Document) []string {
	obj, _ := doc.Tree.(*checklist.Object)
	raw, _ := obj.Get("sources") // Get copes with a nil object
	list, _ := raw.([]any)
	var out []string
	for _, v := range list {
		s, _ := v.(string)
		out = append(out, s)
	}
	return out
}

func idOf(doc *yamldef.Document) (string, bool) {
	obj, ok := doc.Tree.(*checklist.Object)
	if !ok {
		return "", false
	}
	raw, _ := obj.Get("id")
	id, ok := raw.(string)
	return id, ok
}

// describe renders "item partners (sections[2].items[3]).showIf: reason".
func describe(p checklist.Problem) string {
	if p.Owner == "" {
		where := p.Path
		if where == "" {
			where = "checklist"
		}
		return where + ": " + p.Message
	}
	kind := map[string]string{"vraag": "item", "veld": "veld", "stap": "stap", "bevinding": "bevinding", "overzicht": "overzicht"}[p.OwnerKind]
	if kind == "" {
		kind = p.OwnerKind
	}
	rest := strings.TrimPrefix(p.Path, p.OwnerPath)
	return kind + " " + p.Owner + " (" + p.OwnerPath + ")" + rest + ": " + p.Message
}

// yamlErrorLine turns "yaml: line 12: ..." into "file:12: ...".
func yamlErrorLine(file string, err error) string {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if colon := strings.IndexByte(rest, ':'); colon > 0 {
			return file + ":" + rest[:colon] + ": geen geldige YAML:" + rest[colon+1:]
		}
	}
	if rest, ok := strings.CutPrefix(msg, "regel "); ok {
		if colon := strings.IndexByte(rest, ':'); colon > 0 {
			return file + ":" + rest[:colon] + ":" + rest[colon+1:]
		}
	}
	return file + ":1: geen geldige YAML: " + msg
}

// loadSourceIDs reads the ids from bronnen.yaml; a missing file means the
// sources cannot be checked (nil map).
func loadSourceIDs(path string) (map[string]bool, error) {
	src, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var entries []struct {
		ID string `yaml:"id"`
	}
	if err := yaml.Unmarshal(src, &entries); err != nil {
		return nil, errors.New(path + ": " + err.Error())
	}
	ids := map[string]bool{}
	for _, e := range entries {
		ids[e.ID] = true
	}
	return ids, nil
}
