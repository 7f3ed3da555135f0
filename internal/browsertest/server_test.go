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

// TestServeHook: a hook that answers takes the request; one that declines
// leaves it to the file server, and both are recorded.
func TestServeHook(t *testing.T) {
	hook := func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/deelwijzer/geweigerd.txt" {
			http.Error(w, "nee", http.StatusTeapot)
			return true
		}
		return false
	}
	s := Serve(t, "testdata/site", "/deelwijzer/", ServeOptions{Hook: hook, Quiet: true})
	if resp, body := get(t, s.URL+"geweigerd.txt"); resp.StatusCode != http.StatusTeapot || body != "nee\n" {
		t.Errorf("hooked request: %d %q", resp.StatusCode, body)
	}
	if resp, _ := get(t, s.URL); resp.StatusCode != http.StatusOK {
		t.Errorf("declined request: %d, want the file", resp.StatusCode)
	}
	if got := s.Requests(); len(got) != 2 || got[0].Status != http.StatusTeapot {
		t.Errorf("recorded %v", got)
	}
}
