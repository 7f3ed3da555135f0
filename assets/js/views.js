// Result views: draws the overviews the engine worked out (checklist.ViewsJSON):
// matrix tables, the data-flow diagram with its layout, and the risk grids. Every
// rule (which rows, their names, answer texts, where a box or an arrow goes, which
// risk sits in which cell) lives in Go; this module only turns the model into DOM.
// Everything is set as text, never as HTML.

const SVG = 'http://www.w3.org/2000/svg';

export const el = (tag, props, ...kids) => {
  const n = document.createElement(tag);
  Object.assign(n, props || {});
  n.append(...kids);
  return n;
};

const svg = (tag, attrs, ...kids) => {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, v);
  n.append(...kids);
  return n;
};

// English terms (data/engelse-termen.yaml) are marked lang="en" wherever the result
// shows text, so a screen reader says them in English (WCAG 3.1.2).
const englishTerms = JSON.parse((document.getElementById('engelse-termen') || { textContent: '[]' }).textContent);

// langText returns the nodes for text, with each English term in a span lang="en".
export function langText(text) {
  const out = [];
  let rest = String(text);
  for (;;) {
    let at = -1; let term = '';
    for (const t of englishTerms) {
      const i = rest.indexOf(t);
      if (i >= 0 && (at < 0 || i < at)) { at = i; term = t; }
    }
    if (at < 0) break;
    if (at > 0) out.push(document.createTextNode(rest.slice(0, at)));
    const span = document.createElement('span');
    span.lang = 'en';
    span.textContent = term;
    out.push(span);
    rest = rest.slice(at + term.length);
  }
  if (rest) out.push(document.createTextNode(rest));
  return out;
}

// Wide content scrolls sideways inside a region that keyboard users can focus.
function scrollBox(content, label, className = 'dw-table-scroll') {
  const box = el('div', { className, tabIndex: 0 }, content);
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', label);
  return box;
}

function viewTable(caption, headers, rows) {
  const thead = el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col', textContent: h }))));
  const tbody = el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c, j) => (j === 0 ? el('th', { scope: 'row' }, ...langText(c)) : el('td', {}, ...langText(c || '-')))))));
  return scrollBox(el('table', { className: 'dw-table' }, el('caption', { textContent: caption }), thead, tbody), caption);
}

// The data-flow diagram is drawn at its own size in CSS pixels, so its text keeps
// its real size on a phone; a drawing wider than the screen scrolls in its region.
// The drawing is named once, by its title element (no aria-labelledby: Chromium
// then also reads the title as its description); the table under it holds the same
// content for screen readers and for anyone who reads a table more easily.
function flowDrawing(v, k) {
  const f = v.flow;
  const drawing = svg('svg', { width: f.width, height: f.height, viewBox: `0 0 ${f.width} ${f.height}`, role: 'img', class: 'dw-flow' },
    svg('title', {}, `${v.title}: ${f.nodes.length === 1 ? '1 organisatie' : `${f.nodes.length} organisaties`} en ${f.edges.length === 1 ? '1 deelmoment' : `${f.edges.length} deelmomenten`}; de tabel hieronder geeft dezelfde gegevens`),
    svg('defs', {}, svg('marker', { id: `pijl-${k}`, viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' },
      svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'dw-flow__head' })),
    svg('marker', { id: `begin-${k}`, viewBox: '0 0 10 10', refX: '5', refY: '5', markerWidth: '4', markerHeight: '4' },
      svg('circle', { cx: '5', cy: '5', r: '5', class: 'dw-flow__head' }))));
  for (const n of f.nodes) drawing.append(svg('line', { x1: f.laneFrom, y1: n.laneY, x2: f.laneTo, y2: n.laneY, class: 'dw-flow__lane' }));
  for (const n of f.nodes) {
    drawing.append(svg('g', { class: 'dw-flow__org' },
      svg('rect', { x: n.x, y: n.y, width: n.w, height: n.h, rx: 4, class: 'dw-flow__node' }),
      ...n.lines.map((t) => svg('text', { x: t.x, y: t.y, class: 'dw-flow__label' }, t.text))));
  }
  for (const e of f.edges) {
    drawing.append(svg('path', { d: e.path, class: 'dw-flow__edge', fill: 'none', 'marker-start': `url(#begin-${k})`, 'marker-end': `url(#pijl-${k})` }));
    drawing.append(svg('g', { class: 'dw-flow__numgroup' },
      svg('circle', { cx: e.x, cy: e.y, r: e.r, class: 'dw-flow__numbg' }),
      svg('text', { x: e.x, y: e.y, class: 'dw-flow__num', 'text-anchor': 'middle', 'dominant-baseline': 'central' }, String(e.n))));
  }
  const box = scrollBox(drawing, `Tekening: ${v.title}`, 'dw-flow-scroll');
  return el('figure', { className: 'dw-flow-figure' }, box,
    el('figcaption', { className: 'dw-hint', textContent: 'Elke organisatie heeft een baan. Elke pijl is een deelmoment, van links naar rechts in de volgorde van het proces; het nummer is dat van de rij.' }));
}

