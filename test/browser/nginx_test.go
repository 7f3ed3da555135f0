//go:build browser

package browser

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"deelwijzer/internal/browsertest"
)

// readmeAlias is the site directory in the README's nginx example; the test
// points it at the built site.
const readmeAlias = "/var/www/deelwijzer/public/"

// readmeNginx returns the nginx configuration block of README.md: the first
// ```nginx fence. The test runs exactly that block, so the README cannot
// drift from what works.
func readmeNginx(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)\n```nginx\n(.*?)\n```\n").FindStringSubmatch(string(data))
	if m == nil {
		t.Fatal("README.md has no ```nginx block")
	}
	return m[1]
}

// nginxPath finds Debian's nginx. Missing nginx fails the test: under the
// browser tag a skip would hide that the hosting example went untested.
func nginxPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("DEELWIJZER_NGINX"); p != "" {
		return p
	}
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
		return "/usr/sbin/nginx"
	}
	t.Fatal("nginx not found (make system-deps installs it: apt-get install nginx), or set DEELWIJZER_NGINX")
	return ""
}

// startNginx runs nginx in the foreground with the README block inside a
// minimal configuration of its own (every path in a temporary directory, a
// free port on 127.0.0.1) and returns the site's base URL. nginx stops when
// the test ends.
func startNginx(t *testing.T, site string) string {
	t.Helper()
	bin := nginxPath(t)
	block := readmeNginx(t)
	if !strings.Contains(block, readmeAlias) || !strings.Contains(block, "location /deelwijzer/") {
		t.Fatalf("the README's nginx block no longer serves %s under /deelwijzer/; update the test with it:\n%s", readmeAlias, block)
	}
	block = strings.ReplaceAll(block, readmeAlias, strings.TrimSuffix(site, "/")+"/")

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()

	tmp := t.TempDir()
	user := ""
	if os.Geteuid() == 0 {
		// As root nginx would serve as "nobody", who may not read a site
		// built in a private temporary directory.
		user = "user root;"
	}
	conf := fmt.Sprintf(`%s
worker_processes 1;
pid %[2]s/nginx.pid;
error_log %[2]s/error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log %[2]s/access.log;
    client_body_temp_path %[2]s/body;
    proxy_temp_path %[2]s/proxy;
    fastcgi_temp_path %[2]s/fastcgi;
    uwsgi_temp_path %[2]s/uwsgi;
    scgi_temp_path %[2]s/scgi;
    server {
        listen %[3]s;
        server_name localhost;
%[4]s
    }
}
`, user, tmp, addr, block)
	confPath := filepath.Join(tmp, "nginx.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"-p", tmp, "-e", filepath.Join(tmp, "error.log"), "-c", confPath}
	if out, err := exec.Command(bin, append(args, "-t")...).CombinedOutput(); err != nil {
		t.Fatalf("nginx refuses the README configuration: %v\n%s\n--- nginx.conf ---\n%s", err, out, conf)
	}
	cmd := exec.Command(bin, append(args, "-g", "daemon off;")...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGQUIT)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		if log, err := os.ReadFile(filepath.Join(tmp, "error.log")); err == nil && t.Failed() {
			t.Logf("nginx error.log:\n%s", log)
		}
	})
	base := "http://" + addr + "/deelwijzer/"
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		resp, err := http.Get(base)
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx does not answer on %s: %v", base, err)
		}
	}
	return base
}

