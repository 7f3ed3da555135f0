// Step by step through a checklist. A checklist has three kinds of address: the whole
// checklist ("<checklist>/"), the overview of its steps ("<checklist>/stappen/") and one
// page per step ("<checklist>/stap-<n>/"). Hugo makes each one as a view of the same page,
// with the same form (layouts/checklists/page.html): the view decides what is shown. This
// module moves between the views without leaving the page, so the answers of every step
// stay in the one form the page script reads, the engine evaluates the whole checklist,
// and nothing typed is lost between steps, also when nothing is kept on the device.
// Without JavaScript each address shows its own view, and a link loads that page.

const article = document.querySelector('.dw-checklist');

// base is the address of the whole checklist; the other views sit below it. It is
// read once, from the address the page was loaded at and the view Hugo made for it.
const base = article && article.dataset.view
  ? new URL(article.dataset.view === 'alles' ? './' : '../', window.location.href) : null;

// viewAt reads the view an address stands for, or null for any other address.
function viewAt(url, base) {
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null;
  const rest = url.pathname.slice(base.pathname.length).replace(/index\.html$/, '');
  if (rest === '') return { view: 'alles', step: 0 };
  if (rest === 'stappen/') return { view: 'stappen', step: 0 };
  const m = /^stap-(\d+)\/$/.exec(rest);
  const n = m ? Number(m[1]) : 0;
  if (n >= 1 && article.querySelector(`[data-step="${n}"][data-section]`)) return { view: 'stap', step: n };
  return null;
}

const sections = () => Array.from(article.querySelectorAll('section[data-section][data-step]'));

// viewTitle is the document title of the view on screen, without the "Fout: " that
// setTitle puts before it while the error summary is shown.
function viewTitle() {
  if (!article) return document.title.replace(/^Fout: /, '');
  if (article.dataset.view === 'stappen') return article.querySelector('.dw-overview').dataset.title;
  if (article.dataset.view === 'stap') {
    const s = article.querySelector(`section[data-section][data-step="${article.dataset.step}"]`);
    if (s) return s.dataset.title;
  }
  return article.dataset.title;
}

// setTitle gives the document the title of the view on screen, with "Fout: " before
// it while the page script's error summary is shown.
export function setTitle(errorsShown) {
  document.title = `${errorsShown ? 'Fout: ' : ''}${viewTitle()}`;
}

// show puts a view on screen: only what belongs to it is shown, as in the page Hugo
// made for its address.
function show(view, step) {
  article.dataset.view = view;
  if (step) article.dataset.step = String(step); else delete article.dataset.step;
  for (const el of article.querySelectorAll('[data-views]')) {
    const hide = !el.dataset.views.split(' ').includes(view);
    if (el.hidden !== hide) el.hidden = hide;
  }
  for (const s of sections()) s.hidden = !(view === 'alles' || Number(s.dataset.step) === step);
  // On the whole page a step's link goes to its place below, elsewhere to its own page.
  for (const a of article.querySelectorAll('a[data-step-link]')) {
    const s = sections()[Number(a.dataset.stepLink) - 1];
    a.href = view === 'alles' ? `#${s.id}` : new URL(`stap-${a.dataset.stepLink}/`, base).href;
  }
  const crumb = document.querySelector('[data-crumb="checklist"]');
  const steps = document.querySelector('[data-crumb="steps"]');
  const last = document.querySelector('[data-crumb="view"]');
  if (crumb && steps && last) {
    if (view === 'alles') crumb.setAttribute('aria-current', 'page'); else crumb.removeAttribute('aria-current');
    steps.hidden = view !== 'stap';
    last.hidden = view === 'alles';
    last.firstElementChild.textContent = view === 'stap' ? `Stap ${step}` : 'Overzicht van de stappen';
  }
  // The address printed under the title is the view's own.
  const address = article.querySelector('[data-print-address]');
  if (address) address.textContent = window.location.origin + window.location.pathname;
  const errors = document.getElementById('foutoverzicht');
  setTitle(errors && !errors.hidden);
}

// heading is where the focus goes after a move, as after loading a page: the heading
// of the step, of the overview, or of the checklist.
function heading(view, step) {
  if (view === 'stap') return article.querySelector(`section[data-step="${step}"] h2`);
  if (view === 'stappen') return document.getElementById('overzicht-titel');
  return article.querySelector('h1');
}

function go(url, target, push) {
  if (push) window.history.pushState({ deelwijzerView: true }, '', url);
  show(target.view, target.step);
  const hash = url.hash && document.getElementById(decodeURIComponent(url.hash.slice(1)));
  if (hash) {
    hash.scrollIntoView();
    return;
  }
  window.scrollTo(0, 0);
  const h = heading(target.view, target.step);
  if (h) {
    if (!h.hasAttribute('tabindex')) h.setAttribute('tabindex', '-1');
    h.focus();
  }
}

// follow takes over a click on a link to another view of this checklist. The query
// (?dossier=...) stays, so the page keeps working in the same dossier.
function follow(ev) {
  if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const a = ev.target.closest && ev.target.closest('a[href]');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, window.location.href);
  const target = viewAt(url, base);
  if (!target) return;
  // A link to a place in the view on screen is an ordinary link.
  if (target.view === article.dataset.view && String(target.step || '') === (article.dataset.step || '') && url.hash) return;
  ev.preventDefault();
  url.search = window.location.search;
  go(url, target, true);
}

// reveal: a link to a question in a step that is not on screen (in the error
// summary, or "Wijzigen" in the result) first shows that step, so the page script
// can put the focus on the question. It runs before the link's own handler.
function reveal(ev) {
  const a = ev.target.closest && ev.target.closest('a[href^="#"]');
  if (!a || a.getAttribute('href').length < 2) return;
  const el = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
  const section = el && el.closest('section[data-section][data-step]');
  if (!section || !section.hidden) return;
  const step = Number(section.dataset.step);
  const url = new URL(`stap-${step}/`, base);
  url.search = window.location.search;
  window.history.pushState({ deelwijzerView: true }, '', url);
  show('stap', step);
}

// keepEarly puts what the visitor typed before the engine ran over the answers
// restored from the device or the dossier, so an answer given during start-up is
// never lost. In a group, rows are matched by place; the stored row keeps its id.
export function keepEarly(stored, early) {
  const out = { ...stored };
  for (const [id, v] of Object.entries(early || {})) {
    if (!Array.isArray(v) || !v.some((r) => r && typeof r === 'object' && !Array.isArray(r))) {
      out[id] = v;
      continue;
    }
    const rows = Array.isArray(out[id]) ? out[id].map((r) => ({ ...r })) : [];
    v.forEach((row, i) => {
      const given = Object.entries(row).filter(([k]) => k !== '_id');
      if (!given.length) return;
      if (i >= rows.length) {
        while (rows.length < i) rows.push({});
        rows.push({ ...row });
        return;
      }
      for (const [k, x] of given) rows[i][k] = x;
    });
    out[id] = rows;
  }
  return out;
}

if (article && article.dataset.view) {
  document.addEventListener('click', reveal, true);
  document.addEventListener('click', follow);
  // Back and Forward between views; within one view (a place on the whole page) the
  // browser scrolls as usual.
  window.addEventListener('popstate', () => {
    const target = viewAt(new URL(window.location.href), base);
    if (!target || (target.view === article.dataset.view && String(target.step || '') === (article.dataset.step || ''))) return;
    go(new URL(window.location.href), target, false);
  });
}
