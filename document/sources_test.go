package document_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"deelwijzer/checklist"
	"deelwijzer/checklist/yamldef"
	"deelwijzer/document"
	"deelwijzer/dossier"
)

// Documents made from the whole dossier (convenant, plan van aanpak): the
// cases are dossier files in testdata/dossiers, rendered the way the page
// asks for them (document.MakeDocument with the definitions as the site
// publishes them, the page's own answers and the dossier's text).

// payload is a shipped checklist as the page and the site's definition
// files give it to the document writer: {"definition", "lists"}.
func payload(t *testing.T, id string) json.RawMessage {
	t.Helper()
	data := filepath.Join("..", "data")
	shared, err := yamldef.LoadShared(data)
	if err != nil {
		t.Fatal(err)
	}
	lists, err := yamldef.LoadLists(data)
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(data, "checklists", id+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	def, err := yamldef.ToJSONIn(src, shared)
	if err != nil {
		t.Fatal(err)
	}
	type opt struct {
		Value string `json:"value"`
		Label string `json:"label"`
	}
	out := map[string][]opt{}
	for name, l := range lists {
		for _, o := range l {
			out[name] = append(out[name], opt{o.Value, o.Label})
		}
	}
	b, err := json.Marshal(map[string]any{"definition": json.RawMessage(def), "lists": out})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// dossierTemplates are the shipped templates that read more than the
// workbook: they render from dossiers, the others from workbook answers.
func dossierTemplates(t *testing.T) (ids []string, src map[string]string) {
	t.Helper()
	all, src := templates(t)
	for _, id := range all {
		if !workbookOnly(t, src[id]) {
			ids = append(ids, id)
		}
	}
	if len(ids) < 2 {
		t.Fatalf("expected the convenant and the plan van aanpak, got %v", ids)
	}
	return ids, src
}

func workbookOnly(t *testing.T, src string) bool {
	t.Helper()
	tm, err := document.ParseTemplate(src)
	if err != nil {
		t.Fatal(err)
	}
	return slices.Equal(tm.Checklists, []string{"werkwijze"})
}

func dossierCases(t *testing.T) (names []string, texts map[string]string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "dossiers", "*.json"))
	texts = map[string]string{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		names = append(names, name)
		texts[name] = string(mustRead(t, f))
	}
	sort.Strings(names)
	if len(names) < 3 {
		t.Fatalf("expected at least 3 dossier cases, got %v", names)
	}
	return names, texts
}

// pageAnswers is what a checklist page of the dossier sends as its answers:
// its own answers with the dossier's shared rows, read with the engine's
// import as the page reads them (so a dossier case of an older version of
// the checklist migrates as it would on the page).
func pageAnswers(t *testing.T, dossierText, page string) json.RawMessage {
	t.Helper()
	d, err := dossier.Parse(dossierText)
	if err != nil {
		t.Fatal(err)
	}
	def, err := yamldef.LoadShipped(filepath.Join("..", "data"), page)
	if err != nil {
		t.Fatal(err)
	}
	imp, err := checklist.Import(def, d.ChecklistFile(page, def.Version, sharedOf(t, page)))
	if err != nil {
		t.Fatal(err)
	}
	return json.RawMessage(checklist.JSONText(checklist.EncodeAnswers(def, imp.Answers)))
}

