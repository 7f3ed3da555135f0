//go:build js && wasm

// Command documents is the document writer, a second WebAssembly module
// that a checklist page loads only when a visitor asks for a document
// (.docx or .odt). Inside the checklist engine it would take the engine
// over its size budget (see README, "Documenten"); on its own it costs
// nothing until it is needed. It exposes globalThis.deelwijzerDocuments
// with one function:
//
//	make(payload, template, answers, format, date, dossier) -> Uint8Array | string
//
// payload is what the engine's load() takes (definition and lists);
// template the Markdown text of a template from data/documenten/; answers
// the answers JSON the page sends the engine; format "docx" or "odt"; date
// YYYY-MM-DD; dossier the dossier the workbook is open in as JSON (name,
// status, version, adopted, changedAfterAdoption, log; see
// document.DossierInfo), or "" outside a dossier. The result is the file's bytes, or {"error":"..."} as text.
// Nothing leaves the browser.
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
		var args [6]string
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

// The definition of the last payload, kept so a second document from the
// same page does not load the definition again.
var (
	lastPayload string
	definition  *checklist.Definition
)

func makeDocument(args [6]string) any {
	if definition == nil || args[0] != lastPayload {
		def, err := checklist.LoadPayload(args[0])
		if err != nil {
			return checklist.ErrorJSON(err.Error())
		}
		definition, lastPayload = def, args[0]
	}
	info, err := document.ParseDossierInfo(args[5])
	if err != nil {
		return checklist.ErrorJSON(err.Error())
	}
	d, err := document.WorkbookDocumentIn(definition, args[1], args[2], args[4], info)
	if err != nil {
		return checklist.ErrorJSON(err.Error())
	}
	var b []byte
	if args[3] == "odt" {
		b = d.ODT()
	} else {
		b = d.DOCX()
	}
	out := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(out, b)
	return out
}
