// changed is what follows every change to the answers, by the visitor or by the page
// (rows added, moved or removed, a file opened): the engine evaluates, the error
// summary and the print copies follow, and the work is marked unsaved and kept on
// the device when the visitor chose that.
import { items } from './page.js';
import { evaluate, mirrorTextareas, printAhead } from './result.js';
import { refreshErrors } from './messages.js';
import { syncFollowers } from './rows.js';
import { state } from './state.js';
import { markDirty, persist } from './storage.js';

export function changed(ev) {
  // Following groups take their row titles from their source group: refresh those
  // of the group that changed, or of all groups when rows moved.
  const holder = ev && ev.target && ev.target.closest ? ev.target.closest('[data-item]') : null;
  if (holder) {
    if (items.get(holder.dataset.item).kind === 'group') syncFollowers(holder.dataset.item);
  } else {
    for (const [id, it] of items) if (it.kind === 'group' && !it.rowsFrom) syncFollowers(id);
  }
  // The work is unsaved from this moment: leaving the page asks first, also while
  // the engine is still busy with this change.
  markDirty();
  mirrorTextareas();
  const speak = Boolean(ev && ev.target);
  const done = evaluate(ev && ev.target, speak).then((answers) => {
    refreshErrors();
    printAhead();
    return answers;
  });
  // Also with answers the engine refuses: the attempt marks the stored copy as
  // older than the screen, so it never comes back as if it were current.
  persist(done);
  return done;
}
