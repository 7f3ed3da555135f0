// Entry of the checklist page's script (built as js/checklist.js). Its tag is async,
// so it never holds up DOMContentLoaded: a deferred script waits for the stylesheet
// and, on a long checklist, for the first layout of the whole form, and only then
// does the browser fire DOMContentLoaded. The page script needs the parsed form and
// starts the engine, whose compilation competes with drawing the page; so it starts
// once the document is parsed and its first frame is drawn (the form is usable from
// then on). A hidden tab draws no frames: there it starts at once. esbuild bundles
// the imported file into this one; the import only decides when it runs.
//
// The engine's worker starts before all that, as soon as this script runs: it
// compiles and starts the engine beside the page (checklist/engine.js), so it
// competes with nothing on the main thread.
// started is the one variable outside the page state (checklist/state.js): it guards
// the start itself, before the page script and its state exist.
import { preload, startEngine } from './checklist/engine.js';

const engineLink = document.getElementById('dw-engine');
// Without WebAssembly (or workers) the page stays the static form; checklist.js
// says nothing then, as before. A failed start is reported by checklist.js.
// The checklist goes to the engine as soon as the page is parsed (it is in the
// page), so the engine reads it while the page is drawn.
const preloadChecklist = () => {
  const data = document.getElementById('checklist-data');
  if (data) preload(data.textContent);
};
if ('WebAssembly' in window && 'Worker' in window && engineLink) {
  startEngine(new URL(engineLink.dataset.worker, engineLink.href).href, engineLink.href).catch(() => {});
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', preloadChecklist, { once: true });
  else preloadChecklist();
}

let started = false;
const run = () => {
  if (started) return;
  started = true;
  import('./checklist.js');
};
const afterFirstFrame = () => {
  if (document.visibilityState === 'hidden') { run(); return; }
  requestAnimationFrame(() => setTimeout(run, 0));
  document.addEventListener('visibilitychange', run, { once: true });
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterFirstFrame, { once: true });
else afterFirstFrame();
