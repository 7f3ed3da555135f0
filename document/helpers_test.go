package document_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"deelwijzer/checklist"
	"deelwijzer/checklist/yamldef"
	"deelwijzer/document"
)

const testDate = "2026-11-30"

func workbook(t *testing.T) *checklist.Definition {
	t.Helper()
	def, err := yamldef.LoadShipped(filepath.Join("..", "data"), "werkwijze")
	if err != nil {
		t.Fatal(err)
	}
	return def
}

// templates returns the shipped templates by id, in file order.
func templates(t *testing.T) (ids []string, src map[string]string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "data", "documenten", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no templates: %v", err)
	}
	src = map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".md")
		ids = append(ids, id)
		src[id] = string(b)
	}
	return ids, src
}

func cases(t *testing.T) (names []string, answers map[string]string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "cases", "*.json"))
	answers = map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		names = append(names, name)
		answers[name] = string(b)
	}
	sort.Strings(names)
	if len(names) < 3 {
		t.Fatalf("expected at least 3 cases, got %v", names)
	}
	return names, answers
}

// caseDossier is the dossier a case is open in (testdata/dossierinfo/<case>.json:
// name, status, version, log, as the page sends it), nil when it has none.
func caseDossier(t *testing.T, name string) *document.DossierInfo {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "dossierinfo", name+".json"))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	info, err := document.ParseDossierInfo(string(b))
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// renderCase renders a template for a case, in the case's dossier if it has one.
func renderCase(t *testing.T, def *checklist.Definition, tmpl, name, answers string) *document.Document {
	t.Helper()
	d, err := document.WorkbookDocumentIn(def, tmpl, answers, testDate, caseDossier(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func render(t *testing.T, def *checklist.Definition, tmpl, answers string) *document.Document {
	t.Helper()
	d, err := document.WorkbookDocument(def, tmpl, answers, testDate)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// unzip reads an archive and returns its entries in order.
func unzip(t *testing.T, b []byte) (names []string, files map[string][]byte, methods map[string]uint16) {
	t.Helper()
	r, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a ZIP archive: %v", err)
	}
	files = map[string][]byte{}
	methods = map[string]uint16{}
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc) // checks the CRC-32 at EOF
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		names = append(names, f.Name)
		files[f.Name] = data
		methods[f.Name] = f.Method
	}
	return names, files, methods
}

// wellFormed parses b completely with encoding/xml.
func wellFormed(t *testing.T, name string, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
	}
}

// xmlText returns the character data of the elements with the given local
// name (such as "t" for w:t), joined; and the set of every element's
// "prefix-namespace:local" name that occurs.
func xmlText(t *testing.T, b []byte) (text string, elements map[string]bool) {
	t.Helper()
	elements = map[string]bool{}
	d := xml.NewDecoder(bytes.NewReader(b))
	var sb strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			elements[x.Name.Space+" "+x.Name.Local] = true
		case xml.CharData:
			sb.Write(x)
		}
	}
	return sb.String(), elements
}
