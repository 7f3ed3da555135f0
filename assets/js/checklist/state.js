// The state of the checklist page: everything that changes while the visitor works,
// in one object. It is made once when the script starts; the modules read and write
// its fields, and no module keeps page state of its own. What never changes (the
// form, the definition, the keys) is in page.js.
export const state = {
  // engine.js only: the engine's worker ({worker, serial, pending, gone}), its
  // start (a promise, made once) and whether the engine runs; the document module
  // (a promise, so two clicks load it once; a failed load is forgotten) with its
  // functions once it runs (documentsAPI: importFile reads older files with it).
  engine: null,
  started: null,
  engineRunning: false,
  documents: null,
  documentsAPI: null,
  // engine.js: the checklist given to the engine ({definition, lists}), the engine's
  // answer to the checklist preloaded (a promise), and the kept copy as
  // keptNeedsOlder read it ({kept, res}), so that copy is read once.
  checklist: null,
  loading: null,
  keptRead: null,

  // form.js: the controls by name (rebuilt after rows come or go), the answers
  // between changes, and which form row each answer row is (for messages).
  controlIndex: null,
  current: null,
  rowMap: {},
  // The [data-item] elements, looked up once.
  itemEls: null,

  // rows.js: the number for the next new row's names, and the undo offer after a
  // row was removed.
  rowSerial: 1000,
  rowUndo: null,

  // refs.js: the rows a reference may choose, as the engine last reported them.
  refRows: {},
  refKey: '',

  // result.js: the engine's last evaluation and why it failed (''), the findings
  // shown, whether the result is on screen only for printing, the result made ahead
  // for a print ({key: the answers it is of, result}) and its timer, and whether
  // "Controleer en rond af" is being worked out.
  lastState: null,
  engineError: '',
  lastFindings: '',
  shownFindings: new Set(),
  resultForPrint: false,
  printReady: null,
  printTimer: undefined,
  finishing: false,

  // messages.js: the error summary (its intro, what it lists), the warnings already
  // spoken, whether this change may speak news, and the announcements waiting.
  errorsIntro: '',
  lastErrors: '',
  spokenWarnings: new Set(),
  speakNews: false,
  announceTimer: undefined,
  announceQueue: [],

  // storage.js: the state of the work on screen. dirty: changed since the last
  // save to the device or to a file, so leaving the page asks first. held: the raw
  // stored copy when it did not restore fully; it is not overwritten until the
  // visitor decides. storeProblem: why the last save to the device failed, shown
  // until one works; storeReason: its cause, so it is said once.
  // saving: the queue of writes to the device (a promise): each save, wipe and
  // removal waits for the one before, so they land in the order they were made.
  dirty: false,
  saving: Promise.resolve(),
  savedAt: null,
  savedWhere: '',
  held: null,
  storeProblem: '',
  storeReason: '',

  // answer-files.js and documents.js: a file waiting for "replace what is on
  // screen?", and a report being made.
  pendingImport: null,
  reportBusy: false,
};
