// Runs in the checklist page once the engine is ready. Fills the form with the
// given answers (if any), then clicks one unchecked, visible radio at a time and
// times the click: the page's change listener evaluates synchronously, so the time
// around el.click() is the page's own work. What a visitor waits for ends when the
// change is on screen: the next frame (style, layout, paint) after the handlers,
// timed to a task queued from requestAnimationFrame, which runs once that frame
// is drawn. Between clicks the page gets a frame, so every click starts from a
// rendered page. With marks, user-timing marks bound each timed click and each
// engine call, so a Chrome trace of the clicks can be split by them
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
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const candidates = () => Array.from(form.querySelectorAll('input[type=radio]'))
    .filter((el) => !el.checked && el.offsetParent !== null);
  // Time inside the engine's evaluate (WebAssembly plus the string crossing),
  // to split each click into engine and page script.
  const engine = globalThis.deelwijzerEngine;
  const evaluate = engine.evaluate;
  let inEngine = 0;
  const mark = (name) => { if (marks) performance.mark(name); };
  engine.evaluate = (...args) => {
    mark('dw-engine-start');
    const t0 = performance.now();
    try { return evaluate(...args); } finally { inEngine += performance.now() - t0; mark('dw-engine-end'); }
  };
  const times = [];
  const engineTimes = [];
  const frameTimes = [];
  let k = 0;
  for (let i = 0; i < warmup + samples; i++) {
    await frame();
    const list = candidates();
    if (!list.length) return { error: 'no visible radio to click' };
    // A stride through the list spreads the clicks over the whole checklist.
    k = (k + 7) % list.length;
    const el = list[k];
    inEngine = 0;
    const timed = i >= warmup;
    if (timed) mark('dw-click-start');
    const t0 = performance.now();
    el.click();
    const t1 = performance.now();
    if (!el.checked) return { error: 'the click did not check the radio' };
    const engineTime = inEngine;
    await frame();
    const t2 = performance.now();
    if (timed) mark('dw-click-frame');
    if (timed) { times.push(t1 - t0); engineTimes.push(engineTime); frameTimes.push(t2 - t0); }
  }
  engine.evaluate = evaluate;
  if (marks) for (const n of ['dw-click-start', 'dw-click-frame', 'dw-engine-start', 'dw-engine-end']) performance.clearMarks(n);
  return { times, engineTimes, frameTimes };
}
