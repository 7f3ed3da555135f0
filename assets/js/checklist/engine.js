// The bridge to the engine: the only module of the checklist page that calls the Go
// engine (engine.wasm) or the document module (documents.wasm). Every function takes
// and returns plain values and the engine's answers are read here.
//
// The engine runs in a Web Worker (engine-worker.js), so its start-up and every
// evaluation happen beside the page, never on the main thread: a key or click is
// taken and painted at once, and the engine's outcome follows a moment later.
// Every function here therefore returns a Promise. The worker answers calls one by
// one in the order they were made, so a later call's answer never arrives before an
// earlier one's: the page shows outcomes in the order of the changes that caused them.
// The engine decides (visibility, progress, findings, validation, export, import,
// report); the other modules only read and write the DOM.
import { compileModule, isFileText, runModule } from '../files.js';
import { useModule } from '../dossier-store.js';
import { state } from './state.js';

// What a call answers when the worker is gone (it failed to start, or stopped): the
// engine's own error form, so every caller says it as it says any engine error.
const GONE = 'De hulpmiddelen bij deze checklist werken niet meer. Uw antwoorden staan nog op het scherm. Wilt u ze houden, print de pagina dan eerst; laad haar daarna opnieuw.';

// The site requires Trusted Types for script URLs (see csp.txt): this policy lets
// exactly one URL through, the engine's worker of this build, given by the page.
function workerScriptURL(url) {
  if (!window.trustedTypes) return url;
  const policy = window.trustedTypes.createPolicy('deelwijzer-engine', {
    createScriptURL: (u) => {
      if (u !== url) throw new TypeError(`deelwijzer-engine: alleen ${url}`);
      return u;
    },
  });
  return policy.createScriptURL(url);
}

// send posts one call to the worker; the Promise resolves with the engine's string.
// It never rejects: a worker that is gone answers as the engine answers a problem,
// {"error": ...}, which every caller already says.
const goneText = (why) => JSON.stringify({ error: why || GONE });

function send(fn, args) {
  const w = state.engine;
  if (!w || w.gone) return Promise.resolve(goneText(w && w.gone));
  return new Promise((resolve) => {
    const id = ++w.serial;
    w.pending.set(id, resolve);
    busy(w);
    w.worker.postMessage({ id, fn, args });
  });
}

// busy marks <html data-engine-busy> while calls wait for the running engine's
// answer, so the page's tests can tell when what the visitor did is fully on screen.
// Calls made before the engine runs do not count: until then the page is the static
// form (html[data-engine=ready] says when it is more). Only the changes from idle to
// busy and back touch the element.
function busy(w) {
  const root = document.documentElement;
  if (w.pending.size > 0 && state.engineRunning) {
    if (!root.hasAttribute('data-engine-busy')) root.setAttribute('data-engine-busy', '');
  } else if (root.hasAttribute('data-engine-busy')) {
    root.removeAttribute('data-engine-busy');
  }
}

// gone: the worker cannot answer any more; every call waiting for it gets the error.
function gone(w) {
  w.gone = GONE;
  for (const resolve of w.pending.values()) resolve(goneText(GONE));
  w.pending.clear();
  busy(w);
}

// startEngine starts the worker and, in it, the engine module (the .wasm at url:
// the page compiles it, from the download its preload started, and hands the
// compiled module to the worker). It resolves once the engine runs, and rejects
// when it cannot start; the page then gives it its definition (load). It may be called before the page is parsed: it
// touches no element. A second call returns the first one's promise.
export function startEngine(workerURL, url) {
  if (state.started) return state.started;
  const worker = new Worker(workerScriptURL(workerURL), { name: 'deelwijzer-engine' });
  const w = { worker, serial: 0, pending: new Map(), gone: '' };
  worker.addEventListener('message', (ev) => {
    const resolve = w.pending.get(ev.data.id);
    if (!resolve) return;
    w.pending.delete(ev.data.id);
    busy(w);
    resolve(ev.data.failed !== undefined ? goneText(ev.data.failed) : ev.data.out);
  });
  // A worker that cannot run (its script refused, an error in it) answers nothing:
  // every call waiting for it, and every later one, gets the error instead.
  worker.addEventListener('error', (ev) => {
    ev.preventDefault();
    gone(w);
  });
  state.engine = w;
  state.started = compileModule(url).then((module) => send('start', [module])).then((out) => {
    if (out !== '') throw new Error(JSON.parse(out).error);
    state.engineRunning = true;
  }).catch((err) => {
    // Calls made meanwhile (the preloaded checklist) get the error too.
    worker.terminate();
    gone(w);
    throw err;
  });
  // The dossier store (dossier-store.js) reads and writes a dossier through the engine.
  useModule({ dossier: (op, args, data) => send('dossier', [op, args, data]) });
  return state.started;
}

export const engineReady = () => state.engineRunning;

// whenStarted: the start that checklist-start.js began (startEngine) as the page's
// script first ran; it rejects when there was none or it failed.
export const whenStarted = () => state.started || Promise.reject(new Error('engine niet gestart'));

// Every engine function takes and returns strings. call parses a JSON result.
async function call(fn, ...args) {
  return JSON.parse(await send(fn, args));
}

// preload gives the engine the checklist as the page holds it (the text of
// #checklist-data: {definition, lists, ...}), as soon as the page is parsed and
// before the page script runs: the engine reads it while the page is drawn.
export function preload(payloadText) {
  if (!state.loading && state.engine) state.loading = call('load', payloadText);
}

// load gives the engine the checklist: {definition, lists}; when preload already
// gave it, its answer.
export function load(checklist) {
  state.checklist = checklist;
  return state.loading || call('load', JSON.stringify(checklist));
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
export async function importFile(data) {
  const res = state.keptRead && state.keptRead.kept === data ? state.keptRead.res : await call('importFile', data);
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
export async function keptNeedsOlder(kept) {
  if (kept === null) return false;
  state.keptRead = { kept, res: await call('importFile', kept) };
  return state.keptRead.res.older === true || state.keptRead.res.error !== undefined;
}
// carry: the answers another checklist's verdict gives (carry.js).
export const carry = (answers, outcomes) => call('carry', JSON.stringify(answers), JSON.stringify(outcomes));

// exportFile returns {text} (the answer file) or {error}: the engine returns a file's
// text, or {"error": ...} when it cannot make one (answers too large, for instance).
export async function exportFile(answers, when) {
  const text = await send('exportFile', [JSON.stringify(answers), when]);
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
// and most visits never ask for a document. It runs on the main thread: it is used
// for a moment at a click, and its answers (a file's bytes) go straight to a download.
// A failed load is forgotten, so the next click tries again.
function loadDocuments(url) {
  if (!state.documents) {
    state.documents = (async () => {
      await import('../../gen/wasm_exec.js');
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
