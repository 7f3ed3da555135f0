// Keeping work on this device (localStorage, or the dossier when the page opens in
// one): saving after every change when the visitor chose that, restoring at start,
// a full storage, another tab, and the line that says when the work was last kept.
// Leaving the page with work that is kept nowhere asks first.
import { download } from '../files.js';
import { dateTimeWords, timeWords } from '../dates.js';
import { isQuota } from '../dossier-store.js';
import { keepEarly } from '../steps.js';
import * as engine from './engine.js';
import { collect, hasAnswers } from './form.js';
import { importMessage, say } from './messages.js';
import { $, checklistID, def, inDossier, setText, staleKey, storeKey, today } from './page.js';
import { fill } from './rows.js';
import { state } from './state.js';

export const storeCheckbox = () => $('bewaar-op-apparaat');

// clockText: "om 10:40" today, else "op 30 november 2026 om 10:40".
function clockText(d) {
  if (d.toDateString() === new Date().toDateString()) return `om ${timeWords(d)}`;
  return `op ${dateTimeWords(d)}`;
}

// showSaved writes the line under the save controls: when the work was last kept,
// or that it has not been kept since the last change (and why, when a save failed).
export function showSaved() {
  const line = $('bewaard-sinds');
  let text = '';
  if (state.dirty && hasAnswers()) {
    text = `Niet bewaard sinds uw laatste wijziging.${state.storeProblem ? ` ${state.storeProblem}` : ''}`;
  } else if (state.savedAt) {
    text = `Laatst bewaard ${clockText(state.savedAt)} (${state.savedWhere}).`;
  }
  setText(line, text);
}

// The "leave this page?" question is armed only while there is unsaved work. A
// beforeunload listener that is always there costs even when it asks nothing: the
// browser must treat every navigation away from the page as one that may be
// cancelled, and some browsers then keep the page out of their back-forward cache.
function askBeforeLeaving(ev) {
  if (!hasAnswers()) return;
  ev.preventDefault();
  ev.returnValue = '';
}

export function setDirty(value) {
  if (value === state.dirty) return;
  state.dirty = value;
  if (state.dirty) window.addEventListener('beforeunload', askBeforeLeaving);
  else window.removeEventListener('beforeunload', askBeforeLeaving);
}

export function markSaved(when, where) {
  setDirty(false);
  state.savedAt = when;
  state.savedWhere = where;
  showSaved();
}

// markSavedIfShown: what was saved (its answers as JSON at that moment) is still what
// is on screen, so the work is saved; a change made while it was saved keeps the
// work unsaved until that change is saved too.
export function markSavedIfShown(savedJSON, when, where) {
  if (!state.current || JSON.stringify(state.current) === savedJSON) markSaved(when, where);
}

export function markDirty() {
  setDirty(true);
  showSaved();
}

// queued: writes to the device run one after the other, in the order they were
// asked for (state.saving), so an earlier save never lands after a later one or
// after a wipe. It resolves to what work resolved to (false when it failed).
function queued(work) {
  const next = state.saving.then(work).catch(() => false);
  state.saving = next;
  return next;
}

// persist keeps the answers on the device when the visitor chose that. answers may
// be a promise of them (the evaluation of a change). It resolves to whether they are
// kept now.
export function persist(answers) {
  return queued(async () => {
    if (!storeCheckbox().checked || state.held !== null) return false;
    const now = new Date();
    const given = await answers;
    // What is saved is these answers as they are now; a later change is saved next.
    const snapshot = JSON.stringify(given);
    const file = await engine.exportFile(given, now.toISOString());
    // The visitor may have cleared the box, or another tab taken over, meanwhile.
    if (!storeCheckbox().checked || state.held !== null) return false;
    if (file.error) {
      await storeFailed(`Bewaren op dit apparaat lukt niet: ${file.error}`);
      return false;
    }
    try {
      if (inDossier) {
        if (!await inDossier.write(file.text, state.lastState)) return false;
      } else {
        localStorage.setItem(storeKey, file.text);
      }
    } catch (err) {
      await storeFailed(isQuota(err)
        ? 'De opslag van de browser is vol. Daarom kon Deelwijzer uw laatste wijzigingen niet op dit apparaat bewaren.'
        : 'Bewaren op dit apparaat lukt niet: de browser staat het niet toe.');
      return false;
    }
    try { localStorage.removeItem(staleKey); } catch (err) { /* nothing to remove */ }
    state.storeProblem = '';
    state.storeReason = '';
    markSavedIfShown(snapshot, now, 'op dit apparaat');
    return true;
  });
}

