package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyData copies testdata/good into a temporary data directory.
func copyData(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir("testdata/good", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("testdata/good", p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func edit(t *testing.T, file, old, new string) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(src, []byte(old)) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	os.WriteFile(file, bytes.Replace(src, []byte(old), []byte(new), 1), 0o644)
}

func runDefcheck(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String() + errOut.String()
}

// A definition whose questions or options change while its version stays
// the same is refused with file, line and what to do; raising the version
// and recording it with -record makes it pass again.
func TestReleaseRecord(t *testing.T) {
	data := copyData(t)
	goed := filepath.Join(data, "checklists", "goed.yaml")
	if code, out := runDefcheck(t, "-data", data); code != 0 {
		t.Fatalf("the recorded definitions fail:\n%s", out)
	}

	// A question renamed and an option added (to the list rollen that the
	// question takes its options from), version unchanged.
	edit(t, goed, "{id: klaar, kind: yesno", "{id: gereed, kind: yesno")
	edit(t, filepath.Join(data, "rollen.yaml"), "- {id: projectleider,", "- {id: secretaris, name: \"Secretaris\"}\n- {id: projectleider,")
	code, out := runDefcheck(t, "-data", data)
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, out)
	}
	for _, want := range []string{
		goed + ":3: version: vraag 'klaar' is verwijderd, maar version is nog 1.0.0: verhoog version en leg de nieuwe versie vast met `go run ./cmd/defcheck -record`",
		goed + ":12: item gereed (sections[0].items[1]): vraag 'gereed' is nieuw, maar version is nog 1.0.0",
		goed + ":11: item rollen (sections[0].items[0]): vraag 'rollen' is veranderd (was 'multi: fg, projectleider', nu 'multi: fg, secretaris, projectleider'), maar version is nog 1.0.0",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing line:\n  %s\noutput:\n%s", want, out)
		}
	}

	// -record does not rewrite a released version.
	if code, out := runDefcheck(t, "-data", data, "-record"); code != 1 || strings.Contains(out, "vastgelegd\n") {
		t.Errorf("-record changed released version 1.0.0 (exit %d):\n%s", code, out)
	}

	// A new version must be recorded before it passes.
	edit(t, goed, `version: "1.0.0"`, `version: "1.1.0"`)
	code, out = runDefcheck(t, "-data", data)
	if want := goed + ":3: version: versie 1.1.0 staat niet in " + filepath.Join(data, "released", "goed.yaml") + "; leg haar vast met `go run ./cmd/defcheck -record`"; code != 1 || !strings.Contains(out, want) {
		t.Errorf("exit %d, want 1 with\n  %s\noutput:\n%s", code, want, out)
	}
	if code, out := runDefcheck(t, "-data", data, "-record"); code != 0 || !strings.Contains(out, "versie 1.1.0 vastgelegd") {
		t.Fatalf("-record: exit %d\n%s", code, out)
	}
	rec, _ := os.ReadFile(filepath.Join(data, "released", "goed.yaml"))
	if !strings.Contains(string(rec), `- version: "1.0.0"`) || !strings.Contains(string(rec), `- version: "1.1.0"`) || !strings.Contains(string(rec), `gereed: "yesno"`) {
		t.Errorf("record after -record:\n%s", rec)
	}
	if code, out := runDefcheck(t, "-data", data); code != 0 {
		t.Errorf("after -record: exit %d\n%s", code, out)
	}

	// Going back below a released version is refused.
	edit(t, goed, `version: "1.1.0"`, `version: "1.0.1"`)
	if code, out := runDefcheck(t, "-data", data); code != 1 || !strings.Contains(out, "versie 1.0.1 is lager dan de al uitgebrachte versie 1.1.0") {
		t.Errorf("lower version: exit %d\n%s", code, out)
	}
}
