package compress

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestRoundTrip(t *testing.T) {
	in := []byte(strings.Repeat("Deelwijzer deelt niets. ", 200))
	gz, err := gzip.NewReader(bytes.NewReader(Gzip(in)))
	if err != nil {
		t.Fatal(err)
	}
	if out, _ := io.ReadAll(gz); !bytes.Equal(out, in) {
		t.Fatal("gzip round trip changed the data")
	}
	br := Brotli(in)
	if out, _ := io.ReadAll(brotli.NewReader(bytes.NewReader(br))); !bytes.Equal(out, in) {
		t.Fatal("brotli round trip changed the data")
	}
	if len(br) >= len(in)/10 {
		t.Fatalf("brotli output %d bytes for %d repetitive bytes: not compressing", len(br), len(in))
	}
}

func TestWorth(t *testing.T) {
	for name, want := range map[string]bool{"a.html": true, "engine.wasm": true, "x.png": false, "css": false, "a.woff2": false} {
		if got := Worth(name); got != want {
			t.Errorf("Worth(%q) = %v, want %v", name, got, want)
		}
	}
}
