package dossier_test

import (
	"encoding/json"
	"strings"
	"testing"

	"deelwijzer/checklist"
	"deelwijzer/checklist/yamldef"
	"deelwijzer/dossier"
)

type taskList map[string]struct {
	State, Reason string
	Steps         []struct{ ID, Status string }
}

func callJSON(t *testing.T, steps dossier.StepsFunc, op string, args map[string]any) string {
	t.Helper()
	b, err := json.Marshal(args)
	if err != nil {
		t.Fatal(err)
	}
	out := dossier.Call(op, string(b), "")
	if steps != nil {
		out = dossier.PageCall(op, string(b), steps)
	}
	if strings.HasPrefix(out, `{"error"`) {
		t.Fatalf("%s: %s", op, out)
	}
	return out
}

func tasksOf(t *testing.T, text string, infos map[string]any) taskList {
	t.Helper()
	var got taskList
	if err := json.Unmarshal([]byte(callJSON(t, nil, "tasks", map[string]any{"dossier": text, "infos": infos})), &got); err != nil {
		t.Fatal(err)
	}
	return got
}

func statuses(l taskList, id string) string {
	var out []string
	for _, s := range l[id].Steps {
		out = append(out, s.ID+"="+s.Status)
	}
	return l[id].State + ": " + strings.Join(out, " ")
}

// siteInfo is what the site build publishes of a checklist for the task
// list: its version and the ids of its steps.
func siteInfo(def *checklist.Definition, version string) map[string]any {
	steps := []any{}
	shared := map[string]any{}
	for _, s := range def.Sections {
		steps = append(steps, map[string]any{"id": s.ID, "title": s.Title})
		for _, it := range s.Items {
			if it.Shared != "" {
				shared[it.ID] = it.Shared
			}
		}
	}
	return map[string]any{"title": def.Title, "version": version, "steps": steps, "shared": shared}
}

