// Files the document module writes (wasm/documents, loaded at the first click that
// needs it): the report as Markdown, and the documents (.docx, .odt) made from a
// template with the answers. The answers are those of the moment of the click.
import { download } from '../files.js';
import { localDate } from '../dates.js';
import * as engine from './engine.js';
import { failed, say } from './messages.js';
import { $, checklistID, def, documentsURL, inDossier, payload, root, setText, siteURL, today } from './page.js';
import { evaluate } from './result.js';
import { state } from './state.js';

// The report is written by the document module, fetched at the first click like the
// documents: in the engine it would not fit the engine's size budget.
export async function exportMarkdown() {
  if (state.reportBusy) return;
  state.reportBusy = true;
  const answers = await evaluate();
  state.reportBusy = false;
  let out = { error: state.engineError };
  if (!state.engineError) {
    state.reportBusy = true;
    if (!engine.documentsLoaded()) say('Het verslag wordt gemaakt. Even geduld.');
    try {
      out = await engine.report(documentsURL(), { definition: def, lists: payload.lists }, answers, root.href, localDate());
    } catch (err) {
      out = { error: 'Het onderdeel dat het verslag maakt, kon niet worden geladen. Controleer uw verbinding en probeer het opnieuw.' };
    } finally {
      state.reportBusy = false;
    }
  }
  if (out.error || typeof out.markdown !== 'string') {
    failed(`Het downloaden van het verslag is niet gelukt. ${out.error || 'Er ging iets mis in de checklist.'} Er is geen bestand opgeslagen.`);
    return;
  }
  download(`${checklistID}-verslag-${today()}.md`, 'text/markdown', out.markdown);
  say('Het verslag is als Markdown-bestand opgeslagen.');
}

const documentTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};

// documentRequest is what the document writer needs (see wasm/documents): this page's
// answers and definition, the definitions of the other checklists the template reads
// (files of this site, checked against their hash), and in a dossier its name and the
// answers of those other checklists. Nothing is sent anywhere.
async function documentRequest(template, answers) {
  const payloads = { [checklistID]: { definition: def, lists: payload.lists } };
  const request = { checklist: checklistID, answers, payloads };
  if (inDossier) {
    request.dossier = inDossier.name;
    request.dossierInfo = await inDossier.documentInfo();
    request.files = {};
  }
  for (const [id, file] of Object.entries(template.definities || {})) {
    const resp = await fetch(siteURL(file.url), { integrity: file.integrity });
    if (!resp.ok) throw new Error(`De checklist ${id} kon niet worden geladen.`);
    payloads[id] = await resp.json();
    if (inDossier) {
      const text = await inDossier.fileOf(id, payloads[id].definition);
      if (text !== null) request.files[id] = text;
    }
  }
  return JSON.stringify(request);
}

async function makeDocument(button) {
  const status = $('documenten-status');
  const tell = (text) => { setText(status, text); say(text); };
  const template = JSON.parse($('checklist-documenten').textContent).find((t) => t.id === button.dataset.document);
  const format = button.dataset.format === 'odt' ? 'odt' : 'docx';
  button.setAttribute('aria-disabled', 'true');
  const answers = await evaluate();
  if (state.engineError || !template) {
    tell(`Het document kon niet worden gemaakt. ${state.engineError || 'Het sjabloon ontbreekt.'} Er is geen bestand opgeslagen.`);
    button.removeAttribute('aria-disabled');
    return;
  }
  tell('Het document wordt gemaakt. Even geduld.');
  try {
    const out = await engine.makeDocument(siteURL($('documenten').dataset.module), () => documentRequest(template, answers), template.tekst, format, today());
    download(`${checklistID}-${template.id}-${today()}.${format}`, documentTypes[format], out);
    tell(`${template.titel} is gedownload als .${format}-bestand. Het is een concept: laat het controleren door een jurist.`);
  } catch (err) {
    tell(`Het document kon niet worden gemaakt. ${err.message} Er is geen bestand opgeslagen.`);
  } finally {
    button.removeAttribute('aria-disabled');
  }
}

// enhanceDocuments makes the document buttons work; a click while one is being
// made does nothing.
export function enhanceDocuments() {
  for (const b of document.querySelectorAll('[data-document]')) {
    b.addEventListener('click', () => { if (!b.hasAttribute('aria-disabled')) makeDocument(b); });
  }
}
