// Service worker: keeps this site's own files on the device, so that after one visit
// every page, the search and every checklist work without a network. It caches files
// of the site only, never answers: what a visitor types stays in the page (and in a
// file or on the device only where the visitor chose that).
//
// `make build` writes the list of the build's files in front of this script
// (cmd/precache): self.DW_PRECACHE = {version, files: [[path, integrity], ...]}.
// The version is a hash of that list, so every new build changes this file, which is
// how the browser notices a new build. Without the list (a build without that step)
// the worker caches nothing and only removes what an earlier build left behind.
//
// One build per page, by construction:
// - Each worker serves only from the cache named after its own build, and a page is
//   served by the worker that answered its navigation. The browser keeps a page with
//   that worker until the page goes away (no clients.claim()), so a page, its engine,
//   scripts and search index always come from one build.
// - A new build installs into its own cache next to the old one and then waits. It
//   takes over when no page of the old build is open any more (the browser's own rule),
//   or earlier when the visitor asks for it in the one open page (see 'message').
//   Nothing here reloads a page by itself, so there is nothing that could loop.
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

// Activation happens only when no page of the older build is left (or its one page
// asked for the hand-over and reloads), so its cache can go, whole.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(prefix) && name !== current) await caches.delete(name);
    }
  })());
});

// Pages that asked for the hand-over: they are of the older build and reload at once;
// until then nothing of this build is served to them.
const leaving = new Set();

// A page of the older build asks, on the visitor's click, to switch to this build now.
// That is only safe when it is the one page of this site that is open; with other
// pages open the answer says so and nothing changes (those pages keep their build).
self.addEventListener('message', (event) => {
  if (!event.data || event.data.type !== 'dw-nieuwe-versie') return;
  event.waitUntil((async () => {
    const pages = (await self.clients.matchAll({ type: 'window', includeUncontrolled: true }))
      .filter((c) => c.url.startsWith(scope));
    const source = event.source;
    if (pages.length > 1 || (pages.length === 1 && source && pages[0].id !== source.id)) {
      if (source) source.postMessage({ type: 'dw-andere-tabbladen', count: pages.length - 1 });
      return;
    }
    if (source) leaving.add(source.id);
    await self.skipWaiting();
  })());
});

// Every file of the site comes from the cache of this build only. What is not in the
// list (another site on the same host, a file added by hand) goes to the network.
if (build) {
  self.addEventListener('fetch', (event) => {
    const req = event.request;
    if (req.method !== 'GET' || !req.url.startsWith(scope)) return;
    if (req.mode !== 'navigate' && leaving.has(event.clientId)) {
      event.respondWith(Response.error());
      return;
    }
    event.respondWith(respond(req));
  });
}

async function respond(req) {
  // cacheName: only this build's cache, and a missing one (removed on the privacy page)
  // is not created again. Pagefind adds ?ts=... to its files and the search page has
  // ?q=...; the files themselves do not depend on the query.
  const hit = await caches.match(cacheKey(req.url), { cacheName: current, ignoreSearch: true });
  return hit || fetch(req);
}

// Pages are listed by their directory address (werkwijze/), as the site links them.
function cacheKey(url) {
  const u = new URL(url);
  if (u.pathname.endsWith('/index.html')) u.pathname = u.pathname.slice(0, -'index.html'.length);
  return u.href;
}
