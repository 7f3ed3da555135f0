package browsertest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// PdftotextPath is the text extractor of Debian's poppler-utils.
var PdftotextPath = "/usr/bin/pdftotext"

// PrintPDF prints the page as the browser's print function would, on A4,
// with the print style sheet (Page.printToPDF).
func (tab *Tab) PrintPDF() []byte {
	tab.t.Helper()
	tab.Settle()
	ctx, cancel := context.WithTimeout(tab.Ctx, tab.Timeout)
	defer cancel()
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
	if err != nil {
		tab.fail("print to PDF", err)
	}
	return pdf
}

// PDFText extracts the text of a PDF with pdftotext, keeping the layout,
// so a test can check what a printed page says.
func PDFText(t testing.TB, pdf []byte) string {
	t.Helper()
	if _, err := os.Stat(PdftotextPath); err != nil {
		t.Fatalf("browsertest: %s is missing; install it with `apt-get install poppler-utils` (the Makefile does this)", PdftotextPath)
	}
	file := filepath.Join(t.TempDir(), "print.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(PdftotextPath, "-layout", "-enc", "UTF-8", file, "-")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdftotext: %v: %s", err, stderr.String())
	}
	return stdout.String()
}