// request is the page's request for a document of the template, from the
// page of checklist page, in the dossier dossierText ("" for none): the
// other checklists' answer files come from the dossier store, as the page
// gets them from the engine.
func request(t *testing.T, tmplSrc, page string, answers json.RawMessage, dossierText string) string {
	t.Helper()
	tm, err := document.ParseTemplate(tmplSrc)
	if err != nil {
		t.Fatal(err)
	}
	payloads := map[string]json.RawMessage{page: payload(t, page)}
	files := map[string]string{}
	var d *dossier.Dossier
	if dossierText != "" {
		if d, err = dossier.Parse(dossierText); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range tm.Checklists {
		payloads[id] = payload(t, id)
		if d != nil && id != page {
			files[id] = d.ChecklistFile(id, "", sharedOf(t, id))
		}
	}
	req := map[string]any{"checklist": page, "answers": answers, "payloads": payloads}
	if d != nil {
		req["dossier"] = d.Name()
		req["files"] = files
	}
	b, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// sharedOf maps a checklist's items that are shared groups to the group's
// name, as the page reads them from the definition.
func sharedOf(t *testing.T, id string) map[string]string {
	t.Helper()
	def, err := yamldef.LoadShipped(filepath.Join("..", "data"), id)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, it := range def.Items() {
		if it.Shared != "" {
			out[it.ID] = it.Shared
		}
	}
	return out
}

func renderDossier(t *testing.T, tmplSrc, dossierText string) *document.Document {
	t.Helper()
	tm, err := document.ParseTemplate(tmplSrc)
	if err != nil {
		t.Fatal(err)
	}
	d, err := document.MakeDocument(request(t, tmplSrc, tm.Checklist, pageAnswers(t, dossierText, tm.Checklist), dossierText), tmplSrc, testDate)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestGoldenDossierDocuments renders every dossier template for every
// dossier case and compares the text with testdata/golden (-update
// rewrites them).
func TestGoldenDossierDocuments(t *testing.T) {
	ids, src := dossierTemplates(t)
	names, texts := dossierCases(t)
	for _, c := range names {
		for _, id := range ids {
			d := renderDossier(t, src[id], texts[c])
			checkDOCX(t, d.DOCX())
			if names, files, _ := unzip(t, d.ODT()); names[0] != "mimetype" {
				t.Errorf("%s--%s.odt: mimetype is not the first entry", c, id)
			} else {
				for _, n := range names[1:] {
					wellFormed(t, n, files[n])
				}
			}
			got := d.Text()
			for _, want := range []string{"\nDossier: ", "\nBron: Checklist samenwerking en gegevensdeling, versie ", "\nStatus: concept\n", "\nDatum: 30 november 2026\n", "\nSjabloon: " + d.Title + ", versie "} {
				if !strings.Contains(got, want) {
					t.Errorf("%s--%s: the title block lacks %q", c, id, strings.TrimSpace(want))
				}
			}
			compareGolden(t, filepath.Join("testdata", "golden", c+"--"+id+".txt"), got)
		}
	}
}

func compareGolden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from its golden file; run go test ./document -run TestGolden -update and review the diff\n%s", file, got)
	}
}

// TestConvenantReadsBothChecklists: the convenant of the realistic dossier
// names every organisation with its role, the grondslag of every
// deelmoment from the workbook, and each art. 26 agreement from the
// collaboration checklist by the organisation's name (never its row id).
func TestConvenantReadsBothChecklists(t *testing.T) {
	_, src := templates(t)
	_, texts := dossierCases(t)
	text := renderDossier(t, src["convenant"], texts["wijkteam"]).Text()
	for _, want := range []string{
		"| Gemeente Noordstad, wijkteam Noord | Wmo, Jeugd en wijkteam (gemeente) | Gezamenlijk verwerkingsverantwoordelijke |",
		"| Politie basisteam Noord | Politie | Verwerkingsverantwoordelijke |",
		"Wet politiegegevens, art. 19", "Wmo 2015, art. 5.2.6", // the workbook's grondslagen
		"Afspraak: Gemeente Noordstad, wijkteam Noord zorgt dat elk verzoek wordt afgehandeld.",
		"laat de andere partners dat weten. Termijn: Binnen 24 uur na ontdekking.",
		"Afspraak: Gemeente Noordstad, wijkteam Noord meldt het datalek bij de AP",
		"zo mogelijk binnen 72 uur na de ontdekking (artikel 33 lid 1 AVG)", "artikel 26 lid 3 AVG",
		"Partners met een beroepsgeheim: GGD Regio Noord, Veilig Thuis Noord.",
		"Looptijd van de samenwerking: Twee jaar",
		"## Veilig Thuis Noord", // signature block per organisation
		"> Dit is een concept",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("convenant lacks %q", want)
		}
	}
	if strings.Contains(text, "org-") {
		t.Error("a row id shows in the convenant instead of the organisation's name")
	}
	if strings.Contains(text, "Deze pagina werkt niet in een dossier") || strings.Contains(text, "nog geen antwoorden van") {
		t.Error("the dossier has both checklists, yet the convenant says answers are missing")
	}
}

