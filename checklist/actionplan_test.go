package checklist_test

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"deelwijzer/checklist"
)

// wijkteamAnswers is the realistic workbook case with measure 5 without a
// date and measure 6 without an owner.
func wijkteamAnswers(t *testing.T, def *checklist.Definition) checklist.Answers {
	t.Helper()
	data, err := os.ReadFile("testdata/real/werkwijze--wijkteam-vijf-partners.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(parseArchive(string(data)).files["answers.json"]), &raw); err != nil {
		t.Fatal(err)
	}
	rows := raw["maatregelen"].([]any)
	delete(rows[4].(map[string]any), "klaar-op")
	delete(rows[5].(map[string]any), "eigenaar")
	text, _ := json.Marshal(raw)
	answers, err := checklist.ParseAnswersJSON(def, string(text))
	if err != nil {
		t.Fatal(err)
	}
	return answers
}

func planRole(plan checklist.ActionPlan, role string) *checklist.RolePlan {
	for i := range plan.Roles {
		if plan.Roles[i].Role == role {
			return &plan.Roles[i]
		}
	}
	return nil
}

// TestActionPlan: every measure of step 4 is under the role that owns it,
// with its Dutch date and status, in order of date; a measure with an owner
// but no date is there too, flagged, and nowhere else; a measure without an
// owner is under "Nog geen eigenaar", flagged; an open
// measure whose date has passed on the given day is marked late, a finished
// one never; each role also gets the findings that name it.
func TestActionPlan(t *testing.T) {
	def := loadShipped(t, "werkwijze")
	answers := wijkteamAnswers(t, def)
	plan := checklist.BuildPlan(def, answers, nil, "2026-04-15")
	if !plan.HasMeasures {
		t.Fatal("the workbook's plan has no measures")
	}
	if want := "6 maatregelen: 3 te laat, 1 nog zonder eigenaar, 1 nog zonder datum."; plan.Summary != want {
		t.Errorf("summary %q, want %q", plan.Summary, want)
	}

	info := planRole(plan, "informatiebeheer")
	if info == nil || len(info.Measures) != 2 {
		t.Fatalf("informatiebeheer: %+v", info)
	}
	// Dated first, then the one without a date, flagged.
	if m := info.Measures[0]; m.Row != 3 || m.Due != "1 april 2026, te laat" || !m.Overdue || m.Status != "Gepland" || m.Owner != "Informatiebeheer" {
		t.Errorf("informatiebeheer's first measure: %+v", m)
	}
	if m := info.Measures[1]; m.Row != 4 || m.Due != "Nog geen datum" || !m.DueMissing || m.Overdue {
		t.Errorf("informatiebeheer's measure without a date: %+v", m)
	}

	pl := planRole(plan, "projectleider")
	if pl == nil || len(pl.Measures) != 1 {
		t.Fatalf("projectleider: %+v", pl)
	}
	if m := pl.Measures[0]; m.Status != "Klaar" || m.Overdue || m.Due != "15 januari 2026" || !strings.HasPrefix(m.Label, "Maatregel 2: ") {
		t.Errorf("a finished measure past its date is not late: %+v", m)
	}
	// The finding about measure 6 without an owner is the projectleider's.
	found := false
	for _, f := range pl.Findings {
		found = found || f.ID == "maatregel-zonder-eigenaar"
	}
	if !found {
		t.Errorf("projectleider's findings lack the measure without an owner: %+v", pl.Findings)
	}
	for i := 1; i < len(pl.Findings); i++ {
		if pl.Findings[i-1].Severity == checklist.SeverityInfo && pl.Findings[i].Severity != checklist.SeverityInfo {
			t.Errorf("findings not heaviest first: %+v", pl.Findings)
		}
	}

	// Only the measure without an owner is in the separate list.
	if len(plan.Unassigned) != 1 {
		t.Fatalf("unassigned: %+v", plan.Unassigned)
	}
	if m := plan.Unassigned[0]; m.Row != 5 || m.Owner != "Nog geen eigenaar" || !m.OwnerMissing || m.Due != "1 september 2026" {
		t.Errorf("measure without an owner: %+v", m)
	}
	if checklist.UnassignedTitle != "Nog geen eigenaar" {
		t.Errorf("the separate list is titled %q", checklist.UnassignedTitle)
	}
	listedOnce(t, plan, 6)

	// Without today's date nothing is late: the engine never reads a clock.
	for _, r := range checklist.BuildPlan(def, answers, nil, "").Roles {
		for _, m := range r.Measures {
			if m.Overdue || strings.Contains(m.Due, "te laat") {
				t.Errorf("late without a date to compare with: %+v", m)
			}
		}
	}
}

