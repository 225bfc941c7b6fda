// What the page says, in plain words: months by name, counts with their noun, titles.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const SITE = 'Regional Update archive';
/** The search box's limit: a UTF-16 unit is at most 3 bytes of UTF-8, so 300 stay under the
 * API's 1,000 bytes for a query in any script. */
export const MAX_QUERY_CHARS = 300;

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** text as HTML, each of its words that starts with a typed word marked that far: the part typed. */
export function markTyped(text, typed) {
  const words = typed.toLocaleLowerCase('en-GB').split(/\s+/).filter(Boolean).sort((a, b) => b.length - a.length);
  return String(text).split(/(\s+)/).map((part) => {
    const lower = part.toLocaleLowerCase('en-GB');
    const word = lower.length === part.length ? words.find((w) => lower.startsWith(w)) : undefined;
    return word ? `<mark>${escapeHtml(part.slice(0, word.length))}</mark>${escapeHtml(part.slice(word.length))}` : escapeHtml(part);
  }).join('');
}

/** "2025-12" -> "December 2025"; anything else -> "date unknown". */
export function monthName(value) {
  const match = /^(\d{4})-(\d{2})$/.exec(value || '');
  return match ? `${MONTHS[Number(match[2]) - 1]} ${match[1]}` : 'date unknown';
}

/** "2025-12" -> "Dec 2025", for chart labels. */
export function shortMonthName(value) {
  const match = /^(\d{4})-(\d{2})$/.exec(value || '');
  return match ? `${MONTHS[Number(match[2]) - 1].slice(0, 3)} ${match[1]}` : value;
}

/** count(3, 'issue') -> "3 issues" */
export function count(n, noun) {
  return `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
}

/** The line above the hits: how many, of what. */
export function resultsSummary(q, total, filtered) {
  if (!total) return q ? `No results for “${q}”` : 'No issues match these filters';
  if (q) return `${count(total, 'issue')} for “${q}”`;
  return filtered ? `${count(total, 'issue')} match these filters` : `All ${count(total, 'issue')}`;
}

/** The browser tab's title: what is being looked at, then the site. */
export function pageTitle(subject) {
  return subject ? `${subject} – ${SITE}` : `${SITE} search`;
}
