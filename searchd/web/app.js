// The search page. The URL holds the whole state (bookmarkable, shareable, Back works) and the
// API does the work. At most one request is in flight: a newer one cancels it, so results
// follow each keystroke without a debounce and an older answer never paints over a newer one.
import { escapeHtml, monthName, count, resultsSummary, pageTitle, MAX_QUERY_CHARS } from '/words.js';
import { attachSuggestions } from '/suggest.js';
import { renderFacets } from '/facets.js';
import { showIssue, showEntity, showFollow } from '/reader.js';
import { yearHistogram } from '/charts.js';
import { loadEntity, panelHtml, PANEL_FACETS } from '/panel.js';
import { recentSearches, rememberSearch } from '/recent.js';

const $ = (id) => document.getElementById(id);
const FACETS = [...document.querySelectorAll('.facet')].map((el) => ({
  el, name: el.dataset.facet, param: el.dataset.param, title: el.dataset.title, label: el.dataset.label,
}));
const PER_PAGE = 10;
const SECTIONS_PER_HIT = 3;  // the best matching section, and up to two more under it
// A name chosen among the suggestions opens its panel with its search.
const SUGGESTED_FACETS = { person: 'people', authority: 'authorities', programme: 'programmes' };
const PHONE = matchMedia('(max-width: 48rem)');  // as style.css lays the page out for a phone
const MONTH = /^(19|20)\d\d-(0[1-9]|1[0-2])$/;  // as the API takes it
const OUT_OF_READER = { issue: '', section: '', entity: '', name: '', follow: '', panel: '' };
const input = $('q');
input.maxLength = MAX_QUERY_CHARS;
$('q-limit').textContent = `Searches stop at ${MAX_QUERY_CHARS} characters: this is as long as a search can be.`;
const suggestions = attachSuggestions(input, $('suggestions'), (text, kind) => {
  input.value = text;
  rememberSearch(text);
  go({ ...OUT_OF_READER, q: text, page: 1, correct_spelling: '', panel: SUGGESTED_FACETS[kind] || '' });
}, { recent: recentSearches });

// ---- State: the URL. ----

function readState() {
  const p = new URLSearchParams(location.search);
  const state = {
    q: (p.get('q') || '').slice(0, MAX_QUERY_CHARS), from: p.get('from') || '', to: p.get('to') || '', sort: p.get('sort') || '',
    page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1),
    issue: p.get('issue') || '', section: p.get('section') || '', entity: p.get('entity') || '', name: p.get('name') || '',
    follow: p.get('follow') || '', correct_spelling: p.get('correct_spelling') === 'false' ? 'false' : '',
    panel: PANEL_FACETS.includes(p.get('panel')) ? p.get('panel') : '',
  };
  for (const f of FACETS) state[f.param] = p.getAll(f.param);
  return state;
}

// The search's own parameters, as /api/search takes them; a feed takes neither sort nor page.
function searchParams(state, { forFeed = false } = {}) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (!forFeed && state.correct_spelling) p.set('correct_spelling', state.correct_spelling);
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
  if (state.follow) p.set('follow', state.follow);
  if (state.panel && state.q) p.set('panel', state.panel);
  return p.toString() ? `?${p}` : location.pathname;
}

// Entries this page pushes are marked, so "Back to results" knows the entry before is ours.
// A search typed into the box is one entry of its own: its first keystroke adds it, the
// following ones replace it, and Enter keeps it.
let typedEntry = false;
function go(changes, { replace = false } = {}) {
  typedEntry = false;
  const url = urlOf({ ...readState(), ...changes });
  if (replace) history.replaceState(history.state, '', url);
  else if (url !== (location.search || location.pathname)) history.pushState({ pushed: true }, '', url);
  render();
}

// Opening something from the results remembers, in the results' own history entry, what was
// opened, so that coming back puts the focus on it again.
function openFrom(opener, changes) {
  history.replaceState({ ...history.state, opener }, '');
  go(changes);
}

function backToResults() {
  if (history.state && history.state.pushed) { history.back(); return; }
  // Opened from a shared link: the search is in the URL, and the issue read is among its hits.
  const { issue } = readState();
  if (issue) focusAfterPaint = { selector: `#hits a[data-issue="${CSS.escape(issue)}"]` };
  go(OUT_OF_READER);
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
  if (body.code === 'invalid_search_q') throw new Problem('too long');
  if (!res.ok) throw new Problem(res.status >= 500 ? 'unavailable' : 'refused', body.message);
  return body;
}

