package checklist_test

import (
	"os"
	"path/filepath"
	"testing"

	"deelwijzer/checklist"
)

// TestSchemaMatchesEngine keeps schema/checklist.schema.json in step with
// the kinds and severities the engine knows.
func TestSchemaMatchesEngine(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "schema", "checklist.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	tree, err := checklist.ParseJSON(string(src), 0)
	if err != nil {
		t.Fatalf("schema is not valid JSON: %v", err)
	}
	defs := get(t, tree, "$defs")
	enum := func(path ...string) []string {
		v := defs
		for _, p := range path {
			v = get(t, v, p)
		}
		var out []string
		for _, e := range v.([]any) {
			out = append(out, e.(string))
		}
		return out
	}
	kinds := enum("kind", "enum")
	want := []checklist.Kind{checklist.KindYesNo, checklist.KindChoice, checklist.KindMulti, checklist.KindText, checklist.KindLongText, checklist.KindDate, checklist.KindRef, checklist.KindGroup}
	if len(kinds) != len(want) {
		t.Fatalf("kinds %v", kinds)
	}
	for i, k := range want {
		if kinds[i] != string(k) {
			t.Errorf("kind %d: schema %s, engine %s", i, kinds[i], k)
		}
	}
	views := enum("view", "properties", "kind", "enum")
	if len(views) != 3 || views[0] != checklist.ViewMatrix || views[1] != checklist.ViewFlow || views[2] != checklist.ViewRiskMap {
		t.Errorf("view kinds %v", views)
	}
	sev := enum("finding", "properties", "severity", "enum")
	if len(sev) != 4 || sev[0] != string(checklist.SeverityInfo) || sev[1] != string(checklist.SeverityAandacht) || sev[2] != string(checklist.SeverityRisico) || sev[3] != string(checklist.SeverityUitkomst) {
		t.Errorf("severities %v", sev)
	}
}

func get(t *testing.T, v any, key string) any {
	t.Helper()
	obj, ok := v.(*checklist.Object)
	if !ok {
		t.Fatalf("%s: not an object", key)
	}
	val, ok := obj.Get(key)
	if !ok {
		t.Fatalf("missing %s", key)
	}
	return val
}