// TestDossierDocumentWithoutDossier: a page outside a dossier still makes
// the convenant from its own answers, and says plainly which checklist's
// answers are missing; a dossier without answers of the other checklist
// says that instead.
func TestDossierDocumentWithoutDossier(t *testing.T) {
	_, src := templates(t)
	_, texts := dossierCases(t)
	answers := pageAnswers(t, texts["wijkteam"], "werkwijze")
	d, err := document.MakeDocument(request(t, src["convenant"], "werkwijze", answers, ""), src["convenant"], testDate)
	if err != nil {
		t.Fatal(err)
	}
	text := d.Text()
	if d.Blocks[0].Kind != document.Note || !strings.Contains(d.Blocks[0].Text, "Deze pagina werkt niet in een dossier") || !strings.Contains(d.Blocks[0].Text, "Checklist samenwerking en gegevensdeling") {
		t.Errorf("the first block should say the collaboration checklist's answers are missing: %+v", d.Blocks[0])
	}
	if !strings.Contains(text, "Wet politiegegevens, art. 19") {
		t.Error("the workbook's own answers are missing")
	}
	if !strings.Contains(text, "Afspraak: Nog in te vullen zorgt dat elk verzoek") {
		t.Error("the agreement without an answer should read as still to fill in")
	}

	// The same dossier without the collaboration checklist's answers.
	var dos map[string]any
	if err := json.Unmarshal([]byte(texts["wijkteam"]), &dos); err != nil {
		t.Fatal(err)
	}
	delete(dos["checklists"].(map[string]any), "samenwerking")
	only, _ := json.Marshal(dos)
	d, err = document.MakeDocument(request(t, src["convenant"], "werkwijze", answers, string(only)), src["convenant"], testDate)
	if err != nil {
		t.Fatal(err)
	}
	if d.Blocks[0].Kind != document.Note || !strings.Contains(d.Blocks[0].Text, "In dit dossier staan nog geen antwoorden van") {
		t.Errorf("the first block should say the dossier has no answers of the collaboration checklist: %+v", d.Blocks[0])
	}
	if !strings.Contains(d.Text(), "Dossier: Wijkteam Noord") {
		t.Error("the title block should name the dossier")
	}
}

// TestDossierDocumentUsesPageRows: the organisations on the page (not yet
// saved in the dossier) win over the dossier's older rows, also for the
// other checklist's answers that name them.
func TestDossierDocumentUsesPageRows(t *testing.T) {
	_, src := templates(t)
	_, texts := dossierCases(t)
	var answers map[string]any
	if err := json.Unmarshal(pageAnswers(t, texts["wijkteam"], "werkwijze"), &answers); err != nil {
		t.Fatal(err)
	}
	orgs := answers["organisaties"].([]any)
	orgs[0].(map[string]any)["naam"] = "Gemeente Noordstad, team Jeugd"
	b, _ := json.Marshal(answers)
	d, err := document.MakeDocument(request(t, src["convenant"], "werkwijze", b, texts["wijkteam"]), src["convenant"], testDate)
	if err != nil {
		t.Fatal(err)
	}
	text := d.Text()
	if !strings.Contains(text, "Afspraak: Gemeente Noordstad, team Jeugd zorgt dat elk verzoek") {
		t.Error("the collaboration checklist's reference should name the organisation as the page has it now")
	}
	if strings.Contains(text, "wijkteam Noord |") {
		t.Error("the dossier's older name of the organisation is still in the document")
	}
}

