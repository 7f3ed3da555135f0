//go:build js && wasm

// Command wasm exposes the checklist engine to the browser as
// globalThis.deelwijzerEngine. Every function takes strings (or, for a
// file, its bytes as a Uint8Array) and returns strings (JSON), and never throws into JavaScript: a problem comes back as
// {"error":"Dutch message"}. All work happens in the visitor's browser.
//
// It holds what a checklist page uses from the start or at once on a click.
// The Markdown report, the documents and the list of dossiers' operations live
// in the second module (wasm/documents), which a page loads when it needs
// them: in here they would take the engine over its size budget.
package main

import (
	"syscall/js"

	"deelwijzer/checklist"
	"deelwijzer/dossier"
)

// definition is the checklist loaded by load(); one page shows one checklist.
// evaluator evaluates its answers after every click and keeps what it
// decoded last time, so the next click reads only what changed.
var (
	definition *checklist.Definition
	evaluator  *checklist.Evaluator
)

func main() {
	engine := js.Global().Get("Object").New()
	for _, name := range []string{"load", "evaluate", "validate", "exportFile", "importFile", "result", "carry", "dossier"} {
		engine.Set(name, function(name))
	}
	js.Global().Set("deelwijzerEngine", engine)
	if ready := js.Global().Get("deelwijzerReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}

// function makes one engine function. Missing or non-string arguments become
// "", and a panic becomes an error result, so a bug can never leave the page
// without an answer. One shared closure keeps the binary small.
func function(name string) js.Func {
	return js.FuncOf(func(this js.Value, jsArgs []js.Value) (result any) {
		defer func() {
			if r := recover(); r != nil {
				result = checklist.ErrorJSON("Er ging iets mis in de checklist. Probeer het opnieuw of laad de pagina opnieuw.")
			}
		}()
		var args [3]string
		for i := 0; i < len(args) && i < len(jsArgs); i++ {
			switch jsArgs[i].Type() {
			case js.TypeString:
				args[i] = jsArgs[i].String()
			case js.TypeObject:
				// A Uint8Array: the bytes of a chosen file, so the engine
				// decides how they become text (see checklist.Import).
				b := make([]byte, jsArgs[i].Length())
				js.CopyBytesToGo(b, jsArgs[i])
				args[i] = string(b)
			}
		}
		if name == "dossier" {
			// A checklist page in a dossier reads and writes its answers
			// there: dossier(op, argsJSON) with op checklist, put, drop,
			// summary, organisaties or outcomes. A put also records the
			// status of each step, computed from the loaded definition.
			return dossier.PageCall(args[0], args[1], stepsOf)
		}
		return call(name, args[0], args[1], args[2])
	})
}

func stepsOf(file string) []checklist.SectionProgress {
	return dossier.StepsOf(definition, file)
}

func call(name, first, second, third string) string {
	if name == "load" {
		def, err := checklist.LoadPayload(first)
		if err != nil {
			return checklist.ErrorJSON(err.Error())
		}
		definition, evaluator = def, checklist.NewEvaluator(def)
		return `{"ok":true}`
	}
	if definition == nil {
		return checklist.ErrorJSON("De checklist is nog niet geladen.")
	}
	switch name {
	case "evaluate":
		return evaluator.EvaluateJSON(first)
	case "validate":
		return checklist.ValidateJSON(definition, first)
	case "exportFile":
		return checklist.ExportJSON(definition, first, second)
	case "importFile":
		return checklist.ImportJSON(definition, first)
	case "carry":
		return checklist.CarryJSON(definition, first, second)
	}
	return checklist.ResultJSON(definition, first, second)
}
