// Suggestions under a search box (an ARIA combobox), for the search page and the widget (which
// has this file inlined when searchd is built): fetched on each keystroke with the previous
// request cancelled; arrows move (ArrowUp from none is the last), Enter picks, Escape closes
// them and only then, pressed again, clears the box. The words typed are marked in each
// suggestion. Works inside a shadow root.
//   origin: where searchd is ('' for the page's own); limit: suggestions shown;
//   idPrefix: of the options' ids, unique in the page; recent: the searches to offer while the
//   box is empty (none when absent). choose(text, kind) is given the suggestion's kind.
import { escapeHtml, count, markTyped } from '/words.js';

export function attachSuggestions(input, list, choose, { origin = '', limit = 8, idPrefix = 'suggestion-', recent = null } = {}) {
  let active = -1;
  let pending = null;  // the AbortController of the request in flight
  const options = () => [...list.querySelectorAll('[role=option]')];

  function select(index) {
    active = index;
    options().forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) input.setAttribute('aria-activedescendant', options()[active].id);
    else input.removeAttribute('aria-activedescendant');
  }

  function close() {
    if (pending) pending.abort();
    pending = null;
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    select(-1);
  }

  function show(html) {
    list.innerHTML = html;
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    select(-1);
  }

  function showRecent() {
    const searches = recent ? recent() : [];
    if (!searches.length) { close(); return; }
    show(searches.map((q, i) => `<li role="option" id="${idPrefix}${i}" aria-selected="false" data-text="${escapeHtml(q)}" data-kind="recent">
        <span class="text">${escapeHtml(q)}</span><span class="kind">recent search</span></li>`).join(''));
  }

  async function update() {
    const text = input.value;
    if (pending) pending.abort();
    pending = null;
    if (!text.trim() && recent) { showRecent(); return; }
    // The recent searches go at the first letter: what is typed is no longer one of them.
    if (text.trim().length < 2 || list.querySelector('[data-kind=recent]')) close();
    if (text.trim().length < 2) return;
    const request = new AbortController();
    pending = request;
    let body;
    try {
      const res = await fetch(`${origin}/api/suggest?${new URLSearchParams({ q: text, limit })}`, { signal: request.signal });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      body = await res.json();
    } catch (error) {
      // Cancelled by the next keystroke; or unavailable, when those shown are another's words
      // (the search itself says what went wrong).
      if (error.name !== 'AbortError' && pending === request) close();
      return;
    }
    if (pending !== request) return;
    pending = null;
    const items = body.suggestions || [];
    if (!items.length || input.getRootNode().activeElement !== input) { close(); return; }
    show(items.map((s, i) => `<li role="option" id="${idPrefix}${i}" aria-selected="false" data-text="${escapeHtml(s.text)}" data-kind="${escapeHtml(s.kind)}">
        <span class="text">${markTyped(s.text, text)}</span><span class="kind">${s.kind === 'word' ? '' : `${escapeHtml(s.kind)} · `}${count(s.count, 'issue')}</span></li>`).join(''));
  }

  input.addEventListener('input', update);
  if (recent) input.addEventListener('focus', () => { if (!input.value.trim()) showRecent(); });
  input.addEventListener('keydown', (event) => {
    const open = !list.hidden && options().length > 0;
    if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();  // or the search field clears itself
        close();
      }
      return;
    }
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const n = options().length;
      if (active < 0) select(event.key === 'ArrowDown' ? 0 : n - 1);
      else select((active + (event.key === 'ArrowDown' ? 1 : -1) + n) % n);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      const { text, kind } = options()[active].dataset;
      close();
      choose(text, kind);
    }
  });
  list.addEventListener('mousedown', (event) => {
    const option = event.target.closest('[role=option]');
    if (!option) return;
    event.preventDefault();  // keeps focus in the box
    close();
    choose(option.dataset.text, option.dataset.kind);
  });
  // The list is in the page's flow: closing it when a click elsewhere takes the focus would
  // move what is being clicked before the button is released, so it closes after the click.
  let pointerOutside = false;
  document.addEventListener('pointerdown', (event) => { pointerOutside = !event.composedPath().includes(input.parentElement); }, true);
  input.addEventListener('blur', () => {
    if (pointerOutside) document.addEventListener('pointerup', () => setTimeout(close), { once: true });
    else close();
  });
  return { close };
}
