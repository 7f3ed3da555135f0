package yamldef

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"

	"deelwijzer/checklist"
)

// SharedFile is the file in the data directory that defines the groups a
// dossier shares between its checklists.
const SharedFile = "dossier.yaml"

// Shared holds the groups of data/dossier.yaml by id, as generic trees.
type Shared struct {
	groups map[string]*checklist.Object
	order  []string
}

// Names lists the shared groups in file order.
func (s *Shared) Names() []string {
	if s == nil {
		return nil
	}
	return s.order
}

// Group returns the tree of one shared group.
func (s *Shared) Group(name string) (*checklist.Object, bool) {
	if s == nil {
		return nil, false
	}
	g, ok := s.groups[name]
	return g, ok
}

// LoadShared reads dataDir/dossier.yaml. A missing file gives an empty set
// (a checklist that includes a group then fails with a clear reason).
func LoadShared(dataDir string) (*Shared, error) {
	file := filepath.Join(dataDir, SharedFile)
	src, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		return &Shared{groups: map[string]*checklist.Object{}}, nil
	}
	if err != nil {
		return nil, err
	}
	s, err := ParseShared(src)
	if err != nil {
		return nil, errors.New(SharedFile + ": " + err.Error())
	}
	return s, nil
}

// ParseShared reads the text of a dossier.yaml: a mapping with `groups`, a
// list of groups with an id, kind group and fields. The fields themselves are
// checked where a checklist includes the group, by the same loader as the
// checklist's own questions.
func ParseShared(src []byte) (*Shared, error) {
	doc, err := Parse(src)
	if err != nil {
		return nil, err
	}
	root, ok := doc.Tree.(*checklist.Object)
	if !ok {
		return nil, errors.New("het bestand moet beginnen met groups:")
	}
	raw, _ := root.Get("groups")
	list, ok := raw.([]any)
	if !ok {
		return nil, errors.New("regel " + strconv.Itoa(doc.Line("groups")) + ": groups moet een lijst van groepen zijn")
	}
	s := &Shared{groups: map[string]*checklist.Object{}}
	for i, v := range list {
		at := "groups[" + strconv.Itoa(i) + "]"
		g, ok := v.(*checklist.Object)
		if !ok {
			return nil, errors.New("regel " + strconv.Itoa(doc.Line(at)) + ": een groep heeft id, kind, question en fields")
		}
		id, _ := g.Values["id"].(string)
		if id == "" {
			return nil, errors.New("regel " + strconv.Itoa(doc.Line(at)) + ": deze groep heeft geen id")
		}
		if kind, _ := g.Values["kind"].(string); kind != string(checklist.KindGroup) {
			return nil, errors.New("regel " + strconv.Itoa(doc.Line(at+".kind")) + ": groep '" + id + "' moet kind: group hebben")
		}
		if _, dup := s.groups[id]; dup {
			return nil, errors.New("regel " + strconv.Itoa(doc.Line(at+".id")) + ": groep '" + id + "' staat twee keer in het bestand")
		}
		if _, has := g.Get("rowsFrom"); has {
			return nil, errors.New("regel " + strconv.Itoa(doc.Line(at+".rowsFrom")) + ": een gedeelde groep kan geen rowsFrom hebben; de rijen horen bij het dossier")
		}
		s.groups[id] = g
		s.order = append(s.order, id)
	}
	return s, nil
}

// overridable are the keys a checklist may set on an included group: how the
// question reads in that checklist and when it is asked. Everything that
// decides the shape of the answers (kind, fields, the row limits) comes from
// data/dossier.yaml only, so every checklist stores the same rows.
var overridable = map[string]bool{"id": true, "shared": true, "question": true, "hint": true, "required": true, "showIf": true, "links": true}

