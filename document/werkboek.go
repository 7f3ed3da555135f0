package document

import "deelwijzer/checklist"

// This file is the one place where the workbook's answers (checklist
// "werkwijze", data/checklists/werkwijze.yaml) become the values that the
// templates in data/documenten/ use. Each placeholder name is listed in
// WorkbookNames with what it holds; a test checks that every template uses
// only these names.

// WorkbookNames lists the placeholders the workbook fills, with a short
// description (shown on the blank template pages' explanation).
var WorkbookNames = []string{
	"werkproces", "begin-eind", "processtappen",
	"organisaties", "aantal-organisaties", "partijen", "organisatie",
	"naam", "verstrekt", "ontvangt", "org-gegevens", "org-doelen", "org-grondslagen", "org-bijzonder", "org-ontvangers", "org-verstrekkers",
	"deelmomenten", "aantal-deelmomenten", "gegevens", "bijzondere-gegevens", "kanalen", "doelen",
	"gezamenlijk", "verantwoordelijke-bekend",
	"rechtsgrond", "noodzaak", "po-fg-betrokken",
	"risicos", "top-risicos", "niet-delen", "dpia-oordeel", "dpia-waarom-niet",
	"maatregelen", "hoog-restrisico", "restrisico-besluit", "gezamenlijke-dpia", "regeling-gezamenlijk", "fg-advies",
	"open-punten", "bevindingen", "aantal-bevindingen", "herbeoordeling",
	// what the Model DPIA Rijksdienst asks besides the deelmomenten
	"betrokkenen", "aantal-betrokkenen", "systemen", "verwerkers", "locaties", "bewaartermijnen", "rechten", "uitzonderingen", "bewaren", "org-bewaartermijnen", "org-doorgifte",
	// FG advice, vaststelling and the dossier's status (signoff.go)
	"verantwoordelijke", "aantal-verantwoordelijken", "rollen", "fg-overzicht", "fg-bevindingen", "fg-advies-tekst", "fg-advies-datum", "fg-gevolgd", "fg-waarom",
	"vaststelling-functie", "vaststelling-datum", "vaststelling-besluit", "vaststelling-toelichting",
	"dossier-status", "dossier-versie", "wijzigingen", "vaststelling-stand",
}

// WorkbookMeta is the title block for a document drawn from the workbook.
func WorkbookMeta(def *checklist.Definition, answers checklist.Answers, date string) Meta {
	return Meta{
		Dossier:   str(answers["werkproces"]),
		Checklist: def.Title + ", versie " + def.Version,
		Status:    "concept",
		Date:      date,
		DateText:  DutchDate(date),
	}
}

// deelmoment is one row of the workbook's deelmomenten with its row in
// rechtmatigheid (which follows it by position), labels resolved.
type deelmoment struct {
	nr                                  string
	stap, van, naar, gegevens, doel     string
	kanaal, bijzonder, betrokkenen      string
	grondslag, ontvanger, uitzondering  string
	wet, beroepsgeheim                  string
	noodzakelijk, evenredig, minst, uit string
}

