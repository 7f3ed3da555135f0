// Checklist pages: binds the static form (rendered by Hugo from the definition) to the
// Go engine compiled to WebAssembly. The engine decides (visibility, progress,
// findings, validation, export, import, report); this file only reads and writes the
// DOM. Everything a visitor typed is put in the page as text (textContent, value),
// never as HTML, and nothing is sent anywhere: the only requests are the GETs for
// this page's own files.
import '../gen/wasm_exec.js';
import { el, langText, renderViews } from './views.js';
import { dossierContext } from './dossier-checklist.js';
import { download, runModule } from './files.js';
import { ensureRowID, isBlankAnswerRow, moveRow, newRowID, readRowID, rowID, setRowID, writeRowID } from './rowids.js';
import { enhanceRefs, refText, updateRefs, writeRef } from './refs.js';
import { keepEarly, viewTitle } from './steps.js';
import { localDate, renderPlan } from './plan.js';
import { carryOutcomes } from './carry.js';

const form = document.getElementById('checklist');
const dataEl = document.getElementById('checklist-data');
const $ = (id) => document.getElementById(id);

// The site's root URL: the header's home link is written relative to this page, so the
// browser resolves it for whatever subpath the site lives under.
const root = new URL(document.querySelector('.dw-home').href);
const siteURL = (path) => new URL(path.replace(/^\//, ''), root).href;

// The form is never submitted (it has no enabled submit button and the CSP says
// form-action 'none'); should anything still try, it stays on this page.
form.addEventListener('submit', (ev) => ev.preventDefault());

const payload = JSON.parse(dataEl.textContent);
const def = payload.definition;
const checklistID = def.id;
// In a dossier (dossier-checklist.js) the answers are kept in the dossier's key.
const inDossier = dossierContext(checklistID, def);
const storeKey = inDossier ? inDossier.key : `deelwijzer:${checklistID}:antwoorden`;

// Field metadata from the definition, so reading and writing the DOM follows the
// definition rather than guessing from the markup.
const items = new Map();
for (const s of def.sections) for (const it of s.items) items.set(it.id, it);

let engine;

// ---- engine start -------------------------------------------------------------

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function start() {
  if (!('WebAssembly' in window) || !form || !dataEl) return;
  await runModule($('dw-engine').href, 'deelwijzerReady');
  // Start-up in three tasks (Go runtime, loading the definition, the first
  // evaluation and the page's extras), so the main thread can take a key or click in
  // between: none of them alone is a long task. What is typed meanwhile is read by
  // the first evaluation.
  await nextTask();
  engine = globalThis.deelwijzerEngine;
  const loaded = call('load', JSON.stringify({ definition: def, lists: payload.lists }));
  if (loaded.error) throw new Error(loaded.error);
  if (keptNeedsDocuments()) olderFiles = await loadDocuments(siteURL($('dw-engine').dataset.documents)).catch(() => null);
  await nextTask();
  enhance();
  performance.mark('dw-engine-ready');
  document.documentElement.dataset.engine = 'ready';
}

// Every engine function takes and returns strings. call parses a JSON result;
// callText is for the ones whose result is itself a file's text (the export).
function call(fn, ...args) {
  return JSON.parse(engine[fn](...args));
}
function callText(fn, ...args) {
  return engine[fn](...args);
}

// importAnswers reads an answer file (its text, or its bytes) with the engine. A file of
// an older version of the checklist ({older: true} from the engine) is read by the
// document module (wasm/documents): it moves answers to where they are now. That module
// is loaded at start when the copy kept on this device needs it, and else at the first
// such file the visitor opens.
let olderFiles = null;
let keptRead = null; // {kept, res}: the kept copy as keptNeedsDocuments read it, so it is read once
function importAnswers(data) {
  const res = keptRead && keptRead.kept === data ? keptRead.res : call('importFile', data);
  keptRead = null;
  return res.older && olderFiles ? JSON.parse(olderFiles.importFile(JSON.stringify({ definition: def, lists: payload.lists }), data)) : res;
}
// keptNeedsDocuments: the kept copy is of an older version, or does not fit (salvage
// reads it as older).
function keptNeedsDocuments() {
  try {
    const kept = inDossier ? inDossier.read() : localStorage.getItem(storeKey);
    if (kept === null) return false;
    keptRead = { kept, res: call('importFile', kept) };
    return keptRead.res.older === true || keptRead.res.error !== undefined;
  } catch (err) { return false; }
}

// ---- reading and writing answers ---------------------------------------------

// controlsIn finds a question's controls by name (names are unique in the form,
// group cells included). The index is built once and again only when rows are
// added or removed, so a change costs no search through every field of a long
// checklist.
let controlIndex = null;
function controlsIn(scope, name) {
  if (!controlIndex) {
    controlIndex = new Map();
    for (const el of form.elements) {
      if (!el.name) continue;
      const list = controlIndex.get(el.name);
      if (list) list.push(el); else controlIndex.set(el.name, [el]);
    }
  }
  return controlIndex.get(name) || [];
}
const formChanged = () => { controlIndex = null; };

// A reference to several rows is a list of checkboxes, one row a select.
const controlKind = (it) => (it.kind === 'ref' && it.multiple ? 'multi' : it.kind);

function readControl(scope, name, kind) {
  const els = controlsIn(scope, name);
  if (kind === 'multi') return els.filter((el) => el.checked).map((el) => el.value);
  if (els.length && (els[0].type === 'radio')) {
    const on = els.find((el) => el.checked);
    return on ? on.value : '';
  }
  return els.length ? els[0].value : '';
}

function writeControl(scope, name, kind, value) {
  if (kind === 'ref') {
    if (writeRef(form, name, value)) formChanged();
    return;
  }
  const els = controlsIn(scope, name);
  if (kind === 'multi') {
    const set = new Set(Array.isArray(value) ? value : []);
    for (const el of els) el.checked = set.has(el.value);
  } else if (els.length && els[0].type === 'radio') {
    for (const el of els) el.checked = el.value === value;
  } else if (els.length) {
    els[0].value = typeof value === 'string' ? value : '';
  }
}

// The fields a visitor fills in; a row's hidden id is not one of them.
const FIELDS = 'input:not([type="hidden"]), select, textarea';

const isEmpty = (v) => v === '' || v == null || (Array.isArray(v) && v.length === 0);

// fieldName is the form name of a field in a row ("group.n.field"); a reference to
// several rows may have no control yet (no rows to choose from), so the name is
// read from the cell.
function fieldName(row, f) {
  const cell = row.querySelector(`[data-field="${f.id}"]`);
  const el = cell.querySelector('input, select, textarea, [data-ref-name]');
  return el.name || el.dataset.refName;
}

function rowsOf(groupID) {
  return Array.from(form.querySelector(`[data-rows-for="${groupID}"]`).children);
}

// collect returns the answers. Group rows keep their place: a blank row in the
// middle is sent as {} (the engine ignores it for counting and checks), so row n
// of a group and row n of a group that follows it (rowsFrom) stay together.
// Trailing blank rows are left out. rowMap maps answer rows to DOM rows.
function collect() {
  const answers = {};
  const rowMap = {};
  for (const [id, it] of items) {
    if (it.kind === 'group') {
      const rows = collectGroup(id, it);
      rowMap[id] = rowsOf(id);
      if (rows.length) answers[id] = rows;
    } else {
      const v = readControl(form, id, controlKind(it));
      if (!isEmpty(v)) answers[id] = v;
    }
  }
  return { answers, rowMap };
}

function collectGroup(id, it) {
  const rows = [];
  for (const row of rowsOf(id)) {
    const r = readRowID(row, {});
    for (const f of it.fields) {
      const v = readControl(row, fieldName(row, f), controlKind(f));
      if (!isEmpty(v)) r[f.id] = v;
    }
    rows.push(r);
  }
  while (rows.length && isBlankAnswerRow(rows[rows.length - 1])) rows.pop();
  return rows;
}

// current holds the answers between changes. A change to one question re-reads
// only that question (or that group); anything that moves rows re-reads all.
let current = null;
function answersAfter(target) {
  const holder = target && target.closest ? target.closest('[data-item]') : null;
  if (!current || !holder) {
    const { answers, rowMap } = collect();
    current = answers;
    lastRowMap = rowMap;
    return current;
  }
  const id = holder.dataset.item;
  const it = items.get(id);
  const v = it.kind === 'group' ? collectGroup(id, it) : readControl(form, id, controlKind(it));
  if (isEmpty(v)) delete current[id]; else current[id] = v;
  if (it.kind === 'group') lastRowMap[id] = rowsOf(id);
  return current;
}

function fill(answers) {
  dropRowUndo();
  for (const [id, it] of items) {
    const v = answers[id];
    if (it.kind === 'group') fillGroup(id, it, v);
    else writeControl(form, id, it.kind, v);
  }
}

function fillGroup(id, it, v) {
  const wanted = Array.isArray(v) ? v : [];
  const box = form.querySelector(`[data-rows-for="${id}"]`);
  const min = box.dataset.rowsFrom ? rowsOf(box.dataset.rowsFrom).length : Math.max(1, Number(box.dataset.minRows) || 0);
  while (rowsOf(id).length < Math.max(wanted.length, min)) addRow(id, false);
  while (rowsOf(id).length > Math.max(wanted.length, min)) { rowsOf(id).at(-1).remove(); formChanged(); }
  rowsOf(id).forEach((row, i) => {
    if (!box.dataset.rowsFrom) writeRowID(row, wanted[i]);
    for (const f of it.fields) {
      writeControl(row, fieldName(row, f), f.kind, wanted[i] ? wanted[i][f.id] : undefined);
    }
  });
  renumber(id);
  syncFollowers(id);
}

// ---- repeatable groups ----------------------------------------------------------

let rowSerial = 1000;

// Rows are copies of the first row with fresh names and ids, so labels, legends and
// hints stay tied to their own row.
function addRow(groupID, focus) {
  const box = form.querySelector(`[data-rows-for="${groupID}"]`);
  const template = box.firstElementChild;
  const row = template.cloneNode(true);
  const n = rowSerial++;
  const rename = (s) => s.replace(new RegExp(`^(f-)?${groupID}([.-])\\d+([.-])`), (_, f, a, b) => `${f || ''}${groupID}${a}${n}${b}`);
  for (const el of row.querySelectorAll('[id]')) el.id = rename(el.id);
  for (const el of row.querySelectorAll('[for]')) el.htmlFor = rename(el.htmlFor);
  for (const el of row.querySelectorAll('[aria-describedby]')) {
    el.setAttribute('aria-describedby', el.getAttribute('aria-describedby').split(' ').map(rename).join(' '));
  }
  for (const el of row.querySelectorAll('[name]')) el.name = rename(el.name);
  for (const el of row.querySelectorAll('[data-messages-for]')) el.dataset.messagesFor = rename(el.dataset.messagesFor);
  for (const el of row.querySelectorAll('input, select, textarea')) {
    if (el.type === 'radio' || el.type === 'checkbox') el.checked = false; else el.value = '';
  }
  for (const el of row.querySelectorAll('.dw-row__actions, .dw-field-messages > *, .dw-print-value')) el.remove();
  for (const el of row.querySelectorAll('[data-ref-name]')) el.dataset.refName = rename(el.dataset.refName);
  for (const el of row.querySelectorAll('[data-ref-base]')) el.dataset.refBase = rename(el.dataset.refBase);
  for (const el of row.querySelectorAll('[aria-labelledby]')) el.setAttribute('aria-labelledby', rename(el.getAttribute('aria-labelledby')));
  setRowID(row, '');
  box.append(row);
  formChanged();
  if (!box.dataset.rowsFrom) {
    ensureRowID(row);
    decorateRow(groupID, row);
  }
  renumber(groupID);
  if (focus) row.querySelector(FIELDS).focus();
  return row;
}

function decorateRow(groupID, row) {
  if (row.querySelector('.dw-row__actions')) return;
  const actions = document.createElement('div');
  actions.className = 'dw-row__actions';
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'dw-button dw-button--secondary dw-row__remove';
  remove.addEventListener('click', () => {
    const rows = rowsOf(groupID);
    const i = rows.indexOf(row);
    const groups = [groupID, ...followers(groupID)];
    const before = Object.fromEntries(groups.map((g) => [g, collectGroup(g, items.get(g))]));
    const lost = groups.filter((g) => rowHasValue(rowsOf(g)[i]));
    if (rows.length <= 1) {
      // The last row is emptied rather than removed; it is a new row now, so
      // what referred to the old one shows that row as removed.
      clearRow(row);
      setRowID(row, newRowID());
      for (const f of followers(groupID)) clearRow(rowsOf(f)[0]);
    } else {
      row.remove();
      formChanged();
      for (const f of followers(groupID)) {
        const fr = rowsOf(f)[i];
        if (fr) fr.remove();
        renumber(f);
      }
    }
    renumber(groupID);
    changed();
    const left = rowsOf(groupID);
    const target = left[Math.min(i, left.length - 1)];
    target.querySelector(FIELDS).focus();
    say(`Rij verwijderd. Er ${left.length === 1 ? 'is' : 'zijn'} nu ${rowCount(left.length)}.`);
    if (lost.length) offerRowUndo(groupID, i, before, lost);
  });
  actions.append(remove, moveButton(groupID, row, -1), moveButton(groupID, row, 1));
  row.append(actions);
}

// moveButton moves a row one place up or down, with its rows in later steps. The
// rows keep their ids, so what refers to them stays right.
function moveButton(groupID, row, step) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `dw-button dw-button--secondary ${step < 0 ? 'dw-row__up' : 'dw-row__down'}`;
  b.addEventListener('click', () => {
    const i = rowsOf(groupID).indexOf(row);
    if (!moveRow(rowsOf(groupID), followers(groupID).map(rowsOf), i, step)) return;
    formChanged();
    renumber(groupID);
    for (const f of followers(groupID)) renumber(f);
    changed();
    const label = form.querySelector(`[data-rows-for="${groupID}"]`).dataset.rowLabel || 'Rij';
    // Focus stays on the button that was used, unless the row reached the end
    // and that button is gone.
    const again = row.querySelector(step < 0 ? '.dw-row__up' : '.dw-row__down');
    (again.hidden ? row.querySelector(FIELDS) : again).focus();
    say(`${label} staat nu op plaats ${i + step + 1}.`);
  });
  return b;
}

// offerRowUndo shows, under the group, what a removal took away (also from the
// matching rows in later steps) with one button that puts it all back. A careful user
// expects to undo a slip rather than to confirm every removal. The offer lasts until
// the next change to the answers.
let rowUndo = null;
function offerRowUndo(groupID, i, before, lost) {
  dropRowUndo();
  const box = form.querySelector(`[data-rows-for="${groupID}"]`);
  const label = box.dataset.rowLabel || 'Rij';
  const sections = Array.from(form.querySelectorAll('[data-section]'));
  const steps = [...new Set(lost.filter((g) => g !== groupID)
    .map((g) => sections.indexOf(form.querySelector(`[data-item="${g}"]`).closest('[data-section]')) + 1))];
  const also = steps.length ? ` Ook wat u bij deze rij in ${steps.length === 1 ? 'stap' : 'stappen'} ${steps.join(' en ')} had ingevuld, is weg.` : '';
  const button = el('button', { type: 'button', className: 'dw-button dw-button--secondary', textContent: `${label} terugzetten` });
  const note = el('div', { className: 'dw-row-undo' },
    el('p', { textContent: `${label} ${i + 1} is verwijderd.${also}` }), button);
  note.setAttribute('role', 'status');
  (form.querySelector(`[data-add-row="${groupID}"]`) || box).after(note);
  button.addEventListener('click', () => {
    dropRowUndo();
    for (const [g, rows] of Object.entries(before)) fillGroup(g, items.get(g), rows);
    changed();
    const back = rowsOf(groupID)[i];
    if (back) back.querySelector(FIELDS).focus();
    say(`${label} ${i + 1} is teruggezet${steps.length ? ', ook in de stappen verderop' : ''}.`);
  });
  rowUndo = note;
}

function dropRowUndo() {
  if (rowUndo) { rowUndo.remove(); rowUndo = null; }
}

function rowHasValue(row) {
  if (!row) return false;
  return Array.from(row.querySelectorAll(FIELDS))
    .some((el) => ((el.type === 'radio' || el.type === 'checkbox') ? el.checked : el.value !== ''));
}

function clearRow(row) {
  if (!row) return;
  for (const el of row.querySelectorAll(FIELDS)) {
    if (el.type === 'radio' || el.type === 'checkbox') el.checked = false; else el.value = '';
  }
}

// followers lists the groups that follow this group's rows (rowsFrom).
function followers(groupID) {
  return Array.from(form.querySelectorAll(`[data-rows-from="${groupID}"]`)).map((b) => b.dataset.rowsFor);
}

// rowTitle gives a row's title from its rowTitle field (e.g. the process step), so
// a following group can say which row it is about.
function rowTitle(groupID, row) {
  const box = form.querySelector(`[data-rows-for="${groupID}"]`);
  const field = box.dataset.rowTitle;
  const cell = field && row && row.querySelector(`[data-field="${field}"]`);
  if (!cell) return '';
  const el = cell.querySelector('input, select, textarea');
  if (el.tagName === 'SELECT') {
    if (!el.value) return '';
    const o = el.options[el.selectedIndex];
    return o.dataset.short || o.text;
  }
  return el.value.trim();
}

// syncFollowers gives every following group as many rows as its source and
// labels them after the source rows.
function syncFollowers(groupID) {
  for (const f of followers(groupID)) {
    while (rowsOf(f).length < rowsOf(groupID).length) addRow(f, false);
    renumber(f);
  }
}

function renumber(groupID) {
  const box = form.querySelector(`[data-rows-for="${groupID}"]`);
  const label = box.dataset.rowLabel || 'Rij';
  const source = box.dataset.rowsFrom;
  const sourceRows = source ? rowsOf(source) : [];
  const count = rowsOf(groupID).length;
  rowsOf(groupID).forEach((row, i) => {
    // A following row has the id of the row it follows.
    if (source) setRowID(row, rowID(sourceRows[i]));
    const title = source ? rowTitle(source, sourceRows[i]) : '';
    setText(row.querySelector('.dw-row__legend'), title ? `${label} ${i + 1}: ${title}` : `${label} ${i + 1}`);
    const remove = row.querySelector('.dw-row__remove');
    if (remove) remove.textContent = `Verwijder ${label.toLowerCase()} ${i + 1}`;
    const up = row.querySelector('.dw-row__up');
    if (up) { up.textContent = `${label} ${i + 1} omhoog`; setHidden(up, i === 0); }
    const down = row.querySelector('.dw-row__down');
    if (down) { down.textContent = `${label} ${i + 1} omlaag`; setHidden(down, i === count - 1); }
  });
  const add = form.querySelector(`[data-add-row="${groupID}"]`);
  if (add) setHidden(add, rowsOf(groupID).length >= Number(box.dataset.maxRows || 50));
}

function enhanceGroups() {
  for (const [id, it] of items) {
    if (it.kind !== 'group') continue;
    const box = form.querySelector(`[data-rows-for="${id}"]`);
    // The static page prints a few blank rows to write on; on screen, start with what is
    // needed. Only blank rows go: a row someone filled in before the engine ran stays,
    // and so does a row whose matching row in a following group was filled in.
    const min = box.dataset.rowsFrom ? rowsOf(box.dataset.rowsFrom).length : Math.max(1, Number(box.dataset.minRows) || 0);
    const filled = (i) => [id, ...followers(id)].some((g) => rowHasValue(rowsOf(g)[i]));
    while (rowsOf(id).length > min && !filled(rowsOf(id).length - 1)) { rowsOf(id).at(-1).remove(); formChanged(); }
    if (box.dataset.rowsFrom) {
      // Rows come and go with the group it follows.
      renumber(id);
      continue;
    }
    for (const row of rowsOf(id)) {
      ensureRowID(row);
      decorateRow(id, row);
    }
    const add = document.createElement('button');
    add.type = 'button';
    add.className = 'dw-button dw-button--secondary';
    add.dataset.addRow = id;
    add.textContent = `${box.dataset.rowLabel || 'Rij'} toevoegen`;
    add.addEventListener('click', () => {
      addRow(id, true);
      syncFollowers(id);
      say(`${box.dataset.rowLabel || 'Rij'} toegevoegd. Er ${rowsOf(id).length === 1 ? 'is' : 'zijn'} nu ${rowCount(rowsOf(id).length)}.`);
    });
    box.after(add);
    renumber(id);
  }
}

// ---- showing the engine's state --------------------------------------------------

const statusText = { 'niet-gestart': 'Niet gestart', bezig: 'Bezig', afgerond: 'Afgerond' };
const severityText = { uitkomst: 'Uitkomst', risico: 'Risico', aandacht: 'Aandacht', info: 'Info' };
let lastState;
let lastRowMap = {};

function fieldElement(field) {
  // "item" or "group.row.field" (row = answer row number) -> the first control.
  // An answer row that is not in the map (a required group left empty) points at
  // the DOM row with that number, or the first row.
  const parts = field.split('.');
  if (parts.length === 3) {
    const rows = rowsOf(parts[0]);
    const row = (lastRowMap[parts[0]] || [])[Number(parts[1])] || rows[Number(parts[1])] || rows[0];
    const cell = row && row.querySelector(`[data-field="${parts[2]}"]`);
    return cell && cell.querySelector('input, select, textarea');
  }
  if (items.has(field) && items.get(field).kind === 'group') {
    return rowsOf(field)[0].querySelector(FIELDS);
  }
  return controlsIn(form, field)[0] || form.querySelector(`[data-item="${field}"] input, [data-item="${field}"] select, [data-item="${field}"] textarea`);
}

function messagesBox(field) {
  const el = fieldElement(field);
  if (!el) return null;
  return el.closest('.dw-question, .dw-group').querySelector('.dw-field-messages');
}

function clearMessages(cls) {
  for (const el of form.querySelectorAll(`.${cls}`)) {
    const ctl = el.closest('.dw-question, .dw-group');
    el.remove();
    if (ctl) for (const c of [ctl, ...ctl.querySelectorAll('[aria-describedby]')]) if (c.hasAttribute('aria-describedby')) unlinkDescription(c, el.id);
  }
}

// errorTarget is what carries an error: for radios and checkboxes the group
// (their fieldset), so the error belongs to the question and not to its first
// option; otherwise the field itself.
function errorTarget(el) {
  if (el && (el.type === 'radio' || el.type === 'checkbox')) return el.closest('fieldset.dw-question') || el;
  return el;
}

function linkDescription(el, id) {
  const ids = (el.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
  if (!ids.includes(id)) ids.push(id);
  el.setAttribute('aria-describedby', ids.join(' '));
}

function unlinkDescription(el, id) {
  const ids = (el.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== id);
  if (ids.length) el.setAttribute('aria-describedby', ids.join(' ')); else el.removeAttribute('aria-describedby');
}

const piiNames = {
  bsn: 'een burgerservicenummer (BSN)', geboortedatum: 'een geboortedatum', iban: 'een rekeningnummer (IBAN)',
  postcode: 'een postcode met huisnummer', email: 'een e-mailadres',
};

let spokenWarnings = new Set();
function showWarnings(warnings) {
  clearMessages('dw-pii-warning');
  const seen = new Set();
  let n = 0;
  for (const w of warnings || []) {
    const box = messagesBox(w.field);
    if (!box) continue;
    const p = document.createElement('p');
    p.className = 'dw-pii-warning';
    p.id = `waarschuwing-${n++}`;
    const kinds = w.kinds.map((k) => piiNames[k] || k);
    p.textContent = `Dit lijkt op ${kinds.join(' of ')}. Deze checklist beschrijft de samenwerking, niet cliënten of inwoners: laat persoonsgegevens weg.`;
    box.append(p);
    linkDescription(fieldElement(w.field), p.id);
    const key = `${w.field}:${w.kinds.join(',')}`;
    seen.add(key);
    if (speakNews && !spokenWarnings.has(key)) announce(p.textContent);
  }
  spokenWarnings = seen;
}

let itemEls;
const itemElements = () => itemEls || (itemEls = Array.from(form.querySelectorAll('[data-item]')));
function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
function setHidden(node, hide) {
  if (node.hidden !== hide) node.hidden = hide;
}

function apply(state) {
  lastState = state;
  // Only what changed is written: a long checklist re-renders nothing it need not.
  const visible = new Set(state.visible);
  for (const el of itemElements()) {
    const hide = !visible.has(el.dataset.item);
    setHidden(el, hide);
  }
  const progress = $('voortgang');
  setHidden(progress, false);
  const done = state.sections.filter((s) => s.status === 'afgerond').length;
  setText(progress, `${state.answered} van ${state.total} vragen beantwoord. ${done} van ${state.sections.length} stappen afgerond.`);
  // A step's status shows in the overview and on the step's own page.
  for (const s of state.sections) for (const tag of document.querySelectorAll(`[data-section-status="${s.id}"]`)) {
    setHidden(tag, false);
    setText(tag, statusText[s.status] || s.status);
    const cls = `dw-status-tag dw-status-tag--${s.status}`;
    if (tag.className !== cls) tag.className = cls;
  }
  if (updateRefs(form, state.refRows)) formChanged();
  renderFindings(state.findings);
  showWarnings(state.warnings);
}

function findingNode(f) {
  const li = document.createElement('li');
  li.className = `dw-finding dw-finding--${f.severity}`;
  const tag = document.createElement('strong');
  tag.className = 'dw-finding__severity';
  tag.textContent = `${severityText[f.severity] || f.severity}: `;
  li.append(tag, document.createTextNode(f.text));
  if (f.link) {
    li.append(' ');
    const a = document.createElement('a');
    a.href = siteURL(f.link);
    a.textContent = payload.titles[f.link] ? `Lees: ${payload.titles[f.link]}` : 'Lees meer';
    li.append(a);
  }
  return li;
}

let lastFindings = '';
let shownFindings = new Set();
function renderFindings(findings) {
  setHidden($('bevindingen'), false);
  const key = JSON.stringify(findings);
  if (key === lastFindings) return;
  lastFindings = key;
  const now = new Set(findings.map((f) => `${f.severity}:${f.text}`));
  if (speakNews) {
    for (const f of findings) {
      if (!shownFindings.has(`${f.severity}:${f.text}`)) announce(`Nieuwe bevinding: ${severityText[f.severity] || f.severity}: ${f.text}`);
    }
  }
  shownFindings = now;
  const list = $('bevindingen-lijst');
  list.replaceChildren(...findings.map(findingNode));
  const count = (sev) => findings.filter((f) => f.severity === sev).length;
  // The engine puts a verdict first; the summary names it too, in words.
  const verdicts = count('uitkomst') ? `${count('uitkomst')} uitkomst, ` : '';
  setText($('bevindingen-samenvatting'), findings.length === 0
    ? 'Geen bevindingen op dit moment.'
    : `${findings.length} ${findings.length === 1 ? 'bevinding' : 'bevindingen'}: ${verdicts}${count('risico')} risico, ${count('aandacht')} aandacht, ${count('info')} info.`);
}

function evaluate(target) {
  const answers = answersAfter(target);
  const json = JSON.stringify(answers);
  const state = call('evaluate', json);
  if (state.error) {
    // Progress, findings and the result would now be out of date: say so once,
    // and finish, downloads and saving refuse until it is solved.
    const hint = json.length > MAX_IMPORT ? ' Maak heel lange antwoorden korter.' : '';
    const text = `${state.error} Zolang dat zo is, kloppen de voortgang en de bevindingen niet, en kunt u niet afronden, downloaden of op dit apparaat bewaren.${hint}`;
    if (text !== engineError) say(text);
    engineError = text;
    return answers;
  }
  engineError = '';
  apply(state);
  return answers;
}

// ---- keeping work -------------------------------------------------------------------

const storeCheckbox = () => $('bewaar-op-apparaat');

// What this page keeps on the device, and only for this checklist: the stored copy
// (storeKey) and, after a save that failed, the moment it failed (staleKey), so an
// older copy never comes back as if it were current. Other checklists' keys are
// never touched here; the privacy page lists and removes them all.
const staleKey = inDossier ? inDossier.staleKey : `deelwijzer:${checklistID}:verouderd`;

// The state of the work on screen. dirty: changed since the last save to the
// device or to a file, so leaving the page asks first. held: the raw stored copy
// when it did not restore fully; it is not overwritten until the visitor decides.
// storeProblem: why the last save to the device failed, shown until one works.
let dirty = false;
let savedAt = null;
let savedWhere = '';
let held = null;
let storeProblem = '';
let storeReason = '';
let engineError = '';

const hasAnswers = () => Object.keys(current || collect().answers).length > 0;

function clockText(d) {
  const time = d.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' });
  if (d.toDateString() === new Date().toDateString()) return `om ${time}`;
  return `op ${d.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' })} om ${time}`;
}

// showSaved writes the line under the save controls: when the work was last kept,
// or that it has not been kept since the last change (and why, when a save failed).
function showSaved() {
  const line = $('bewaard-sinds');
  let text = '';
  if (dirty && hasAnswers()) {
    text = `Niet bewaard sinds uw laatste wijziging.${storeProblem ? ` ${storeProblem}` : ''}`;
  } else if (savedAt) {
    text = `Laatst bewaard ${clockText(savedAt)} (${savedWhere}).`;
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

function setDirty(value) {
  if (value === dirty) return;
  dirty = value;
  if (dirty) window.addEventListener('beforeunload', askBeforeLeaving);
  else window.removeEventListener('beforeunload', askBeforeLeaving);
}

function markSaved(when, where) {
  setDirty(false);
  savedAt = when;
  savedWhere = where;
  showSaved();
}

function markDirty() {
  setDirty(true);
  showSaved();
}

// The engine returns a file's text, or {"error": ...} when it cannot make one
// (answers too large, for instance). A file always starts with {"schema", so the
// two are never confused and an error is never saved as if it were a file.
function fileOrError(text) {
  if (typeof text === 'string' && text.startsWith('{"schema"')) return { text };
  try {
    const v = JSON.parse(text);
    if (v && typeof v.error === 'string') return { error: v.error };
  } catch (err) { /* not JSON: fall through */ }
  return { error: 'Er ging iets mis in de checklist.' };
}

const isQuota = (err) => !!err && (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED' || err.code === 22);

// persist keeps the answers on the device when the visitor chose that. It returns
// whether they are kept now.
function persist(answers) {
  if (!storeCheckbox().checked || held !== null) return false;
  const now = new Date();
  const file = fileOrError(callText('exportFile', JSON.stringify(answers), now.toISOString()));
  if (file.error) {
    storeFailed(`Bewaren op dit apparaat lukt niet: ${file.error}`);
    return false;
  }
  try {
    if (inDossier) inDossier.write(file.text, lastState);
    else localStorage.setItem(storeKey, file.text);
  } catch (err) {
    storeFailed(isQuota(err)
      ? 'De opslag van de browser is vol. Daarom kon Deelwijzer uw laatste wijzigingen niet op dit apparaat bewaren.'
      : 'Bewaren op dit apparaat lukt niet: de browser staat het niet toe.');
    return false;
  }
  try { localStorage.removeItem(staleKey); } catch (err) { /* nothing to remove */ }
  storeProblem = '';
  storeReason = '';
  markSaved(now, 'op dit apparaat');
  return true;
}

// storeFailed: the stored copy is now older than the screen. Mark it with the
// moment the save failed, so restoring it later says it is old; when even that
// small mark cannot be written, remove the old copy rather than let it come back
// as if it were current. The box stays ticked: the next change tries again.
function storeFailed(reason) {
  let copy = null;
  try { copy = localStorage.getItem(storeKey); } catch (err) { /* storage blocked */ }
  let note = '';
  if (copy !== null) {
    try {
      if (localStorage.getItem(staleKey) === null) localStorage.setItem(staleKey, new Date().toISOString());
      note = ' De oudere kopie op dit apparaat blijft staan. Krijgt u die later terug, dan ziet u dat hij verouderd is.';
    } catch (err) {
      try { if (inDossier) inDossier.drop(); else localStorage.removeItem(storeKey); } catch (e) { /* storage blocked */ }
      note = ' De oudere kopie op dit apparaat is verwijderd, zodat die later niet terugkomt alsof hij actueel is.';
    }
  }
  const text = `${reason}${note} Download uw antwoorden als bestand. Op de privacypagina ziet u wat Deelwijzer op dit apparaat bewaart.`;
  // Say it once per cause, not at every keystroke; an engine error was just said.
  // The line under the buttons keeps showing it.
  const news = reason !== storeReason;
  storeReason = reason;
  if (note || news) storeProblem = text;
  markDirty();
  if (news && !engineError) say(text);
}

function changed(ev) {
  // Following groups take their row titles from their source group: refresh those
  // of the group that changed, or of all groups when rows moved.
  const holder = ev && ev.target && ev.target.closest ? ev.target.closest('[data-item]') : null;
  if (holder) {
    if (items.get(holder.dataset.item).kind === 'group') syncFollowers(holder.dataset.item);
  } else {
    for (const [id, it] of items) if (it.kind === 'group' && !it.rowsFrom) syncFollowers(id);
  }
  speakNews = Boolean(ev && ev.target);
  const answers = evaluate(ev && ev.target);
  speakNews = false;
  refreshErrors();
  mirrorTextareas();
  markDirty();
  // Also with answers the engine refuses: the attempt marks the stored copy as
  // older than the screen, so it never comes back as if it were current.
  persist(answers);
}

function wipeDevice() {
  try {
    if (inDossier) inDossier.drop();
    else localStorage.removeItem(storeKey);
    localStorage.removeItem(staleKey);
  } catch (err) { /* storage blocked: nothing was kept */ }
  held = null;
  storeProblem = '';
  storeReason = '';
}

const today = () => new Date().toISOString().slice(0, 10);

// failed tells that an operation did not work and that nothing was saved.
function failed(text) {
  importMessage('error', text);
}

function exportJSON() {
  const answers = evaluate();
  const now = new Date();
  const file = engineError ? { error: engineError } : fileOrError(callText('exportFile', JSON.stringify(answers), now.toISOString()));
  if (file.error) {
    failed(`Het downloaden van uw antwoorden is niet gelukt. ${file.error} Er is geen bestand opgeslagen.`);
    return;
  }
  download(`${checklistID}-antwoorden-${today()}.json`, 'application/json', file.text);
  markSaved(now, 'als bestand');
  const problems = validate();
  if (problems.length) {
    showErrors(problems, 'Uw antwoorden zijn als bestand opgeslagen. Nog niet alles is goed ingevuld:');
  } else {
    hideErrors();
    say('Uw antwoorden zijn als bestand opgeslagen.');
  }
}

// The report is written by the document module (wasm/documents), fetched at the first
// click like the documents: in the engine it would not fit the engine's size budget.
// The answers are those of the moment of the click.
let reportBusy = false;
async function exportMarkdown() {
  if (reportBusy) return;
  const answers = evaluate();
  let out = { error: engineError };
  if (!engineError) {
    reportBusy = true;
    if (!documentsModule) say('Het verslag wordt gemaakt. Even geduld.');
    try {
      const api = await loadDocuments(siteURL($('dw-engine').dataset.documents));
      out = JSON.parse(api.report(JSON.stringify({ definition: def, lists: payload.lists }), JSON.stringify(answers), root.href, localDate()));
    } catch (err) {
      out = { error: 'Het onderdeel dat het verslag maakt, kon niet worden geladen. Controleer uw verbinding en probeer het opnieuw.' };
    } finally {
      reportBusy = false;
    }
  }
  if (out.error || typeof out.markdown !== 'string') {
    failed(`Het downloaden van het verslag is niet gelukt. ${out.error || 'Er ging iets mis in de checklist.'} Er is geen bestand opgeslagen.`);
    return;
  }
  download(`${checklistID}-verslag-${today()}.md`, 'text/markdown', out.markdown);
  say('Het verslag is als Markdown-bestand opgeslagen.');
}

// ---- documents (.docx, .odt) -----------------------------------------------------

// The document writer is a second WebAssembly module (see wasm/documents), fetched on
// the first click only: inside the engine it would not fit the engine's size budget,
// and most visits never ask for a document. A failed load is forgotten, so the next
// click tries again.
let documentsModule;
function loadDocuments(url) {
  if (!documentsModule) {
    documentsModule = (async () => {
      await runModule(url, 'deelwijzerDocumentsReady');
      return globalThis.deelwijzerDocuments;
    })();
    documentsModule.catch(() => { documentsModule = undefined; });
  }
  return documentsModule;
}

const documentTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};

// documentRequest is what the document writer needs (see wasm/documents): this page's
// answers and definition, the definitions of the other checklists the template reads
// (files of this site, checked against their hash), and in a dossier its name and the
// answers of those other checklists. Nothing is sent anywhere.
async function documentRequest(template, answers) {
  const payloads = { [checklistID]: { definition: def, lists: payload.lists } };
  const request = { checklist: checklistID, answers, payloads };
  if (inDossier) {
    request.dossier = inDossier.name;
    request.dossierInfo = inDossier.documentInfo();
    request.files = {};
  }
  for (const [id, file] of Object.entries(template.definities || {})) {
    const resp = await fetch(siteURL(file.url), { integrity: file.integrity });
    if (!resp.ok) throw new Error(`De checklist ${id} kon niet worden geladen.`);
    payloads[id] = await resp.json();
    if (inDossier) {
      const text = inDossier.fileOf(id, payloads[id].definition);
      if (text !== null) request.files[id] = text;
    }
  }
  return JSON.stringify(request);
}

async function makeDocument(button) {
  const status = $('documenten-status');
  const tell = (text) => { setText(status, text); say(text); };
  const template = JSON.parse($('checklist-documenten').textContent).find((t) => t.id === button.dataset.document);
  const format = button.dataset.format === 'odt' ? 'odt' : 'docx';
  const answers = evaluate();
  if (engineError || !template) {
    tell(`Het document kon niet worden gemaakt. ${engineError || 'Het sjabloon ontbreekt.'} Er is geen bestand opgeslagen.`);
    return;
  }
  button.setAttribute('aria-disabled', 'true');
  tell('Het document wordt gemaakt. Even geduld.');
  try {
    const api = await loadDocuments(siteURL($('documenten').dataset.module));
    const out = api.make(await documentRequest(template, answers), template.tekst, format, today());
    if (!(out instanceof Uint8Array)) throw new Error(JSON.parse(out).error);
    download(`${checklistID}-${template.id}-${today()}.${format}`, documentTypes[format], out);
    tell(`${template.titel} is gedownload als .${format}-bestand. Het is een concept: laat het controleren door een jurist.`);
  } catch (err) {
    tell(`Het document kon niet worden gemaakt. ${err.message} Er is geen bestand opgeslagen.`);
  } finally {
    button.removeAttribute('aria-disabled');
  }
}

const MAX_IMPORT = 2 * 1024 * 1024;

// importMessage fills the message box under the save controls. actions are
// buttons ({id, label, run}) the visitor can choose from.
function importMessage(kind, title, lines, actions) {
  const box = $('importmelding');
  box.hidden = false;
  box.className = `dw-import-message dw-import-message--${kind}`;
  const h = document.createElement('p');
  h.className = 'dw-import-message__title';
  h.textContent = title;
  const parts = [h];
  if (lines && lines.length) {
    const ul = document.createElement('ul');
    for (const l of lines) {
      const li = document.createElement('li');
      li.textContent = l;
      ul.append(li);
    }
    parts.push(ul);
  }
  if (actions && actions.length) {
    const group = document.createElement('div');
    group.className = 'dw-button-group';
    for (const a of actions) {
      const b = document.createElement('button');
      b.type = 'button';
      b.id = a.id;
      b.className = 'dw-button dw-button--secondary';
      b.textContent = a.label;
      b.addEventListener('click', a.run);
      group.append(b);
    }
    parts.push(group);
  }
  box.replaceChildren(...parts);
}

// importDetails says what an import (of a file or of the stored copy) left out.
function importDetails(res) {
  const lines = (res.notes || []).concat((res.dropped || []).map((d) => (d.item ? `${d.item}: ${d.reason}` : d.reason)));
  const from = res.fromVersion && res.fromVersion !== def.version
    ? ` Ze horen bij versie ${res.fromVersion} van deze checklist; dit is versie ${def.version}.` : '';
  return { lines, from };
}

// restoreFromDevice puts back what the visitor kept on this device, through the
// same import as a file. A copy that does not restore fully is held: it is not
// overwritten until the visitor downloads it or chooses to replace it.
function restoreFromDevice(early) {
  let kept = null;
  let stale = null;
  try {
    kept = inDossier ? inDossier.read() : localStorage.getItem(storeKey);
    stale = localStorage.getItem(staleKey);
  } catch (err) { return false; /* storage blocked */ }
  // In a dossier the answers are kept there from the start: the visitor chose
  // that by making the dossier.
  if (inDossier) storeCheckbox().checked = true;
  if (kept === null) {
    if (stale !== null) try { localStorage.removeItem(staleKey); } catch (err) { /* storage blocked */ }
    return false;
  }
  storeCheckbox().checked = true;
  let res = importAnswers(kept);
  let changedSince = '';
  if (res.error) {
    const saved = salvage(kept);
    if (!saved) {
      hold(kept, 'error', `Uw bewaarde antwoorden konden niet worden teruggezet. ${res.error}`, '', []);
      return false;
    }
    res = saved;
    changedSince = ' De checklist is veranderd sinds u ze bewaarde.';
  }
  fill(keepEarly(res.answers, early));
  let when = null;
  try { when = new Date(JSON.parse(kept).exported); } catch (err) { /* no time in the copy */ }
  if (when && Number.isNaN(when.getTime())) when = null;
  const { lines, from } = importDetails(res);
  if (lines.length) {
    hold(kept, 'warning', `Uw bewaarde antwoorden van dit apparaat zijn teruggezet, behalve wat niet meer past.${changedSince || from}`,
      lines.length === 1 ? 'Dit antwoord past niet meer en is niet overgenomen:' : 'Deze antwoorden passen niet meer en zijn niet overgenomen:', lines);
    return true;
  }
  // Answers of an older version that moved without loss (a partner that became an
  // organisation row) go back into the dossier at once, so the other checklists of
  // the dossier see the rows the move made.
  if (inDossier && res.fromVersion && res.fromVersion !== def.version && persist(res.answers)) when = null;
  if (when) markSaved(when, 'op dit apparaat');
  if (stale) {
    importMessage('warning', `Dit zijn uw antwoorden zoals ze ${when ? `${clockText(when)} ` : ''}op dit apparaat zijn bewaard. Wat u daarna heeft ingevuld, kon niet meer worden bewaard: ${clockText(new Date(stale))} lukte bewaren niet. Controleer of alles klopt.`);
  } else {
    say('Uw bewaarde antwoorden van dit apparaat zijn teruggezet.');
  }
  return true;
}

// salvage reads a stored copy that the engine refuses because it claims this
// version of the checklist but holds answers that do not fit it. For a file that
// means damaged or edited; for the copy this page wrote itself it means the
// checklist changed without a new version number. Read as coming from an earlier
// version, the engine keeps what fits and lists the rest, as for any older file.
function salvage(kept) {
  let file;
  try { file = JSON.parse(kept); } catch (err) { return null; }
  if (!file || typeof file !== 'object' || file.checklist !== checklistID || !file.answers || typeof file.answers !== 'object') return null;
  file.definitionVersion = '0.0.0';
  const res = importAnswers(JSON.stringify(file));
  if (res.error || !(res.dropped || []).length) return null;
  res.fromVersion = '';
  return res;
}

// hold keeps the stored copy as it is and lets the visitor decide.
function hold(raw, kind, lead, listIntro, lines) {
  held = raw;
  storeProblem = 'De bewaarde kopie op dit apparaat wordt niet overschreven tot u kiest wat ermee moet gebeuren.';
  importMessage(kind, `${lead} De bewaarde kopie blijft ongewijzigd op dit apparaat staan tot u kiest. Download hem als u hem wilt houden.${listIntro ? ` ${listIntro}` : ''}`, lines, [
    { id: 'kopie-download', label: 'Download de bewaarde kopie', run: () => download(`${checklistID}-bewaarde-kopie-${today()}.json`, 'application/json', raw) },
    {
      id: 'kopie-vervang',
      label: 'Vervang de bewaarde kopie door wat nu op het scherm staat',
      run: () => {
        held = null;
        storeProblem = '';
        storeReason = '';
        const ok = persist(current || collect().answers);
        if (ok) importMessage('ok', 'De bewaarde kopie is vervangen. Wat op het scherm staat, wordt nu op dit apparaat bewaard.');
      },
    },
  ]);
}

// Importing a file replaces what is on screen: with answers there, ask first; after
// the import, offer to put the previous answers back (one step).
let pendingImport = null;

async function importFile(file) {
  if (!file) return;
  if (file.size > MAX_IMPORT) {
    importMessage('error', `Het bestand "${file.name}" kan niet worden geopend: het is groter dan 2 MB. Uw antwoorden op het scherm zijn niet veranderd.`);
    return;
  }
  // The bytes go to the engine as they are: file.text() would silently turn a file
  // in another character set than UTF-8 into replacement characters.
  const bytes = new Uint8Array(await file.arrayBuffer());
  let res = importAnswers(bytes);
  if (res.older && !olderFiles) {
    say('Het bestand wordt gelezen. Even geduld.');
    olderFiles = await loadDocuments(siteURL($('dw-engine').dataset.documents)).catch(() => null);
    if (olderFiles) res = importAnswers(bytes);
  }
  if (res.error) {
    importMessage('error', `Het bestand "${file.name}" kan niet worden geopend: ${res.error} Uw antwoorden op het scherm zijn niet veranderd.`);
    return;
  }
  if (hasAnswers()) {
    pendingImport = { name: file.name, res };
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
function dropUndo() {
  const b = $('import-terug');
  if (b) b.remove();
}

// Another tab of this checklist wrote or removed the stored copy. This tab stops
// writing, so neither overwrites the other and a wipe is never undone by a
// keystroke here. The answers on this screen stay.
function otherTab(ev) {
  if (ev.storageArea !== localStorage || (ev.key !== storeKey && ev.key !== null)) return;
  if (!storeCheckbox().checked) return;
  storeCheckbox().checked = false;
  held = null;
  storeProblem = '';
  storeReason = '';
  markDirty();
  if (inDossier) {
    importMessage('warning', inDossier.otherTabText(ev.newValue === null));
  } else if (ev.newValue === null) {
    importMessage('warning', 'In een ander tabblad of venster is wat op dit apparaat voor deze checklist bewaard stond, gewist. Dit tabblad bewaart daarom niets meer op dit apparaat. Uw antwoorden op dit scherm staan er nog. Wilt u ze houden? Download ze, of vink "Bewaar op dit apparaat" weer aan.');
  } else {
    importMessage('warning', 'Deze checklist is ook in een ander tabblad of venster open, en dat tabblad heeft antwoorden op dit apparaat bewaard. Dit tabblad bewaart nu niets meer, zodat het de antwoorden van het andere tabblad niet overschrijft. Wilt u toch de antwoorden van dit tabblad bewaren? Vink dan "Bewaar op dit apparaat" weer aan. Dan komen ze in de plaats van wat het andere tabblad bewaarde.');
  }
}

// ---- validation, check answers, result -------------------------------------------

function validate() {
  const { answers, rowMap } = collect();
  lastRowMap = rowMap;
  const res = call('validate', JSON.stringify(answers));
  if (res.error) return [{ field: '', item: '', message: res.error }];
  return res.errors || [];
}

// refreshErrors: while the error summary is shown, every change checks again, so a
// field that is fixed loses its message and the summary lists only what is left.
// Focus stays where the visitor is typing.
let errorsIntro = '';
function refreshErrors() {
  if ($('foutoverzicht').hidden || !errorsIntro) return;
  const problems = validate();
  if (problems.length) {
    showErrors(problems, errorsIntro, false);
    return;
  }
  hideErrors();
  say('Alle fouten zijn opgelost. Kies opnieuw "Controleer en rond af".');
}

function hideErrors() {
  $('foutoverzicht').hidden = true;
  clearMessages('dw-error-message');
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  document.title = viewTitle();
}

function showErrors(errors, intro, focus = true) {
  const summaryKey = JSON.stringify(errors);
  const same = !focus && summaryKey === lastErrors;
  lastErrors = summaryKey;
  if (same) return;
  hideErrors();
  errorsIntro = errors.length ? intro : '';
  const list = $('foutoverzicht-lijst');
  const links = [];
  errors.forEach((e, i) => {
    const el = fieldElement(e.field);
    const box = messagesBox(e.field);
    if (box && el) {
      const p = document.createElement('p');
      p.className = 'dw-error-message';
      p.id = `fout-${i}`;
      const hidden = document.createElement('span');
      hidden.className = 'dw-visually-hidden';
      hidden.textContent = 'Fout: ';
      p.append(hidden, document.createTextNode(e.message));
      box.append(p);
      errorTarget(el).setAttribute('aria-invalid', 'true');
      linkDescription(errorTarget(el), p.id);
    }
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = el && el.id ? `#${el.id}` : '#checklist';
    a.textContent = e.message;
    a.addEventListener('click', (ev) => {
      if (!el) return;
      ev.preventDefault();
      el.focus();
      el.scrollIntoView({ block: 'center' });
    });
    li.append(a);
    links.push(li);
  });
  $('foutoverzicht-intro').textContent = intro;
  list.replaceChildren(...links);
  $('foutoverzicht').hidden = false;
  document.title = `Fout: ${viewTitle()}`;
  if (focus) $('foutoverzicht').focus();
}
let lastErrors = '';

function summaryRow(label, valueNodes, changeTarget, changeContext) {
  const row = document.createElement('div');
  row.className = 'dw-summary__row';
  const dt = document.createElement('dt');
  dt.textContent = label;
  const dd = document.createElement('dd');
  dd.append(...valueNodes);
  const act = document.createElement('dd');
  act.className = 'dw-summary__action';
  const a = document.createElement('a');
  a.href = `#${changeTarget}`;
  a.append('Wijzigen');
  const hidden = document.createElement('span');
  hidden.className = 'dw-visually-hidden';
  hidden.textContent = ` ${changeContext}`;
  a.append(hidden);
  a.addEventListener('click', (ev) => {
    const el = document.getElementById(changeTarget);
    if (!el) return;
    ev.preventDefault();
    el.focus();
    el.scrollIntoView({ block: 'center' });
  });
  act.append(a);
  row.append(dt, dd, act);
  return row;
}

// The engine writes every answer as the result shows it (labels, Dutch dates,
// "Niet ingevuld") and works out the overviews; this only puts them in the page.
function renderResult(answers, focus = true) {
  const visible = new Set(lastState.visible);
  const result = call('result', JSON.stringify(answers), localDate());
  const texts = result.answers || {};
  const out = [];
  def.sections.forEach((s, n) => {
    const h = document.createElement('h3');
    h.textContent = `Stap ${n + 1}: ${s.title}`;
    const dl = document.createElement('dl');
    dl.className = 'dw-summary dw-summary--answers';
    for (const it of s.items) {
      if (!visible.has(it.id)) continue;
      const v = texts[it.id];
      const target = (fieldElement(it.id) || {}).id || `stap-${s.id}`;
      const nodes = Array.isArray(v) ? [el('ul', {}, ...v.map((row) => el('li', {}, ...langText(row))))] : langText(v || '');
      dl.append(summaryRow(it.question, nodes, target, it.question));
    }
    out.push(h, dl);
  });
  const fh = document.createElement('h3');
  fh.textContent = 'Bevindingen';
  const fl = document.createElement('ul');
  fl.className = 'dw-findings__list';
  fl.append(...lastState.findings.map(findingNode));
  if (!lastState.findings.length) fl.append(Object.assign(document.createElement('li'), { textContent: 'Geen bevindingen.' }));
  out.push(fh, fl);
  $('resultaat-inhoud').replaceChildren(...out);
  $('resultaat-overzichten').replaceChildren(...renderViews(result));
  $('actielijsten').replaceChildren(...renderPlan(result.plan, roles, { findingNode, printOnly, siteURL }));
  const res = $('resultaat');
  res.hidden = false;
  if (focus) res.focus();
}

// The whole checklist prints with its result (answers, overviews, findings, action
// lists), also before "Controleer en rond af": made for the print, hidden after it.
let resultForPrint = false;
function printResult() {
  if (document.documentElement.dataset.printOnly || !$('resultaat').hidden || form.closest('[data-view]').dataset.view !== 'alles') return;
  const answers = evaluate();
  if (engineError || !lastState) return;
  renderResult(answers, false);
  resultForPrint = true;
}
function afterPrint() {
  if (resultForPrint) $('resultaat').hidden = true;
  resultForPrint = false;
}

// ---- action lists per role ---------------------------------------------------------

// The engine works the plan out (result.plan); plan.js draws it.
const roles = JSON.parse(($('checklist-roles') || { textContent: '[]' }).textContent);

// printOnly prints one action list: the page marks it, the print style sheet shows
// only what is marked, and the mark goes when printing is done.
function printOnly(id) {
  document.documentElement.dataset.printOnly = id;
  $(id).classList.add('dw-print-target');
  const done = () => {
    delete document.documentElement.dataset.printOnly;
    $(id).classList.remove('dw-print-target');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

function finish() {
  const answers = evaluate();
  if (engineError) {
    $('resultaat').hidden = true;
    showErrors([], `Afronden is niet gelukt. ${engineError}`);
    return;
  }
  const problems = validate();
  if (problems.length) {
    $('resultaat').hidden = true;
    showErrors(problems, 'Controleer de volgende vragen:');
    return;
  }
  hideErrors();
  renderResult(answers);
}

// ---- print: long answers -------------------------------------------------------

// A textarea prints as a fixed box and cuts long answers off; mirror each one into a
// print-only block so the filled-in checklist prints every word.
function mirrorTextareas() {
  for (const ta of form.querySelectorAll('textarea')) {
    let mirror = ta.nextElementSibling;
    if (!mirror || !mirror.classList.contains('dw-print-value')) {
      mirror = document.createElement('div');
      mirror.className = 'dw-print-value';
      mirror.setAttribute('aria-hidden', 'true');
      ta.after(mirror);
    }
    if (mirror.textContent !== ta.value) mirror.textContent = ta.value;
    ta.classList.toggle('dw-has-value', ta.value !== '');
  }
}

// ---- wiring ---------------------------------------------------------------------

// say shows a message in the status line of "Uw werk bewaren" and speaks it.
function say(text) {
  $('bewaarstatus').textContent = text;
  announce(text);
}

// announce speaks through one polite status region (#aankondiging), which is in
// the page from the start and never hidden: a region that leaves the
// accessibility tree, or is emptied just before, may never be spoken. Messages
// that come within a moment of each other are spoken once, together. The same
// words again get a no-break space, so the region changes and is heard.
let announceTimer;
let announceQueue = [];
let speakNews = false;
function announce(text) {
  if (!announceQueue.includes(text)) announceQueue.push(text);
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    const box = $('aankondiging');
    let msg = announceQueue.join(' ');
    announceQueue = [];
    if (box.textContent === msg) msg += '\u00a0';
    box.textContent = msg;
  }, 400);
}

const rowCount = (n) => `${n} ${n === 1 ? 'rij' : 'rijen'}`;

function enhance() {
  enhanceRefs(form, def);
  enhanceGroups();
  for (const el of document.querySelectorAll('#bewaren, .dw-engine-only')) el.hidden = false;

  // Restore work only when the visitor opted in on this device earlier. What was
  // typed while the engine started stays, and is then kept too.
  const early = collect().answers;
  if (restoreFromDevice(early) && Object.keys(early).length) changed();
  else evaluate();

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
  // In a dossier, a verdict of another checklist may answer a question (carry.js).
  if (inDossier) carryOutcomes(form, def, (ids) => inDossier.outcomes(ids), () => collect().answers);
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

  storeCheckbox().addEventListener('change', () => {
    if (storeCheckbox().checked) {
      if (persist(collect().answers)) say('Uw antwoorden worden nu op dit apparaat bewaard. Met "Wis alles" haalt u ze weg.');
    } else {
      wipeDevice();
      if (hasAnswers()) markDirty();
      say('Er wordt niets meer op dit apparaat bewaard. Wat voor deze checklist was bewaard, is verwijderd. Andere checklists zijn niet veranderd.');
    }
  });
  $('exporteer-json').addEventListener('click', exportJSON);
  $('resultaat-json').addEventListener('click', exportJSON);
  $('exporteer-md').addEventListener('click', exportMarkdown);
  for (const b of document.querySelectorAll('[data-document]')) {
    b.addEventListener('click', () => { if (!b.hasAttribute('aria-disabled')) makeDocument(b); });
  }
  $('resultaat-md').addEventListener('click', exportMarkdown);
  $('print').addEventListener('click', () => window.print());
  // The result alone reads as the summary one hands to the FG: answers, overviews,
  // findings and action lists, without the form around it.
  $('resultaat-print').addEventListener('click', () => printOnly('resultaat'));
  window.addEventListener('beforeprint', mirrorTextareas);
  window.addEventListener('beforeprint', printResult);
  window.addEventListener('afterprint', afterPrint);
  $('importeer').addEventListener('change', (ev) => {
    $('import-bevestiging').hidden = true;
    pendingImport = null;
    importFile(ev.target.files[0]).finally(() => { ev.target.value = ''; });
  });
  $('import-ja').addEventListener('click', () => {
    const p = pendingImport;
    pendingImport = null;
    $('import-bevestiging').hidden = true;
    if (p) applyImport(p.name, p.res);
  });
  $('import-nee').addEventListener('click', () => {
    pendingImport = null;
    $('import-bevestiging').hidden = true;
    $('importeer').focus();
    say('Het bestand is niet geopend. Uw antwoorden op het scherm zijn niet veranderd.');
  });
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
  $('wis-ja').addEventListener('click', () => {
    wipeDevice();
    storeCheckbox().checked = false;
    fill({});
    // In a dossier the shared rows stay (other checklists use them): show them again.
    if (inDossier) {
      try {
        const kept = inDossier.read();
        const res = kept ? call('importFile', kept) : {};
        if (res.answers) fill(res.answers);
      } catch (err) { /* the dossier is gone or unreadable: nothing to show */ }
    }
    hideErrors();
    $('resultaat').hidden = true;
    $('importmelding').hidden = true;
    $('wis-bevestiging').hidden = true;
    current = null;
    evaluate();
    setDirty(false);
    savedAt = null;
    showSaved();
    $('wis-alles').focus();
    say('Alles is gewist: de antwoorden op deze pagina en wat op dit apparaat voor deze checklist was bewaard. Andere checklists zijn niet veranderd.');
  });
}

start().catch((err) => {
  // The static form keeps working; say why the extras are missing.
  const note = document.createElement('p');
  note.className = 'dw-callout';
  note.setAttribute('role', 'status');
  note.textContent = `De hulpmiddelen bij deze checklist konden niet starten (${err.message}). U kunt de vragen wel lezen, invullen en printen.`;
  form.before(note);
});
