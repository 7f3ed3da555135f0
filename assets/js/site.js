// Progressive enhancements shared by every page. The pages work without this file.
document.documentElement.classList.add('js');

// Partner overview: filter the list by domain. Without JavaScript the form stays
// hidden and the full list shows.
function enhancePartnerFilter() {
  const form = document.getElementById('partner-filter-form');
  const list = document.getElementById('partnerlijst');
  if (!form || !list) return;
  const status = document.getElementById('partner-filter-status');
  const items = Array.from(list.querySelectorAll('[data-domains]'));
  form.hidden = false;
  form.addEventListener('submit', (e) => e.preventDefault());
  const apply = () => {
    const chosen = form.elements.namedItem('domein');
    const value = chosen ? chosen.value : '';
    let shown = 0;
    for (const item of items) {
      const match = value === '' || item.dataset.domains.split(' ').includes(value);
      item.hidden = !match;
      if (match) shown++;
    }
    status.textContent = shown === 1 ? '1 partner getoond' : `${shown} partners getoond`;
  };
  form.addEventListener('change', apply);
  apply();
}

enhancePartnerFilter();