// WorkbookValues turns the workbook's answers and findings into template
// values. Lists and tables are left empty when there is nothing in them, so
// the template's own text ("nog in te vullen: ...") shows instead.
func WorkbookValues(def *checklist.Definition, answers checklist.Answers, st *checklist.State) Values {
	v := Values{}
	text := func(id string) {
		it := def.Item(id)
		s := str(answers[id])
		if it != nil && s != "" && (it.Kind == checklist.KindYesNo || it.Kind == checklist.KindChoice) {
			s = it.Label(s)
		}
		if it != nil && it.Kind == checklist.KindDate {
			s = DutchDate(s)
		}
		v[id] = Value{Text: s}
	}
	for _, id := range []string{"werkproces", "begin-eind", "gezamenlijk", "verantwoordelijke-bekend", "po-fg-betrokken",
		"niet-delen", "dpia-oordeel", "dpia-waarom-niet", "hoog-restrisico", "restrisico-besluit",
		"gezamenlijke-dpia", "regeling-gezamenlijk", "fg-advies", "open-punten", "herbeoordeling",
		"aantal-betrokkenen", "rechten"} {
		text(id)
	}

	var steps []string
	for _, r := range rows(answers["processtappen"]) {
		s := str(r["stap"])
		if w := str(r["uitvoerder"]); w != "" {
			s += " (" + w + ")"
		}
		if s != "" {
			steps = append(steps, s)
		}
	}
	v["processtappen"] = list(NumberedList, steps)

	moments := workbookMoments(def, answers)
	v["aantal-deelmomenten"] = count(len(moments))
	var dm, gg, kan, doel, rg, nz [][]string
	var bijzonder, betrokkenen []string
	var uit [][]string
	for _, m := range moments {
		dm = append(dm, []string{m.nr, m.stap, m.van, m.naar, m.gegevens, m.doel})
		gg = append(gg, []string{m.nr, m.gegevens, m.bijzonder})
		kan = append(kan, []string{m.nr, m.van + " aan " + m.naar, m.kanaal})
		doel = append(doel, []string{m.nr, m.doel, m.naar})
		rg = append(rg, []string{m.nr, m.grondslag, m.ontvanger, m.wet, m.beroepsgeheim})
		nz = append(nz, []string{m.nr, m.noodzakelijk, m.evenredig, m.minst, m.uit})
		betrokkenen = appendNew(betrokkenen, m.betrokkenen)
		if m.bijzonder == "Ja" {
			bijzonder = append(bijzonder, "Deelmoment "+m.nr+" ("+m.stap+"): "+m.gegevens)
			// The exception of art. 9 or 10 AVG that allows sharing them.
			uit = append(uit, []string{m.nr, m.stap, m.gegevens, orDash(m.uitzondering)})
		}
	}
	v["deelmomenten"] = table([]string{"Nr.", "Processtap", "Van", "Naar", "Gegevens", "Doel"}, dm)
	v["gegevens"] = table([]string{"Nr.", "Gegevens", "Bijzonder of strafrechtelijk"}, gg)
	v["betrokkenen"] = list(BulletList, betrokkenen)
	v["kanalen"] = table([]string{"Nr.", "Van en naar", "Kanaal"}, kan)
	v["doelen"] = table([]string{"Nr.", "Doel", "Ontvanger"}, doel)
	v["rechtsgrond"] = table([]string{"Nr.", "Grondslag van wie geeft", "Grondslag van wie ontvangt", "Wet", "Beroepsgeheim"}, rg)
	systemValues(v, def, answers)
	v["bewaartermijnen"] = retention(def, answers, "")
	v["bewaren"] = list(BulletList, keeping(def, answers))
	v["noodzaak"] = table([]string{"Nr.", "Noodzakelijk", "In verhouding", "Minst ingrijpend", "Toelichting"}, nz)
	v["bijzondere-gegevens"] = list(BulletList, bijzonder)
	v["uitzonderingen"] = table([]string{"Nr.", "Processtap", "Gegevens", "Uitzondering (artikel 9 of 10 AVG)"}, uit)

	orgs := organisations(moments)
	kinds := organisationKinds(def, answers)
	v["aantal-organisaties"] = count(len(orgs))
	v["organisaties"] = list(BulletList, orgs)
	var partijen [][]string
	var each []Values
	for _, o := range orgs {
		var gives, gets []string
		var giveRows, getRows [][]string
		var data, aims, grounds, to, from []string
		special := "Nee"
		for _, m := range moments {
			if m.van != o && m.naar != o {
				continue
			}
			data = appendNew(data, m.gegevens)
			aims = appendNew(aims, m.doel)
			if m.bijzonder == "Ja" {
				special = "Ja"
			}
			if m.van == o {
				gives = append(gives, m.nr)
				giveRows = append(giveRows, []string{m.nr, m.naar, m.gegevens, m.doel, m.grondslag})
				to = appendNew(to, m.naar)
				g := m.grondslag
				if m.wet != "" {
					g += "; " + m.wet
				}
				grounds = append(grounds, "Deelmoment "+m.nr+": "+g)
			}
			if m.naar == o {
				gets = append(gets, m.nr)
				getRows = append(getRows, []string{m.nr, m.van, m.gegevens, m.doel, m.grondslag})
				from = appendNew(from, m.van)
			}
		}
		k := kinds[o]
		partijen = append(partijen, []string{o, orDash(k.soort), orDash(k.rol), orDash(joinWith(gives, ", ")), orDash(joinWith(gets, ", "))})
		head := []string{"Nr.", "Aan", "Gegevens", "Doel", "Grondslag"}
		headIn := []string{"Nr.", "Van", "Gegevens", "Doel", "Grondslag"}
		each = append(each, Values{
			"naam":             {Text: o},
			"verstrekt":        table(head, giveRows),
			"ontvangt":         table(headIn, getRows),
			"org-gegevens":     list(BulletList, data),
			"org-doelen":       list(BulletList, aims),
			"org-grondslagen":  list(BulletList, grounds),
			"org-bijzonder":    {Text: special},
			"org-ontvangers":   {Text: joinWith(to, ", ")},
			"org-verstrekkers": {Text: joinWith(from, ", ")},
			// the register's art. 30 lid 1 onder e and f, from the
			// rows that name this organisation
			"org-bewaartermijnen": retention(def, answers, o),
			"org-doorgifte":       transfers(def, answers, o),
		})
	}
	v["partijen"] = table([]string{"Organisatie", "Soort", "Rol", "Geeft gegevens bij deelmoment", "Ontvangt gegevens bij deelmoment"}, partijen)
	v["organisatie"] = Value{Each: each}

	risks := def.Item("risicos")
	// The scores after measures live in restrisicos, a group that follows
	// the risks row by row (decoding puts its rows in the risks' order).
	rest := def.Item("restrisicos")
	restRows := rows(answers["restrisicos"])
	var rk [][]string
	type scored struct {
		row    []string
		before int
	}
	var top []scored
	for n, r := range rows(answers["risicos"]) {
		var after checklist.Row
		if n < len(restRows) {
			after = restRows[n]
		}
		name := label(risks, "risico", r)
		if o := str(r["omschrijving"]); o != "" {
			if name != "" {
				name += ": "
			}
			name += o
		}
		k, i, rk2, ri := str(r["kans"]), str(r["impact"]), str(after["restkans"]), str(after["restimpact"])
		rk = append(rk, []string{name, orDash(refText(risks, "deelmoment", r, answers)), orDash(label(risks, "kans", r)), orDash(label(risks, "impact", r)), orDash(label(rest, "restkans", after)), orDash(label(rest, "restimpact", after))})
		top = append(top, scored{[]string{name, score(k, i), score(rk2, ri)}, digit(k) * digit(i)})
	}
	v["risicos"] = table([]string{"Risico", "Deelmoment", "Kans", "Gevolg", "Kans na maatregelen", "Gevolg na maatregelen"}, rk)
	// The three risks with the highest score before measures; a stable
	// insertion sort keeps the workbook's order between equal scores.
	for i := 1; i < len(top); i++ {
		for j := i; j > 0 && top[j].before > top[j-1].before; j-- {
			top[j], top[j-1] = top[j-1], top[j]
		}
	}
	var topRows [][]string
	for i := 0; i < len(top) && i < 3; i++ {
		topRows = append(topRows, top[i].row)
	}
	v["top-risicos"] = table([]string{"Risico", "Score voor maatregelen", "Score na maatregelen"}, topRows)

	ms := def.Item("maatregelen")
	var mr [][]string
	for _, r := range rows(answers["maatregelen"]) {
		name := label(ms, "maatregel", r)
		if o := str(r["omschrijving"]); o != "" {
			if name != "" {
				name += ": "
			}
			name += o
		}
		mr = append(mr, []string{name, orDash(refText(ms, "risico", r, answers)), orDash(label(ms, "eigenaar", r)), orDash(label(ms, "status", r)), orDash(DutchDate(str(r["klaar-op"])))})
	}
	v["maatregelen"] = table([]string{"Maatregel", "Tegen risico", "Eigenaar", "Status", "Klaar op"}, mr)

	open := openFindings(st)
	v["bevindingen"] = list(BulletList, open)
	v["aantal-bevindingen"] = count(len(open))
	return v
}

