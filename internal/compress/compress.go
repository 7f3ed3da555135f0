// Package compress gives the gzip and brotli encodings a static host would serve,
// shared by the precompress build step and the size benchmark so both count bytes
// the same way.
package compress

import (
	"bytes"
	"compress/gzip"

	"github.com/andybalholm/brotli"
)

// Gzip returns data gzip-compressed at the best compression level.
func Gzip(data []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // level is valid: no error
	w.Write(data)
	w.Close()
	return buf.Bytes()
}

// Brotli returns data brotli-compressed at quality 11, what precompressing hosts use.
func Brotli(data []byte) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	w.Write(data)
	w.Close()
	return buf.Bytes()
}

// Worth reports whether a file of this name is text or WebAssembly that compresses
// well enough to serve precompressed.
func Worth(name string) bool {
	for _, ext := range []string{".html", ".css", ".js", ".wasm", ".json", ".svg", ".xml", ".txt", ".md"} {
		if len(name) > len(ext) && name[len(name)-len(ext):] == ext {
			return true
		}
	}
	return false
}
