// A checklist page that opens in a dossier: the one in the address (?dossier=<id>,
// from the list of dossiers) or else the one opened last on this device. The page
// then keeps its answers in that dossier instead of under its own key: the rows of
// the shared groups (organisaties, ...) in the dossier's rows, which every checklist
// of the dossier reads, and the checklist's own answers under its id. The engine
// does the reading and writing of the dossier (Go package dossier); checklist.js
// calls read, write and drop where it would read, write or remove its own key.
import {
  answersKey, CURRENT, changedNote, dossier, dossierKey, localDay, missingNote, readDossier, setCurrent, staleKeyOf,
  statusLabel, writeDossier,
} from './dossier-store.js';
import { namensControl } from './dossier-namens.js';
import { engineReady } from './checklist/engine.js';
import { siteURL } from './site-root.js';

const $ = (id) => document.getElementById(id);

function banner(parts) {
  const box = $('dossier-banner');
  if (!box) return;
  box.replaceChildren(...parts);
  box.hidden = false;
}

function listLink(text) {
  const a = document.createElement('a');
  a.href = siteURL('dossiers/');
  a.textContent = text;
  return a;
}

// tasksLink: the task list of this dossier, every step of every checklist with its status.
function tasksLink(id) {
  const a = document.createElement('a');
  const url = new URL(siteURL('dossiers/taken/'));
  url.searchParams.set('dossier', id);
  a.href = url.href;
  a.textContent = 'Takenlijst van dit dossier';
  return a;
}

// sharedGroups: which groups of a checklist are the dossier's shared groups
// ({<item id>: <shared group>}).
function sharedGroups(def) {
  const shared = {};
  for (const s of def.sections) for (const it of s.items) if (it.shared) shared[it.id] = it.shared;
  return shared;
}

