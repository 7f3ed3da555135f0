package document

import (
	"deelwijzer/checklist"
	"deelwijzer/dossier"
)

// The FG advice and the vaststelling per controller (the workbook's shared
// groups fg-adviezen and vaststellingen, data/dossier.yaml), and the
// dossier's status, version and change log, as template values. The names
// are listed in WorkbookNames (werkboek.go).

// DossierInfo is what the page tells the document writer about the dossier
// the workbook is open in: its name, status, version, the day of its last
// vaststelling, whether an answer changed after it, and the change log.
// Days are YYYY-MM-DD on the visitor's clock.
type DossierInfo struct {
	Name, Status, Version, Adopted string
	ChangedAfterAdoption           bool
	Log                            []dossier.LogEntry
}

// ParseDossierInfo reads the page's JSON; "" (no dossier) gives nil.
func ParseDossierInfo(text string) (*DossierInfo, error) {
	if trim(text) == "" {
		return nil, nil
	}
	tree, err := checklist.ParseJSON(text, checklist.MaxJSONDepth)
	if err != nil {
		return nil, err
	}
	o, ok := tree.(*checklist.Object)
	if !ok {
		return nil, &TemplateError{Message: "de gegevens van het dossier hebben niet de verwachte vorm"}
	}
	s := func(o *checklist.Object, k string) string {
		v, _ := o.Values[k].(string)
		return v
	}
	info := &DossierInfo{Name: s(o, "name"), Status: s(o, "status"), Version: s(o, "version"), Adopted: s(o, "adopted")}
	info.ChangedAfterAdoption, _ = o.Values["changedAfterAdoption"].(bool)
	list, _ := o.Values["log"].([]any)
	for _, v := range list {
		if e, ok := v.(*checklist.Object); ok {
			info.Log = append(info.Log, dossier.LogEntry{Version: s(e, "version"), Date: s(e, "date"), Status: s(e, "status"), Text: s(e, "text")})
		}
	}
	return info, nil
}

// statusText is the status line of the title block: "Vastgesteld, versie
// 1.0 van 14 december 2026", the date being that of the last change log
// entry.
func (info *DossierInfo) statusText() string {
	s := dossier.StatusLabel(info.Status) + ", versie " + orDash(info.Version)
	if n := len(info.Log); n > 0 && info.Log[n-1].Date != "" {
		s += " van " + DutchDate(info.Log[n-1].Date)
	}
	return s
}

// changedText says that the dossier changed after its vaststelling; "" when
// it did not.
func (info *DossierInfo) changedText() string {
	if info == nil || !info.ChangedAfterAdoption {
		return ""
	}
	return "Gewijzigd na vaststelling op " + DutchDate(info.Adopted) + ". Dit document kan daarom afwijken van wat is vastgesteld. Laat de wijziging opnieuw vaststellen."
}

// withDossier puts the dossier's name, status and version in the title
// block, and the note that it changed after its vaststelling.
func withDossier(m Meta, info *DossierInfo) Meta {
	if info == nil {
		return m
	}
	if info.Name != "" {
		m.Dossier = info.Name
	}
	m.Status = info.statusText()
	m.Notice = info.changedText()
	return m
}

// controllerRoles are the roles of an organisation that asks its own FG
// and adopts the outcome itself.
func isController(rol string) bool {
	return rol == "verwerkingsverantwoordelijke" || rol == "gezamenlijk-verwerkingsverantwoordelijke"
}

