package dossier

import (
	"deelwijzer/checklist"
)

// Info is what the dossier needs to know of a checklist without loading
// it: its title and version, which of its items are shared groups (item id
// → group name in data/dossier.yaml) and the answers that moved in newer
// versions. The site build writes it for every checklist.
type Info struct {
	Title   string
	Version string
	Shared  map[string]string
	Moved   []checklist.Move
	Steps   []string // the ids of its steps, in order
}

// ChecklistFile is the answer file (schema deelwijzer-antwoorden) for one
// checklist of the dossier: its own answers with the dossier's shared rows
// under the checklist's item ids. The page opens it with the engine's
// import, as it opens any file, so an answer from an older version of the
// checklist is migrated or named, never dropped silently. version is the
// checklist's current version, used when the dossier has no answers for it
// yet.
func (d *Dossier) ChecklistFile(id, version string, shared map[string]string) string {
	answers := checklist.NewObject()
	if c, ok := d.section("checklists").Values[id].(*checklist.Object); ok {
		if v, _ := c.Values["definitionVersion"].(string); v != "" {
			version = v
		}
		own, _ := c.Values["answers"].(*checklist.Object)
		for _, k := range own.Keys {
			answers.Set(k, own.Values[k])
		}
	}
	for _, item := range sortedKeys(shared) {
		if rows := d.SharedRows(shared[item]); len(rows) > 0 {
			answers.Set(item, rows)
		}
	}
	file := checklist.NewObject().
		Set("schema", checklist.FileSchema).
		Set("schemaVersion", checklist.FileSchemaVersion).
		Set("checklist", id).
		Set("definitionVersion", version).
		Set("exported", d.Modified()).
		Set("answers", answers)
	return string(checklist.AppendJSON(nil, file)) + "\n"
}

// Drop removes one checklist's own answers ("Wis alles" on its page); the
// shared rows stay, because the other checklists of the dossier use them.
func (d *Dossier) Drop(id, now string) {
	if _, ok := d.section("checklists").Get(id); ok {
		d.section("checklists").Delete(id)
		d.meta().Set("modified", now)
		d.markChanged(now)
	}
}

// answerFile reads the envelope of an answer file.
type answerFile struct {
	checklist string
	version   string
	exported  string
	answers   *checklist.Object
}

func readAnswerFile(root *checklist.Object) (*answerFile, error) {
	if s, _ := root.Values["schema"].(string); s != checklist.FileSchema {
		return nil, fail("Dit is geen dossier en geen antwoordbestand van Deelwijzer.")
	}
	if err := schemaVersion(root, checklist.FileSchemaVersion, "antwoordbestand"); err != nil {
		return nil, err
	}
	f := &answerFile{}
	f.checklist, _ = root.Values["checklist"].(string)
	if !validKey(f.checklist) {
		return nil, fail("Het antwoordbestand zegt niet bij welke checklist het hoort.")
	}
	f.version, _ = root.Values["definitionVersion"].(string)
	f.exported, _ = root.Values["exported"].(string)
	if len(f.exported) > 40 {
		f.exported = ""
	}
	var ok bool
	if f.answers, ok = root.Values["answers"].(*checklist.Object); !ok {
		return nil, fail("In het antwoordbestand staan geen antwoorden in de verwachte vorm.")
	}
	return f, nil
}

// Put stores what a checklist page has on screen, as the engine exported it
// (an answer file of the checklist's current version): the rows of its
// shared groups become the dossier's rows, the rest the checklist's own
// answers. Every answer that is new or changed is marked as given by by at
// now; an unchanged answer keeps who gave it and when.
func (d *Dossier) Put(fileText string, shared map[string]string, by, now string) error {
	root, err := read(fileText)
	if err != nil {
		return err
	}
	f, err := readAnswerFile(root)
	if err != nil {
		return err
	}
	d.put(f, shared, func(string) string { return by }, now)
	return nil
}

// put moves the shared groups of f into the dossier and keeps the rest as
// the checklist's answers, with "given" brought up to date.
func (d *Dossier) put(f *answerFile, shared map[string]string, by func(string) string, at string) {
	groups := d.section("shared")
	changed := false
	for _, item := range sortedKeys(shared) {
		name := shared[item]
		v, present := f.answers.Get(item)
		rows, _ := v.([]any)
		if present && (rows == nil || len(rows) > 0 && !isRows(rows)) {
			// Not rows (a damaged or edited file): it stays with the
			// checklist's answers, where the checklist's import names it
			// as not fitting, rather than be lost or break the dossier.
			continue
		}
		if rows == nil {
			rows = []any{}
		}
		f.answers.Delete(item)
		g, _ := groups.Values[name].(*checklist.Object)
		if g == nil {
			g = checklist.NewObject().Set("rows", []any{}).Set("given", checklist.NewObject())
			groups.Set(name, g)
		}
		old, _ := g.Values["rows"].([]any)
		oldGiven, _ := g.Values["given"].(*checklist.Object)
		before, now := rowPlaces("", old), rowPlaces("", rows)
		if !signoffGroup(name) && !samePlaces(before, now) {
			changed = true
		}
		g.Set("rows", rows).Set("given", given(before, now, oldGiven, by, at))
	}
	lists := d.section("checklists")
	c, _ := lists.Values[f.checklist].(*checklist.Object)
	var oldAnswers, oldGiven *checklist.Object
	if c != nil {
		oldAnswers, _ = c.Values["answers"].(*checklist.Object)
		oldGiven, _ = c.Values["given"].(*checklist.Object)
	} else {
		c = checklist.NewObject()
		lists.Set(f.checklist, c)
	}
	before, now := answerPlaces(oldAnswers), answerPlaces(f.answers)
	c.Set("definitionVersion", f.version).
		Set("answers", f.answers).
		Set("given", given(before, now, oldGiven, by, at))
	d.meta().Set("modified", at)
	if changed || !samePlaces(before, now) {
		d.markChanged(at)
	}
}

