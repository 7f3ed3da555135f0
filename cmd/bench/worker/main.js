// The same engine and checklist payload as the checklist page, started on the main
// thread (?mode=main) or in a Web Worker (?mode=worker), then evaluate() called
// repeatedly: start-up until the engine is loaded, the round trip of one call as the
// page would make it, and the long tasks (> 50 ms) on the main thread until ready.
(() => {
  const mode = new URLSearchParams(location.search).get('mode');
  const longTasks = [];
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch (err) { /* none reported */ }
  const samples = 60;
  const now = () => performance.now();

  async function onMain(payload, answers) {
    const go = new Go();
    const ready = new Promise((r) => { globalThis.deelwijzerReady = r; });
    const { instance } = await WebAssembly.instantiateStreaming(fetch('engine.wasm'), go.importObject);
    go.run(instance);
    await ready;
    const engine = globalThis.deelwijzerEngine;
    JSON.parse(engine.load(payload));
    const t = now();
    const trips = [];
    for (let i = 0; i < samples; i++) {
      await new Promise((r) => setTimeout(r, 0));
      const a = now();
      JSON.parse(engine.evaluate(answers));
      trips.push(now() - a);
    }
    return { ready: t, trips };
  }

  async function inWorker(payload, answers) {
    const w = new Worker('worker.js');
    let pending = null;
    w.onmessage = (e) => { const p = pending; pending = null; p(e.data); };
    const ask = (fn, arg) => new Promise((r) => { pending = r; w.postMessage({ fn, arg }); });
    JSON.parse(await ask('load', payload));
    const t = now();
    const trips = [];
    for (let i = 0; i < samples; i++) {
      await new Promise((r) => setTimeout(r, 0));
      const a = now();
      JSON.parse(await ask('evaluate', answers));
      trips.push(now() - a);
    }
    w.terminate();
    return { ready: t, trips };
  }

  window.__result = (async () => {
    const [payload, answers] = await Promise.all([
      fetch('payload.json').then((r) => r.text()),
      fetch('answers.json').then((r) => r.text()),
    ]);
    const r = await (mode === 'worker' ? inWorker : onMain)(payload, answers);
    r.longTasks = longTasks.slice();
    return r;
  })();
})();
