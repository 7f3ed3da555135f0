package dossier

import "deelwijzer/checklist"

// A checklist's outcome (its verdict, such as the DPIA-toets's "DPIA
// verplicht") is kept with its answers, so another checklist of the dossier
// can read it without loading that checklist: the workbook shows the
// DPIA-toets's verdict by its own question whether a DPIA is needed (see
// checklist.Carry). The checklist's page works the verdict out and passes
// it with "put"; the dossier keeps it as
//
//	"checklists": {"dpia-toets": {..., "outcome": {"id": "dpia-verplicht", "text": "DPIA verplicht. ...",
//	                                               "title": "DPIA-toets: is een DPIA nodig?", "at": "2026-11-30T10:40:00.000Z"}}}
//
// at is when this verdict was first saved; a checklist without a verdict
// has no "outcome".

// maxOutcomeText bounds what a page can put in: a verdict is a few sentences.
const maxOutcomeText = 4000

// SetOutcome keeps (or, for v nil, removes) the outcome of a checklist that
// has answers in the dossier. v is {"id", "text", "title"} from the page.
func (d *Dossier) SetOutcome(id string, v any, now string) {
	c, _ := d.section("checklists").Values[id].(*checklist.Object)
	if c == nil {
		return
	}
	o, _ := v.(*checklist.Object)
	str := func(key string) string {
		s, _ := o.Get(key)
		text, _ := s.(string)
		if len(text) > maxOutcomeText {
			text = text[:maxOutcomeText]
		}
		return text
	}
	if str("id") == "" {
		c.Delete("outcome")
		return
	}
	old, _ := c.Values["outcome"].(*checklist.Object)
	if oldID, _ := old.Get("id"); old != nil && oldID == str("id") {
		if oldText, _ := old.Get("text"); oldText == str("text") {
			return // the same verdict keeps the time it was first saved
		}
	}
	c.Set("outcome", checklist.NewObject().Set("id", str("id")).Set("text", str("text")).Set("title", str("title")).Set("at", now))
}

// Outcomes returns {"<checklist id>": outcome} for those of ids that have one.
func (d *Dossier) Outcomes(ids []string) *checklist.Object {
	out := checklist.NewObject()
	for _, id := range ids {
		c, _ := d.section("checklists").Values[id].(*checklist.Object)
		if o, ok := c.Get("outcome"); ok {
			if obj, isObj := o.(*checklist.Object); isObj {
				out.Set(id, obj)
			}
		}
	}
	return out
}
