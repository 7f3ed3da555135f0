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
// first visit (assets/js/sw.js); it never stores answers. Its scope is the
// site's root as the header's home link gives it, so it works under any subpath.
// The site requires Trusted Types for script URLs; this policy lets exactly one URL
// through: the worker of this site.
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
  navigator.serviceWorker.register(script, { scope: root.href }).catch(() => {});
}

// After the load event, once the page is idle: the download of the build for the cache
// never competes with the page's own files and start-up.
const whenIdle = () => {
  if (window.requestIdleCallback) window.requestIdleCallback(registerOffline, { timeout: 5000 });
  else setTimeout(registerOffline, 1000);
};
if (document.readyState === 'complete') whenIdle();
else window.addEventListener('load', whenIdle);
