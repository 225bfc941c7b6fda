// The search page: state lives in the URL (bookmarkable, Back works); the API does the work.
'use strict';

const FACETS = [...document.querySelectorAll('.facet')].map((el) => ({
  el, name: el.dataset.facet, param: el.dataset.param, title: el.dataset.title,
}));
const PER_PAGE = 10;
const FACET_SHOWN = 8;
const $ = (id) => document.getElementById(id);
const input = $('q');
const suggestions = $('suggestions');
let searchSeq = 0;
let shownAll = {};

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function readState() {
  const p = new URLSearchParams(location.search);
  const state = { q: p.get('q') || '', from: p.get('from') || '', to: p.get('to') || '',
                  page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1),
                  issue: p.get('issue') || '', section: p.get('section') || '',
                  entity: p.get('entity') || '', name: p.get('name') || '' };
  for (const f of FACETS) state[f.param] = p.getAll(f.param);
  return state;
}

function toQuery(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of FACETS) for (const v of state[f.param] || []) p.append(f.param, v);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.page > 1) p.set('page', state.page);
  return p;
}

function go(state, { replace = false } = {}) {
  const p = toQuery(state);
  if (state.issue) { p.set('issue', state.issue); if (state.section !== '') p.set('section', state.section); }
  if (state.entity) { p.set('entity', state.entity); p.set('name', state.name); }
  const url = p.toString() ? `?${p}` : location.pathname;
  history[replace ? 'replaceState' : 'pushState'](null, '', url);
  render();
}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({ message: `HTTP ${res.status}` }));
  if (!res.ok) throw new Error(body.message || `HTTP ${res.status}`);
  return body;
}

function render() {
  const state = readState();
  if (document.activeElement !== input) input.value = state.q;
  $('from').value = state.from;
  $('to').value = state.to;
  if (state.issue) showIssue(state); else if (state.entity) showEntity(state); else search(state);
}

async function search(state) {
  const seq = ++searchSeq;
  $('reader').hidden = true;
  $('hits').hidden = false;
  $('status').classList.remove('error');
  const p = toQuery(state);
  p.set('per_page', PER_PAGE);
  let body;
  try {
    body = await api(`/api/search?${p}`);
  } catch (error) {
    if (seq !== searchSeq) return;
    $('status').textContent = `The search failed: ${error.message}`;
    $('status').classList.add('error');
    $('hits').innerHTML = '';
    $('pager').innerHTML = '';
    return;
  }
  if (seq !== searchSeq) return;  // a newer search is on its way
  renderHits(state, body);
  renderFacets(state, body.facets);
  renderChips(state);
  renderPager(state, body.total);
  renderDidYouMean(state, body.did_you_mean, (body.warnings || []).some((w) => w.code === 'showing_corrected'));
}

function renderHits(state, body) {
  const words = state.q ? `“${escapeHtml(state.q)}”` : 'all issues';
  const without = (body.dropped_words || []).length
    ? `; also showing results without: ${body.dropped_words.map(escapeHtml).join(', ')}` : '';
  $('status').innerHTML = body.total
    ? `${body.total} issue${body.total === 1 ? '' : 's'} for ${words}${without}`
    : `No results for ${words}. Check the spelling, use fewer words, or remove a filter.`;
  $('hits').innerHTML = body.hits.map((hit) => {
    const heading = hit.section && hit.section.heading ? ` · ${escapeHtml(hit.section.heading)}` : '';
    const section = hit.section ? hit.section.number : '';
    const kind = hit.kind && hit.kind !== 'issue' ? `<span class="kind">${hit.kind === 'article' ? 'Article' : 'Site page'}</span> ` : '';
    return `<li><h3><a href="?${new URLSearchParams({ issue: hit.issue_id, section, q: state.q })}"
              data-issue="${escapeHtml(hit.issue_id)}" data-section="${section}">${escapeHtml(hit.title)}</a></h3>
            <p class="meta">${kind}${escapeHtml(hit.date || (hit.kind === 'page' ? '' : 'date unknown'))}${heading}</p>
            <p class="snippet">${hit.snippet}</p></li>`;
  }).join('');
}

