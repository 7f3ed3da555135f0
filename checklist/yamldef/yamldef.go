// Package yamldef reads checklist definitions and option lists from YAML.
// It converts YAML into the same generic tree the engine reads from JSON, so
// there is one model builder, and it maps problem paths back to YAML lines.
//
// This package is for build-time tools and tests; the WebAssembly binary
// does not import it (the page hands the definition over as JSON).
package yamldef

import (
	"bytes"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"deelwijzer/checklist"
)

// Document is parsed YAML: the tree for checklist.Load and the node tree
// for finding line numbers.
type Document struct {
	Tree any
	root *yaml.Node
}

// maxAliasDepth stops alias chains ("billion laughs") from exploding.
const maxAliasDepth = 16

// Parse reads one YAML document.
func Parse(src []byte) (*Document, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		return nil, err
	}
	// A second document after "---" would otherwise be dropped without a
	// word, and with it everything the author wrote below that line.
	var more yaml.Node
	if err := dec.Decode(&more); err == nil {
		return nil, errors.New("regel " + strconv.Itoa(more.Line) + ": het bestand bevat meer dan één document (na ---); zet alles in één document")
	} else if err != io.EOF {
		return nil, err
	}
	root := &doc
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		root = doc.Content[0]
	}
	if doc.Kind == 0 {
		return nil, errors.New("het bestand is leeg")
	}
	budget := 1 << 20
	tree, err := convert(root, 0, &budget)
	if err != nil {
		return nil, err
	}
	return &Document{Tree: tree, root: root}, nil
}

func convert(n *yaml.Node, aliasDepth int, budget *int) (any, error) {
	*budget--
	if *budget < 0 {
		return nil, errors.New("het bestand is te groot of bevat te veel verwijzingen")
	}
	switch n.Kind {
	case yaml.AliasNode:
		if aliasDepth >= maxAliasDepth {
			return nil, errors.New("regel " + strconv.Itoa(n.Line) + ": te veel verwijzingen (aliassen) in elkaar")
		}
		return convert(n.Alias, aliasDepth+1, budget)
	case yaml.MappingNode:
		obj := checklist.NewObject()
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, errors.New("regel " + strconv.Itoa(k.Line) + ": een naam moet gewone tekst zijn")
			}
			if _, dup := obj.Get(k.Value); dup {
				return nil, errors.New("regel " + strconv.Itoa(k.Line) + ": '" + k.Value + "' staat twee keer in dezelfde lijst van eigenschappen")
			}
			val, err := convert(v, aliasDepth, budget)
			if err != nil {
				return nil, err
			}
			obj.Set(k.Value, val)
		}
		return obj, nil
	case yaml.SequenceNode:
		list := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			val, err := convert(c, aliasDepth, budget)
			if err != nil {
				return nil, err
			}
			list = append(list, val)
		}
		return list, nil
	case yaml.ScalarNode:
		// An explicit tag such as !!binary or !eigen would change what the
		// text means; definitions are plain text, numbers and true/false.
		if n.Style&yaml.TaggedStyle != 0 {
			switch n.ShortTag() {
			case "!!str", "!!int", "!!float", "!!bool", "!!null":
			default:
				return nil, errors.New("regel " + strconv.Itoa(n.Line) + ": de markering " + n.Tag + " kan hier niet; schrijf gewone tekst")
			}
		}
		switch n.ShortTag() {
		case "!!null":
			return nil, nil
		case "!!bool":
			var b bool
			if err := n.Decode(&b); err != nil {
				return nil, err
			}
			return b, nil
		case "!!int", "!!float":
			var f float64
			if err := n.Decode(&f); err != nil {
				return nil, err
			}
			// The tree holds JSON numbers as text; YAML spellings such as
			// 1_000 or 0x10 become the JSON spelling of their value.
			if math.IsInf(f, 0) || math.IsNaN(f) {
				return nil, errors.New("regel " + strconv.Itoa(n.Line) + ": " + n.Value + " is geen getal dat in JSON kan")
			}
			return checklist.Number(strconv.FormatFloat(f, 'g', -1, 64)), nil
		}
		return n.Value, nil
	}
	return nil, errors.New("regel " + strconv.Itoa(n.Line) + ": onbekend soort YAML")
}

