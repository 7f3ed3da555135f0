package checklist_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"deelwijzer/checklist"
)

// TestResultJSON reads the realistic case through the string API the page
// calls for its result and checks what it gets: answers as shown (labels,
// Dutch dates, "Niet ingevuld", one line per row), the matrix with row names,
// the data flow with one arrow per deelmoment between five organisations,
// and the risk map with the unscored risk named instead of dropped.
func TestResultJSON(t *testing.T) {
	def := loadShipped(t, "werkwijze")
	data, err := os.ReadFile("testdata/real/werkwijze--wijkteam-vijf-partners.txtar")
	if err != nil {
		t.Fatal(err)
	}
	out := checklist.ResultJSON(def, parseArchive(string(data)).files["answers.json"], "")
	var res struct {
		Answers map[string]any
		Views   []struct {
			Kind    string
			Headers []string
			Rows    [][]string
			Flow    *struct {
				Width int
				Nodes []struct{ Name string }
				Edges []struct{ N, From, To int }
			}
			Grids []struct {
				Cells []struct {
					Level string
					Risks []string
				}
				Unscored []string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if got := res.Answers["herbeoordeling"]; got != "3 maart 2027" {
		t.Errorf("date answer shown as %q, want 3 maart 2027", got)
	}
	if got := res.Answers["gezamenlijk"]; got != "Ja" {
		t.Errorf("yes/no answer shown as %q, want Ja", got)
	}
	if got := res.Answers["open-punten"]; got != "Niet ingevuld" {
		t.Errorf("unanswered question shown as %q", got)
	}
	if got := checklist.ResultJSON(def, `{}`, ""); !strings.Contains(got, `"processtappen":"Niet ingevuld"`) {
		t.Errorf("a group without rows: %s", got)
	}
	if rows, _ := res.Answers["maatregelen"].([]any); len(rows) != 6 || !strings.Contains(rows[0].(string), "Klaar op: 3 maart 2026") {
		t.Errorf("measures shown as %q, want 6 rows with Dutch dates", rows)
	}
	var kinds []string
	for _, v := range res.Views {
		kinds = append(kinds, v.Kind)
		switch v.Kind {
		case "flow":
			if v.Flow == nil || len(v.Flow.Nodes) != 5 || len(v.Flow.Edges) != 4 || v.Flow.Nodes[0].Name != "Woningcorporatie Thuis" {
				t.Errorf("flow: %+v, want 5 organisations named by their rows (the first to take part first) and 4 arrows", v.Flow)
			}
		case "matrix":
			if len(v.Rows) == 0 || v.Headers[0] != "Rij" || !strings.HasSuffix(v.Rows[0][0], " 1") {
				t.Errorf("matrix: %q %q, want a first column naming each row", v.Headers, v.Rows)
			}
		case "riskmap":
			if len(v.Grids) != 2 || len(v.Grids[1].Unscored) != 1 || !strings.Contains(v.Grids[1].Unscored[0], "Te lang bewaard") {
				t.Errorf("risk map: %+v, want before and after, the risk without a residual score named", v.Grids)
			}
			// Likelihood 3, impact 3 before: two risks, level high.
			if c := v.Grids[0].Cells[2*4+2]; c.Level != "hoog" || len(c.Risks) != 2 {
				t.Errorf("cell 3×3 before measures: %+v, want hoog with 2 risks", c)
			}
		}
	}
	if strings.Join(kinds, " ") != "matrix flow riskmap matrix" {
		t.Errorf("views %q, want the four of the werkwijze in order", kinds)
	}
}
