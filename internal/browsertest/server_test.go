package browsertest

import (
	"io"
	"net/http"
	"slices"
	"testing"
)

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestServeUnderPrefix(t *testing.T) {
	s := Serve(t, "testdata/site", "/deelwijzer/", ServeOptions{})
	if s.URL != s.Origin+"/deelwijzer/" {
		t.Fatalf("URL %q, origin %q", s.URL, s.Origin)
	}
	for _, tt := range []struct {
		path, contentType string
		status            int
	}{
		{"/deelwijzer/", "text/html; charset=utf-8", 200},
		{"/deelwijzer/sub/", "text/html; charset=utf-8", 200},
		{"/deelwijzer/sub", "text/html; charset=utf-8", 200}, // redirected to sub/
		{"/deelwijzer/app.js", "text/javascript; charset=utf-8", 200},
		{"/deelwijzer/leeg.wasm", "application/wasm", 200},
		{"/deelwijzer/bestaat-niet/", "", 404},
		{"/index.html", "", 404}, // outside the prefix
	} {
		resp, _ := get(t, s.Origin+tt.path)
		if resp.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d", tt.path, resp.StatusCode, tt.status)
		}
		if tt.contentType != "" && resp.Header.Get("Content-Type") != tt.contentType {
			t.Errorf("%s: Content-Type %q, want %q", tt.path, resp.Header.Get("Content-Type"), tt.contentType)
		}
	}
	want := []string{"/deelwijzer/bestaat-niet/", "/index.html"}
	if got := s.NotFound(); !slices.Equal(got, want) {
		t.Errorf("NotFound() = %q, want %q", got, want)
	}
	s.Reset()
	if len(s.Requests()) != 0 {
		t.Error("Reset did not forget the requests")
	}
}

func TestServeWasmContentTypeOption(t *testing.T) {
	s := Serve(t, "testdata/site", "/", ServeOptions{WasmContentType: "application/octet-stream"})
	resp, _ := get(t, s.URL+"leeg.wasm")
	if ct := resp.Header.Get("Content-Type"); ct != "application/octet-stream" {
		t.Errorf("Content-Type %q", ct)
	}
}

func TestServeRejectsOtherMethods(t *testing.T) {
	s := Serve(t, "testdata/site", "/", ServeOptions{})
	resp, err := http.Post(s.URL, "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d", resp.StatusCode)
	}
}
