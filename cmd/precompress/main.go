// Command precompress writes .br and .gz files next to the text and WebAssembly files
// of a built site, for hosts that serve precompressed files (nginx gzip_static and
// brotli_static, Netlify, many CDNs).
//
// The rule is simple: every text file gets an encoding when that encoding is smaller
// than the file itself, whatever its size. A small file (site.js, favicon.svg) still
// saves a few hundred bytes, and a host with brotli_static or gzip_static on can only
// serve a compressed copy that exists. A file that does not shrink (a handful of bytes,
// or data that is already compressed) gets no copy: sending the original is cheaper.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"deelwijzer/internal/compress"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "gebruik: precompress <map met de gebouwde site>")
		os.Exit(2)
	}
	st, err := run(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "precompress:", err)
		os.Exit(1)
	}
	fmt.Printf("precompress: %d bestanden, %d KB -> %d KB brotli\n", st.files, st.in/1024, st.outBr/1024)
}

type stats struct {
	files, in, outBr int64
}

// run writes the compressed copies for every file under dir.
func run(dir string) (stats, error) {
	var st stats
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !compress.Worth(path) || strings.HasSuffix(path, ".br") || strings.HasSuffix(path, ".gz") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		br, gz := compress.Brotli(data), compress.Gzip(data)
		if err := writeIfSmaller(path+".br", br, len(data)); err != nil {
			return err
		}
		if err := writeIfSmaller(path+".gz", gz, len(data)); err != nil {
			return err
		}
		st.files++
		st.in += int64(len(data))
		st.outBr += int64(min(len(br), len(data)))
		return nil
	})
	return st, err
}

// writeIfSmaller writes the encoded copy only when it saves bytes; otherwise it removes
// a copy from an earlier run, so a host never serves a stale encoding of a changed file.
func writeIfSmaller(name string, encoded []byte, original int) error {
	if len(encoded) < original {
		return os.WriteFile(name, encoded, 0o644)
	}
	if err := os.Remove(name); err != nil && !os.IsNotExist(err) {
		return err
	}
	return nil
}
