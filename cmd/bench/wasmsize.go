package main

import (
	"errors"
	"slices"
	"strings"

	"deelwijzer/internal/compress"
)

// go tool nm does not read WebAssembly, so the breakdown per Go package comes
// from the module itself: the code section gives each function body's size and
// the "name" custom section (present when the module is built without -s) gives
// each function's Go symbol.

type packageSize struct {
	Package string
	Funcs   int
	Raw     int // bytes of function bodies
	Brotli  int // the package's bodies compressed on their own
}

type wasmBreakdown struct {
	Code, Data, Other int // section bytes
	Packages          []packageSize
	Names             map[int]string // function index -> Go symbol
}

func uleb(b []byte) (uint64, int, error) {
	var v uint64
	for i := 0; i < len(b) && i < 10; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i]&0x80 == 0 {
			return v, i + 1, nil
		}
	}
	return 0, 0, errors.New("bad LEB128 number")
}

// wasmSections calls fn for each section with its id and contents.
func wasmSections(mod []byte, fn func(id byte, body []byte) error) error {
	if len(mod) < 8 || string(mod[:4]) != "\x00asm" {
		return errors.New("not a WebAssembly module")
	}
	for p := 8; p < len(mod); {
		id := mod[p]
		n, k, err := uleb(mod[p+1:])
		if err != nil || p+1+k+int(n) > len(mod) {
			return errors.New("truncated section")
		}
		body := mod[p+1+k : p+1+k+int(n)]
		if err := fn(id, body); err != nil {
			return err
		}
		p += 1 + k + int(n)
	}
	return nil
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) u() int {
	if r.err != nil {
		return 0
	}
	v, k, err := uleb(r.b)
	if err != nil {
		r.err = err
		return 0
	}
	r.b = r.b[k:]
	return int(v)
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n > len(r.b) || n < 0 {
		r.err = errors.New("truncated")
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

// skipImportDesc skips one import's description and reports whether it was a function.
func (r *reader) skipImportDesc() bool {
	kind := r.bytes(1)
	if r.err != nil {
		return false
	}
	switch kind[0] {
	case 0: // func: type index
		r.u()
		return true
	case 1: // table: reftype + limits
		r.bytes(1)
		r.limits()
	case 2: // memory
		r.limits()
	case 3: // global: valtype + mut
		r.bytes(2)
	}
	return false
}

func (r *reader) limits() {
	flag := r.bytes(1)
	r.u()
	if r.err == nil && flag[0]&1 == 1 {
		r.u()
	}
}

// goPackage turns a function name of the name section into its package path.
// The wasm linker writes "deelwijzer/checklist.(*loader).item" as
// "deelwijzer_checklist.__loader_.item", so underscores before the first dot
// become slashes again (a package path with a real underscore is rare).
func goPackage(sym string) string {
	dot := strings.Index(sym, ".")
	if slash := strings.LastIndex(sym, "/"); slash >= 0 {
		dot = strings.Index(sym[slash:], ".")
		if dot >= 0 {
			dot += slash
		}
	}
	if dot <= 0 {
		return "(other)"
	}
	pkg := sym[:dot]
	if pkg == "type_" || strings.HasPrefix(pkg, "type:") {
		return "(type data)"
	}
	if !strings.Contains(pkg, "/") {
		pkg = strings.ReplaceAll(pkg, "_", "/")
	}
	return pkg
}

func analyzeWasm(mod []byte) (*wasmBreakdown, error) {
	out := &wasmBreakdown{}
	imported := 0
	var bodies [][]byte
	names := map[int]string{}
	err := wasmSections(mod, func(id byte, body []byte) error {
		switch id {
		case 2: // imports
			r := &reader{b: body}
			for n := r.u(); n > 0 && r.err == nil; n-- {
				r.bytes(r.u()) // module
				r.bytes(r.u()) // name
				if r.skipImportDesc() {
					imported++
				}
			}
			out.Other += len(body)
			return r.err
		case 10: // code
			out.Code += len(body)
			r := &reader{b: body}
			for n := r.u(); n > 0 && r.err == nil; n-- {
				bodies = append(bodies, r.bytes(r.u()))
			}
			return r.err
		case 11: // data
			out.Data += len(body)
		case 0:
			r := &reader{b: body}
			if string(r.bytes(r.u())) != "name" {
				out.Other += len(body)
				return nil
			}
			for len(r.b) > 0 && r.err == nil {
				sub := r.bytes(1)
				content := &reader{b: r.bytes(r.u())}
				if r.err != nil || sub[0] != 1 {
					continue
				}
				for n := content.u(); n > 0 && content.err == nil; n-- {
					idx := content.u()
					names[idx] = string(content.bytes(content.u()))
				}
			}
			return r.err
		default:
			out.Other += len(body)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, errors.New("the module has no name section (built with -s?)")
	}
	out.Names = names
	byPkg := map[string]*packageSize{}
	code := map[string][]byte{}
	for i, b := range bodies {
		pkg := goPackage(names[imported+i])
		ps := byPkg[pkg]
		if ps == nil {
			ps = &packageSize{Package: pkg}
			byPkg[pkg] = ps
		}
		ps.Funcs++
		ps.Raw += len(b)
		code[pkg] = append(code[pkg], b...)
	}
	for _, ps := range byPkg {
		out.Packages = append(out.Packages, *ps)
	}
	slices.SortFunc(out.Packages, func(a, b packageSize) int { return b.Raw - a.Raw })
	// Brotli per package only for the biggest ones: it is slow at quality 11.
	for i := range out.Packages {
		if i < 15 {
			out.Packages[i].Brotli = len(compress.Brotli(code[out.Packages[i].Package]))
		}
	}
	return out, nil
}