// SignoffValues are the values of the FG advice, the vaststelling and the
// dossier's status for the templates.
func SignoffValues(def *checklist.Definition, answers checklist.Answers, st *checklist.State, info *DossierInfo) Values {
	v := Values{}
	fgGroup, vsGroup := def.Item("fg-adviezen"), def.Item("vaststellingen")
	advice, adoption := map[string]checklist.Row{}, map[string]checklist.Row{}
	for _, r := range rows(answers["fg-adviezen"]) {
		if id := str(r["organisatie"]); id != "" && advice[id] == nil {
			advice[id] = r
		}
	}
	for _, r := range rows(answers["vaststellingen"]) {
		if id := str(r["organisatie"]); id != "" && adoption[id] == nil {
			adoption[id] = r
		}
	}
	// Every controller, and every other organisation that has an advice or
	// a vaststelling all the same, in the order of the organisaties.
	var each []Values
	var overview, roles [][]string
	orgGroup := def.Item("organisaties")
	for n, org := range rows(answers["organisaties"]) {
		id := str(org[checklist.RowIDKey])
		a, d := advice[id], adoption[id]
		name := str(org["naam"])
		if name == "" {
			name = "Organisatie " + itoa(n+1)
		}
		roles = append(roles, []string{name, orDash(label(orgGroup, "rol", org))})
		if !isController(str(org["rol"])) && a == nil && d == nil {
			continue
		}
		gevolgd := label(fgGroup, "gevolgd", a)
		waarom := str(a["waarom"])
		switch {
		case waarom != "":
		case str(a["gevolgd"]) == "ja":
			waarom = "Niet van toepassing: de organisatie volgt het advies."
		case str(a["gevolgd"]) != "":
			waarom = "Nog in te vullen. Dit is verplicht als de organisatie het advies niet of maar deels volgt."
		}
		each = append(each, Values{
			"naam":                     {Text: name},
			"fg-advies-tekst":          {Text: str(a["advies"])},
			"fg-advies-datum":          {Text: DutchDate(str(a["datum"]))},
			"fg-gevolgd":               {Text: gevolgd},
			"fg-waarom":                {Text: waarom},
			"vaststelling-functie":     {Text: str(d["functie"])},
			"vaststelling-datum":       {Text: DutchDate(str(d["datum"]))},
			"vaststelling-besluit":     {Text: label(vsGroup, "besluit", d)},
			"vaststelling-toelichting": {Text: str(d["toelichting"])},
		})
		adviceCell := "Nog geen advies"
		if a != nil {
			adviceCell = orDash(DutchDate(str(a["datum"])))
		}
		decided := "Nog niet vastgesteld"
		if b := label(vsGroup, "besluit", d); b != "" {
			decided = b
			if day := DutchDate(str(d["datum"])); day != "" {
				decided += " op " + day
			}
		}
		overview = append(overview, []string{name, adviceCell, orDash(gevolgd), decided})
	}
	v["verantwoordelijke"] = Value{Each: each}
	v["aantal-verantwoordelijken"] = count(len(each))
	v["rollen"] = table([]string{"Organisatie", "Rol"}, roles)
	v["fg-overzicht"] = table([]string{"Verwerkingsverantwoordelijke", "Advies van de FG", "Advies gevolgd", "Besluit"}, overview)

	var open []string
	if st != nil {
		for _, f := range st.Findings {
			if f.ID == "geen-fg-advies" || hasPrefix(f.ID, "fg-advies") || hasPrefix(f.ID, "vaststelling") {
				open = append(open, f.Text)
			}
		}
	}
	v["fg-bevindingen"] = list(BulletList, open)

	if info == nil {
		v["vaststelling-stand"] = Value{Text: "Dit document is niet gemaakt vanuit een dossier. Open het werkboek in een dossier om de status, de versie en het logboek te zien."}
		return v
	}
	v["dossier-status"] = Value{Text: dossier.StatusLabel(info.Status)}
	v["dossier-versie"] = Value{Text: info.Version}
	var log [][]string
	for _, e := range info.Log {
		log = append(log, []string{e.Version, DutchDate(e.Date), dossier.StatusLabel(e.Status), e.Text})
	}
	v["wijzigingen"] = table([]string{"Versie", "Datum", "Status", "Wat veranderde"}, log)
	switch {
	case info.ChangedAfterAdoption:
		v["vaststelling-stand"] = Value{Text: info.changedText()}
	case info.Status == dossier.StatusVastgesteld:
		v["vaststelling-stand"] = Value{Text: "Het dossier is vastgesteld op " + DutchDate(info.Adopted) + " (versie " + info.Version + ") en daarna niet gewijzigd."}
	default:
		v["vaststelling-stand"] = Value{Text: "Het dossier is nog niet vastgesteld."}
	}
	return v
}

// WorkbookDocumentIn renders a template from the workbook's answers, in
// the dossier info describes (nil: no dossier).
func WorkbookDocumentIn(def *checklist.Definition, templateSrc, answersJSON, date string, info *DossierInfo) (*Document, error) {
	t, err := ParseTemplate(templateSrc)
	if err != nil {
		return nil, err
	}
	answers, err := checklist.ParseAnswersJSON(def, answersJSON)
	if err != nil {
		return nil, err
	}
	st := checklist.Evaluate(def, answers)
	v := WorkbookValues(def, answers, st)
	for k, x := range SignoffValues(def, answers, st, info) {
		v[k] = x
	}
	return t.Render(withDossier(WorkbookMeta(def, answers, date), info), v), nil
}
