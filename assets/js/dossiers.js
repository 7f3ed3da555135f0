// The list of dossiers (/dossiers/): make, open, copy, rename, archive, download and
// remove dossiers kept in this browser, and open a dossier file or an older answer
// file of one checklist. The engine (Go package dossier) reads and writes every
// dossier; this file only keeps their texts in localStorage (dossier-store.js) and
// draws the list. Names are put in the page as text, never as HTML.
import '../gen/wasm_exec.js';
import {
  changedNote, currentID, dossier, dossierIDs, dutchDate, dutchDay, isQuota, missingNote, newID, readDossier,
  removeDossier, setCurrent, STATUS_LABELS, statusLabel, storageWorks, useModule, writeDossier,
} from './dossier-store.js';
import { download, runModule } from './files.js';
import { siteURL } from './site-root.js';

const $ = (id) => document.getElementById(id);
const infos = JSON.parse($('dossier-checklists').textContent);
const MAX_FILE = 4 << 20;

async function start() {
  $('dossiers-laden').hidden = false;
  if (!storageWorks()) {
    $('dossiers-laden').hidden = true;
    $('dossiers-geen-opslag').hidden = false;
    document.documentElement.dataset.engine = 'none';
    return;
  }
  // The list runs on the document module (wasm/documents): the checklist engine
  // holds only what a checklist page needs of a dossier.
  await runModule($('dw-engine').href, 'deelwijzerDocumentsReady');
  useModule(globalThis.deelwijzerDocuments);
  $('dossiers-laden').hidden = true;
  $('dossiers-app').hidden = false;
  wire();
  render();
  document.documentElement.dataset.engine = 'ready';
}

// ---- messages -------------------------------------------------------------------

// announce speaks through the one polite status region; the same words twice get a
// no-break space, so the region changes and is heard again.
let announceTimer;
function announce(text) {
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    const box = $('aankondiging');
    box.textContent = box.textContent === text ? `${text}\u00a0` : text;
  }, 100);
}

// show puts a message under the list (kind: ok, warning, error) and speaks it.
function show(kind, text) {
  const box = $('dossier-melding');
  box.className = `dw-import-message dw-import-message--${kind}`;
  box.textContent = text;
  box.hidden = false;
  announce(text);
}

const FULL = 'De opslag van de browser is vol.';
const REFUSED = 'De browser staat bewaren op dit apparaat niet toe.';
function storeError(err, what) {
  return `${isQuota(err) ? FULL : REFUSED} Daarom is ${what} niet bewaard. Er is niets verloren: wat al bewaard was, staat er nog. Verwijder een dossier dat u niet meer nodig heeft (download het eerst), en probeer het opnieuw.`;
}

// save writes a dossier's text and says so, or says why not; true when kept.
function save(id, text, what) {
  try {
    writeDossier(id, text);
    return true;
  } catch (err) {
    show('error', storeError(err, what));
    return false;
  }
}

// ---- the list ---------------------------------------------------------------------

function summaries() {
  const out = [];
  for (const id of dossierIDs()) {
    const text = readDossier(id);
    if (text === null) continue;
    const s = dossier('summary', { dossier: text });
    out.push(s.error ? { id, broken: s.error, name: id, modified: '' } : s);
  }
  // The most recently saved first.
  out.sort((a, b) => (b.modified || '').localeCompare(a.modified || ''));
  return out;
}

const el = (tag, props, ...kids) => {
  const n = document.createElement(tag);
  Object.assign(n, props || {});
  n.append(...kids.filter((k) => k !== null && k !== undefined));
  return n;
};
const button = (label, cls, onClick, describedBy) => {
  const b = el('button', { type: 'button', className: `dw-button ${cls}` }, label);
  if (describedBy) b.setAttribute('aria-describedby', describedBy);
  b.addEventListener('click', onClick);
  return b;
};