// storeFailed: the stored copy is now older than the screen. Mark it with the
// moment the save failed, so restoring it later says it is old; when even that
// small mark cannot be written, remove the old copy rather than let it come back
// as if it were current. The box stays ticked: the next change tries again.
async function storeFailed(reason) {
  let copy = null;
  try { copy = localStorage.getItem(storeKey); } catch (err) { /* storage blocked */ }
  let note = '';
  if (copy !== null) {
    try {
      if (localStorage.getItem(staleKey) === null) localStorage.setItem(staleKey, new Date().toISOString());
      note = ' De oudere kopie op dit apparaat blijft staan. Krijgt u die later terug, dan ziet u dat hij verouderd is.';
    } catch (err) {
      try { if (inDossier) await inDossier.drop(); else localStorage.removeItem(storeKey); } catch (e) { /* storage blocked */ }
      note = ' De oudere kopie op dit apparaat is verwijderd, zodat die later niet terugkomt alsof hij actueel is.';
    }
  }
  const text = `${reason}${note} Download uw antwoorden als bestand. Op de privacypagina ziet u wat Deelwijzer op dit apparaat bewaart.`;
  // Say it once per cause, not at every keystroke; an engine error was just said.
  // The line under the buttons keeps showing it.
  const news = reason !== state.storeReason;
  state.storeReason = reason;
  if (note || news) state.storeProblem = text;
  markDirty();
  if (news && !state.engineError) say(text);
}

// forgetProblems: what was said about the stored copy no longer holds.
function forgetProblems() {
  state.held = null;
  state.storeProblem = '';
  state.storeReason = '';
}

export function wipeDevice() {
  forgetProblems();
  return queued(async () => {
    try {
      if (inDossier) await inDossier.drop();
      else localStorage.removeItem(storeKey);
      localStorage.removeItem(staleKey);
    } catch (err) { /* storage blocked: nothing was kept */ }
    forgetProblems();
  });
}

// sharedRows: in a dossier, the rows the other checklists share stay after "Wis
// alles"; these are the answers that remain, or null when there are none.
export async function sharedRows() {
  if (!inDossier) return null;
  try {
    const kept = await inDossier.read();
    const res = kept ? await engine.importFile(kept) : {};
    return res.answers || null;
  } catch (err) { return null; /* the dossier is gone or unreadable: nothing to show */ }
}

// importDetails says what an import (of a file or of the stored copy) left out.
export function importDetails(res) {
  const lines = (res.notes || []).concat((res.dropped || []).map((d) => (d.item ? `${d.item}: ${d.reason}` : d.reason)));
  const from = res.fromVersion && res.fromVersion !== def.version
    ? ` Ze horen bij versie ${res.fromVersion} van deze checklist; dit is versie ${def.version}.` : '';
  return { lines, from };
}

// restoreFromDevice puts back what the visitor kept on this device, through the
// same import as a file. A copy that does not restore fully is held: it is not
// overwritten until the visitor downloads it or chooses to replace it.
// keptCopy is the copy kept on this device, or null (none, or storage blocked).
export async function keptCopy() {
  try {
    return inDossier ? await inDossier.read() : localStorage.getItem(storeKey);
  } catch (err) { return null; }
}

// restoreFromDevice resolves to null when nothing was restored, else to {early}: what
// the visitor typed while the engine started (readEarly reads it from the form at the
// moment the form is filled, after every wait, so nothing typed meanwhile is lost).
export async function restoreFromDevice(readEarly) {
  let kept = null;
  let stale = null;
  try {
    kept = inDossier ? await inDossier.read() : localStorage.getItem(storeKey);
    stale = localStorage.getItem(staleKey);
  } catch (err) { return null; /* storage blocked */ }
  // In a dossier the answers are kept there from the start: the visitor chose
  // that by making the dossier.
  if (inDossier) storeCheckbox().checked = true;
  if (kept === null) {
    if (stale !== null) try { localStorage.removeItem(staleKey); } catch (err) { /* storage blocked */ }
    return null;
  }
  storeCheckbox().checked = true;
  let res = await engine.importFile(kept);
  let changedSince = '';
  if (res.error) {
    const saved = await salvage(kept);
    if (!saved) {
      hold(kept, 'error', `Uw bewaarde antwoorden konden niet worden teruggezet. ${res.error}`, '', []);
      return null;
    }
    res = saved;
    changedSince = ' De checklist is veranderd sinds u ze bewaarde.';
  }
  const early = readEarly();
  fill(keepEarly(res.answers, early));
  let when = null;
  try { when = new Date(JSON.parse(kept).exported); } catch (err) { /* no time in the copy */ }
  if (when && Number.isNaN(when.getTime())) when = null;
  const { lines, from } = importDetails(res);
  if (lines.length) {
    hold(kept, 'warning', `Uw bewaarde antwoorden van dit apparaat zijn teruggezet, behalve wat niet meer past.${changedSince || from}`,
      lines.length === 1 ? 'Dit antwoord past niet meer en is niet overgenomen:' : 'Deze antwoorden passen niet meer en zijn niet overgenomen:', lines);
    return { early };
  }
  // Answers of an older version that moved without loss (a partner that became an
  // organisation row) go back into the dossier at once, so the other checklists of
  // the dossier see the rows the move made.
  if (inDossier && res.fromVersion && res.fromVersion !== def.version && await persist(res.answers)) when = null;
  if (when) markSaved(when, 'op dit apparaat');
  if (stale) {
    importMessage('warning', `Dit zijn uw antwoorden zoals ze ${when ? `${clockText(when)} ` : ''}op dit apparaat zijn bewaard. Wat u daarna heeft ingevuld, kon niet meer worden bewaard: ${clockText(new Date(stale))} lukte bewaren niet. Controleer of alles klopt.`);
  } else {
    say('Uw bewaarde antwoorden van dit apparaat zijn teruggezet.');
  }
  return { early };
}

