package main

import (
	"fmt"
	"os"
	"path/filepath"

	"deelwijzer/internal/compress"
)

// brotliSize is the size of a file as a precompressing static host serves it,
// cached because quality 11 is slow.
func (b *bench) brotliSize(file string) (int, error) {
	if n, ok := b.brotli[file]; ok {
		return n, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return 0, err
	}
	n := len(compress.Brotli(data))
	b.brotli[file] = n
	return n, nil
}

// engineFile is the fingerprinted engine in the built site.
func (b *bench) engineFile() (string, error) {
	matches, _ := filepath.Glob(filepath.Join(b.site, "gen", "engine*.wasm"))
	if len(matches) == 0 {
		matches, _ = filepath.Glob(filepath.Join(b.site, "*", "engine*.wasm"))
	}
	if len(matches) != 1 {
		return "", fmt.Errorf("expected one engine*.wasm in the built site, found %d", len(matches))
	}
	return matches[0], nil
}

// floorSource is the smallest Go program that talks to the page: the Go
// runtime plus syscall/js, the bytes every Go WebAssembly module pays.
const floorSource = `package main

import "syscall/js"

func main() {
	js.Global().Set("x", 1)
	select {}
}
`

// engineGCFlags is the compiler part of the Makefile's WASM_FLAGS (no inlining
// in the project's own packages); TestWasmFlagsMatchMakefile keeps the two
// equal, so the size per package is that of the module as shipped.
const engineGCFlags = "-gcflags=deelwijzer/...=-l"

// engineLDFlags is the linker part of WASM_FLAGS: no symbols, no DWARF, no
// build ID. The floor is linked the same way; the breakdown keeps symbols.
const engineLDFlags = "-s -w -buildid="

// wasmEnv is the Makefile's WASM_ENV (the classic garbage collector); the
// floor is built the same way, so the two compare like for like.
var wasmEnv = []string{"GOOS=js", "GOARCH=wasm", "GOEXPERIMENT=nogreenteagc"}

// buildWasm builds a Go package for the browser with the given linker flags
// and, for the engine, the Makefile's compiler flags.
func buildWasm(dir, out string, ldflags string, pkg string) error {
	args := []string{"build", "-trimpath", "-ldflags=" + ldflags}
	if pkg == "./wasm" {
		args = append(args, engineGCFlags)
	}
	_, _, err := command(dir, wasmEnv, "go", append(args, "-o", out, pkg)...)
	return err
}

func (b *bench) floorWasm() (string, error) {
	dir := filepath.Join(b.o.work, "floor")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module floor\n\ngo 1.26\n"), 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(floorSource), 0o644); err != nil {
		return "", err
	}
	out := filepath.Join(b.o.work, "floor.wasm")
	return out, buildWasm(dir, out, engineLDFlags, ".")
}

func (b *bench) wasmSizes() {
	g := b.r.group("Engine module (.wasm)")
	progress("engine sizes, floor module, size per package")
	file, err := b.engineFile()
	if err != nil {
		g.failed("engine .wasm", err)
		return
	}
	data, err := os.ReadFile(file)
	if err != nil {
		g.failed("engine .wasm", err)
		return
	}
	br, _ := b.brotliSize(file)
	b.engineBrotli = br
	g.info("raw", kb(len(data)))
	g.info("gzip -9", kb(len(compress.Gzip(data))))
	g.computed()
	g.atMost("brotli q11", fmt.Sprintf("%s (%d B)", kb(br), br), float64(br), targetWasmBrotli, kb(targetWasmBrotli))
	g.computed()

	floor, err := b.floorWasm()
	if err != nil {
		g.failed("floor module (syscall/js only)", err)
	} else {
		fbr, _ := b.brotliSize(floor)
		b.floorBrotli = fbr
		g.info("floor: syscall/js-only module, brotli", kb(fbr))
		g.computed()
		g.info("engine above the floor, brotli", fmt.Sprintf("%s (%.2f× the floor)", kb(br-fbr), float64(br)/float64(fbr)))
		g.computed()
	}
	// The document writer is a module of its own that a checklist page
	// fetches only when a visitor asks for a .docx or .odt (README,
	// "Documenten"): outside the engine's budget, shown for the record.
	if docs, _ := filepath.Glob(filepath.Join(filepath.Dir(file), "documents*.wasm")); len(docs) == 1 {
		dbr, _ := b.brotliSize(docs[0])
		g.info("document module (documents, report, list of dossiers; on demand), brotli", kb(dbr))
		g.computed()
	}
	b.packageBreakdown(br > targetWasmBrotli)
	if br > targetWasmBrotli {
		b.r.detail("What was tried for the engine's size", wasmTried)
	}
}

// packageBreakdown builds the engine as the Makefile does, but with symbols
// (-w without -s), and shows which Go packages its code comes from. Printed in full when the size target is missed.
func (b *bench) packageBreakdown(missed bool) {
	out := filepath.Join(b.o.work, "engine-symbols.wasm")
	if err := buildWasm(b.src, out, "-w -buildid=", "./wasm"); err != nil {
		b.r.detail("Engine size per Go package: build failed", []string{err.Error()})
		return
	}
	data, err := os.ReadFile(out)
	if err != nil {
		return
	}
	bd, err := analyzeWasm(data)
	if err != nil {
		b.r.detail("Engine size per Go package: "+err.Error(), nil)
		return
	}
	wasmFuncNames = bd.Names
	n, title := 8, "Engine size per Go package"
	if missed {
		n, title = 15, "Where the engine's bytes go (.wasm target missed): size per Go package"
	}
	lines := []string{"  function bodies of a build with symbols; brotli = each package's code compressed alone",
		fmt.Sprintf("  code section %s, data section %s (strings, type data, tables), other %s",
			kb(bd.Code), kb(bd.Data), kb(bd.Other))}
	lines = append(lines, fmt.Sprintf("  %-40s %6s %10s %12s", "package", "funcs", "code", "brotli"))
	for i, p := range bd.Packages {
		if i >= n {
			break
		}
		lines = append(lines, fmt.Sprintf("  %-40s %6d %10s %12s", p.Package, p.Funcs, kb(p.Raw), kb(p.Brotli)))
	}
	b.r.detail(title, lines)
}
