package checklist

// The loader's second part: references. Once the structure is read (see
// load.go), every name an item or finding uses is resolved: a ref field's
// group, the questions a showIf looks at (only back, never in a circle) and
// the names in a finding's condition.

// checkRefs resolves ref and links every source group to the groups that
// follow it.
func (l *loader) checkRefs(def *Definition) {
	for _, it := range def.items {
		l.setOwner("vraag", it.ID, it.Path)
		l.checkRef(def, it, it.order)
		for _, f := range it.Fields {
			l.setOwner("veld", f.ID, f.Path)
			l.checkRef(def, f, it.order)
		}
	}
}

func (l *loader) checkRef(def *Definition, it *Item, order int) {
	if it.Kind != KindRef || it.Ref == "" {
		return
	}
	target := def.byID[it.Ref]
	if target == nil || target.Kind != KindGroup || target.order >= order || target.RowsFrom != "" {
		l.problem(it.Path+".ref", "'"+it.Ref+"' moet een groep zijn die eerder in de checklist staat en zelf geen rowsFrom heeft; een verwijzing kiest een rij uit zo'n groep")
		return
	}
	it.Target = target
	for _, t := range def.refTargets {
		if t == target {
			return
		}
	}
	def.refTargets = append(def.refTargets, target)
}

// checkShowIfs parses every showIf and enforces that it only looks back in
// the checklist. Looking back only makes visibility a single pass and rules
// out cycles; cycles still get their own message because that is what the
// author needs to hear. refs and parsed are indexed by the item's order: a
// map keyed by pointer would add its own map code to the WebAssembly module.
func (l *loader) checkShowIfs(def *Definition) {
	refs := make([][]string, len(def.items))
	parsed := make([]*node, len(def.items))
	for _, it := range def.items {
		if trimSpace(it.ShowIf) == "" {
			continue
		}
		l.setOwner("vraag", it.ID, it.Path)
		n, err := parseCondition(it.ShowIf)
		if err != nil {
			l.problem(it.Path+".showIf", err.Error())
			continue
		}
		parsed[it.order] = n
		refs[it.order] = n.names(nil)
	}
	for _, it := range def.items {
		n := parsed[it.order]
		if n == nil {
			continue
		}
		l.setOwner("vraag", it.ID, it.Path)
		path := it.Path + ".showIf"
		ok := true
		for _, name := range refs[it.order] {
			target := def.byID[name]
			switch {
			case name == it.ID:
				l.problem(path, "de voorwaarde verwijst naar de vraag zelf ("+name+"); een vraag kan niet van zijn eigen antwoord afhangen")
				ok = false
			case target == nil:
				// reported by the type check below
			case target.order > it.order:
				if cycle := cycleText(def, refs, target, it); cycle != "" {
					l.problem(path, "de voorwaarden vormen een kring: "+cycle+"; zo kan geen van deze vragen ooit zichtbaar worden")
				} else {
					l.problem(path, "verwijst naar '"+name+"', maar die vraag staat later in de checklist; een showIf mag alleen verwijzen naar vragen die eerder in de checklist staan")
				}
				ok = false
			}
		}
		if !ok {
			continue
		}
		scope := func(name string) (*Item, bool, string) {
			if target := def.byID[name]; target != nil {
				return target, false, ""
			}
			return nil, false, unknownNameMessage(def, name, nil)
		}
		if err := n.check(scope); err != nil {
			l.problem(path, err.Error())
			continue
		}
		it.showIf = n
	}
}

func cycleText(def *Definition, refs [][]string, from, to *Item) string {
	if !AuthorChecks {
		return ""
	}
	return findCycle(def, refs, from, to)
}

// findCycle reports "a → b → a" when from (transitively) refers back to to.
func findCycle(def *Definition, refs [][]string, from, to *Item) string {
	seen := make([]bool, len(def.items))
	var walk func(it *Item, trail []string) []string
	walk = func(it *Item, trail []string) []string {
		trail = append(trail, it.ID)
		if it == to {
			return trail
		}
		if seen[it.order] {
			return nil
		}
		seen[it.order] = true
		for _, name := range refs[it.order] {
			if next := def.byID[name]; next != nil {
				if found := walk(next, trail); found != nil {
					return found
				}
			}
		}
		return nil
	}
	trail := walk(from, []string{to.ID})
	if trail == nil {
		return ""
	}
	return joinStrings(trail, " → ")
}

func unknownNameMessage(def *Definition, name string, group *Item) string {
	msg := "'" + name + "' is geen bekende vraag"
	if !AuthorChecks {
		return msg
	}
	if group != nil {
		msg = "'" + name + "' is geen bekende vraag en geen veld van groep " + group.ID
	}
	for _, it := range def.items {
		if it.Field(name) != nil && it != group {
			return msg + "; het is een veld van groep " + it.ID + " (gebruik forEach: " + it.ID + " om velden per rij te gebruiken)"
		}
	}
	return msg
}

// checkFinding resolves a finding's forEach and the names in its condition
// and text.
func (l *loader) checkFinding(def *Definition, f *Finding) {
	l.setOwner("bevinding", f.ID, f.Path)
	if f.ForEach != "" {
		g := def.byID[f.ForEach]
		if g == nil || g.Kind != KindGroup {
			l.problem(f.Path+".forEach", "'"+f.ForEach+"' is geen vraag van soort group")
		} else {
			f.forEach = g
		}
	}
	if f.ForEach != "" && f.forEach == nil {
		return
	}
	scope := func(name string) (*Item, bool, string) {
		if f.forEach != nil {
			if field := f.forEach.Field(name); field != nil {
				return field, true, ""
			}
			// A group that follows another one also sees the fields of
			// the row it follows (evalEnv.cell reads from either row).
			if field := f.forEach.Source.Field(name); field != nil {
				return field, true, ""
			}
		}
		if it := def.byID[name]; it != nil {
			return it, false, ""
		}
		return nil, false, unknownNameMessage(def, name, f.forEach)
	}
	if f.When != "" {
		n, err := parseCondition(f.When)
		if err == nil {
			err = n.check(scope)
		}
		if err != nil {
			l.problem(f.Path+".when", err.Error())
		} else {
			f.when = n
		}
	}
	l.findingText(f, scope)
}
