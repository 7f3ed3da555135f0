// Runs in the checklist page once the engine is ready. Fills the form with the
// given answers (if any), then clicks one unchecked, visible radio at a time and
// times the click. The engine runs in a Web Worker (assets/js/checklist/engine.js):
// a click's handlers read the form and post it to the worker, and the outcome is
// drawn when the worker answers. Per click:
// - handlers: the click's synchronous handlers on the main thread;
// - answer: from the click to the engine's answer arriving (the page's
//   'dw-engine-answer' mark): the round trip through the worker;
// - apply: drawing that outcome (from 'dw-engine-answer' to 'dw-evaluated'), on the
//   main thread;
// - frame: from the click to the next frame drawn after it (the radio checked);
// - outcome: from the click to the frame that shows the engine's outcome.
// A frame is timed to a task queued from requestAnimationFrame, which runs once that
// frame is drawn. Between clicks the page gets a frame, so every click starts from a
// rendered page. With marks, user-timing marks bound each timed click (from the
// click to its next frame), so a Chrome trace of the clicks can be split by them
// (clickprof.go).
async (answers, warmup, samples, marks) => {
  const form = document.getElementById('checklist');
  if (!form) return { error: 'no form#checklist on the page' };
  const set = (name, value) => {
    const els = Array.from(form.elements).filter((el) => el.name === name);
    for (const el of els) {
      if (el.type === 'radio') el.checked = el.value === value;
      else if (el.type === 'checkbox') el.checked = Array.isArray(value) && value.includes(el.value);
      else el.value = value;
    }
  };
  if (answers) {
    for (const [id, v] of Object.entries(answers)) {
      if (Array.isArray(v) && v.length && typeof v[0] === 'object') {
        v.forEach((row, r) => { for (const [f, fv] of Object.entries(row)) set(`${id}.${r}.${f}`, fv); });
      } else {
        set(id, v);
      }
    }
  }
  // frame resolves once the next frame is drawn, with the time its
  // requestAnimationFrame callback ran (just before that frame's style and layout).
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => {
    const raf = performance.now();
    setTimeout(() => resolve(raf), 0);
  }));
  const candidates = () => Array.from(form.querySelectorAll('input[type=radio]'))
    .filter((el) => !el.checked && el.offsetParent !== null);
  // markAfter waits for the page's mark name made at or after t; its time.
  const markAfter = (name, t) => new Promise((resolve) => {
    const seen = performance.getEntriesByName(name, 'mark').filter((e) => e.startTime >= t);
    if (seen.length) { resolve(seen[0].startTime); return; }
    const obs = new PerformanceObserver((list) => {
      const e = list.getEntries().find((x) => x.name === name && x.startTime >= t);
      if (!e) return;
      obs.disconnect();
      resolve(e.startTime);
    });
    obs.observe({ type: 'mark' });
  });
  const mark = (name) => { if (marks) performance.mark(name); };
  const out = { times: [], answerTimes: [], applyTimes: [], frameTimes: [], outcomeTimes: [] };
  let k = 0;
  for (let i = 0; i < warmup + samples; i++) {
    await frame();
    const list = candidates();
    if (!list.length) return { error: 'no visible radio to click' };
    // A stride through the list spreads the clicks over the whole checklist.
    k = (k + 7) % list.length;
    const el = list[k];
    const timed = i >= warmup;
    if (timed) mark('dw-click-start');
    const t0 = performance.now();
    el.click();
    const t1 = performance.now();
    if (!el.checked) return { error: 'the click did not check the radio' };
    const answered = markAfter('dw-engine-answer', t0);
    const shown = markAfter('dw-evaluated', t0);
    const raf = await frame();
    const t2 = performance.now();
    if (timed) mark('dw-click-frame');
    const a = await answered;
    const e = await shown;
    // The outcome was in the frame just drawn when it was there before that
    // frame's requestAnimationFrame ran; otherwise in the next one.
    const t3 = e <= raf ? t2 : (await frame(), performance.now());
    if (timed) {
      out.times.push(t1 - t0);
      out.answerTimes.push(a - t0);
      out.applyTimes.push(e - a);
      out.frameTimes.push(t2 - t0);
      out.outcomeTimes.push(t3 - t0);
    }
  }
  if (marks) for (const n of ['dw-click-start', 'dw-click-frame']) performance.clearMarks(n);
  return out;
}