func workbookMoments(def *checklist.Definition, answers checklist.Answers) []deelmoment {
	dg, rg := def.Item("deelmomenten"), def.Item("rechtmatigheid")
	legal := rows(answers["rechtmatigheid"])
	var out []deelmoment
	for i, r := range rows(answers["deelmomenten"]) {
		var l checklist.Row
		if i < len(legal) {
			l = legal[i]
		}
		m := deelmoment{
			nr:        itoa(i + 1),
			stap:      refText(dg, "processtap", r, answers),
			van:       party(dg, r, "van", answers),
			naar:      party(dg, r, "naar", answers),
			gegevens:  str(r["gegevens"]),
			doel:      str(r["doel"]),
			kanaal:    orDash(label(dg, "kanaal", r)),
			bijzonder: orDash(label(dg, "bijzonder", r)),
			// categories of residents (a field of the shared group)
			betrokkenen: str(r["betrokkenen"]),
		}
		m.grondslag = orDash(label(rg, "grondslag", l))
		m.ontvanger = orDash(label(rg, "grondslag-ontvanger", l))
		m.uitzondering = str(l["uitzondering"])
		wet := label(rg, "sectorwet", l)
		if o := str(l["materiewet"]); o != "" {
			if wet != "" {
				wet += "; "
			}
			wet += o
		}
		m.wet = wet
		m.beroepsgeheim = orDash(label(rg, "beroepsgeheim", l))
		m.noodzakelijk = orDash(label(rg, "noodzakelijk", l))
		m.evenredig = orDash(label(rg, "proportioneel", l))
		m.minst = orDash(label(rg, "minst-ingrijpend", l))
		m.uit = orDash(str(l["toelichting"]))
		out = append(out, m)
	}
	return out
}

