package checklist

// The loader in three parts: this file reads the structure (sections,
// items, fields, options, findings, views) and the keys of each object;
// load_refs.go resolves the names items and findings refer to; and
// load_text.go parses the text templates of findings.

// Load builds a Definition from a generic tree (parsed JSON or YAML) and the
// named option lists that optionsFrom may refer to. On failure the error is
// a *LoadError listing every problem found, not only the first.
func Load(tree any, lists map[string][]Option) (*Definition, error) {
	l := &loader{lists: lists}
	def := l.definition(tree)
	if len(l.problems) > 0 {
		return nil, &LoadError{Problems: l.problems}
	}
	return def, nil
}

type loader struct {
	lists    map[string][]Option
	problems []Problem

	// owner of the values being read, for error locations
	ownerKind, owner, ownerPath string
}

func (l *loader) problem(path, message string) {
	l.problems = append(l.problems, Problem{
		Path: trimPrefix(path, "."), OwnerKind: l.ownerKind, Owner: l.owner, OwnerPath: l.ownerPath, Message: message,
	})
}

func (l *loader) setOwner(kind, id, path string) {
	l.ownerKind, l.owner, l.ownerPath = kind, id, path
}

// object reads an object and, with AuthorChecks, complains about keys it does
// not know, because a misspelt key (showif, requierd) would otherwise be
// ignored silently. known is one string of key names separated by spaces: a
// list of strings would be built at every call, also in the browser where the
// check is compiled out.
func (l *loader) object(v any, path string, known string) *Object {
	obj, ok := v.(*Object)
	if !ok {
		l.problem(path, "moet een lijst van eigenschappen (naam: waarde) zijn")
		return nil
	}
	for _, k := range obj.Keys {
		if !AuthorChecks {
			break
		}
		keys := splitByte(known, ' ')
		if !containsString(keys, k) {
			l.problem(path+"."+k, "onbekende eigenschap '"+k+"'; toegestaan zijn: "+joinStrings(keys, ", "))
		}
	}
	return obj
}

func (l *loader) str(obj *Object, key, path string, required bool) string {
	v, ok := obj.Get(key)
	if !ok || v == nil {
		if required {
			l.problem(path+"."+key, "ontbreekt; dit is verplicht")
		}
		return ""
	}
	s, isStr := v.(string)
	if !isStr {
		l.problem(path+"."+key, "moet tekst zijn")
		return ""
	}
	if required && trimSpace(s) == "" {
		l.problem(path+"."+key, "mag niet leeg zijn")
	}
	return s
}

func (l *loader) boolean(obj *Object, key, path string) bool {
	v, ok := obj.Get(key)
	if !ok || v == nil {
		return false
	}
	b, isBool := v.(bool)
	if !isBool {
		l.problem(path+"."+key, "moet true of false zijn")
	}
	return b
}

func (l *loader) integer(obj *Object, key, path string, fallback int) int {
	v, ok := obj.Get(key)
	if !ok || v == nil {
		return fallback
	}
	num, _ := v.(Number)
	n, whole := num.Int()
	if !whole || n < 0 || n > 10000 {
		l.problem(path+"."+key, "moet een heel getal van 0 of meer zijn")
		return fallback
	}
	return n
}

func (l *loader) list(obj *Object, key, path string) []any {
	v, ok := obj.Get(key)
	if !ok || v == nil {
		return nil
	}
	items, isList := v.([]any)
	if !isList {
		l.problem(path+"."+key, "moet een lijst zijn")
		return nil
	}
	return items
}

func (l *loader) strings(obj *Object, key, path string) []string {
	var out []string
	for i, v := range l.list(obj, key, path) {
		s, ok := v.(string)
		if !ok || s == "" {
			l.problem(path+"."+key+"["+itoa(i)+"]", "moet tekst zijn")
			continue
		}
		out = append(out, s)
	}
	return out
}

