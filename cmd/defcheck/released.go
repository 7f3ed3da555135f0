package main

// The release record: data/released/<id>.yaml lists, for every
// version of a checklist that was published, its question ids with their
// kind and allowed values. Answers are stored on devices and in files under
// the definition's version, and an answer file that claims the current
// version but holds answers that no longer fit is refused as damaged. So a
// definition whose ids or options change must get a new version. defcheck
// compares each definition with the record of its version and refuses a
// change that kept the version; `defcheck -record` adds the current
// definitions to the record once their version is raised.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"deelwijzer/checklist"
)

const recordCommand = "go run ./cmd/defcheck -record"

// release is one published version: the version and, per question or group
// field ("group.field"), its kind and allowed values, written as
// "choice: a, b, c" so that a diff of the record reads like the change.
type release struct {
	Version string            `yaml:"version"`
	Items   map[string]string `yaml:"items"`
}

func recordPath(dataDir, id string) string {
	return filepath.Join(dataDir, "released", id+".yaml")
}

// snapshot describes what answers depend on in def.
func snapshot(def *checklist.Definition) map[string]string {
	out := map[string]string{}
	var add func(prefix string, it *checklist.Item)
	add = func(prefix string, it *checklist.Item) {
		desc := string(it.Kind)
		if it.Kind == checklist.KindChoice || it.Kind == checklist.KindMulti {
			values := make([]string, len(it.Options))
			for i, o := range it.Options {
				values[i] = o.Value
			}
			desc += ": " + strings.Join(values, ", ")
		}
		if it.Kind == checklist.KindRef {
			desc += ": " + it.Ref
			if it.Multiple {
				desc += " (meer rijen)"
			}
		}
		out[prefix+it.ID] = desc
		for _, f := range it.Fields {
			add(it.ID+".", f)
		}
	}
	for _, s := range def.Sections {
		for _, it := range s.Items {
			add("", it)
		}
	}
	return out
}

func readRecord(path string) ([]release, error) {
	src, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var releases []release
	if err := yaml.Unmarshal(src, &releases); err != nil {
		return nil, errors.New(path + ": " + err.Error())
	}
	return releases, nil
}

// itemProblems gives, for "id" and "group.field", a problem placed at that
// question or field, for its line and its name in the message.
func itemProblems(def *checklist.Definition) map[string]checklist.Problem {
	at := map[string]checklist.Problem{}
	for _, s := range def.Sections {
		for _, it := range s.Items {
			at[it.ID] = checklist.Problem{Path: it.Path, OwnerKind: "vraag", Owner: it.ID, OwnerPath: it.Path}
			for _, f := range it.Fields {
				at[it.ID+"."+f.ID] = checklist.Problem{Path: f.Path, OwnerKind: "veld", Owner: it.ID + "." + f.ID, OwnerPath: f.Path}
			}
		}
	}
	return at
}

// checkReleased returns the problems of def against its release record.
func checkReleased(dataDir string, def *checklist.Definition) []checklist.Problem {
	path := recordPath(dataDir, def.ID)
	releases, err := readRecord(path)
	if err != nil {
		return []checklist.Problem{{Path: "version", Message: err.Error()}}
	}
	var same *release
	for i := range releases {
		r := &releases[i]
		if r.Version == def.Version {
			same = r
		} else if compareVersions(r.Version, def.Version) > 0 {
			return []checklist.Problem{{Path: "version", Message: "versie " + def.Version + " is lager dan de al uitgebrachte versie " + r.Version + " (" + path + "); kies een hogere versie"}}
		}
	}
	if same == nil {
		return []checklist.Problem{{Path: "version", Message: "versie " + def.Version + " staat niet in " + path + "; leg haar vast met `" + recordCommand + "`"}}
	}
	now := snapshot(def)
	at := itemProblems(def)
	raise := " maar version is nog " + def.Version + ": verhoog version en leg de nieuwe versie vast met `" + recordCommand + "`"
	var out []checklist.Problem
	for _, id := range sortedKeys(same.Items) {
		if _, ok := now[id]; !ok {
			out = append(out, checklist.Problem{Path: "version", Message: "vraag '" + id + "' is verwijderd," + raise})
		}
	}
	for _, id := range sortedKeys(now) {
		was, ok := same.Items[id]
		p := at[id]
		switch {
		case !ok:
			p.Message = "vraag '" + id + "' is nieuw," + raise
		case was != now[id]:
			p.Message = "vraag '" + id + "' is veranderd (was " + quoteDesc(was) + ", nu " + quoteDesc(now[id]) + ")," + raise
		default:
			continue
		}
		out = append(out, p)
	}
	return out
}

func quoteDesc(s string) string { return "'" + s + "'" }

// record appends the current version of every definition that is not yet
// in its record. A version that is in the record with other ids or options
// is left alone: a published version does not change.
func record(dataDir string, defs []*checklist.Definition, stdout io.Writer) error {
	for _, def := range defs {
		path := recordPath(dataDir, def.ID)
		releases, err := readRecord(path)
		if err != nil {
			return err
		}
		known := false
		for _, r := range releases {
			known = known || r.Version == def.Version
		}
		if known {
			continue
		}
		var b strings.Builder
		if len(releases) == 0 {
			b.WriteString("# Uitgebrachte versies van checklist " + def.ID + ": per versie de vragen\n")
			b.WriteString("# (groep.veld voor velden van een groep) met hun soort en toegestane waarden.\n")
			b.WriteString("# cmd/defcheck weigert een definitie waarvan deze veranderen zonder nieuwe\n")
			b.WriteString("# version. Niet met de hand aanpassen: `" + recordCommand + "` voegt een\n")
			b.WriteString("# nieuwe versie toe.\n")
		}
		b.WriteString("\n- version: " + strconv.Quote(def.Version) + "\n  items:\n")
		now := snapshot(def)
		for _, id := range itemOrder(def) {
			b.WriteString("    " + id + ": " + strconv.Quote(now[id]) + "\n")
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		_, werr := f.WriteString(b.String())
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return werr
		}
		fmt.Fprintf(stdout, "%s: versie %s vastgelegd\n", path, def.Version)
	}
	return nil
}

// itemOrder lists the keys of snapshot(def) in checklist order.
func itemOrder(def *checklist.Definition) []string {
	var out []string
	for _, s := range def.Sections {
		for _, it := range s.Items {
			out = append(out, it.ID)
			for _, f := range it.Fields {
				out = append(out, it.ID+"."+f.ID)
			}
		}
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// compareVersions compares dotted version numbers (1.2.10 > 1.2.9).
func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) || i < len(bs); i++ {
		var x, y int
		if i < len(as) {
			x, _ = strconv.Atoi(as[i])
		}
		if i < len(bs) {
			y, _ = strconv.Atoi(bs[i])
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}