// systemValues fills the systems (§4), the verwerkers with the systems
// they run (§6) and where the data are kept (§8) from the group systemen.
func systemValues(v Values, def *checklist.Definition, answers checklist.Answers) {
	g := def.Item("systemen")
	if g == nil {
		return
	}
	var sys, loc [][]string
	var processors []string
	runs := map[string][]string{}
	for _, r := range rows(answers["systemen"]) {
		name := str(r["naam"])
		if name == "" {
			name = "-"
		}
		user := orgName(g, r, "organisatie", answers)
		proc := orgName(g, r, "verwerker", answers)
		sys = append(sys, []string{name, orDash(user), orDash(proc), orDash(label(g, "verwerkersovereenkomst", r))})
		loc = append(loc, []string{name, orDash(str(r["opslag"])), orDash(label(g, "buiten-eer", r)), orDash(str(r["doorgifte"]))})
		if proc != "" {
			processors = appendNew(processors, proc)
			runs[proc] = append(runs[proc], name)
		}
	}
	// Organisations with the role verwerker that run no system listed
	// still count as verwerkers.
	for _, r := range rows(answers["organisaties"]) {
		if str(r["rol"]) == "verwerker" && str(r["naam"]) != "" {
			processors = appendNew(processors, str(r["naam"]))
		}
	}
	var pr [][]string
	for _, p := range processors {
		pr = append(pr, []string{p, orDash(joinWith(runs[p], ", "))})
	}
	v["systemen"] = table([]string{"Systeem", "Organisatie", "Verwerker", "Verwerkersovereenkomst"}, sys)
	v["locaties"] = table([]string{"Systeem", "Waar de gegevens staan", "Buiten de EER", "Grond voor doorgifte"}, loc)
	v["verwerkers"] = table([]string{"Verwerker", "Systemen"}, pr)
}

