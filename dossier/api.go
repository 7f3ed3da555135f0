package dossier

import (
	"deelwijzer/checklist"
)

// Call is the list of dossiers' way in (through wasm/documents/main.go): op
// names the operation, args is a JSON object with its arguments, data the
// bytes of a chosen file (for "import"). The result is a dossier's or answer
// file's text, which always starts with {"schema", or a JSON object:
// {"error": Dutch message} or, for "import", "summary", "organisaties" and
// "outcomes", the fields named below. The page keeps the ids and the clock;
// this package has neither. The operations a checklist page needs go
// through PageCall.
//
//	new        {id, name, now}                      → dossier text
//	rename     {dossier, name, now}                 → dossier text
//	archive    {dossier, archived, now}             → dossier text
//	duplicate  {dossier, id, name, now}             → dossier text
//	import     {infos, existing, id, now} + data    → {dossier, from}
//	status     {dossier, status, text, now}         → dossier text (a new version in the log)
//
// and the page operations:
//
//	summary    {dossier}                            → {id, name, created, modified, archived, checklists, signoff}
//	checklist  {dossier, checklist, version, shared} → answer file text
//	put        {dossier, file, shared, by, now}     → dossier text
//	           + {checklist, outcome}: also keeps (or, null, removes) the checklist's outcome
//	drop       {dossier, checklist, now}            → dossier text
//	organisaties {dossier}                          → {rows: [{id, label}]}
//	outcomes   {dossier, checklists}                → {<checklist id>: {id, text, title, at}}
//
// and for the task list of a dossier (/dossiers/taken/):
//
//	tasks      {dossier, infos}                     → {"<checklist id>": {state, reason, steps: [{id, status}]}}
func Call(op, args, data string) string {
	if isPageOp(op) {
		return PageCall(op, args, nil)
	}
	a, ok := parseArgs(args)
	if !ok {
		return checklist.ErrorJSON("Er ging iets mis met het dossier.")
	}
	str := func(key string) string { return argString(a, key) }
	if op == "new" {
		d, err := New(str("id"), str("name"), str("now"))
		return result(d, err)
	}
	if op == "import" {
		d, from, err := Import(data, infos(a.Values["infos"]), strings(a.Values["existing"]), str("id"), str("now"))
		if err != nil {
			return checklist.ErrorJSON(err.Error())
		}
		return checklist.JSONText(checklist.NewObject().Set("dossier", d.Text()).Set("from", from))
	}
	d, err := Parse(str("dossier"))
	if err != nil {
		return checklist.ErrorJSON(err.Error())
	}
	switch op {
	case "rename":
		return result(d, d.Rename(str("name"), str("now")))
	case "archive":
		archived, _ := a.Values["archived"].(bool)
		d.SetArchived(archived, str("now"))
		return d.Text()
	case "duplicate":
		return result(d.Duplicate(str("id"), str("name"), str("now")))
	case "status":
		return result(d, d.SetStatus(str("status"), str("text"), str("now")))
	case "tasks":
		return checklist.JSONText(d.Tasks(infos(a.Values["infos"])))
	}
	return checklist.ErrorJSON("Er ging iets mis met het dossier.")
}

// isPageOp says whether an operation is one a checklist page uses.
func isPageOp(op string) bool {
	switch op {
	case "summary", "checklist", "put", "drop", "organisaties", "outcomes":
		return true
	}
	return false
}

