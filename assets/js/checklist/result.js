// Showing what the engine worked out: which questions are shown, the progress, each
// step's status, the findings, and the result (answers, overviews, findings, action
// lists), on screen and in print.
import { el, langText, renderViews } from '../views.js';
import { updateRefs } from '../refs.js';
import { localDate } from '../dates.js';
import { STEP_LABELS } from '../dossier-store.js';
import { renderPlan } from '../plan.js';
import * as engine from './engine.js';
import { answersAfter, fieldElement, formChanged } from './form.js';
import { hideErrors, say, showErrors, showWarnings, validate, announce } from './messages.js';
import { $, MAX_IMPORT, def, form, payload, setHidden, setText, siteURL } from './page.js';
import { state } from './state.js';

// The same words as the report (checklist/report.go severityTitle).
const severityText = { uitkomst: 'Uitkomst', risico: 'Risico', aandacht: 'Aandacht', info: 'Ter informatie' };

const itemElements = () => state.itemEls || (state.itemEls = Array.from(form.querySelectorAll('[data-item]')));

// evaluate has the engine evaluate the answers on screen (after a change to target,
// or all of them) and shows the outcome. It resolves to the answers, once the
// outcome is on screen. The answers are read from the form at the call, so each
// change is evaluated as it was made; the engine answers in the order of the calls.
// speak: the change was the visitor's, so new findings and warnings are announced.
export async function evaluate(target, speak = false) {
  const answers = answersAfter(target);
  const res = await engine.evaluate(answers);
  mark('dw-engine-answer');
  if (res.error) {
    // Progress, findings and the result would now be out of date: say so once,
    // and finish, downloads and saving refuse until it is solved.
    const hint = JSON.stringify(answers).length > MAX_IMPORT ? ' Maak heel lange antwoorden korter.' : '';
    const text = `${res.error} Zolang dat zo is, kloppen de voortgang en de bevindingen niet, en kunt u niet afronden, downloaden of op dit apparaat bewaren.${hint}`;
    if (text !== state.engineError) say(text);
    state.engineError = text;
    return answers;
  }
  state.engineError = '';
  state.speakNews = speak;
  try { apply(res); } finally { state.speakNews = false; }
  mark('dw-evaluated');
  return answers;
}

// mark leaves a user-timing mark (the engine's answer arrived; its outcome is on
// screen), so the time from a change to its outcome can be measured (make bench).
// Only the last of each is kept.
function mark(name) {
  performance.clearMarks(name);
  performance.mark(name);
}

function apply(res) {
  state.lastState = res;
  // Only what changed is written: a long checklist re-renders nothing it need not.
  const visible = new Set(res.visible);
  for (const el of itemElements()) {
    const hide = !visible.has(el.dataset.item);
    setHidden(el, hide);
  }
  const progress = $('voortgang');
  setHidden(progress, false);
  const done = res.sections.filter((s) => s.status === 'afgerond').length;
  setText(progress, `${res.answered} van ${res.total} vragen beantwoord. ${done} van ${res.sections.length} stappen afgerond.`);
  // A step's status shows in the overview and on the step's own page.
  for (const s of res.sections) for (const tag of document.querySelectorAll(`[data-section-status="${s.id}"]`)) {
    setHidden(tag, false);
    setText(tag, STEP_LABELS[s.status] || s.status);
    const cls = `dw-status-tag dw-status-tag--${s.status}`;
    if (tag.className !== cls) tag.className = cls;
  }
  if (updateRefs(form, res.refRows)) formChanged();
  renderFindings(res.findings);
  showWarnings(res.warnings);
}

function findingNode(f) {
  const li = document.createElement('li');
  li.className = `dw-finding dw-finding--${f.severity}`;
  const tag = document.createElement('strong');
  tag.className = 'dw-finding__severity';
  tag.textContent = `${severityText[f.severity] || f.severity}: `;
  li.append(tag, document.createTextNode(f.text));
  if (f.link) {
    li.append(' ');
    const a = document.createElement('a');
    a.href = siteURL(f.link);
    a.textContent = payload.titles[f.link] ? `Lees: ${payload.titles[f.link]}` : 'Lees meer';
    li.append(a);
  }
  return li;
}

