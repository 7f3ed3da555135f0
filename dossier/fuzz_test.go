package dossier_test

import (
	"os"
	"path/filepath"
	"testing"

	"deelwijzer/dossier"
)

// FuzzParse: no input makes reading a dossier or an answer file panic, and
// every dossier that reads is written back as text that reads to the same
// text (the round trip is stable). make test runs the committed corpus in
// testdata/fuzz/FuzzParse; go test -fuzz FuzzParse ./dossier searches for
// more.
func FuzzParse(f *testing.F) {
	if src, err := os.ReadFile(filepath.Join("testdata", "voorbeeld.json")); err == nil {
		f.Add(string(src))
	}
	f.Add(answerFile("samenwerking", "2.0.0", t0, `{"partners":[{"naam":"a","partner":"ggd"}]}`))
	infos := map[string]dossier.Info{"samenwerking": {Title: "S", Shared: map[string]string{"organisaties": "organisaties"}}}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := dossier.Parse(text)
		if err == nil {
			again, err := dossier.Parse(d.Text())
			if err != nil {
				t.Fatalf("written dossier does not read: %v\n%s", err, d.Text())
			}
			if again.Text() != d.Text() {
				t.Fatalf("round trip not stable\n%s\n%s", d.Text(), again.Text())
			}
		}
		if d, _, err := dossier.Import(text, infos, []string{"abc"}, "nieuw", t1); err == nil {
			if _, err := dossier.Parse(d.Text()); err != nil {
				t.Fatalf("imported dossier does not read: %v\n%s", err, d.Text())
			}
		}
	})
}
