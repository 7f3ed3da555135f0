package document_test

import (
	"strings"
	"testing"

	"deelwijzer/document"
)

// TestSignoffDocuments: the FG advice document of the realistic case has a
// part for every controller (not for the verwerker), says what each did
// with the advice and why, names the open points, the dossier's status,
// version and change log, and that the dossier changed after its
// vaststelling; the DPIA report's vaststelling uses the same rows; every
// document's title block carries the dossier's status and the note.
func TestSignoffDocuments(t *testing.T) {
	def := workbook(t)
	ids, src := templates(t)
	_, answers := cases(t)
	fg := renderCase(t, def, src["fg-advies"], "wijkteam", answers["wijkteam"]).Text()
	for _, want := range []string{
		"Dossier: Wijkteam Noord en partners\n",
		"Status: Vastgesteld, versie 1.0 van 16 december 2026\n",
		"> Gewijzigd na vaststelling op 16 december 2026.",
		"Aantal verwerkingsverantwoordelijken: 5.",
		"## Gemeente Noordstad, wijkteam Noord", "## Woningcorporatie Thuis", "## Politie basisteam Noord", "## GGD Regio Noord", "## Veilig Thuis Noord",
		"- Datum van het advies: 3 december 2026\n- Volgt de organisatie het advies? Deels\n- Waarom niet, of maar deels: De huurovereenkomsten worden pas",
		"- Volgt de organisatie het advies? Nee\n- Waarom niet, of maar deels: Nog in te vullen. Dit is verplicht",
		"- Waarom niet, of maar deels: Niet van toepassing: de organisatie volgt het advies.",
		"- Wie besluit (functie of orgaan): Directeur-bestuurder\n- Datum van het besluit: 16 december 2026\n- Besluit: Vastgesteld onder voorwaarden\n- Toelichting: Op voorwaarde dat",
		"| Woningcorporatie Thuis | 3 december 2026 | Deels | Vastgesteld onder voorwaarden op 16 december 2026 |",
		"| Veilig Thuis Noord | Nog geen advies | - | Nog niet vastgesteld |",
		"Veilig Thuis Noord is verwerkingsverantwoordelijke, maar er staat nog geen advies van haar FG",
		"FG-advies 3",
		"| 0.2 | 1 december 2026 | Ter advies bij de FG | Naar de FG van elke verwerkingsverantwoordelijke voor advies |",
		"Status van het dossier: Vastgesteld. Versie: 1.0.",
	} {
		if !strings.Contains(fg, want) {
			t.Errorf("FG advice document lacks %q\n%s", want, fg)
		}
	}
	if strings.Contains(fg, "## ICT-leverancier Dossierwijs") {
		t.Error("the verwerker has a part of its own")
	}
	dpia := renderCase(t, def, src["dpia-rapport"], "wijkteam", answers["wijkteam"]).Text()
	for _, want := range []string{
		"## Vaststelling door Gemeente Noordstad, wijkteam Noord\n\n- Wie besluit (functie of orgaan): College van burgemeester en wethouders\n- Datum van het besluit: 15 december 2026\n- Besluit: Vastgesteld\n- Toelichting op het besluit: Geen.\n- Advies van de FG van 2 december 2026: Positief, onder twee voorwaarden",
		"| ICT-leverancier Dossierwijs | Verwerker |",
		"Stand van de vaststelling: Gewijzigd na vaststelling op 16 december 2026.",
	} {
		if !strings.Contains(dpia, want) {
			t.Errorf("DPIA report lacks %q", want)
		}
	}
	for _, id := range ids {
		text := renderCase(t, def, src[id], "wijkteam", answers["wijkteam"]).Text()
		if !strings.Contains(text, "Status: Vastgesteld, versie 1.0 van 16 december 2026\n") || !strings.Contains(text, "Gewijzigd na vaststelling op 16 december 2026") {
			t.Errorf("%s does not name the dossier's status and the change after its vaststelling", id)
		}
	}
	// Outside a dossier, or in one that did not change, there is no note.
	plain := render(t, def, src["fg-advies"], answers["wijkteam"]).Text()
	if strings.Contains(plain, "Gewijzigd na vaststelling") || !strings.Contains(plain, "Status: concept\n") {
		t.Errorf("without a dossier:\n%s", plain)
	}
	info := caseDossier(t, "wijkteam")
	info.ChangedAfterAdoption = false
	d, err := document.WorkbookDocumentIn(def, src["fg-advies"], answers["wijkteam"], testDate, info)
	if err != nil {
		t.Fatal(err)
	}
	if text := d.Text(); strings.Contains(text, "Gewijzigd na vaststelling") || !strings.Contains(text, "Het dossier is vastgesteld op 16 december 2026 (versie 1.0) en daarna niet gewijzigd.") {
		t.Errorf("unchanged dossier:\n%s", text)
	}
}
