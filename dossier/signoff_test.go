package dossier_test

import (
	"strings"
	"testing"

	"deelwijzer/checklist"
	"deelwijzer/dossier"
)

const (
	t2 = "2026-12-01T09:00:00.000Z"
	t3 = "2026-12-14T15:00:00.000Z"
	t4 = "2026-12-15T08:30:00.000Z"
)

var signoffShared = map[string]string{"organisaties": "organisaties", "fg-adviezen": "fg-adviezen", "vaststellingen": "vaststellingen"}

// TestStatusVersionAndLog: a new dossier is a concept at 0.1; each entry in
// the log counts the draft up, a vaststelling makes the next whole number,
// and a draft after it counts on from there.
func TestStatusVersionAndLog(t *testing.T) {
	d := mustNew(t)
	if d.Status() != "concept" || d.Version() != "0.1" || len(d.Log()) != 0 {
		t.Fatalf("new: %s %s %v", d.Status(), d.Version(), d.Log())
	}
	steps := []struct{ status, text, at, version string }{
		{"concept", "Eerste versie voor de werkgroep", t0, "0.1"},
		{"ter-advies", "Naar de FG's voor advies", t1, "0.2"},
		{"concept", "Advies van de FG's verwerkt", t2, "0.3"},
		{"vastgesteld", "Vastgesteld door de colleges en besturen", t3, "1.0"},
		{"concept", "Nieuwe partner: de GGD", t4, "1.1"},
		{"vastgesteld", "Opnieuw vastgesteld", t4, "2.0"},
	}
	for _, s := range steps {
		if err := d.SetStatus(s.status, s.text, s.at); err != nil {
			t.Fatal(err)
		}
		if d.Version() != s.version || d.Status() != s.status {
			t.Errorf("after %q: version %s status %s, want %s %s", s.text, d.Version(), d.Status(), s.version, s.status)
		}
	}
	log := d.Log()
	if len(log) != len(steps) || log[3] != (dossier.LogEntry{Version: "1.0", Date: t3, Status: "vastgesteld", Text: "Vastgesteld door de colleges en besturen"}) {
		t.Errorf("log %v", log)
	}
	if d.Adopted() != t4 {
		t.Errorf("adopted %s", d.Adopted())
	}
	for in, want := range map[[2]string]string{
		{"klaar", "x"}:                        "Kies een status",
		{"concept", "  \t "}:                  "Beschrijf kort",
		{"concept", strings.Repeat("é", 501)}: "te lang",
	} {
		if err := d.SetStatus(in[0], in[1], t4); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", in, err, want)
		}
	}
	// The log survives the file, and a damaged one is refused.
	again, err := dossier.Parse(d.Text())
	if err != nil || again.Text() != d.Text() {
		t.Fatalf("round trip: %v", err)
	}
	for bad, want := range map[string]string{
		`"status":"vastgesteld"`: `"status":"klaar"`,
		`"version":"2.0"`:        `"version":"twee"`,
		`"log":[`:                `"log":[1,`,
	} {
		text := strings.Replace(d.Text(), bad, want, 1)
		if text == d.Text() {
			t.Fatalf("%s not in the file", bad)
		}
		if _, err := dossier.Parse(text); err == nil {
			t.Errorf("accepted %s", want)
		}
	}
	// A copy starts its own history.
	c, err := d.Duplicate("kopie1", "Kopie", t4)
	if err != nil || c.Status() != "concept" || c.Version() != "0.1" || len(c.Log()) != 0 || c.Adopted() != "" {
		t.Errorf("copy: %v %s %s %v %q", err, c.Status(), c.Version(), c.Log(), c.Adopted())
	}
}

