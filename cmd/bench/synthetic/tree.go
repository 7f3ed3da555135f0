package synthetic

import (
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v3"

	"deelwijzer/checklist"
)

// Tree parses definition YAML into the generic tree checklist.Load takes
// (*checklist.Object keeping key order, []any, string, float64, bool, nil), so
// the benchmarks load real and synthetic definitions without the wasm-free YAML
// package of the engine having to exist yet.
func Tree(text []byte) (any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return convert(doc.Content[0])
}

func convert(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.AliasNode:
		return convert(n.Alias)
	case yaml.MappingNode:
		obj := checklist.NewObject()
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := convert(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			obj.Set(n.Content[i].Value, v)
		}
		return obj, nil
	case yaml.SequenceNode:
		list := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := convert(c)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		return list, nil
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return nil, nil
		case "!!bool":
			return n.Value == "true", nil
		case "!!int", "!!float":
			f, err := strconv.ParseFloat(n.Value, 64)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", n.Line, err)
			}
			return f, nil
		}
		return n.Value, nil
	}
	return nil, fmt.Errorf("line %d: unexpected YAML node", n.Line)
}
