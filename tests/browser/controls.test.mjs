// What users of good search pages expect beside the box: a sort order, one button to clear
// every filter, and a per-year histogram of the results that is also the date filter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { searchPageOnCorpus, stopAll } from './support.mjs';

let searchd, page;

before(async () => { ({ searchd, page } = await searchPageOnCorpus()); });

after(stopAll);

const months = () => page.locator('#hits li .meta').allInnerTexts();
const monthValue = (text) => {
  const [name, year] = text.split(' · ')[0].split(' ');
  return `${year}-${String(new Date(`${name} 1, 2000`).getMonth() + 1).padStart(2, '0')}`;
};

test('the sort control orders the hits by relevance, newest or oldest', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/?q=care`);
  await page.waitForSelector('#hits li h3');
  assert.equal(await page.getByLabel('Sort').inputValue(), '');
  for (const [choice, order] of [['newest', -1], ['oldest', 1]]) {
    await page.getByLabel('Sort').selectOption(choice);
    await page.waitForFunction((sort) => new URLSearchParams(location.search).get('sort') === sort
      && document.getElementById('results').getAttribute('aria-busy') === 'false', choice);
    const dates = (await months()).map(monthValue);
    const sorted = [...dates].sort((a, b) => order * a.localeCompare(b));
    assert.deepEqual(dates, sorted, `${choice}: ${dates}`);
  }
  await page.reload();
  await page.waitForSelector('#hits li h3');
  assert.equal(await page.getByLabel('Sort').inputValue(), 'oldest');
});

test('"Clear all filters" removes every filter and keeps the words', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/?q=care&authority=Solihull&person=Pat+Bullen&from=2022-01&to=2023-12`);
  await page.waitForSelector('#chips button');
  assert.equal(await page.locator('#chips button').count(), 4);
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await page.waitForFunction(() => !document.querySelector('#chips button'));
  assert.equal(new URL(page.url()).search, '?q=care');
  await page.waitForFunction(() => document.querySelectorAll('#hits li h3').length === 4);
  assert.ok(await page.getByRole('button', { name: 'Clear all filters' }).isHidden());
});

test('the per-year histogram counts the results and filters by a year when one is chosen', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/?q=care`);
  await page.waitForSelector('#years a[data-year]');
  const bars = page.locator('#years a[data-year]');
  assert.deepEqual(await bars.evaluateAll((links) => links.map((a) => a.getAttribute('aria-label'))),
    ['2023: 1 issue; show only 2023', '2022: 3 issues; show only 2022']);  // newest first
  assert.match(await page.locator('#years-caption').innerText(), /Issues per year/);
  await bars.first().focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /from=2023-01&to=2023-12/.test(location.search));
  await page.waitForFunction(() => document.querySelectorAll('#hits li h3').length === 1);
  assert.equal(await page.locator('#chips').innerText(), 'Year: 2023');
  const chosen = page.locator('#years a.chosen');
  assert.match(await chosen.getAttribute('aria-label'), /^2023: 1 issue, the year shown/);
  await chosen.click();
  await page.waitForFunction(() => !/from=/.test(location.search));
  await page.waitForFunction(() => document.querySelectorAll('#hits li h3').length === 4);
});
