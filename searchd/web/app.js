// The search page. The URL holds the whole state (bookmarkable, shareable, Back works) and the
// API does the work. At most one request is in flight: a newer one cancels it, so results
// follow each keystroke without a debounce and an older answer never paints over a newer one.
import { escapeHtml, monthName, resultsSummary, pageTitle } from '/words.js';
import { attachSuggestions } from '/suggest.js';
import { renderFacets } from '/facets.js';
import { showIssue, showEntity } from '/reader.js';
import { yearHistogram } from '/charts.js';

const $ = (id) => document.getElementById(id);
const FACETS = [...document.querySelectorAll('.facet')].map((el) => ({
  el, name: el.dataset.facet, param: el.dataset.param, title: el.dataset.title, label: el.dataset.label,
}));
const PER_PAGE = 10;
const MONTH = /^(19|20)\d\d-(0[1-9]|1[0-2])$/;  // as the API takes it
const OUT_OF_READER = { issue: '', section: '', entity: '', name: '' };
const input = $('q');
const suggestions = attachSuggestions(input, $('suggestions'), (text) => {
  input.value = text;
  go({ ...OUT_OF_READER, q: text, page: 1 });
});

// ---- State: the URL. ----

function readState() {
  const p = new URLSearchParams(location.search);
  const state = {
    q: p.get('q') || '', from: p.get('from') || '', to: p.get('to') || '', sort: p.get('sort') || '',
    page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1),
    issue: p.get('issue') || '', section: p.get('section') || '', entity: p.get('entity') || '', name: p.get('name') || '',
  };
  for (const f of FACETS) state[f.param] = p.getAll(f.param);
  return state;
}

// The search's own parameters, as /api/search takes them; a feed takes neither sort nor page.
function searchParams(state, { forFeed = false } = {}) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of FACETS) for (const v of state[f.param] || []) p.append(f.param, v);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (!forFeed && state.sort) p.set('sort', state.sort);
  if (!forFeed && state.page > 1) p.set('page', state.page);
  return p;
}

function urlOf(state) {
  const p = searchParams(state);
  if (state.issue) { p.set('issue', state.issue); if (state.section !== '') p.set('section', state.section); }
  if (state.entity) { p.set('entity', state.entity); p.set('name', state.name); }
  return p.toString() ? `?${p}` : location.pathname;
}

// Entries this page pushes are marked, so "Back to results" knows the entry before is ours.
function go(changes, { replace = false } = {}) {
  const url = urlOf({ ...readState(), ...changes });
  if (replace) history.replaceState(history.state, '', url);
  else if (url !== (location.search || location.pathname)) history.pushState({ pushed: true }, '', url);
  render();
}

function backToResults() {
  if (history.state && history.state.pushed) history.back();
  else go(OUT_OF_READER);  // opened from a shared link: the search is in the URL
}

// ---- Requests: one in flight. ----

class Problem extends Error {
  constructor(kind, detail) {
    super(detail || kind);
    this.kind = kind;
  }
}

let inFlight = null;

function startRequest() {
  if (inFlight) inFlight.abort();
  inFlight = new AbortController();
  return inFlight;
}

async function api(path, request) {
  let res;
  try {
    res = await fetch(path, { headers: { Accept: 'application/json' }, signal: request.signal });
  } catch (error) {
    throw error.name === 'AbortError' ? error : new Problem('offline');
  }
  const body = await res.json().catch(() => ({}));
  if (res.status === 404) throw new Problem('missing', body.message);
  if (!res.ok) throw new Problem(res.status >= 500 ? 'unavailable' : 'refused', body.message);
  return body;
}

function showProblem(error) {
  const words = {
    offline: 'The search server could not be reached. Check your connection, then try again.',
    unavailable: 'The archive is unavailable just now. Try again in a moment.',
    missing: 'This page of the archive could not be found. It may have been removed.',
    refused: `This search could not be run (${error.message}). Change it, then try again.`,
  };
  $('problem').innerHTML = `<p>${escapeHtml(words[error.kind] || words.offline)}</p>
    <button type="button" id="retry">Try again</button>`;
  $('problem').hidden = false;
  $('retry').onclick = () => render();
}

