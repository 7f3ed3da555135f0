package document

import (
	"deelwijzer/checklist"
	"deelwijzer/dossier"
)

// A document may read the answers of more than one checklist of a dossier:
// the convenant needs the workbook's deelmomenten and grondslagen and the
// collaboration checklist's agreements. The page sends what it has: its own
// checklist's answers as they are on the screen, the definitions of the
// checklists the template reads, and the dossier's text when it works in a
// dossier. Everything happens here, in the browser; nothing is sent.

// Source is one checklist's definition with its answers.
type Source struct {
	Def     *checklist.Definition
	Answers checklist.Answers
	State   *checklist.State
}

// Sources are the checklists a document reads, in the template's order,
// with what the document must say about answers it could not get.
type Sources struct {
	Dossier string // the dossier's name, when the page works in one
	List    []*Source
	Notes   []string
}

// Names lists the placeholders a template that reads these checklists may
// use: the dossier's names and each checklist's own.
func Names(checklists []string) []string {
	names := append([]string(nil), DossierNames...)
	for _, id := range checklists {
		switch id {
		case "werkwijze":
			names = append(names, WorkbookNames...)
		case "samenwerking":
			names = append(names, CollaborationNames...)
		}
	}
	return names
}

// Get returns the source of a checklist, or nil.
func (s *Sources) Get(id string) *Source {
	for _, src := range s.List {
		if src.Def.ID == id {
			return src
		}
	}
	return nil
}

// Values merges the values of every source: each checklist fills its own
// names (werkboek.go, samenwerking.go), and the shared organisations come
// from the first source that includes them.
func (s *Sources) Values() Values {
	v := Values{}
	merge := func(from Values) {
		for k, x := range from {
			if _, ok := v[k]; !ok || v[k].empty() {
				v[k] = x
			}
		}
	}
	for _, src := range s.List {
		switch src.Def.ID {
		case "werkwijze":
			merge(WorkbookValues(src.Def, src.Answers, src.State))
		case "samenwerking":
			merge(CollaborationValues(src.Def, src.Answers, src.State))
		}
		merge(dossierValues(src.Def, src.Answers))
	}
	return v
}

// Meta is the title block: the dossier's name (or else the workbook's
// work process), and every checklist the document read with its version.
func (s *Sources) Meta(date string) Meta {
	name := s.Dossier
	var from []string
	for _, src := range s.List {
		if name == "" && src.Def.ID == "werkwijze" {
			name = str(src.Answers["werkproces"])
		}
		from = append(from, src.Def.Title+", versie "+src.Def.Version)
	}
	return Meta{Dossier: name, Checklist: joinWith(from, "; "), Status: "concept", Date: date, DateText: DutchDate(date)}
}

// Render fills the template from the sources. What the document could not
// read comes first, as notes, so no reader takes a gap for an answer.
func (s *Sources) Render(t *Template, date string) *Document {
	d := t.Render(s.Meta(date), s.Values())
	if len(s.Notes) > 0 {
		notes := make([]Block, 0, len(s.Notes)+len(d.Blocks))
		for _, n := range s.Notes {
			notes = append(notes, Block{Kind: Note, Text: n})
		}
		d.Blocks = append(notes, d.Blocks...)
	}
	return d
}

