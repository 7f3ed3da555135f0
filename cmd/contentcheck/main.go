// Command contentcheck checks the Markdown content of Deelwijzer before a
// build: internal links and glossary anchors, heading structure, front
// matter (title, description, bronnen) and that the first use of each
// glossary term on a page links to the glossary.
//
//	go run ./cmd/contentcheck [-content content] [-data data] [-glossary=false] [-only-glossary]
//
// It prints one line per problem as file:line: reason and exits with status
// 1 when there is at least one.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("contentcheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	contentDir := fs.String("content", "content", "map met de Markdown-pagina's")
	dataDir := fs.String("data", "data", "map met de YAML-gegevens (bronnen, begrippen, partners, rollen, checklists)")
	glossary := fs.Bool("glossary", true, "controleer of de eerste keer dat een begrip op een pagina staat, het naar /begrippen/#id linkt")
	onlyGlossary := fs.Bool("only-glossary", false, "controleer alleen de begrippenregel")
	withoutBronnen := fs.String("zonder-bronnen", "bronnen,toegankelijkheid,zoeken",
		"pagina's (pad zonder slashes, komma's ertussen) die geen bronnen in front matter nodig hebben")
	if err := fs.Parse(args); err != nil {
		return 2
	}

	s, err := loadSite(*contentDir, *dataDir)
	if err != nil {
		fmt.Fprintln(stderr, "contentcheck:", err)
		return 2
	}
	opt := options{glossary: *glossary, other: !*onlyGlossary, withoutBronnen: map[string]bool{}}
	for _, name := range strings.Split(*withoutBronnen, ",") {
		if name = strings.Trim(strings.TrimSpace(name), "/"); name != "" {
			opt.withoutBronnen["/"+name+"/"] = true
		}
	}

	problems := runChecks(s, opt)
	perRule := map[string]int{}
	for _, p := range problems {
		fmt.Fprintln(stdout, p)
		perRule[p.rule]++
	}
	fmt.Fprintf(stderr, "contentcheck: %d pagina's, %d problemen (links %d, koppen %d, front matter %d, begrippen %d, lange zinnen %d, termen %d, bronnen %d, woorden %d)\n",
		len(s.pages), len(problems), perRule["links"], perRule["headings"], perRule["frontmatter"], perRule["glossary"], perRule["zinnen"], perRule["termen"], perRule["bronnen"], perRule["woorden"])
	if len(problems) > 0 {
		return 1
	}
	return 0
}
