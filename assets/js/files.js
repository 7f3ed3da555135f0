// Small pieces the checklist pages and the dossier list share: starting a Go
// WebAssembly module, and handing the visitor a file made in the browser.

// compileModule compiles a module while it downloads when the host sends
// application/wasm; hosts that send another type make streaming throw, so it falls
// back to compiling the bytes. The browser compiles beside the page's main thread.
export async function compileModule(url) {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch (err) {
    const resp = await fetch(url);
    if (!resp.ok) throw new Error(`engine niet geladen (${resp.status})`);
    return WebAssembly.compile(await resp.arrayBuffer());
  }
}

// runModule starts a Go module (a compiled WebAssembly.Module, or the address of its
// .wasm) and resolves once its main has set up its API. The engine calls
// globalThis.deelwijzerReady, the document module globalThis.deelwijzerDocumentsReady;
// which one is what `ready` names. It resolves to the module's instance.
export async function runModule(module, ready) {
  const go = new globalThis.Go();
  const started = new Promise((resolve) => { globalThis[ready] = resolve; });
  const compiled = typeof module === 'string' ? await compileModule(module) : module;
  const instance = await WebAssembly.instantiate(compiled, go.importObject);
  go.run(instance);
  await started;
  return instance;
}

// download saves text (or bytes) as a file from a blob: URL; nothing goes over
// the network. The name ends up in the browser's download list, so callers
// build it from fixed words, ids and dates, never from what the visitor typed.
export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// isFileText: the engine returns a file's text, or {"error": ...} when it cannot make
// one. A file always starts with {"schema", so the two are never confused and an
// error is never saved as if it were a file.
export const isFileText = (text) => typeof text === 'string' && text.startsWith('{"schema"');