function renderFindings(findings) {
  setHidden($('bevindingen'), false);
  const key = JSON.stringify(findings);
  if (key === state.lastFindings) return;
  state.lastFindings = key;
  const now = new Set(findings.map((f) => `${f.severity}:${f.text}`));
  if (state.speakNews) {
    for (const f of findings) {
      if (!state.shownFindings.has(`${f.severity}:${f.text}`)) announce(`Nieuwe bevinding: ${severityText[f.severity] || f.severity}: ${f.text}`);
    }
  }
  state.shownFindings = now;
  const list = $('bevindingen-lijst');
  list.replaceChildren(...findings.map(findingNode));
  const count = (sev) => findings.filter((f) => f.severity === sev).length;
  // The engine puts a verdict first; the summary names it too, in words.
  const verdicts = count('uitkomst') ? `${count('uitkomst')} uitkomst, ` : '';
  setText($('bevindingen-samenvatting'), findings.length === 0
    ? 'Geen bevindingen op dit moment.'
    : `${findings.length} ${findings.length === 1 ? 'bevinding' : 'bevindingen'}: ${verdicts}${count('risico')} risico, ${count('aandacht')} aandacht, ${count('info')} info.`);
}

// ---- the result -------------------------------------------------------------------

function summaryRow(label, valueNodes, changeTarget, changeContext) {
  const row = document.createElement('div');
  row.className = 'dw-summary__row';
  const dt = document.createElement('dt');
  dt.textContent = label;
  const dd = document.createElement('dd');
  dd.append(...valueNodes);
  const act = document.createElement('dd');
  act.className = 'dw-summary__action';
  const a = document.createElement('a');
  a.href = `#${changeTarget}`;
  a.append('Wijzigen');
  const hidden = document.createElement('span');
  hidden.className = 'dw-visually-hidden';
  hidden.textContent = ` ${changeContext}`;
  a.append(hidden);
  a.addEventListener('click', (ev) => {
    const el = document.getElementById(changeTarget);
    if (!el) return;
    ev.preventDefault();
    el.focus();
    el.scrollIntoView({ block: 'center' });
  });
  act.append(a);
  row.append(dt, dd, act);
  return row;
}

// The engine writes every answer as the result shows it (labels, Dutch dates,
// "Niet ingevuld") and works out the overviews; this only puts them in the page.
function renderResult(result, focus = true) {
  const visible = new Set(state.lastState.visible);
  const texts = result.answers || {};
  const out = [];
  def.sections.forEach((s, n) => {
    const h = document.createElement('h3');
    h.textContent = `Stap ${n + 1}: ${s.title}`;
    const dl = document.createElement('dl');
    dl.className = 'dw-summary dw-summary--answers';
    for (const it of s.items) {
      if (!visible.has(it.id)) continue;
      const v = texts[it.id];
      const target = (fieldElement(it.id) || {}).id || `stap-${s.id}`;
      const nodes = Array.isArray(v) ? [el('ul', {}, ...v.map((row) => el('li', {}, ...langText(row))))] : langText(v || '');
      dl.append(summaryRow(it.question, nodes, target, it.question));
    }
    out.push(h, dl);
  });
  const fh = document.createElement('h3');
  fh.textContent = 'Bevindingen';
  const fl = document.createElement('ul');
  fl.className = 'dw-findings__list';
  fl.append(...state.lastState.findings.map(findingNode));
  if (!state.lastState.findings.length) fl.append(Object.assign(document.createElement('li'), { textContent: 'Geen bevindingen.' }));
  out.push(fh, fl);
  $('resultaat-inhoud').replaceChildren(...out);
  $('resultaat-overzichten').replaceChildren(...renderViews(result));
  $('actielijsten').replaceChildren(...renderPlan(result.plan, roles, { findingNode, printOnly, siteURL }));
  const res = $('resultaat');
  res.hidden = false;
  if (focus) res.focus();
}

