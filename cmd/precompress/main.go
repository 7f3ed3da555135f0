// Command precompress writes .br and .gz files next to the large text and WebAssembly
// files of a built site, for hosts that serve precompressed files (nginx gzip_static
// and brotli_static, Netlify, many CDNs). Files that do not shrink are left alone.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"deelwijzer/internal/compress"
)

// minSize keeps tiny files as they are: their headers would cost more than they save.
const minSize = 1024

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "gebruik: precompress <map met de gebouwde site>")
		os.Exit(2)
	}
	var files, in, outBr int64
	err := filepath.WalkDir(os.Args[1], func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !compress.Worth(path) || strings.HasSuffix(path, ".br") || strings.HasSuffix(path, ".gz") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil || len(data) < minSize {
			return err
		}
		br, gz := compress.Brotli(data), compress.Gzip(data)
		if len(br) < len(data) {
			if err := os.WriteFile(path+".br", br, 0o644); err != nil {
				return err
			}
		}
		if len(gz) < len(data) {
			if err := os.WriteFile(path+".gz", gz, 0o644); err != nil {
				return err
			}
		}
		files++
		in += int64(len(data))
		outBr += int64(len(br))
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "precompress:", err)
		os.Exit(1)
	}
	fmt.Printf("precompress: %d bestanden, %d KB -> %d KB brotli\n", files, in/1024, outBr/1024)
}
