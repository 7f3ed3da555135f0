// Package script checks how the checklist page's script is built (assets/js/checklist.js
// and assets/js/checklist/): its page state lives in one object (state.js) and only the
// engine bridge (engine.js) calls the engine, so the engine could move behind that bridge
// (a Web Worker, for instance) without the other modules changing.
package script

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const jsDir = "../../assets/js"

// pageModules are the files of the checklist page's script that these rules cover.
func pageModules(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(jsDir, "checklist", "*.js"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, filepath.Join(jsDir, "checklist.js"))
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.ToSlash(strings.TrimPrefix(f, jsDir+string(filepath.Separator)))] = string(b)
	}
	if len(out) < 5 {
		t.Fatalf("only %d modules found in %s: the checklist page's script moved?", len(out), jsDir)
	}
	return out
}

// topLevelState finds a variable declared at the top level of a module that can change
// (let or var): page state belongs in state.js's one object.
var topLevelState = regexp.MustCompile(`(?m)^(?:export\s+)?(?:let|var)\s+([A-Za-z_$][\w$]*)`)

func TestPageStateInOneObject(t *testing.T) {
	for name, src := range pageModules(t) {
		for _, m := range topLevelState.FindAllStringSubmatch(src, -1) {
			t.Errorf("%s: top-level %q keeps page state outside the state object (checklist/state.js)", name, m[0])
		}
	}
	if !strings.Contains(pageModules(t)["checklist/state.js"], "export const state = {") {
		t.Error("checklist/state.js does not export the state object")
	}
}

// engineUse matches the ways a module reaches the engine or the document module.
var engineUse = regexp.MustCompile(`state\.engine\b|deelwijzerEngine|deelwijzerDocuments|state\.documents(?:API)?\b`)

func TestEngineOnlyThroughTheBridge(t *testing.T) {
	seen := false
	for name, src := range pageModules(t) {
		uses := engineUse.FindAllString(src, -1)
		if name == "checklist/engine.js" {
			seen = len(uses) > 0
			continue
		}
		for _, u := range uses {
			t.Errorf("%s: %s: only checklist/engine.js calls the engine or the document module", name, u)
		}
	}
	if !seen {
		t.Error("checklist/engine.js does not reach the engine: the bridge moved?")
	}
}
