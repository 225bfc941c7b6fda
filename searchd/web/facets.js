// The facet panels: a checkbox list per facet with counts (OR within a panel, AND across), a
// filter box and "show all" for long lists, and an "about" link to each value's page. Redrawn
// after every search without losing the keyboard's place.
import { escapeHtml, count } from '/words.js';

const SHOWN = 8;
const showingAll = {};

/** Replaces el's content; whatever had focus in it (by data-focus-key) has it again after. */
function replaceKeepingFocus(el, html) {
  const focused = el.contains(document.activeElement) ? document.activeElement.dataset.focusKey : undefined;
  el.innerHTML = html;
  if (focused !== undefined) {
    const again = el.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`);
    if (again) again.focus();
  }
}

function valueItem(facet, value, checked) {
  const key = `${facet.name}|${value.value}`;
  return `<li><label><input type="checkbox" value="${escapeHtml(value.value)}" data-focus-key="${escapeHtml(key)}"
        ${checked ? 'checked' : ''}> <span class="value">${escapeHtml(value.value)}</span>
        <span class="count" title="${count(value.count, 'issue')}">${value.count}</span></label>
      <a class="about" href="?${new URLSearchParams({ entity: facet.name, name: value.value })}" data-entity="${facet.name}"
         data-name="${escapeHtml(value.value)}" data-focus-key="about|${escapeHtml(key)}">about<span class="visually-hidden"> ${escapeHtml(value.value)}</span></a></li>`;
}

function drawList(facet, values, chosen) {
  const box = facet.el.querySelector('input[type=search]');
  const needle = box ? box.value.toLowerCase() : '';
  const matching = values.filter((v) => v.value.toLowerCase().includes(needle));
  const all = showingAll[facet.name] || needle;
  const shown = all ? matching : matching.slice(0, SHOWN);
  const toggle = matching.length > SHOWN && !needle
    ? `<li><button type="button" class="link more" data-focus-key="more|${facet.name}">${showingAll[facet.name] ? 'Show fewer' : `Show all ${matching.length}`}</button></li>` : '';
  const none = values.length ? '' : '<li class="meta">None in these results</li>';
  replaceKeepingFocus(facet.el.querySelector('ul'), shown.map((v) => valueItem(facet, v, chosen.has(v.value))).join('') + toggle + none);
}

/**
 * Draws each facet's panel from a search's counts. The chosen values come first, so they can
 * always be unticked (count 0 when the search no longer has them). on.toggle(param, value,
 * checked), on.about(facet, name, selector of the link that opened it).
 */
export function renderFacets(facets, counts, state, on) {
  for (const facet of facets) {
    const chosen = new Set(state[facet.param]);
    const counted = counts[facet.name] || [];
    const values = [...chosen].map((v) => counted.find((x) => x.value === v) || { value: v, count: 0 })
      .concat(counted.filter((x) => !chosen.has(x.value)));
    let box = facet.el.querySelector('input[type=search]');
    if (!facet.el.querySelector('ul')) {
      facet.el.innerHTML = `<h3 id="h-${facet.name}">${facet.title}</h3>
        <input type="search" class="facet-filter" aria-label="Filter ${facet.title.toLowerCase()}" placeholder="Filter ${facet.title.toLowerCase()}" hidden>
        <ul aria-labelledby="h-${facet.name}"></ul>`;
      box = facet.el.querySelector('input[type=search]');
      box.addEventListener('input', () => drawList(facet, facet.values, facet.chosen));
      facet.el.addEventListener('click', (event) => {
        if (event.target.classList.contains('more')) {
          showingAll[facet.name] = !showingAll[facet.name];
          drawList(facet, facet.values, facet.chosen);
        }
        const about = event.target.closest('a.about');
        if (about && !event.ctrlKey && !event.metaKey) {
          event.preventDefault();
          on.about(about.dataset.entity, about.dataset.name, `a.about[data-focus-key="${CSS.escape(about.dataset.focusKey)}"]`);
        }
      });
      facet.el.addEventListener('change', (event) => {
        if (event.target.type === 'checkbox') on.toggle(facet.param, event.target.value, event.target.checked);
      });
    }
    box.hidden = values.length <= SHOWN;
    facet.values = values;
    facet.chosen = chosen;
    drawList(facet, values, chosen);
  }
}
