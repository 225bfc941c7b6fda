// The reader, in place of the results: an issue scrolled to the section that matched with the
// query's words marked, or the page of a person, authority or programme.
import { escapeHtml, monthName, count } from '/words.js';
import { monthChart } from '/charts.js';

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
  view.open(`<p><button type="button" class="link back">← Back to results</button></p>
    <h2>${escapeHtml(issue.title)}</h2><p class="meta">${escapeHtml(monthName(issue.date))}</p>`
    + issue.sections.map((s, n) => `<section id="section-${n}" ${String(n) === target ? 'class="target" tabindex="-1"' : ''}>
        ${s.heading ? `<h3>${marked(s.heading)}</h3>` : ''}<p>${marked(s.body)}</p></section>`).join(''),
  { title: issue.title });
  const section = document.getElementById(`section-${target}`);
  if (section) { section.scrollIntoView({ block: 'start' }); section.focus({ preventScroll: true }); }
}

function entityLinks(items, facet) {
  if (!items.length) return 'none';
  return items.map((i) => `<a href="?${new URLSearchParams({ entity: facet, name: i.value })}" data-entity="${facet}"
      data-name="${escapeHtml(i.value)}">${escapeHtml(i.value)}</a> (${i.count})`).join(', ');
}

/** A person's, authority's or programme's page: when and where it is mentioned, with whom. */
export async function showEntity(state, view) {
  const entity = await view.load(`/api/entities/${encodeURIComponent(state.entity)}/${encodeURIComponent(state.name)}`);
  const feed = `/api/entities/${encodeURIComponent(entity.facet)}/${encodeURIComponent(entity.value)}.atom`;
  const roles = entity.roles.map((r) => `${escapeHtml(r.role)} (${r.count})`).join(', ');
  view.open(`<p><button type="button" class="link back">← Back to results</button></p>
    <h2>${escapeHtml(entity.value)}</h2>
    <p class="meta" id="entity-summary">Mentioned in ${count(entity.issues, 'issue')}, ${escapeHtml(monthName(entity.first_mention))} to ${escapeHtml(monthName(entity.last_mention))}</p>
    ${roles ? `<p><strong>Roles:</strong> ${roles}</p>` : ''}
    ${monthChart(entity.timeline, 'timeline', entity.value)}
    ${FACET_KINDS.map(([facet, title]) => `<p class="companions"><strong>${title}:</strong> ${entityLinks(entity[facet], facet)}</p>`).join('')}
    <p class="follow"><a href="${escapeHtml(feed)}">Follow ${escapeHtml(entity.value)}</a> in a feed reader (Atom)</p>
    <h3>Mentions, newest first</h3>
    <ol class="mentions">${entity.mentions.map((m) => `<li><a href="?${new URLSearchParams({ issue: m.issue_id, section: m.section, q: entity.value })}"
        data-issue="${escapeHtml(m.issue_id)}" data-section="${m.section}">${escapeHtml(m.title)}</a>
        ${m.heading ? ` · ${escapeHtml(m.heading)}` : ''}</li>`).join('')}</ol>`,
  { title: entity.value, feed: { href: feed, title: `Regional Update archive: ${entity.value}` } });
  view.reader.onclick = (event) => {
    const link = event.target.closest('a[data-issue], a[data-entity]');
    if (!link || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    if (link.dataset.issue) view.go({ entity: '', name: '', q: entity.value, issue: link.dataset.issue, section: link.dataset.section });
    else view.go({ entity: link.dataset.entity, name: link.dataset.name });
  };
}
