// Charts drawn as inline SVG from the API's counts, each with words behind it for people who
// cannot see it: a table (mentions per month) or a label per bar (issues per year).
import { escapeHtml, monthName, shortMonthName, count } from '/words.js';

const BAR_AREA = 80;  // px: the tallest bar

// Every month from the first to the last, so gaps show as gaps.
function monthsBetween(first, last) {
  const months = [];
  let [year, month] = first.split('-').map(Number);
  const [lastYear, lastMonth] = last.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    if (++month > 12) { month = 1; year += 1; }
  }
  return months;
}

/** Issues mentioning an entity, per month (timeline: [{month, issues}], "unknown" allowed). */
export function monthChart(timeline, id, subject) {
  const dated = timeline.filter((t) => /^\d{4}-\d{2}$/.test(t.month));
  if (!dated.length) return '';
  const byMonth = new Map(dated.map((t) => [t.month, t.issues]));
  const months = monthsBetween(dated[0].month, dated[dated.length - 1].month);
  const most = Math.max(...dated.map((t) => t.issues));
  const slot = Math.max(6, Math.min(28, Math.floor(640 / months.length)));
  const width = months.length * slot;
  const bars = months.map((month, i) => {
    const issues = byMonth.get(month) || 0;
    const height = issues ? Math.max(3, Math.round((issues / most) * BAR_AREA)) : 0;
    const label = month.endsWith('-01') || i === 0 ? `<text x="${i * slot}" y="${BAR_AREA + 16}" class="axis">${escapeHtml(shortMonthName(month))}</text>` : '';
    const value = issues && slot >= 14 ? `<text x="${i * slot + slot / 2}" y="${BAR_AREA - height - 3}" class="value">${issues}</text>` : '';
    return `${issues ? `<rect x="${i * slot + 1}" y="${BAR_AREA - height}" width="${slot - 2}" height="${height}" class="bar"><title>${escapeHtml(monthName(month))}: ${count(issues, 'issue')}</title></rect>` : ''}${value}${label}`;
  }).join('');
  const span = `${monthName(months[0])} to ${monthName(months[months.length - 1])}`;
  const rows = dated.map((t) => `<tr><th scope="row">${escapeHtml(monthName(t.month))}</th><td>${t.issues}</td></tr>`).join('');
  return `<figure class="chart" id="${id}">
      <figcaption id="${id}-caption">Issues mentioning ${escapeHtml(subject)}, per month, ${escapeHtml(span)}</figcaption>
      <svg role="img" aria-labelledby="${id}-caption" aria-describedby="${id}-words" class="fits"
           viewBox="0 -16 ${width + 40} ${BAR_AREA + 36}" width="${width + 40}" height="${BAR_AREA + 36}">
        <line x1="0" y1="${BAR_AREA}" x2="${width}" y2="${BAR_AREA}" class="baseline"/>${bars}</svg>
      <p id="${id}-words" class="visually-hidden">${dated.map((t) => `${monthName(t.month)}: ${count(t.issues, 'issue')}`).join('; ')}.</p>
      <details><summary>Show as a table</summary>
        <table><thead><tr><th scope="col">Month</th><th scope="col">Issues</th></tr></thead><tbody>${rows}</tbody></table>
      </details>
    </figure>`;
}

/**
 * Issues per year of the current results, each bar a link that narrows the search to its
 * year (or, when it is the year already chosen, widens it again). years: [{value, count}].
 */
export function yearHistogram(years, chosenYear, hrefFor) {
  const known = years.filter((y) => /^\d{4}$/.test(y.value)).map((y) => ({ year: Number(y.value), issues: y.count }));
  if (!known.length) return '';
  const first = Math.min(...known.map((y) => y.year));
  const last = Math.max(...known.map((y) => y.year));
  const byYear = new Map(known.map((y) => [y.year, y.issues]));
  const most = Math.max(...known.map((y) => y.issues));
  const slot = 34;
  const bars = [];
  for (let year = first, i = 0; year <= last; year += 1, i += 1) {
    const issues = byYear.get(year) || 0;
    const height = issues ? Math.max(3, Math.round((issues / most) * BAR_AREA)) : 0;
    const chosen = String(year) === chosenYear;
    // The name starts with what the bar shows (year, then count), as speech input users say it.
    const label = chosen ? `${year}: ${count(issues, 'issue')}, the year shown; show every year`
      : `${year}: ${count(issues, 'issue')}; show only ${year}`;
    const middle = i * slot + (slot - 4) / 2;
    const bar = `<rect x="${i * slot}" y="0" width="${slot - 4}" height="${BAR_AREA + 36}" class="hit-area"/>
        <rect x="${i * slot + 4}" y="${BAR_AREA - height + 14}" width="${slot - 12}" height="${height}" class="bar"/>
        <text x="${middle}" y="${BAR_AREA + 30}" class="axis">${year}</text>
        <text x="${middle}" y="${BAR_AREA - height + 10}" class="value">${issues}</text>`;
    bars.push(issues
      ? `<a href="${escapeHtml(hrefFor(chosen ? '' : String(year)))}" data-year="${chosen ? '' : year}" aria-label="${escapeHtml(label)}"
           class="year${chosen ? ' chosen' : ''}">${bar}</a>`
      : `<g class="year empty" aria-hidden="true">${bar}</g>`);
  }
  const width = (last - first + 1) * slot;
  return `<figure class="chart years-chart">
      <figcaption id="years-caption">Issues per year: choose a year to see only that year</figcaption>
      <div class="chart-scroll"><svg role="group" aria-labelledby="years-caption" viewBox="0 0 ${width} ${BAR_AREA + 36}"
           width="${width}" height="${BAR_AREA + 36}">${bars.join('')}</svg></div>
    </figure>`;
}