// links must be site paths so the Hugo build can check that they exist.
func (l *loader) links(obj *Object, key, path string) []string {
	links := l.strings(obj, key, path)
	for i, s := range links {
		if AuthorChecks && !isSitePath(s) {
			l.problem(path+"."+key+"["+itoa(i)+"]", "'"+s+"' is geen pad op de site; begin met / (bijvoorbeeld /samenwerking/stap-1/ of /begrippen/#dpia)")
		}
	}
	return links
}

func isSitePath(s string) bool {
	if !hasPrefix(s, "/") || hasPrefix(s, "//") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c >= 0x7f {
			return false
		}
	}
	return true
}

func (l *loader) definition(tree any) *Definition {
	l.setOwner("", "", "")
	root := l.object(tree, "", "id title version date description guidance sources sections findings views moved plan")
	if root == nil {
		return nil
	}
	def := &Definition{byID: map[string]*Item{}, roles: l.lists["rollen"]}
	def.ID = l.str(root, "id", "", true)
	if AuthorChecks && def.ID != "" && !isValidID(def.ID) {
		l.problem("id", "'"+def.ID+"' is geen geldige id; gebruik kleine letters, cijfers en streepjes")
	}
	def.Title = l.str(root, "title", "", true)
	def.Version = l.str(root, "version", "", true)
	if _, ok := parseSemver(def.Version); AuthorChecks && def.Version != "" && !ok {
		l.problem("version", "'"+def.Version+"' is geen versienummer in de vorm 1.0.0")
	}
	def.Date = l.str(root, "date", "", true)
	if AuthorChecks && def.Date != "" && !isValidDate(def.Date) {
		l.problem("date", "'"+def.Date+"' is geen geldige datum in de vorm jjjj-mm-dd")
	}
	def.Description = l.str(root, "description", "", true)
	def.Guidance = l.str(root, "guidance", "", false)
	if AuthorChecks && def.Guidance != "" && !isSitePath(def.Guidance) {
		l.problem("guidance", "'"+def.Guidance+"' is geen pad op de site; begin met /")
	}
	def.Sources = l.strings(root, "sources", "")

	sections := l.list(root, "sections", "")
	if len(sections) == 0 {
		l.problem("sections", "een checklist heeft minstens één stap nodig")
	}
	sectionIDs := map[string]string{}
	for i, sv := range sections {
		path := "sections[" + itoa(i) + "]"
		l.setOwner("", "", "")
		if s := l.section(def, sv, path, sectionIDs); s != nil {
			def.Sections = append(def.Sections, s)
		}
	}

	l.checkRowsFrom(def)
	l.moves(def, root)
	l.checkRefs(def)

	findingIDs := map[string]string{}
	for i, fv := range l.list(root, "findings", "") {
		path := "findings[" + itoa(i) + "]"
		l.setOwner("", "", "")
		if f := l.finding(def, fv, path, findingIDs); f != nil {
			def.Findings = append(def.Findings, f)
		}
	}

	l.checkShowIfs(def)
	if AuthorChecks {
		for _, it := range def.items {
			if it.OutcomeFrom != nil {
				l.setOwner("vraag", it.ID, it.Path)
				l.checkOutcomeFrom(it)
			}
		}
	}
	for _, f := range def.Findings {
		l.checkFinding(def, f)
	}
	for i, vv := range l.list(root, "views", "") {
		// The browser trusts cmd/defcheck here: a view is only read when
		// the report is written.
		spec, _ := vv.(*Object)
		v := &View{Kind: specString(spec, "kind"), Title: specString(spec, "title"), Spec: spec}
		if AuthorChecks {
			v.Path = "views[" + itoa(i) + "]"
			l.setOwner("overzicht", v.Kind, v.Path)
			l.checkView(def, v, vv)
		}
		def.Views = append(def.Views, v)
	}
	def.Plan, _ = root.Values["plan"].(*Object)
	if raw, ok := root.Get("plan"); ok && AuthorChecks {
		l.checkPlan(def, raw)
	}
	return def
}