function checklistLinks(s) {
  const list = el('ul', { className: 'dw-dossier__checklists' });
  for (const [id, info] of Object.entries(infos)) {
    const url = new URL(siteURL(info.page));
    url.searchParams.set('dossier', s.id);
    const a = el('a', { href: url.href }, info.title);
    a.addEventListener('click', () => setCurrent(s.id));
    list.append(el('li', null, a, (s.checklists || []).includes(id) ? ' (ingevuld)' : ''));
  }
  return list;
}

// tasksLink: the task list of the dossier, every step of every checklist with its status.
function tasksLink(s) {
  const url = new URL(siteURL('/dossiers/taken/'));
  url.searchParams.set('dossier', s.id);
  const a = el('a', { href: url.href }, 'Takenlijst: alle stappen en hun status');
  a.addEventListener('click', () => setCurrent(s.id));
  const whole = new URL(siteURL('/dossiers/alles/'));
  whole.searchParams.set('dossier', s.id);
  const b = el('a', { href: whole.href }, 'Het hele dossier: alle antwoorden, om te printen');
  b.addEventListener('click', () => setCurrent(s.id));
  return el('p', { className: 'dw-dossier__taken' }, a, el('br'), b);
}

function item(s, current) {
  const nameID = `naam-${s.id}`;
  const li = el('li', { className: 'dw-dossier' });
  li.dataset.dossier = s.id;
  li.append(el('h3', { id: nameID, className: 'dw-dossier__naam' }, s.name, s.id === current ? el('span', { className: 'dw-status-tag' }, 'Huidig dossier') : null));
  if (s.broken) {
    li.append(el('p', null, `Dit dossier kan niet worden gelezen: ${s.broken}`));
    li.append(el('div', { className: 'dw-button-group' },
      button('Download (bestand)', 'dw-button--secondary', () => saveFile(s), nameID),
      button('Verwijderen', 'dw-button--warning', () => askRemove(li, s), nameID)));
    li.append(removeDialog(s));
    return li;
  }
  const saved = dutchDate(s.modified);
  li.append(el('p', { className: 'dw-dossier__meta' }, saved ? `Laatst bewaard op ${saved}.` : 'Nog niet bewaard.'));
  li.append(...signoffLines(s));
  li.append(el('p', { className: 'dw-dossier__open' }, 'Open een checklist in dit dossier:'));
  li.append(checklistLinks(s));
  li.append(tasksLink(s));
  li.append(el('div', { className: 'dw-button-group' },
    button('Andere naam', 'dw-button--secondary', () => askRename(li, s), nameID),
    statusButton(li, s, nameID),
    button('Kopie maken', 'dw-button--secondary', () => duplicate(s), nameID),
    button(s.archived ? 'Terug uit het archief' : 'Archiveren', 'dw-button--secondary', () => archive(s, !s.archived), nameID),
    button('Download (bestand)', 'dw-button--secondary', () => saveFile(s), nameID),
    button('Verwijderen', 'dw-button--warning', () => askRemove(li, s), nameID)));
  li.append(statusForm(s), renameForm(s), removeDialog(s));
  return li;
}

// ---- status, version and change log ----------------------------------------------
// The engine keeps them (Go package dossier: version numbers, the moment of
// vaststelling, whether an answer changed after it); the page shows them and sends
// the visitor's choice.

const STATUSES = [
  ['concept', 'Er wordt nog aan gewerkt.'],
  ['ter-advies', 'De FG van elke verwerkingsverantwoordelijke geeft advies.'],
  ['vastgesteld', 'Elke verwerkingsverantwoordelijke heeft de uitkomst vastgesteld. Het dossier krijgt een nieuw heel versienummer, zoals 1.0.'],
];

