// Site search on a static host: the Pagefind index is a set of files next to the
// pages, loaded from this site only. Results are built with DOM nodes and text,
// never with HTML strings (Trusted Types would refuse those anyway).
import { root } from './site-root.js';

const form = document.getElementById('zoeken');
const input = document.getElementById('zoekterm');
const status = document.getElementById('zoekstatus');
const results = document.getElementById('zoekresultaten');

// Pagefind starts its search worker with new Worker(url), a URL given as a string.
// The site requires Trusted Types for scripts (CSP), so such a string needs a policy.
// This one lets exactly one URL through: Pagefind's worker file on this site. It
// creates no HTML and no script text; anything else stays blocked.
const workerURL = new URL('pagefind/pagefind-worker.js', root).href;
if (window.trustedTypes && !window.trustedTypes.defaultPolicy) {
  window.trustedTypes.createPolicy('default', {
    createScriptURL: (url) => (new URL(url, document.baseURI).href === workerURL ? url : null),
  });
}

let pagefind;
async function engine() {
  if (!pagefind) {
    pagefind = await import(new URL('pagefind/pagefind.js', root).href);
    await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
  }
  return pagefind;
}

// Pagefind marks hits in its excerpt with <mark>; everything else is text. Split on
// the marks and build the nodes ourselves.
function excerptNodes(excerpt) {
  const frag = document.createDocumentFragment();
  const parts = excerpt.split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') { marked = true; continue; }
    if (part === '</mark>') { marked = false; continue; }
    const text = document.createTextNode(decodeEntities(part));
    if (marked) {
      const m = document.createElement('mark');
      m.append(text);
      frag.append(m);
    } else {
      frag.append(text);
    }
  }
  return frag;
}

function decodeEntities(s) {
  return s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e]);
}

let seq = 0;
async function run(query) {
  const mine = ++seq;
  results.replaceChildren();
  if (!query.trim()) { status.textContent = ''; return; }
  status.textContent = 'Bezig met zoeken…';
  let found;
  try {
    const pf = await engine();
    const search = await pf.search(query);
    found = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  } catch (err) {
    status.textContent = 'Zoeken lukt nu niet. Gebruik het menu of de begrippenlijst.';
    return;
  }
  if (mine !== seq) return;
  for (const r of found) {
    const li = document.createElement('li');
    li.className = 'dw-search__result';
    const a = document.createElement('a');
    a.href = r.url;
    a.textContent = (r.meta && r.meta.title) || r.url;
    const p = document.createElement('p');
    p.append(excerptNodes(r.excerpt || ''));
    li.append(a, p);
    results.append(li);
  }
  status.textContent = found.length === 0 ? `Geen resultaten voor “${query}”.`
    : found.length === 1 ? `1 resultaat voor “${query}”.` : `${found.length} resultaten voor “${query}”.`;
}

// The query is never put in the URL or sent anywhere: it only feeds the index here.
form.addEventListener('submit', (e) => {
  e.preventDefault();
  run(input.value);
});
form.hidden = false;