// resolveShared replaces every item with `shared: <name>` in the tree by the
// group of that name, keeping the item's own id and the keys it may set, and
// keeps `shared` so the page (which gets the same JSON from the site build)
// knows the rows belong to the dossier. Problems carry the path of the item,
// so defcheck reports them with the file's line.
func resolveShared(tree any, shared *Shared) []checklist.Problem {
	root, _ := tree.(*checklist.Object)
	sections, _ := root.Get("sections")
	secList, _ := sections.([]any)
	var problems []checklist.Problem
	for si, sv := range secList {
		sec, _ := sv.(*checklist.Object)
		itemsRaw, _ := sec.Get("items")
		items, _ := itemsRaw.([]any)
		for ii, iv := range items {
			it, _ := iv.(*checklist.Object)
			nameRaw, has := it.Get("shared")
			if !has {
				continue
			}
			path := "sections[" + strconv.Itoa(si) + "].items[" + strconv.Itoa(ii) + "]"
			id, _ := it.Values["id"].(string)
			problem := func(at, msg string) {
				problems = append(problems, checklist.Problem{Path: path + at, OwnerKind: "vraag", Owner: id, OwnerPath: path, Message: msg})
			}
			name, _ := nameRaw.(string)
			group, ok := shared.Group(name)
			if !ok {
				msg := "er is geen gedeelde groep '" + name + "' in data/" + SharedFile
				if names := shared.Names(); len(names) > 0 {
					msg += "; kies uit: "
					for i, n := range names {
						if i > 0 {
							msg += ", "
						}
						msg += n
					}
				}
				problem(".shared", msg)
				continue
			}
			bad := false
			for _, k := range it.Keys {
				if !overridable[k] {
					problem("."+k, "'"+k+"' komt uit data/"+SharedFile+" (groep "+name+"); een checklist kan hier alleen id, question, hint, required, showIf en links zetten")
					bad = true
				}
			}
			if bad {
				continue
			}
			merged := checklist.NewObject().Set("id", id).Set("shared", name)
			for _, k := range group.Keys {
				if k == "id" {
					continue
				}
				if own, has := it.Get(k); has {
					merged.Set(k, own)
				} else {
					merged.Set(k, group.Values[k])
				}
			}
			for _, k := range it.Keys {
				if _, done := merged.Get(k); !done {
					merged.Set(k, it.Values[k])
				}
			}
			items[ii] = merged
		}
	}
	return problems
}

// LoadIn parses YAML, puts the shared groups in place and builds a
// definition, as Load does.
func LoadIn(src []byte, lists map[string][]checklist.Option, shared *Shared) (*checklist.Definition, *Document, error) {
	doc, err := Parse(src)
	if err != nil {
		return nil, nil, err
	}
	if problems := resolveShared(doc.Tree, shared); len(problems) > 0 {
		return nil, doc, &checklist.LoadError{Problems: problems}
	}
	def, err := checklist.Load(doc.Tree, lists)
	return def, doc, err
}

// ToJSONIn converts YAML to the JSON the page gets, with the shared groups in
// place (as the site build puts them).
func ToJSONIn(src []byte, shared *Shared) (string, error) {
	doc, err := Parse(src)
	if err != nil {
		return "", err
	}
	if problems := resolveShared(doc.Tree, shared); len(problems) > 0 {
		return "", &checklist.LoadError{Problems: problems}
	}
	return checklist.JSONText(doc.Tree), nil
}

// LoadShipped loads data/checklists/<id>.yaml from dataDir as the site build
// gets it: with the named lists and the shared groups of data/dossier.yaml.
// Tests and tools that want one shipped checklist call this instead of
// repeating the three loads.
func LoadShipped(dataDir, id string) (*checklist.Definition, error) {
	lists, err := LoadLists(dataDir)
	if err != nil {
		return nil, err
	}
	shared, err := LoadShared(dataDir)
	if err != nil {
		return nil, err
	}
	src, err := os.ReadFile(filepath.Join(dataDir, "checklists", id+".yaml"))
	if err != nil {
		return nil, err
	}
	def, _, err := LoadIn(src, lists, shared)
	return def, err
}
