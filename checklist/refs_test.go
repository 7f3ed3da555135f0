package checklist_test

import (
	"strings"
	"testing"

	"deelwijzer/checklist"
)

const refsYAML = `
id: refs
title: Verwijzingen
version: "2.0.0"
date: "2026-11-30"
description: Test.
sections:
  - id: s1
    title: Stap 1
    items:
      - id: stappen
        kind: group
        question: "Welke stappen heeft het proces?"
        rowLabel: Processtap
        rowTitle: stap
        fields:
          - {id: stap, kind: text, question: Stap}
      - id: risicos
        kind: group
        question: "Welke risico's ziet u?"
        rowLabel: Risico
        rowTitle: naam
        fields:
          - {id: naam, kind: text, question: Naam}
          - {id: stap, kind: ref, ref: stappen, question: Processtap}
      - id: rest
        kind: group
        question: "Score na maatregelen"
        rowsFrom: risicos
        fields:
          - {id: score, kind: text, question: Score}
      - id: maatregelen
        kind: group
        question: "Welke maatregelen neemt u?"
        rowLabel: Maatregel
        fields:
          - {id: wat, kind: text, question: Wat}
          - {id: tegen, kind: ref, ref: risicos, multiple: true, question: Tegen risico}
      - id: eerste
        kind: ref
        ref: stappen
        question: "Met welke stap begint het?"
findings:
  - id: zonder-risico
    severity: aandacht
    forEach: maatregelen
    when: 'answered(wat) and count(tegen) == 0'
    text: "Maatregel {#} helpt tegen geen risico."
  - id: eerste-stap
    severity: info
    when: 'answered(eerste)'
    text: "Het proces begint bij {eerste}."
`

func refsFile(answers string) string {
	return `{"schema":"deelwijzer-antwoorden","schemaVersion":1,"checklist":"refs","definitionVersion":"1.0.0","answers":` + answers + `}`
}