func (l *loader) section(def *Definition, v any, path string, seen map[string]string) *Section {
	obj := l.object(v, path, "id title intro links items")
	if obj == nil {
		return nil
	}
	s := &Section{Path: path}
	s.ID = l.str(obj, "id", path, true)
	l.setOwner("stap", s.ID, path)
	if AuthorChecks && s.ID != "" {
		if !isValidID(s.ID) {
			l.problem(path+".id", "'"+s.ID+"' is geen geldige id; gebruik kleine letters, cijfers en streepjes")
		} else if other, dup := seen[s.ID]; dup {
			l.problem(path+".id", "id '"+s.ID+"' komt twee keer voor (ook bij "+other+")")
		}
		seen[s.ID] = path
	}
	s.Title = l.str(obj, "title", path, true)
	s.Intro = l.str(obj, "intro", path, false)
	s.Links = l.links(obj, "links", path)
	items := l.list(obj, "items", path)
	if len(items) == 0 {
		l.problem(path+".items", "een stap heeft minstens één vraag nodig")
	}
	for i, iv := range items {
		ipath := path + ".items[" + itoa(i) + "]"
		it := l.item(iv, ipath, false)
		if it == nil {
			continue
		}
		it.Section = s
		it.slot = len(def.items)
		if first := def.byID[it.ID]; first != nil {
			it.slot = first.slot
		}
		if it.ID != "" {
			if other, dup := def.byID[it.ID]; dup && AuthorChecks {
				l.problem(ipath+".id", "id '"+it.ID+"' komt twee keer voor (ook bij "+other.Path+"); een id moet uniek zijn in de hele checklist")
			} else if AuthorChecks && isReservedWord(it.ID) {
				l.problem(ipath+".id", "'"+it.ID+"' is een gereserveerd woord in voorwaarden; kies een andere id")
			} else {
				def.byID[it.ID] = it
			}
		}
		it.order = len(def.items)
		def.items = append(def.items, it)
		s.Items = append(s.Items, it)
	}
	return s
}

func isReservedWord(s string) bool {
	switch s {
	case "and", "or", "not", "true", "false", "answered", "includes", "count", "linked":
		return true
	}
	return false
}