// TestPlanVanAanpak: roles present and missing come from data/rollen.yaml,
// and every document's status is listed.
func TestPlanVanAanpak(t *testing.T) {
	_, src := templates(t)
	_, texts := dossierCases(t)
	text := renderDossier(t, src["plan-van-aanpak"], texts["wijkteam"]).Text()
	for _, want := range []string{
		"- Projectleider", "- Privacy officer", // present
		"| Plan van aanpak | Klaar |", "| DPIA (gegevensbeschermingseffectbeoordeling) | In concept |", "| Convenant en/of privacyprotocol | In concept |",
		"| Woningcorporatie Thuis | Signaleren van huurachterstand |",
		"Domein Zorg en Welzijn van de gemeente",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("plan van aanpak lacks %q", want)
		}
	}
	present := text[strings.Index(text, "Rollen die in het team zijn ingevuld"):strings.Index(text, "Rollen die nog niet zijn ingevuld")]
	missing := text[strings.Index(text, "Rollen die nog niet zijn ingevuld"):strings.Index(text, "Niet elke samenwerking")]
	if !strings.Contains(missing, "- Kernteam van leidinggevenden") || strings.Contains(missing, "- Projectleider") || strings.Contains(present, "Kernteam") {
		t.Errorf("roles present\n%s\nmissing\n%s", present, missing)
	}
}

// TestMakeDocumentRefusesBadRequests: a request that is not JSON, or lacks
// a definition the template needs, gives a Dutch error, not a document.
func TestMakeDocumentRefusesBadRequests(t *testing.T) {
	_, src := templates(t)
	for _, req := range []string{"", "nee", `{"checklist": "werkwijze"}`, `{"checklist": "werkwijze", "payloads": {"werkwijze": {"definition": {}}}}`} {
		if _, err := document.MakeDocument(req, src["convenant"], testDate); err == nil || !strings.Contains(err.Error(), " ") {
			t.Errorf("%q: no error", req)
		}
	}
	// The page's own definition is there, the other one the convenant reads is not.
	req := map[string]any{"checklist": "werkwijze", "answers": map[string]any{}, "payloads": map[string]any{"werkwijze": payload(t, "werkwijze")}}
	b, _ := json.Marshal(req)
	if _, err := document.MakeDocument(string(b), src["convenant"], testDate); err == nil || !strings.Contains(err.Error(), "samenwerking ontbreekt") {
		t.Errorf("missing definition: %v", err)
	}
}

// convenantAnswers lists what a reader must find of the realistic dossier
// in its convenant: every organisation, and every answer the convenant is
// made of.
func convenantAnswers(t *testing.T, dossierText string) []string {
	t.Helper()
	var d struct {
		Shared struct {
			Organisaties struct {
				Rows []map[string]string `json:"rows"`
			} `json:"organisaties"`
		} `json:"shared"`
		Checklists struct {
			Samenwerking struct {
				Answers map[string]any `json:"answers"`
			} `json:"samenwerking"`
			Werkwijze struct {
				Answers struct {
					Rechtmatigheid []map[string]any `json:"rechtmatigheid"`
				} `json:"answers"`
			} `json:"werkwijze"`
		} `json:"checklists"`
	}
	if err := json.Unmarshal([]byte(dossierText), &d); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range d.Shared.Organisaties.Rows {
		out = append(out, r["naam"])
	}
	for _, id := range []string{"doel", "noodzaak", "bijzondere-uitzondering", "looptijd", "datalek-termijn", "beveiliging", "bewaartermijn", "beroepsgeheim-afspraken"} {
		out = append(out, d.Checklists.Samenwerking.Answers[id].(string))
	}
	for _, r := range d.Checklists.Werkwijze.Answers.Rechtmatigheid {
		out = append(out, r["materiewet"].(string))
	}
	return out
}

