// The engine in a Web Worker: one message per call, the answer the engine's string.
importScripts('wasm_exec.js');
const started = (async () => {
  const go = new Go();
  const ready = new Promise((r) => { self.deelwijzerReady = r; });
  const { instance } = await WebAssembly.instantiateStreaming(fetch('engine.wasm'), go.importObject);
  go.run(instance);
  await ready;
  return self.deelwijzerEngine;
})();
self.onmessage = async (e) => {
  const engine = await started;
  self.postMessage(engine[e.data.fn](e.data.arg));
};
