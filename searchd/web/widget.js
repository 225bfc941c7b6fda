// Drop-in search box for any page: <script src="https://SEARCHD/widget.js" defer></script> and
// <div data-wmsearch></div>. Talks to the searchd it was loaded from (CORS), inside a shadow
// root so the host page's styles neither leak in nor out.
(function () {
  'use strict';
  const script = document.currentScript;
  const origin = new URL(script.src).origin;
  const escapeHtml = (text) => String(text).replace(/[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const style = `
    :host { all: initial; display: block; font: 16px/1.5 system-ui, sans-serif; color: #1b1b1b; }
    label { font-weight: 600; display: block; margin-bottom: .25rem; }
    input { width: 100%; box-sizing: border-box; font: inherit; padding: .45rem; border: 2px solid #4a4a4a; border-radius: 4px; }
    ol { list-style: none; padding: 0; margin: .5rem 0; }
    li { border-bottom: 1px solid #d0d0d0; padding: .5rem 0; }
    a { color: #0b5394; }
    mark { background: #ffe58a; color: inherit; }
    .meta { color: #4a4a4a; font-size: .85rem; }
    .snippet { margin: .2rem 0 0; overflow-wrap: anywhere; }`;

  function mount(host, n) {
    const root = host.attachShadow({ mode: 'open' });
    const id = `wmsearch-q-${n}`;
    root.innerHTML = `<style>${style}</style>
      <form role="search"><label for="${id}">Search the Regional Update archive</label>
      <input id="${id}" type="search" autocomplete="off" placeholder="Name, authority or topic"></form>
      <p class="meta" role="status" aria-live="polite"></p><ol></ol>`;
    const input = root.querySelector('input');
    const status = root.querySelector('[role=status]');
    const list = root.querySelector('ol');
    let seq = 0;
    let timer;
    async function run() {
      const q = input.value.trim();
      const mine = ++seq;
      if (!q) { list.innerHTML = ''; status.textContent = ''; return; }
      try {
        const res = await fetch(`${origin}/api/search?${new URLSearchParams({ q, per_page: 5 })}`);
        const body = await res.json();
        if (mine !== seq) return;
        if (!res.ok) throw new Error(body.message || `HTTP ${res.status}`);
        const all = `${origin}/?${new URLSearchParams({ q })}`;
        const corrected = (body.warnings || []).some((w) => w.code === 'showing_corrected')
          ? ` for “${escapeHtml(body.did_you_mean)}”` : '';
        status.innerHTML = body.total
          ? `${body.total} issue${body.total === 1 ? '' : 's'}${corrected} · <a href="${all}" target="_blank" rel="noopener">all results</a>`
          : `No results for “${escapeHtml(q)}”`;
        list.innerHTML = body.hits.map((hit) => `<li>
          <a href="${origin}/?${new URLSearchParams({ issue: hit.issue_id, section: hit.section ? hit.section.number : '', q })}"
             target="_blank" rel="noopener">${escapeHtml(hit.title)}</a>
          <div class="meta">${escapeHtml(hit.date || '')}${hit.section && hit.section.heading ? ` · ${escapeHtml(hit.section.heading)}` : ''}</div>
          <p class="snippet">${hit.snippet}</p></li>`).join('');
      } catch (error) {
        if (mine === seq) status.textContent = `Search is unavailable: ${error.message}`;
      }
    }
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 250); });
    root.querySelector('form').addEventListener('submit', (event) => { event.preventDefault(); run(); });
  }

  const start = () => document.querySelectorAll('[data-wmsearch]').forEach(mount);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