function renderFacets(state, facets) {
  for (const f of FACETS) {
    const values = facets[f.name] || [];
    const chosen = new Set(state[f.param]);
    for (const v of chosen) if (!values.some((x) => x.value === v)) values.unshift({ value: v, count: 0 });
    const filterBox = f.el.querySelector('input[type=search]');
    const typed = filterBox ? filterBox.value : '';
    const had = document.activeElement === filterBox;
    f.el.innerHTML = `<h2 id="h-${f.name}">${f.title}</h2>
      ${values.length > FACET_SHOWN ? `<input type="search" aria-label="Filter ${f.title.toLowerCase()}" placeholder="Filter ${f.title.toLowerCase()}" value="${escapeHtml(typed)}">` : ''}
      <ul aria-labelledby="h-${f.name}"></ul>`;
    const list = f.el.querySelector('ul');
    const draw = () => {
      const needle = (f.el.querySelector('input[type=search]') || { value: '' }).value.toLowerCase();
      const matching = values.filter((v) => v.value.toLowerCase().includes(needle));
      const shown = shownAll[f.name] || needle ? matching : matching.slice(0, FACET_SHOWN);
      list.innerHTML = shown.map((v) => `<li><label><input type="checkbox" value="${escapeHtml(v.value)}"
          ${chosen.has(v.value) ? 'checked' : ''}> <span>${escapeHtml(v.value)}</span>
          <span class="count">${v.count}</span></label>
          <a class="about" href="?${new URLSearchParams({ entity: f.name, name: v.value })}" data-entity="${f.name}"
             data-name="${escapeHtml(v.value)}" aria-label="About ${escapeHtml(v.value)}">about</a></li>`).join('')
        + (matching.length > shown.length || shownAll[f.name] && matching.length > FACET_SHOWN
          ? `<li><button type="button" class="link more">${shownAll[f.name] ? 'Show fewer' : `Show all ${matching.length}`}</button></li>` : '')
        + (values.length ? '' : '<li class="meta">None in these results</li>');
    };
    draw();
    const box = f.el.querySelector('input[type=search]');
    if (box) {
      box.addEventListener('input', draw);
      if (had) box.focus();
    }
    f.el.onclick = (event) => {
      if (event.target.classList.contains('more')) { shownAll[f.name] = !shownAll[f.name]; draw(); }
      const about = event.target.closest('a.about');
      if (about) {
        event.preventDefault();
        go({ ...readState(), issue: '', entity: about.dataset.entity, name: about.dataset.name });
      }
    };
    f.el.onchange = (event) => {
      if (event.target.type !== 'checkbox') return;
      const s = readState();
      const set = new Set(s[f.param]);
      if (event.target.checked) set.add(event.target.value); else set.delete(event.target.value);
      go({ ...s, [f.param]: [...set], page: 1 });
    };
  }
}

function renderChips(state) {
  const chips = [];
  for (const f of FACETS) for (const v of state[f.param]) chips.push({ label: `${f.title.replace(/s$/, '').replace(/ie$/, 'y')}: ${v}`, param: f.param, value: v });
  if (state.from) chips.push({ label: `From ${state.from}`, param: 'from' });
  if (state.to) chips.push({ label: `To ${state.to}`, param: 'to' });
  $('chips').innerHTML = chips.map((c, i) => `<button type="button" class="chip" data-i="${i}"
      aria-label="Remove filter ${escapeHtml(c.label)}">${escapeHtml(c.label)} ✕</button>`).join('');
  $('chips').onclick = (event) => {
    const chip = chips[event.target.dataset.i];
    if (!chip) return;
    const s = readState();
    if (chip.value === undefined) s[chip.param] = '';
    else s[chip.param] = s[chip.param].filter((v) => v !== chip.value);
    go({ ...s, page: 1 });
  };
}

