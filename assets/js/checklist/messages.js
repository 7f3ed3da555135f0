// What the page tells the visitor: the status line and the live announcements, the
// message box under the save controls, the error summary with the messages at the
// questions, and the warnings about personal data.
import { setTitle } from '../steps.js';
import * as engine from './engine.js';
import { collect, fieldElement } from './form.js';
import { $, form } from './page.js';
import { state } from './state.js';

// say shows a message in the status line of "Uw werk bewaren" and speaks it.
export function say(text) {
  $('bewaarstatus').textContent = text;
  announce(text);
}

// announce speaks through one polite status region (#aankondiging), which is in
// the page from the start and never hidden: a region that leaves the
// accessibility tree, or is emptied just before, may never be spoken. Messages
// that come within a moment of each other are spoken once, together. The same
// words again get a no-break space, so the region changes and is heard.
export function announce(text) {
  if (!state.announceQueue.includes(text)) state.announceQueue.push(text);
  clearTimeout(state.announceTimer);
  state.announceTimer = setTimeout(() => {
    const box = $('aankondiging');
    let msg = state.announceQueue.join(' ');
    state.announceQueue = [];
    if (box.textContent === msg) msg += '\u00a0';
    box.textContent = msg;
  }, 400);
}

// importMessage fills the message box under the save controls. actions are
// buttons ({id, label, run}) the visitor can choose from.
export function importMessage(kind, title, lines, actions) {
  const box = $('importmelding');
  box.hidden = false;
  box.className = `dw-import-message dw-import-message--${kind}`;
  const h = document.createElement('p');
  h.className = 'dw-import-message__title';
  h.textContent = title;
  const parts = [h];
  if (lines && lines.length) {
    const ul = document.createElement('ul');
    for (const l of lines) {
      const li = document.createElement('li');
      li.textContent = l;
      ul.append(li);
    }
    parts.push(ul);
  }
  if (actions && actions.length) {
    const group = document.createElement('div');
    group.className = 'dw-button-group';
    for (const a of actions) {
      const b = document.createElement('button');
      b.type = 'button';
      b.id = a.id;
      b.className = 'dw-button dw-button--secondary';
      b.textContent = a.label;
      b.addEventListener('click', a.run);
      group.append(b);
    }
    parts.push(group);
  }
  box.replaceChildren(...parts);
}

// failed tells that an operation did not work and that nothing was saved.
export function failed(text) {
  importMessage('error', text);
}

// ---- messages at the questions -----------------------------------------------------

function messagesBox(field) {
  const el = fieldElement(field);
  if (!el) return null;
  return el.closest('.dw-question, .dw-group').querySelector('.dw-field-messages');
}

function clearMessages(cls) {
  for (const el of form.querySelectorAll(`.${cls}`)) {
    const ctl = el.closest('.dw-question, .dw-group');
    el.remove();
    if (ctl) for (const c of [ctl, ...ctl.querySelectorAll('[aria-describedby]')]) if (c.hasAttribute('aria-describedby')) unlinkDescription(c, el.id);
  }
}

// errorTarget is what carries an error: for radios and checkboxes the group
// (their fieldset), so the error belongs to the question and not to its first
// option; otherwise the field itself.
function errorTarget(el) {
  if (el && (el.type === 'radio' || el.type === 'checkbox')) return el.closest('fieldset.dw-question') || el;
  return el;
}

function linkDescription(el, id) {
  const ids = (el.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
  if (!ids.includes(id)) ids.push(id);
  el.setAttribute('aria-describedby', ids.join(' '));
}

function unlinkDescription(el, id) {
  const ids = (el.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== id);
  if (ids.length) el.setAttribute('aria-describedby', ids.join(' ')); else el.removeAttribute('aria-describedby');
}

const piiNames = {
  bsn: 'een burgerservicenummer (BSN)', geboortedatum: 'een geboortedatum', iban: 'een rekeningnummer (IBAN)',
  postcode: 'een postcode met huisnummer', email: 'een e-mailadres',
};

// showWarnings puts the engine's warnings about personal data at their questions;
// a new one is spoken when the visitor's own change caused it.
export function showWarnings(warnings) {
  clearMessages('dw-pii-warning');
  const seen = new Set();
  let n = 0;
  for (const w of warnings || []) {
    const box = messagesBox(w.field);
    if (!box) continue;
    const p = document.createElement('p');
    p.className = 'dw-pii-warning';
    p.id = `waarschuwing-${n++}`;
    const kinds = w.kinds.map((k) => piiNames[k] || k);
    p.textContent = `Dit lijkt op ${kinds.join(' of ')}. Deze checklist beschrijft de samenwerking, niet cliënten of inwoners: laat persoonsgegevens weg.`;
    box.append(p);
    linkDescription(fieldElement(w.field), p.id);
    const key = `${w.field}:${w.kinds.join(',')}`;
    seen.add(key);
    if (state.speakNews && !state.spokenWarnings.has(key)) announce(p.textContent);
  }
  state.spokenWarnings = seen;
}

// ---- the error summary -----------------------------------------------------------

export async function validate() {
  const { answers, rowMap } = collect();
  state.rowMap = rowMap;
  const res = await engine.validate(answers);
  if (res.error) return [{ field: '', item: '', message: res.error }];
  return res.errors || [];
}

// refreshErrors: while the error summary is shown, every change checks again, so a
// field that is fixed loses its message and the summary lists only what is left.
// Focus stays where the visitor is typing.
export async function refreshErrors() {
  if ($('foutoverzicht').hidden || !state.errorsIntro) return;
  const problems = await validate();
  // The summary may have been closed meanwhile (a finish, an import).
  if ($('foutoverzicht').hidden || !state.errorsIntro) return;
  if (problems.length) {
    showErrors(problems, state.errorsIntro, false);
    return;
  }
  hideErrors();
  say('Alle fouten zijn opgelost. Kies opnieuw "Controleer en rond af".');
}

export function hideErrors() {
  $('foutoverzicht').hidden = true;
  clearMessages('dw-error-message');
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  setTitle(false);
}

export function showErrors(errors, intro, focus = true) {
  const summaryKey = JSON.stringify(errors);
  const same = !focus && summaryKey === state.lastErrors;
  state.lastErrors = summaryKey;
  if (same) return;
  hideErrors();
  state.errorsIntro = errors.length ? intro : '';
  const list = $('foutoverzicht-lijst');
  const links = [];
  errors.forEach((e, i) => {
    const el = fieldElement(e.field);
    const box = messagesBox(e.field);
    if (box && el) {
      const p = document.createElement('p');
      p.className = 'dw-error-message';
      p.id = `fout-${i}`;
      const hidden = document.createElement('span');
      hidden.className = 'dw-visually-hidden';
      hidden.textContent = 'Fout: ';
      p.append(hidden, document.createTextNode(e.message));
      box.append(p);
      errorTarget(el).setAttribute('aria-invalid', 'true');
      linkDescription(errorTarget(el), p.id);
    }
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = el && el.id ? `#${el.id}` : '#checklist';
    a.textContent = e.message;
    a.addEventListener('click', (ev) => {
      if (!el) return;
      ev.preventDefault();
      el.focus();
      el.scrollIntoView({ block: 'center' });
    });
    li.append(a);
    links.push(li);
  });
  $('foutoverzicht-intro').textContent = intro;
  list.replaceChildren(...links);
  $('foutoverzicht').hidden = false;
  setTitle(true);
  if (focus) $('foutoverzicht').focus();
}
