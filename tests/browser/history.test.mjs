// History and focus: each search is an entry of its own that Back restores whole (words and
// results together), and leaving the results (an issue, a name's page, a year) and coming back
// puts the focus where the person was, never on <body>.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { searchPageOnCorpus, stopAll, waitForStatus as statusMatches } from './support.mjs';

let searchd, page;

before(async () => { ({ searchd, page } = await searchPageOnCorpus()); });

after(stopAll);

const waitForStatus = (pattern) => statusMatches(page, pattern);
const focused = () => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el.tagName.toLowerCase(), issue: el.dataset.issue, section: el.dataset.section, bar: el.dataset.bar,
    key: el.dataset.focusKey, text: el.textContent.trim() };
});

test('three searches typed and sent with Enter are three history entries, and Back shows each with its own words', { timeout: 60000 }, async () => {
  await page.goto(`${searchd.origin}/`);
  await waitForStatus(/^All 5 issues$/);
  const start = await page.evaluate(() => history.length);
  for (const words of ['care', 'Pat Bullen', 'leadership']) {
    await page.locator('#q').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(words, { delay: 40 });
    await page.keyboard.press('Enter');
    await waitForStatus(new RegExp(`issues? for “${words}”$`));
  }
  assert.equal(await page.evaluate(() => history.length), start + 3);
  for (const words of ['Pat Bullen', 'care']) {
    await page.goBack();
    await waitForStatus(new RegExp(`issues? for “${words}”$`));
    assert.equal(await page.locator('#q').inputValue(), words, 'the box reads another search than the results');
  }
  await page.goBack();
  await waitForStatus(/^All 5 issues$/);
  assert.equal(new URL(page.url()).origin, searchd.origin, 'Back from the first search left the page');
  assert.equal(await page.locator('#q').inputValue(), '');
});

test('Back to results, by the button or the browser, puts the focus on the hit that was opened', { timeout: 60000 }, async () => {
  await page.goto(`${searchd.origin}/?q=care`);
  await page.waitForSelector('#hits li h3 a');
  const second = page.locator('#hits li h3 a').nth(1);
  const opened = { issue: await second.getAttribute('data-issue'), section: await second.getAttribute('data-section') };
  await second.click();
  await page.waitForSelector('#reader section.target');
  await page.locator('#reader .back').click();
  await page.waitForSelector('#hits li h3 a');
  await page.waitForFunction(() => document.activeElement !== document.body);
  assert.deepEqual(await focused().then(({ issue, section }) => ({ issue, section })), opened);

  await second.click();
  await page.waitForSelector('#reader section.target');
  await page.goBack();
  await page.waitForFunction(() => document.activeElement.dataset.issue);
  assert.deepEqual(await focused().then(({ issue, section }) => ({ issue, section })), opened);

  // From a shared link of the reader, there is no history: the issue read is found among the hits.
  await page.goto(`${searchd.origin}/?q=care&issue=${opened.issue}&section=${opened.section}`);
  await page.waitForSelector('#reader section.target');
  await page.locator('#reader .back').click();
  await page.waitForFunction(() => document.activeElement.dataset.issue);
  assert.equal((await focused()).issue, opened.issue);
});

test('a name\'s page takes the focus on its heading, and Back to results returns it to the link that opened it', { timeout: 60000 }, async () => {
  await page.goto(`${searchd.origin}/?q=Pat%20Bullen`);
  const about = page.locator('#facet-people li', { hasText: 'Pat Bullen' }).locator('a.about');
  await about.click();
  await page.waitForSelector('#entity-summary');
  const onPage = await focused();
  assert.equal(onPage.tag, 'h2');
  assert.equal(onPage.text, 'Pat Bullen');
  await page.locator('#reader .back').click();
  await page.waitForFunction(() => document.activeElement.classList.contains('about'));
  assert.equal((await focused()).key, 'about|people|Pat Bullen');
});

test('choosing a year bar keeps the focus on that bar', { timeout: 60000 }, async () => {
  await page.goto(`${searchd.origin}/?q=care`);
  const bar = page.locator('#years a[data-year="2022"]');
  await bar.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /from=2022-01&to=2022-12/.test(location.search));
  await page.waitForSelector('#years a.chosen');
  await page.waitForFunction(() => document.activeElement !== document.body);
  const now = await focused();
  assert.equal(now.tag, 'a');
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), /^2022: .*the year shown/);
});