function renderPager(state, total) {
  const pages = Math.ceil(total / PER_PAGE);
  if (pages <= 1) { $('pager').innerHTML = ''; return; }
  const buttons = [];
  if (state.page > 1) buttons.push(`<button type="button" data-page="${state.page - 1}">Previous</button>`);
  for (let n = 1; n <= pages; n++) {
    if (Math.abs(n - state.page) > 3 && n !== 1 && n !== pages) continue;
    buttons.push(`<button type="button" data-page="${n}" ${n === state.page ? 'aria-current="page"' : ''}>${n}</button>`);
  }
  if (state.page < pages) buttons.push(`<button type="button" data-page="${state.page + 1}">Next</button>`);
  $('pager').innerHTML = buttons.join('');
  $('pager').onclick = (event) => {
    const page = Number(event.target.dataset.page);
    if (page) { go({ ...readState(), page }); $('results').focus(); }
  };
}

function renderDidYouMean(state, corrected, shown) {
  const el = $('did-you-mean');
  el.hidden = !corrected;
  if (!corrected) return;
  const link = `<a href="?${new URLSearchParams({ q: corrected })}" id="corrected">${escapeHtml(corrected)}</a>`;
  el.innerHTML = shown
    ? `No results for “${escapeHtml(state.q)}”. Showing results for ${link}.`
    : `Did you mean ${link}?`;
  $('corrected').onclick = (event) => {
    event.preventDefault();
    input.value = corrected;
    go({ ...readState(), q: corrected, page: 1 });
  };
}

// The reader takes the place of the results: an issue, a facet value's page, or an error.
function openReader(html, status) {
  const reader = $('reader');
  reader.innerHTML = html;
  $('hits').hidden = true;
  $('pager').innerHTML = '';
  $('did-you-mean').hidden = true;
  $('status').textContent = status;
  reader.hidden = false;
  const back = $('back');
  if (back) back.onclick = () => history.back();
}

function showReaderError(message) {
  $('reader').innerHTML = `<p class="error">${escapeHtml(message)}</p>`;
  $('reader').hidden = false;
}

