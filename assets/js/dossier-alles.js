// The whole dossier on one page (/dossiers/alles/), to read and print: first the rows
// the checklists share (once), then per checklist its questions with the answers and
// its findings. Everything comes from the engine, one checklist after the other: it
// loads the checklist's definition (published by the site next to the checklist, read
// from the site itself), reads the checklist's answers from the dossier with the
// ordinary import (which migrates an older version and names what no longer fits),
// and writes the answers as the result page shows them (op "result"). This file only
// puts that text in the page, as text.
import '../gen/wasm_exec.js';
import { dossier, openedOrNote, readDossier } from './dossier-store.js';
import { runModule } from './files.js';
import { siteURL } from './site-root.js';

const $ = (id) => document.getElementById(id);
const infos = JSON.parse($('dossier-checklists').textContent);
const definitions = JSON.parse($('dossier-definities').textContent);
const SEVERITY = { uitkomst: 'uitkomst', risico: 'risico', aandacht: 'aandachtspunt', info: 'informatie' };

const el = (tag, props, ...kids) => {
  const n = document.createElement(tag);
  Object.assign(n, props || {});
  n.append(...kids.filter((k) => k !== null && k !== undefined));
  return n;
};

function engine(name, ...args) {
  const text = globalThis.deelwijzerEngine[name](...args);
  try { return JSON.parse(text); } catch (err) { return { error: 'Er ging iets mis in de checklist.' }; }
}

// answerNodes: a text, or a list with one line per row of a group.
const answerNodes = (v) => (Array.isArray(v) ? [el('ul', null, ...v.map((row) => el('li', null, row)))] : [v || 'Niet ingevuld']);

function row(question, value, href) {
  const kids = [el('dt', null, question), el('dd', null, ...answerNodes(value))];
  if (href) {
    const a = el('a', { href }, 'Wijzigen', el('span', { className: 'dw-visually-hidden' }, ` ${question}`));
    kids.push(el('dd', { className: 'dw-summary__action' }, a));
  }
  return el('div', { className: 'dw-summary__row' }, ...kids);
}

// importOlder reads answers of an older version of a checklist with the document module
// (wasm/documents), which moves them to where they are now; loaded the first time.
let documents = null;
async function importOlder(payload, text) {
  if (!documents) documents = runModule(siteURL($('dw-engine').dataset.documents), 'deelwijzerDocumentsReady').then(() => globalThis.deelwijzerDocuments);
  try {
    return JSON.parse((await documents).importFile(payload, text));
  } catch (err) {
    documents = null;
    return { error: 'Er ging iets mis in de checklist.' };
  }
}

// readChecklist runs one checklist through the engine: its answers from the dossier,
// as text, and its findings. null when its definition could not be read.
async function readChecklist(dossierText, id) {
  const info = infos[id];
  const { url, integrity } = definitions[id];
  const resp = await fetch(siteURL(url), { integrity });
  if (!resp.ok) return null;
  const payload = await resp.text();
  const def = JSON.parse(payload).definition;
  if (engine('load', payload).error) return null;
  const shared = {};
  for (const s of def.sections) for (const it of s.items) if (it.shared) shared[it.id] = it.shared;
  const file = dossier('checklist', { dossier: dossierText, checklist: id, version: info.version, shared });
  if (file.error) return null;
  let imp = engine('importFile', file.text);
  if (imp.older) imp = await importOlder(payload, file.text);
  if (imp.error) return { id, info, def, shared, error: imp.error };
  const answers = JSON.stringify(imp.answers);
  const result = engine('result', answers);
  const state = engine('evaluate', answers);
  return { id, info, def, shared, texts: result.answers || {}, findings: state.findings || [], dropped: imp.dropped || [] };
}

function stepURL(id, c, n) {
  const url = new URL(siteURL(`${c.info.page.replace(/\/?$/, '/')}stap-${n + 1}/`));
  url.searchParams.set('dossier', id);
  return url.href;
}

function findingsPart(c) {
  const counts = {};
  for (const f of c.findings) counts[f.severity] = (counts[f.severity] || 0) + 1;
  const parts = Object.entries(counts).map(([sev, n]) => `${n} ${SEVERITY[sev] || sev}`);
  const out = [el('h3', null, 'Bevindingen'), el('p', null, c.findings.length ? `${c.findings.length} bevindingen: ${parts.join(', ')}.` : 'Geen bevindingen.')];
  const verdicts = c.findings.filter((f) => f.severity === 'uitkomst');
  if (verdicts.length) out.push(el('ul', { className: 'dw-alles__uitkomst' }, ...verdicts.map((f) => el('li', null, `Uitkomst: ${f.text}`))));
  return out;
}

