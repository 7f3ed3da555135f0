package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

// AxeTags are the rule sets the site must pass: WCAG 2.0, 2.1 and 2.2 at
// level A and AA.
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"}

// Violation is one failed axe rule with the elements that fail it.
type Violation struct {
	ID      string          `json:"id"`
	Impact  string          `json:"impact"`
	Help    string          `json:"help"`
	HelpURL string          `json:"helpUrl"`
	Nodes   []ViolationNode `json:"nodes"`
}

// ViolationNode is one element that fails a rule.
type ViolationNode struct {
	// Target is axe's selector path; nested lists for iframes and shadow
	// roots, so it stays raw JSON and is printed as is.
	Target  json.RawMessage `json:"target"`
	HTML    string          `json:"html"`
	Summary string          `json:"failureSummary"`
}

// Violations formats as a readable block for a test failure message.
type Violations []Violation

func (vs Violations) String() string {
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "- %s (%s): %s [%d element(s)] %s\n", v.ID, v.Impact, v.Help, len(v.Nodes), v.HelpURL)
		for i, n := range v.Nodes {
			if i == 5 {
				fmt.Fprintf(&b, "    ... and %d more\n", len(v.Nodes)-5)
				break
			}
			fmt.Fprintf(&b, "    %s  %s\n", n.Target, shorten(n.HTML))
		}
	}
	return b.String()
}

var (
	axeOnce   sync.Once
	axeSource string
	axeErr    error
)

// axeScript finds node_modules/axe-core/axe.min.js (installed by npm from
// package.json) by walking up from the test's directory to the module
// root; DEELWIJZER_AXE overrides the path.
func axeScript() (string, error) {
	axeOnce.Do(func() {
		file := os.Getenv("DEELWIJZER_AXE")
		if file == "" {
			dir, err := os.Getwd()
			if err != nil {
				axeErr = err
				return
			}
			for {
				candidate := filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")
				if _, err := os.Stat(candidate); err == nil {
					file = candidate
					break
				}
				parent := filepath.Dir(dir)
				if parent == dir {
					axeErr = fmt.Errorf("node_modules/axe-core/axe.min.js not found above the test directory; run `npm ci` in the project root")
					return
				}
				dir = parent
			}
		}
		raw, err := os.ReadFile(file)
		axeSource, axeErr = string(raw), err
	})
	return axeSource, axeErr
}

// Axe injects axe-core into the page of ctx (a tab context) and runs it on
// the whole document with the given tags, or AxeTags when none are given.
// The script goes in through Runtime.evaluate, which the page's CSP does not
// govern, so the page needs no exception for it.
func Axe(ctx context.Context, tags ...string) (Violations, error) {
	if len(tags) == 0 {
		tags = AxeTags
	}
	src, err := axeScript()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`if (!window.axe) {`+src+"\n}")); err != nil {
		return nil, fmt.Errorf("inject axe-core: %w", err)
	}
	tagList, _ := json.Marshal(tags)
	run := fmt.Sprintf(`axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]})
		.then(r => r.violations.map(v => ({
			id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
			nodes: v.nodes.map(n => ({target: n.target, html: n.html, failureSummary: n.failureSummary || ""}))
		})))`, tagList)
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](run, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("run axe-core: %w", err)
	}
	var vs Violations
	if err := json.Unmarshal(raw, &vs); err != nil {
		return nil, fmt.Errorf("read axe-core result: %w", err)
	}
	return vs, nil
}
