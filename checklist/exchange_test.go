package checklist_test

import (
	"errors"
	"strings"
	"testing"

	"deelwijzer/checklist"
)

const fullAnswers = `{
  "partners": [{"naam": "Wijkteam", "grondslag": "taak"}, {}, {"naam": "GGD"}],
  "bestaat": "ja",
  "welke": "Overleg \"zorg\" <en> veiligheid\n2e regel",
  "rollen": ["fg", "projectleider"],
  "start-datum": "2026-03-01",
  "soort": "thema"
}`

func TestExportImportRoundTrip(t *testing.T) {
	def := loadBasis(t)
	answers := answersFromJSON(t, def, fullAnswers)
	file := checklist.Export(def, answers, "2026-11-23T10:00:00Z")
	wantStart := `{"schema":"deelwijzer-antwoorden","schemaVersion":1,"checklist":"basis","definitionVersion":"1.2.0","exported":"2026-11-23T10:00:00Z","answers":{"bestaat":"ja","welke":`
	if !strings.HasPrefix(file, wantStart) {
		t.Fatalf("export starts wrong:\n%s", file)
	}
	// Checklist order, blank rows left out.
	if !strings.Contains(file, `"partners":[{"_id":"partners-1","naam":"Wijkteam","grondslag":"taak"},{"_id":"partners-3","naam":"GGD"}]}`) {
		t.Errorf("partners wrong:\n%s", file)
	}
	res, err := checklist.Import(def, file)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dropped) != 0 || res.FromVersion != "1.2.0" || len(res.Notes) != 0 {
		t.Fatalf("unexpected: %+v", res)
	}
	if again := checklist.Export(def, res.Answers, "2026-11-23T10:00:00Z"); again != file {
		t.Errorf("second export differs:\n%s\n%s", again, file)
	}
}

func TestImportRejects(t *testing.T) {
	def := loadBasis(t)
	valid := checklist.Export(def, checklist.Answers{"bestaat": "ja"}, "2026-11-23T10:00:00Z")
	cases := []struct{ name, text, want string }{
		{"empty", "  \n", "Het bestand is leeg"},
		{"not json", "Dit is een Word-document", "geen geldige JSON"},
		{"truncated", valid[:len(valid)/2], "onvolledig"},
		{"other json", `{"foo": 1}`, "geen antwoordbestand van Deelwijzer"},
		{"array", `[1,2,3]`, "geen antwoordbestand van Deelwijzer"},
		{"other checklist", strings.Replace(valid, `"checklist":"basis"`, `"checklist":"dpia"`, 1), "hoort bij een andere checklist (dpia)"},
		{"newer schema", strings.Replace(valid, `"schemaVersion":1`, `"schemaVersion":2`, 1), "nieuwere versie van Deelwijzer"},
		{"bad schema version", strings.Replace(valid, `"schemaVersion":1`, `"schemaVersion":"1"`, 1), "geen geldig versienummer"},
		{"no answers", strings.Replace(valid, `"answers"`, `"antwoorden"`, 1), "geen antwoorden"},
		{"answers not object", strings.Replace(valid, `{"bestaat":"ja"}`, `["ja"]`, 1), "niet de verwachte vorm"},
		{"too big", valid[:len(valid)-3] + strings.Repeat(" ", checklist.MaxImportSize) + "}}", "te groot"},
		{"too deep", strings.Replace(valid, `"ja"`, strings.Repeat("[", 40)+strings.Repeat("]", 40), 1), "te diep genest"},
		{"unknown id, same version", strings.Replace(valid, `{"bestaat":"ja"}`, `{"bestaat":"ja","verzonnen":"ja"}`, 1), "verzonnen: Deze vraag bestaat niet"},
		{"wrong type, same version", strings.Replace(valid, `{"bestaat":"ja"}`, `{"bestaat":["ja"]}`, 1), "beschadigd of aangepast"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := checklist.Import(def, c.text)
			var ie *checklist.ImportError
			if !errors.As(err, &ie) || res != nil {
				t.Fatalf("want ImportError, got %v, %+v", err, res)
			}
			if !strings.Contains(ie.Message, c.want) {
				t.Fatalf("message %q does not contain %q", ie.Message, c.want)
			}
		})
	}
}

