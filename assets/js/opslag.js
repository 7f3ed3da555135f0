// The privacy page: lists everything Deelwijzer keeps on this device (localStorage,
// keys starting with "deelwijzer:"), per checklist with when it was saved, and
// removes it all after the visitor confirms. Only text is put in the page.
import { dutchDate } from './dates.js';
import { root, siteURL } from './site-root.js';

const $ = (id) => document.getElementById(id);
const box = $('opslag');
const names = JSON.parse(($('opslag-checklists') || { textContent: '{}' }).textContent);
// Checklist links are root-relative in the data; siteURL resolves them against the
// site's root, so the page works under any subpath.

function storedKeys() {
  try {
    return Object.keys(localStorage).filter((k) => k.startsWith('deelwijzer:')).sort();
  } catch (err) {
    return null; // storage blocked: nothing can have been kept
  }
}

// entries groups the keys per checklist: "deelwijzer:<id>:antwoorden" is the stored
// copy, "deelwijzer:<id>:verouderd" marks a copy whose later save failed. A dossier
// is "deelwijzer:dossier:<id>" (its whole text) with its own "verouderd" mark;
// "deelwijzer:huidig-dossier" only says which one a checklist opens in, and goes with
// the rest.
function entries(keys) {
  const byID = new Map();
  for (const k of keys) {
    const parts = k.split(':');
    if (parts[1] === 'huidig-dossier') continue;
    const isDossier = parts[1] === 'dossier';
    const id = isDossier ? `dossier:${parts[2]}` : parts[1];
    const what = isDossier ? (parts[3] || 'dossier') : parts[2];
    const e = byID.get(id) || { id, keys: [], dossier: isDossier };
    e.keys.push(k);
    let value = null;
    try { value = localStorage.getItem(k); } catch (err) { /* removed meanwhile */ }
    if (what === 'dossier' && value !== null) {
      e.size = value.length;
      try {
        const d = JSON.parse(value).dossier;
        e.name = d.name;
        e.saved = d.modified;
      } catch (err) { e.damaged = true; }
    } else if (what === 'antwoorden' && value !== null) {
      e.size = value.length;
      try { e.saved = JSON.parse(value).exported; } catch (err) { e.damaged = true; }
    } else if (what === 'verouderd') {
      e.stale = value;
    }
    byID.set(id, e);
  }
  return [...byID.values()];
}

function line(e) {
  const li = document.createElement('li');
  const info = names[e.id];
  if (e.dossier) {
    const a = document.createElement('a');
    a.href = siteURL('/dossiers/');
    a.textContent = `Dossier "${e.name || e.id.slice('dossier:'.length)}"`;
    li.append(a);
  } else if (info) {
    const a = document.createElement('a');
    a.href = siteURL(info.page);
    a.textContent = info.title;
    li.append(a);
  } else {
    li.append(`Checklist "${e.id}"`);
  }
  const parts = [];
  if (e.saved && dutchDate(e.saved)) parts.push(`${e.dossier ? 'laatst' : 'antwoorden'} bewaard op ${dutchDate(e.saved)}`);
  else if (e.size !== undefined) parts.push(e.damaged ? 'antwoorden die niet meer te lezen zijn' : 'antwoorden, zonder datum');
  if (e.size !== undefined) parts.push(`${Math.max(1, Math.round(e.size / 1000))} kB`);
  if (e.stale && dutchDate(e.stale)) parts.push(`daarna lukte bewaren niet meer (${dutchDate(e.stale)}): deze kopie is verouderd`);
  li.append(`: ${parts.length ? parts.join(', ') : 'gegevens van deze checklist'}.`);
  return li;
}

// The service worker's copy of the site's own files (assets/js/sw.js): caches named
// "deelwijzer <site root> <build>". It holds no answers, but it is kept on this device
// too, so it is listed here and removed with the rest. null: none (or not readable).
let offlineFiles = null;
const offlinePrefix = `deelwijzer ${root.href} `;
async function offlineCaches() {
  if (!window.caches) return [];
  return (await caches.keys()).filter((n) => n.startsWith(offlinePrefix));
}
async function countOffline() {
  try {
    let n = 0;
    const names = await offlineCaches();
    for (const name of names) n += (await (await caches.open(name)).keys()).length;
    offlineFiles = names.length ? n : null;
  } catch (err) {
    offlineFiles = null;
  }
  render();
}
// Removes the copy and signs the worker off, so it stops serving files from it; the
// next visit may install it again (the privacy page says so).
async function removeOffline() {
  try {
    for (const name of await offlineCaches()) await caches.delete(name);
    const reg = navigator.serviceWorker && await navigator.serviceWorker.getRegistration(root.href);
    if (reg && reg.scope === root.href) await reg.unregister();
    return (await offlineCaches()).length === 0;
  } catch (err) {
    return false;
  }
}
function offlineLine() {
  const li = document.createElement('li');
  li.id = 'opslag-offline';
  li.append(`Een kopie van de bestanden van deze site voor offline gebruik: ${offlineFiles} bestanden, zonder antwoorden.`);
  return li;
}

function render() {
  const keys = storedKeys();
  const list = $('opslag-lijst');
  if (keys === null) {
    $('opslag-samenvatting').textContent = 'Deze browser laat Deelwijzer niets op dit apparaat bewaren. Er staat dus ook niets.';
    list.replaceChildren();
    $('opslag-wis').hidden = true;
    return;
  }
  const found = entries(keys);
  const lines = found.map(line);
  if (offlineFiles !== null) lines.push(offlineLine());
  list.replaceChildren(...lines);
  const dossiers = found.filter((e) => e.dossier).length;
  const lists = found.length - dossiers;
  const counted = [];
  if (dossiers) counted.push(dossiers === 1 ? '1 dossier' : `${dossiers} dossiers`);
  if (lists) counted.push(lists === 1 ? 'de antwoorden van 1 checklist' : `de antwoorden van ${lists} checklists`);
  $('opslag-samenvatting').textContent = lines.length === 0
    ? 'Deelwijzer bewaart nu niets op dit apparaat.'
    : (found.length === 0
      ? 'Deelwijzer bewaart op dit apparaat:'
      : `Deelwijzer bewaart op dit apparaat ${counted.join(' en ')}:`);
  $('opslag-wis').hidden = lines.length === 0;
  if (lines.length === 0) $('opslag-bevestiging').hidden = true;
}

if (box) {
  $('opslag-zonder-script').hidden = true;
  box.hidden = false;
  render();
  countOffline();
  // A checklist open in another tab may save or wipe meanwhile.
  window.addEventListener('storage', render);
  $('opslag-wis').addEventListener('click', () => {
    $('opslag-bevestiging').hidden = false;
    $('opslag-nee').focus();
  });
  $('opslag-nee').addEventListener('click', () => {
    $('opslag-bevestiging').hidden = true;
    $('opslag-wis').focus();
  });
  $('opslag-ja').addEventListener('click', async () => {
    const keys = storedKeys() || [];
    let left = 0;
    for (const k of keys) {
      try { localStorage.removeItem(k); } catch (err) { left++; }
    }
    if (offlineFiles !== null && !(await removeOffline())) left++;
    offlineFiles = null;
    $('opslag-bevestiging').hidden = true;
    render();
    $('opslag-status').textContent = left
      ? 'Niet alles kon worden verwijderd. Probeer het opnieuw, of wis de gegevens van deze site in de instellingen van uw browser.'
      : 'Alles wat Deelwijzer op dit apparaat bewaarde, is verwijderd.';
    $('opslag-samenvatting').focus();
  });
}
