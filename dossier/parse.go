package dossier

import (
	"deelwijzer/checklist"
)

// read turns the bytes of a file into a JSON object, with the same care for
// encodings and sizes as an answer file.
func read(text string) (*checklist.Object, error) {
	if len(text) > MaxSize {
		return nil, fail("Het bestand is te groot (meer dan " + checklist.Itoa(MaxSize>>20) + " MB). Een dossier van Deelwijzer is veel kleiner; kies het juiste bestand.")
	}
	text, ok := checklist.FileText(text)
	if !ok {
		return nil, fail("Het bestand is niet als UTF-8 opgeslagen. Letters als é en ö zouden dan verkeerd worden gelezen. Open het bestand in een teksteditor, sla het op als UTF-8 en kies het opnieuw.")
	}
	if checklist.IsBlank(text) {
		return nil, fail("Het bestand is leeg.")
	}
	tree, err := checklist.ParseJSON(text, checklist.MaxJSONDepth)
	if err != nil {
		return nil, fail(err.Error())
	}
	root, ok := tree.(*checklist.Object)
	if !ok {
		return nil, fail("Dit is geen dossier en geen antwoordbestand van Deelwijzer.")
	}
	return root, nil
}

// schemaVersion checks the version number of a file.
func schemaVersion(root *checklist.Object, max int, what string) error {
	number, _ := root.Values["schemaVersion"].(checklist.Number)
	v, ok := number.Int()
	if !ok || v < 1 {
		return fail("Het " + what + " heeft geen geldig versienummer.")
	}
	if v > max {
		return fail("Dit " + what + " is gemaakt met een nieuwere versie van Deelwijzer (bestandsversie " + checklist.Itoa(v) + "). Deze versie kan het niet lezen. Laad de pagina opnieuw om de nieuwste versie te krijgen.")
	}
	return nil
}

// Parse reads the text of a dossier file and checks its shape. It never
// panics (FuzzParse) and refuses a file rather than take half of it.
func Parse(text string) (*Dossier, error) {
	root, err := read(text)
	if err != nil {
		return nil, err
	}
	return fromTree(root)
}

func fromTree(root *checklist.Object) (*Dossier, error) {
	if s, _ := root.Values["schema"].(string); s != Schema {
		return nil, fail("Dit is geen dossier van Deelwijzer.")
	}
	if err := schemaVersion(root, SchemaVersion, "dossier"); err != nil {
		return nil, err
	}
	// Version 1 is the only one; an older version would be converted here,
	// step by step, before the checks below.
	broken := func(what string) error {
		return fail("Het dossier is beschadigd of aangepast: " + what + ".")
	}
	meta, ok := root.Values["dossier"].(*checklist.Object)
	if !ok {
		return nil, broken("de naam en de code ontbreken")
	}
	if id, _ := meta.Values["id"].(string); !ValidID(id) {
		return nil, broken("de code van het dossier is ongeldig")
	}
	name, _ := meta.Values["name"].(string)
	if clean, err := cleanName(name); err != nil || clean != name {
		return nil, broken("de naam van het dossier is ongeldig")
	}
	for _, k := range []string{"created", "modified"} {
		if s, ok := meta.Values[k].(string); !ok || len(s) > 40 {
			return nil, broken("de datum " + k + " is ongeldig")
		}
	}
	if v, present := meta.Get("archived"); present {
		if _, ok := v.(bool); !ok {
			return nil, broken("'archived' is geen ja of nee")
		}
	} else {
		meta.Set("archived", false)
	}
	if problem := checkSignoff(meta); problem != "" {
		return nil, broken(problem)
	}
	shared, err := objectOrNew(root, "shared")
	if err != nil {
		return nil, broken("'shared' heeft niet de verwachte vorm")
	}
	for _, name := range shared.Keys {
		g, ok := shared.Values[name].(*checklist.Object)
		if !ok || !validKey(name) {
			return nil, broken("gedeelde groep '" + name + "' heeft niet de verwachte vorm")
		}
		rows, present := g.Get("rows")
		list, isList := rows.([]any)
		if present && !isList {
			return nil, broken("de rijen van '" + name + "' hebben niet de verwachte vorm")
		}
		for _, r := range list {
			if _, ok := r.(*checklist.Object); !ok {
				return nil, broken("een rij van '" + name + "' heeft niet de verwachte vorm")
			}
		}
		if !present {
			g.Set("rows", []any{})
		}
		if err := checkGiven(g); err != nil {
			return nil, broken("bij '" + name + "' staat niet goed wie wat gaf")
		}
	}
	lists, err := objectOrNew(root, "checklists")
	if err != nil {
		return nil, broken("'checklists' heeft niet de verwachte vorm")
	}
	for _, id := range lists.Keys {
		c, ok := lists.Values[id].(*checklist.Object)
		if !ok || !validKey(id) {
			return nil, broken("checklist '" + id + "' heeft niet de verwachte vorm")
		}
		if _, ok := c.Values["definitionVersion"].(string); !ok {
			return nil, broken("bij checklist '" + id + "' staat geen versie")
		}
		answers, present := c.Get("answers")
		if _, ok := answers.(*checklist.Object); !ok {
			if present {
				return nil, broken("de antwoorden van '" + id + "' hebben niet de verwachte vorm")
			}
			c.Set("answers", checklist.NewObject())
		}
		if err := checkGiven(c); err != nil {
			return nil, broken("bij '" + id + "' staat niet goed wie wat gaf")
		}
	}
	return &Dossier{root: root}, nil
}

// validKey: checklist and group ids are [a-z0-9-] of at most 64
// characters, as in definitions.
func validKey(s string) bool {
	if len(s) > 64 {
		return false
	}
	if len(s) <= 40 {
		return ValidID(s)
	}
	return ValidID(s[:40]) && ValidID(s[40:])
}

func objectOrNew(root *checklist.Object, key string) (*checklist.Object, error) {
	v, present := root.Get(key)
	if !present {
		o := checklist.NewObject()
		root.Set(key, o)
		return o, nil
	}
	o, ok := v.(*checklist.Object)
	if !ok {
		return nil, fail("")
	}
	return o, nil
}

// checkGiven checks (and adds when missing) the "given" of a group or
// checklist: place → {"by": organisation row id, "at": time}.
func checkGiven(owner *checklist.Object) error {
	v, present := owner.Get("given")
	if !present {
		owner.Set("given", checklist.NewObject())
		return nil
	}
	given, ok := v.(*checklist.Object)
	if !ok {
		return fail("")
	}
	for _, k := range given.Keys {
		g, ok := given.Values[k].(*checklist.Object)
		if !ok {
			return fail("")
		}
		by, okBy := g.Values["by"].(string)
		at, okAt := g.Values["at"].(string)
		if !okBy || !okAt || len(by) > 40 || len(at) > 40 {
			return fail("")
		}
	}
	return nil
}