// TestImportOlderVersion: a file from an older definition keeps what still
// fits and lists every answer that does not, each with a reason.
func TestImportOlderVersion(t *testing.T) {
	def := loadBasis(t)
	file := `{"schema":"deelwijzer-antwoorden","schemaVersion":1,"checklist":"basis",
	"definitionVersion":"0.9.0","exported":"2025-01-01T00:00:00Z","answers":{
	  "bestaat": "misschien",
	  "oude-vraag": "ja",
	  "soort": "verdwenen-optie",
	  "rollen": ["fg", "secretaris", 3],
	  "welke": 42,
	  "start-datum": "1-3-2026",
	  "nog-iets": "<script>alert(1)</script>",
	  "partners": [{"naam": "A", "kleur": "rood", "grondslag": "toestemming"}, "rij", {"naam": "B"}]
	}}`
	res, err := checklist.Import(def, file)
	if err != nil {
		t.Fatal(err)
	}
	if res.FromVersion != "0.9.0" {
		t.Errorf("fromVersion %q", res.FromVersion)
	}
	got := map[string]string{}
	for _, d := range res.Dropped {
		got[d.Item] = d.Reason
	}
	for _, item := range []string{"bestaat", "oude-vraag", "soort", "rollen", "welke", "start-datum", "partners.0.kleur", "partners.0.grondslag", "partners.1"} {
		if got[item] == "" {
			t.Errorf("%s not listed as dropped; dropped: %v", item, res.Dropped)
		}
	}
	if len(got) != 9 {
		t.Errorf("dropped %d, want 9: %v", len(got), res.Dropped)
	}
	if !strings.Contains(got["rollen"], "'secretaris'") || !strings.Contains(got["rollen"], "een getal") {
		t.Errorf("rollen reason: %q", got["rollen"])
	}
	// Kept: the part of rollen that fits, the hostile text as plain text,
	// and partner rows (the broken one as a blank row so numbers stay).
	if r := res.Answers["rollen"].([]string); len(r) != 1 || r[0] != "fg" {
		t.Errorf("rollen kept %v", r)
	}
	if res.Answers["nog-iets"] != "<script>alert(1)</script>" {
		t.Errorf("text changed: %v", res.Answers["nog-iets"])
	}
	rows := res.Answers["partners"].([]checklist.Row)
	if len(rows) != 3 || rows[0]["naam"] != "A" || len(rows[1]) != 1 || rows[2]["naam"] != "B" {
		t.Errorf("rows %v", rows)
	}
	out := checklist.ImportJSON(def, file)
	if !strings.HasPrefix(out, `{"answers":{"soort":`) && !strings.HasPrefix(out, `{"answers":{"nog-iets":`) {
		t.Errorf("ImportJSON shape: %s", out)
	}
	for _, key := range []string{`"dropped":[{"item":"bestaat","reason":`, `"fromVersion":"0.9.0"`, `"notes":[]`, `"partners":[{"_id":"partners-1","naam":"A"},{"_id":"partners-2"},{"_id":"partners-3","naam":"B"}]`} {
		if !strings.Contains(out, key) {
			t.Errorf("ImportJSON lacks %s:\n%s", key, out)
		}
	}
}

func TestImportNewerDefinitionVersionNotes(t *testing.T) {
	def := loadBasis(t)
	file := strings.Replace(checklist.Export(def, checklist.Answers{}, "x"), `"1.2.0"`, `"2.0.0"`, 1)
	res, err := checklist.Import(def, file)
	if err != nil || len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "nieuwere versie van de checklist (2.0.0)") {
		t.Fatalf("%v %+v", err, res)
	}
}

func TestImportDoesNotTouchCurrentAnswers(t *testing.T) {
	def := loadBasis(t)
	current := answersFromJSON(t, def, fullAnswers)
	before := checklist.Export(def, current, "t")
	file := checklist.Export(def, checklist.Answers{"bestaat": "nee"}, "t")
	res, err := checklist.Import(def, file)
	if err != nil {
		t.Fatal(err)
	}
	res.Answers["bestaat"] = "weetniet"
	if after := checklist.Export(def, current, "t"); after != before {
		t.Fatal("current answers changed by import")
	}
}

func TestStringAPIErrors(t *testing.T) {
	def := loadBasis(t)
	for name, out := range map[string]string{
		"evaluate": checklist.EvaluateJSON(def, `{"bestaat":`),
		"validate": checklist.ValidateJSON(def, `[`),
		"export":   checklist.ExportJSON(def, `"x"`, "t"),
		"import":   checklist.ImportJSON(def, `nope`),
		"report":   checklist.ReportJSON(def, `{`, "", ""),
	} {
		if !strings.HasPrefix(out, `{"error":"`) {
			t.Errorf("%s: %s", name, out)
		}
	}
	if out := checklist.EvaluateJSON(def, ``); !strings.HasPrefix(out, `{"visible":["bestaat"`) {
		t.Errorf("empty answers: %s", out)
	}
	if out := checklist.ReportJSON(def, `{}`, "", ""); !strings.HasPrefix(out, `{"markdown":"# Testchecklist\n`) {
		t.Errorf("report: %s", out)
	}
}

func TestValidateRows(t *testing.T) {
	def := loadBasis(t)
	answers := answersFromJSON(t, def, `{"bestaat":"ja","rollen":["fg"],"partners":[{},{"grondslag":"taak"},{},{},{},{"naam":"x"}]}`)
	errs := checklist.Validate(def, answers)
	fields := []string{}
	for _, e := range errs {
		fields = append(fields, e.Field+"="+e.Item)
	}
	want := "welke=welke partners.1.naam=partners"
	if got := strings.Join(fields, " "); got != want {
		t.Errorf("got %s, want %s (%v)", got, want, errs)
	}
}
