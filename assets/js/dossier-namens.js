// "Ik vul in namens: …": on a checklist page in a dossier, the visitor says for which
// organisation of the dossier they fill it in. The choice is kept on this device next
// to the dossier (key deelwijzer:dossier:<id>:namens), not in the dossier file: it
// belongs to whoever uses this browser. Every answer given from then on is recorded in
// the dossier as given by that organisation ("by" in "given": the id of its row). The
// engine lists the organisations (dossier op "organisaties"); this module only draws
// the choice and remembers it.
import { dossier, namensKey } from './dossier-store.js';

const remembered = (id) => {
  try { return localStorage.getItem(namensKey(id)) || ''; } catch (err) { return ''; }
};

// namensControl puts the choice under the banner and returns {by, refresh}: by() is
// the row id to record (or '' while none is chosen, or the chosen row is gone),
// refresh(dossierText) updates the organisations after the dossier changed.
export function namensControl(id, after) {
  const wrap = document.createElement('div');
  wrap.className = 'dw-namens dw-noprint';
  const label = document.createElement('label');
  label.htmlFor = 'namens-keuze';
  label.className = 'dw-label';
  label.textContent = 'Ik vul in namens';
  const select = document.createElement('select');
  select.id = 'namens-keuze';
  select.className = 'dw-select';
  select.setAttribute('aria-describedby', 'namens-uitleg');
  const hint = document.createElement('p');
  hint.id = 'namens-uitleg';
  hint.className = 'dw-hint';
  wrap.append(label, select, hint);
  wrap.hidden = true;
  after.after(wrap);

  let ids = [];
  const explain = () => {
    if (!ids.length) hint.textContent = 'Vul eerst de organisaties van dit dossier in. Daarna kiest u hier voor welke organisatie u invult. Dat komt bij elk antwoord in het dossier.';
    else if (!select.value) hint.textContent = 'Kies uw organisatie. Bij elk antwoord dat u daarna geeft, zet Deelwijzer in het dossier dat uw organisatie het gaf. Deze keuze wordt op dit apparaat onthouden.';
    else hint.textContent = 'Bij elk antwoord dat u vanaf nu geeft, staat in het dossier dat deze organisatie het gaf. Deze keuze wordt op dit apparaat onthouden.';
  };
  select.addEventListener('change', () => {
    try {
      if (select.value) localStorage.setItem(namensKey(id), select.value);
      else localStorage.removeItem(namensKey(id));
    } catch (err) { /* storage blocked: the choice holds for this page only */ }
    explain();
  });

  return {
    by: () => (ids.includes(select.value) ? select.value : ''),
    async refresh(dossierText) {
      const res = await dossier('organisaties', { dossier: dossierText });
      if (res.error || !Array.isArray(res.rows)) return;
      const want = select.value || remembered(id);
      const next = res.rows.map((r) => r.id);
      if (next.join('\n') === ids.join('\n') && Array.from(select.options).slice(1).every((o, i) => o.textContent === res.rows[i].label)) return;
      ids = next;
      const none = document.createElement('option');
      none.value = '';
      none.textContent = 'Kies een organisatie';
      select.replaceChildren(none, ...res.rows.map((r) => {
        const o = document.createElement('option');
        o.value = r.id;
        o.textContent = r.label;
        return o;
      }));
      select.value = ids.includes(want) ? want : '';
      wrap.hidden = false;
      explain();
    },
  };
}
