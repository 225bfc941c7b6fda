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

// The months named under the axis: the first, each January and the last, leaving out a
// January too close to the last for both labels to be read.
const LABEL_WIDTH = 52;  // px: "Nov 2023" at the axis' size, and a gap
function axisLabels(months, slot) {
  const last = months.length - 1;
  const labelled = new Set([0, last]);
  months.forEach((month, i) => {
    if (month.endsWith('-01') && i > 0 && (last - i) * slot >= LABEL_WIDTH && i * slot >= LABEL_WIDTH) labelled.add(i);
  });
  return labelled;
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
  const labelled = axisLabels(months, slot);
  const bars = months.map((month, i) => {
    const issues = byMonth.get(month) || 0;
    const height = issues ? Math.max(3, Math.round((issues / most) * BAR_AREA)) : 0;
    const label = labelled.has(i) ? `<text x="${i * slot}" y="${BAR_AREA + 16}" class="axis">${escapeHtml(shortMonthName(month))}</text>` : '';
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
 * Issues per year of the current results, newest first, one row each, so that every year fits
 * the filters' width however many there are. Each bar is a link that narrows the search to its
 * year (or, when it is the year already chosen, widens it again). years: [{value, count}].
 */
export function yearHistogram(years, chosenYear, hrefFor) {
  const known = years.filter((y) => /^\d{4}$/.test(y.value)).map((y) => ({ year: Number(y.value), issues: y.count }));
  if (!known.length) return '';
  const first = Math.min(...known.map((y) => y.year));
  const last = Math.max(...known.map((y) => y.year));
  const byYear = new Map(known.map((y) => [y.year, y.issues]));
  const most = Math.max(...known.map((y) => y.issues));
  const ROW = 28;  // px: a tap target of at least 24
  const WIDTH = 250;
  const BAR_START = 44;
  const BAR_SPACE = WIDTH - BAR_START - 36;  // room for the count after the longest bar
  const rows = [];
  for (let year = last, i = 0; year >= first; year -= 1, i += 1) {
    const issues = byYear.get(year) || 0;
    const length = issues ? Math.max(3, Math.round((issues / most) * BAR_SPACE)) : 0;
    const chosen = String(year) === chosenYear;
    // The name starts with what the bar shows (year, then count), as speech input users say it.
    const label = chosen ? `${year}: ${count(issues, 'issue')}, the year shown; show every year`
      : `${year}: ${count(issues, 'issue')}; show only ${year}`;
    const top = i * ROW;
    const row = `<rect x="0" y="${top}" width="${WIDTH}" height="${ROW - 2}" class="hit-area"/>
        <text x="0" y="${top + ROW / 2 + 4}" class="axis">${year}</text>
        <rect x="${BAR_START}" y="${top + 5}" width="${length}" height="${ROW - 12}" class="bar"/>
        <text x="${BAR_START + length + 5}" y="${top + ROW / 2 + 4}" class="value">${issues}</text>`;
    rows.push(issues
      ? `<a href="${escapeHtml(hrefFor(chosen ? '' : String(year)))}" data-year="${chosen ? '' : year}" data-bar="${year}"
           aria-label="${escapeHtml(label)}" class="year${chosen ? ' chosen' : ''}">${row}</a>`
      : `<g class="year empty" aria-hidden="true">${row}</g>`);
  }
  const height = rows.length * ROW;
  return `<figure class="chart years-chart">
      <figcaption id="years-caption">Issues per year: choose a year to see only that year</figcaption>
      <svg role="group" aria-labelledby="years-caption" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}"
           class="fits">${rows.join('')}</svg>
    </figure>`;
}
