// Dossiers on this device: where they are kept and how they are read and written.
// Used by the list of dossiers (dossiers.js) and by checklist pages that open in a
// dossier (dossier-checklist.js). What a dossier holds and how its file looks is
// decided by the engine (Go package dossier); this module only moves its text in
// and out of localStorage. Nothing is written before the visitor makes or opens a
// dossier, and nothing leaves the browser.

import { dutchDay } from './dates.js';
import { isFileText } from './files.js';

// Keys: one per dossier, holding its whole text (the same text as its file), a mark
// when a later save of it failed, and which dossier a checklist opens in.
export const PREFIX = 'deelwijzer:dossier:';
export const CURRENT = 'deelwijzer:huidig-dossier';
export const dossierKey = (id) => `${PREFIX}${id}`;
export const staleKeyOf = (id) => `${PREFIX}${id}:verouderd`;
// For which organisation of the dossier the visitor fills it in, on this device: the
// id of one of its organisaties rows (dossier-namens.js).
export const namensKey = (id) => `${PREFIX}${id}:namens`;
// A checklist's answers outside a dossier: its own key, and the mark when a later save
// of it failed (the privacy page, opslag.js, reads both).
export const answersKey = (checklistID) => `deelwijzer:${checklistID}:antwoorden`;
export const answersStaleKey = (checklistID) => `deelwijzer:${checklistID}:verouderd`;
const validID = (id) => typeof id === 'string' && /^[a-z0-9-]{1,40}$/.test(id);

export const isQuota = (err) => !!err && (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED' || err.code === 22);

// newID: 8 random base-36 characters, made as a row id is (rowids.js). Enough for
// the few dossiers of one browser; an imported dossier whose id is already here gets
// a new one (the engine checks).
export { newRowID as newID } from './rowids.js';

// storageWorks: false when the browser does not let the site keep anything.
export function storageWorks() {
  try {
    return typeof localStorage !== 'undefined' && localStorage !== null && (localStorage.length >= 0);
  } catch (err) {
    return false;
  }
}

export function readDossier(id) {
  if (!validID(id)) return null;
  try { return localStorage.getItem(dossierKey(id)); } catch (err) { return null; }
}

// dossierIDs lists the ids of the dossiers kept here.
export function dossierIDs() {
  let keys = [];
  try { keys = Object.keys(localStorage); } catch (err) { return []; }
  return keys.filter((k) => k.startsWith(PREFIX) && validID(k.slice(PREFIX.length))).map((k) => k.slice(PREFIX.length));
}

// writeDossier keeps a dossier's text; it throws what localStorage throws (a full
// storage, a browser that refuses), so callers can say why and keep the old copy.
export function writeDossier(id, text) {
  localStorage.setItem(dossierKey(id), text);
  try { localStorage.removeItem(staleKeyOf(id)); } catch (err) { /* nothing to remove */ }
}

export function removeDossier(id) {
  localStorage.removeItem(dossierKey(id));
  try { localStorage.removeItem(staleKeyOf(id)); } catch (err) { /* storage blocked */ }
  try { localStorage.removeItem(namensKey(id)); } catch (err) { /* storage blocked */ }
  try { if (localStorage.getItem(CURRENT) === id) localStorage.removeItem(CURRENT); } catch (err) { /* storage blocked */ }
}

export function currentID() {
  try { return localStorage.getItem(CURRENT); } catch (err) { return null; }
}

export function setCurrent(id) {
  try { localStorage.setItem(CURRENT, id); } catch (err) { /* not remembered; the address still says it */ }
}

// The module that holds the dossier store: on a checklist page the engine (reading
// and writing that checklist's answers, set by checklist/engine.js); the list of
// dossiers sets the document module, which also makes, opens and changes whole
// dossiers. It is set once per page, before the first call: the one module-level
// variable of the dossier pages' shared code.
let storeModule;
export function useModule(mod) { storeModule = mod; }

// dossier calls the dossier store. The result is a file's text (starting
// with {"schema") or an object: {error} or the fields of "summary" and "import".
// On a checklist page the engine runs in a worker and answers later: there the
// result is a promise of the same (await it in either case).
export function dossier(op, args, data) {
  const text = (storeModule || globalThis.deelwijzerEngine).dossier(op, JSON.stringify(args), data || '');
  return typeof text === 'string' ? dossierResult(text) : text.then(dossierResult);
}

function dossierResult(text) {
  if (isFileText(text)) return { text };
  try {
    const v = JSON.parse(text);
    if (v && typeof v === 'object') return v;
  } catch (err) { /* fall through */ }
  return { error: 'Er ging iets mis met het dossier.' };
}

// How the dossier pages write times and days (dates.js): "30 november 2026 om 10:40",
// "14 december 2026", and the day as YYYY-MM-DD on this device's clock (the documents
// write dates in that form).
export { dutchDate, dutchDay, localDay } from './dates.js';

// The statuses of a dossier as the pages word them (the documents word them in Go,
// dossier.StatusLabel).
export const STATUS_LABELS = { concept: 'Concept', 'ter-advies': 'Ter advies bij de FG', vastgesteld: 'Vastgesteld' };
export const statusLabel = (status) => STATUS_LABELS[status] || STATUS_LABELS.concept;

// The statuses of a checklist's step (Go: checklist.Status*) as the pages word them:
// on the checklist page and in a dossier's task list.
export const STEP_LABELS = { 'niet-gestart': 'Niet gestart', bezig: 'Bezig', afgerond: 'Afgerond' };

// changedNote: the words for a dossier that changed after its vaststelling, from
// the engine's summary (signoff part); '' when it did not.
export function changedNote(signoff) {
  return signoff && signoff.changedAfterAdoption ? `Gewijzigd na vaststelling op ${dutchDay(signoff.adopted)}.` : '';
}

// missingNote: the words for a vastgesteld dossier whose controllers (named by the
// engine; '' is a row without a name) lack a vaststelling; '' when none do.
export function missingNote(signoff) {
  const names = ((signoff && signoff.missingAdoptions) || []).map((n) => n || 'een organisatie zonder naam');
  if (!names.length) return '';
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]}`;
  return `Het dossier staat op vastgesteld, maar ${names.length === 1 ? 'deze verwerkingsverantwoordelijke heeft' : 'deze verwerkingsverantwoordelijken hebben'} nog geen vaststelling met een besluit: ${list}. Vul de vaststelling per organisatie in bij het werkboek, in de laatste stap.`;
}

// openedID is the dossier a dossier page works on: the one in its address
// (?dossier=<id>, then remembered as the current one) or else the one opened last;
// null when storage is blocked or that dossier is not on this device.
// openedOrNote is openedID for a page that needs a dossier: without one it shows the
// page's note (the element noteID) and marks the page done (tests wait for that).
export function openedOrNote(noteID) {
  const id = openedID();
  if (id === null) {
    document.getElementById(noteID).hidden = false;
    document.documentElement.dataset.engine = 'none';
  }
  return id;
}

export function openedID() {
  if (!storageWorks()) return null;
  const asked = new URLSearchParams(window.location.search).get('dossier');
  const id = asked || currentID();
  if (!id || readDossier(id) === null) return null;
  if (asked) setCurrent(id);
  return id;
}