// hostileDossier is a dossier with text that would be markup, a field or a
// formula in every organisation's name and in every text answer of the
// collaboration checklist, and the workbook's hostile case.
func hostileDossier(t *testing.T) string {
	t.Helper()
	var orgs []map[string]string
	for i, h := range hostile {
		orgs = append(orgs, map[string]string{"_id": "org-" + itoa(i), "naam": h, "rol": "gezamenlijk-verwerkingsverantwoordelijke"})
	}
	own := map[string]any{}
	for i, id := range []string{"doel", "noodzaak", "looptijd", "datalek-termijn", "beveiliging", "bewaartermijn", "leiding", "rollen-verdeling", "succes", "minst-ingrijpend-afweging"} {
		own[id] = hostile[i%len(hostile)]
	}
	own["minst-ingrijpend"] = "ja"
	own["verzoeken-door"] = "org-1"
	own["contactpunt"] = "org-5"
	var workbook map[string]any
	if err := json.Unmarshal([]byte(hostileCase()), &workbook); err != nil {
		t.Fatal(err)
	}
	d := map[string]any{
		"schema": "deelwijzer-dossier", "schemaVersion": 1,
		"dossier": map[string]any{"id": "vijandig", "name": hostile[0], "created": "2026-11-30T09:00:00.000Z", "modified": "2026-11-30T09:00:00.000Z", "archived": false},
		"shared":  map[string]any{"organisaties": map[string]any{"rows": orgs}},
		"checklists": map[string]any{
			"samenwerking": map[string]any{"definitionVersion": "3.1.0", "answers": own},
			"werkwijze":    map[string]any{"definitionVersion": "1.3.0", "answers": workbook},
		},
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestHostileDossierStaysText: hostile names and answers in a dossier come
// out of the convenant as text, in the title block too, and never as a
// placeholder that is filled in again.
func TestHostileDossierStaysText(t *testing.T) {
	_, src := templates(t)
	d := renderDossier(t, src["convenant"], hostileDossier(t))
	text := d.Text()
	for _, h := range hostile {
		if strings.ContainsAny(h, "\x00\x07\x1b\u0085\xff") {
			continue
		}
		if !strings.Contains(text, h) {
			t.Errorf("convenant lacks the hostile text %q", h)
		}
	}
	if !strings.Contains(text, "{{werkproces}}") {
		t.Error("a placeholder typed as an answer should stay as typed")
	}
	checkDOCX(t, d.DOCX())
	_, files, _ := unzip(t, d.ODT())
	wellFormed(t, "content.xml", files["content.xml"])
}

// TestMakeDocumentNamesDossierState: the page sends the dossier's status,
// version and change log with the request (dossierInfo); every document
// made from it names them, also one that reads the whole dossier, and says
// when the dossier changed after its vaststelling.
func TestMakeDocumentNamesDossierState(t *testing.T) {
	_, src := templates(t)
	_, texts := dossierCases(t)
	info := string(mustRead(t, filepath.Join("testdata", "dossierinfo", "wijkteam.json")))
	for _, id := range []string{"convenant", "fg-advies"} {
		tm, err := document.ParseTemplate(src[id])
		if err != nil {
			t.Fatal(err)
		}
		var req map[string]any
		if err := json.Unmarshal([]byte(request(t, src[id], tm.Checklist, pageAnswers(t, texts["wijkteam"], tm.Checklist), texts["wijkteam"])), &req); err != nil {
			t.Fatal(err)
		}
		plain, err := document.MakeDocument(mustJSON(t, req), src[id], testDate)
		if err != nil {
			t.Fatal(err)
		}
		req["dossierInfo"] = info
		d, err := document.MakeDocument(mustJSON(t, req), src[id], testDate)
		if err != nil {
			t.Fatal(err)
		}
		text := d.Text()
		for _, want := range []string{"Status: Vastgesteld, versie 1.0 van 16 december 2026", "Gewijzigd na vaststelling op 16 december 2026"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s made with the dossier's state lacks %q", id, want)
			}
			if strings.Contains(plain.Text(), want) {
				t.Errorf("%s made without the dossier's state has %q", id, want)
			}
		}
		req["dossierInfo"] = "[1, 2"
		if _, err := document.MakeDocument(mustJSON(t, req), src[id], testDate); err == nil {
			t.Errorf("%s: a broken dossierInfo was accepted", id)
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
