package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// skipInSnapshot are top-level paths of the working tree that a build makes or
// that are not part of the site's sources. node_modules is linked, not copied.
var skipInSnapshot = map[string]bool{
	".git": true, "node_modules": true, "public": true, "resources": true,
	".hugo_build.lock": true, "bench-out": true, filepath.Join("static", "pagefind"): true,
}

// snapshot copies the repository's sources to dst, keeping modification times
// so make sees the generated engine as up to date, exactly as in the tree. The
// bench builds there: the shared public/, resources/_gen and Hugo cache of the
// working tree stay untouched, and a "cold" build really starts from nothing.
func snapshot(repo, dst string) error {
	err := filepath.WalkDir(repo, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(repo, p)
		if skipInSnapshot[rel] {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case info.Mode()&fs.ModeSymlink != 0:
			link, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(link, target)
		case !info.Mode().IsRegular():
			return nil
		}
		if err := copyFile(p, target, info.Mode().Perm()); err != nil {
			return err
		}
		return os.Chtimes(target, info.ModTime(), info.ModTime())
	})
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(repo, "node_modules")); err == nil {
		return os.Symlink(filepath.Join(repo, "node_modules"), filepath.Join(dst, "node_modules"))
	}
	return nil
}

func copyFile(src, dst string, perm fs.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// command runs name args in dir with extra environment and returns the
// combined output and the wall time.
func command(dir string, env []string, name string, args ...string) (string, time.Duration, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	start := time.Now()
	err := cmd.Run()
	took := time.Since(start)
	if err != nil {
		err = fmt.Errorf("%s %s: %v: %s", name, strings.Join(args, " "), err, lastLines(out.String(), 3))
	}
	return out.String(), took, err
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}

// hugoRun is one timed Hugo build: Hugo's own "Total in" figure (without the
// start-up of `go tool`) and the number of pages it rendered.
type hugoRun struct {
	Total time.Duration
	Pages int
}

var (
	hugoTotal = regexp.MustCompile(`Total in (\d+) ms`)
	hugoPages = regexp.MustCompile(`^\s*Pages\s*[│|]\s*(\d+)`)
)

func parseHugo(out string) (hugoRun, error) {
	var r hugoRun
	m := hugoTotal.FindStringSubmatch(out)
	if m == nil {
		return r, fmt.Errorf("no 'Total in' in Hugo's output: %s", lastLines(out, 3))
	}
	n, _ := strconv.Atoi(m[1])
	r.Total = time.Duration(n) * time.Millisecond
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		if m := hugoPages.FindStringSubmatch(sc.Text()); m != nil {
			r.Pages, _ = strconv.Atoi(m[1])
		}
	}
	if r.Pages == 0 {
		return r, fmt.Errorf("no page count in Hugo's output: %s", lastLines(out, 3))
	}
	return r, nil
}

// hugo runs Hugo on the source tree src into dst, the way the Makefile does.
func hugo(repo, src, dst, cacheDir string) (hugoRun, error) {
	out, _, err := command(src, nil, "go", "tool", "-modfile="+filepath.Join(repo, "tools", "hugo.mod"), "hugo",
		"--source", src, "--gc", "--cleanDestinationDir", "--cacheDir", cacheDir, "-d", dst)
	if err != nil {
		return hugoRun{}, err
	}
	return parseHugo(out)
}

// sitePaths lists the page paths of a built site (directories with an
// index.html), up to depth levels deep, for links from synthetic pages.
func sitePaths(site string, depth int) []string {
	var out []string
	filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(site, p)
		if rel != "." && strings.Count(rel, string(filepath.Separator)) >= depth {
			return filepath.SkipDir
		}
		if rel == "." || strings.HasPrefix(rel, "pagefind") || strings.HasPrefix(rel, "css") || strings.HasPrefix(rel, "js") {
			return nil
		}
		if _, err := os.Stat(filepath.Join(p, "index.html")); err == nil {
			out = append(out, "/"+filepath.ToSlash(rel)+"/")
		}
		return nil
	})
	return out
}