// Rows keep the id they have, rows without one get <group>-<n>, and the
// ids survive an export and import.
func TestRowIDsKeptAndAssigned(t *testing.T) {
	def := loadYAML(t, refsYAML)
	res, err := checklist.Import(def, refsFile(`{"stappen":[{"_id":"k3x9","stap":"Melding"},{"stap":"Intake"},{"_id":"stappen-2","stap":"Plan"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	rows := res.Answers["stappen"].([]checklist.Row)
	var ids []string
	for _, r := range rows {
		ids = append(ids, r[checklist.RowIDKey].(string))
	}
	// Row 2 cannot take stappen-2: row 3 already has it.
	if got := strings.Join(ids, " "); got != "k3x9 stappen-3 stappen-2" {
		t.Errorf("ids %q", got)
	}
	file := checklist.Export(def, res.Answers, "t")
	if !strings.Contains(file, `"stappen":[{"_id":"k3x9","stap":"Melding"},{"_id":"stappen-3","stap":"Intake"},{"_id":"stappen-2","stap":"Plan"}]`) {
		t.Errorf("export lost ids:\n%s", file)
	}
	again, err := checklist.Import(def, file)
	if err != nil || len(again.Dropped) != 0 {
		t.Fatalf("re-import: %v %+v", err, again)
	}
	if checklist.Export(def, again.Answers, "t") != file {
		t.Error("ids changed on a round trip")
	}
}

// A group that follows another one pairs its rows by id: after the risks
// were put in another order, or one was removed, each score stays with its
// own risk.
func TestFollowerFollowsSourceByID(t *testing.T) {
	def := loadYAML(t, refsYAML)
	answers := answersFromJSON(t, def, `{
	  "risicos":[{"_id":"b","naam":"Datalek"},{"_id":"a","naam":"Te veel gegevens"}],
	  "rest":[{"_id":"a","score":"laag"},{"_id":"b","score":"hoog"}]}`)
	rest := answers["rest"].([]checklist.Row)
	if rest[0]["score"] != "hoog" || rest[1]["score"] != "laag" {
		t.Errorf("scores not with their risks after reordering: %v", rest)
	}
	report := checklist.Report(def, answers, nil)
	if !strings.Contains(report, "| Risico 1: Datalek | hoog |") || !strings.Contains(report, "| Risico 2: Te veel gegevens | laag |") {
		t.Errorf("report pairs rows wrongly:\n%s", report)
	}
	// Risk a removed: its score is not given to risk b, and it is not lost
	// either: it stays after the source's rows and is flagged.
	answers = answersFromJSON(t, def, `{
	  "risicos":[{"_id":"b","naam":"Datalek"}],
	  "rest":[{"_id":"a","score":"laag"},{"_id":"b","score":"hoog"}]}`)
	rest = answers["rest"].([]checklist.Row)
	if len(rest) != 2 || rest[0]["score"] != "hoog" || rest[1]["score"] != "laag" {
		t.Errorf("after removing a risk: %v", rest)
	}
	if got := errorFields(def, answers); !strings.Contains(got, "rest.1.score") {
		t.Errorf("the score of the removed risk is not flagged: %s", got)
	}
}

// A reference reads as the row it names, in findings and the report; a
// reference to a row that is gone is kept, shown as a removed row and
// gives a finding until it is changed.
func TestRefLabelsAndRemovedRows(t *testing.T) {
	def := loadYAML(t, refsYAML)
	answers := answersFromJSON(t, def, `{
	  "stappen":[{"_id":"s1","stap":"Melding"},{"_id":"s2","stap":"Intake"}],
	  "risicos":[{"_id":"r1","naam":"Datalek","stap":"s2"}],
	  "maatregelen":[{"_id":"m1","wat":"Versleutelen","tegen":["r1","weg"]}],
	  "eerste":"s2"}`)
	st := checklist.Evaluate(def, answers)
	texts := findingTexts(st)
	if !strings.Contains(texts, "Het proces begint bij Processtap 2: Intake.") {
		t.Errorf("label of a reference:\n%s", texts)
	}
	want := "Maatregel 1 (Tegen risico) verwijst naar een rij die er niet meer is: verwijderde rij (weg)."
	if !strings.Contains(texts, want) {
		t.Errorf("no finding for the removed row:\n%s", texts)
	}
	report := checklist.Report(def, answers, nil)
	for _, w := range []string{"| Datalek | Processtap 2: Intake |", "| Versleutelen | Risico 1: Datalek; verwijderde rij (weg) |"} {
		if !strings.Contains(report, w) {
			t.Errorf("report lacks %q:\n%s", w, report)
		}
	}
	// The visitor picks an existing row: the finding goes.
	answers["maatregelen"].([]checklist.Row)[0]["tegen"] = []string{"r1"}
	if texts := findingTexts(checklist.Evaluate(def, answers)); strings.Contains(texts, "verwijderde rij") {
		t.Errorf("finding stays after the reference was fixed:\n%s", texts)
	}
	// The export keeps the removed reference: it is never dropped.
	answers["maatregelen"].([]checklist.Row)[0]["tegen"] = []string{"r1", "weg"}
	if file := checklist.Export(def, answers, "t"); !strings.Contains(file, `"tegen":["r1","weg"]`) {
		t.Errorf("export dropped a reference:\n%s", file)
	}
}

// An older file had free text where a reference now is: a row number or a
// row's title is turned into the row's id; other text is kept, shown as a
// removed row, and named in the import's notes.
func TestImportMapsFreeTextToRows(t *testing.T) {
	def := loadYAML(t, refsYAML)
	res, err := checklist.Import(def, refsFile(`{
	  "stappen":[{"stap":"Melding"},{"stap":"Intake"}],
	  "risicos":[{"naam":"Datalek","stap":"2"},{"naam":"Te veel","stap":"intake"},{"naam":"Lek","stap":"Nazorg"}],
	  "maatregelen":[{"wat":"Versleutelen","tegen":"risico 1 en 3"},{"wat":"Minder","tegen":"Te veel"}],
	  "eerste":"processtap 1"}`))
	if err != nil {
		t.Fatal(err)
	}
	risks := res.Answers["risicos"].([]checklist.Row)
	if risks[0]["stap"] != "stappen-2" || risks[1]["stap"] != "stappen-2" || risks[2]["stap"] != "Nazorg" {
		t.Errorf("risks: %v", risks)
	}
	m := res.Answers["maatregelen"].([]checklist.Row)
	if got := strings.Join(m[0]["tegen"].([]string), " "); got != "risicos-1 risicos-3" {
		t.Errorf("measure 1 against %q", got)
	}
	if got := strings.Join(m[1]["tegen"].([]string), " "); got != "risicos-2" {
		t.Errorf("measure 2 against %q", got)
	}
	if res.Answers["eerste"] != "stappen-1" {
		t.Errorf("eerste = %v", res.Answers["eerste"])
	}
	notes := strings.Join(res.Notes, "\n")
	if !strings.Contains(notes, "Risico 3, Processtap: 'Nazorg' hoort bij geen rij van Welke stappen heeft het proces?") {
		t.Errorf("notes: %s", notes)
	}
	if len(res.Dropped) != 0 {
		t.Errorf("dropped: %+v", res.Dropped)
	}
}

// A field that moved to a group that follows the same rows (scores moved
// from the risks to a later step) comes along from an older file.
func TestImportMovesFieldToFollower(t *testing.T) {
	def := loadYAML(t, refsYAML)
	res, err := checklist.Import(def, refsFile(`{"risicos":[{"naam":"Datalek","score":"hoog"},{"naam":"Lek"},{"naam":"Te veel","score":"laag"}]}`))
	if err != nil || len(res.Dropped) != 0 {
		t.Fatalf("%v %+v", err, res)
	}
	rest := res.Answers["rest"].([]checklist.Row)
	if len(rest) != 3 || rest[0]["score"] != "hoog" || rest[2]["score"] != "laag" || rest[2][checklist.RowIDKey] != "risicos-3" {
		t.Errorf("rest: %v", rest)
	}
}

func TestRefDefinitionErrors(t *testing.T) {
	skipWithoutAuthorChecks(t)
	cases := []struct{ name, from, to, want string }{
		{"unknown group", "ref: stappen, question: Processtap}", "ref: processen, question: Processtap}", "'processen' moet een groep zijn die eerder in de checklist staat"},
		{"later group", "ref: stappen, question: Processtap}", "ref: maatregelen, question: Processtap}", "'maatregelen' moet een groep zijn die eerder"},
		{"follower", "ref: risicos, multiple: true", "ref: rest, multiple: true", "'rest' moet een groep zijn die eerder in de checklist staat en zelf geen rowsFrom heeft"},
		{"not a group", "ref: risicos, multiple: true", "ref: eerste, multiple: true", "'eerste' moet een groep zijn"},
		{"missing ref", "kind: ref, ref: stappen, question: Processtap}", "kind: ref, question: Processtap}", "sections[0].items[1].fields[1] (stap).ref: ontbreekt"},
		{"ref on text", "{id: naam, kind: text, question: Naam}", "{id: naam, kind: text, ref: stappen, question: Naam}", "alleen een vraag van soort ref heeft ref"},
		{"compare a ref", "when: 'answered(eerste)'", "when: 'eerste == \"x\"'", "eerste is een verwijzing naar een rij; gebruik answered(eerste)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(refsYAML, c.from, c.to, 1)
			if src == refsYAML {
				t.Fatal("case does not change the definition")
			}
			_, _, err := loadQuiet(src)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("want %q, got %v", c.want, err)
			}
		})
	}
}

// The page gets, after every change, the rows it can offer in each list of
// references, named as the engine names them; blank rows are not offered.
func TestEvaluateJSONRefRows(t *testing.T) {
	def := loadYAML(t, refsYAML)
	out := checklist.EvaluateJSON(def, `{"stappen":[{"_id":"s1","stap":"Melding"},{"_id":"s2"},{"_id":"s3","stap":"Plan"}],"risicos":[{"_id":"r1","naam":"Lek","stap":"s3"}]}`)
	want := `"refRows":{"stappen":[{"id":"s1","label":"Processtap 1: Melding"},{"id":"s3","label":"Processtap 3: Plan"}],"risicos":[{"id":"r1","label":"Risico 1: Lek"}]}}`
	if !strings.HasSuffix(out, want) {
		t.Errorf("state ends\n%s\nwant\n%s", out, want)
	}
}
