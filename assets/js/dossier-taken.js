// The task list of one dossier (/dossiers/taken/): every checklist of the site with its
// steps, and per step its status in this dossier. The engine (Go package dossier,
// op "tasks") says the status: as the checklist page recorded it when it saved, "Niet
// gestart" for a checklist never saved in the dossier, and "Bijwerken" when the
// recorded status belongs to another version of the checklist. This file only puts
// that in the page Hugo made, as text, and adds the dossier to every link.
import '../gen/wasm_exec.js';
import { dossier, openedOrNote, readDossier, STEP_LABELS, useModule } from './dossier-store.js';
import { runModule } from './files.js';
import { siteURL } from './site-root.js';

const $ = (id) => document.getElementById(id);
const infos = JSON.parse($('dossier-checklists').textContent);
// Why a status is not current (Go: dossier.Tasks, "reason").
const WHY = {
  versie: 'De antwoorden zijn bewaard met een andere versie van de checklist.',
  gedeeld: 'Daarna zijn in een andere checklist van dit dossier gedeelde rijen veranderd, zoals de organisaties.',
  onbekend: 'De antwoorden zijn bewaard voordat de status werd bijgehouden.',
};
const LABELS = { ...STEP_LABELS, bijwerken: 'Bijwerken' };

function draw(id, tasks, name) {
  const line = $('taken-dossier');
  const strong = document.createElement('strong');
  strong.textContent = name;
  line.replaceChildren('Dossier: ', strong, '.');
  line.hidden = false;
  for (const a of document.querySelectorAll('a[data-task-link]')) {
    const url = new URL(a.href);
    url.searchParams.set('dossier', id);
    a.href = url.href;
  }
  for (const section of document.querySelectorAll('section[data-checklist]')) {
    const t = tasks[section.dataset.checklist];
    if (!t) continue;
    for (const s of t.steps) {
      const tag = section.querySelector(`[data-task-status="${s.id}"]`);
      if (!tag) continue;
      tag.textContent = LABELS[s.status] || LABELS.bijwerken;
      tag.className = `dw-status-tag dw-status-tag--${s.status}`;
      tag.hidden = false;
    }
    const stale = section.querySelector('[data-task-stale]');
    if (t.state === 'bijwerken') {
      const info = infos[section.dataset.checklist];
      const a = document.createElement('a');
      const url = new URL(siteURL(info.page));
      url.searchParams.set('dossier', id);
      a.href = url.href;
      a.textContent = `Open ${info.title} in dit dossier`;
      stale.replaceChildren(`De status van deze stappen is niet bekend. ${WHY[t.reason] || WHY.onbekend} `, a, '. Dan rekent de checklist de status opnieuw uit.');
      stale.hidden = false;
    } else {
      stale.hidden = true;
    }
  }
}

async function start() {
  const id = openedOrNote('taken-geen-dossier');
  if (id === null) return;
  $('taken-laden').hidden = false;
  // The document module holds the dossier store's list operations, tasks among them.
  await runModule($('dw-engine').href, 'deelwijzerDocumentsReady');
  useModule(globalThis.deelwijzerDocuments);
  $('taken-laden').hidden = true;
  const text = readDossier(id);
  const summary = dossier('summary', { dossier: text });
  const tasks = dossier('tasks', { dossier: text, infos });
  if (summary.error || tasks.error) {
    const box = $('taken-geen-dossier');
    box.textContent = `Dit dossier kan niet worden gelezen: ${summary.error || tasks.error}`;
    box.hidden = false;
  } else {
    draw(id, tasks, summary.name);
  }
  document.documentElement.dataset.engine = 'ready';
}

start().catch(() => {
  $('taken-laden').hidden = true;
  const box = $('taken-geen-dossier');
  box.textContent = 'De takenlijst kon niet worden geladen. Laad de pagina opnieuw.';
  box.hidden = false;
});
