//go:build js && wasm

// Command documents is the second WebAssembly module: what a page needs only
// on demand. A checklist page loads it at the first click on a document
// (.docx or .odt) or on the Markdown report; the list of dossiers loads it to
// make, open and manage dossiers. Inside the checklist engine this would take
// the engine over its size budget (see README, "Documenten" and
// "Prestaties"); on its own it costs nothing until it is needed. It exposes
// globalThis.deelwijzerDocuments with four functions:
//
//	make(request, template, format, date)   -> Uint8Array | string
//	report(payload, answers, siteURL, date) -> {"markdown"} | {"error"}
//	dossier(op, args, data)                 -> see dossier.Call
//	importFile(payload, data)               -> as the engine's importFile
//
// importFile reads an answer file also when it is of an older version of
// the checklist, which the engine leaves to this module (checklist.ReadOlderFiles).
//
// request is a JSON object with the page's checklist id, its answers (as
// the page sends the engine), the definitions of the checklists the
// template reads and, when the page works in a dossier, the dossier's
// name, state and files (see document.MakeDocument); template the Markdown
// text of a template from data/documenten/; format "docx" or "odt"; date
// YYYY-MM-DD. payload is what the engine's load() takes (definition and
// lists); answers the answers JSON the page sends the engine; data the
// bytes of a chosen file (a Uint8Array). A document comes back as the
// file's bytes, a problem as {"error":"..."} in text. Nothing leaves the
// browser.
package main

import (
	"syscall/js"

	"deelwijzer/checklist"
	"deelwijzer/document"
	"deelwijzer/dossier"
)

func main() {
	checklist.ReadOlderFiles()
	api := js.Global().Get("Object").New()
	api.Set("make", function("Er ging iets mis bij het maken van het document.", makeDocument))
	api.Set("report", function("Er ging iets mis bij het maken van het verslag.", func(args [5]string) any {
		def, err := load(args[0])
		if err != nil {
			return checklist.ErrorJSON(err.Error())
		}
		return checklist.ReportJSON(def, args[1], args[2], args[3])
	}))
	api.Set("importFile", function("Er ging iets mis bij het lezen van het bestand.", func(args [5]string) any {
		def, err := load(args[0])
		if err != nil {
			return checklist.ErrorJSON(err.Error())
		}
		return checklist.ImportJSON(def, args[1])
	}))
	api.Set("dossier", function("Er ging iets mis met het dossier.", func(args [5]string) any {
		return dossier.Call(args[0], args[1], args[2])
	}))
	js.Global().Set("deelwijzerDocuments", api)
	if ready := js.Global().Get("deelwijzerDocumentsReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}

// function makes one function of the module. Arguments are strings, or the
// bytes of a chosen file as a Uint8Array (read as a string of those bytes,
// so the engine decides how they become text); a panic becomes an error
// result, so a bug never leaves the page without an answer.
func function(problem string, fn func(args [5]string) any) js.Func {
	return js.FuncOf(func(this js.Value, jsArgs []js.Value) (result any) {
		defer func() {
			if r := recover(); r != nil {
				result = checklist.ErrorJSON(problem + " Probeer het opnieuw of laad de pagina opnieuw.")
			}
		}()
		var args [5]string
		for i := 0; i < len(args) && i < len(jsArgs); i++ {
			switch jsArgs[i].Type() {
			case js.TypeString:
				args[i] = jsArgs[i].String()
			case js.TypeObject:
				b := make([]byte, jsArgs[i].Length())
				js.CopyBytesToGo(b, jsArgs[i])
				args[i] = string(b)
			}
		}
		return fn(args)
	})
}

// The definition of the last payload, kept so a second document from the
// same page does not load the definition again.
var (
	lastPayload string
	definition  *checklist.Definition
)

func load(payload string) (*checklist.Definition, error) {
	if definition == nil || payload != lastPayload {
		def, err := checklist.LoadPayload(payload)
		if err != nil {
			return nil, err
		}
		definition, lastPayload = def, payload
	}
	return definition, nil
}

func makeDocument(args [5]string) any {
	d, err := document.MakeDocument(args[0], args[1], args[3])
	if err != nil {
		return checklist.ErrorJSON(err.Error())
	}
	var b []byte
	if args[2] == "odt" {
		b = d.ODT()
	} else {
		b = d.DOCX()
	}
	out := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(out, b)
	return out
}
