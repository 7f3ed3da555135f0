//go:build js && wasm

// Command documents is the document writer, a second WebAssembly module
// that a checklist page loads only when a visitor asks for a document
// (.docx or .odt). Inside the checklist engine it would take the engine
// over its size budget (see README, "Documenten"); on its own it costs
// nothing until it is needed. It exposes globalThis.deelwijzerDocuments
// with one function:
//
//	make(request, template, format, date) -> Uint8Array | string
//
// request is a JSON object with the page's checklist id, its answers (as
// the page sends the engine), the definitions of the checklists the
// template reads and, when the page works in a dossier, the dossier's
// text (see document.MakeDocument); template the Markdown text of a
// template from data/documenten/; format "docx" or "odt"; date YYYY-MM-DD.
// The result is the file's bytes, or {"error":"..."} as text. Nothing
// leaves the browser.
package main

import (
	"syscall/js"

	"deelwijzer/checklist"
	"deelwijzer/document"
)

func main() {
	api := js.Global().Get("Object").New()
	api.Set("make", js.FuncOf(func(this js.Value, jsArgs []js.Value) (result any) {
		defer func() {
			if r := recover(); r != nil {
				result = checklist.ErrorJSON("Er ging iets mis bij het maken van het document. Probeer het opnieuw of laad de pagina opnieuw.")
			}
		}()
		var args [4]string
		for i := 0; i < len(args) && i < len(jsArgs); i++ {
			if jsArgs[i].Type() == js.TypeString {
				args[i] = jsArgs[i].String()
			}
		}
		return makeDocument(args)
	}))
	js.Global().Set("deelwijzerDocuments", api)
	if ready := js.Global().Get("deelwijzerDocumentsReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}

func makeDocument(args [4]string) any {
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
