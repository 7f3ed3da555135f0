// Stable row ids. Every row of a group has a hidden field with its id (the answer
// key "_id"). A new row gets a random id; the id stays with the row when rows are
// renamed, moved, removed and put back, so references to the row (refs.js) and the
// rows of groups that follow it (rowsFrom) keep pointing at the same row. The
// engine gives rows in older files an id when it reads them.

const ID_KEY = '_id';

// newRowID returns 8 random characters from a-z and 0-9 (about 41 bits): enough
// that two rows of one dossier never get the same id.
export function newRowID() {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

const idField = (row) => row && row.querySelector(':scope > [data-row-id]');

export function rowID(row) {
  const f = idField(row);
  return f ? f.value : '';
}

export function setRowID(row, id) {
  const f = idField(row);
  if (f && f.value !== id) f.value = id || '';
}

// ensureRowID gives a row without an id a new one.
export function ensureRowID(row) {
  if (!rowID(row)) setRowID(row, newRowID());
}

// readRowID adds the row's id to an answer row read from the form.
export function readRowID(row, answerRow) {
  const id = rowID(row);
  if (id) answerRow[ID_KEY] = id;
  return answerRow;
}

// isBlankAnswerRow: a row with nothing but its id holds no answer.
export const isBlankAnswerRow = (r) => Object.keys(r).every((k) => k === ID_KEY);

// writeRowID puts the id of an answer row (from a file or an undo) back in the
// form, or gives the row a new one when the answer row has none.
export function writeRowID(row, answerRow) {
  const id = answerRow && answerRow[ID_KEY];
  if (id) setRowID(row, id);
  else setRowID(row, newRowID());
}

// moveRow moves a row one place up (-1) or down (+1) among its siblings, with the
// rows at the same place in the groups that follow it. It returns false when the
// row is already first or last.
export function moveRow(rows, followerRows, i, step) {
  const j = i + step;
  if (j < 0 || j >= rows.length) return false;
  const swap = (list) => {
    const a = list[i]; const b = list[j];
    if (!a || !b) return;
    if (step < 0) b.before(a); else b.after(a);
  };
  swap(rows);
  for (const list of followerRows) swap(list);
  return true;
}