// TestNginxREADME serves the built site with nginx configured by the README
// under /deelwijzer/, checks the headers of each kind of file, and runs a
// crawl, a search and a checklist through it in Chromium.
func TestNginxREADME(t *testing.T) {
	dir := publicDir(t)
	base := startNginx(t, dir)
	origin := strings.TrimSuffix(base, "/deelwijzer/")

	// The CSP header must hold every directive of the pages' meta policy,
	// plus frame-ancestors, which only works as a header.
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`http-equiv="?Content-Security-Policy"? content="([^"]+)"`).FindSubmatch(index)
	if m == nil {
		t.Fatal("index.html has no CSP meta tag")
	}
	var directives []string
	for _, d := range strings.Split(strings.ReplaceAll(string(m[1]), "&#39;", "'"), ";") {
		if d = strings.TrimSpace(d); d != "" {
			directives = append(directives, d)
		}
	}
	directives = append(directives, "frame-ancestors 'none'")

	hashed := func(pattern string) string {
		files, _ := filepath.Glob(filepath.Join(dir, pattern))
		if len(files) == 0 {
			t.Fatalf("the site has no file %s", pattern)
		}
		rel, _ := filepath.Rel(dir, files[0])
		return filepath.ToSlash(rel)
	}
	cases := []struct {
		path, contentType string
		status            int
		immutable         bool
	}{
		{"", "text/html", 200, false},
		{"checklists/upp/", "text/html", 200, false},
		{"bestaat-niet/", "text/html", 404, false},
		{hashed("gen/*.wasm"), "application/wasm", 200, true},
		{hashed("css/*.css"), "text/css", 200, true},
		{hashed("js/checklist.*.js"), "javascript", 200, true},
		{"pagefind/pagefind.js", "javascript", 200, false},
	}
	if svgs, _ := filepath.Glob(filepath.Join(dir, "*.svg")); len(svgs) > 0 {
		cases = append(cases, struct {
			path, contentType string
			status            int
			immutable         bool
		}{filepath.Base(svgs[0]), "image/svg+xml", 200, false})
	}
	for _, c := range cases {
		resp, err := http.Get(base + c.path)
		if err != nil {
			t.Errorf("/%s: %v", c.path, err)
			continue
		}
		resp.Body.Close()
		h := resp.Header
		where := "/deelwijzer/" + c.path
		if resp.StatusCode != c.status {
			t.Errorf("%s: status %d, want %d", where, resp.StatusCode, c.status)
		}
		if ct := h.Get("Content-Type"); !strings.Contains(ct, c.contentType) {
			t.Errorf("%s: Content-Type %q, want %s", where, ct, c.contentType)
		}
		csp := h.Get("Content-Security-Policy")
		for _, d := range directives {
			if !strings.Contains(csp, d) {
				t.Errorf("%s: CSP header lacks %q: %q", where, d, csp)
			}
		}
		if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q", where, got)
		}
		if got := h.Get("Referrer-Policy"); got != "no-referrer" {
			t.Errorf("%s: Referrer-Policy %q", where, got)
		}
		cc := h.Get("Cache-Control")
		if c.immutable != strings.Contains(cc, "immutable") || (c.immutable && !strings.Contains(cc, "max-age=31536000")) {
			t.Errorf("%s: Cache-Control %q (hashed file: %v)", where, cc, c.immutable)
		}
	}

	// A precompressed copy is served as such when the build has one.
	if gz, _ := filepath.Glob(filepath.Join(dir, "js", "*.js.gz")); len(gz) > 0 {
		rel, _ := filepath.Rel(dir, strings.TrimSuffix(gz[0], ".gz"))
		req, _ := http.NewRequest("GET", base+filepath.ToSlash(rel), nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s: gzip_static did not serve the .gz copy", rel)
		}
	}

	// The site in Chromium, through nginx: pages, search, one checklist.
	b := browsertest.NewBrowser(t)
	tab := b.NewTab(t)
	pages := []string{"", "werkwijze/", "upp/stap-2/", "partners/", "rollen/", "begrippen/", "privacy/", "checklists/"}
	for _, p := range pages {
		tab.ResetRequests()
		if err := tab.Navigate(base + p); err != nil {
			t.Errorf("/%s: %v", p, err)
			continue
		}
		if problems := tab.RequestProblems(origin, ""); len(problems) > 0 {
			t.Errorf("/%s through nginx:\n  %s", p, strings.Join(problems, "\n  "))
		}
		if errs := tab.PageErrors(); len(errs) > 0 {
			t.Errorf("/%s through nginx, page errors:\n  %s", p, strings.Join(errs, "\n  "))
		}
	}

	tab.ResetRequests()
	tab.Go(base + "zoeken/")
	tab.WaitVisible("form#zoeken #zoekterm")
	tab.Type("form#zoeken #zoekterm", "grondslag")
	tab.Press(browsertest.KeyEnter)
	tab.WaitVisible("#zoekresultaten a")
	if errs := tab.PageErrors(); len(errs) > 0 {
		t.Errorf("search through nginx, page errors:\n  %s", strings.Join(errs, "\n  "))
	}

	const marker = "NGINXMERK"
	tab.ResetRequests()
	openChecklist(t, tab, base+"checklists/upp/")
	tab.Type("#f-wet", marker+" Wmo 2015")
	tab.Click("#afronden")
	tab.WaitVisible("#foutoverzicht")
	if problems := tab.RequestProblems(origin, marker); len(problems) > 0 {
		t.Errorf("checklist through nginx:\n  %s", strings.Join(problems, "\n  "))
	}
	if errs := tab.PageErrors(); len(errs) > 0 {
		t.Errorf("checklist through nginx, page errors:\n  %s", strings.Join(errs, "\n  "))
	}
	// The engine came with the right type: streaming compilation worked,
	// so the page did not need the fallback that fetches the file again.
	wasm := 0
	for _, r := range tab.Requests() {
		if strings.HasSuffix(r.URL, ".wasm") {
			wasm++
		}
	}
	if wasm != 1 {
		t.Errorf("the engine was requested %d times, want 1 (application/wasm lets the browser compile while loading)", wasm)
	}
}
