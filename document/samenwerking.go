package document

import "deelwijzer/checklist"

// This file is the one place where the answers of the collaboration
// checklist ("samenwerking", data/checklists/samenwerking.yaml) and the
// dossier's shared groups become template values, like werkboek.go for the
// workbook. A test checks that no name here is also a workbook name, so a
// document that reads both checklists never mixes them up.

// CollaborationNames lists the placeholders the collaboration checklist
// fills.
var CollaborationNames = []string{
	"doel", "noodzaak-delen", "doel-samen-vastgelegd", "minst-ingrijpend-afweging", "succes",
	"looptijd", "evaluatiedatum", "plan-evaluatie", "evaluatie-onderwerpen", "verantwoording-methode",
	"bestaande-welke", "toezichthouders-welke", "verordening", "draagvlak-bestuur", "leiding", "capaciteit", "kernteam",
	"rollen-aanwezig", "rollen-ontbrekend", "rollen-verdeling", "integraal-team",
	"partners", "partner-grondslagen",
	"beroepsgeheim-partners", "beroepsgeheim-afspraken", "bijzondere-uitzondering", "bsn-wet",
	"verantwoordelijkheid", "register", "informatie-inwoners", "fg-advies-partners",
	"verzoeken-door", "datalek-melder", "datalek-termijn", "informeren-door", "contactpunt",
	"beveiliging", "bewaartermijn",
	"documenten-status", "bevindingen-samenwerking", "aantal-bevindingen-samenwerking",
}

// DossierNames lists the placeholders that come from the dossier's shared
// groups, whichever checklist holds them: the organisations with their role.
var DossierNames = []string{
	"partijen-rol", "aantal-partijen", "gezamenlijk-verantwoordelijken",
	"partij", "partij-naam", "partij-soort", "partij-rol",
}

// collaborationAnswers maps a placeholder to the item whose answer it is,
// where the two differ (an item id the workbook also uses).
var collaborationAnswers = [][2]string{
	{"doel", "doel"}, {"noodzaak-delen", "noodzaak"}, {"doel-samen-vastgelegd", "doel-samen-vastgelegd"},
	{"minst-ingrijpend-afweging", "minst-ingrijpend-afweging"}, {"succes", "succes"},
	{"looptijd", "looptijd"}, {"evaluatiedatum", "evaluatiedatum"}, {"plan-evaluatie", "plan-evaluatie"},
	{"evaluatie-onderwerpen", "evaluatie-onderwerpen"}, {"verantwoording-methode", "verantwoording-methode"},
	{"bestaande-welke", "bestaande-welke"}, {"toezichthouders-welke", "toezichthouders-welke"},
	{"verordening", "verordening"}, {"draagvlak-bestuur", "draagvlak-bestuur"}, {"leiding", "leiding"},
	{"capaciteit", "capaciteit"}, {"kernteam", "kernteam"}, {"rollen-verdeling", "rollen-verdeling"},
	{"integraal-team", "integraal-team"},
	{"beroepsgeheim-partners", "beroepsgeheim-partners"}, {"beroepsgeheim-afspraken", "beroepsgeheim-afspraken"},
	{"bijzondere-uitzondering", "bijzondere-uitzondering"}, {"bsn-wet", "bsn-wet"},
	{"verantwoordelijkheid", "verantwoordelijkheid"}, {"register", "register"},
	{"informatie-inwoners", "informatie-inwoners"}, {"fg-advies-partners", "fg-advies"},
	{"verzoeken-door", "verzoeken-door"}, {"datalek-melder", "datalek-melder"}, {"datalek-termijn", "datalek-termijn"},
	{"informeren-door", "informeren-door"}, {"contactpunt", "contactpunt"},
	{"beveiliging", "beveiliging"}, {"bewaartermijn", "bewaartermijn"},
}