// A search that takes a while shows it: the old hits fade and the heading says so. Not shown
// for quick answers, which would only flicker.
let loadingTimer;
function setLoading(loading, state) {
  clearTimeout(loadingTimer);
  $('results').setAttribute('aria-busy', String(loading));
  if (!loading) { $('results').classList.remove('loading'); return; }
  loadingTimer = setTimeout(() => {
    $('results').classList.add('loading');
    $('status').textContent = state.q ? `Searching for “${state.q}”…` : 'Searching…';
  }, 100);
}

// ---- Drawing. ----

let focusAfterPaint = null;  // what gets focus once the next results are drawn

function render() {
  const state = readState();
  if (document.activeElement !== input) input.value = state.q;
  for (const id of ['from', 'to']) if (document.activeElement !== $(id)) $(id).value = state[id];
  showMonthsError('');
  $('sort').value = state.sort || (state.q ? '' : 'newest');
  $('problem').hidden = true;
  const reading = Boolean(state.issue || state.entity);
  document.body.classList.toggle('reading', reading);
  $('reader').hidden = !reading;
  if (reading) {
    showFilters(false);
    openView(state.issue ? showIssue : showEntity, state);
  } else {
    search(state);
  }
}

// A search sent while the words are being typed asks for the last word's completions too.
let typing = false;

async function search(state) {
  const request = startRequest();
  const p = searchParams(state);
  p.set('per_page', PER_PAGE);
  const asYouType = typing && Boolean(state.q);
  if (asYouType) p.set('as_you_type', '1');
  typing = false;
  setLoading(true, state);
  let body;
  try {
    body = await api(`/api/search?${p}`, request);
  } catch (error) {
    if (error.name === 'AbortError') return;  // a newer request took its place
    typing = asYouType;  // "Try again" repeats the request that failed
    setLoading(false);
    $('status').textContent = 'The search did not run';
    for (const id of ['hits', 'pager', 'years']) $(id).innerHTML = '';
    showProblem(error);
    return;
  }
  if (request !== inFlight) return;
  inFlight = null;
  setLoading(false);
  paint(state, body);
}

function paint(state, body) {
  const filtered = FACETS.some((f) => state[f.param].length) || Boolean(state.from || state.to);
  document.title = pageTitle(state.q ? `“${state.q}”` : '');
  const without = (body.dropped_words || []).length ? `; also showing results without: ${body.dropped_words.join(', ')}` : '';
  $('status').textContent = resultsSummary(state.q, body.total, filtered) + without;
  $('hits').innerHTML = body.total ? body.hits.map((hit) => hitItem(state, hit)).join('')
    : '<li class="advice">Check the spelling, use fewer words, or remove a filter.</li>';
  renderFacets(FACETS, body.facets, state, {
    toggle: (param, value, checked) => {
      const values = new Set(readState()[param]);
      if (checked) values.add(value); else values.delete(value);
      go({ [param]: [...values], page: 1 });
    },
    about: (entity, name) => go({ entity, name, issue: '' }),
  });
  renderActiveFilters(state);
  renderPager(state, body.total);
  renderDidYouMean(state, body.did_you_mean, (body.warnings || []).some((w) => w.code === 'showing_corrected'));
  const chosenYear = /^(\d{4})-01$/.test(state.from) && state.to === `${state.from.slice(0, 4)}-12` ? state.from.slice(0, 4) : '';
  $('years').innerHTML = yearHistogram(body.facets.years || [], chosenYear,
    (year) => urlOf({ ...state, from: year ? `${year}-01` : '', to: year ? `${year}-12` : '', page: 1 }));
  setFeed(`/api/search.atom?${searchParams(state, { forFeed: true })}`,
    `Regional Update archive: ${state.q ? `“${state.q}”` : 'all issues'}`);
  if (focusAfterPaint) {
    const target = focusAfterPaint === 'first chip' ? $('chips').querySelector('button') || $('results-heading') : $('results-heading');
    focusAfterPaint = null;
    $('results-heading').scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }
}