// listedOnce: every measure of the plan (rows 0..n-1) is listed exactly once,
// under a role or in the separate list, so the count of all listed measures
// is the number of measures; a listed measure without an owner is only in the
// separate list, one with an owner only under that owner's role.
func listedOnce(t *testing.T, plan checklist.ActionPlan, n int) {
	t.Helper()
	seen := map[int]string{}
	list := func(where string, ms []checklist.PlanItem) {
		for _, m := range ms {
			if prev, ok := seen[m.Row]; ok {
				t.Errorf("measure %d (%s) listed twice: under %q and under %q", m.Row, m.Label, prev, where)
			}
			seen[m.Row] = where
		}
	}
	list(checklist.UnassignedTitle, plan.Unassigned)
	total := len(plan.Unassigned)
	for _, m := range plan.Unassigned {
		if !m.OwnerMissing {
			t.Errorf("a measure with an owner in the separate list: %+v", m)
		}
	}
	for _, r := range plan.Roles {
		list(r.Name, r.Measures)
		total += len(r.Measures)
		for _, m := range r.Measures {
			if m.OwnerMissing || m.Owner != r.Name {
				t.Errorf("measure under %s with owner %q: %+v", r.Name, m.Owner, m)
			}
		}
	}
	if total != n || len(seen) != n {
		t.Errorf("%d measures listed (%d different), want each of the %d once", total, len(seen), n)
	}
}

// TestActionPlanEachMeasureOnce: a measure with an owner and no date is
// listed once, under its owner, flagged "Nog geen datum"; one without an
// owner (with or without a date) once, in the separate list, flagged; the
// summary counts each gap.
func TestActionPlanEachMeasureOnce(t *testing.T) {
	def := loadShipped(t, "werkwijze")
	answers := wijkteamAnswers(t, def)
	// Measure 6 now lacks its date as well as its owner; measure 1 lacks its date.
	rows := answers["maatregelen"].([]checklist.Row)
	delete(rows[5], "klaar-op")
	delete(rows[0], "klaar-op")
	plan := checklist.BuildPlan(def, answers, nil, "2026-04-15")
	listedOnce(t, plan, 6)
	if want := "6 maatregelen: 2 te laat, 1 nog zonder eigenaar, 3 nog zonder datum."; plan.Summary != want {
		t.Errorf("summary %q, want %q", plan.Summary, want)
	}
	if len(plan.Unassigned) != 1 {
		t.Fatalf("unassigned: %+v", plan.Unassigned)
	}
	if m := plan.Unassigned[0]; m.Row != 5 || !m.OwnerMissing || !m.DueMissing || m.Due != "Nog geen datum" {
		t.Errorf("measure without owner and date: %+v", m)
	}
	undated := 0
	for _, r := range plan.Roles {
		for _, m := range r.Measures {
			if m.Row == 0 || m.Row == 4 {
				undated++
				if !m.DueMissing || m.Due != "Nog geen datum" || m.OwnerMissing {
					t.Errorf("measure %d with an owner and no date under %s: %+v", m.Row, r.Name, m)
				}
			}
		}
	}
	if undated != 2 {
		t.Errorf("%d of the 2 measures with an owner and no date are under a role", undated)
	}
	// The report lists each measure once too: one table row per measure.
	report := checklist.ReportOn(def, answers, nil, "", "2026-04-15")
	plan2 := report[strings.Index(report, "## Actielijst"):]
	for i := 1; i <= 6; i++ {
		if n := strings.Count(plan2, "\n| Maatregel "+strconv.Itoa(i)+": "); n != 1 {
			t.Errorf("measure %d is %d times in the report's plan, want once:\n%s", i, n, plan2)
		}
	}
	if strings.Contains(plan2, "eigenaar of datum") {
		t.Errorf("the report's plan still speaks of 'eigenaar of datum':\n%s", plan2)
	}
}