func (l *loader) item(v any, path string, isField bool) *Item {
	known := "id kind question hint required showIf links options optionsFrom minRows maxRows rowLabel rowTitle rowsFrom fields shared ref multiple outcomeFrom"
	if isField {
		known = "id kind question hint required options optionsFrom ref multiple"
	}
	obj := l.object(v, path, known)
	if obj == nil {
		return nil
	}
	it := &Item{Path: path}
	it.ID = l.str(obj, "id", path, true)
	ownerKind := "vraag"
	if isField {
		ownerKind = "veld"
	}
	l.setOwner(ownerKind, it.ID, path)
	if AuthorChecks && it.ID != "" && !isValidID(it.ID) {
		l.problem(path+".id", "'"+it.ID+"' is geen geldige id; gebruik kleine letters, cijfers en streepjes")
	}
	it.Kind = Kind(l.str(obj, "kind", path, true))
	switch it.Kind {
	case KindYesNo, KindChoice, KindMulti, KindText, KindLongText, KindDate, KindRef:
	case KindGroup:
		if isField {
			l.problem(path+".kind", "een veld in een groep kan zelf geen groep zijn")
		}
	case "":
	default:
		l.problem(path+".kind", "onbekende soort '"+string(it.Kind)+"'; kies yesno, choice, multi, text, longtext, date, ref of group")
	}
	it.Question = l.str(obj, "question", path, true)
	it.Hint = l.str(obj, "hint", path, false)
	it.Required = l.boolean(obj, "required", path)
	if !isField {
		it.ShowIf = l.str(obj, "showIf", path, false)
		it.Links = l.links(obj, "links", path)
		it.OutcomeFrom, _ = obj.Values["outcomeFrom"].(*Object)
		if _, has := obj.Get("outcomeFrom"); AuthorChecks && has && it.OutcomeFrom == nil {
			l.problem(path+".outcomeFrom", "moet {checklist: ..., values: {...}} zijn")
		}
	}

	it.Ref = l.str(obj, "ref", path, it.Kind == KindRef)
	it.Multiple = l.boolean(obj, "multiple", path)
	if _, has := obj.Get("ref"); AuthorChecks && has && it.Kind != KindRef {
		l.problem(path+".ref", "alleen een vraag van soort ref heeft ref")
	}
	if _, has := obj.Get("multiple"); AuthorChecks && has && it.Kind != KindRef {
		l.problem(path+".multiple", "alleen een vraag van soort ref heeft multiple")
	}

	_, hasOptions := obj.Get("options")
	it.OptionsFrom = l.str(obj, "optionsFrom", path, false)
	switch {
	case it.Kind == KindChoice || it.Kind == KindMulti:
		if hasOptions && it.OptionsFrom != "" {
			l.problem(path+".optionsFrom", "gebruik options of optionsFrom, niet allebei")
		} else if !hasOptions && it.OptionsFrom == "" {
			l.problem(path+".options", "een keuzevraag heeft options of optionsFrom nodig")
		}
		if hasOptions {
			it.Options = l.options(obj, path)
		} else if it.OptionsFrom != "" {
			list, ok := l.lists[it.OptionsFrom]
			if !ok {
				msg := "er is geen lijst met de naam '" + it.OptionsFrom + "'"
				if AuthorChecks {
					msg += " (data/" + it.OptionsFrom + ".yaml)" + knownLists(l.lists)
				}
				l.problem(path+".optionsFrom", msg)
			}
			it.Options = list
		}
	case hasOptions || it.OptionsFrom != "":
		l.problem(path+".options", "alleen vragen van soort choice of multi hebben opties")
	}

	if it.Kind == KindGroup {
		it.MinRows = l.integer(obj, "minRows", path, 0)
		it.MaxRows = l.integer(obj, "maxRows", path, 50)
		it.RowLabel = l.str(obj, "rowLabel", path, false)
		it.RowTitle = l.str(obj, "rowTitle", path, false)
		it.RowsFrom = l.str(obj, "rowsFrom", path, false)
		it.Shared = l.str(obj, "shared", path, false)
		if _, hasMin := obj.Get("minRows"); AuthorChecks && it.RowsFrom != "" && hasMin {
			l.problem(path+".minRows", "deze groep heeft een rij voor elke rij van "+it.RowsFrom+" (rowsFrom); minRows en maxRows horen bij die groep")
		}
		if _, hasMax := obj.Get("maxRows"); AuthorChecks && it.RowsFrom != "" && hasMax {
			l.problem(path+".maxRows", "deze groep heeft een rij voor elke rij van "+it.RowsFrom+" (rowsFrom); minRows en maxRows horen bij die groep")
		}
		if it.MaxRows < 1 || it.MinRows > it.MaxRows {
			l.problem(path+".maxRows", "maxRows moet minstens 1 zijn en niet kleiner dan minRows")
		}
		fields := l.list(obj, "fields", path)
		if len(fields) == 0 {
			l.problem(path+".fields", "een groep heeft minstens één veld nodig")
		}
		seen := map[string]bool{}
		for i, fv := range fields {
			fpath := path + ".fields[" + itoa(i) + "]"
			f := l.item(fv, fpath, true)
			l.setOwner("vraag", it.ID, path)
			if f == nil {
				continue
			}
			f.Group = it
			if AuthorChecks && seen[f.ID] {
				l.problem(fpath+".id", "veld '"+f.ID+"' komt twee keer voor in deze groep")
			}
			seen[f.ID] = true
			if AuthorChecks && isReservedWord(f.ID) {
				l.problem(fpath+".id", "'"+f.ID+"' is een gereserveerd woord in voorwaarden; kies een andere id")
			}
			it.Fields = append(it.Fields, f)
		}
	} else if AuthorChecks {
		for _, key := range []string{"minRows", "maxRows", "rowLabel", "rowTitle", "rowsFrom", "fields", "shared"} {
			if _, ok := obj.Get(key); ok {
				l.problem(path+"."+key, "alleen een vraag van soort group heeft "+key)
			}
		}
	}
	return it
}

