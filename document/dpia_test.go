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

// TestRegisterAndResidentsRetention: the register entry of an organisation
// (art. 30 lid 1 onder e en f AVG) shows its own systems and retention
// only, and the information for residents says how long data are kept.
func TestRegisterAndResidentsRetention(t *testing.T) {
	def := workbook(t)
	_, src := templates(t)
	_, answers := cases(t)
	reg := render(t, def, src["verwerkingsregister"], answers["wijkteam"]).Text()
	_, woco, _ := strings.Cut(reg, "\n# Woningcorporatie Thuis")
	woco, _, _ = strings.Cut(woco, "\n# ")
	if !strings.Contains(woco, "| Signalenportaal van de woningcorporatie |") || !strings.Contains(woco, "| Signaal over de huurachterstand | 1 jaar") {
		t.Errorf("the register entry of the housing corporation lacks its system or retention:\n%s", woco)
	}
	if strings.Contains(woco, "Registratiesysteem van het wijkteam") || strings.Contains(woco, "Dossier en plan met het gezin") {
		t.Errorf("the register entry of the housing corporation shows another organisation's rows:\n%s", woco)
	}
	res := render(t, def, src["informatie-inwoners"], answers["wijkteam"]).Text()
	if !strings.Contains(res, "Signaal over de huurachterstand (Woningcorporatie Thuis): 1 jaar na het afsluiten van het signaal") {
		t.Errorf("the information for residents does not say how long data are kept")
	}
}