function checklistPart(id, c, saved) {
  const section = el('section', { className: 'dw-alles__checklist' });
  section.dataset.checklist = c.id;
  const hid = `alles-${c.id}`;
  section.setAttribute('aria-labelledby', hid);
  section.append(el('h2', { id: hid }, c.info.title));
  if (!saved) {
    // Only "Niet ingevuld" under every question would make the print long and say
    // nothing; the shared rows are at the top.
    const a = el('a', { href: stepURL(id, c, 0) }, `Begin aan ${c.info.title}`);
    section.append(el('p', null, 'Deze checklist is in dit dossier nog niet ingevuld. ', el('span', { className: 'dw-noprint' }, a, '.')));
    return section;
  }
  if (c.error) {
    section.append(el('p', null, `De antwoorden van deze checklist konden niet worden gelezen: ${c.error}`));
    return section;
  }
  if (c.dropped.length) {
    const n = c.dropped.length;
    const a = el('a', { href: stepURL(id, c, 0) }, `Open ${c.info.title} in dit dossier`);
    section.append(el('p', { className: 'dw-alles__let-op' }, `${n === 1 ? 'Eén antwoord past' : `${n} antwoorden passen`} niet in deze versie van de checklist. Dat staat hieronder dus niet. In het dossier staat het nog. `, el('span', { className: 'dw-noprint' }, a, ' om te zien wat het is.')));
  }
  c.def.sections.forEach((s, n) => {
    const rows = [];
    for (const it of s.items) {
      if (!(it.id in c.texts)) continue;
      rows.push(it.shared
        ? row(it.question, `Zie "Gedeeld in dit dossier" bovenaan.`, null)
        : row(it.question, c.texts[it.id], stepURL(id, c, n)));
    }
    if (!rows.length) return;
    section.append(el('h3', null, `Stap ${n + 1}: ${s.title}`), el('dl', { className: 'dw-summary dw-summary--answers' }, ...rows));
  });
  section.append(...findingsPart(c));
  return section;
}

// sharedPart: each shared group once, with the rows as the first checklist that has
// the group writes them.
function sharedPart(list) {
  const seen = new Set();
  const rows = [];
  for (const c of list) {
    if (!c || c.error) continue;
    for (const s of c.def.sections) for (const it of s.items) {
      if (!it.shared || seen.has(it.shared) || !(it.id in c.texts)) continue;
      seen.add(it.shared);
      rows.push(row(it.question, c.texts[it.id], null));
    }
  }
  if (!rows.length) return [];
  const section = el('section', { className: 'dw-alles__gedeeld' });
  section.setAttribute('aria-labelledby', 'alles-gedeeld');
  section.append(el('h2', { id: 'alles-gedeeld' }, 'Gedeeld in dit dossier'),
    el('p', null, 'Deze rijen vult u één keer in; alle checklists van het dossier gebruiken ze.'),
    el('dl', { className: 'dw-summary dw-summary--answers' }, ...rows));
  return [section];
}

async function start() {
  const id = openedOrNote('alles-geen-dossier');
  if (id === null) return;
  $('alles-laden').hidden = false;
  await runModule($('dw-engine').href, 'deelwijzerReady');
  const text = readDossier(id);
  const summary = dossier('summary', { dossier: text });
  if (summary.error) throw new Error(summary.error);
  const list = [];
  for (const cid of Object.keys(infos)) list.push(await readChecklist(text, cid));
  const name = el('strong', null, summary.name);
  $('alles-dossier').replaceChildren('Dossier: ', name, '.');
  const parts = sharedPart(list);
  list.forEach((c, i) => {
    const cid = Object.keys(infos)[i];
    if (!c) {
      parts.push(el('section', null, el('h2', null, infos[cid].title), el('p', null, 'Deze checklist kon niet worden geladen. Laad de pagina opnieuw.')));
      return;
    }
    parts.push(checklistPart(id, c, summary.checklists.includes(cid)));
  });
  $('alles-inhoud').replaceChildren(...parts);
  $('alles-laden').hidden = true;
  $('alles-app').hidden = false;
  $('alles-print').addEventListener('click', () => window.print());
  document.documentElement.dataset.engine = 'ready';
}

start().catch(() => {
  $('alles-laden').hidden = true;
  const box = $('alles-geen-dossier');
  box.textContent = 'Het dossier kon niet worden geladen. Laad de pagina opnieuw.';
  box.hidden = false;
});
