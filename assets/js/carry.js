// Answers carried from another checklist of the dossier: a question with outcomeFrom
// (the workbook's "Is een DPIA nodig?") shows the verdict the other checklist (the
// DPIA-toets) keeps in the dossier, gets the matching answer while it is unanswered,
// and says when the visitor's own answer differs, with a button to take the verdict's
// answer. The engine decides all of it (checklist.Carry); this module draws its notes
// and sets an answer only as a visitor would, through a change event, so the page
// evaluates and saves it as any answer (given by the organisation chosen under the
// banner). An answer the visitor gave is never overwritten.

// carryOutcomes starts it on a page in a dossier. readOutcomes(checklist ids) gives the
// verdicts the dossier keeps ({<checklist id>: {id, text, title, at}}); answers() the
// answers on screen; carry(answers, outcomes) asks the engine (checklist/engine.js).
// readOutcomes and carry return promises (the engine runs in a worker).
export async function carryOutcomes(form, def, readOutcomes, answers, carry) {
  const ids = new Set();
  const from = new Set();
  for (const s of def.sections) {
    for (const it of s.items) {
      if (it.outcomeFrom) { ids.add(it.id); from.add(it.outcomeFrom.checklist); }
    }
  }
  if (!ids.size) return;
  const outcomes = await readOutcomes([...from]);
  if (!Object.keys(outcomes).length) return;
  const filled = new Set();

  const noteFor = (item) => {
    let box = document.getElementById(`overgenomen-${item}`);
    if (box) return box;
    const holder = form.querySelector(`[data-item="${item}"]`);
    const messages = holder && holder.querySelector(`.dw-field-messages[data-messages-for="${item}"]`);
    if (!messages) return null;
    box = document.createElement('div');
    box.id = `overgenomen-${item}`;
    box.className = 'dw-carry';
    messages.before(box);
    // The question's description names the verdict too, for screen readers.
    const q = messages.closest('fieldset, .dw-question') || holder;
    const described = (q.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    if (!described.includes(box.id)) q.setAttribute('aria-describedby', [...described, box.id].join(' '));
    return box;
  };

  const choose = (item, value) => {
    const control = form.elements.namedItem(item);
    if (!control) return;
    control.value = value;
    const target = control instanceof RadioNodeList ? Array.from(control).find((r) => r.checked) : control;
    if (target) target.dispatchEvent(new Event('change', { bubbles: true }));
  };

  const draw = async (mayFill) => {
    let res;
    try { res = await carry(answers(), outcomes); } catch (err) { return; }
    if (!res || !Array.isArray(res.items)) return;
    const shown = new Set();
    for (const c of res.items) {
      const box = noteFor(c.item);
      if (!box) continue;
      shown.add(c.item);
      if (c.state === 'fill' && mayFill) {
        filled.add(c.item);
        choose(c.item, c.value); // the change event draws the notes again
        return;
      }
      const verdict = document.createElement('p');
      verdict.className = 'dw-carry__verdict';
      verdict.textContent = c.verdict;
      const note = document.createElement('p');
      note.textContent = c.state === 'same' && filled.has(c.item) ? c.filledNote || c.note : c.note;
      const parts = [verdict, note];
      if (c.state === 'differs') {
        const take = document.createElement('button');
        take.type = 'button';
        take.className = 'dw-button dw-button--secondary';
        take.textContent = 'Neem het antwoord bij deze uitkomst over';
        take.addEventListener('click', () => choose(c.item, c.value));
        parts.push(take);
      }
      box.replaceChildren(...parts);
      box.hidden = false;
    }
    for (const item of ids) {
      const box = document.getElementById(`overgenomen-${item}`);
      if (box && !shown.has(item)) box.hidden = true;
    }
  };

  form.addEventListener('change', (ev) => {
    if (ev.target && ids.has(ev.target.name)) {
      if (!ev.isTrusted) { draw(false); return; }
      filled.delete(ev.target.name); // the visitor chose: no longer "filled in for you"
      draw(false);
    }
  });
  await draw(true);
}