// finish is "Controleer en rond af": the error summary, or the result. A second
// click while the first is checked does nothing more.
export async function finish() {
  if (state.finishing) return;
  state.finishing = true;
  try {
    const answers = await evaluate();
    if (state.engineError) {
      $('resultaat').hidden = true;
      showErrors([], `Afronden is niet gelukt. ${state.engineError}`);
      return;
    }
    const problems = await validate();
    if (problems.length) {
      $('resultaat').hidden = true;
      showErrors(problems, 'Controleer de volgende vragen:');
      return;
    }
    hideErrors();
    renderResult(await engine.result(answers, localDate()));
  } finally {
    state.finishing = false;
  }
}

// ---- print -------------------------------------------------------------------------

// The whole checklist prints with its result (answers, overviews, findings, action
// lists), also before "Controleer en rond af": made for the print, hidden after it.
// The browser asks for the print at once (beforeprint cannot wait for the engine), so
// the result for printing is made ahead: on the whole checklist, a moment after the
// answers last changed (printAhead). A print before that result is there, or made
// from answers that changed since, prints the form without it: never an old result.
const onWholeChecklist = () => (form.closest('[data-view]') || { dataset: {} }).dataset.view === 'alles';
const printView = () => !document.documentElement.dataset.printOnly && onWholeChecklist();

// preparePrint has the engine make the result of the answers on screen, for a print.
export async function preparePrint() {
  if (!onWholeChecklist() || state.engineError || !state.current) return;
  const key = JSON.stringify(state.current);
  const result = await engine.result(state.current, localDate());
  // Only while these are still the answers on screen.
  if (!result.error && key === JSON.stringify(state.current)) state.printReady = { key, result };
}

// printAhead: after a change, the result for a print is made again once the answers
// have been still for a moment (in the engine's worker, off the page's main thread).
export function printAhead() {
  if (!onWholeChecklist()) return;
  clearTimeout(state.printTimer);
  state.printTimer = setTimeout(preparePrint, 300);
}

export function printResult() {
  if (!printView() || !$('resultaat').hidden) return;
  const ready = state.printReady;
  if (!ready || state.engineError || !state.lastState || ready.key !== JSON.stringify(state.current)) return;
  renderResult(ready.result, false);
  state.resultForPrint = true;
}
export function afterPrint() {
  if (state.resultForPrint) $('resultaat').hidden = true;
  state.resultForPrint = false;
}

// The engine works the action lists per role out (result.plan); plan.js draws them.
const roles = JSON.parse(($('checklist-roles') || { textContent: '[]' }).textContent);

// printOnly prints one action list: the page marks it, the print style sheet shows
// only what is marked, and the mark goes when printing is done.
export function printOnly(id) {
  document.documentElement.dataset.printOnly = id;
  $(id).classList.add('dw-print-target');
  const done = () => {
    delete document.documentElement.dataset.printOnly;
    $(id).classList.remove('dw-print-target');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

// A textarea prints as a fixed box and cuts long answers off; mirror each one into a
// print-only block so the filled-in checklist prints every word.
export function mirrorTextareas() {
  for (const ta of form.querySelectorAll('textarea')) {
    let mirror = ta.nextElementSibling;
    if (!mirror || !mirror.classList.contains('dw-print-value')) {
      mirror = document.createElement('div');
      mirror.className = 'dw-print-value';
      mirror.setAttribute('aria-hidden', 'true');
      ta.after(mirror);
    }
    if (mirror.textContent !== ta.value) mirror.textContent = ta.value;
    ta.classList.toggle('dw-has-value', ta.value !== '');
  }
}
