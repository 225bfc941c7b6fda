// Drop-in search box for any page: <script src="https://SEARCHD/widget.js" defer></script> and
// <div data-wmsearch></div>. Talks to the searchd it was loaded from (CORS), inside a shadow
// root whose styles start from nothing, so the host page's styles neither leak in (not even
// inherited ones such as line-height; sizes are in em of its own 16px, never the host's rem)
// nor out. Loading the script twice mounts each box once; boxes added later are mounted too.
(function () {
  'use strict';
  const script = document.currentScript;
  if (!script) return;
  const origin = new URL(script.src).origin;
  const shared = window.wmsearchWidget || (window.wmsearchWidget = { boxes: 0 });
  const escapeHtml = (text) => String(text).replace(/[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const issues = (n) => `${n} issue${n === 1 ? '' : 's'}`;
  const monthName = (value) => {
    const match = /^(\d{4})-(\d{2})$/.exec(value || '');
    return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1)).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }) : '';
  };
  const style = `
    :host { display: block !important; }
    .root { all: initial; display: block; width: 100%; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
            color: #1b1b1b; background: #fff; text-align: left; }
    .root * { box-sizing: border-box; }
    label { font-weight: 600; display: block; margin-bottom: .25em; }
    input { width: 100%; font: inherit; padding: .45em; border: 2px solid #4a4a4a; border-radius: 4px; color: inherit; background: #fff; }
    input:focus-visible, a:focus-visible { outline: 3px solid #f4a000; outline-offset: 2px; }
    [hidden] { display: none !important; }
    [role=listbox] { list-style: none; margin: .25em 0 0; padding: 0; border: 1px solid #4a4a4a; }
    [role=option] { display: flex; justify-content: space-between; gap: 1em; padding: .35em .6em; min-height: 2em; cursor: pointer; }
    [role=option][aria-selected=true] { background: #0b5394; color: #fff; }
    .kind { font-size: .85em; white-space: nowrap; }
    ol { list-style: none; padding: 0; margin: .5em 0; }
    ol li { border-bottom: 1px solid #d0d0d0; padding: .5em 0; }
    .busy ol { opacity: .45; }
    a { color: #0b5394; }
    mark { background: #ffe58a; color: inherit; }
    .meta { color: #4a4a4a; font-size: .85em; margin: .25em 0; }
    .problem button { font: inherit; margin: .25em 0; padding: .3em .8em; min-height: 2em; border: 2px solid #0b5394;
                      background: #0b5394; color: #fff; border-radius: 4px; cursor: pointer; }
    .snippet { margin: .2em 0 0; overflow-wrap: anywhere; }`;

  // Why a request failed, as far as the page can know. A browser tells scripts neither that
  // CORS refused an answer nor that nothing answered; but a request that needs no CORS
  // (no-cors: its answer cannot be read, only that there was one) tells the two apart.
  async function failure(error) {
    if (!(error instanceof TypeError)) return `Search is unavailable just now (${error.message}). Try again in a moment.`;
    const answers = await fetch(`${origin}/health`, { mode: 'no-cors', cache: 'no-store' }).then(() => true, () => false);
    if (!answers) return 'The search server could not be reached. Check your connection, then try again.';
    return `Search is unavailable: the search server answers, but does not allow this site (${location.origin}). `
      + `Its administrator can allow it by starting searchd with --cors-origin ${location.origin}.`;
  }

  function mount(host) {
    if (host.shadowRoot) return;  // mounted by an earlier copy of this script
    const n = ++shared.boxes;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${style}</style><div class="root">
      <form role="search"><label for="q-${n}">Search the Regional Update archive</label>
        <input id="q-${n}" type="search" autocomplete="off" role="combobox" aria-autocomplete="list" aria-expanded="false"
               aria-controls="s-${n}" placeholder="Name, authority or topic">
        <ul id="s-${n}" role="listbox" aria-label="Suggestions" hidden></ul></form>
      <p class="meta" role="status"></p><div class="problem" hidden><button type="button">Try again</button></div>
      <ol aria-busy="false"></ol></div>`;
    const box = root.querySelector('.root');
    const input = root.querySelector('input');
    const listbox = root.querySelector('[role=listbox]');
    const status = root.querySelector('[role=status]');
    const hits = root.querySelector('ol');
    const problem = root.querySelector('.problem');
    let searching = null;
    let suggesting = null;
    let active = -1;
    let loadingTimer;

    async function getJson(path, request) {
      const res = await fetch(`${origin}${path}`, { signal: request.signal });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(body.message || `HTTP ${res.status}`);
      return body;
    }

    function setLoading(loading) {
      clearTimeout(loadingTimer);
      hits.setAttribute('aria-busy', String(loading));
      if (!loading) { box.classList.remove('busy'); return; }
      loadingTimer = setTimeout(() => { box.classList.add('busy'); status.textContent = 'Searching…'; }, 100);
    }

    async function search() {
      const q = input.value.trim();
      if (searching) searching.abort();
      searching = null;
      problem.hidden = true;
      if (!q) { setLoading(false); hits.innerHTML = ''; status.textContent = ''; return; }
      const request = new AbortController();
      searching = request;
      setLoading(true);
      let body;
      try {
        body = await getJson(`/api/search?${new URLSearchParams({ q, per_page: 5, as_you_type: 1 })}`, request);
      } catch (error) {
        if (error.name === 'AbortError') return;
        closeSuggestions();
        const words = await failure(error);
        if (searching !== request) return;
        searching = null;
        setLoading(false);
        hits.innerHTML = '';
        status.textContent = words;
        problem.hidden = false;
        return;
      }
      if (searching !== request) return;
      searching = null;
      setLoading(false);
      const all = `${origin}/?${new URLSearchParams({ q })}`;
      const corrected = (body.warnings || []).some((w) => w.code === 'showing_corrected')
        ? ` for “${escapeHtml(body.did_you_mean)}”` : '';
      status.innerHTML = body.total
        ? `${issues(body.total)}${corrected} · <a href="${escapeHtml(all)}" target="_blank" rel="noopener">all results</a>`
        : `No results for “${escapeHtml(q)}”`;
      hits.innerHTML = body.hits.map((hit) => `<li>
          <a href="${escapeHtml(`${origin}/?${new URLSearchParams({ issue: hit.issue_id, section: hit.section ? hit.section.number : '', q })}`)}"
             target="_blank" rel="noopener">${escapeHtml(hit.title)}</a>
          <p class="meta">${escapeHtml(monthName(hit.date))}${hit.section && hit.section.heading ? ` · ${escapeHtml(hit.section.heading)}` : ''}</p>
          <p class="snippet">${hit.snippet}</p></li>`).join('');
    }

    function select(index) {
      const options = [...listbox.children];
      active = index;
      options.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
      if (active >= 0) input.setAttribute('aria-activedescendant', options[active].id);
      else input.removeAttribute('aria-activedescendant');
    }

    function closeSuggestions() {
      if (suggesting) suggesting.abort();
      suggesting = null;
      listbox.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      select(-1);
    }

    async function suggest() {
      const text = input.value;
      if (suggesting) suggesting.abort();
      suggesting = null;
      if (text.trim().length < 2) { closeSuggestions(); return; }
      const request = new AbortController();
      suggesting = request;
      let body;
      try {
        body = await getJson(`/api/suggest?${new URLSearchParams({ q: text, limit: 6 })}`, request);
      } catch (error) {
        // The search itself says what went wrong; suggestions of other words are not left open.
        if (error.name !== 'AbortError' && suggesting === request) closeSuggestions();
        return;
      }
      if (suggesting !== request) return;
      suggesting = null;
      const items = body.suggestions || [];
      if (!items.length || root.activeElement !== input) { closeSuggestions(); return; }
      listbox.innerHTML = items.map((s, i) => `<li role="option" id="s-${n}-${i}" aria-selected="false" data-text="${escapeHtml(s.text)}">
          <span>${escapeHtml(s.text)}</span><span class="kind">${s.kind === 'word' ? '' : `${escapeHtml(s.kind)} · `}${issues(s.count)}</span></li>`).join('');
      listbox.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      select(-1);
    }

    function choose(text) {
      input.value = text;
      closeSuggestions();
      search();
    }

    input.addEventListener('input', () => { search(); suggest(); });
    input.addEventListener('keydown', (event) => {
      const open = !listbox.hidden && listbox.children.length > 0;
      if (event.key === 'Escape' && open) { event.preventDefault(); closeSuggestions(); return; }
      if (!open) return;
      const count = listbox.children.length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (active < 0) select(event.key === 'ArrowDown' ? 0 : count - 1);
        else select((active + (event.key === 'ArrowDown' ? 1 : -1) + count) % count);
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        choose(listbox.children[active].dataset.text);
      }
    });
    listbox.addEventListener('mousedown', (event) => {
      const option = event.target.closest('[role=option]');
      if (option) { event.preventDefault(); choose(option.dataset.text); }
    });
    // The list is in the flow: closing it as a click elsewhere takes the focus would move what
    // is being clicked before the button is released, so it closes after the click.
    let pointerOutside = false;
    document.addEventListener('pointerdown', (event) => { pointerOutside = !event.composedPath().includes(input.parentElement); }, true);
    input.addEventListener('blur', () => {
      if (pointerOutside) document.addEventListener('pointerup', () => setTimeout(closeSuggestions), { once: true });
      else closeSuggestions();
    });
    root.querySelector('form').addEventListener('submit', (event) => { event.preventDefault(); closeSuggestions(); search(); });
    problem.querySelector('button').addEventListener('click', () => { input.focus(); search(); });
  }

  // Boxes in the page, and those a page adds later (a single-page site, content loaded on demand).
  const mountAll = (node) => {
    if (node.matches && node.matches('[data-wmsearch]')) mount(node);
    if (node.querySelectorAll) node.querySelectorAll('[data-wmsearch]').forEach(mount);
  };
  const start = () => {
    mountAll(document);
    if (shared.watching) return;
    shared.watching = true;
    new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach(mountAll)))
      .observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