// PageCall is the part of Call a checklist page needs (through
// wasm/main.go): read its answers from the dossier, put them back, drop
// them, show the dossier's name and status, the organisations to fill in
// on behalf of, and the outcomes of the other checklists. The engine module
// carries only this part, so the operations of the list of dossiers (new,
// import, rename, ...) do not count against the engine's size budget; the
// list loads the document module instead. steps, when the page has a
// checklist loaded, computes the status of each step of an answer file
// being put, which the dossier keeps for its task list (see Tasks).
func PageCall(op, args string, steps StepsFunc) string {
	a, ok := parseArgs(args)
	if !ok || !isPageOp(op) {
		return checklist.ErrorJSON("Er ging iets mis met het dossier.")
	}
	str := func(key string) string { return argString(a, key) }
	d, err := Parse(str("dossier"))
	if err != nil {
		return checklist.ErrorJSON(err.Error())
	}
	switch op {
	case "summary":
		ids := make([]any, 0)
		for _, id := range d.ChecklistIDs() {
			ids = append(ids, id)
		}
		return checklist.JSONText(checklist.NewObject().
			Set("id", d.ID()).Set("name", d.Name()).
			Set("created", d.Created()).Set("modified", d.Modified()).
			Set("archived", d.Archived()).Set("checklists", ids).
			Set("signoff", d.signoffSummary(checklist.NewObject())))
	case "checklist":
		return d.ChecklistFile(str("checklist"), str("version"), sharedMap(a.Values["shared"]))
	case "drop":
		d.Drop(str("checklist"), str("now"))
		return d.Text()
	case "organisaties":
		return organisationsJSON(d)
	case "outcomes":
		return checklist.JSONText(d.Outcomes(strings(a.Values["checklists"])))
	}
	if err := d.Put(str("file"), sharedMap(a.Values["shared"]), str("by"), str("now")); err != nil {
		return checklist.ErrorJSON(err.Error())
	}
	if o, ok := a.Get("outcome"); ok {
		d.SetOutcome(str("checklist"), o, str("now"))
	}
	var list []checklist.SectionProgress
	if steps != nil {
		list = steps(str("file"))
	}
	d.recordSteps(str("file"), sharedMap(a.Values["shared"]), list)
	return d.Text()
}

func parseArgs(args string) (*checklist.Object, bool) {
	tree, err := checklist.ParseJSON(args, checklist.MaxJSONDepth)
	a, ok := tree.(*checklist.Object)
	return a, err == nil && ok
}

func argString(a *checklist.Object, key string) string {
	s, _ := a.Values[key].(string)
	return s
}

func result(d *Dossier, err error) string {
	if err != nil {
		return checklist.ErrorJSON(err.Error())
	}
	return d.Text()
}

func strings(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// sharedMap reads {"<item id>": "<group name>"}.
func sharedMap(v any) map[string]string {
	o, _ := v.(*checklist.Object)
	out := map[string]string{}
	if o == nil {
		return out
	}
	for _, k := range o.Keys {
		if s, ok := o.Values[k].(string); ok {
			out[k] = s
		}
	}
	return out
}

// infos reads {"<checklist id>": {"title", "version", "shared": {...},
// "moved": [{"from", "to", "before", "as"}], "steps": [{"id", "title"}]}},
// as the site build writes it.
func infos(v any) map[string]Info {
	o, _ := v.(*checklist.Object)
	out := map[string]Info{}
	if o == nil {
		return out
	}
	for _, id := range o.Keys {
		c, _ := o.Values[id].(*checklist.Object)
		if c == nil {
			continue
		}
		info := Info{Shared: sharedMap(c.Values["shared"])}
		info.Title, _ = c.Values["title"].(string)
		info.Version, _ = c.Values["version"].(string)
		moved, _ := c.Values["moved"].([]any)
		for _, mv := range moved {
			m, _ := mv.(*checklist.Object)
			if m == nil {
				continue
			}
			var move checklist.Move
			move.From, _ = m.Values["from"].(string)
			move.To, _ = m.Values["to"].(string)
			move.Before, _ = m.Values["before"].(string)
			move.As, _ = m.Values["as"].(string)
			info.Moved = append(info.Moved, move)
		}
		for _, sv := range list(c.Values["steps"]) {
			if st, _ := sv.(*checklist.Object); st != nil {
				if sid, _ := st.Values["id"].(string); sid != "" {
					info.Steps = append(info.Steps, sid)
				}
			}
		}
		out[id] = info
	}
	return out
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}
