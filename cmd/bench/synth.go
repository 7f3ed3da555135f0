package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"deelwijzer/internal/synthetic"
)

// synthetic adds the synthetic checklist and content tree to the copy, times
// Hugo on it and measures re-evaluation on the synthetic checklist page.
func (b *bench) synthetic() {
	g := b.r.group("Build")
	if _, err := os.Stat(filepath.Join(b.src, "assets", "gen", "engine.wasm")); err != nil {
		// -site skipped the build, which generates the engine in the copy.
		if _, _, err := command(b.src, nil, "make", "--no-print-directory", "generate"); err != nil {
			g.failed("make generate", err)
			return
		}
	}
	progress("synthetic checklist and %d synthetic pages", b.o.pages)
	if _, err := synthetic.WriteChecklist(b.src, synthetic.Default); err != nil {
		g.failed("synthetic checklist", err)
		return
	}
	gd := b.r.group("Synthetic checklist (300 items, 100 conditions, 20 group rows)")
	if _, err := os.Stat(filepath.Join(b.src, "cmd", "defcheck")); err == nil {
		// -record: the synthetic checklist is new, so its version goes into
		// the release record of this copy first.
		if _, _, err := command(b.src, nil, "go", "run", "./cmd/defcheck", "-data", "data", "-record"); err != nil {
			gd.failed("accepted by cmd/defcheck", err)
		} else {
			gd.check("accepted by cmd/defcheck", "yes", "valid", true)
		}
	} else {
		gd.failed("accepted by cmd/defcheck", fmt.Errorf("cmd/defcheck does not exist yet"))
	}

	term := "/begrippen/"
	if text, err := os.ReadFile(filepath.Join(b.src, "data", "begrippen.yaml")); err == nil && bytes.Contains(text, []byte("\n- id: grondslag\n")) {
		term = "/begrippen/#grondslag"
	}
	links := sitePaths(b.site, 2)
	if err := synthetic.WritePages(b.src, b.o.pages, links, term); err != nil {
		g.failed("synthetic pages", err)
		return
	}
	dst := filepath.Join(b.o.work, "public-synthetic")
	run, err := b.hugoMedian(dst)
	if err != nil {
		g.failed(fmt.Sprintf("Hugo, real site + %d synthetic pages", b.o.pages), err)
		return
	}
	perPage := float64(run.Total.Milliseconds()) / float64(run.Pages)
	g.atMost(fmt.Sprintf("Hugo, real site + %d synthetic pages (%d pages)", b.o.pages, run.Pages),
		fmt.Sprintf("%d ms = %.2f ms/page", run.Total.Milliseconds(), perPage), perPage, targetHugoPerPage, fmt.Sprintf("%.0f ms/page", targetHugoPerPage))
	if b.realHugo.Pages > 0 && run.Pages > b.realHugo.Pages {
		extra := float64((run.Total - b.realHugo.Total).Milliseconds()) / float64(run.Pages-b.realHugo.Pages)
		g.info("Hugo, cost of each added synthetic page", fmt.Sprintf("%.2f ms/page", extra))
		g.computed()
	}

	br, err := startBrowser(b.o.chromium, filepath.Join(b.o.work, "chromium-profile-synthetic"))
	if err != nil {
		gd.failed("Chromium", err)
		return
	}
	defer br.cancel()
	srv, err := serveSite(dst)
	if err != nil {
		gd.failed("server", err)
		return
	}
	defer srv.Close()
	ga := b.r.group("Re-evaluation after one answer, synthetic checklist (the engine in its Web Worker: main-thread time per click, the worker's answer, and the frames)")
	b.reevaluation(br, srv.URL, srv.URL+"checklists/"+synthetic.ID+"/", "synthetic checklist, answers filled",
		strings.TrimSpace(synthetic.Answers(synthetic.Default)), ga, syntheticChecklist)
}
