// The checklist engine in a Web Worker. The page (checklist/engine.js) starts this
// worker at once, before the page is drawn: compiling the engine and starting the Go
// runtime then happen beside the page, not on its main thread, so the first question
// takes a key or click while the engine starts, and no evaluation ever holds up a
// click's paint. Each message is one call of the engine ({id, fn, args}); the answer
// is the engine's string ({id, out}), or {id, failed} when the engine could not run.
// Calls are answered one by one, in the order the page sent them.
//
// The page compiles the engine (from the download its preload started) and hands the
// compiled module over in the "start" message: the worker fetches nothing, stores
// nothing and sends nothing anywhere. A call that arrives before "start" (the page
// sends the checklist as soon as it is parsed) waits for the engine to run.
import '../gen/wasm_exec.js';
import { runModule } from './files.js';

let begin;
const started = new Promise((resolve) => { begin = resolve; }).then((module) => runModule(module, 'deelwijzerReady')).then((instance) => {
  // The size of the engine's memory, for make bench (it reads it in the worker).
  self.deelwijzerMemory = () => instance.exports.mem.buffer.byteLength;
  return self.deelwijzerEngine;
});
// A start that fails is answered to every call (below); it is not an unhandled error.
started.catch(() => {});

self.addEventListener('message', async (ev) => {
  const { id, fn, args } = ev.data;
  if (fn === 'start') begin(args[0]);
  try {
    const engine = await started;
    self.postMessage({ id, out: fn === 'start' ? '' : engine[fn](...args) });
  } catch (err) {
    self.postMessage({ id, failed: err.message || 'engine niet geladen' });
  }
});
