// The site's root URL: the header's home link is written relative to each page, so
// the browser resolves it for whatever subpath the site lives under. Links in the
// data are root-relative ("/checklists/dpia/"); siteURL resolves them against it.
export const root = new URL(document.querySelector('.dw-home').href);
export const siteURL = (path) => new URL(path.replace(/^\//, ''), root).href;
