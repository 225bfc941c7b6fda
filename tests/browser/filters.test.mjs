// The filters as the years grow and on a phone: every year of the chart in view at a laptop's
// width, a chosen year that leaves the other years their counts, and a phone's filter panel
// that shows a ticked filter's results at once, says how many, and closes with Escape.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { indexCorpus, startSearchd, launchBrowser, stopAll } from './support.mjs';

let searchd, browser;

before(async () => {
  // 25 generated issues of 2015-2017 beside the real ones of 2022-2023: nine years of bars.
  searchd = await startSearchd(indexCorpus({ generated: 25 }));
  browser = await launchBrowser();
});

after(stopAll);

const yearCounts = (page) => page.locator('#years a.year').evaluateAll((bars) => Object.fromEntries(bars.map((bar) => {
  const [, year, issues] = bar.getAttribute('aria-label').match(/^(\d{4}): (\d+) issues?/);
  return [year, Number(issues)];
})));

test('at 1366 px the year chart shows every year, the newest too, with nothing hidden to the side', { timeout: 30000 }, async (t) => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  t.after(() => page.close());
  await page.goto(`${searchd.origin}/`);
  await page.waitForSelector('#years a.year');
  const { years } = await (await page.request.get(`${searchd.origin}/api/search`)).json().then((body) => body.facets);
  const span = Math.max(...years.map((y) => Number(y.value))) - Math.min(...years.map((y) => Number(y.value))) + 1;
  assert.ok(span >= 8, `only ${span} years to chart`);
  const layout = await page.evaluate(() => {
    const panel = document.getElementById('filters').getBoundingClientRect();
    const bars = [...document.querySelectorAll('#years a.year')].map((bar) => ({ year: bar.getAttribute('aria-label').slice(0, 4), box: bar.getBoundingClientRect() }));
    const scrolled = [...document.querySelectorAll('#years *')].filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible');
    return { panel: { left: panel.left, right: panel.right }, bars, scrolled: scrolled.length };
  });
  assert.equal(layout.scrolled, 0, 'a part of the chart scrolls sideways');
  assert.deepEqual(layout.bars.map((b) => b.year).sort(), years.map((y) => y.value).sort());
  for (const { year, box } of layout.bars) {
    assert.ok(box.left >= layout.panel.left - 1 && box.right <= layout.panel.right + 1, `${year} is outside the filters (${box.left}-${box.right})`);
    assert.ok(box.width > 0 && box.height >= 24, `${year}'s bar is ${box.width}×${box.height}`);
  }
});

test('choosing a year makes one chip, and the other years keep their counts', { timeout: 30000 }, async (t) => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  t.after(() => page.close());
  await page.goto(`${searchd.origin}/?q=care`);
  await page.waitForSelector('#years a.year');
  const before = await yearCounts(page);
  assert.ok(Object.keys(before).length >= 3);
  await page.locator('#years a[data-year="2022"]').click();
  await page.waitForFunction(() => /from=2022-01&to=2022-12/.test(location.search));
  await page.waitForSelector('#years a.chosen');
  assert.deepEqual(await page.locator('#chips button').allInnerTexts(), ['Year: 2022']);
  assert.deepEqual(await yearCounts(page), before);
  assert.equal(Number(/^(\d+)/.exec(await page.locator('#status').innerText())[1]), before['2022']);
  await page.locator('#chips button').click();
  await page.waitForFunction(() => !/from=|to=/.test(location.search));
});

test('on a phone a ticked filter shows its results at once; "Show N results" counts them; Escape closes the panel', { timeout: 30000 }, async (t) => {
  const phone = await browser.newPage({ viewport: { width: 375, height: 812 } });
  t.after(() => phone.close());
  await phone.goto(`${searchd.origin}/?q=care`);
  await phone.waitForSelector('#hits li h3 a');
  await phone.locator('#filters-toggle').click();
  const box = phone.locator('#facet-authorities input[type=checkbox]').last();
  const value = await box.getAttribute('value');
  await box.check();
  await phone.waitForFunction((v) => new URLSearchParams(location.search).get('authority') === v, value);
  await phone.waitForFunction(() => document.getElementById('results').getAttribute('aria-busy') === 'false');
  assert.ok(await phone.locator('#facet-people').isHidden(), 'the panel is still open over the results');
  const first = await phone.locator('#hits li').first().boundingBox();
  assert.ok(first.y >= 0 && first.y + 40 < 812, `the first result is ${Math.round(first.y)} px down`);
  assert.equal(await phone.evaluate(() => document.activeElement.id), 'results-heading');
  assert.match(await phone.locator('#chips').innerText(), new RegExp(`Authority: ${value}`));

  const total = Number(/^(\d+)/.exec(await phone.locator('#status').innerText())[1]);
  await phone.getByRole('button', { name: 'Filters (1)' }).click();
  const show = phone.getByRole('button', { name: /^Show \d+ results?$/ });
  assert.equal(Number(/\d+/.exec(await show.innerText())[0]), total);
  await phone.locator('#facet-people input[type=checkbox]').first().focus();
  await phone.keyboard.press('Escape');
  assert.ok(await phone.locator('#facet-people').isHidden(), 'Escape left the panel open');
  assert.equal(await phone.evaluate(() => document.activeElement.id), 'filters-toggle');
});