// Line returns the line of the value at a problem path such as
// "sections[2].items[3].showIf". If the path does not exist completely (a
// missing key), it returns the line of the deepest part that does.
func (d *Document) Line(path string) int {
	n := d.root
	line := n.Line
	for _, step := range splitPath(path) {
		next, keyLine := child(n, step)
		if next == nil {
			if keyLine > 0 {
				return keyLine
			}
			return line
		}
		n = next
		line = n.Line
		if keyLine > 0 {
			line = keyLine
		}
	}
	return line
}

// splitPath turns "sections[2].items[3].showIf" into
// ["sections", "2", "items", "3", "showIf"].
func splitPath(path string) []string {
	var steps []string
	for _, part := range strings.Split(path, ".") {
		for part != "" {
			open := strings.IndexByte(part, '[')
			if open < 0 {
				steps = append(steps, part)
				break
			}
			if open > 0 {
				steps = append(steps, part[:open])
			}
			end := strings.IndexByte(part, ']')
			if end < open {
				break
			}
			steps = append(steps, part[open+1:end])
			part = part[end+1:]
		}
	}
	return steps
}

func child(n *yaml.Node, step string) (*yaml.Node, int) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == step {
				return n.Content[i+1], n.Content[i].Line
			}
		}
	case yaml.SequenceNode:
		if i, err := strconv.Atoi(step); err == nil && i >= 0 && i < len(n.Content) {
			return n.Content[i], 0
		}
	}
	return nil, 0
}

// LoadLists reads every top-level dataDir/*.yaml that is a list of entries
// with an `id` as a named option list for optionsFrom: data/rollen.yaml
// becomes the list "rollen". Each entry's id becomes the value; the label is
// its name, else its title, else its term (else the id). The order is the
// order in the file, the same order the site uses. Files of another shape
// are not lists and are skipped; a file that is not valid YAML is an error,
// because the site build would fail on it too.
func LoadLists(dataDir string) (map[string][]checklist.Option, error) {
	files, err := filepath.Glob(filepath.Join(dataDir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	lists := map[string][]checklist.Option{}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(src, &doc); err != nil {
			return nil, errors.New(filepath.Base(file) + ": " + err.Error())
		}
		if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.SequenceNode {
			continue
		}
		opts, isList := optionsOf(doc.Content[0].Content)
		if isList {
			lists[strings.TrimSuffix(filepath.Base(file), ".yaml")] = opts
		}
	}
	return lists, nil
}

// optionsOf turns list entries into options. It is a list of entries if at
// least one entry is a mapping with an id.
func optionsOf(entries []*yaml.Node) ([]checklist.Option, bool) {
	opts := []checklist.Option{}
	isList := false
	for _, e := range entries {
		if e.Kind != yaml.MappingNode {
			continue
		}
		fields := map[string]string{}
		c := e.Content
		for j := 0; j+1 < len(c); j += 2 {
			if c[j+1].Kind == yaml.ScalarNode {
				fields[c[j].Value] = c[j+1].Value
			}
		}
		id := fields["id"]
		if id == "" {
			continue
		}
		isList = true
		label := id
		for _, key := range []string{"term", "title", "name"} {
			if fields[key] != "" {
				label = fields[key]
			}
		}
		opts = append(opts, checklist.Option{Value: id, Label: label})
	}
	return opts, isList
}

// Load parses YAML and builds a definition. The Document is returned even
// when loading fails, so callers can map problems to lines.
// A definition that includes a shared group needs LoadIn.
func Load(src []byte, lists map[string][]checklist.Option) (*checklist.Definition, *Document, error) {
	return LoadIn(src, lists, nil)
}

// ToJSON converts YAML to JSON text (what the page hands to the engine).
// A definition that includes a shared group needs ToJSONIn.
func ToJSON(src []byte) (string, error) {
	return ToJSONIn(src, nil)
}
