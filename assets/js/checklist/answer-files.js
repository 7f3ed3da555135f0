// Answer files: downloading the answers as a file, and opening one. Opening a file
// replaces what is on screen: with answers there, the page asks first; after the
// import it offers to put the previous answers back (one step).
import { download } from '../files.js';
import { changed } from './changes.js';
import * as engine from './engine.js';
import { collect, hasAnswers } from './form.js';
import { failed, hideErrors, importMessage, say, showErrors, validate } from './messages.js';
import { $, MAX_IMPORT, checklistID, documentsURL, today } from './page.js';
import { evaluate } from './result.js';
import { fill } from './rows.js';
import { state } from './state.js';
import { importDetails, markSavedIfShown } from './storage.js';

export async function exportJSON() {
  const answers = await evaluate();
  const now = new Date();
  const snapshot = JSON.stringify(answers);
  const file = state.engineError ? { error: state.engineError } : await engine.exportFile(answers, now.toISOString());
  if (file.error) {
    failed(`Het downloaden van uw antwoorden is niet gelukt. ${file.error} Er is geen bestand opgeslagen.`);
    return;
  }
  download(`${checklistID}-antwoorden-${today()}.json`, 'application/json', file.text);
  markSavedIfShown(snapshot, now, 'als bestand');
  const problems = await validate();
  if (problems.length) {
    showErrors(problems, 'Uw antwoorden zijn als bestand opgeslagen. Nog niet alles is goed ingevuld:');
  } else {
    hideErrors();
    say('Uw antwoorden zijn als bestand opgeslagen.');
  }
}

async function importFile(file) {
  if (!file) return;
  if (file.size > MAX_IMPORT) {
    importMessage('error', `Het bestand "${file.name}" kan niet worden geopend: het is groter dan 2 MB. Uw antwoorden op het scherm zijn niet veranderd.`);
    return;
  }
  // The bytes go to the engine as they are: file.text() would silently turn a file
  // in another character set than UTF-8 into replacement characters.
  const bytes = new Uint8Array(await file.arrayBuffer());
  let res = await engine.importFile(bytes);
  if (res.older && !engine.readsOlder()) {
    say('Het bestand wordt gelezen. Even geduld.');
    if (await engine.readOlder(documentsURL())) res = await engine.importFile(bytes);
  }
  if (res.error) {
    importMessage('error', `Het bestand "${file.name}" kan niet worden geopend: ${res.error} Uw antwoorden op het scherm zijn niet veranderd.`);
    return;
  }
  if (hasAnswers()) {
    state.pendingImport = { name: file.name, res };
    $('importvraag-tekst').textContent = `Er staan al antwoorden op het scherm. Als u "${file.name}" opent, komen de antwoorden uit het bestand daarvoor in de plaats.`;
    $('import-bevestiging').hidden = false;
    $('import-nee').focus();
    return;
  }
  applyImport(file.name, res);
}

function applyImport(name, res) {
  const before = collect().answers;
  fill(res.answers);
  hideErrors();
  $('resultaat').hidden = true;
  changed();
  const { lines, from } = importDetails(res);
  const fromFile = from.replace(' Ze horen', ' Het bestand hoort');
  const undo = Object.keys(before).length ? [{ id: 'import-terug', label: 'Vorige antwoorden terugzetten', run: () => undoImport(before) }] : [];
  // Notes alone (a reference kept as a removed row) lost nothing: they only ask
  // the visitor to look.
  const lead = (res.dropped || []).length === 0 ? 'Let op:'
    : lines.length === 1 ? 'Dit antwoord past niet meer en is niet overgenomen:' : 'Deze antwoorden passen niet meer en zijn niet overgenomen:';
  if (lines.length) {
    importMessage('warning', `Antwoorden geopend uit "${name}".${fromFile} ${lead}`, lines, undo);
  } else {
    importMessage('ok', `Antwoorden geopend uit "${name}".${fromFile}`, [], undo);
  }
}

function undoImport(before) {
  fill(before);
  hideErrors();
  $('resultaat').hidden = true;
  changed();
  importMessage('ok', 'De vorige antwoorden staan weer op het scherm.');
}

// An edit after an import ends the undo: putting the old answers back would then
// also throw away the edit.
export function dropUndo() {
  const b = $('import-terug');
  if (b) b.remove();
}

// The file chooser, and the question whether the file may replace the answers.
export function fileChosen(ev) {
  $('import-bevestiging').hidden = true;
  state.pendingImport = null;
  importFile(ev.target.files[0]).finally(() => { ev.target.value = ''; });
}

export function importConfirmed() {
  const p = state.pendingImport;
  state.pendingImport = null;
  $('import-bevestiging').hidden = true;
  if (p) applyImport(p.name, p.res);
}

export function importDeclined() {
  state.pendingImport = null;
  $('import-bevestiging').hidden = true;
  $('importeer').focus();
  say('Het bestand is niet geopend. Uw antwoorden op het scherm zijn niet veranderd.');
}
