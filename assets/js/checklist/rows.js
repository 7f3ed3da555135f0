// Repeatable groups: adding, removing (with undo) and moving rows, the rows of groups
// that follow another group (rowsFrom), and putting answers back in the form with as
// many rows as they need.
import { el } from '../views.js';
import { ensureRowID, moveRow, newRowID, rowID, setRowID, writeRowID } from '../rowids.js';
import { changed } from './changes.js';
import { collectGroup, fieldName, formChanged, rowsBox, rowsOf, writeControl } from './form.js';
import { say } from './messages.js';
import { FIELDS, form, items, setHidden, setText } from './page.js';
import { state } from './state.js';

// The template writes each group's row label and limits on its box (data-row-label,
// default "Rij"; data-min-rows; data-max-rows, default 50), so they are read there.
const rowLabel = (groupID) => rowsBox(groupID).dataset.rowLabel;

// shownRows: how many rows a group shows at least: as many as the group it follows,
// or its minimum, and always one.
const shownRows = (box) => (box.dataset.rowsFrom ? rowsOf(box.dataset.rowsFrom).length : Math.max(1, Number(box.dataset.minRows) || 0));

const rowCount = (n) => `${n} ${n === 1 ? 'rij' : 'rijen'}`;

// fill puts answers in the form, with as many rows as each group needs.
export function fill(answers) {
  dropRowUndo();
  for (const [id, it] of items) {
    const v = answers[id];
    if (it.kind === 'group') fillGroup(id, it, v);
    else writeControl(form, id, it.kind, v);
  }
}

function fillGroup(id, it, v) {
  const wanted = Array.isArray(v) ? v : [];
  const box = rowsBox(id);
  const min = shownRows(box);
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

// Rows are copies of the first row with fresh names and ids, so labels, legends and
// hints stay tied to their own row.
function addRow(groupID, focus) {
  const box = rowsBox(groupID);
  const template = box.firstElementChild;
  const row = template.cloneNode(true);
  const n = state.rowSerial++;
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
    const label = rowLabel(groupID);
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
function offerRowUndo(groupID, i, before, lost) {
  dropRowUndo();
  const box = rowsBox(groupID);
  const label = rowLabel(groupID);
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
  state.rowUndo = note;
}

export function dropRowUndo() {
  if (state.rowUndo) { state.rowUndo.remove(); state.rowUndo = null; }
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
  const box = rowsBox(groupID);
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
export function syncFollowers(groupID) {
  for (const f of followers(groupID)) {
    while (rowsOf(f).length < rowsOf(groupID).length) addRow(f, false);
    renumber(f);
  }
}

function renumber(groupID) {
  const box = rowsBox(groupID);
  const label = rowLabel(groupID);
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
  if (add) setHidden(add, rowsOf(groupID).length >= Number(box.dataset.maxRows));
}

// enhanceGroups gives every group its buttons: add, remove, up, down.
export function enhanceGroups() {
  for (const [id, it] of items) {
    if (it.kind !== 'group') continue;
    const box = rowsBox(id);
    // The static page prints a few blank rows to write on; on screen, start with what is
    // needed. Only blank rows go: a row someone filled in before the engine ran stays,
    // and so does a row whose matching row in a following group was filled in.
    const min = shownRows(box);
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
    add.textContent = `${rowLabel(id)} toevoegen`;
    add.addEventListener('click', () => {
      addRow(id, true);
      syncFollowers(id);
      say(`${rowLabel(id)} toegevoegd. Er ${rowsOf(id).length === 1 ? 'is' : 'zijn'} nu ${rowCount(rowsOf(id).length)}.`);
    });
    box.after(add);
    renumber(id);
  }
}
