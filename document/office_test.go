package document_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"deelwijzer/document"
)

// TestOfficeOpensDocuments converts every document of every golden case,
// in both formats, with LibreOffice (headless) to PDF, to text and to flat
// ODF, and checks that each conversion produced a file, that the text
// holds the document's content (every answer of the realistic case in the
// DPIA report; hostile text as typed), and that every heading comes out as
// a heading with its outline level. `make deps` installs LibreOffice
// (libreoffice-writer-nogui); without it this test fails, except with
// -short.
func TestOfficeOpensDocuments(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if testing.Short() {
			t.Skip("soffice not installed")
		}
		t.Fatal("LibreOffice (soffice) is missing: run make deps, which installs libreoffice-writer-nogui")
	}
	def := workbook(t)
	ids, src := templates(t)
	names, answers := cases(t)
	answers["vijandig"] = hostileCase()
	names = append(names, "vijandig")

	dir := t.TempDir()
	docs := map[string]*document.Document{}
	files := map[string][]string{} // by format
	for _, c := range names {
		for _, id := range ids {
			if workbookOnly(t, src[id]) {
				docs[c+"--"+id] = renderCase(t, def, src[id], c, answers[c])
			}
		}
	}
	// The documents from the whole dossier, from the dossier cases (their
	// names start with "dossier-" to keep them apart from the workbook's).
	dnames, dtexts := dossierCases(t)
	dids, _ := dossierTemplates(t)
	for _, c := range dnames {
		for _, id := range dids {
			docs["dossier-"+c+"--"+id] = renderDossier(t, src[id], dtexts[c])
		}
	}
	for _, id := range dids {
		docs["vijandig--"+id] = renderDossier(t, src[id], hostileDossier(t))
	}
	for _, ext := range []string{"docx", "odt"} {
		if err := os.MkdirAll(filepath.Join(dir, ext), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for base, d := range docs {
		for ext, b := range map[string][]byte{"docx": d.DOCX(), "odt": d.ODT()} {
			f := filepath.Join(dir, ext, base+"."+ext)
			if err := os.WriteFile(f, b, 0o644); err != nil {
				t.Fatal(err)
			}
			files[ext] = append(files[ext], f)
		}
	}
	sort.Strings(files["docx"])
	sort.Strings(files["odt"])
	profile := "file://" + filepath.Join(dir, "profiel")
	// A .docx and an .odt of the same document convert to the same name,
	// so each format converts into its own directory. Each batch must load
	// every file with the format's own import filter, without an error.
	convert := func(to, sub, ext string) officeRun {
		run := runOffice(t, soffice, dir, profile, to, ext, filepath.Join(dir, sub+"-"+ext), files[ext])
		if run.loadErrors > 0 {
			t.Errorf("soffice --convert-to %s: %d .%s files could not be loaded\n%s", to, run.loadErrors, ext, run.stderr)
		}
		return run
	}
	txtRuns := map[string]officeRun{}
	for _, ext := range []string{"docx", "odt"} {
		convert("pdf", "pdf", ext)
		txtRuns[ext] = convert("txt:Text (encoded):UTF8", "txt", ext)
		convert("fodt", "fodt", ext)
	}

	squash := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for _, f := range append(files["docx"], files["odt"]...) {
		name := filepath.Base(f)
		base := name[:strings.LastIndexByte(name, '.')]
		ext := name[len(base)+1:]
		d := docs[base]

		pdf := filepath.Join(dir, "pdf-"+ext, base+".pdf")
		info, err := os.Stat(pdf)
		if err != nil || info.Size() < 1000 {
			t.Errorf("%s: no PDF (%v)", name, err)
			continue
		}
		if pages, err := exec.Command("pdfinfo", pdf).Output(); err == nil {
			t.Logf("%s: %d bytes, %s", name, len(mustRead(t, f)), pageLine(pages))
			// The board gets one page first (issue: "a one-page summary
			// for the board"), also for twelve organisations and a dossier
			// that changed after its vaststelling.
			if strings.Contains(base, "--samenvatting-bestuur") && !strings.HasPrefix(base, "vijandig") && pageLine(pages) != "Pages: 1" {
				t.Errorf("%s: the summary for the board takes %s, want one A4 page", name, pageLine(pages))
			}
		}
		txtFile := filepath.Join(dir, "txt-"+ext, base+".txt")
		problems := openProblems(txtRuns[ext], f, txtFile, d)
		for _, p := range problems {
			t.Errorf("%s: %s", name, p)
		}
		if len(problems) > 0 {
			continue
		}
		txt := squash(string(mustRead(t, txtFile)))
		var want []string
		if strings.HasPrefix(base, "wijkteam--dpia-rapport") {
			want = append(want, caseAnswers(t, def, answers["wijkteam"])...)
		}
		if strings.HasPrefix(base, "dossier-wijkteam--convenant") {
			want = append(want, convenantAnswers(t, dtexts["wijkteam"])...)
		}
		if strings.HasPrefix(base, "vijandig--dpia-rapport") || strings.HasPrefix(base, "vijandig--convenant") || strings.HasPrefix(base, "vijandig--fg-advies") {
			for _, h := range hostile {
				if !strings.ContainsAny(h, "\x00\x07\x1b\u0085\xff") {
					want = append(want, h)
				}
			}
		}
		for _, w := range want {
			if !strings.Contains(txt, squash(w)) {
				t.Errorf("%s: the text from LibreOffice lacks %q", name, w)
			}
		}
		fodt, err := os.ReadFile(filepath.Join(dir, "fodt-"+ext, base+".fodt"))
		if err != nil {
			t.Errorf("%s: no flat ODF (%v)", name, err)
			continue
		}
		heads := fodtHeadings(t, fodt)
		var expect []string
		for _, bl := range d.Blocks {
			if bl.Kind == document.Heading {
				expect = append(expect, itoa(bl.Level)+" "+squash(cleaned(bl.Text)))
			}
		}
		if strings.Join(heads, "\n") != strings.Join(expect, "\n") {
			t.Errorf("%s: headings after LibreOffice (level, text)\n%s\nwant\n%s", name, strings.Join(heads, "\n"), strings.Join(expect, "\n"))
		}
	}
}

// hostileCase puts text that would be markup, a field or a formula in
// every text answer of the workbook.
func hostileCase() string {
	q := func(s string) string {
		var b []byte
		b = append(b, '"')
		for _, r := range s {
			switch {
			case r == '"' || r == '\\':
				b = append(b, '\\', byte(r))
			case r < 0x20:
				b = append(b, []byte(`\u00`+string("0123456789abcdef"[r>>4])+string("0123456789abcdef"[r&15]))...)
			default:
				b = append(b, string(r)...)
			}
		}
		return string(append(b, '"'))
	}
	h := func(i int) string { return q(strings.ToValidUTF8(hostile[i%len(hostile)], "")) }
	return `{"werkproces": ` + h(0) + `, "begin-eind": ` + h(1) + `,
	"processtappen": [{"stap": ` + h(2) + `, "uitvoerder": ` + h(3) + `}],
	"organisaties": [{"_id": "o1", "naam": ` + h(5) + `}, {"_id": "o2", "naam": ` + h(6) + `}],
	"deelmomenten": [{"processtap": ` + h(4) + `, "van": "o1", "naar": "o2", "gegevens": ` + h(7) + `, "doel": ` + h(9) + `}],
	"rechtmatigheid": [{"materiewet": ` + h(3) + `, "toelichting": ` + h(1) + `}],
	"risicos": [{"risico": "eigen-risico", "omschrijving": ` + h(0) + `, "deelmoment": ` + h(2) + `}],
	"niet-delen": ` + h(3) + `, "restrisico-besluit": ` + h(4) + `, "open-punten": ` + h(6) + `, "hoog-restrisico": "nee",
	"organisaties": [{"_id": "o1", "naam": ` + h(8) + `, "rol": "verwerkingsverantwoordelijke"}],
	"fg-adviezen": [{"organisatie": "o1", "advies": ` + h(5) + `, "gevolgd": "nee", "waarom": ` + h(7) + `}],
	"vaststellingen": [{"organisatie": "o1", "functie": ` + h(9) + `, "besluit": "voorwaarden", "toelichting": ` + h(2) + `}]}`
}

// fodtHeadings lists "level text" for every text:h of a flat ODF file.
func fodtHeadings(t *testing.T, b []byte) []string {
	t.Helper()
	const textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	d := xml.NewDecoder(bytes.NewReader(b))
	var out []string
	depth, level := 0, ""
	var sb strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("flat ODF is not well-formed: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			if x.Name.Space == textNS && x.Name.Local == "h" {
				depth, level = 1, ""
				sb.Reset()
				for _, a := range x.Attr {
					if a.Name.Local == "outline-level" {
						level = a.Value
					}
				}
			} else if depth > 0 {
				depth++
				if x.Name.Local == "s" || x.Name.Local == "tab" || x.Name.Local == "line-break" {
					sb.WriteByte(' ')
				}
			}
		case xml.EndElement:
			if depth > 0 {
				depth--
				if depth == 0 {
					out = append(out, level+" "+strings.Join(strings.Fields(sb.String()), " "))
				}
			}
		case xml.CharData:
			if depth > 0 {
				sb.Write(x)
			}
		}
	}
}

func pageLine(info []byte) string {
	for _, l := range strings.Split(string(info), "\n") {
		if strings.HasPrefix(l, "Pages:") {
			return strings.Join(strings.Fields(l), " ")
		}
	}
	return "pages unknown"
}

func mustRead(t *testing.T, f string) []byte {
	t.Helper()
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func itoa(n int) string { return string(rune('0' + n)) }
