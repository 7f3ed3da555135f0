// The privacy page: lists everything Deelwijzer keeps on this device (localStorage,
// keys starting with "deelwijzer:"), per checklist with when it was saved, and
// removes it all after the visitor confirms. Only text is put in the page.

const $ = (id) => document.getElementById(id);
const box = $('opslag');
const names = JSON.parse(($('opslag-checklists') || { textContent: '{}' }).textContent);
// Checklist links are root-relative in the data; resolve them against the site's
// root (the header's home link), so the page works under any subpath.
const root = new URL(document.querySelector('.dw-home').href);
const siteURL = (path) => new URL(path.replace(/^\//, ''), root).href;

function storedKeys() {
  try {
    return Object.keys(localStorage).filter((k) => k.startsWith('deelwijzer:')).sort();
  } catch (err) {
    return null; // storage blocked: nothing can have been kept
  }
}

function when(iso) {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  return `${d.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' })} om ${d.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' })}`;
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
  if (e.saved && when(e.saved)) parts.push(`${e.dossier ? 'laatst' : 'antwoorden'} bewaard op ${when(e.saved)}`);
  else if (e.size !== undefined) parts.push(e.damaged ? 'antwoorden die niet meer te lezen zijn' : 'antwoorden, zonder datum');
  if (e.size !== undefined) parts.push(`${Math.max(1, Math.round(e.size / 1000))} kB`);
  if (e.stale && when(e.stale)) parts.push(`daarna lukte bewaren niet meer (${when(e.stale)}): deze kopie is verouderd`);
  li.append(`: ${parts.length ? parts.join(', ') : 'gegevens van deze checklist'}.`);
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
  list.replaceChildren(...found.map(line));
  const dossiers = found.filter((e) => e.dossier).length;
  const lists = found.length - dossiers;
  const counted = [];
  if (dossiers) counted.push(dossiers === 1 ? '1 dossier' : `${dossiers} dossiers`);
  if (lists) counted.push(lists === 1 ? 'de antwoorden van 1 checklist' : `de antwoorden van ${lists} checklists`);
  $('opslag-samenvatting').textContent = found.length === 0
    ? 'Deelwijzer bewaart nu niets op dit apparaat.'
    : `Deelwijzer bewaart op dit apparaat ${counted.join(' en ')}:`;
  $('opslag-wis').hidden = found.length === 0;
  if (found.length === 0) $('opslag-bevestiging').hidden = true;
}

if (box) {
  $('opslag-zonder-script').hidden = true;
  box.hidden = false;
  render();
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
  $('opslag-ja').addEventListener('click', () => {
    const keys = storedKeys() || [];
    let left = 0;
    for (const k of keys) {
      try { localStorage.removeItem(k); } catch (err) { left++; }
    }
    $('opslag-bevestiging').hidden = true;
    render();
    $('opslag-status').textContent = left
      ? 'Niet alles kon worden verwijderd. Probeer het opnieuw, of wis de gegevens van deze site in de instellingen van uw browser.'
      : 'Alles wat Deelwijzer op dit apparaat bewaarde, is verwijderd.';
    $('opslag-samenvatting').focus();
  });
}
