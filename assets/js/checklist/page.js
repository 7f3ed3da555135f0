// What the checklist page is made of, read once when the script starts: the form, the
// definition Hugo put in the page, and where this checklist keeps its answers. Nothing
// here changes while the visitor works (that is in state.js).
import { dossierContext } from '../dossier-checklist.js';
import { answersKey, answersStaleKey } from '../dossier-store.js';
import { root, siteURL } from '../site-root.js';

export const form = document.getElementById('checklist');
export const dataEl = document.getElementById('checklist-data');
export const $ = (id) => document.getElementById(id);

// The site's root, and links in the data resolved against it (site-root.js).
export { root, siteURL };

export const payload = JSON.parse(dataEl.textContent);
export const def = payload.definition;
export const checklistID = def.id;
// In a dossier (dossier-checklist.js) the answers are kept in the dossier's key.
export const inDossier = dossierContext(checklistID, def);
export const storeKey = inDossier ? inDossier.key : answersKey(checklistID);
// What this page keeps on the device, and only for this checklist: the stored copy
// (storeKey) and, after a save that failed, the moment it failed (staleKey), so an
// older copy never comes back as if it were current. Other checklists' keys are
// never touched here; the privacy page lists and removes them all.
export const staleKey = inDossier ? inDossier.staleKey : answersStaleKey(checklistID);

// Field metadata from the definition, so reading and writing the DOM follows the
// definition rather than guessing from the markup.
export const items = new Map();
for (const s of def.sections) for (const it of s.items) items.set(it.id, it);

// The fields a visitor fills in; a row's hidden id is not one of them.
export const FIELDS = 'input:not([type="hidden"]), select, textarea';

// The document module (report, documents, files of an older checklist version), loaded
// on demand; its address is on the engine's preload link.
export const documentsURL = () => siteURL($('dw-engine').dataset.documents);

export const MAX_IMPORT = 2 * 1024 * 1024;

export const today = () => new Date().toISOString().slice(0, 10);

// Only what changed is written: a long checklist re-renders nothing it need not.
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
export function setHidden(node, hide) {
  if (node.hidden !== hide) node.hidden = hide;
}
