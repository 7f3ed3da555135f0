package checklist_test

import (
	"errors"
	"strings"
	"testing"

	"deelwijzer/checklist"
)

func refsFileVersion(version, answers string) string {
	return `{"schema":"deelwijzer-antwoorden","schemaVersion":1,"checklist":"refs","definitionVersion":"` + version + `","answers":` + answers + `}`
}

// The page's own copy (this version) with a reference to a row that was
// removed comes back as it was: the reference stays (shown as a removed row,
// with its finding) and the import has no note, so restoring the copy does
// not report answers that no longer fit. Free text becoming row ids is only
// for files of older versions.
func TestImportCurrentFileKeepsRemovedRowQuietly(t *testing.T) {
	def := loadYAML(t, refsYAML)
	res, err := checklist.Import(def, refsFileVersion("2.0.0", `{"stappen":[{"_id":"k3x9","stap":"Melding"}],"risicos":[{"_id":"r1","naam":"Lek","stap":"weg1"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Notes) != 0 || len(res.Dropped) != 0 {
		t.Errorf("notes %q, dropped %+v", res.Notes, res.Dropped)
	}
	if got := res.Answers["risicos"].([]checklist.Row)[0]["stap"]; got != "weg1" {
		t.Errorf("reference = %v, want weg1 (kept)", got)
	}
}

// The checklist page's engine module reads no file of an older version
// that needs moving or mapping: it says so (Older), so the page reads it
// with the document module, and nothing is half read. Files of this version,
// and older files of a checklist without references or moves, read as ever.
func TestImportOlderFileNeedsReadOlderFiles(t *testing.T) {
	def := loadYAML(t, refsYAML)
	older := refsFileVersion("1.0.0", `{"stappen":[{"stap":"Melding"},{"stap":"Intake"}],"eerste":"2"}`)
	withOlder, err := checklist.Import(def, older)
	if err != nil || withOlder.Answers["eerste"] != "stappen-2" {
		t.Fatalf("with ReadOlderFiles: %v %+v", err, withOlder)
	}

	checklist.WithoutOlderFiles(t)
	_, err = checklist.Import(def, older)
	var ie *checklist.ImportError
	if !errors.As(err, &ie) || !ie.Older {
		t.Fatalf("older file without ReadOlderFiles: %v", err)
	}
	if js := checklist.ImportJSON(def, older); !strings.HasPrefix(js, `{"error":"Dit bestand is gemaakt met een oudere versie`) || !strings.HasSuffix(js, `,"older":true}`) {
		t.Errorf("ImportJSON: %s", js)
	}
	if res, err := checklist.Import(def, refsFileVersion("2.0.0", `{"stappen":[{"_id":"a","stap":"Melding"}],"eerste":"a"}`)); err != nil || res.Answers["eerste"] != "a" {
		t.Errorf("this version: %v %+v", err, res)
	}
	basis := loadBasis(t)
	file := checklist.Export(basis, checklist.Answers{}, "2026-11-30T10:00:00Z")
	file = strings.Replace(file, `"definitionVersion":"`+basis.Version+`"`, `"definitionVersion":"0.1.0"`, 1)
	if _, err := checklist.Import(basis, file); err != nil {
		t.Errorf("older file of a checklist without references or moves: %v", err)
	}
}
