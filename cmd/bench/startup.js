// Added to every page the bench loads, before the page's own scripts
// (Page.addScriptToEvaluateOnNewDocument). It records, without changing the page:
// - the first question interactive: the first frame in which a control of the
//   checklist form is in the document (requestAnimationFrame runs just before that
//   frame is drawn; while the stylesheet still blocks rendering there are no frames),
//   and then the start of the next task after that frame: from then on the main
//   thread is free to take the visitor's first key or click. It only looks the
//   control up: asking for its layout would force layouts the page never does;
// - long tasks (> 50 ms) on the main thread, with their start and duration.
// (The engine's memory is read in its worker: browser.go, memory.)
(() => {
  const probe = { longTasks: [], firstQuestionVisible: 0, firstQuestionInteractive: 0 };
  Object.defineProperty(window, '__dwProbe', { value: probe });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (err) { /* no long task timing: none are reported */ }
  const look = () => {
    const el = document.querySelector('#checklist input, #checklist select, #checklist textarea');
    if (el) {
      probe.firstQuestionVisible = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { probe.firstQuestionInteractive = performance.now(); };
      setTimeout(() => ch.port2.postMessage(0), 0);
      return;
    }
    if (document.readyState !== 'complete' || !document.getElementById('checklist')) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();