// signoffLines: status and version, "changed after vaststelling", the engine's
// sign-off points and the change log.
function signoffLines(s) {
  const so = s.signoff || {};
  const out = [el('p', { className: 'dw-dossier__status' }, `Status: ${statusLabel(so.status)}, versie ${so.version || '0.1'}.`)];
  if (so.changedAfterAdoption) {
    out.push(el('p', { className: 'dw-dossier__gewijzigd' }, el('strong', null, changedNote(so)),
      ' Er is een antwoord veranderd nadat het dossier werd vastgesteld. Laat de wijziging opnieuw vaststellen, of zet het dossier terug op concept.'));
  }
  const missing = missingNote(so);
  if (missing) out.push(el('p', { className: 'dw-dossier__waarschuwing' }, missing));
  const log = so.log || [];
  if (log.length) {
    const rows = log.slice().reverse().map((e) => el('tr', null,
      el('td', null, e.version), el('td', null, dutchDay(e.date)), el('td', null, statusLabel(e.status)), el('td', null, e.text)));
    const head = el('tr', null, ...['Versie', 'Datum', 'Status', 'Wat veranderde'].map((h) => el('th', { scope: 'col' }, h)));
    out.push(el('details', { className: 'dw-dossier__log' },
      el('summary', null, `Logboek (${log.length === 1 ? '1 versie' : `${log.length} versies`})`),
      el('div', { className: 'dw-table-scroll' }, el('table', { className: 'dw-table' },
        el('caption', { className: 'dw-visually-hidden' }, `Logboek van ${s.name}, nieuwste eerst`),
        el('thead', null, head), el('tbody', null, ...rows)))));
  }
  return out;
}

function statusForm(s) {
  const so = s.signoff || {};
  const box = el('div', { className: 'dw-rename', hidden: true });
  box.dataset.status = s.id;
  const fieldset = el('fieldset', null, el('legend', { className: 'dw-label' }, 'Nieuwe status van het dossier'));
  const radios = el('div', { className: 'dw-radios' });
  for (const [value, hint] of STATUSES) {
    const label = STATUS_LABELS[value];
    const id = `status-${s.id}-${value}`;
    const input = el('input', { type: 'radio', name: `status-${s.id}`, id, value, checked: value === (so.status || 'concept') });
    input.setAttribute('aria-describedby', `${id}-hint`);
    radios.append(el('div', { className: 'dw-radio' }, input,
      el('span', { className: 'dw-option' }, el('label', { htmlFor: id }, label), el('span', { className: 'dw-hint dw-option__hint', id: `${id}-hint` }, hint))));
  }
  fieldset.append(radios);
  const textID = `wijziging-${s.id}`;
  const hint = el('p', { className: 'dw-hint', id: `${textID}-hint` }, 'Komt in het logboek, met het nieuwe versienummer en de datum. Bijvoorbeeld: "Advies van de FG verwerkt". Geen namen van personen.');
  const err = el('p', { className: 'dw-error-message', id: `${textID}-fout`, hidden: true });
  const input = el('input', { className: 'dw-input', type: 'text', id: textID, maxLength: 500, autocomplete: 'off' });
  input.setAttribute('aria-describedby', hint.id);
  const cancel = () => {
    box.hidden = true;
    box.parentElement.querySelector('[data-action="status"]').focus();
    announce('De status is niet veranderd.');
  };
  const ok = () => {
    const status = (box.querySelector('input[type=radio]:checked') || {}).value || '';
    const res = dossier('status', { dossier: readDossier(s.id), status, text: input.value, now: now() });
    if (res.error) { setNameError(input, err, res.error); input.focus(); announce(res.error); return; }
    if (!save(s.id, res.text, 'de nieuwe status')) return;
    render();
    const d = JSON.parse(res.text).dossier;
    const h = $(`naam-${s.id}`);
    if (h) { h.tabIndex = -1; h.focus(); }
    show('ok', `Het dossier "${d.name}" staat nu op ${statusLabel(d.status).replace(/^./, (c) => c.toLowerCase())}, versie ${d.version}. De wijziging staat in het logboek.`);
  };
  box.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') { ev.preventDefault(); cancel(); }
    if (ev.key === 'Enter' && ev.target === input) { ev.preventDefault(); ok(); }
  });
  box.append(fieldset,
    el('div', { className: 'dw-question' }, el('label', { className: 'dw-label', htmlFor: textID }, 'Wat is er veranderd?'), hint, err, input),
    el('div', { className: 'dw-button-group' },
      button('Leg de nieuwe versie vast', '', ok),
      button('Annuleren', 'dw-button--secondary', cancel)));
  return box;
}