// TestChangedAfterAdoption: an answer given, changed or removed after the
// vaststelling marks the dossier as changed since; opening and saving
// without a change, and recording the FG advice or the vaststelling
// itself, do not.
func TestChangedAfterAdoption(t *testing.T) {
	d := mustNew(t)
	before := `{"werkproces":"Vroegsignalering","organisaties":[{"_id":"gem","naam":"Gemeente","rol":"verwerkingsverantwoordelijke"}]}`
	if err := d.Put(answerFile("werkwijze", "1.4.0", t0, before), signoffShared, "", t0); err != nil {
		t.Fatal(err)
	}
	if err := d.SetStatus("vastgesteld", "Vastgesteld", t1); err != nil {
		t.Fatal(err)
	}
	if d.ChangedAfterAdoption() {
		t.Fatal("changed right after the vaststelling")
	}
	// The same answers again, and the sign-off rows: no change.
	signoff := `{"werkproces":"Vroegsignalering","organisaties":[{"_id":"gem","naam":"Gemeente","rol":"verwerkingsverantwoordelijke"}],
	  "fg-adviezen":[{"_id":"a1","organisatie":"gem","advies":"Positief"}],
	  "vaststellingen":[{"_id":"v1","organisatie":"gem","functie":"College van B en W","besluit":"Vastgesteld"}]}`
	if err := d.Put(answerFile("werkwijze", "1.4.0", t2, signoff), signoffShared, "", t2); err != nil {
		t.Fatal(err)
	}
	if d.ChangedAfterAdoption() || len(d.MissingAdoptions()) != 0 {
		t.Fatalf("changed by the sign-off itself (last change %s), missing %v", d.LastChange(), d.MissingAdoptions())
	}
	summary := dossier.Call("summary", `{"dossier":`+checklist.JSONText(d.Text())+`}`, "")
	if !strings.Contains(summary, `"signoff":{"status":"vastgesteld","version":"1.0","adopted":"`+t1+`","changedAfterAdoption":false,"log":[{"version":"1.0","date":"`+t1+`","status":"vastgesteld","text":"Vastgesteld"}],"missingAdoptions":[]}`) {
		t.Errorf("summary %s", summary)
	}
	for name, answers := range map[string]string{
		"changed": strings.Replace(signoff, "Vroegsignalering", "Vroeg eropaf", 1),
		"removed": strings.Replace(signoff, `"werkproces":"Vroegsignalering",`, "", 1),
		"row":     strings.Replace(signoff, `"rol":"verwerkingsverantwoordelijke"}]`, `"rol":"verwerkingsverantwoordelijke"},{"_id":"ggd","naam":"GGD"}]`, 1),
	} {
		c, _ := dossier.Parse(d.Text())
		if err := c.Put(answerFile("werkwijze", "1.4.0", t3, answers), signoffShared, "", t3); err != nil {
			t.Fatal(err)
		}
		if !c.ChangedAfterAdoption() || c.LastChange() != t3 {
			t.Errorf("%s: not marked as changed after the vaststelling", name)
		}
		summary := dossier.Call("summary", `{"dossier":`+checklist.JSONText(c.Text())+`}`, "")
		if !strings.Contains(summary, `"changedAfterAdoption":true`) {
			t.Errorf("%s: summary %s", name, summary)
		}
		// A new vaststelling clears it.
		if err := c.SetStatus("vastgesteld", "Opnieuw vastgesteld", t4); err != nil || c.ChangedAfterAdoption() || c.Version() != "2.0" {
			t.Errorf("%s: after a new vaststelling: %v %v %s", name, err, c.ChangedAfterAdoption(), c.Version())
		}
	}
	// Wiping a checklist's answers is a change too.
	c, _ := dossier.Parse(d.Text())
	c.Drop("werkwijze", t3)
	if !c.ChangedAfterAdoption() {
		t.Error("wiping the answers did not count as a change")
	}
	// A concept that changes says nothing about a vaststelling.
	c, _ = dossier.Parse(d.Text())
	_ = c.SetStatus("concept", "Aanpassen", t2)
	_ = c.Put(answerFile("werkwijze", "1.4.0", t3, `{"werkproces":"Anders"}`), signoffShared, "", t3)
	if c.ChangedAfterAdoption() {
		t.Error("a concept reads as changed after the vaststelling")
	}
}

// TestMissingAdoptions: a vastgesteld dossier names every controller
// without a vaststelling that has a decision (a row without a name as "");
// verwerkers and ontvangers adopt nothing.
func TestMissingAdoptions(t *testing.T) {
	d := mustNew(t)
	answers := `{"organisaties":[{"_id":"gem","naam":"Gemeente","rol":"verwerkingsverantwoordelijke"},
	  {"_id":"ggd","naam":"GGD","rol":"gezamenlijk-verwerkingsverantwoordelijke"},
	  {"_id":"sw","naam":"Schuldhulp BV","rol":"verwerker"},
	  {"_id":"x","rol":"verwerkingsverantwoordelijke"}],
	  "vaststellingen":[{"_id":"v1","organisatie":"gem","besluit":"Vastgesteld"},{"_id":"v2","organisatie":"ggd","functie":"Directeur"}]}`
	if err := d.Put(answerFile("werkwijze", "1.4.0", t0, answers), signoffShared, "", t0); err != nil {
		t.Fatal(err)
	}
	if m := d.MissingAdoptions(); len(m) != 0 {
		t.Errorf("a concept misses vaststellingen: %v", m)
	}
	_ = d.SetStatus("vastgesteld", "Vastgesteld", t1)
	summary := dossier.Call("summary", `{"dossier":`+checklist.JSONText(d.Text())+`}`, "")
	if !strings.Contains(summary, `"missingAdoptions":["GGD",""]}`) {
		t.Errorf("summary %s", summary)
	}
}

// TestCallStatus: the page's way to set the status.
func TestCallStatus(t *testing.T) {
	quoted := checklist.JSONText(mustNew(t).Text())
	got := dossier.Call("status", `{"dossier":`+quoted+`,"status":"ter-advies","text":"Naar de FG","now":"`+t1+`"}`, "")
	if !strings.Contains(got, `"status":"ter-advies","version":"0.1","log":[{"version":"0.1","date":"`+t1+`","status":"ter-advies","text":"Naar de FG"}]`) {
		t.Errorf("status: %s", got)
	}
	if got := dossier.Call("status", `{"dossier":`+quoted+`,"status":"ter-advies","text":"","now":"`+t1+`"}`, ""); !strings.HasPrefix(got, `{"error":"Beschrijf`) {
		t.Errorf("empty text: %s", got)
	}
}
