// Recent searches, kept in this browser only (localStorage), newest first, offered when the box
// is empty. Nothing is sent anywhere.
const KEY = 'wmsearch:recent-searches';
const KEPT = 8;

export function recentSearches() {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(list) ? list.filter((q) => typeof q === 'string' && q.trim()) : [];
  } catch {
    return [];  // storage disabled or a damaged entry: no recent searches, no error
  }
}

export function rememberSearch(q) {
  const words = (q || '').trim();
  if (!words) return;
  const list = [words, ...recentSearches().filter((x) => x !== words)].slice(0, KEPT);
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // storage full or disabled: the search still runs
  }
}
