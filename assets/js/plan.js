// The action list per role: draws the plan the engine worked out (checklist.BuildPlan,
// the "plan" of the result): per role its measures as a table (owner, date, status,
// with what is missing or late already worded by the engine) and the findings it must
// act on, and the measures without an owner. Each measure is in one table only (the
// engine decides which), so a reader who counts them counts right. Nothing is decided
// here. The plan prints on its own, whole or per role (print.css shows only the marked
// part).
import { el, langText } from './views.js';

// A measure's table: a caption, column headers, and per row the measure as row
// header. On a narrow screen the rows stack (main.css); each cell then shows its
// column's name from data-label, so no word is broken to fit a column.
function measuresTable(caption, headers, measures) {
  const head = el('tr', {}, ...headers.map((h) => el('th', { scope: 'col', textContent: h })));
  const rows = measures.map((m) => {
    const flags = [m.ownerMissing, m.dueMissing || m.overdue, false];
    const name = el('th', { scope: 'row' }, ...langText(m.label));
    if (m.detail) name.append(el('span', { className: 'dw-plan__detail' }, ...langText(m.detail)));
    const cells = [m.owner, m.due, m.status].map((text, i) => {
      const td = el('td', { className: flags[i] ? 'dw-plan__flag' : '' }, text);
      td.dataset.label = headers[i + 1];
      return td;
    });
    return el('tr', { className: m.done ? 'dw-plan__done' : '' }, name, ...cells);
  });
  return el('table', { className: 'dw-table dw-plan__table' }, el('caption', { textContent: caption }), el('thead', {}, head), el('tbody', {}, ...rows));
}

// renderPlan returns the nodes of the action list per role. roles gives each role's
// page (data/rollen.yaml), findingNode draws one finding as the findings list does,
// printOnly prints one part of the page.
export function renderPlan(plan, roles, { findingNode, printOnly, siteURL }) {
  if (!plan || (!plan.hasMeasures && !plan.roles.length)) return [];
  const pages = new Map(roles.map((r) => [r.id, r.page]));
  const out = [el('h3', { id: 'actielijsten-titel', textContent: 'Actielijst per rol' }),
    el('p', { textContent: plan.hasMeasures
      ? 'Dit is het plan: elke maatregel staat bij de rol die er eigenaar van is, met de datum en de status. Een maatregel zonder eigenaar staat apart. Daaronder staan de bevindingen waar die rol mee aan de slag gaat. Print het hele plan, of de lijst van één rol om mee te geven.'
      : 'Wie pakt wat op? Elke bevinding staat bij de rollen die ermee aan de slag gaan. Print een lijst om mee te geven.' })];
  if (plan.summary) out.push(el('p', { className: 'dw-plan__summary', textContent: plan.summary }));
  const printAll = el('button', { type: 'button', className: 'dw-button dw-button--secondary', textContent: 'Print het hele plan' });
  printAll.addEventListener('click', () => printOnly('actielijsten'));
  out.push(el('div', { className: 'dw-button-group' }, printAll));

  if (plan.unassigned.length) {
    const id = 'actielijst-zonder-eigenaar';
    const sec = el('section', { id, className: 'dw-actionlist dw-actionlist--open' },
      el('h4', { id: `${id}-titel`, textContent: plan.unassignedTitle }),
      el('p', { textContent: 'Deze maatregelen hebben nog geen eigenaar. Spreek af wie ervoor zorgt en wanneer, en vul dat in bij de maatregelen.' }),
      measuresTable('Maatregelen zonder eigenaar', plan.headers, plan.unassigned));
    sec.setAttribute('aria-labelledby', `${id}-titel`);
    out.push(sec);
  }
  for (const role of plan.roles) {
    const id = `actielijst-${role.role}`;
    const heading = el('h4', { id: `${id}-titel` });
    heading.append(pages.get(role.role) ? el('a', { href: siteURL(pages.get(role.role)), textContent: role.name }) : role.name);
    const parts = [heading];
    if (role.measures.length) parts.push(measuresTable(`Maatregelen van ${role.name}`, plan.headers, role.measures));
    if (role.findings.length) {
      if (role.measures.length) parts.push(el('p', { className: 'dw-plan__subtitle', textContent: `Bevindingen voor ${role.name}` }));
      parts.push(el('ul', { className: 'dw-findings__list' }, ...role.findings.map(findingNode)));
    }
    const button = el('button', { type: 'button', className: 'dw-button dw-button--secondary dw-actionlist__print', textContent: `Print de actielijst voor ${role.name}` });
    button.addEventListener('click', () => printOnly(id));
    parts.push(button);
    const sec = el('section', { id, className: 'dw-actionlist' }, ...parts);
    sec.setAttribute('aria-labelledby', `${id}-titel`);
    out.push(sec);
  }
  return out;
}
