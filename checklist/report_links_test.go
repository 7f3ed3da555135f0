package checklist_test

import (
	"strings"
	"testing"

	"deelwijzer/checklist"
)

// The report is read outside the site: links to the site are absolute under
// the address the page gives, control characters are gone, and an address
// the visitor typed stays text.
func TestReportLinksAndText(t *testing.T) {
	def := loadBasis(t)
	answers := checklist.Answers{
		"bestaat":  "ja",
		"welke":    "Zie https://evil.example/x en www.voorbeeld.nl of mail info@wijkteam.nl\x00\x1b[31m\r\nklaar\x7f\u0085.",
		"nog-iets": "tab\there",
	}
	report := checklist.ReportAt(def, answers, nil, "https://example.org/deelwijzer/")
	if !strings.Contains(report, "[https://example.org/deelwijzer/samenwerking/](https://example.org/deelwijzer/samenwerking/)") {
		t.Errorf("guidance link is not absolute:\n%s", report)
	}
	for _, line := range strings.Split(report, "\n") {
		if strings.Contains(line, "](/") {
			t.Errorf("root-relative link left: %s", line)
		}
	}
	for _, r := range report {
		if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f {
			t.Fatalf("control character %U in the report:\n%q", r, report)
		}
	}
	want := `Zie https\://evil.example/x en www\.voorbeeld.nl of mail info\@wijkteam.nl\[31m  ` + "\n" + `klaar.`
	if !strings.Contains(report, want) {
		t.Errorf("typed addresses not kept as inert text; want %q in\n%s", want, report)
	}
	if !strings.Contains(report, "tab\there") {
		t.Errorf("tab not kept:\n%q", report)
	}
	// Without a usable site address the links stay as the definition has
	// them rather than becoming something broken.
	for _, bad := range []string{"", "javascript:alert(1)//", "https://example.org/a b/", "https://example.org/x)", "https://example.org/deelwijzer"} {
		if r := checklist.ReportAt(def, answers, nil, bad); !strings.Contains(r, "[/samenwerking/](/samenwerking/)") {
			t.Errorf("site address %q was used", bad)
		}
	}
	if !strings.Contains(checklist.ReportJSON(def, `{"bestaat":"ja"}`, "https://example.org/", ""), `(https://example.org/samenwerking/)`) {
		t.Error("ReportJSON does not pass the site address on")
	}
}