// In words, never the API's message (it names parameters); Try again only where it may help.
const PROBLEMS = {
  offline: { words: 'The search server could not be reached. Check your connection, then try again.', retry: true },
  unavailable: { words: 'The archive is unavailable just now. Try again in a moment.', retry: true },
  missing: { words: 'This page of the archive could not be found. It may have been removed.' },
  'too long': { words: `This search is too long: searches stop at ${MAX_QUERY_CHARS} characters. Shorten it, then search again.` },
  refused: { words: 'This search could not be run. Change the words or the filters, then search again.' },
};

function showProblem(error) {
  const problem = PROBLEMS[error.kind] || PROBLEMS.offline;
  $('problem').innerHTML = `<p>${escapeHtml(problem.words)}</p>${problem.retry ? '<button type="button" id="retry">Try again</button>' : ''}`;
  $('problem').hidden = false;
  if (problem.retry) $('retry').onclick = () => render();
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

// restore: the state comes from history or the address (Back, a reload, a shared link), so
// the box shows its words even while it has the focus.
function render({ restore = false } = {}) {
  const state = readState();
  if (restore || document.activeElement !== input) input.value = state.q;
  showQueryLimit();
  for (const id of ['from', 'to']) if (document.activeElement !== $(id)) $(id).value = state[id];
  showMonthsError('');
  $('sort').value = state.sort || (state.q ? '' : 'newest');
  $('problem').hidden = true;
  const reading = Boolean(state.issue || state.entity || state.follow);
  document.body.classList.toggle('reading', reading);
  $('reader').hidden = !reading;
  if (reading) {
    showFilters(false);
    openView(state.follow ? showFollow : state.issue ? showIssue : showEntity, state);
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
  p.set('sections_per_hit', SECTIONS_PER_HIT);
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
    failed(state, error);
    return;
  }
  if (request !== inFlight) return;
  inFlight = null;
  setLoading(false);
  paint(state, body);
}

// Nothing of the last search is left to be read as this one's: its hits, counts and words.
function failed(state, error) {
  suggestions.close();
  document.title = pageTitle(state.q ? `“${state.q}”: not searched` : 'not searched');
  $('status').textContent = 'The search did not run';
  announce('The search did not run');
  for (const id of ['hits', 'pager', 'years']) $(id).innerHTML = '';
  hidePanel();
  for (const f of FACETS) f.el.hidden = true;
  $('did-you-mean').hidden = true;
  $('notice').hidden = true;
  $('show-results').textContent = 'Show the results';
  showProblem(error);
}

// What the results below those with every word lack: said, since they are not what was typed.
function relaxedSummary(body) {
  const quoted = (words) => words.map((w) => `“${w}”`).join(', ');
  const names = body.relaxed_names || [], words = body.dropped_words || [];
  if (!names.length && !words.length) return '';
  const parts = [];
  if (names.length) parts.push(`${quoted(names)} written otherwise`);
  if (words.length) parts.push(`without some of ${quoted(words)}`);
  const whole = body.total_all_words ?? 0;
  return `; ${count(whole, 'issue')} with every word, then issues with ${parts.join(', or ')}`;
}

const warned = (body, code) => (body.warnings || []).some((w) => w.code === code);

function paint(state, body) {
  const filtered = FACETS.some((f) => state[f.param].length) || Boolean(state.from || state.to);
  const corrected = warned(body, 'showing_corrected') ? body.did_you_mean : '';
  const searched = warned(body, 'query_not_searchable') ? '' : corrected || state.q;
  document.title = pageTitle(state.q ? `“${state.q}”` : '');
  const summary = resultsSummary(searched, body.total, filtered) + relaxedSummary(body);
  $('status').textContent = summary;
  announce(summary, { whenTypingPauses: typedEntry });
  $('show-results').textContent = `Show ${count(body.total, 'result')}`;
  renderNotice(state, body);
  $('hits').innerHTML = body.total ? body.hits.map((hit) => hitItem(state, hit)).join('')
    : '<li class="advice"><p>Check the spelling, use fewer words, or remove a filter.</p><div id="drop-filters"></div></li>';
  if (!body.total) offerDroppingFilters(state);
  showPanel(state, body);
  for (const f of FACETS) f.el.hidden = false;
  renderFacets(FACETS, body.facets, state, {
    toggle: (param, value, checked) => {
      const values = new Set(readState()[param]);
      if (checked) values.add(value); else values.delete(value);
      // On a phone the open panel is above the results, a long way from them: a ticked value
      // shows its results, its chip above them, and "Filters (n)" opens the panel again.
      if (document.body.classList.contains('filters-open') && PHONE.matches) {
        showFilters(false);
        focusAfterPaint = { selector: '#results-heading', scroll: true };
      }
      go({ [param]: [...values], page: 1 });
    },
    about: (entity, name, opener) => openFrom(opener, { entity, name, issue: '' }),
  });
  renderActiveFilters(state);
  renderPager(state, body.total);
  renderDidYouMean(state, body.did_you_mean, corrected);
  $('years').innerHTML = yearHistogram(body.facets.years || [], chosenYear(state),
    (year) => urlOf({ ...state, ...yearRange(year), page: 1 }));
  setFeed(`/api/search.atom?${searchParams(state, { forFeed: true })}`,
    `Regional Update archive: ${state.q ? `“${state.q}”` : 'all issues'}`);
  $('feed').href = urlOf({ ...state, page: 1, follow: '1' });
  if (focusAfterPaint) {
    const { selector, scroll } = focusAfterPaint;
    focusAfterPaint = null;
    const target = document.querySelector(selector) || $('results-heading');
    if (scroll) $('results-heading').scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: scroll });
  }
}

