// Service worker: keeps this site's own files on the device, so that after one visit
// every page, the search and every checklist work without a network. It caches files
// of the site only, never answers: what a visitor types stays in the page (and in a
// file or on the device only where the visitor chose that).
//
// `make build` writes the list of the build's files in front of this script
// (cmd/precache): self.DW_PRECACHE = {version, files: [[path, integrity], ...]}.
// The version is a hash of that list, so every new build changes this file, which is
// how the browser notices a new build. Without the list (a build without that step)
// the worker only removes what an earlier build of this site left behind.
const build = self.DW_PRECACHE;
// The scope is the site's root, at / or under any subpath; one origin may host several
// sites, so the cache names carry the scope and a worker only touches its own.
const scope = self.registration.scope;
const prefix = `deelwijzer ${scope} `;
const current = build ? prefix + build.version : '';

self.addEventListener('install', (event) => {
  if (build) event.waitUntil(precache());
});

// All files or none: every response must match the hash in the list (Request
// integrity), so a host that is half-way through publishing a newer build makes the
// install fail (the browser tries again on a later visit) instead of mixing two builds
// in one cache. 'no-cache' revalidates with the host, so unchanged files cost a 304.
async function precache() {
  const cache = await caches.open(current);
  await cache.addAll(build.files.map(([path, integrity]) =>
    new Request(new URL(path, scope).href, { cache: 'no-cache', integrity })));
}

// A new build takes over only when no page of the old build is open any more (see the
// hand-over below), and then removes the old cache whole.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(prefix) && name !== current) await caches.delete(name);
    }
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'dw-activate') self.skipWaiting();
});

// Every file of the site comes from the cache of this build only, so a page and the
// engine, scripts and search index it loads are always of one build. What is not in
// the list (another site on the same host, a file added by hand) goes to the network.
if (build) {
  self.addEventListener('fetch', (event) => {
    const req = event.request;
    if (req.method === 'GET' && req.url.startsWith(scope)) event.respondWith(respond(req));
  });
}

async function respond(req) {
  const next = self.registration.waiting;
  if (req.mode === 'navigate' && next && lastPage(await self.clients.matchAll())) {
    // A newer build is complete and waiting, and the page that is leaving now is the
    // last one of this build: hand over. This empty page makes the browser load the
    // same address again, which the new worker answers from its own cache. Its icon is
    // inline, or the browser would ask the host for /favicon.ico.
    next.postMessage('dw-activate');
    return new Response('<!DOCTYPE html><html lang="nl"><title>Deelwijzer</title><link rel="icon" href="data:,">', {
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'; img-src data:",
        Refresh: '0',
      },
    });
  }
  const cache = await caches.open(current);
  // Pagefind adds ?ts=... to its files and the search page has ?q=...; the files
  // themselves do not depend on the query.
  const hit = await cache.match(cacheKey(req.url), { ignoreSearch: true });
  return hit || fetch(req);
}

// Whether the navigation leaves the only open page of this build: one page, and it is
// the visible one (a page left open in a background tab keeps the old build until it
// is closed, so nothing it still loads can come from another build).
function lastPage(pages) {
  return pages.length === 0 || (pages.length === 1 && pages[0].visibilityState === 'visible');
}

// Pages are listed by their directory address (werkwijze/), as the site links them.
function cacheKey(url) {
  const u = new URL(url);
  if (u.pathname.endsWith('/index.html')) u.pathname = u.pathname.slice(0, -'index.html'.length);
  return u.href;
}
