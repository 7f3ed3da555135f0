// Progressive enhancements shared by every page. The pages work without this file.
document.documentElement.classList.add('js');

// Partner overview: filter the list by domain. Without JavaScript the form stays
// hidden and the full list shows.
function enhancePartnerFilter() {
  const form = document.getElementById('partner-filter-form');
  const list = document.getElementById('partnerlijst');
  if (!form || !list) return;
  const status = document.getElementById('partner-filter-status');
  const items = Array.from(list.querySelectorAll('[data-domains]'));
  form.hidden = false;
  form.addEventListener('submit', (e) => e.preventDefault());
  const apply = () => {
    const chosen = form.elements.namedItem('domein');
    const value = chosen ? chosen.value : '';
    let shown = 0;
    for (const item of items) {
      const match = value === '' || item.dataset.domains.split(' ').includes(value);
      item.hidden = !match;
      if (match) shown++;
    }
    status.textContent = shown === 1 ? '1 partner getoond' : `${shown} partners getoond`;
  };
  form.addEventListener('change', apply);
  apply();
}

enhancePartnerFilter();

// Offline use: a service worker keeps the site's own files on this device after the
// first visit (assets/js/sw.js); it never stores answers. Its scope is the site's root
// as the header's home link gives it, so it works under any subpath. The site requires
// Trusted Types for script URLs; this policy lets exactly one URL through: the worker
// of this site.
function registerOffline() {
  const home = document.querySelector('.dw-home');
  if (!('serviceWorker' in navigator) || !home) return;
  const root = new URL(home.href);
  const url = new URL('sw.js', root).href;
  let script = url;
  if (window.trustedTypes) {
    const policy = window.trustedTypes.createPolicy('deelwijzer-sw', {
      createScriptURL: (u) => {
        if (u !== url) throw new TypeError('deelwijzer-sw: alleen ' + url);
        return u;
      },
    });
    script = policy.createScriptURL(url);
  }
  // Without a service worker (a private window, a browser that refuses it) the site
  // works as before, online.
  navigator.serviceWorker.register(script, { scope: root.href }).then(watchUpdates, () => {});
}

// A newer build that is complete on the device waits until no page of this build is
// open. This page says so, and offers to switch now; the page reloads only on that
// click, and only once, so it can never loop. A checklist with unsaved work still asks
// before it is left (beforeunload).
function watchUpdates(reg) {
  // Only a page that a worker serves has a build to replace; on the first visit the
  // page came from the network and the worker that just installed is already current.
  if (!navigator.serviceWorker.controller) return;
  const whenInstalled = (w) => {
    if (!w) return;
    if (w.state === 'installed') showUpdate(reg);
    else w.addEventListener('statechange', () => { if (w.state === 'installed') showUpdate(reg); });
  };
  whenInstalled(reg.waiting || reg.installing);
  reg.addEventListener('updatefound', () => whenInstalled(reg.installing));
}

let updateNote = null;
function showUpdate(reg) {
  const main = document.querySelector('main');
  if (updateNote || !main || !reg.waiting) return;
  updateNote = document.createElement('div');
  updateNote.className = 'dw-callout dw-callout--open dw-update';
  updateNote.id = 'nieuwe-versie';
  const text = document.createElement('p');
  text.setAttribute('role', 'status');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'dw-button dw-button--secondary';
  button.id = 'nieuwe-versie-laden';
  button.textContent = 'Pagina opnieuw laden';
  updateNote.append(text, button);
  main.prepend(updateNote);
  // Filled in after the element is in the page, so screen readers announce it.
  text.textContent = 'Er is een nieuwe versie van Deelwijzer. Laad de pagina opnieuw om die te gebruiken.';
  let asked = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (asked) window.location.reload();
  });
  navigator.serviceWorker.addEventListener('message', (e) => {
    if (!e.data || e.data.type !== 'dw-andere-tabbladen') return;
    asked = false;
    text.textContent = e.data.count === 1
      ? 'Er is een nieuwe versie van Deelwijzer. Sluit eerst het andere tabblad met Deelwijzer en laad dan deze pagina opnieuw.'
      : `Er is een nieuwe versie van Deelwijzer. Sluit eerst de ${e.data.count} andere tabbladen met Deelwijzer en laad dan deze pagina opnieuw.`;
  });
  button.addEventListener('click', () => {
    if (!reg.waiting) { window.location.reload(); return; }
    asked = true;
    reg.waiting.postMessage({ type: 'dw-nieuwe-versie' });
  });
}

// After the load event, once the page is idle: the download of the build for the cache
// never competes with the page's own files and start-up.
const whenIdle = () => {
  if (window.requestIdleCallback) window.requestIdleCallback(registerOffline, { timeout: 5000 });
  else setTimeout(registerOffline, 1000);
};
if (document.readyState === 'complete') whenIdle();
else window.addEventListener('load', whenIdle);