function hitItem(state, hit) {
  const section = hit.section ? hit.section.number : '';
  const heading = hit.section && hit.section.heading ? ` · ${escapeHtml(hit.section.heading)}` : '';
  const href = urlOf({ ...state, issue: hit.issue_id, section: String(section) });
  return `<li><h3><a href="${escapeHtml(href)}" data-issue="${escapeHtml(hit.issue_id)}" data-section="${section}">${escapeHtml(hit.title)}</a></h3>
      <p class="meta">${kindLabel(hit.kind)}${escapeHtml(hit.date ? monthName(hit.date) : (hit.kind === 'page' ? '' : 'date unknown'))}${heading}</p>
      <p class="snippet">${hit.snippet}</p></li>`;
}

// Articles and site pages are labelled; newsletter issues, most of the archive, are not.
function kindLabel(kind) {
  if (!kind || kind === 'issue') return '';
  return `<span class="page-kind">${kind === 'article' ? 'Article' : 'Site page'}</span> `;
}

function renderActiveFilters(state) {
  const chips = [];
  for (const f of FACETS) for (const v of state[f.param]) chips.push({ label: `${f.label}: ${v}`, param: f.param, value: v });
  if (state.from) chips.push({ label: `From ${monthName(state.from)}`, param: 'from' });
  if (state.to) chips.push({ label: `To ${monthName(state.to)}`, param: 'to' });
  $('chips').innerHTML = chips.map((c, i) => `<li><button type="button" class="chip" data-i="${i}"
      aria-label="Remove filter ${escapeHtml(c.label)}">${escapeHtml(c.label)}</button></li>`).join('');
  $('active-filters').hidden = !chips.length;
  $('filters-toggle').textContent = chips.length ? `Filters (${chips.length})` : 'Filters';
  $('chips').onclick = (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    const chip = chips[button.dataset.i];
    const s = readState();
    focusAfterPaint = 'first chip';
    go({ [chip.param]: chip.value === undefined ? '' : s[chip.param].filter((v) => v !== chip.value), page: 1 });
  };
}

function renderPager(state, total) {
  const pages = Math.ceil(total / PER_PAGE);
  if (pages <= 1) { $('pager').innerHTML = ''; return; }
  const buttons = [];
  if (state.page > 1) buttons.push(`<button type="button" data-page="${state.page - 1}">Previous</button>`);
  for (let n = 1; n <= pages; n++) {
    if (Math.abs(n - state.page) > 3 && n !== 1 && n !== pages) continue;
    buttons.push(`<button type="button" data-page="${n}" aria-label="Page ${n}" ${n === state.page ? 'aria-current="page"' : ''}>${n}</button>`);
  }
  if (state.page < pages) buttons.push(`<button type="button" data-page="${state.page + 1}">Next</button>`);
  $('pager').innerHTML = buttons.join('');
  $('pager').onclick = (event) => {
    const page = Number(event.target.dataset.page);
    if (!page) return;
    focusAfterPaint = 'heading';  // the top of the new page, not the bottom of the old one
    go({ page });
  };
}

function renderDidYouMean(state, corrected, shown) {
  const el = $('did-you-mean');
  el.hidden = !corrected;
  if (!corrected) return;
  const link = `<a href="?${new URLSearchParams({ q: corrected })}" id="corrected">${escapeHtml(corrected)}</a>`;
  el.innerHTML = shown ? `No results for “${escapeHtml(state.q)}”. Showing results for ${link}.` : `Did you mean ${link}?`;
  $('corrected').onclick = (event) => {
    event.preventDefault();
    input.value = corrected;
    go({ q: corrected, page: 1 });
  };
}

function setFeed(href, title) {
  $('feed-link').href = href;
  $('feed-link').title = title;
  $('feed').href = href;
}

