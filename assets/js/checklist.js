// Checklist pages: binds the static form (rendered by Hugo from the definition) to the
// Go engine compiled to WebAssembly. The engine decides (visibility, progress,
// findings, validation, export, import, report); the page script only reads and
// writes the DOM. Everything a visitor typed is put in the page as text (textContent,
// value), never as HTML, and nothing is sent anywhere: the only requests are the GETs
// for this page's own files.
//
// This file starts the page and wires its parts (assets/js/checklist/):
//   page.js          what the page is made of (form, definition, keys); never changes
//   state.js         the one object with everything that changes
//   engine.js        the bridge to the engine and the document module
//   form.js          reading and writing the answers in the form
//   rows.js          repeatable groups: add, remove (with undo), move
//   changes.js       what follows every change
//   messages.js      status line, announcements, error summary, warnings
//   result.js        progress, findings, the result, printing
//   storage.js       keeping work on the device or in the dossier
//   answer-files.js  downloading and opening answer files
//   documents.js     the report and the documents (.docx, .odt)
// In a dossier, dossier-checklist.js keeps the answers there and carry.js takes
// answers from other checklists' verdicts.
import { carryOutcomes } from './carry.js';
import { enhanceRefs } from './refs.js';
import { dropUndo, exportJSON, fileChosen, importConfirmed, importDeclined } from './checklist/answer-files.js';
import { changed } from './checklist/changes.js';
import { enhanceDocuments, exportMarkdown } from './checklist/documents.js';
import * as engine from './checklist/engine.js';
import { collect } from './checklist/form.js';
import { hideErrors, say } from './checklist/messages.js';
import { $, dataEl, def, documentsURL, form, inDossier, payload } from './checklist/page.js';
import {
  afterPrint, evaluate, finish, mirrorTextareas, preparePrint, printOnly, printResult,
} from './checklist/result.js';
import { dropRowUndo, enhanceGroups, fill } from './checklist/rows.js';
import { state } from './checklist/state.js';
import {
  keptCopy, otherTab, restoreFromDevice, setDirty, sharedRows, showSaved, storeCheckbox, storeChosen, wipeDevice,
} from './checklist/storage.js';

// The form is never submitted (it has no enabled submit button and the CSP says
// form-action 'none'); should anything still try, it stays on this page.
form.addEventListener('submit', (ev) => ev.preventDefault());

async function start() {
  if (!('WebAssembly' in window) || !('Worker' in window) || !form || !dataEl) return;
  // The engine started in its worker when the page's script first ran
  // (checklist-start.js); this waits for it. What is typed meanwhile is read by the
  // first evaluation.
  await engine.whenStarted();
  const loaded = await engine.load({ definition: def, lists: payload.lists });
  if (loaded.error) throw new Error(loaded.error);
  // A copy kept from an older version of the checklist is read by the document module:
  // it is loaded before the copy is restored (enhance).
  if (await engine.keptNeedsOlder(await keptCopy())) await engine.readOlder(documentsURL());
  await enhance();
  performance.mark('dw-engine-ready');
  // The whole checklist prints with its result, and the browser asks for it at once
  // when printing starts (result.js, printResult): the first one is made now, while
  // the page already works.
  await preparePrint();
  document.documentElement.dataset.engine = 'ready';
}

async function enhance() {
  enhanceRefs(form, def);
  enhanceGroups();
  for (const el of document.querySelectorAll('#bewaren, .dw-engine-only')) el.hidden = false;

  // Restore work only when the visitor opted in on this device earlier. What was
  // typed while the engine started stays, and is then kept too: restoreFromDevice
  // reads it at the moment it fills the form.
  const restored = await restoreFromDevice(() => collect().answers);
  // From here every change is evaluated (and kept): the listeners come before the
  // first evaluation, so a key pressed while it runs is not missed.
  form.addEventListener('input', (ev) => {
    dropRowUndo();
    dropUndo();
    if (ev.target.tagName === 'TEXTAREA' || ev.target.type === 'text') changed(ev);
  });
  form.addEventListener('change', (ev) => {
    dropRowUndo();
    dropUndo();
    changed(ev);
  });
  if (restored && Object.keys(restored.early).length) changed();
  else await evaluate();
  // In a dossier, a verdict of another checklist may answer a question (carry.js).
  if (inDossier) carryOutcomes(form, def, (ids) => inDossier.outcomes(ids), () => collect().answers, engine.carry);
  // Leaving with work that is neither stored nor downloaded asks first: see
  // setDirty, which arms the question only while there is such work.
  window.addEventListener('storage', otherTab);
  $('afronden').addEventListener('click', finish);
  // Enter in a single-line field or on a radio does nothing: the form has no implicit
  // submission (see the disabled button in the template), and this keeps it so should
  // the markup change. Finishing is done with the button only.
  form.addEventListener('keypress', (ev) => {
    if (ev.key === 'Enter' && ev.target.tagName === 'INPUT') ev.preventDefault();
  });

  storeCheckbox().addEventListener('change', storeChosen);
  $('exporteer-json').addEventListener('click', exportJSON);
  $('resultaat-json').addEventListener('click', exportJSON);
  $('exporteer-md').addEventListener('click', exportMarkdown);
  enhanceDocuments();
  $('resultaat-md').addEventListener('click', exportMarkdown);
  // The print button waits for the result of the answers on screen, so the print
  // has it (see printAhead).
  $('print').addEventListener('click', async () => {
    await preparePrint();
    window.print();
  });
  // The result alone reads as the summary one hands to the FG: answers, overviews,
  // findings and action lists, without the form around it.
  $('resultaat-print').addEventListener('click', () => printOnly('resultaat'));
  window.addEventListener('beforeprint', mirrorTextareas);
  window.addEventListener('beforeprint', printResult);
  window.addEventListener('afterprint', afterPrint);
  $('importeer').addEventListener('change', fileChosen);
  $('import-ja').addEventListener('click', importConfirmed);
  $('import-nee').addEventListener('click', importDeclined);
  $('wis-alles').addEventListener('click', () => {
    $('wis-bevestiging').hidden = false;
    $('wis-nee').focus();
  });
  $('wis-nee').addEventListener('click', () => {
    $('wis-bevestiging').hidden = true;
    $('wis-alles').focus();
  });
  $('wis-bevestiging').addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') { ev.preventDefault(); $('wis-nee').click(); }
  });
  $('wis-ja').addEventListener('click', wipeAll);
}

// wipeAll is "Wis alles", confirmed: the answers on this page and what is kept on
// the device for this checklist go.
async function wipeAll() {
  // The box is cleared first, so no change made while the wipe runs is kept again.
  storeCheckbox().checked = false;
  await wipeDevice();
  fill({});
  // In a dossier the shared rows stay (other checklists use them): show them again.
  const shared = await sharedRows();
  if (shared) fill(shared);
  hideErrors();
  $('resultaat').hidden = true;
  $('importmelding').hidden = true;
  $('wis-bevestiging').hidden = true;
  state.current = null;
  await evaluate();
  setDirty(false);
  state.savedAt = null;
  showSaved();
  $('wis-alles').focus();
  say('Alles is gewist: de antwoorden op deze pagina en wat op dit apparaat voor deze checklist was bewaard. Andere checklists zijn niet veranderd.');
}

start().catch((err) => {
  // The static form keeps working; say why the extras are missing.
  const note = document.createElement('p');
  note.className = 'dw-callout';
  note.setAttribute('role', 'status');
  note.textContent = `De hulpmiddelen bij deze checklist konden niet starten (${err.message}). U kunt de vragen wel lezen, invullen en printen.`;
  form.before(note);
});
