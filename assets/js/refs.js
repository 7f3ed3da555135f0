// References to rows of an earlier group (kind ref): "Processtap", "Deelmomenten",
// "Tegen risico". Without JavaScript the page has a text field for the row number;
// here it becomes a list of the rows: a select for one row, checkboxes for several.
// The rows and their names come from the engine (state.refRows), so a list follows
// every row that is added, renamed, moved or removed. A chosen row that is gone stays
// chosen, as "Verwijderde rij": the engine reports it, and nothing is lost until the
// visitor chooses another row.

import { state } from './checklist/state.js';

// The rows each group offers are in state.refRows (as the engine last reported them,
// state.refKey), so a row that is written back finds its label.

const removedLabel = (id) => `Verwijderde rij (${id})`;
// The part after "Processtap 2: ", for row titles of groups that follow.
const shortLabel = (label) => (label.includes(': ') ? label.slice(label.indexOf(': ') + 2) : label);

function groupQuestion(def, id) {
  for (const s of def.sections) for (const it of s.items) if (it.id === id) return it.question;
  return '';
}

// enhanceRefs turns every reference text field into a list. Rows added later are
// copies of a row that already has its list.
export function enhanceRefs(form, def) {
  for (const input of form.querySelectorAll('input.dw-input--ref')) {
    const hint = document.getElementById(`${input.id}-ref`);
    const describedBy = (input.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== `${input.id}-ref`).join(' ');
    if (hint) hint.remove();
    if (!('multiple' in input.dataset)) {
      const sel = document.createElement('select');
      sel.className = 'dw-select';
      sel.id = input.id;
      sel.name = input.name;
      sel.autocomplete = 'off';
      sel.dataset.ref = input.dataset.ref;
      if (describedBy) sel.setAttribute('aria-describedby', describedBy);
      sel.append(new Option('Kies…', ''));
      input.replaceWith(sel);
      continue;
    }
    // Several rows: checkboxes in a group named by the question's label.
    const label = input.closest('.dw-question').querySelector(`label[for="${input.id}"]`);
    const name = document.createElement('span');
    name.className = label.className;
    name.id = `${input.id}-label`;
    name.append(...label.childNodes);
    label.replaceWith(name);
    const box = document.createElement('div');
    box.className = 'dw-checkboxes dw-ref-list';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-labelledby', name.id);
    if (describedBy) box.setAttribute('aria-describedby', describedBy);
    box.dataset.ref = input.dataset.ref;
    box.dataset.refName = input.name;
    box.dataset.refBase = input.id;
    box.dataset.refEmpty = `Nog niets om uit te kiezen. Vul eerst de vraag "${groupQuestion(def, input.dataset.ref)}" in.`;
    input.replaceWith(box);
    fillList(box, []);
  }
}

function fillSelect(sel, rows) {
  const value = sel.value;
  const same = sel.options.length === rows.length + 1 && rows.every((r, k) => sel.options[k + 1].value === r.id);
  if (same) {
    rows.forEach((r, k) => {
      const o = sel.options[k + 1];
      if (o.text !== r.label) { o.text = r.label; o.dataset.short = shortLabel(r.label); }
    });
    return false;
  }
  const opts = [new Option('Kies…', '')];
  for (const r of rows) {
    const o = new Option(r.label, r.id);
    o.dataset.short = shortLabel(r.label);
    opts.push(o);
  }
  if (value && !rows.some((r) => r.id === value)) opts.push(new Option(removedLabel(value), value));
  sel.replaceChildren(...opts);
  sel.value = value;
  return true;
}

// fillList shows one checkbox per row; want is the set of ids to check (by default
// those checked now).
function fillList(box, rows, want) {
  const checked = want || new Set([...box.querySelectorAll('input:checked')].map((el) => el.value));
  const all = rows.map((r) => ({ id: r.id, label: r.label }));
  for (const v of checked) if (!rows.some((r) => r.id === v)) all.push({ id: v, label: removedLabel(v) });
  const boxes = [...box.querySelectorAll('input[type="checkbox"]')];
  if (boxes.length === all.length && all.every((r, k) => boxes[k].value === r.id)) {
    all.forEach((r, k) => {
      const l = boxes[k].nextElementSibling;
      if (l.textContent !== r.label) l.textContent = r.label;
      if (want) boxes[k].checked = want.has(r.id);
    });
    return false;
  }
  const focused = box.contains(document.activeElement) ? document.activeElement.value : null;
  const base = box.dataset.refBase;
  const kids = all.map((r, k) => {
    const id = k === 0 ? base : `${base}-${k}`;
    const cb = document.createElement('input');
    cb.type = 'checkbox';
    cb.id = id;
    cb.name = box.dataset.refName;
    cb.value = r.id;
    cb.autocomplete = 'off';
    cb.checked = checked.has(r.id);
    const l = document.createElement('label');
    l.htmlFor = id;
    l.textContent = r.label;
    const wrap = document.createElement('div');
    wrap.className = 'dw-checkbox';
    wrap.append(cb, l);
    return wrap;
  });
  if (!kids.length) {
    const p = document.createElement('p');
    p.className = 'dw-hint';
    p.id = base;
    p.tabIndex = -1;
    p.textContent = box.dataset.refEmpty;
    kids.push(p);
  }
  box.replaceChildren(...kids);
  if (focused !== null) {
    const again = [...box.querySelectorAll('input')].find((el) => el.value === focused);
    if (again) again.focus();
  }
  return true;
}

// updateRefs brings every list in step with the rows the engine reports. It
// returns true when form controls were added or removed.
export function updateRefs(form, refRows) {
  const key = JSON.stringify(refRows || {});
  if (key === state.refKey) return false;
  state.refKey = key;
  state.refRows = refRows || {};
  let changed = false;
  for (const sel of form.querySelectorAll('select[data-ref]')) changed = fillSelect(sel, state.refRows[sel.dataset.ref] || []) || changed;
  for (const box of form.querySelectorAll('[data-ref-name]')) changed = fillList(box, state.refRows[box.dataset.ref] || []) || changed;
  return changed;
}

// writeRef puts a value (an id, or a list of ids) in a reference control, adding a
// "removed row" entry for an id the list does not have, so it is never lost.
export function writeRef(form, name, value) {
  const sel = form.querySelector(`select[data-ref][name="${CSS.escape(name)}"]`);
  if (sel) {
    const v = typeof value === 'string' ? value : '';
    if (v && ![...sel.options].some((o) => o.value === v)) {
      const row = (state.refRows[sel.dataset.ref] || []).find((r) => r.id === v);
      sel.append(new Option(row ? row.label : removedLabel(v), v));
    }
    sel.value = v;
    return true;
  }
  const box = form.querySelector(`[data-ref-name="${CSS.escape(name)}"]`);
  if (!box) return false;
  fillList(box, state.refRows[box.dataset.ref] || [], new Set(Array.isArray(value) ? value : []));
  return true;
}