const levelWord = { laag: 'Laag', middel: 'Middel', hoog: 'Hoog' };

// Each cell says its level in words and names the risks in it: colour alone tells
// nothing to someone who cannot see it, nor in forced colours.
function riskGrid(g) {
  const head = el('tr', {}, el('th', { scope: 'col', textContent: 'Kans \u2193 / impact \u2192' }), ...g.impact.map((m) => el('th', { scope: 'col', textContent: m })));
  const body = [3, 2, 1, 0].map((k) => el('tr', {}, el('th', { scope: 'row', textContent: g.likelihood[k] }),
    ...[0, 1, 2, 3].map((m) => {
      const c = g.cells[k * 4 + m];
      return el('td', { className: `dw-riskmap__cell dw-riskmap__cell--${c.level}` },
        el('span', { className: 'dw-riskmap__level', textContent: levelWord[c.level] }),
        ...c.risks.map((t) => el('span', { className: 'dw-riskmap__risk' }, ...langText(t))));
    })));
  const out = [scrollBox(el('table', { className: 'dw-table dw-riskmap' }, el('caption', { textContent: g.caption }), el('thead', {}, head), el('tbody', {}, ...body)), g.caption)];
  if (g.unscored.length) out.push(el('p', { className: 'dw-riskmap__unscored' }, ...langText(`Niet beoordeeld: ${g.unscored.join('; ')}.`)));
  return el('div', { className: 'dw-riskmap-side' }, ...out);
}

function riskmapView(v) {
  const out = [el('p', { className: 'dw-hint', textContent: 'Kans en impact lopen van 1 (klein) tot 4 (groot). Een risico staat in de cel van zijn score, met het nummer van zijn rij uit de stap over risico\u2019s en zijn naam. Elke cel noemt ook het niveau: laag (score 1 tot 3), middel (4 tot 8) of hoog (9 tot 16).' }),
    el('div', { className: 'dw-riskmaps' }, ...v.grids.map(riskGrid))];
  if (!v.grids.some((g) => g.scored > 0)) out.push(el('p', { textContent: 'Nog geen risico\u2019s met een score.' }));
  out.push(viewTable(`${v.title}: per risico`, v.headers, v.rows));
  return out;
}

// renderViews turns the engine's {"views":[...]} into the nodes of the overviews.
export function renderViews(model) {
  const out = [];
  (model.views || []).forEach((v, k) => {
    out.push(el('h4', { textContent: v.title }));
    if (!v.rows.length) {
      out.push(el('p', { textContent: 'Nog niets ingevuld.' }));
      return;
    }
    if (v.kind === 'flow') out.push(flowDrawing(v, k), viewTable(`${v.title} (als tabel)`, v.headers, v.rows));
    else if (v.kind === 'riskmap') out.push(...riskmapView(v));
    else out.push(viewTable(v.title, v.headers, v.rows));
  });
  if (out.length) out.unshift(el('h3', { className: 'dw-result__views-title', textContent: 'Overzichten' }));
  return out;
}