// A month range that is one whole year is that year: one chip, one chosen bar.
function chosenYear(state) {
  return /^(\d{4})-01$/.test(state.from) && state.to === `${state.from.slice(0, 4)}-12` ? state.from.slice(0, 4) : '';
}

const yearRange = (year) => ({ from: year ? `${year}-01` : '', to: year ? `${year}-12` : '' });

// What the API said about the words: read in the page's own words.
function renderNotice(state, body) {
  const notes = [];
  if (warned(body, 'query_not_searchable')) {
    notes.push(`Nothing in “${escapeHtml(state.q)}” can be searched for (it has no letters or digits), so every issue is shown.`);
  }
  if (warned(body, 'query_syntax_relaxed')) {
    notes.push('Part of the search could not be read as search syntax (AND, OR, NOT, quotes, brackets), so its words were searched as plain words.');
  }
  $('notice').innerHTML = notes.map((n) => `<span>${n}</span>`).join(' ');
  $('notice').hidden = !notes.length;
}

// The live region says what a search found once, when the typing pauses, not at each keystroke.
const TYPING_PAUSE_MS = 800;
let announceTimer;
function announce(words, { whenTypingPauses = false } = {}) {
  clearTimeout(announceTimer);
  const say = () => { if ($('announce').textContent !== words) $('announce').textContent = words; };
  if (whenTypingPauses) announceTimer = setTimeout(say, TYPING_PAUSE_MS);
  else say();
}

// The hit's title and best section, then its other matching sections, each a way into the
// reader at that section (the API marks the matches in titles, headings and snippets).
function hitItem(state, hit) {
  const section = hit.section ? hit.section.number : '';
  const marked = (html, text) => html || escapeHtml(text);  // null: nothing in it matched
  const heading = hit.section && hit.section.heading ? ` · ${marked(hit.section.heading_html, hit.section.heading)}` : '';
  const href = (n) => escapeHtml(urlOf({ ...state, issue: hit.issue_id, section: String(n) }));
  const more = (hit.sub_results || []).map((s) => `<div class="sub-result">
        <h4><a href="${href(s.number)}" data-issue="${escapeHtml(hit.issue_id)}" data-section="${s.number}">${s.heading ? marked(s.heading_html, s.heading) : `Section ${s.number + 1}`}</a></h4>
        <p class="snippet">${s.snippet}</p></div>`).join('');
  return `<li><h3><a href="${href(section)}" data-issue="${escapeHtml(hit.issue_id)}" data-section="${section}">${marked(hit.title_html, hit.title)}</a></h3>
      <p class="meta">${kindLabel(hit.kind)}${escapeHtml(hit.date ? monthName(hit.date) : (hit.kind === 'page' ? '' : 'date unknown'))}${heading}</p>
      <p class="snippet">${hit.snippet}</p>${more ? `<div class="sub-results">${more}</div>` : ''}</li>`;
}

// ---- The panel of the name searched for. ----

const panelCache = new Map();  // "facet|name" -> what the panel shows
let panelShown = 0;  // which search's panel is being drawn: an older one's answer is dropped

function hidePanel() {
  panelShown += 1;
  $('entity-panel').hidden = true;
  $('entity-panel').innerHTML = '';
}