function statusButton(li, s, nameID) {
  const b = button('Status en versie', 'dw-button--secondary', () => askStatus(li, s), nameID);
  b.dataset.action = 'status';
  return b;
}

function askStatus(li, s) {
  const box = li.querySelector('[data-status]');
  box.hidden = false;
  box.querySelector('input[type=radio]:checked').focus();
}

// Answers a checklist kept under its own key before dossiers existed
// ("deelwijzer:<id>:antwoorden"): listed, so they are not forgotten, and made into a
// dossier the same way as an answer file.
function looseCopies() {
  const out = [];
  for (const id of Object.keys(infos)) {
    let text = null;
    try { text = localStorage.getItem(`deelwijzer:${id}:antwoorden`); } catch (err) { /* storage blocked */ }
    if (text !== null) out.push({ id, text });
  }
  return out;
}

function looseItem(c) {
  const title = infos[c.id].title;
  let saved = '';
  try { saved = dutchDate(JSON.parse(c.text).exported); } catch (err) { /* no time */ }
  const headingID = `los-${c.id}`;
  return el('li', { className: 'dw-dossier' },
    el('h3', { id: headingID, className: 'dw-dossier__naam' }, title),
    el('p', { className: 'dw-dossier__meta' }, saved ? `Bewaard op ${saved}.` : 'Bewaard zonder datum.'),
    el('div', { className: 'dw-button-group' }, button('Maak er een dossier van', 'dw-button--secondary', () => adopt(c), headingID)));
}

function adopt(c) {
  const id = newID();
  const res = dossier('import', { infos, existing: dossierIDs(), id, now: now() }, c.text);
  if (res.error) { show('error', `Van de antwoorden van "${infos[c.id].title}" kon geen dossier worden gemaakt: ${res.error} Ze blijven staan.`); return; }
  const d = JSON.parse(res.dossier).dossier;
  if (!save(d.id, res.dossier, 'het nieuwe dossier')) return;
  // Now in the dossier: the old key goes, so they are not kept twice.
  try {
    localStorage.removeItem(`deelwijzer:${c.id}:antwoorden`);
    localStorage.removeItem(`deelwijzer:${c.id}:verouderd`);
  } catch (err) { /* they stay listed; nothing is lost */ }
  render();
  $('lijst-titel').focus();
  show('ok', `De antwoorden van "${infos[c.id].title}" staan nu in het nieuwe dossier "${d.name}".`);
}

function render() {
  const loose = looseCopies();
  $('los-lijst').replaceChildren(...loose.map(looseItem));
  $('los').hidden = loose.length === 0;
  const all = summaries();
  const current = currentID();
  const active = all.filter((s) => !s.archived);
  const archived = all.filter((s) => s.archived);
  $('dossier-lijst').replaceChildren(...active.map((s) => item(s, current)));
  $('archief-lijst').replaceChildren(...archived.map((s) => item(s, current)));
  $('lijst-leeg').hidden = active.length > 0;
  $('lijst-leeg').textContent = archived.length ? 'Er zijn geen lopende dossiers. Gearchiveerde dossiers staan hieronder.' : 'Er staan nog geen dossiers op dit apparaat.';
  $('archief').hidden = archived.length === 0;
}

// ---- actions ----------------------------------------------------------------------

const now = () => new Date().toISOString();

function setNameError(input, errorEl, text) {
  errorEl.textContent = text;
  errorEl.hidden = !text;
  const ids = (input.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== errorEl.id);
  if (text) {
    ids.unshift(errorEl.id);
    input.setAttribute('aria-invalid', 'true');
  } else {
    input.removeAttribute('aria-invalid');
  }
  input.setAttribute('aria-describedby', ids.join(' '));
}

