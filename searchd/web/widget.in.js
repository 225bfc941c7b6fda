// Drop-in search box for any page: <script src="https://SEARCHD/widget.js" defer></script> and
// <div data-wmsearch></div>. Talks to the searchd it was loaded from (CORS), inside a shadow
// root whose styles start from nothing, so the host page's styles neither leak in (not even
// inherited ones such as line-height; sizes are in em of its own 16px, never the host's rem)
// nor out. Loading the script twice mounts each box once; boxes added later are mounted too.
// This is widget.in.js: searchd's build writes widget.js from it, with the search page's own
// modules inlined where the @inline lines are (cmake/inline_modules.cmake), so the widget and
// the page share one suggestion box.
(function () {
  'use strict';
  // @inline words.js
  // @inline suggest.js
  const script = document.currentScript;
  if (!script) return;
  const origin = new URL(script.src).origin;
  const shared = window.wmsearchWidget || (window.wmsearchWidget = { boxes: 0 });
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
    [role=option] mark { background: none; font-weight: 700; }
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
        suggestions.close();
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
        ? `${count(body.total, 'issue')}${corrected} · <a href="${escapeHtml(all)}" target="_blank" rel="noopener">all results</a>`
        : `No results for “${escapeHtml(q)}”`;
      hits.innerHTML = body.hits.map((hit) => `<li>
          <a href="${escapeHtml(`${origin}/?${new URLSearchParams({ issue: hit.issue_id, section: hit.section ? hit.section.number : '', q })}`)}"
             target="_blank" rel="noopener">${escapeHtml(hit.title)}</a>
          <p class="meta">${hit.date ? escapeHtml(monthName(hit.date)) : ''}${hit.section && hit.section.heading ? ` · ${escapeHtml(hit.section.heading)}` : ''}</p>
          <p class="snippet">${hit.snippet}</p></li>`).join('');
    }

    // The search follows each keystroke; the suggestions are listened for after it.
    input.addEventListener('input', search);
    const suggestions = attachSuggestions(input, listbox, (text) => { input.value = text; search(); },
      { origin, limit: 6, idPrefix: `s-${n}-` });
    root.querySelector('form').addEventListener('submit', (event) => { event.preventDefault(); suggestions.close(); search(); });
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
