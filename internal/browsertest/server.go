// Package browsertest is the shared harness for the browser tests of
// Deelwijzer: a static file server for a built site, a headless Chromium,
// request recording, axe-core runs, keyboard and PDF helpers.
//
// The harness is used by test packages that carry the build tag "browser",
// so a plain `go test ./...` does not need Chromium.
package browsertest

import (
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// ServeOptions changes how Serve answers.
type ServeOptions struct {
	// WasmContentType is the Content-Type of .wasm files. Empty means
	// "application/wasm". Tests set "application/octet-stream" to check the
	// fallback for servers that do not know WebAssembly (then streaming
	// compilation fails and the page must still work).
	WasmContentType string
	// Quiet turns off the log line per request (they go to t.Logf, so they
	// only show with -v or on failure anyway).
	Quiet bool
	// Hook, when set, sees every request first. When it returns true it has
	// answered the request itself; otherwise the file is served as usual.
	// Tests use it to refuse or hold back a file (the engine's .wasm) and see
	// how the page copes. It runs on the server's goroutines.
	Hook func(w http.ResponseWriter, r *http.Request) bool
}

// ServedRequest is one request the server answered.
type ServedRequest struct {
	Method string
	Path   string
	Status int
}

// Server is a static file server for a built site on 127.0.0.1.
type Server struct {
	// URL is the base URL of the site, with the prefix and a trailing
	// slash, e.g. http://127.0.0.1:34567/deelwijzer/.
	URL string
	// Origin is scheme://host:port without a path.
	Origin string

	mu       sync.Mutex
	requests []ServedRequest
}

// Serve serves dir under the URL path prefix ("/" or "/deelwijzer/") with a
// plain net/http server, as a static host would: a directory answers with
// its index.html, a missing file with 404 (and the body of 404.html when
// the site has one). The server stops when the test ends.
func Serve(t testing.TB, dir, prefix string, opts ServeOptions) *Server {
	t.Helper()
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		t.Fatalf("browsertest.Serve: %s is not a directory with a built site: %v", dir, err)
	}
	prefix = "/" + strings.Trim(prefix, "/") + "/"
	if prefix == "//" {
		prefix = "/"
	}
	if opts.WasmContentType == "" {
		opts.WasmContentType = "application/wasm"
	}
	s := &Server{}
	var logMu sync.Mutex
	done := false
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		if opts.Hook == nil || !opts.Hook(rec, r) {
			serveFile(rec, r, dir, prefix, opts)
		}
		s.mu.Lock()
		s.requests = append(s.requests, ServedRequest{r.Method, r.URL.RequestURI(), rec.status})
		s.mu.Unlock()
		if !opts.Quiet {
			// t.Logf panics after the test has ended; a late request from
			// a browser that is shutting down must not crash the run.
			logMu.Lock()
			if !done {
				t.Logf("serve: %d %s %s", rec.status, r.Method, r.URL.RequestURI())
			}
			logMu.Unlock()
		}
	})
	ts := httptest.NewServer(handler)
	t.Cleanup(func() {
		logMu.Lock()
		done = true
		logMu.Unlock()
		ts.Close()
	})
	s.Origin = ts.URL
	s.URL = ts.URL + prefix
	return s
}

// Requests returns every request answered so far.
func (s *Server) Requests() []ServedRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]ServedRequest(nil), s.requests...)
}

// NotFound returns the paths that were answered with 404 so far.
func (s *Server) NotFound() []string {
	var out []string
	for _, r := range s.Requests() {
		if r.Status == http.StatusNotFound {
			out = append(out, r.Path)
		}
	}
	return out
}

// Reset forgets the requests so far, so a test can look at one page load.
func (s *Server) Reset() {
	s.mu.Lock()
	s.requests = nil
	s.mu.Unlock()
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func serveFile(w http.ResponseWriter, r *http.Request, dir, prefix string, opts ServeOptions) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	urlPath := r.URL.Path
	if urlPath+"/" == prefix {
		http.Redirect(w, r, prefix, http.StatusMovedPermanently)
		return
	}
	if !strings.HasPrefix(urlPath, prefix) {
		notFound(w, r, dir)
		return
	}
	rel := path.Clean("/" + strings.TrimPrefix(urlPath, prefix))
	full := filepath.Join(dir, filepath.FromSlash(rel))
	info, err := os.Stat(full)
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(urlPath, "/") {
			// As static hosts do: /x becomes /x/ so relative links work.
			http.Redirect(w, r, urlPath+"/", http.StatusMovedPermanently)
			return
		}
		full = filepath.Join(full, "index.html")
		info, err = os.Stat(full)
	}
	if err != nil || info.IsDir() {
		notFound(w, r, dir)
		return
	}
	f, err := os.Open(full)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", contentType(full, opts))
	http.ServeContent(w, r, "", info.ModTime(), f)
}

func contentType(file string, opts ServeOptions) string {
	ext := strings.ToLower(filepath.Ext(file))
	switch ext {
	case ".wasm":
		return opts.WasmContentType
	case ".html":
		return "text/html; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".json":
		return "application/json"
	case ".svg":
		return "image/svg+xml"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

func notFound(w http.ResponseWriter, r *http.Request, dir string) {
	body, err := os.ReadFile(filepath.Join(dir, "404.html"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	fmt.Fprintf(w, "%s", body)
}