// TestActionPlanOutputs: the page's JSON and the Markdown report come from
// the same model.
func TestActionPlanOutputs(t *testing.T) {
	def := loadShipped(t, "werkwijze")
	answers := wijkteamAnswers(t, def)
	text := checklist.JSONText(checklist.EncodeAnswers(def, answers))
	var res struct {
		Plan struct {
			HasMeasures     bool
			Summary         string
			Headers         []string
			UnassignedTitle string
			Unassigned      []struct {
				Owner        string
				OwnerMissing bool
			}
			Roles []struct {
				Role     string
				Measures []struct{ Due string }
				Findings []struct{ ID, Severity string }
			}
		}
	}
	out := checklist.ResultJSON(def, string(text), "2026-04-15")
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if !res.Plan.HasMeasures || len(res.Plan.Unassigned) != 1 || res.Plan.Unassigned[0].Owner != "Nog geen eigenaar" || res.Plan.UnassignedTitle != "Nog geen eigenaar" || strings.Join(res.Plan.Headers, "|") != "Maatregel|Eigenaar|Klaar op|Status" {
		t.Errorf("plan in the result: %+v", res.Plan)
	}
	report := checklist.ReportOn(def, answers, nil, "", "2026-04-15")
	for _, want := range []string{
		"## Actielijst per rol\n\n6 maatregelen: 3 te laat, 1 nog zonder eigenaar, 1 nog zonder datum. Stand op 15 april 2026.\n",
		"### Informatiebeheer\n\n| Maatregel | Eigenaar | Klaar op | Status |\n",
		"| 1 april 2026, te laat | Gepland |",
		"| Nog geen datum | Gepland |",
		"### Nog geen eigenaar\n",
		"| Nog geen eigenaar | 1 september 2026 | Gepland |",
		"- Aandacht: Maatregel 6 ",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report[strings.Index(report, "## Actielijst"):])
		}
	}
	// A checklist without a plan group still lists findings per role.
	toets := loadShipped(t, "dpia-toets")
	plan := checklist.BuildPlan(toets, checklist.Answers{"art35-bijzonder": "ja"}, nil, "2026-04-15")
	if plan.HasMeasures || plan.Summary != "" || len(plan.Roles) == 0 || plan.Roles[0].Findings[0].Severity != checklist.SeverityUitkomst {
		t.Errorf("dpia-toets plan: %+v", plan)
	}
}

// TestPlanChecks: a plan key that names fields that do not fit is refused
// with a reason.
func TestPlanChecks(t *testing.T) {
	skipWithoutAuthorChecks(t)
	src := smallWith("a == \"ja\"", "a == \"ja\"", "Iets")
	src = strings.Replace(src, "findings:", "plan: {group: g, owner: naam, due: keuze, status: keuze, done: k9}\nfindings:", 1)
	var got []string
	for _, p := range problems(t, src) {
		got = append(got, p.Path+": "+p.Message)
	}
	text := strings.Join(got, "\n")
	for _, want := range []string{"plan.owner: veld naam is een", "plan.due: veld keuze is een", "plan.done: 'k9' is geen waarde van veld keuze"} {
		if !strings.Contains(text, want) {
			t.Errorf("no problem %q in:\n%s", want, text)
		}
	}
}
