// The bridge to the engine: the only module of the checklist page that calls the Go
// engine (engine.wasm) or the document module (documents.wasm). Every function takes
// and returns plain values and the engine's answers are read here, so the engine
// could move to a Web Worker behind these few functions without the page noticing.
// The engine decides (visibility, progress, findings, validation, export, import,
// report); the other modules only read and write the DOM.
import '../../gen/wasm_exec.js';
import { isFileText, runModule } from '../files.js';
import { useModule } from '../dossier-store.js';
import { state } from './state.js';

// startEngine starts the engine module. The page then gives it its definition (load).
export async function startEngine(url) {
  await runModule(url, 'deelwijzerReady');
  // Start-up in several tasks, so the main thread can take a key or click in between.
  await nextTask();
  state.engine = globalThis.deelwijzerEngine;
  // The dossier store (dossier-store.js) reads and writes a dossier through the engine.
  useModule(state.engine);
}

export const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

export const engineReady = () => state.engine !== null;

// Every engine function takes and returns strings. call parses a JSON result.
function call(fn, ...args) {
  return JSON.parse(state.engine[fn](...args));
}

// load gives the engine the checklist: {definition, lists}.
export function load(checklist) {
  state.checklist = checklist;
  return call('load', JSON.stringify(checklist));
}
// evaluate: visibility, progress, findings, warnings and the rows references may choose.
export const evaluate = (answers) => call('evaluate', JSON.stringify(answers));
// validate: {errors: [{field, item, message}]} or {error}.
export const validate = (answers) => call('validate', JSON.stringify(answers));
// result: every answer as the result shows it, the overviews and the plan.
export const result = (answers, date) => call('result', JSON.stringify(answers), date);
// importFile reads an answer file (its text, or its bytes as they are). A file of an
// older version of the checklist ({older: true} from the engine) is read by the
// document module (wasm/documents), which moves answers to where they are now: the
// engine leaves that out to stay small. readOlder loads that module.
export function importFile(data) {
  const res = state.keptRead && state.keptRead.kept === data ? state.keptRead.res : call('importFile', data);
  state.keptRead = null;
  if (!res.older || !state.documentsAPI) return res;
  return JSON.parse(state.documentsAPI.importFile(JSON.stringify(state.checklist), data));
}

// readOlder loads the document module for importFile; false when that failed (an
// older file then gets the engine's message).
export async function readOlder(url) {
  await loadDocuments(url).catch(() => null);
  return readsOlder();
}

// readsOlder: the document module is there to read files of an older version.
export const readsOlder = () => state.documentsAPI !== null;

// keptNeedsOlder: the copy kept on this device (null: none) is of an older version,
// or does not fit (salvage reads it as older), so the document module must be there
// before it is restored.
export function keptNeedsOlder(kept) {
  if (kept === null) return false;
  state.keptRead = { kept, res: call('importFile', kept) };
  return state.keptRead.res.older === true || state.keptRead.res.error !== undefined;
}
// carry: the answers another checklist's verdict gives (carry.js).
export const carry = (answers, outcomes) => call('carry', JSON.stringify(answers), JSON.stringify(outcomes));

// exportFile returns {text} (the answer file) or {error}: the engine returns a file's
// text, or {"error": ...} when it cannot make one (answers too large, for instance).
export function exportFile(answers, when) {
  const text = state.engine.exportFile(JSON.stringify(answers), when);
  if (isFileText(text)) return { text };
  try {
    const v = JSON.parse(text);
    if (v && typeof v.error === 'string') return { error: v.error };
  } catch (err) { /* not JSON: fall through */ }
  return { error: 'Er ging iets mis in de checklist.' };
}

// ---- the document module (report, .docx, .odt) ----------------------------------

// The document writer is a second WebAssembly module (see wasm/documents), fetched on
// the first click only: inside the engine it would not fit the engine's size budget,
// and most visits never ask for a document. A failed load is forgotten, so the next
// click tries again.
function loadDocuments(url) {
  if (!state.documents) {
    state.documents = (async () => {
      await runModule(url, 'deelwijzerDocumentsReady');
      state.documentsAPI = globalThis.deelwijzerDocuments;
      return state.documentsAPI;
    })();
    state.documents.catch(() => { state.documents = null; });
  }
  return state.documents;
}

export const documentsLoaded = () => state.documents !== null;

// report returns {markdown} or {error}: the Markdown report of the answers.
export async function report(url, checklist, answers, rootURL, date) {
  const api = await loadDocuments(url);
  return JSON.parse(api.report(JSON.stringify(checklist), JSON.stringify(answers), rootURL, date));
}

// makeDocument returns the bytes of a .docx or .odt file, or throws why it could not.
// request() makes what the writer needs once the module is there.
export async function makeDocument(url, request, text, format, date) {
  const api = await loadDocuments(url);
  const out = api.make(await request(), text, format, date);
  if (!(out instanceof Uint8Array)) throw new Error(JSON.parse(out).error);
  return out;
}
