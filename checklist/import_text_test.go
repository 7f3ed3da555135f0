package checklist_test

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"deelwijzer/checklist"
)

// A chosen file reaches Import as its bytes. UTF-8 (with or without a byte
// order mark) and UTF-16 with a byte order mark are read; anything else,
// such as Latin-1, is refused instead of turning é into U+FFFD.
func TestImportCharacterSets(t *testing.T) {
	def := loadBasis(t)
	file := checklist.Export(def, checklist.Answers{"bestaat": "ja", "welke": "Café Zoë, één overleg"}, "2026-11-23T10:00:00Z")
	utf16Bytes := func(bigEndian bool) string {
		var b []byte
		for _, u := range utf16.Encode([]rune("\uFEFF" + file)) {
			if bigEndian {
				b = append(b, byte(u>>8), byte(u))
			} else {
				b = append(b, byte(u), byte(u>>8))
			}
		}
		return string(b)
	}
	good := map[string]string{
		"utf-8":          file,
		"utf-8 with BOM": "\xEF\xBB\xBF" + file,
		"utf-16le":       utf16Bytes(false),
		"utf-16be":       utf16Bytes(true),
	}
	for name, text := range good {
		res, err := checklist.Import(def, text)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := res.Answers["welke"]; got != "Café Zoë, één overleg" {
			t.Errorf("%s: welke = %q", name, got)
		}
	}
	latin1 := strings.NewReplacer("é", "\xE9", "ë", "\xEB").Replace(file)
	bad := map[string]string{
		"latin-1":               latin1,
		"latin-1 with BOM":      "\xEF\xBB\xBF" + latin1,
		"utf-16 odd length":     utf16Bytes(false)[:len(utf16Bytes(false))-1],
		"utf-16 lone surrogate": "\xFF\xFE\x00\xD8{\x00}\x00",
	}
	for name, text := range bad {
		res, err := checklist.Import(def, text)
		if err == nil {
			t.Errorf("%s: imported as %v", name, res.Answers)
			continue
		}
		if name == "latin-1" && !strings.Contains(err.Error(), "UTF-8") {
			t.Errorf("%s: message does not name the character set: %v", name, err)
		}
	}
}

// A file with thousands of answers that do not fit lists the first few and
// counts the rest, so the page shows a short list.
func TestImportDroppedListCapped(t *testing.T) {
	def := loadBasis(t)
	res, err := checklist.Import(def, fileWithUnknownKeys(60000))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dropped) != checklist.MaxDroppedListed+1 {
		t.Fatalf("%d entries in the dropped list, want %d", len(res.Dropped), checklist.MaxDroppedListed+1)
	}
	last := res.Dropped[len(res.Dropped)-1]
	if last.Item != "" || last.Reason != "En nog 59.980 andere antwoorden die niet passen." {
		t.Errorf("last entry %+v", last)
	}
	if res.Answers["bestaat"] != "ja" {
		t.Errorf("the answer that fits was not kept: %v", res.Answers)
	}
	if n := strings.Count(checklist.ImportJSON(def, fileWithUnknownKeys(60000)), `"reason"`); n != checklist.MaxDroppedListed+1 {
		t.Errorf("ImportJSON lists %d reasons", n)
	}
	// Up to the limit every one is named.
	res, err = checklist.Import(def, fileWithUnknownKeys(checklist.MaxDroppedListed))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dropped) != checklist.MaxDroppedListed || res.Dropped[len(res.Dropped)-1].Item == "" {
		t.Errorf("%d unknown keys: %+v", checklist.MaxDroppedListed, res.Dropped)
	}
}

// fileWithUnknownKeys is an answer file of an older version with one answer
// that fits and n that name no question.
func fileWithUnknownKeys(n int) string {
	var b strings.Builder
	b.WriteString(`{"schema":"deelwijzer-antwoorden","schemaVersion":1,"checklist":"basis","definitionVersion":"0.1.0","answers":{"bestaat":"ja"`)
	for i := 0; i < n; i++ {
		b.WriteString(`,"onbekend-` + strconv.Itoa(i) + `":"ja"`)
	}
	b.WriteString("}}")
	return b.String()
}
