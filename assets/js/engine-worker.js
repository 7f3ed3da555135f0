// The checklist engine in a Web Worker. The page (checklist/engine.js) starts this
// worker at once, before the page is drawn: compiling the engine and starting the Go
// runtime then happen beside the page, not on its main thread, so the first question
// takes a key or click while the engine starts, and no evaluation ever holds up a
// click's paint. Each message is one call of the engine ({id, fn, args}); the answer
// is the engine's string ({id, out}). The worker handles messages one by one, in the
// order the page sent them, so answers come back in that order too.
//
// The page compiles the engine (from the download its preload started) and hands the
// compiled module over in the first message: the worker fetches nothing, stores
// nothing and sends nothing anywhere.
import '../gen/wasm_exec.js';
import { runModule } from './files.js';

let engine = null;
let started = null;

self.addEventListener('message', async (ev) => {
  const { id, fn, args } = ev.data;
  if (fn === 'start') {
    started = runModule(args[0], 'deelwijzerReady').then((instance) => {
      engine = self.deelwijzerEngine;
      // The size of the engine's memory, for make bench (it reads it in the worker).
      self.deelwijzerMemory = () => instance.exports.mem.buffer.byteLength;
    });
    try {
      await started;
      self.postMessage({ id, out: '' });
    } catch (err) {
      self.postMessage({ id, failed: err.message || 'engine niet geladen' });
    }
    return;
  }
  try {
    await started;
    self.postMessage({ id, out: engine[fn](...args) });
  } catch (err) {
    self.postMessage({ id, failed: err.message || 'engine niet geladen' });
  }
});