// samePlaces: the same answers at the same places.
func samePlaces(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// given returns who gave each answer of now and when: unchanged answers
// keep their entry, new and changed ones get by and at. by is asked per
// place, so an import can say for each answer where it came from.
func given(before, now map[string]string, old *checklist.Object, by func(string) string, at string) *checklist.Object {
	out := checklist.NewObject()
	for _, place := range sortedKeys(now) {
		if prev, ok := old.Get(place); ok && before[place] == now[place] {
			out.Set(place, prev)
			continue
		}
		out.Set(place, checklist.NewObject().Set("by", by(place)).Set("at", at))
	}
	return out
}

// answerPlaces flattens answers to place → the answer's JSON text: an item
// id, or "<group>.<row>.<field>" for a row field.
func answerPlaces(answers *checklist.Object) map[string]string {
	out := map[string]string{}
	if answers == nil {
		return out
	}
	for _, k := range answers.Keys {
		v := answers.Values[k]
		if rows, ok := v.([]any); ok && isRows(rows) {
			for place, text := range rowPlaces(k+".", rows) {
				out[place] = text
			}
			continue
		}
		out[k] = checklist.JSONText(v)
	}
	return out
}

// isRows: a group's answer is a list of objects; a multi's a list of texts.
func isRows(list []any) bool {
	for _, v := range list {
		if _, ok := v.(*checklist.Object); !ok {
			return false
		}
	}
	return len(list) > 0
}

// rowPlaces flattens rows: "<prefix><row>.<field>", where <row> is the
// row's _id, or #<index> for a row without one. The _id itself is no
// answer.
func rowPlaces(prefix string, rows []any) map[string]string {
	out := map[string]string{}
	for i, rv := range rows {
		row, _ := rv.(*checklist.Object)
		if row == nil {
			continue
		}
		key, _ := row.Values["_id"].(string)
		if key == "" {
			key = "#" + checklist.Itoa(i)
		}
		for _, f := range row.Keys {
			if f == "_id" {
				continue
			}
			out[prefix+key+"."+f] = checklist.JSONText(row.Values[f])
		}
	}
	return out
}

// FromAnswerFile makes a new dossier from the answer file of one checklist,
// so a file saved before dossiers existed opens with nothing lost: the
// checklist's "moved" rules are applied for an older version, the answers
// to its shared groups become the dossier's rows, and every answer counts as
// given when the file was saved.
func FromAnswerFile(root *checklist.Object, infos map[string]Info, id, now string) (*Dossier, string, error) {
	f, err := readAnswerFile(root)
	if err != nil {
		return nil, "", err
	}
	info, known := infos[f.checklist]
	if !known {
		return nil, "", fail("Dit antwoordbestand hoort bij een checklist die Deelwijzer niet kent (" + f.checklist + ").")
	}
	name := info.Title + " (uit een bestand)"
	d, err := New(id, name, now)
	if err != nil {
		return nil, "", err
	}
	checklist.ApplyMoves(info.Moved, f.version, f.answers)
	at := f.exported
	if at == "" {
		at = now
	}
	d.put(f, info.Shared, func(string) string { return "" }, at)
	d.meta().Set("created", now).Set("modified", now)
	return d, f.checklist, nil
}

// Import reads a chosen file: a dossier, or the answer file of one
// checklist (which becomes a new dossier). A dossier whose id is already in
// use in this browser gets id instead, so importing never overwrites a
// dossier. from is "dossier", or the id of the checklist of an answer file.
func Import(text string, infos map[string]Info, existing []string, id, now string) (*Dossier, string, error) {
	root, err := read(text)
	if err != nil {
		return nil, "", err
	}
	if s, _ := root.Values["schema"].(string); s == checklist.FileSchema {
		return FromAnswerFile(root, infos, id, now)
	}
	d, err := fromTree(root)
	if err != nil {
		return nil, "", err
	}
	for _, e := range existing {
		if e == d.ID() {
			if err := d.withID(id); err != nil {
				return nil, "", err
			}
			break
		}
	}
	return d, "dossier", nil
}

// sortedKeys gives a map's keys in order, so files come out the same
// every time. Insertion sort: a handful of keys, and slices.Sort would cost
// the WebAssembly module several kilobytes.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}