// ---- The reader: an issue, or a person's, authority's or programme's page. ----

const view = {
  reader: $('reader'),
  go,
  async load(path) {
    const request = startRequest();
    const body = await api(path, request);
    if (inFlight === request) inFlight = null;
    return body;
  },
  open(html, { title, feed }) {
    setLoading(false);
    this.reader.onclick = null;
    this.reader.innerHTML = html;
    this.reader.querySelector('.back').onclick = backToResults;
    document.title = pageTitle(title);
    if (feed) setFeed(feed.href, feed.title);
  },
};

async function openView(show, state) {
  try {
    await show(state, view);
  } catch (error) {
    if (error.name === 'AbortError') return;
    if (!(error instanceof Problem)) throw error;
    view.open('<p><button type="button" class="link back">← Back to results</button></p>', { title: '' });
    showProblem(error);
  }
}

// ---- Filters: months, the phone's panel, sort, clear all. ----

function showMonthsError(message) {
  $('months-error').textContent = message;
  $('months-error').hidden = !message;
  for (const id of ['from', 'to']) {
    if (message) $(id).setAttribute('aria-invalid', 'true'); else $(id).removeAttribute('aria-invalid');
  }
}

// A month field reports every digit of a year as a value (0002-03, 0020-03, ...): the search
// waits for a whole month, and edits while a field has focus replace one history entry.
let monthEdited = false;
function monthTyped() {
  const from = $('from').value;
  const to = $('to').value;
  if ((from && !MONTH.test(from)) || (to && !MONTH.test(to))) return;
  if (from && to && from > to) {
    showMonthsError(`The first month (${monthName(from)}) is after the last (${monthName(to)}): change one of them.`);
    return;
  }
  showMonthsError('');
  const state = readState();
  if (state.from === from && state.to === to) return;
  go({ from, to, page: 1 }, { replace: monthEdited });
  monthEdited = true;
}

for (const id of ['from', 'to']) {
  $(id).addEventListener('focus', () => { monthEdited = false; });
  $(id).addEventListener('input', monthTyped);
  $(id).addEventListener('change', monthTyped);
  $(id).addEventListener('blur', () => {
    const value = $(id).value;
    if (value && !MONTH.test(value)) showMonthsError(`Enter a month from 1900 to 2099 (${id === 'from' ? 'first' : 'last'} month).`);
  });
}

function showFilters(open) {
  document.body.classList.toggle('filters-open', open);
  $('filters-toggle').setAttribute('aria-expanded', String(open));
}

$('filters-toggle').addEventListener('click', () => {
  const open = !document.body.classList.contains('filters-open');
  showFilters(open);
  if (open) $('filters-heading').focus();
});
$('show-results').addEventListener('click', () => {
  showFilters(false);
  $('results-heading').focus();
});
$('sort').addEventListener('change', () => go({ sort: $('sort').value, page: 1 }));
$('clear-filters').addEventListener('click', () => {
  focusAfterPaint = 'heading';
  go({ ...Object.fromEntries(FACETS.map((f) => [f.param, []])), from: '', to: '', page: 1 });
});

// ---- The search box and the links in the results. ----

input.addEventListener('input', () => {
  typing = true;
  go({ ...OUT_OF_READER, q: input.value, page: 1 }, { replace: true });
});
$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  suggestions.close();
  go({ ...OUT_OF_READER, q: input.value, page: 1 });
});
$('hits').addEventListener('click', (event) => {
  const link = event.target.closest('a[data-issue]');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  go({ issue: link.dataset.issue, section: link.dataset.section });
});
$('years').addEventListener('click', (event) => {
  const bar = event.target.closest('a[data-year]');
  if (!bar || event.ctrlKey || event.metaKey) return;
  event.preventDefault();
  const { year } = bar.dataset;
  go({ from: year ? `${year}-01` : '', to: year ? `${year}-12` : '', page: 1 });
});
window.addEventListener('popstate', render);
render();
