package checklist

// Files of an older version of a checklist. Reading one can take more than
// reading the answers: answers that moved to another place ("moved" in the
// definition, see moved.go) and fields that moved to a group following the
// same rows (moveFamilyFields) are moved first, and references that were
// still free text ("2", "Intake") become the ids of the rows they name
// (mapRefs). The checklist page's engine module leaves that code out: the
// copy it restores at start is almost always of the current version, and
// the code would take the engine over its size budget. There Import refuses
// such a file with an ImportError with Older set, and the page reads it
// with the document module (wasm/documents), which calls ReadOlderFiles.
// Every program outside the browser reads them too (older_native.go).

// moveAnswers and mapReferences are set by ReadOlderFiles; while they are
// nil, the linker leaves applyMoves and mapRefs out of the program.
var (
	moveAnswers   func(def *Definition, from string, answers *Object)
	mapReferences func(def *Definition, answers Answers) []string
)

// ReadOlderFiles makes Import read files of older versions of a checklist.
func ReadOlderFiles() {
	moveAnswers, mapReferences = moveOlderAnswers, mapRefs
}

func moveOlderAnswers(def *Definition, from string, answers *Object) {
	applyMoves(def, from, answers)
	moveFamilyFields(def, answers)
}

// fromOlderVersion reports whether a file made with version from needs
// what ReadOlderFiles adds: it is older than this version (or says no
// version), and this checklist has a move for it, a group that follows
// another one, or references whose answers may still be text. Any other
// file reads the same with or without it.
func (def *Definition) fromOlderVersion(from string) bool {
	if from != "" && compareSemver(from, def.Version) >= 0 {
		return false
	}
	if len(def.refTargets) > 0 {
		return true
	}
	for _, it := range def.items {
		if it.RowsFrom != "" {
			return true
		}
	}
	for _, m := range def.Moved {
		if from == "" || compareSemver(from, m.Before) < 0 {
			return true
		}
	}
	return false
}
