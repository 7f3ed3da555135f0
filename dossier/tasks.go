package dossier

import (
	"deelwijzer/checklist"
)

// Step statuses per checklist, for the task list of a dossier
// (/dossiers/taken/). A checklist page that saves into the dossier also
// records the status of each of its steps as the engine computes it
// (checklist.Evaluate), under checklists.<id>.steps: {"<step id>":
// "niet-gestart" | "bezig" | "afgerond"}. The statuses belong to the
// checklist's definitionVersion: a status recorded with another version
// than the site's is not shown as current, nor one recorded before another
// checklist changed the shared rows it includes (stepsShared, a fingerprint
// of those rows). The keys are additive
// (schemaVersion stays 1); an older reader keeps it as an unknown key.

// StepsFunc computes the status of every step from an answer file of the
// checklist it belongs to, or returns nil when it cannot (no definition
// loaded, or a file of another checklist).
type StepsFunc func(file string) []checklist.SectionProgress

// StepsOf is the StepsFunc of a checklist page: the answer file is read
// with the engine's import and evaluated, so the statuses are the same as
// the page shows in its overview of steps.
func StepsOf(def *checklist.Definition, file string) []checklist.SectionProgress {
	if def == nil {
		return nil
	}
	imp, err := checklist.Import(def, file)
	if err != nil {
		return nil
	}
	return checklist.Evaluate(def, imp.Answers).Sections
}

// recordSteps stores the step statuses of the checklist of the answer file
// just put. Without statuses the old ones are removed: they belonged to
// answers that may have changed, and a task list must not show them as
// current.
func (d *Dossier) recordSteps(file string, shared map[string]string, steps []checklist.SectionProgress) {
	root, err := read(file)
	if err != nil {
		return
	}
	id, _ := root.Values["checklist"].(string)
	c, _ := d.section("checklists").Values[id].(*checklist.Object)
	if c == nil {
		return
	}
	if len(steps) == 0 {
		c.Delete("steps")
		c.Delete("stepsShared")
		return
	}
	out := checklist.NewObject()
	for _, s := range steps {
		out.Set(s.ID, s.Status)
	}
	c.Set("steps", out).Set("stepsShared", d.sharedBasis(shared))
}

// sharedBasis is a short fingerprint of the rows of the shared groups a
// checklist includes. Another checklist of the dossier can change those
// rows (add an organisation), which can change this checklist's statuses
// without it saving; a different fingerprint says so. FNV-1a, 32 bits:
// it only has to notice a change, and hash/fnv would add to the module.
func (d *Dossier) sharedBasis(shared map[string]string) string {
	groups := map[string]string{}
	for _, name := range shared {
		groups[name] = name
	}
	h := uint32(2166136261)
	for _, name := range sortedKeys(groups) {
		text := name + "=" + checklist.JSONText(d.SharedRows(name)) + ";"
		for i := 0; i < len(text); i++ {
			h = (h ^ uint32(text[i])) * 16777619
		}
	}
	return base36(h)
}

// base36 is strconv.FormatUint(uint64(h), 36), the form in which dossier
// files hold the fingerprint (see checklist.Itoa for why not strconv).
func base36(h uint32) string {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	var b [7]byte
	i := len(b)
	for {
		i--
		b[i] = digits[h%36]
		h /= 36
		if h == 0 {
			return string(b[i:])
		}
	}
}

// Task list states of one checklist in a dossier.
const (
	TasksEmpty   = "leeg"      // never saved in this dossier: every step is niet-gestart
	TasksCurrent = "actueel"   // statuses recorded with the site's version
	TasksStale   = "bijwerken" // answers of another version, or no statuses: open the checklist
)

// Why a checklist's statuses are not current (the "reason" of a stale one).
const (
	StaleVersion = "versie"   // recorded with another version of the checklist
	StaleShared  = "gedeeld"  // the shared rows changed since (in another checklist)
	StaleUnknown = "onbekend" // no statuses recorded with the answers
)

// Tasks is the task list of the dossier: for every checklist the site has
// (infos, with its steps), its state and the status of each step. A
// checklist whose statuses are not current gets the status "bijwerken" for
// every step, so the page never shows an old status as the present one.
func (d *Dossier) Tasks(infos map[string]Info) *checklist.Object {
	lists := d.section("checklists")
	out := checklist.NewObject()
	ids := make(map[string]string, len(infos))
	for id := range infos {
		ids[id] = id
	}
	for _, id := range sortedKeys(ids) {
		info := infos[id]
		state, reason := TasksEmpty, ""
		var recorded *checklist.Object
		if c, ok := lists.Values[id].(*checklist.Object); ok {
			state = TasksStale
			v, _ := c.Values["definitionVersion"].(string)
			basis, _ := c.Values["stepsShared"].(string)
			recorded, _ = c.Values["steps"].(*checklist.Object)
			switch {
			case v != info.Version:
				reason = StaleVersion
			case recorded == nil || !hasAll(recorded, info.Steps):
				reason = StaleUnknown
			case basis != d.sharedBasis(info.Shared):
				reason = StaleShared
			default:
				state = TasksCurrent
			}
		}
		steps := make([]any, 0, len(info.Steps))
		for _, step := range info.Steps {
			status := checklist.StatusNotStarted
			switch state {
			case TasksStale:
				status = TasksStale
			case TasksCurrent:
				status, _ = recorded.Values[step].(string)
			}
			steps = append(steps, checklist.NewObject().Set("id", step).Set("status", status))
		}
		out.Set(id, checklist.NewObject().Set("state", state).Set("reason", reason).Set("steps", steps))
	}
	return out
}

// hasAll: every step has a known status recorded. A file edited by hand or
// a version that kept its number but not its steps is not current.
func hasAll(recorded *checklist.Object, steps []string) bool {
	for _, step := range steps {
		switch s, _ := recorded.Values[step].(string); s {
		case checklist.StatusNotStarted, checklist.StatusBusy, checklist.StatusDone:
		default:
			return false
		}
	}
	return true
}