// salvage reads a stored copy that the engine refuses because it claims this
// version of the checklist but holds answers that do not fit it. For a file that
// means damaged or edited; for the copy this page wrote itself it means the
// checklist changed without a new version number. Read as coming from an earlier
// version, the engine keeps what fits and lists the rest, as for any older file.
async function salvage(kept) {
  let file;
  try { file = JSON.parse(kept); } catch (err) { return null; }
  if (!file || typeof file !== 'object' || file.checklist !== checklistID || !file.answers || typeof file.answers !== 'object') return null;
  file.definitionVersion = '0.0.0';
  const res = await engine.importFile(JSON.stringify(file));
  if (res.error || !(res.dropped || []).length) return null;
  res.fromVersion = '';
  return res;
}

// hold keeps the stored copy as it is and lets the visitor decide.
function hold(raw, kind, lead, listIntro, lines) {
  state.held = raw;
  state.storeProblem = 'De bewaarde kopie op dit apparaat wordt niet overschreven tot u kiest wat ermee moet gebeuren.';
  importMessage(kind, `${lead} De bewaarde kopie blijft ongewijzigd op dit apparaat staan tot u kiest. Download hem als u hem wilt houden.${listIntro ? ` ${listIntro}` : ''}`, lines, [
    { id: 'kopie-download', label: 'Download de bewaarde kopie', run: () => download(`${checklistID}-bewaarde-kopie-${today()}.json`, 'application/json', raw) },
    {
      id: 'kopie-vervang',
      label: 'Vervang de bewaarde kopie door wat nu op het scherm staat',
      run: async () => {
        forgetProblems();
        const ok = await persist(state.current || collect().answers);
        if (ok) importMessage('ok', 'De bewaarde kopie is vervangen. Wat op het scherm staat, wordt nu op dit apparaat bewaard.');
      },
    },
  ]);
}

// storeChosen: the visitor ticked or cleared "Bewaar op dit apparaat".
export async function storeChosen() {
  if (storeCheckbox().checked) {
    if (await persist(collect().answers)) say('Uw antwoorden worden nu op dit apparaat bewaard. Met "Wis alles" haalt u ze weg.');
  } else {
    await wipeDevice();
    if (hasAnswers()) markDirty();
    say('Er wordt niets meer op dit apparaat bewaard. Wat voor deze checklist was bewaard, is verwijderd. Andere checklists zijn niet veranderd.');
  }
}

// Another tab of this checklist wrote or removed the stored copy. This tab stops
// writing, so neither overwrites the other and a wipe is never undone by a
// keystroke here. The answers on this screen stay.
export function otherTab(ev) {
  if (ev.storageArea !== localStorage || (ev.key !== storeKey && ev.key !== null)) return;
  if (!storeCheckbox().checked) return;
  storeCheckbox().checked = false;
  forgetProblems();
  markDirty();
  if (inDossier) {
    importMessage('warning', inDossier.otherTabText(ev.newValue === null));
  } else if (ev.newValue === null) {
    importMessage('warning', 'In een ander tabblad of venster is wat op dit apparaat voor deze checklist bewaard stond, gewist. Dit tabblad bewaart daarom niets meer op dit apparaat. Uw antwoorden op dit scherm staan er nog. Wilt u ze houden? Download ze, of vink "Bewaar op dit apparaat" weer aan.');
  } else {
    importMessage('warning', 'Deze checklist is ook in een ander tabblad of venster open, en dat tabblad heeft antwoorden op dit apparaat bewaard. Dit tabblad bewaart nu niets meer, zodat het de antwoorden van het andere tabblad niet overschrijft. Wilt u toch de antwoorden van dit tabblad bewaren? Vink dan "Bewaar op dit apparaat" weer aan. Dan komen ze in de plaats van wat het andere tabblad bewaarde.');
  }
}
