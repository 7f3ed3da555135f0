package main

// What was tried for a target that is still missed, printed beside its
// profile (README, "Prestaties", has the figures of each attempt).

var wasmTried = []string{
	"  in the engine only what a checklist page uses at start or at once on a click; the Markdown",
	"  report and the operations of the list of dossiers are in the document module (on demand);",
	"  author-only checks compiled out (checks_browser.go); no inlining in our packages; the classic",
	"  garbage collector; no build ID; no fmt, encoding/json, reflect or regexp.",
	"  no size-only tricks in the code: noCompare fields saved 3.1 KB (the equality functions Go",
	"  writes for comparable structs), //go:noinline nothing under -l; both are gone.",
	"  files of older versions (moves, free-text references) are read by the document module",
	"  (checklist.ReadOlderFiles): 8.2 KB. Measured, kept: the organisaties op 2.6 KB (the namens",
	"  choice, at start in a dossier); the result page's data (ResultJSON) 20.8 KB, on a click. No",
	"  inlining in the runtime too (-gcflags=all=-l) is about 31 KB smaller but 1.5 to 2 times slower.",
}

var startupTried = []string{
	"  DOMContentLoaded: the scripts are async (site.js at the end of <body>; checklist.js waits for the",
	"  parsed document): a deferred script waited for the stylesheet and for the first layout of the",
	"  whole form. DOMContentLoaded is now about that of the page without JavaScript (row above).",
	"  first question: the page script and the engine start after the first frame, so compiling does",
	"  not delay it; what remains is the first style and layout of the long form (trace above).",
	"  content-visibility: auto on the steps did not shorten that first layout in Chromium; step",
	"  pages make each page shorter.",
	"  engine ready and long tasks: the engine runs in a Web Worker (assets/js/engine-worker.js):",
	"  the page compiles the preloaded .wasm (off the main thread) and hands the module over; the",
	"  worker starts Go and reads the checklist, sent as soon as the page is parsed, while the page",
	"  is drawn. The long tasks left are the page's own work (trace above): the first style and",
	"  layout of the long form, then the page script enhancing it; engine ready waits for both.",
}

var reevaluationTried = []string{
	"  a field index instead of searching the form per question, only changed parts written; the",
	"  engine reads answers without an intermediate tree and reuses buffers (4x faster, 95% fewer",
	"  allocations); a higher GOGC costs the 6 MB memory target. The engine now runs in a Web Worker:",
	"  the main thread only reads the changed question, posts it and draws the answer; what remains",
	"  is that page work (the two rows under it, and the profile above).",
}

var clickTried = []string{
	"  the page script: a field index by name instead of searching the form per question; a change",
	"  re-reads only its own question and the page writes only what changed (visibility, progress,",
	"  findings). The engine: answers read without an intermediate tree, unchanged answers reused,",
	"  JSON written into a reused buffer (4x faster in WebAssembly, 95% fewer allocations).",
	"  step pages (<checklist>/stap-<n>/) show one step and hide the others, so a change lays out",
	"  and paints less; the target's figures are of the whole checklist (<checklist>/), the longest",
	"  view; the row and trace of samenwerking's stap-1/ time the same clicks with one step shown.",
	"  content-visibility: auto on the steps did not shorten the first layout and was not kept.",
	"  The engine runs in a Web Worker, so a click's frame holds no engine work. The idle row is",
	"  mostly the wait for the display's next frame: the bench clicks right after a frame, so the",
	"  next one is up to 16.7 ms away at 60 Hz whatever the page does; the floor row (two radios,",
	"  no script) shows that wait alone.",
}

var checklistBytesTried = []string{
	"  every file is served as its .br (cmd/precompress in make build; a site built by Hugo alone has",
	"  no .br and misses by far); the engine holds only what a checklist page needs at start or on a",
	"  click, the documents, the report and the list of dossiers load on demand (document module);",
	"  the engine's own bytes: see the engine module's rows and its size per Go package.",
}

var guidanceBytesTried = []string{
	"  guidance pages load no JavaScript for their content (readable without it, row below) and",
	"  share the site's one stylesheet; the requests above show where the bytes go.",
}

var memoryTried = []string{
	"  the engine keeps Go's default GOGC: one evaluate() of the synthetic checklist allocates 33 KB",
	"  and Go collects at a 4 MB heap; GOGC 200, 300 and 400 gave heaps of 9.7, 15.5 and 21 MB, and a WebAssembly",
	"  module's memory never shrinks. The document writer is a module of its own, loaded on demand,",
	"  so its memory is not in a checklist page until a document is asked for.",
}

var repeatTried = []string{
	"  the service worker precaches the whole build from the list make build writes (cmd/precache),",
	"  keyed by the build's fingerprints, and answers every request of the site from that cache; a",
	"  request above that still went to the network is a file missing from that list.",
}
