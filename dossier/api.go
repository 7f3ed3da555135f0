package dossier

import (
	"deelwijzer/checklist"
)

// Call is the page's way in (through wasm/main.go): op names the
// operation, args is a JSON object with its arguments, data the bytes of a
// chosen file (for "import"). The result is a dossier's or answer file's
// text, which always starts with {"schema", or a JSON object: {"error":
// Dutch message} or, for "import" and "summary", the fields named below.
// The page keeps the ids and the clock; this package has neither.
//
//	new        {id, name, now}                      → dossier text
//	rename     {dossier, name, now}                 → dossier text
//	archive    {dossier, archived, now}             → dossier text
//	duplicate  {dossier, id, name, now}             → dossier text
//	summary    {dossier}                            → {id, name, created, modified, archived, checklists}
//	import     {infos, existing, id, now} + data    → {dossier, from}
//	checklist  {dossier, checklist, version, shared} → answer file text
//	put        {dossier, file, shared, by, now}     → dossier text
//	drop       {dossier, checklist, now}            → dossier text
func Call(op, args, data string) string {
	tree, err := checklist.ParseJSON(args, checklist.MaxJSONDepth)
	a, ok := tree.(*checklist.Object)
	if err != nil || !ok {
		return checklist.ErrorJSON("Er ging iets mis met het dossier.")
	}
	str := func(key string) string {
		s, _ := a.Values[key].(string)
		return s
	}
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
	case "summary":
		ids := make([]any, 0)
		for _, id := range d.ChecklistIDs() {
			ids = append(ids, id)
		}
		return checklist.JSONText(checklist.NewObject().
			Set("id", d.ID()).Set("name", d.Name()).
			Set("created", d.Created()).Set("modified", d.Modified()).
			Set("archived", d.Archived()).Set("checklists", ids))
	case "checklist":
		return d.ChecklistFile(str("checklist"), str("version"), sharedMap(a.Values["shared"]))
	case "drop":
		d.Drop(str("checklist"), str("now"))
		return d.Text()
	case "put":
		return result(d, d.Put(str("file"), sharedMap(a.Values["shared"]), str("by"), str("now")))
	}
	return checklist.ErrorJSON("Er ging iets mis met het dossier.")
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
// "moved": [{"from", "to", "before", "as"}]}}, as the site build writes it.
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
		out[id] = info
	}
	return out
}
