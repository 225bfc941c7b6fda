// The panel above the results when the search is a known person, authority or programme (the
// API's `entity`, or the suggestion chosen): who or what it is, its roles, first and last
// mention, the mentions per month, and for an authority its who's who; with a link to its page.
// The who's who list is the authority's page's too.
import { escapeHtml, monthName, count } from '/words.js';
import { monthChart } from '/charts.js';

const KINDS = { people: 'Person', authorities: 'Authority', programmes: 'Programme' };
export const PANEL_FACETS = Object.keys(KINDS);
const PANEL_PEOPLE = 5;  // the who's who in the panel: its newest; the page lists them all

const entityPath = (facet, name) => `/api/entities/${encodeURIComponent(facet)}/${encodeURIComponent(name)}`;

/** The entity's view and, for an authority, its who's who: fetched together. */
export async function loadEntity(fetchJson, facet, name) {
  const [entity, whos] = await Promise.all([
    fetchJson(entityPath(facet, name)),
    facet === 'authorities' ? fetchJson(`${entityPath(facet, name)}/people`) : Promise.resolve(null),
  ]);
  return { entity, people: whos ? whos.people : [] };
}

const aboutHref = (facet, name) => `?${new URLSearchParams({ entity: facet, name })}`;

/** "Who's who": each person with the role last written and the month it was last stated. */
export function whosWhoHtml(people, headingId, { limit = Infinity, authority = '' } = {}) {
  if (!people.length) return '';
  const shown = people.slice(0, limit);
  const more = people.length > shown.length
    ? `<p class="more-people"><a href="${escapeHtml(aboutHref('authorities', authority))}" data-entity="authorities" data-name="${escapeHtml(authority)}">All ${people.length.toLocaleString('en-GB')} people named with a role at ${escapeHtml(authority)}</a></p>` : '';
  return `<section class="whos-who" aria-labelledby="${headingId}">
      <h3 id="${headingId}">Who's who</h3>
      <ol>${shown.map((p) => `<li><a href="${escapeHtml(aboutHref('people', p.person))}" data-entity="people"
          data-name="${escapeHtml(p.person)}">${escapeHtml(p.person)}</a>, ${escapeHtml(p.role)}
          <span class="meta">(last mentioned ${escapeHtml(monthName(p.date))})</span></li>`).join('')}</ol>${more}
    </section>`;
}

/** The panel's content; match: "whole" (the search is the name) or "part" (it names it). */
export function panelHtml({ entity, people }, match) {
  const kind = KINDS[entity.facet] || 'Name';
  const roles = entity.roles.map((r) => escapeHtml(r.role)).join(', ');
  const said = match === 'part' ? `Your search names this ${kind.toLowerCase()}` : `Your search is this ${kind.toLowerCase()}`;
  return `<p class="panel-kind">${kind} · ${said}</p>
    <h3 id="panel-heading">${escapeHtml(entity.value)}</h3>
    <p class="meta">Mentioned in ${count(entity.issues, 'issue')}, first in ${escapeHtml(monthName(entity.first_mention))}, last in ${escapeHtml(monthName(entity.last_mention))}</p>
    ${roles ? `<p><strong>Roles:</strong> ${roles}</p>` : ''}
    ${monthChart(entity.timeline, 'panel-timeline', entity.value)}
    ${whosWhoHtml(people, 'panel-whos-who', { limit: PANEL_PEOPLE, authority: entity.value })}
    <p><a class="about-link" href="${escapeHtml(aboutHref(entity.facet, entity.value))}" data-entity="${escapeHtml(entity.facet)}"
      data-name="${escapeHtml(entity.value)}">The page of ${escapeHtml(entity.value)}</a>: every mention, and the names around it</p>`;
}
