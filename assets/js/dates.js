// Dates and times as the pages write them, always on this device's clock and
// calendar. The engine never reads a clock: the pages give it the day.

const two = (n) => String(n).padStart(2, '0');

// localDate is a day on this device's calendar as yyyy-mm-dd (by default today):
// what "late" is measured against, and how the documents write dates.
export function localDate(now = new Date()) {
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

// dayWords: "14 december 2026"; timeWords: "10:40".
const dayWords = (d) => d.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
export const timeWords = (d) => d.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' });
// dateTimeWords: "30 november 2026 om 10:40".
export const dateTimeWords = (d) => `${dayWords(d)} om ${timeWords(d)}`;

// The same for a time kept as text (ISO 8601); '' when there is none or it is not a time.
const parsed = (iso) => {
  const d = new Date(iso);
  return !iso || Number.isNaN(d.getTime()) ? null : d;
};
export function dutchDate(iso) {
  const d = parsed(iso);
  return d ? dateTimeWords(d) : '';
}
export function dutchDay(iso) {
  const d = parsed(iso);
  return d ? dayWords(d) : '';
}
export function localDay(iso) {
  const d = parsed(iso);
  return d ? localDate(d) : '';
}