func knownLists(lists map[string][]Option) string {
	if len(lists) == 0 {
		return " (er zijn geen lijsten geladen)"
	}
	names := make([]string, 0, len(lists))
	for n := range lists {
		names = append(names, n)
	}
	for i := 1; i < len(names); i++ {
		for j := i; j > 0 && names[j] < names[j-1]; j-- {
			names[j], names[j-1] = names[j-1], names[j]
		}
	}
	return "; bekende lijsten: " + joinStrings(names, ", ")
}

func (l *loader) options(obj *Object, path string) []Option {
	raw := l.list(obj, "options", path)
	if len(raw) == 0 {
		l.problem(path+".options", "de lijst met opties is leeg")
	}
	var opts []Option
	seen := map[string]bool{}
	for i, ov := range raw {
		opath := path + ".options[" + itoa(i) + "]"
		// hint is for the page (a short explanation under the option); the
		// engine does not need it.
		o := l.object(ov, opath, "value label hint")
		if o == nil {
			continue
		}
		value := l.str(o, "value", opath, true)
		label := l.str(o, "label", opath, true)
		if value == "" {
			continue
		}
		if AuthorChecks && seen[value] {
			l.problem(opath+".value", "optie '"+value+"' komt twee keer voor")
		}
		seen[value] = true
		opts = append(opts, Option{Value: value, Label: label})
	}
	return opts
}

func (l *loader) finding(def *Definition, v any, path string, seen map[string]string) *Finding {
	obj := l.object(v, path, "id severity forEach when text link roles")
	if obj == nil {
		return nil
	}
	f := &Finding{Path: path}
	f.ID = l.str(obj, "id", path, true)
	l.setOwner("bevinding", f.ID, path)
	if AuthorChecks && f.ID != "" {
		if !isValidID(f.ID) {
			l.problem(path+".id", "'"+f.ID+"' is geen geldige id; gebruik kleine letters, cijfers en streepjes")
		} else if other, dup := seen[f.ID]; dup {
			l.problem(path+".id", "id '"+f.ID+"' komt twee keer voor (ook bij "+other+")")
		}
		seen[f.ID] = path
	}
	f.Severity = Severity(l.str(obj, "severity", path, true))
	switch f.Severity {
	case SeverityInfo, SeverityAandacht, SeverityRisico, SeverityUitkomst, "":
	default:
		l.problem(path+".severity", "onbekende ernst '"+string(f.Severity)+"'; kies info, aandacht, risico of uitkomst")
	}
	f.ForEach = l.str(obj, "forEach", path, false)
	f.When = l.str(obj, "when", path, true)
	f.Text = l.str(obj, "text", path, true)
	f.Link = l.str(obj, "link", path, false)
	if AuthorChecks && f.Link != "" && !isSitePath(f.Link) {
		l.problem(path+".link", "'"+f.Link+"' is geen pad op de site; begin met /")
	}
	f.Roles = l.strings(obj, "roles", path)
	if AuthorChecks {
		l.checkVerdict(f)
	}
	if AuthorChecks {
		l.checkRoles(f, path)
	}
	return f
}

// checkVerdict keeps verdicts recognisable as data: the page and the report
// put the word "Uitkomst" before a verdict themselves, so its text must not
// repeat it, and a text that does start with it is a verdict that should
// say so with severity uitkomst. A verdict holds for the whole checklist,
// not per row.
func (l *loader) checkVerdict(f *Finding) {
	lead := hasPrefixFold(f.Text, "uitkomst:")
	switch {
	case f.Severity == SeverityUitkomst && lead:
		l.problem(f.Path+".text", "begin de tekst van een uitkomst niet met 'Uitkomst:'; dat woord zet de pagina er zelf voor")
	case f.Severity != SeverityUitkomst && lead:
		l.problem(f.Path+".severity", "de tekst begint met 'Uitkomst:'; geef deze bevinding severity uitkomst en laat dat woord weg")
	case f.Severity == SeverityUitkomst && f.ForEach != "":
		l.problem(f.Path+".forEach", "een uitkomst geldt voor de hele checklist, niet per rij; laat forEach weg")
	}
}

// hasPrefixFold reports whether s starts with the ASCII-lower-case prefix,
// ignoring the case of s.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}