// retention is the table of bewaartermijnen (§10): per data category who
// keeps it, how long and on what the term rests. With an organisation's
// name, only its own rows, without the organisation column.
func retention(def *checklist.Definition, answers checklist.Answers, org string) Value {
	g := def.Item("bewaartermijnen")
	if g == nil {
		return Value{}
	}
	var out [][]string
	for _, r := range rows(answers["bewaartermijnen"]) {
		who := orgName(g, r, "organisatie", answers)
		row := []string{orDash(str(r["gegevens"])), orDash(who), orDash(str(r["termijn"])), orDash(label(g, "grond", r)), orDash(str(r["bron"]))}
		if org != "" {
			if who != org {
				continue
			}
			row = append(row[:1], row[2:]...)
		}
		out = append(out, row)
	}
	if org != "" {
		return table([]string{"Gegevens", "Termijn", "Termijn uit", "Wet, regeling of afspraak"}, out)
	}
	return table([]string{"Gegevens", "Organisatie", "Termijn", "Termijn uit", "Wet, regeling of afspraak"}, out)
}

// keeping says the retention in plain words for residents: "Signaal over
// de huurachterstand (Woningcorporatie Thuis): 1 jaar na ...".
func keeping(def *checklist.Definition, answers checklist.Answers) []string {
	g := def.Item("bewaartermijnen")
	if g == nil {
		return nil
	}
	var out []string
	for _, r := range rows(answers["bewaartermijnen"]) {
		what, how := str(r["gegevens"]), str(r["termijn"])
		if what == "" || how == "" {
			continue
		}
		if who := orgName(g, r, "organisatie", answers); who != "" {
			what += " (" + who + ")"
		}
		out = append(out, what+": "+how)
	}
	return out
}

// transfers lists the systems an organisation works with, where their
// data are kept and whether they leave the EEA (art. 30 lid 1 onder e).
func transfers(def *checklist.Definition, answers checklist.Answers, org string) Value {
	g := def.Item("systemen")
	if g == nil {
		return Value{}
	}
	var out [][]string
	for _, r := range rows(answers["systemen"]) {
		if orgName(g, r, "organisatie", answers) != org {
			continue
		}
		out = append(out, []string{orDash(str(r["naam"])), orDash(str(r["opslag"])), orDash(label(g, "buiten-eer", r)), orDash(str(r["doorgifte"]))})
	}
	return table([]string{"Systeem", "Waar de gegevens staan", "Buiten de EER", "Grond voor doorgifte"}, out)
}

// orgName is the name of the organisation a ref field of a row points at,
// or "" when the field is empty.
func orgName(g *checklist.Item, r checklist.Row, field string, answers checklist.Answers) string {
	if str(r[field]) == "" {
		return ""
	}
	return party(g, r, field, answers)
}

// party names who gives or receives: the name of the organisation row the
// deelmoment points at ("Organisatie 2" when that row has no name yet,
// "verwijderde rij" when it is gone), else "onbekend".
func party(g *checklist.Item, r checklist.Row, field string, answers checklist.Answers) string {
	f := g.Field(field)
	id := str(r[field])
	if f == nil || id == "" {
		return "onbekend"
	}
	if t := f.Target; t != nil {
		for _, row := range rows(answers[t.ID]) {
			if str(row[checklist.RowIDKey]) == id && str(row[t.RowTitle]) != "" {
				return str(row[t.RowTitle])
			}
		}
	}
	return f.AnswerText(id, answers)
}

// organisations lists every party of the deelmomenten once, in order of
// first appearance.
// organisationKind is what the organisaties rows say of an organisation
// besides its name: its kind from the partner catalogue and its role.
type organisationKind struct{ soort, rol string }