// The reader: the whole issue, scrolled to the section that matched, the query's words marked.
async function showIssue(state) {
  let issue;
  try {
    issue = await api(`/api/issues/${encodeURIComponent(state.issue)}`);
  } catch (error) {
    showReaderError(`This issue could not be opened: ${error.message}`);
    return;
  }
  const words = state.q.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w.length > 1 && !/^(AND|OR|NOT)$/.test(w));
  const pattern = words.length ? new RegExp(`\\b(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu') : null;
  const marked = (text) => (pattern ? escapeHtml(text).replace(pattern, '<mark>$1</mark>') : escapeHtml(text));
  openReader(`<p><button type="button" class="link" id="back">← Back to results</button></p>
    <h2>${escapeHtml(issue.title)}</h2><p class="meta">${escapeHtml(issue.date || 'date unknown')}</p>`
    + issue.sections.map((s, n) => `<section id="section-${n}" ${String(n) === state.section ? 'class="target" tabindex="-1"' : ''}>
        ${s.heading ? `<h3>${marked(s.heading)}</h3>` : ''}<p>${marked(s.body)}</p></section>`).join(''),
  `Reading ${issue.title}`);
  const target = document.getElementById(`section-${state.section}`);
  if (target) { target.scrollIntoView({ block: 'start' }); target.focus({ preventScroll: true }); }
}

// A person's, authority's or programme's page: where and when it is mentioned, with whom.
async function showEntity(state) {
  let entity;
  try {
    entity = await api(`/api/entities/${encodeURIComponent(state.entity)}/${encodeURIComponent(state.name)}`);
  } catch (error) {
    showReaderError(error.message);
    return;
  }
  const list = (items, key) => items.map((i) => `${escapeHtml(i[key])} (${i.count})`).join(', ') || 'none';
  openReader(`<p><button type="button" class="link" id="back">← Back</button></p>
    <h2>${escapeHtml(entity.value)}</h2>
    <p class="meta" id="entity-summary">Mentioned in ${entity.issues} issue${entity.issues === 1 ? '' : 's'}, ${escapeHtml(entity.first_mention || '?')} to ${escapeHtml(entity.last_mention || '?')}</p>
    ${entity.roles.length ? `<p><strong>Roles:</strong> ${list(entity.roles, 'role')}</p>` : ''}
    <p><strong>People:</strong> ${list(entity.people, 'value')}</p>
    <p><strong>Authorities:</strong> ${list(entity.authorities, 'value')}</p>
    <p><strong>Programmes:</strong> ${list(entity.programmes, 'value')}</p>
    <p><strong>Timeline:</strong> ${entity.timeline.map((t) => `${escapeHtml(t.month)}: ${t.issues}`).join(' · ')}</p>
    <h3>Mentions, newest first</h3>
    <ol class="mentions">${entity.mentions.map((m) => `<li><a href="?${new URLSearchParams({ issue: m.issue_id, section: m.section, q: entity.value })}"
        data-issue="${escapeHtml(m.issue_id)}" data-section="${m.section}">${escapeHtml(m.title)}</a>
        ${m.heading ? ` · ${escapeHtml(m.heading)}` : ''}</li>`).join('')}</ol>`, `About ${entity.value}`);
  $('reader').querySelector('.mentions').onclick = (event) => {
    const link = event.target.closest('a[data-issue]');
    if (!link) return;
    event.preventDefault();
    go({ ...readState(), entity: '', q: entity.value, issue: link.dataset.issue, section: link.dataset.section });
  };
}

// Suggestions under the box: arrows move, Enter picks, Escape closes.
let active = -1;
function closeSuggestions() {
  suggestions.hidden = true;
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
  active = -1;
}

async function suggest(text) {
  if (text.trim().length < 2) { closeSuggestions(); return; }
  let body;
  try { body = await api(`/api/suggest?${new URLSearchParams({ q: text, limit: 8 })}`); } catch { return; }
  if (input.value !== text) return;
  const items = body.suggestions || [];
  if (!items.length) { closeSuggestions(); return; }
  suggestions.innerHTML = items.map((s, i) => `<li role="option" id="sugg-${i}" aria-selected="false"
      data-text="${escapeHtml(s.text)}"><span>${escapeHtml(s.text)}</span><span class="kind">${escapeHtml(s.kind)} · ${s.count}</span></li>`).join('');
  suggestions.hidden = false;
  input.setAttribute('aria-expanded', 'true');
  active = -1;
}

function choose(text) {
  input.value = text;
  closeSuggestions();
  go({ ...readState(), q: text, page: 1, issue: '', entity: '' });
}

function debounce(fn, ms) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

const typed = debounce(() => go({ ...readState(), q: input.value, page: 1, issue: '', entity: '' }, { replace: true }), 250);
const suggestTyped = debounce(() => suggest(input.value), 120);
input.addEventListener('input', () => { typed(); suggestTyped(); });
input.addEventListener('keydown', (event) => {
  const options = [...suggestions.querySelectorAll('[role=option]')];
  if (event.key === 'Escape') { closeSuggestions(); return; }
  if (suggestions.hidden || !options.length) return;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    active = (active + (event.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length;
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', options[active].id);
  } else if (event.key === 'Enter' && active >= 0) {
    event.preventDefault();
    choose(options[active].dataset.text);
  }
});
suggestions.addEventListener('mousedown', (event) => {
  const option = event.target.closest('[role=option]');
  if (option) { event.preventDefault(); choose(option.dataset.text); }
});
input.addEventListener('blur', () => setTimeout(closeSuggestions, 100));
$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  closeSuggestions();
  go({ ...readState(), q: input.value, page: 1, issue: '', entity: '' });
});
for (const id of ['from', 'to']) {
  $(id).addEventListener('change', () => go({ ...readState(), [id]: $(id).value, page: 1 }));
}
$('hits').addEventListener('click', (event) => {
  const link = event.target.closest('a[data-issue]');
  if (!link || event.ctrlKey || event.metaKey) return;
  event.preventDefault();
  go({ ...readState(), issue: link.dataset.issue, section: link.dataset.section });
});
window.addEventListener('popstate', render);
render();