function create() {
  const input = $('nieuw-naam');
  const id = newID();
  const res = dossier('new', { id, name: input.value, now: now() });
  if (res.error) {
    setNameError(input, $('nieuw-naam-fout'), res.error);
    input.focus();
    announce(res.error);
    return;
  }
  setNameError(input, $('nieuw-naam-fout'), '');
  if (!save(id, res.text, 'het nieuwe dossier')) return;
  setCurrent(id);
  const name = JSON.parse(res.text).dossier.name;
  input.value = '';
  render();
  show('ok', `Het dossier "${name}" is gemaakt. Open hieronder een checklist in dit dossier.`);
}

function duplicate(s) {
  const id = newID();
  const res = dossier('duplicate', { dossier: readDossier(s.id), id, name: `Kopie van ${s.name}`.slice(0, 200), now: now() });
  if (res.error) { show('error', res.error); return; }
  if (!save(id, res.text, 'de kopie')) return;
  render();
  show('ok', `Er is een kopie gemaakt: "${JSON.parse(res.text).dossier.name}".`);
}

function archive(s, archived) {
  const res = dossier('archive', { dossier: readDossier(s.id), archived, now: now() });
  if (res.error) { show('error', res.error); return; }
  if (!save(s.id, res.text, archived ? 'het archiveren' : 'het terugzetten')) return;
  render();
  $('lijst-titel').focus();
  show('ok', archived ? `Het dossier "${s.name}" staat nu bij de gearchiveerde dossiers.` : `Het dossier "${s.name}" staat weer bij uw dossiers.`);
}

// The file name names no dossier: it would stay in the browser's download list.
// The name is inside the file, and the id tells two files of one day apart.
function saveFile(s) {
  const text = readDossier(s.id);
  if (text === null) { show('error', 'Dit dossier staat niet meer op dit apparaat.'); render(); return; }
  download(`dossier-${now().slice(0, 10)}-${s.id}.json`, 'application/json', text);
  announce(`Het dossier "${s.name}" is gedownload als bestand.`);
}

function renameForm(s) {
  const inputID = `hernoem-${s.id}`;
  const box = el('div', { className: 'dw-rename', hidden: true });
  box.dataset.rename = s.id;
  const err = el('p', { className: 'dw-error-message', id: `${inputID}-fout`, hidden: true });
  const input = el('input', { className: 'dw-input', type: 'text', id: inputID, maxLength: 200, autocomplete: 'off', value: s.name });
  const cancel = () => {
    box.hidden = true;
    box.parentElement.querySelector('button').focus();
    announce('De naam is niet veranderd.');
  };
  const ok = () => {
    const res = dossier('rename', { dossier: readDossier(s.id), name: input.value, now: now() });
    if (res.error) { setNameError(input, err, res.error); input.focus(); announce(res.error); return; }
    if (!save(s.id, res.text, 'de nieuwe naam')) return;
    render();
    const name = JSON.parse(res.text).dossier.name;
    const h = $(`naam-${s.id}`);
    if (h) { h.tabIndex = -1; h.focus(); }
    show('ok', `Het dossier heet nu "${name}".`);
  };
  box.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') { ev.preventDefault(); cancel(); }
    if (ev.key === 'Enter' && ev.target === input) { ev.preventDefault(); ok(); }
  });
  box.append(
    el('label', { className: 'dw-label', htmlFor: inputID }, 'Nieuwe naam voor dit dossier'),
    err, input,
    el('div', { className: 'dw-button-group' },
      button('Bewaar de naam', '', ok),
      button('Annuleren', 'dw-button--secondary', cancel)),
  );
  return box;
}

function askRename(li, s) {
  const box = li.querySelector('[data-rename]');
  box.hidden = false;
  const input = box.querySelector('input');
  input.value = s.name;
  input.focus();
  input.select();
}

