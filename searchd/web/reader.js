// The reader, in place of the results: an issue scrolled to the section that matched with the
// query's words marked, the page of a person, authority or programme, or how to follow a feed.
import { escapeHtml, monthName, count } from '/words.js';
import { monthChart } from '/charts.js';
import { whosWhoHtml } from '/panel.js';

const FACET_KINDS = [['people', 'People'], ['authorities', 'Authorities'], ['programmes', 'Programmes']];

function markerFor(q) {
  const words = q.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w.length > 1 && !/^(AND|OR|NOT|and|or|the|of)$/.test(w));
  if (!words.length) return escapeHtml;
  const pattern = new RegExp(`\\b(${words.map((w) => escapeHtml(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  return (text) => escapeHtml(text).replace(pattern, '<mark>$1</mark>');
}

/** The whole issue; the section asked for is outlined, scrolled to and focused. */
export async function showIssue(state, view) {
  const issue = await view.load(`/api/issues/${encodeURIComponent(state.issue)}`);
  const marked = markerFor(state.q);
  const target = String(state.section);
  // The matching section comes straight after the title and the way back, on the first screen
  // of a phone too: the sections before it wait, folded, behind one line.
  const sectionHtml = (s, n) => `<section id="section-${n}" ${String(n) === target ? 'class="target" tabindex="-1"' : ''}>
        ${s.heading ? `<h3>${marked(s.heading)}</h3>` : ''}<p>${marked(s.body)}</p></section>`;
  const at = issue.sections.findIndex((s, n) => String(n) === target);
  const before = at > 0 ? issue.sections.slice(0, at) : [];
  const folded = before.length ? `<details class="earlier"><summary>Show the ${before.length === 1 ? 'section' : `${before.length} sections`} before this one</summary>
      ${before.map(sectionHtml).join('')}</details>` : '';
  view.open(`<div class="reader-head"><p><button type="button" class="link back">← Back to results</button></p>
    <h2 tabindex="-1">${escapeHtml(issue.title)}</h2><p class="meta">${escapeHtml(monthName(issue.date))}</p>
    <div class="match-nav" hidden><button type="button" class="secondary" data-step="-1">Previous match</button>
      <button type="button" class="secondary" data-step="1">Next match</button> <span class="match-at" role="status"></span></div></div>`
    + folded + issue.sections.slice(before.length).map((s, n) => sectionHtml(s, n + before.length)).join('')
    + '<nav class="related" aria-labelledby="related-heading" hidden></nav>',
  { title: issue.title });
  window.scrollTo(0, 0);
  const section = document.getElementById(`section-${target}`);
  if (section) section.focus({ preventScroll: true });
  matchesNavigation(view.reader, section);
  showRelated(view, state);
}

// Previous and next match step through the marked words of the whole issue, in reading order,
// from the section opened; a match in the folded sections unfolds them.
function matchesNavigation(reader, opened) {
  const marks = [...reader.querySelectorAll('mark')];
  const nav = reader.querySelector('.match-nav');
  if (!marks.length) return;
  nav.hidden = false;
  let at = -1;
  const start = opened ? marks.findIndex((m) => opened.contains(m) || (opened.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING)) : 0;
  nav.onclick = (event) => {
    const step = Number(event.target.dataset.step);
    if (!step) return;
    at = at < 0 ? (step > 0 ? Math.max(start, 0) : (Math.max(start, 0) - 1 + marks.length) % marks.length)
      : (at + step + marks.length) % marks.length;
    const mark = marks[at];
    const folded = mark.closest('details');
    if (folded) folded.open = true;
    reader.querySelectorAll('mark.current').forEach((m) => m.classList.remove('current'));
    mark.classList.add('current');
    mark.scrollIntoView({ block: 'center' });
    nav.querySelector('.match-at').textContent = `Match ${at + 1} of ${marks.length}`;
  };
}

// Issues most like this one, below it; nothing is said when there are none or the call fails.
async function showRelated(view, state) {
  let body;
  try {
    body = await view.load(`/api/issues/${encodeURIComponent(state.issue)}/related?limit=5`);
  } catch {
    return;
  }
  const nav = view.reader.querySelector('nav.related');
  if (!nav || !body.related.length) return;
  nav.innerHTML = `<h3 id="related-heading">Related issues</h3><ul>${body.related.map((r) => `<li><a href="?${new URLSearchParams({ issue: r.issue_id })}"
      data-issue="${escapeHtml(r.issue_id)}">${escapeHtml(r.title)}</a> <span class="meta">${escapeHtml(monthName(r.date))}</span></li>`).join('')}</ul>`;
  nav.hidden = false;
  nav.onclick = (event) => {
    const link = event.target.closest('a[data-issue]');
    if (!link || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    view.go({ issue: link.dataset.issue, section: '', q: '' });
  };
}

function entityLinks(items, facet) {
  if (!items.length) return 'none';
  return items.map((i) => `<a href="?${new URLSearchParams({ entity: facet, name: i.value })}" data-entity="${facet}"
      data-name="${escapeHtml(i.value)}">${escapeHtml(i.value)}</a> (${i.count})`).join(', ');
}

/** A person's, authority's or programme's page: when and where it is mentioned, with whom. */
export async function showEntity(state, view) {
  const path = `/api/entities/${encodeURIComponent(state.entity)}/${encodeURIComponent(state.name)}`;
  const [entity, whos = { people: [] }] = await view.loadAll(state.entity === 'authorities' ? [path, `${path}/people`] : [path]);
  const feed = entityFeed(entity.facet, entity.value);
  const follow = `?${new URLSearchParams({ entity: entity.facet, name: entity.value, follow: '1' })}`;
  const roles = entity.roles.map((r) => `${escapeHtml(r.role)} (${r.count})`).join(', ');
  view.open(`<p><button type="button" class="link back">← Back to results</button></p>
    <h2 tabindex="-1">${escapeHtml(entity.value)}</h2>
    <p class="meta" id="entity-summary">Mentioned in ${count(entity.issues, 'issue')}, ${escapeHtml(monthName(entity.first_mention))} to ${escapeHtml(monthName(entity.last_mention))}</p>
    ${roles ? `<p><strong>Roles:</strong> ${roles}</p>` : ''}
    ${monthChart(entity.timeline, 'timeline', entity.value)}
    ${whosWhoHtml(whos.people, 'whos-who-heading')}
    ${FACET_KINDS.map(([facet, title]) => `<p class="companions"><strong>${title}:</strong> ${entityLinks(entity[facet], facet)}</p>`).join('')}
    <p class="follow"><a href="${escapeHtml(follow)}" data-follow>Follow ${escapeHtml(entity.value)}</a> in a feed reader</p>
    <h3>Mentions, newest first</h3>
    <ol class="mentions">${entity.mentions.map((m) => `<li><a href="?${new URLSearchParams({ issue: m.issue_id, section: m.section, q: entity.value })}"
        data-issue="${escapeHtml(m.issue_id)}" data-section="${m.section}">${escapeHtml(m.title)}</a>
        ${m.heading ? ` · ${escapeHtml(m.heading)}` : ''}</li>`).join('')}</ol>`,
  { title: entity.value, feed: { href: feed, title: `Regional Update archive: ${entity.value}` } });
  view.reader.onclick = (event) => {
    const link = event.target.closest('a[data-issue], a[data-entity], a[data-follow]');
    if (!link || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    if (link.dataset.issue) view.go({ entity: '', name: '', q: entity.value, issue: link.dataset.issue, section: link.dataset.section });
    else if (link.dataset.entity) view.go({ entity: link.dataset.entity, name: link.dataset.name });
    else view.go({ follow: '1' });
  };
}

const entityFeed = (facet, name) => `/api/entities/${encodeURIComponent(facet)}/${encodeURIComponent(name)}.atom`;

/**
 * How to follow a search or a name in a feed reader, with the feed's address to copy: a link
 * straight to the feed would show a browser's raw XML.
 */
export async function showFollow(state, view) {
  const subject = state.entity ? state.name : (state.q ? `“${state.q}”` : 'every new issue');
  const path = state.entity ? entityFeed(state.entity, state.name) : view.searchFeed(state);
  const address = new URL(path, location.href).href;
  view.open(`<p><button type="button" class="link back">← Back</button></p>
    <h2 tabindex="-1">Follow ${escapeHtml(subject)} in a feed reader</h2>
    <p>A feed reader shows each new issue of the Regional Update ${state.entity ? `that mentions ${escapeHtml(state.name)}` : (state.q ? `that this search finds` : '')} as soon as it is in the archive, without visiting this site.</p>
    <ol class="steps">
      <li>Copy the feed's address below.</li>
      <li>In your feed reader (for example Feedly, Inoreader, NetNewsWire, or Thunderbird or Outlook, which read feeds too), choose “Add feed” or “Subscribe”, and paste it.</li>
    </ol>
    <p class="copy"><label for="feed-address">The feed's address</label>
      <input id="feed-address" type="text" readonly value="${escapeHtml(address)}">
      <button type="button" id="copy-feed">Copy the address</button>
      <span id="copy-done" role="status"></span></p>
    <p class="meta">The feed is in the Atom format, which every feed reader reads; it lists the 30 newest issues.</p>`,
  { title: `Follow ${subject}`, feed: { href: path, title: `Regional Update archive: ${subject}` } });
  const field = view.reader.querySelector('#feed-address');
  view.reader.querySelector('#copy-feed').onclick = async () => {
    field.select();
    let copied = false;
    try {
      await navigator.clipboard.writeText(address);
      copied = true;
    } catch {
      copied = document.execCommand('copy');  // where the clipboard API is not allowed
    }
    view.reader.querySelector('#copy-done').textContent = copied ? 'Copied.' : 'Selected: press Ctrl+C (or ⌘C) to copy it.';
  };
}
