// Reading and writing the answers in the form. The form is the one place the answers
// are on screen; these functions turn it into the answers the engine reads, and find
// the control an engine message is about.
import { readRowID, isBlankAnswerRow } from '../rowids.js';
import { writeRef } from '../refs.js';
import { FIELDS, form, items } from './page.js';
import { state } from './state.js';

// controlsIn finds a question's controls by name (names are unique in the form,
// group cells included). The index is built once and again only when rows are
// added or removed, so a change costs no search through every field of a long
// checklist.
function controlsIn(scope, name) {
  if (!state.controlIndex) {
    state.controlIndex = new Map();
    for (const el of form.elements) {
      if (!el.name) continue;
      const list = state.controlIndex.get(el.name);
      if (list) list.push(el); else state.controlIndex.set(el.name, [el]);
    }
  }
  return state.controlIndex.get(name) || [];
}
export const formChanged = () => { state.controlIndex = null; };

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

export function writeControl(scope, name, kind, value) {
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

const isEmpty = (v) => v === '' || v == null || (Array.isArray(v) && v.length === 0);

// fieldName is the form name of a field in a row ("group.n.field"); a reference to
// several rows may have no control yet (no rows to choose from), so the name is
// read from the cell.
export function fieldName(row, f) {
  const cell = row.querySelector(`[data-field="${f.id}"]`);
  const el = cell.querySelector('input, select, textarea, [data-ref-name]');
  return el.name || el.dataset.refName;
}

// rowsBox is the element that holds a group's rows; it carries the group's row
// label, limits and source group (data-row-label, data-max-rows, data-min-rows,
// data-rows-from) as the template wrote them from the definition.
export const rowsBox = (groupID) => form.querySelector(`[data-rows-for="${groupID}"]`);

export function rowsOf(groupID) {
  return Array.from(rowsBox(groupID).children);
}

// collect returns the answers. Group rows keep their place: a blank row in the
// middle is sent as {} (the engine ignores it for counting and checks), so row n
// of a group and row n of a group that follows it (rowsFrom) stay together.
// Trailing blank rows are left out. rowMap maps answer rows to DOM rows.
export function collect() {
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

export function collectGroup(id, it) {
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

// answersAfter keeps the answers between changes (state.current). A change to one
// question re-reads only that question (or that group); anything that moves rows
// re-reads all.
export function answersAfter(target) {
  const holder = target && target.closest ? target.closest('[data-item]') : null;
  if (!state.current || !holder) {
    const { answers, rowMap } = collect();
    state.current = answers;
    state.rowMap = rowMap;
    return state.current;
  }
  const id = holder.dataset.item;
  const it = items.get(id);
  const v = it.kind === 'group' ? collectGroup(id, it) : readControl(form, id, controlKind(it));
  if (isEmpty(v)) delete state.current[id]; else state.current[id] = v;
  if (it.kind === 'group') state.rowMap[id] = rowsOf(id);
  return state.current;
}

export const hasAnswers = () => Object.keys(state.current || collect().answers).length > 0;

// fieldElement finds the control an engine message is about.
export function fieldElement(field) {
  // "item" or "group.row.field" (row = answer row number) -> the first control.
  // An answer row that is not in the map (a required group left empty) points at
  // the DOM row with that number, or the first row.
  const parts = field.split('.');
  if (parts.length === 3) {
    const rows = rowsOf(parts[0]);
    const row = (state.rowMap[parts[0]] || [])[Number(parts[1])] || rows[Number(parts[1])] || rows[0];
    const cell = row && row.querySelector(`[data-field="${parts[2]}"]`);
    return cell && cell.querySelector('input, select, textarea');
  }
  if (items.has(field) && items.get(field).kind === 'group') {
    return rowsOf(field)[0].querySelector(FIELDS);
  }
  return controlsIn(form, field)[0] || form.querySelector(`[data-item="${field}"] input, [data-item="${field}"] select, [data-item="${field}"] textarea`);
}
