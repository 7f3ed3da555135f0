package dossier

import (
	"deelwijzer/checklist"
)

// Who gives the answers: a visitor says, per dossier, for which
// organisation of the dossier they fill it in ("Ik vul in namens: …"). The
// page keeps that choice on the device, next to the dossier (it is the
// visitor's, not the collaboration's, so it is not in the file), and passes
// the row's id as "by" to Put; every answer given from then on records it.

// OrganisationGroup is the shared group whose rows say who gave an answer.
const OrganisationGroup = "organisaties"

// Organisation is one row of the dossier's organisaties to choose from.
type Organisation struct {
	ID    string // the row's _id
	Label string // its name, or "Organisatie 2" while it has none
}

// Organisations lists the dossier's organisations. A row from an older
// file without an id gets the id the checklist pages give it when they read
// it ("organisaties-<n>", n its number, raised while taken), so a choice
// made before the rows were saved again still names the same row after.
func (d *Dossier) Organisations() []Organisation {
	rows := d.SharedRows(OrganisationGroup)
	// Ids the rows have are taken first, as the pages do; a second row with
	// the same id gets a new one.
	seen := map[string]bool{}
	ids := make([]string, len(rows))
	for i, rv := range rows {
		row, _ := rv.(*checklist.Object)
		if s, _ := row.Get(checklist.RowIDKey); s != nil {
			if id, _ := s.(string); ValidID(id) && !seen[id] {
				ids[i], seen[id] = id, true
			}
		}
	}
	out := make([]Organisation, 0, len(rows))
	for i, rv := range rows {
		row, _ := rv.(*checklist.Object)
		if row == nil {
			continue
		}
		for n := i + 1; ids[i] == ""; n++ {
			if id := OrganisationGroup + "-" + checklist.Itoa(n); !seen[id] {
				ids[i], seen[id] = id, true
			}
		}
		name, _ := row.Values["naam"].(string)
		if name = trim(name); name == "" {
			name = "Organisatie " + checklist.Itoa(i+1)
		}
		out = append(out, Organisation{ID: ids[i], Label: name})
	}
	return out
}

func organisationsJSON(d *Dossier) string {
	rows := make([]any, 0)
	for _, o := range d.Organisations() {
		rows = append(rows, checklist.NewObject().Set("id", o.ID).Set("label", o.Label))
	}
	return checklist.JSONText(checklist.NewObject().Set("rows", rows))
}