async function showPanel(state, body) {
  const named = state.panel ? { facet: state.panel, value: state.q, match: 'whole' }
    : body.entity && PANEL_FACETS.includes(body.entity.facet) ? { ...body.entity, match: body.entity_match } : null;
  if (!named || state.page > 1) { hidePanel(); return; }
  const key = `${named.facet}|${named.value}`;
  const token = ++panelShown;
  if (!panelCache.has(key)) {
    try {
      panelCache.set(key, await loadEntity((path) => api(path, new AbortController()), named.facet, named.value));
    } catch (error) {
      if (token === panelShown) { $('entity-panel').hidden = true; $('entity-panel').innerHTML = ''; }
      return;  // a name without a page: the results alone
    }
  }
  if (token !== panelShown) return;
  $('entity-panel').innerHTML = panelHtml(panelCache.get(key), named.match);
  $('entity-panel').hidden = false;
}

$('entity-panel').addEventListener('click', (event) => {
  const link = event.target.closest('a[data-entity]');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  openFrom(`#entity-panel a[data-entity="${CSS.escape(link.dataset.entity)}"][data-name="${CSS.escape(link.dataset.name)}"]`,
    { entity: link.dataset.entity, name: link.dataset.name, issue: '' });
});

// ---- Nothing found: each active filter offered for dropping, with what that would find. ----

let dropOffer = 0;
async function offerDroppingFilters(state) {
  const filters = activeFilters(state);
  if (!filters.length) return;
  const offer = ++dropOffer;
  const counted = await Promise.all(filters.map(async (f) => {
    const p = searchParams({ ...state, ...f.changes, page: 1 });
    p.set('per_page', 1);
    p.set('facet_limit', 1);
    try {
      return { ...f, total: (await api(`/api/search?${p}`, new AbortController())).total };
    } catch {
      return { ...f, total: null };
    }
  }));
  const box = $('drop-filters');
  if (offer !== dropOffer || !box) return;
  const useful = counted.filter((f) => f.total);
  if (!useful.length) return;
  box.innerHTML = `<p>Without one of the filters:</p>${useful.map((f, i) => `<button type="button" class="secondary drop" data-i="${i}">Remove ${escapeHtml(f.label)}: ${count(f.total, 'issue')}</button>`).join(' ')}`;
  box.onclick = (event) => {
    const button = event.target.closest('button.drop');
    if (!button) return;
    focusAfterPaint = { selector: '#results-heading', scroll: true };
    go({ ...useful[button.dataset.i].changes, page: 1 });
  };
}

// Articles and site pages are labelled; newsletter issues, most of the archive, are not.
function kindLabel(kind) {
  if (!kind || kind === 'issue') return '';
  return `<span class="page-kind">${kind === 'article' ? 'Article' : 'Site page'}</span> `;
}

// Each active filter, as a chip says it, and what removing it changes.
function activeFilters(state) {
  const chips = [];
  for (const f of FACETS) for (const v of state[f.param]) chips.push({ label: `${f.label}: ${v}`, changes: { [f.param]: state[f.param].filter((x) => x !== v) } });
  const year = chosenYear(state);
  if (year) chips.push({ label: `Year: ${year}`, changes: yearRange('') });
  else {
    if (state.from) chips.push({ label: `From ${monthName(state.from)}`, changes: { from: '' } });
    if (state.to) chips.push({ label: `To ${monthName(state.to)}`, changes: { to: '' } });
  }
  return chips;
}

function renderActiveFilters(state) {
  const chips = activeFilters(state);
  $('chips').innerHTML = chips.map((c, i) => `<li><button type="button" class="chip" data-i="${i}"
      aria-label="Remove filter ${escapeHtml(c.label)}">${escapeHtml(c.label)}</button></li>`).join('');
  $('active-filters').hidden = !chips.length;
  $('filters-toggle').textContent = chips.length ? `Filters (${chips.length})` : 'Filters';
  $('chips').onclick = (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    focusAfterPaint = { selector: '#chips button', scroll: true };
    go({ ...chips[button.dataset.i].changes, page: 1 });
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
    focusAfterPaint = { selector: '#results-heading', scroll: true };  // the top of the new page, not the bottom of the old one
    go({ page });
  };
}