// CollaborationValues turns the collaboration checklist's answers and
// findings into template values. As in the workbook, an empty list or
// table is no value, so the template's own words show.
func CollaborationValues(def *checklist.Definition, answers checklist.Answers, st *checklist.State) Values {
	v := Values{}
	for _, p := range collaborationAnswers {
		it := def.Item(p[1])
		if it == nil || st != nil && !st.IsVisible(p[1]) {
			// A hidden follow-up question (such as the professional secret's
			// partners after "no") says nothing in a document.
			continue
		}
		v[p[0]] = Value{Text: answerText(it, answers[p[1]], answers)}
	}
	if it := def.Item("evaluatie-onderwerpen"); it != nil && (st == nil || st.IsVisible(it.ID)) {
		var labels []string
		for _, s := range strs(answers[it.ID]) {
			labels = append(labels, it.Label(s))
		}
		v["evaluatie-onderwerpen"] = list(BulletList, labels)
	}

	if it := def.Item("rollen"); it != nil {
		chosen := strs(answers[it.ID])
		var here, missing []string
		for _, o := range it.Options {
			if contains(chosen, o.Value) {
				here = append(here, o.Label)
			} else {
				missing = append(missing, o.Label)
			}
		}
		// Before the question is answered, nothing is known to be missing.
		if len(chosen) > 0 {
			v["rollen-aanwezig"] = list(BulletList, here)
			v["rollen-ontbrekend"] = list(BulletList, missing)
		}
	}

	orgs := rows(answers["organisaties"])
	pg := def.Item("partners")
	var partners, grounds [][]string
	for i, r := range rows(answers["partners"]) {
		name := "-"
		if i < len(orgs) {
			name = orDash(str(orgs[i]["naam"]))
		}
		partners = append(partners, []string{name, orDash(label(pg, "taak", r)), orDash(label(pg, "publieke-taak", r)), orDash(str(r["gegevens"]))})
		grounds = append(grounds, []string{name, orDash(label(pg, "grondslag", r))})
	}
	if anyFilled(partners) {
		v["partners"] = table([]string{"Organisatie", "Taak in de samenwerking", "Publieke taak", "Gegevens die zij inbrengt"}, partners)
	}
	if anyFilled(grounds) {
		v["partner-grondslagen"] = table([]string{"Organisatie", "Grondslag"}, grounds)
	}

	var docs [][]string
	for _, id := range []string{"doc-plan-van-aanpak", "doc-werkproces", "doc-dpia", "doc-convenant"} {
		if it := def.Item(id); it != nil {
			docs = append(docs, []string{it.Question, orDash(answerText(it, answers[id], answers))})
		}
	}
	v["documenten-status"] = table([]string{"Document", "Status"}, docs)

	open := openFindings(st)
	v["bevindingen-samenwerking"] = list(BulletList, open)
	v["aantal-bevindingen-samenwerking"] = count(len(open))
	return v
}

// dossierValues are the organisations of the dossier (the shared group
// organisaties) with their kind and role, read from the checklist's own
// item that includes the group.
func dossierValues(def *checklist.Definition, answers checklist.Answers) Values {
	v := Values{}
	var g *checklist.Item
	for _, it := range def.Items() {
		if it.Shared == "organisaties" {
			g = it
			break
		}
	}
	if g == nil {
		return v
	}
	var tab [][]string
	var joint []string
	var each []Values
	for _, r := range rows(answers[g.ID]) {
		name := str(r["naam"])
		if name == "" {
			continue
		}
		kind, role := label(g, "soort", r), label(g, "rol", r)
		tab = append(tab, []string{name, orDash(kind), orDash(role)})
		if str(r["rol"]) == "gezamenlijk-verwerkingsverantwoordelijke" {
			joint = append(joint, name)
		}
		each = append(each, Values{
			"partij-naam":  {Text: name},
			"partij-soort": {Text: kind},
			"partij-rol":   {Text: role},
		})
	}
	v["partijen-rol"] = table([]string{"Organisatie", "Soort", "Rol"}, tab)
	v["aantal-partijen"] = count(len(tab))
	v["gezamenlijk-verantwoordelijken"] = list(BulletList, joint)
	v["partij"] = Value{Each: each}
	return v
}

// answerText is an answer as a document shows it: like the engine's
// result, except that a reference to a row names the row by its title
// only ("Gemeente Zaanstad", not "Organisatie 2: Gemeente Zaanstad").
func answerText(it *checklist.Item, v any, answers checklist.Answers) string {
	if it.Kind != checklist.KindRef || it.Target == nil || it.Target.RowTitle == "" {
		return trim(it.AnswerText(v, answers))
	}
	var names []string
	for _, id := range checklist.RefIDs(v) {
		name := ""
		for _, r := range rows(answers[it.Target.ID]) {
			if str(r["_id"]) == id {
				name = str(r[it.Target.RowTitle])
				break
			}
		}
		if name == "" {
			// A row without a title, or one that is gone: the engine's words.
			name = it.AnswerText(id, answers)
		}
		names = append(names, name)
	}
	return joinWith(names, ", ")
}

func strs(v any) []string {
	s, _ := v.([]string)
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// anyFilled says whether a table has a cell other than its first column
// and "-": a table of names alone says nothing yet.
func anyFilled(tab [][]string) bool {
	for _, r := range tab {
		for _, c := range r[1:] {
			if c != "-" {
				return true
			}
		}
	}
	return false
}
