package document

import "deelwijzer/checklist"

// A document may read the answers of more than one checklist of a dossier:
// the convenant needs the workbook's deelmomenten and grondslagen and the
// collaboration checklist's agreements. The page sends what it has: its own
// checklist's answers as they are on the screen, the definitions of the
// checklists the template reads, and when it works in a dossier the
// dossier's name and the answer file of each other checklist (which the
// engine's dossier store makes: dossier.ChecklistFile). Everything happens
// here, in the browser; nothing is sent.

// Source is one checklist's definition with its answers.
type Source struct {
	Def     *checklist.Definition
	Answers checklist.Answers
	State   *checklist.State
}

// Sources are the checklists a document reads, in the template's order,
// with what the document must say about answers it could not get.
type Sources struct {
	Dossier string       // the dossier's name, when the page works in one
	Info    *DossierInfo // its status, version and change log (nil outside a dossier)
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
			merge(SignoffValues(src.Def, src.Answers, src.State, s.Info))
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
	return withDossier(Meta{Dossier: name, Checklist: joinWith(from, "; "), Status: "concept", Date: date, DateText: DutchDate(date)}, s.Info)
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
//	 "dossier":   the dossier's name, when the page works in one,
//	 "dossierInfo": its status, version and change log as JSON text (see
//	              ParseDossierInfo), when the page works in one,
//	 "files":     {checklist id: answer file} of the other checklists, from that dossier}
//
// The other checklists' answers go through the engine's import (so answers
// of an older version migrate), with the page's rows of the shared groups,
// which may be newer than the dossier's.
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
	pageTree, _ := req.Values["answers"].(*checklist.Object)
	if pageTree == nil {
		pageTree = checklist.NewObject()
	}
	answers, err := checklist.ParseAnswersJSON(def, checklist.JSONText(pageTree))
	if err != nil {
		return nil, err
	}
	srcs := &Sources{}
	srcs.Dossier, _ = req.Values["dossier"].(string)
	infoText, _ := req.Values["dossierInfo"].(string)
	if srcs.Info, err = ParseDossierInfo(infoText); err != nil {
		return nil, err
	}
	files, _ := req.Values["files"].(*checklist.Object)
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
		var file string
		if files != nil {
			file, _ = files.Values[id].(string)
		}
		srcs.List = append(srcs.List, srcs.fromFile(file, other, def, pageTree))
	}
	for _, src := range srcs.List {
		src.State = checklist.Evaluate(src.Def, src.Answers)
	}
	return srcs.Render(t, date), nil
}

// fromFile reads another checklist's answers from its answer file in the
// dossier (empty when the page works without a dossier), after putting the
// page's rows in every shared group both checklists include: decoding then
// lines up the groups that follow them (a partner's own answers follow its
// organisation by row id).
func (s *Sources) fromFile(file string, def, pageDef *checklist.Definition, pageTree *checklist.Object) *Source {
	name := "“" + def.Title + "”"
	var root *checklist.Object
	if file == "" {
		s.Notes = append(s.Notes, "Dit document gebruikt ook de antwoorden van "+name+". Deze pagina werkt niet in een dossier, dus die antwoorden ontbreken. Open beide checklists in hetzelfde dossier en maak het document opnieuw.")
	} else if tree, err := checklist.ParseJSON(file, checklist.MaxJSONDepth); err == nil {
		root, _ = tree.(*checklist.Object)
	}
	if root == nil {
		root = checklist.NewObject().Set("schema", checklist.FileSchema).
			Set("schemaVersion", checklist.FileSchemaVersion).
			Set("checklist", def.ID).Set("definitionVersion", def.Version)
	}
	own, _ := root.Values["answers"].(*checklist.Object)
	if own == nil {
		own = checklist.NewObject()
		root.Set("answers", own)
	}
	empty := true
	for _, k := range own.Keys {
		if it := def.Item(k); it == nil || it.Shared == "" {
			empty = false
		}
	}
	if file != "" && empty {
		s.Notes = append(s.Notes, "In dit dossier staan nog geen antwoorden van "+name+". Wat daar hoort, staat hieronder als nog in te vullen.")
	}
	for _, it := range def.Items() {
		for _, p := range pageDef.Items() {
			if it.Shared != "" && p.Shared == it.Shared {
				if rows, ok := pageTree.Get(p.ID); ok {
					own.Set(it.ID, rows)
				} else {
					own.Delete(it.ID)
				}
			}
		}
	}
	src := &Source{Def: def, Answers: checklist.Answers{}}
	imp, err := checklist.Import(def, checklist.JSONText(root))
	switch {
	case err != nil:
		s.Notes = append(s.Notes, "De antwoorden van "+name+" in dit dossier konden niet worden gelezen: "+err.Error()+" Ze ontbreken in dit document.")
	case len(imp.Dropped) > 0:
		s.Notes = append(s.Notes, "Niet alle antwoorden van "+name+" passen in de huidige versie van die checklist. Open die checklist om te zien welke, en maak het document daarna opnieuw.")
		fallthrough
	default:
		src.Answers = imp.Answers
	}
	return src
}

type docError string

func (e docError) Error() string { return "Het document kon niet worden gemaakt: " + string(e) + "." }