function removeDialog(s) {
  const q = `wis-vraag-${s.id}`;
  const box = el('div', { className: 'dw-confirm', hidden: true });
  box.dataset.remove = s.id;
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-labelledby', `wis-titel-${s.id}`);
  box.setAttribute('aria-describedby', `wis-uitleg-${s.id}`);
  const back = () => box.parentElement.querySelector('.dw-button--warning');
  const cancel = () => {
    box.hidden = true;
    back().focus();
    announce('Het dossier is niet verwijderd.');
  };
  const yes = () => {
    try {
      removeDossier(s.id);
    } catch (err) {
      show('error', 'Het dossier kon niet worden verwijderd: de browser staat het niet toe.');
      return;
    }
    render();
    $('lijst-titel').focus();
    show('ok', `Het dossier "${s.name}" is verwijderd van dit apparaat.`);
  };
  box.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') { ev.preventDefault(); cancel(); }
  });
  box.append(
    el('p', { id: q },
      el('strong', { id: `wis-titel-${s.id}` }, `Dossier "${s.name}" verwijderen?`), ' ',
      el('span', { id: `wis-uitleg-${s.id}` }, 'Alles in dit dossier wordt van dit apparaat verwijderd: de organisaties en de antwoorden van alle checklists. Dat kunt u niet ongedaan maken. Wilt u het houden? Download het dan eerst.')),
    el('div', { className: 'dw-button-group' },
      button('Ja, verwijder het dossier', 'dw-button--warning', yes, q),
      button('Annuleren', 'dw-button--secondary', cancel, q)),
  );
  return box;
}

function askRemove(li, s) {
  const box = li.querySelector('[data-remove]');
  box.hidden = false;
  box.querySelector('.dw-button--secondary').focus();
}

async function importFile(file) {
  if (!file) return;
  if (file.size > MAX_FILE) {
    show('error', `Het bestand "${file.name}" kan niet worden geopend: het is groter dan 4 MB.`);
    return;
  }
  const id = newID();
  const res = dossier('import', { infos, existing: dossierIDs(), id, now: now() }, new Uint8Array(await file.arrayBuffer()));
  if (res.error) {
    show('error', `Het bestand "${file.name}" kan niet worden geopend: ${res.error}`);
    return;
  }
  const d = JSON.parse(res.dossier).dossier;
  if (!save(d.id, res.dossier, 'het geopende dossier')) return;
  render();
  if (res.from === 'dossier') {
    show('ok', `Het dossier "${d.name}" is geopend uit "${file.name}".${d.id !== id ? '' : ' Er stond al een dossier met dezelfde code op dit apparaat; dat is niet veranderd.'}`);
  } else {
    const title = (infos[res.from] || {}).title || res.from;
    show('ok', `Het antwoordbestand "${file.name}" (${title}) is een nieuw dossier geworden: "${d.name}". Open de checklist in dit dossier om uw antwoorden te zien.`);
  }
}

// Another tab made, changed or removed a dossier (or everything was wiped on the
// privacy page): show the list as it is now.
function otherTab(ev) {
  if (ev.storageArea !== localStorage) return;
  if (ev.key !== null && !ev.key.startsWith('deelwijzer:')) return;
  render();
  announce('De lijst met dossiers is bijgewerkt, omdat in een ander tabblad of venster iets is veranderd.');
}

function wire() {
  $('nieuw-maak').addEventListener('click', create);
  $('nieuw-naam').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') { ev.preventDefault(); create(); }
  });
  $('dossier-bestand').addEventListener('change', (ev) => {
    importFile(ev.target.files[0]).finally(() => { ev.target.value = ''; });
  });
  window.addEventListener('storage', otherTab);
}

start().catch((err) => {
  $('dossiers-laden').textContent = `De dossiers konden niet worden geladen (${err.message}). De checklists werken wel: bewaar uw antwoorden dan als bestand.`;
});