// TestTasksFromEngine: a checklist page that puts its answers also records
// the status of each step as the engine computes it; the task list shows
// them for that checklist, "niet-gestart" for every step of a checklist
// never saved in the dossier, and "bijwerken" when the statuses belong to
// another version of the checklist or were not recorded with the answers.
func TestTasksFromEngine(t *testing.T) {
	upp, err := yamldef.LoadShipped("../data", "upp")
	if err != nil {
		t.Fatal(err)
	}
	werkwijze, err := yamldef.LoadShipped("../data", "werkwijze")
	if err != nil {
		t.Fatal(err)
	}
	stepsOf := func(file string) []checklist.SectionProgress { return dossier.StepsOf(upp, file) }
	text := mustNew(t).Text()
	file := answerFile("upp", upp.Version, t1, `{"taak":"Wij beoordelen aanvragen"}`)
	// The page puts with every shared group the checklist includes
	// (organisaties and processtappen for upp).
	text = callJSON(t, stepsOf, "put", map[string]any{"dossier": text, "file": file, "shared": siteInfo(upp, "")["shared"], "by": "", "now": t1})
	if !strings.Contains(text, `"steps":{"taak":"bezig","doelen":"niet-gestart"`) {
		t.Errorf("the dossier does not hold the step statuses: %s", text)
	}
	// The key is kept through a read and write, as any other.
	d, err := dossier.Parse(text)
	if err != nil || d.Text() != text {
		t.Fatalf("read and write changed the dossier (%v)", err)
	}

	infos := map[string]any{"upp": siteInfo(upp, upp.Version), "werkwijze": siteInfo(werkwijze, werkwijze.Version)}
	got := tasksOf(t, text, infos)
	st := checklist.Evaluate(upp, checklist.Answers{"taak": "Wij beoordelen aanvragen"})
	var wantUpp []string
	for _, s := range st.Sections {
		wantUpp = append(wantUpp, s.ID+"="+s.Status)
	}
	if g, w := statuses(got, "upp"), "actueel: "+strings.Join(wantUpp, " "); g != w {
		t.Errorf("upp\n got %s\nwant %s", g, w)
	}
	if g := statuses(got, "werkwijze"); !strings.HasPrefix(g, "leeg: ") || strings.Count(g, "=niet-gestart") != len(werkwijze.Sections) {
		t.Errorf("werkwijze, never opened: %s", g)
	}

	// Another version on the site: the recorded statuses are not current.
	infos["upp"] = siteInfo(upp, "99.0.0")
	if l := tasksOf(t, text, infos); l["upp"].Reason != dossier.StaleVersion || !strings.HasPrefix(statuses(l, "upp"), "bijwerken: taak=bijwerken doelen=bijwerken") {
		t.Errorf("upp after a new version: %s (reason %q)", statuses(l, "upp"), l["upp"].Reason)
	}
	infos["upp"] = siteInfo(upp, upp.Version)

	// Another checklist adds an organisation: upp's statuses were computed
	// without it, so they are not current, with that reason.
	werkwijzeFile := answerFile("werkwijze", werkwijze.Version, t1, `{"organisaties":[{"naam":"Gemeente"}]}`)
	werkwijzeSteps := func(file string) []checklist.SectionProgress { return dossier.StepsOf(werkwijze, file) }
	other := callJSON(t, werkwijzeSteps, "put", map[string]any{"dossier": text, "file": werkwijzeFile, "shared": siteInfo(werkwijze, "")["shared"], "by": "", "now": t1})
	after := tasksOf(t, other, infos)
	if g := statuses(after, "upp"); after["upp"].Reason != dossier.StaleShared || !strings.HasPrefix(g, "bijwerken: taak=bijwerken") {
		t.Errorf("upp after werkwijze changed the organisations: %s (reason %q)", g, after["upp"].Reason)
	}
	if g := statuses(after, "werkwijze"); !strings.HasPrefix(g, "actueel: ") {
		t.Errorf("werkwijze, which saved last: %s", g)
	}

	// A put without a loaded checklist (no statuses) drops the old ones.
	file = answerFile("upp", upp.Version, t1, `{"taak":"Wij beoordelen aanvragen","overheid":true}`)
	plain := callJSON(t, nil, "put", map[string]any{"dossier": text, "file": file, "shared": orgs, "by": "", "now": t1})
	if strings.Contains(plain, `"steps"`) {
		t.Errorf("statuses of older answers stayed: %s", plain)
	}
	if g := statuses(tasksOf(t, plain, infos), "upp"); !strings.HasPrefix(g, "bijwerken: ") {
		t.Errorf("upp without recorded statuses: %s", g)
	}
	// "Wis alles" on the checklist: nothing of it in the dossier, so not started.
	dropped := callJSON(t, nil, "drop", map[string]any{"dossier": text, "checklist": "upp", "now": t1})
	if g := statuses(tasksOf(t, dropped, infos), "upp"); !strings.HasPrefix(g, "leeg: taak=niet-gestart") {
		t.Errorf("upp after Wis alles: %s", g)
	}
	// A status edited by hand into something unknown is not shown as current.
	edited := strings.Replace(text, `"taak":"bezig"`, `"taak":"klaar"`, 1)
	if g := statuses(tasksOf(t, edited, infos), "upp"); !strings.HasPrefix(g, "bijwerken: ") {
		t.Errorf("upp with an unknown status: %s", g)
	}
}

// TestStepsOfOtherChecklist: the statuses come only from an answer file of
// the loaded checklist.
func TestStepsOfOtherChecklist(t *testing.T) {
	upp, err := yamldef.LoadShipped("../data", "upp")
	if err != nil {
		t.Fatal(err)
	}
	if got := dossier.StepsOf(upp, answerFile("werkwijze", "1.0.0", t1, `{}`)); got != nil {
		t.Errorf("statuses for another checklist's file: %v", got)
	}
	if got := dossier.StepsOf(nil, answerFile("upp", upp.Version, t1, `{}`)); got != nil {
		t.Errorf("statuses without a definition: %v", got)
	}
}