// organisationKinds maps each organisation's name, as the deelmomenten
// name it, to its kind and role (labels), so the DPIA names both.
func organisationKinds(def *checklist.Definition, answers checklist.Answers) map[string]organisationKind {
	out := map[string]organisationKind{}
	g := def.Item("organisaties")
	for _, r := range rows(answers["organisaties"]) {
		if n := str(r["naam"]); n != "" {
			if _, seen := out[n]; !seen {
				out[n] = organisationKind{soort: label(g, "soort", r), rol: label(g, "rol", r)}
			}
		}
	}
	return out
}

func organisations(moments []deelmoment) []string {
	var out []string
	for _, m := range moments {
		for _, p := range []string{m.van, m.naar} {
			if p != "onbekend" {
				out = appendNew(out, p)
			}
		}
	}
	return out
}

func appendNew(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func rows(v any) []checklist.Row {
	r, _ := v.([]checklist.Row)
	return r
}

func str(v any) string {
	s, _ := v.(string)
	return trim(s)
}

// refText is a reference in a group row as the engine words it: the row it
// names ("Risico 2: …"), or text kept from an older file.
func refText(g *checklist.Item, field string, r checklist.Row, answers checklist.Answers) string {
	if f := g.Field(field); f != nil {
		return f.AnswerText(r[field], answers)
	}
	return str(r[field])
}

// label is the label of a choice or yes/no answer in a group row.
func label(g *checklist.Item, field string, r checklist.Row) string {
	s := str(r[field])
	if s == "" || g == nil {
		return ""
	}
	if f := g.Field(field); f != nil {
		return f.Label(s)
	}
	return s
}

func list(k Kind, items []string) Value {
	if len(items) == 0 {
		return Value{}
	}
	return Value{Text: joinWith(items, "; "), Blocks: []Block{{Kind: k, Items: items}}}
}

func table(header []string, rows [][]string) Value {
	if len(rows) == 0 {
		return Value{}
	}
	return Value{Blocks: []Block{{Kind: Table, Header: header, Rows: rows}}}
}

// count is a number as text; zero is no answer, so the template's own
// words ("nog geen") show.
func count(n int) Value {
	if n == 0 {
		return Value{}
	}
	return Value{Text: itoa(n)}
}

func digit(s string) int {
	if len(s) == 1 && s[0] >= '1' && s[0] <= '4' {
		return int(s[0] - '0')
	}
	return 0
}

func score(k, i string) string {
	if digit(k) == 0 || digit(i) == 0 {
		return "-"
	}
	return itoa(digit(k)*digit(i)) + " (kans " + k + ", gevolg " + i + ")"
}

var months = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// DutchDate writes 2026-11-30 as "30 november 2026"; anything else stays
// as it is.
func DutchDate(s string) string {
	if !validDate(s) {
		return s
	}
	m := (int(s[5]-'0')*10 + int(s[6]-'0'))
	if m < 1 || m > 12 {
		return s
	}
	day := s[8:]
	if day[0] == '0' {
		day = day[1:]
	}
	return day + " " + months[m-1] + " " + s[:4]
}

// WorkbookDocument renders a template from the workbook's answers (the
// JSON the page sends the engine) at the given date (YYYY-MM-DD).
func WorkbookDocument(def *checklist.Definition, templateSrc, answersJSON, date string) (*Document, error) {
	return WorkbookDocumentIn(def, templateSrc, answersJSON, date, nil)
}

// openFindings are the findings a document lists as still to do: the risks and
// points of attention of the evaluation (nil: none).
func openFindings(st *checklist.State) []string {
	if st == nil {
		return nil
	}
	var open []string
	for _, f := range st.Findings {
		if f.Severity == checklist.SeverityRisico || f.Severity == checklist.SeverityAandacht {
			open = append(open, f.Text)
		}
	}
	return open
}
