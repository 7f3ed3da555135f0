package document_test

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"deelwijzer/document"
)

// How LibreOffice reports a file it cannot open, found by trying (version
// 7.4, `soffice --headless --convert-to`):
//
//   - The exit status is 0 whether or not the files could be loaded.
//   - A file that does not load (broken XML, a cut-off archive, or an ODF
//     package that the desktop program would offer to repair, such as a
//     part missing from the manifest) prints "Error: source file could not
//     be loaded" on stderr and produces no output. Headless, LibreOffice
//     never repairs: the repair question is answered with no. So "opens
//     without repair" is "loads headless".
//   - A file it loads prints "convert <file> -> <output> using filter ..."
//     on stdout.
//   - Without a forced import filter, a file that is no document at all is
//     read as plain text and "converts" fine. With --infilter (the Word 2007
//     filter for .docx, writer8 for .odt) it fails to load instead.
//
// So a file counts as opened when stdout names it, its output exists and is
// not empty, and the text of that output holds the document's title and
// every heading (which also catches a document that loaded but lost its
// content).

// importFilter is LibreOffice's import filter for each format.
var importFilter = map[string]string{"docx": "MS Word 2007 XML", "odt": "writer8"}

// officeRun is what one soffice conversion of a batch of files reported.
type officeRun struct {
	converted  map[string]bool // input files named on a "convert" line
	loadErrors int             // "could not be loaded" lines
	stderr     string
}

// runOffice converts files (all of format ext) with soffice to the format
// to, into out, forcing the format's import filter.
func runOffice(t *testing.T, soffice, home, profile, to, ext, out string, files []string) officeRun {
	t.Helper()
	args := append([]string{"-env:UserInstallation=" + profile, "--headless", "--norestore",
		"--infilter=" + importFilter[ext], "--convert-to", to, "--outdir", out}, files...)
	cmd := exec.Command(soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+home)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s%s", to, err, stdout.String(), stderr.String())
	}
	run := officeRun{converted: map[string]bool{}, stderr: stderr.String()}
	for _, l := range strings.Split(stdout.String(), "\n") {
		if rest, ok := strings.CutPrefix(l, "convert "); ok {
			if in, _, ok := strings.Cut(rest, " -> "); ok {
				run.converted[in] = true
			}
		}
	}
	run.loadErrors = strings.Count(run.stderr, "could not be loaded")
	return run
}

// openProblems says why LibreOffice did not open in (converted to the text
// file txt in run) cleanly as document d; nothing when it did.
func openProblems(run officeRun, in, txt string, d *document.Document) []string {
	if !run.converted[in] {
		return []string{"LibreOffice could not load the file (no convert line; " + itoa(run.loadErrors) + " load errors in this batch)"}
	}
	b, err := os.ReadFile(txt)
	if err != nil || len(bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\uFEFF")))) == 0 {
		return []string{"LibreOffice wrote no text for the file"}
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	text := squash(string(b))
	var out []string
	want := []string{d.Title}
	for _, bl := range d.Blocks {
		if bl.Kind == document.Heading {
			want = append(want, bl.Text)
		}
	}
	for _, w := range want {
		if !strings.Contains(text, squash(cleaned(w))) {
			out = append(out, "the text from LibreOffice lacks "+w)
		}
	}
	return out
}

// cleaned is text as the document writer puts it in a file: control
// characters left out, invalid UTF-8 as U+FFFD.
func cleaned(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r <= 0x9f || r == 0xfffe || r == 0xffff {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// TestOfficeDetectsBrokenFiles shows that the check of
// TestOfficeOpensDocuments can fail: deliberately broken files, converted
// in one batch with a good one, are each reported, and the good one is not.
func TestOfficeDetectsBrokenFiles(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if testing.Short() {
			t.Skip("soffice not installed")
		}
		t.Fatal("LibreOffice (soffice) is missing: run make deps, which installs libreoffice-writer-nogui")
	}
	d := sample()
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return f
	}
	docx, odt := d.DOCX(), d.ODT()
	good := map[string]string{"docx": write("goed.docx", docx), "odt": write("goed.odt", odt)}
	broken := map[string][]string{
		"docx": {
			// document.xml cut in the middle of an element: not well-formed.
			write("kapotte-xml.docx", rezip(t, docx, func(name string, b []byte) []byte {
				if name == "word/document.xml" {
					return b[:len(b)/2]
				}
				return b
			})),
			// The archive cut off halfway.
			write("afgekapt.docx", docx[:len(docx)/2]),
			// No document at all: without a forced filter this would be read as text.
			write("geen-document.docx", []byte(strings.Repeat("Voorbeeld Kop ", 100))),
		},
		"odt": {
			// A part missing from the manifest: the desktop program offers a repair.
			write("herstel-nodig.odt", rezip(t, odt, func(name string, b []byte) []byte {
				if name == "META-INF/manifest.xml" {
					return bytes.Replace(b, []byte(`<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>`), nil, 1)
				}
				return b
			})),
			write("afgekapt.odt", odt[:len(odt)/2]),
		},
	}
	// The manifest edit must have changed something, or the test proves nothing.
	if bytes.Equal(mustRead(t, broken["odt"][0]), odt) {
		t.Fatal("the manifest of the sample has no entry for content.xml to remove")
	}
	profile := "file://" + filepath.Join(dir, "profiel")
	for _, ext := range []string{"docx", "odt"} {
		out := filepath.Join(dir, "txt-"+ext)
		run := runOffice(t, soffice, dir, profile, "txt:Text (encoded):UTF8", ext, out, append([]string{good[ext]}, broken[ext]...))
		txt := func(f string) string {
			base := filepath.Base(f)
			return filepath.Join(out, strings.TrimSuffix(base, filepath.Ext(base))+".txt")
		}
		if p := openProblems(run, good[ext], txt(good[ext]), d); len(p) > 0 {
			t.Errorf("%s: a good file is reported as broken: %v", filepath.Base(good[ext]), p)
		}
		// A file that opens but lost a heading is reported too.
		lost := sample()
		lost.Blocks = append(lost.Blocks, document.Block{Kind: document.Heading, Level: 2, Text: "Kop die niet in het bestand staat"})
		if p := openProblems(run, good[ext], txt(good[ext]), lost); len(p) != 1 {
			t.Errorf("%s: a missing heading gives %v, want one problem", filepath.Base(good[ext]), p)
		}
		for _, f := range broken[ext] {
			if p := openProblems(run, f, txt(f), d); len(p) == 0 {
				t.Errorf("%s: a broken file is reported as opened", filepath.Base(f))
			} else {
				t.Logf("%s: %s", filepath.Base(f), p[0])
			}
		}
		if run.loadErrors != len(broken[ext]) {
			t.Errorf(".%s: %d load errors on stderr, want %d\n%s", ext, run.loadErrors, len(broken[ext]), run.stderr)
		}
	}
}

// rezip copies a ZIP archive with each entry passed through edit, keeping
// the order and the method of every entry.
func rezip(t *testing.T, b []byte, edit func(name string, data []byte) []byte) []byte {
	t.Helper()
	names, files, methods := unzip(t, b)
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, n := range names {
		f, err := w.CreateHeader(&zip.FileHeader{Name: n, Method: methods[n]})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write(edit(n, files[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