// suggestion: the API's did_you_mean; shownInstead: the same, when its results are the ones shown.
function renderDidYouMean(state, suggestion, shownInstead) {
  const el = $('did-you-mean');
  el.hidden = !suggestion;
  if (!suggestion) return;
  const link = (id, words, changes) => `<a href="${escapeHtml(urlOf({ ...state, ...changes, page: 1 }))}" id="${id}">${escapeHtml(words)}</a>`;
  const corrected = link('corrected', suggestion, { q: suggestion, correct_spelling: '' });
  el.innerHTML = shownInstead
    ? `No results for “${escapeHtml(state.q)}”. Showing results for ${corrected}. Search instead for ${link('as-typed', state.q, { correct_spelling: 'false' })}.`
    : `Did you mean ${corrected}?`;
  el.onclick = (event) => {
    const chosen = event.target.closest('a');
    if (!chosen || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const asTyped = chosen.id === 'as-typed';
    if (!asTyped) input.value = suggestion;
    go(asTyped ? { correct_spelling: 'false', page: 1 } : { q: suggestion, correct_spelling: '', page: 1 });
  };
}

// The feed a feed reader finds in the page's head.
function setFeed(href, title) {
  $('feed-link').href = href;
  $('feed-link').title = title;
}

// ---- The reader: an issue, or a person's, authority's or programme's page. ----

const view = {
  reader: $('reader'),
  go,
  openFrom,
  searchFeed: (state) => `/api/search.atom?${searchParams(state, { forFeed: true })}`,
  async load(path) {
    return (await this.loadAll([path]))[0];
  },
  // Several answers for one view: one request, cancelled together by the next.
  async loadAll(paths) {
    const request = startRequest();
    const bodies = await Promise.all(paths.map((path) => api(path, request)));
    if (inFlight === request) inFlight = null;
    return bodies;
  },
  open(html, { title, feed }) {
    setLoading(false);
    this.reader.onclick = null;
    this.reader.innerHTML = html;
    this.reader.querySelector('.back').onclick = backToResults;
    document.title = pageTitle(title);
    if (feed) setFeed(feed.href, feed.title);
    const heading = this.reader.querySelector('h2');
    if (heading) heading.focus({ preventScroll: true });  // where a screen reader starts reading
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
// On a phone the open panel is closed by Escape, as a dialog would be; Escape that closes
// suggestions or a month field's picker is theirs.
$('filters').addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || event.defaultPrevented || !document.body.classList.contains('filters-open')) return;
  showFilters(false);
  $('filters-toggle').focus();
});
$('sort').addEventListener('change', () => go({ sort: $('sort').value, page: 1 }));
$('clear-filters').addEventListener('click', () => {
  focusAfterPaint = { selector: '#results-heading', scroll: true };
  go({ ...Object.fromEntries(FACETS.map((f) => [f.param, []])), from: '', to: '', page: 1 });
});

// ---- The search box and the links in the results. ----

function showQueryLimit() {
  $('q-limit').hidden = input.value.length < MAX_QUERY_CHARS;
}

input.addEventListener('input', () => {
  typing = true;
  const replace = typedEntry;
  go({ ...OUT_OF_READER, q: input.value, page: 1, correct_spelling: '', panel: '' }, { replace });
  typedEntry = true;
});
$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  suggestions.close();
  rememberSearch(input.value);
  const { q, panel } = readState();
  go({ ...OUT_OF_READER, q: input.value, page: 1, correct_spelling: '', panel: q === input.value ? panel : '' });
});
// "/" goes to the search box from anywhere but another field, as on many sites.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  const target = event.target;
  if (target.closest && target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) return;
  event.preventDefault();
  input.focus();
  input.select();
});
$('hits').addEventListener('click', (event) => {
  const link = event.target.closest('a[data-issue]');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  const { issue, section } = link.dataset;
  rememberSearch(readState().q);
  openFrom(`#hits a[data-issue="${CSS.escape(issue)}"][data-section="${CSS.escape(section)}"]`, { issue, section });
});
$('years').addEventListener('click', (event) => {
  const bar = event.target.closest('a[data-year]');
  if (!bar || event.ctrlKey || event.metaKey) return;
  event.preventDefault();
  focusAfterPaint = { selector: `#years a[data-bar="${CSS.escape(bar.dataset.bar)}"]` };  // the same bar, redrawn
  go({ ...yearRange(bar.dataset.year), page: 1 });
});
window.addEventListener('popstate', () => {
  typedEntry = false;
  suggestions.close();
  const { opener } = history.state || {};
  if (opener) focusAfterPaint = { selector: opener };
  render({ restore: true });
});
render({ restore: true });
