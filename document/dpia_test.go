package document_test

import (
	"strings"
	"testing"
)

// TestDPIAModelParagraphsFilled: the paragraphs of the Model DPIA
// Rijksdienst that the workbook now has answers for (betrokkenen and their
// number, systems, verwerkers, locations, retention, the receiving party's
// grondslag, the art. 9/10 exception, rights) show those answers in the
// realistic case, not the template's "Nog in te vullen", and the empty
// case still says what is missing.
func TestDPIAModelParagraphsFilled(t *testing.T) {
	def := workbook(t)
	_, src := templates(t)
	_, answers := cases(t)
	names := []string{"betrokkenen", "aantal-betrokkenen", "systemen", "verwerkers", "locaties", "bewaartermijnen", "uitzonderingen", "rechtsgrond", "rechten"}
	fallback := map[string]string{}
	tmpl := src["dpia-rapport"]
	for _, n := range names {
		_, rest, ok := strings.Cut(tmpl, "{{"+n+" | ")
		if !ok {
			t.Fatalf("the DPIA template does not use {{%s | …}}", n)
		}
		text, _, _ := strings.Cut(rest, "}}")
		fallback[n] = text
	}
	full := render(t, def, tmpl, answers["wijkteam"]).Text()
	empty := render(t, def, tmpl, answers["leeg"]).Text()
	for _, n := range names {
		if strings.Contains(full, fallback[n]) {
			t.Errorf("wijkteam: %s still reads %q", n, fallback[n])
		}
		if !strings.Contains(empty, fallback[n]) {
			t.Errorf("empty workbook: %s does not say %q", n, fallback[n])
		}
	}
	for _, want := range []string{
		"Grondslag van wie ontvangt",
		"| ICT-leverancier Dossierwijs | Registratiesysteem van het wijkteam |",
		"Artikel 10 AVG met artikel 33 UAVG",
	} {
		if !strings.Contains(full, want) {
			t.Errorf("wijkteam report lacks %q", want)
		}
	}
}
