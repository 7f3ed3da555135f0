package main

import (
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// checkBronnenAddress reports every source in data/bronnen.yaml that gives
// the reader no way to the text: each entry has either `url` (an https
// address) or `adres_onbekend`, a sentence that says plainly that no address
// could be established and where to look. A guessed address is worse than
// none, so an entry may not have both.
func checkBronnenAddress(dataDir string) []problem {
	file := filepath.Join(dataDir, "bronnen.yaml")
	raw, err := os.ReadFile(file)
	if err != nil {
		return nil // loadSite already failed on an unreadable file
	}
	var doc yaml.Node
	if yaml.Unmarshal(raw, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.SequenceNode {
		return nil
	}
	rel := filepath.ToSlash(filepath.Join(filepath.Base(dataDir), "bronnen.yaml"))
	var out []problem
	for _, entry := range doc.Content[0].Content {
		if entry.Kind != yaml.MappingNode {
			continue
		}
		fields := map[string]string{}
		for i := 0; i+1 < len(entry.Content); i += 2 {
			fields[entry.Content[i].Value] = strings.TrimSpace(entry.Content[i+1].Value)
		}
		report := func(reason string) {
			out = append(out, problem{file: rel, line: entry.Line, reason: "bron " + fields["id"] + ": " + reason, rule: "bronnen"})
		}
		url, none := fields["url"], fields["adres_onbekend"]
		switch {
		case url == "" && none == "":
			report("geen url en geen adres_onbekend: geef de vindplaats, of zeg waarom die niet vaststaat")
		case url != "" && none != "":
			report("url en adres_onbekend samen: kies er één")
		case url != "" && !strings.HasPrefix(url, "https://"):
			report("url begint niet met https://")
		}
	}
	return out
}
