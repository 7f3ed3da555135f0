// Command sitecheck checks the built Deelwijzer site (the output of Hugo and
// Pagefind) without a browser: links and anchors resolve, every page has
// lang="nl", one h1, a title, a meta description and a strict CSP, headings
// do not skip levels, images have alt text, nothing loads from another
// origin and nothing inline needs 'unsafe-inline'.
//
//	go run ./cmd/sitecheck -dir public [-prefix /deelwijzer/]
//
// The prefix is the URL path the site is served under; root-relative links
// must start with it. Problems are printed as path: reason, and the exit
// status is 1 when there is at least one.
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
	fs := flag.NewFlagSet("sitecheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", "public", "map met de gebouwde site")
	prefix := fs.String("prefix", "/", "URL-pad waaronder de site draait, bijvoorbeeld /deelwijzer/")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	p := "/" + strings.Trim(*prefix, "/") + "/"
	if p == "//" {
		p = "/"
	}

	res, err := checkSite(*dir, p)
	if err != nil {
		fmt.Fprintln(stderr, "sitecheck:", err)
		return 2
	}
	for _, pr := range res.problems {
		fmt.Fprintln(stdout, pr)
	}
	fmt.Fprintf(stdout, "sitecheck: %d pagina's, %d links en %d ankers gecontroleerd, %d CSS-bestanden, %d problemen\n",
		res.pages, res.links, res.anchors, res.stylesheets, len(res.problems))
	if len(res.problems) > 0 {
		return 1
	}
	return 0
}
