package main

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"deelwijzer/checklist/yamldef"
	"deelwijzer/internal/synthetic"
)

//go:embed worker
var workerFiles embed.FS

var checklistData = regexp.MustCompile(`(?s)<script type="?application/json"? id="?checklist-data"?>(.*?)</script>`)

// workerFigures runs the built engine with the samenwerking checklist on the main
// thread and in a Web Worker, side by side in one browser: start-up until loaded,
// the round trip of one evaluate() as the page makes it (answers JSON in, state
// JSON out, three rows per group), and long tasks on the main thread before
// ready. The page keeps the engine where these figures say it does better.
func (b *bench) workerFigures() {
	g := b.r.group("Engine on the main thread or in a Web Worker (samenwerking, same engine and payload)")
	dir := filepath.Join(b.o.work, "worker")
	if err := b.workerSite(dir); err != nil {
		g.failed("set-up", err)
		return
	}
	br, err := startBrowser(b.o.chromium, filepath.Join(b.o.work, "chromium-profile-worker"))
	if err != nil {
		g.failed("Chromium", err)
		return
	}
	defer br.cancel()
	srv, err := serveSite(dir)
	if err != nil {
		g.failed("server", err)
		return
	}
	defer srv.Close()
	progress("browser: engine on the main thread against a Web Worker")
	type result struct {
		Ready     float64
		Trips     []float64
		LongTasks []float64
	}
	for _, mode := range []string{"main", "worker"} {
		var ready, trips []float64
		long, longest := 0, 0.0
		for i := 0; i < b.o.runs; i++ {
			pl, err := br.coldLoad(srv.URL+"?mode="+mode, 30*time.Second)
			if err != nil {
				g.failed(mode, err)
				return
			}
			r, err := eval[result](pl, `window.__result`, 60*time.Second)
			pl.Close()
			if err != nil {
				g.failed(mode, err)
				return
			}
			ready, trips = append(ready, r.Ready), append(trips, r.Trips...)
			for _, d := range r.LongTasks {
				long++
				longest = max(longest, d)
			}
		}
		name := map[string]string{"main": "main thread", "worker": "Web Worker"}[mode]
		t := summarize(trips)
		g.info(name+": engine loaded (from navigation start)", spread(summarize(ready)))
		g.info(name+": evaluate() round trip", fmt.Sprintf("median %s, p95 %s (n=%d)", ms(t.Median), ms(t.P95), t.N))
		g.info(name+": long tasks (> 50 ms) on the main thread", fmt.Sprintf("%d in %d loads (longest %s)", long, b.o.runs, ms(longest)))
	}
}

// workerSite writes the experiment: the pages from cmd/bench/worker, the built
// engine and its loader, the samenwerking payload as the checklist page has it, and
// answers to it.
func (b *bench) workerSite(dir string) error {
	sub, _ := fs.Sub(workerFiles, "worker")
	if err := os.CopyFS(dir, sub); err != nil {
		return err
	}
	engine, err := b.engineFile()
	if err != nil {
		return err
	}
	if err := copyFile(engine, filepath.Join(dir, "engine.wasm"), 0o644); err != nil {
		return err
	}
	if err := copyFile(filepath.Join(b.o.repo, "assets", "gen", "wasm_exec.js"), filepath.Join(dir, "wasm_exec.js"), 0o644); err != nil {
		return err
	}
	page, err := os.ReadFile(filepath.Join(b.site, "checklists", "samenwerking", "index.html"))
	if err != nil {
		return err
	}
	m := checklistData.FindSubmatch(page)
	if m == nil {
		return fmt.Errorf("no checklist-data in the samenwerking page")
	}
	var data map[string]json.RawMessage
	if err := json.Unmarshal(m[1], &data); err != nil {
		return err
	}
	payload, err := json.Marshal(map[string]json.RawMessage{"definition": data["definition"], "lists": data["lists"]})
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "payload.json"), payload, 0o644); err != nil {
		return err
	}
	def, err := yamldef.LoadShipped(filepath.Join(b.src, "data"), "samenwerking")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "answers.json"), []byte(synthetic.AnswerAll(def, 3)), 0o644)
}