// dossierContext returns null when the page works on its own (no dossier, or storage
// blocked), else what checklist.js needs to keep its answers in the dossier.
export function dossierContext(checklistID, def) {
  const asked = new URLSearchParams(window.location.search).get('dossier');
  let id = asked;
  let remembered = false;
  if (!id) {
    try { id = localStorage.getItem(CURRENT); } catch (err) { return null; }
    remembered = true;
  }
  if (!id) return null;
  const text = readDossier(id);
  if (text === null) {
    if (remembered) {
      // The dossier was removed (here or in another tab): forget it quietly.
      try { localStorage.removeItem(CURRENT); } catch (err) { /* storage blocked */ }
    } else {
      banner(['Het dossier uit het adres van deze pagina staat niet op dit apparaat. Uw antwoorden worden daarom niet in een dossier bewaard. ', listLink('Bekijk uw dossiers')]);
    }
    return null;
  }
  let name = '';
  try { name = JSON.parse(text).dossier.name; } catch (err) { /* the engine says what is wrong on read */ }
  if (asked) setCurrent(id);

  const shared = sharedGroups(def);

  const strong = document.createElement('strong');
  strong.textContent = name;
  // Status and version, and whether an answer changed after the vaststelling: the
  // engine says, this line is redrawn after every save.
  const signoffLine = document.createElement('span');
  signoffLine.className = 'dw-dossier-banner__status';
  const showSignoff = async (dossierText) => {
    // Before the engine runs there is nothing to say yet; read() says it then.
    if (!engineReady()) return null;
    const s = await dossier('summary', { dossier: dossierText });
    if (s.error || !s.signoff) return null;
    const note = changedNote(s.signoff);
    const noteEl = document.createElement('strong');
    noteEl.textContent = note;
    const missing = missingNote(s.signoff);
    signoffLine.replaceChildren(`Status: ${statusLabel(s.signoff.status)}, versie ${s.signoff.version}. `, ...(note ? [noteEl, ' '] : []), missing ? `${missing} ` : '');
    return s;
  };
  showSignoff(text);
  const parts = ['U werkt in het dossier ', strong, '. ', signoffLine, 'Organisaties en andere rijen die alle checklists van dit dossier delen, vult u één keer in. '];
  let loose = null;
  try { loose = localStorage.getItem(answersKey(checklistID)); } catch (err) { /* storage blocked */ }
  // Answers kept for this checklist before dossiers are not shown here: say where they are.
  if (loose !== null) parts.push('Op dit apparaat staan ook antwoorden van deze checklist buiten een dossier. Bij Alle dossiers maakt u daar een dossier van. ');
  parts.push(listLink('Alle dossiers'));
  parts.push(' · ', tasksLink(id));
  banner(parts);
  const namens = namensControl(id, $('dossier-banner'));
  // The verdict of this checklist (a finding of severity uitkomst), kept in the dossier
  // for the other checklists (dossier op "outcomes", checklist.Carry).
  const hasVerdicts = (def.findings || []).some((f) => f.severity === 'uitkomst');
  const label = document.querySelector('label[for="bewaar-op-apparaat"]');
  if (label) label.textContent = 'Bewaar in dit dossier op dit apparaat (in deze browser). Doe dit alleen op een apparaat dat niet door anderen wordt gebruikt.';
  const wipeText = $('wis-uitleg');
  if (wipeText) {
    wipeText.textContent = 'Alle antwoorden van deze checklist worden gewist, ook in het dossier op dit apparaat. De organisaties en andere gedeelde rijen van het dossier blijven staan: andere checklists gebruiken ze ook. Een heel dossier verwijdert u bij Alle dossiers.';
  }

  const ctx = {
    id,
    name,
    key: dossierKey(id),
    staleKey: staleKeyOf(id),
    // read: this checklist's answer file from the dossier, or null when the dossier
    // has nothing for it yet (or is gone).
    async read() {
      const current = readDossier(id);
      if (current === null) return null;
      showSignoff(current);
      namens.refresh(current);
      const res = await dossier('checklist', { dossier: current, checklist: checklistID, version: def.version, shared });
      if (res.error) throw new Error(res.error);
      try {
        if (Object.keys(JSON.parse(res.text).answers).length === 0) return null;
      } catch (err) { return null; }
      return res.text;
    },
    // fileOf: the answer file of another checklist of this dossier (otherDef is its
    // definition), for a document that also reads that checklist; null when the
    // dossier is gone. The engine makes it, with the dossier's shared rows.
    async fileOf(otherID, otherDef) {
      const current = readDossier(id);
      if (current === null) return null;
      const res = await dossier('checklist', { dossier: current, checklist: otherID, version: otherDef.version, shared: sharedGroups(otherDef) });
      if (res.error) throw new Error(res.error);
      return res.text;
    },
    // write: the answer file the engine exported goes into the dossier, marked as
    // given by the organisation chosen under the banner, with the verdict of state (the
    // engine's last evaluation) when this checklist has verdicts. It resolves to
    // false when another tab changed the dossier meanwhile (nothing is written), and
    // throws what localStorage throws, like the page's own key would.
    async write(fileText, state) {
      const current = readDossier(id);
      if (current === null) throw new Error('Het dossier staat niet meer op dit apparaat.');
      const args = { dossier: current, file: fileText, shared, by: namens.by(), now: new Date().toISOString() };
      if (hasVerdicts && state) {
        const verdict = state.findings.find((f) => f.severity === 'uitkomst');
        Object.assign(args, { checklist: checklistID, outcome: verdict ? { id: verdict.id, text: verdict.text, title: def.title } : null });
      }
      const res = await dossier('put', args);
      if (res.error) throw new Error(res.error);
      // Another tab may have written the dossier while the engine worked: then this
      // tab writes nothing, and its storage event (storage.js, otherTab) tells the
      // visitor, as for any write of another tab.
      if (readDossier(id) !== current) return false;
      writeDossier(id, res.text);
      showSignoff(res.text);
      namens.refresh(res.text);
      return true;
    },
    // documentInfo: the dossier as the documents name it (name, status, version, the
    // vaststelling and the change log), with days on this device's clock; '' when the
    // dossier is gone.
    async documentInfo() {
      const current = readDossier(id);
      const s = current === null ? null : await showSignoff(current);
      if (!s) return '';
      const so = s.signoff;
      return JSON.stringify({
        name: s.name,
        status: so.status,
        version: so.version,
        adopted: localDay(so.adopted),
        changedAfterAdoption: so.changedAfterAdoption,
        log: so.log.map((e) => ({ version: e.version, date: localDay(e.date), status: e.status, text: e.text })),
      });
    },
    // outcomes: the verdicts other checklists of the dossier keep ({<checklist id>:
    // {id, text, title, at}}), for the questions that take an answer from them.
    async outcomes(checklists) {
      const current = readDossier(id);
      if (current === null || !checklists.length) return {};
      const res = await dossier('outcomes', { dossier: current, checklists });
      return res.error ? {} : res;
    },
    // otherTabText: what the page says when another tab changed or removed the dossier.
    otherTabText(removed) {
      return removed
        ? 'In een ander tabblad of venster is dit dossier verwijderd of is alles gewist. Dit tabblad bewaart daarom niets meer op dit apparaat. Uw antwoorden op dit scherm staan er nog. Wilt u ze houden? Download ze als bestand.'
        : 'Dit dossier is in een ander tabblad of venster veranderd. Dit tabblad bewaart nu niets meer, zodat het die wijziging niet overschrijft. Laad de pagina opnieuw om het dossier te zien zoals het nu is. Wilt u toch bewaren wat op dit scherm staat? Vink dan "Bewaar in dit dossier" weer aan.';
    },
    // drop: removes this checklist's own answers; the shared rows stay.
    async drop() {
      const current = readDossier(id);
      if (current === null) return;
      const res = await dossier('drop', { dossier: current, checklist: checklistID, now: new Date().toISOString() });
      if (res.error) throw new Error(res.error);
      writeDossier(id, res.text);
      showSignoff(res.text);
    },
  };
  return ctx;
}