// MakeDocument renders a template from the page's request, a JSON object:
//
//	{"checklist": the page's checklist id,
//	 "answers":   its answers as the page sends the engine,
//	 "payloads":  {checklist id: {"definition": ..., "lists": ...}} for the
//	              page's checklist and every other checklist the template reads,
//	 "dossier":   the dossier's text (deelwijzer-dossier), when the page works in one}
//
// The other checklists' answers come from the dossier through the engine's
// import (so answers of an older version migrate), with the page's rows of
// the shared groups, which may be newer than the dossier's.
func MakeDocument(request, templateSrc, date string) (*Document, error) {
	t, err := ParseTemplate(templateSrc)
	if err != nil {
		return nil, err
	}
	tree, err := checklist.ParseJSON(request, checklist.MaxJSONDepth)
	req, _ := tree.(*checklist.Object)
	if err != nil || req == nil {
		return nil, docError("het verzoek van de pagina kon niet worden gelezen")
	}
	page, _ := req.Values["checklist"].(string)
	payloads, _ := req.Values["payloads"].(*checklist.Object)
	load := func(id string) (*checklist.Definition, error) {
		p, ok := payloads.Get(id)
		if payloads == nil || !ok {
			return nil, docError("de checklist " + id + " ontbreekt")
		}
		return checklist.LoadPayload(checklist.JSONText(p))
	}
	def, err := load(page)
	if err != nil {
		return nil, err
	}
	answers, err := checklist.ParseAnswersJSON(def, checklist.JSONText(req.Values["answers"]))
	if err != nil {
		return nil, err
	}
	dossierText, _ := req.Values["dossier"].(string)
	srcs := &Sources{}
	var d *dossier.Dossier
	if dossierText != "" {
		if d, err = dossier.Parse(dossierText); err != nil {
			return nil, err
		}
		srcs.Dossier = d.Name()
	}
	ids := t.Checklists
	if !contains(ids, page) {
		ids = append([]string{page}, ids...)
	}
	for _, id := range ids {
		if id == page {
			srcs.List = append(srcs.List, &Source{Def: def, Answers: answers})
			continue
		}
		other, err := load(id)
		if err != nil {
			return nil, err
		}
		srcs.List = append(srcs.List, srcs.fromDossier(d, other, def, answers))
	}
	for _, src := range srcs.List {
		src.State = checklist.Evaluate(src.Def, src.Answers)
	}
	return srcs.Render(t, date), nil
}

// fromDossier reads another checklist's answers from the dossier d (nil
// when the page works without one) and gives it the page's rows of every
// shared group both include.
func (s *Sources) fromDossier(d *dossier.Dossier, def, pageDef *checklist.Definition, pageAnswers checklist.Answers) *Source {
	src := &Source{Def: def, Answers: checklist.Answers{}}
	name := "“" + def.Title + "”"
	switch {
	case d == nil:
		s.Notes = append(s.Notes, "Dit document gebruikt ook de antwoorden van "+name+". Deze pagina werkt niet in een dossier, dus die antwoorden ontbreken. Open beide checklists in hetzelfde dossier en maak het document opnieuw.")
	case !contains(d.ChecklistIDs(), def.ID):
		s.Notes = append(s.Notes, "In dit dossier staan nog geen antwoorden van "+name+". Wat daar hoort, staat hieronder als nog in te vullen.")
	default:
		shared := map[string]string{}
		for _, it := range def.Items() {
			if it.Shared != "" {
				shared[it.ID] = it.Shared
			}
		}
		imp, err := checklist.Import(def, d.ChecklistFile(def.ID, def.Version, shared))
		if err != nil {
			s.Notes = append(s.Notes, "De antwoorden van "+name+" in dit dossier konden niet worden gelezen: "+err.Error()+" Ze ontbreken in dit document.")
			break
		}
		src.Answers = imp.Answers
		if n := len(imp.Dropped); n > 0 {
			s.Notes = append(s.Notes, "Niet alle antwoorden van "+name+" passen in de huidige versie van die checklist. Open die checklist om te zien welke, en maak het document daarna opnieuw.")
		}
	}
	for _, it := range def.Items() {
		if it.Shared == "" {
			continue
		}
		for _, p := range pageDef.Items() {
			if p.Shared == it.Shared {
				src.Answers[it.ID] = pageAnswers[p.ID]
			}
		}
	}
	// Decoding again lines up the groups that follow a shared group (a
	// partner's own answers follow its organisation by row id).
	src.Answers, _ = checklist.DecodeAnswers(def, checklist.EncodeAnswers(def, src.Answers))
	return src
}

type docError string

func (e docError) Error() string { return "Het document kon niet worden gemaakt: " + string(e) + "." }
