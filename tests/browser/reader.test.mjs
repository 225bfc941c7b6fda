// The reader and the pages of people, authorities and programmes, as a shared link opens them:
// Back to results without history, a reload, the filters while reading, the mentions chart,
// names as links, and the feeds each page offers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { indexCorpus, startSearchd, launchBrowser, stopAll } from './support.mjs';

let searchd, browser;
const SHARED = '?q=Pat+Bullen&authority=Solihull&issue=001_bdbd675849e79961&section=2';

before(async () => {
  searchd = await startSearchd(indexCorpus());
  browser = await launchBrowser();
});

after(stopAll);

// A fresh tab: no history of its own, as when a link is opened from an email.
async function freshTab(url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${searchd.origin}/${url}`);
  return page;
}

test('"Back to results" from a shared issue link rebuilds the search it came from', { timeout: 30000 }, async () => {
  const page = await freshTab(SHARED);
  await page.waitForSelector('#reader section.target mark');
  await page.getByRole('button', { name: '← Back to results' }).click();
  await page.waitForSelector('#hits li h3');
  assert.equal(new URL(page.url()).search, '?q=Pat+Bullen&authority=Solihull');
  assert.match(await page.locator('#status').innerText(), /for “Pat Bullen”/);
  assert.match(await page.locator('#chips').innerText(), /Authority: Solihull/);
  await page.context().close();
});

test('reloading the reader shows the issue again, and filters are not offered while reading', { timeout: 30000 }, async () => {
  const page = await freshTab(SHARED);
  await page.waitForSelector('#reader section.target');
  await page.reload();
  await page.waitForSelector('#reader section.target mark');
  assert.match(await page.locator('#reader h2').innerText(), /November 2023/);
  for (const part of ['#filters', '#facet-people', '#from', '#hits'])
    assert.ok(await page.locator(part).isHidden(), `${part} is shown beside the issue`);
  assert.match(await page.title(), /^Regional Update – November 2023 – /);
  await page.context().close();
});

test('an entity page charts its mentions per month, with the months in a table behind the chart', { timeout: 30000 }, async () => {
  const page = await freshTab('?entity=people&name=Pat%20Bullen');
  const chart = page.locator('#timeline svg[role=img]');
  await chart.waitFor();
  const caption = await page.locator(`#${await chart.getAttribute('aria-labelledby')}`).innerText();
  assert.match(caption, /Pat Bullen, per month, April 2022 to November 2023/);
  assert.equal(await page.locator('#timeline svg rect.bar').count(), 3);
  assert.match(await page.locator(`#${await chart.getAttribute('aria-describedby')}`).textContent(),
    /April 2022: 1 issue; July 2022: 1 issue; November 2023: 1 issue/);
  await page.getByText('Show as a table').click();
  assert.deepEqual(await page.locator('#timeline table tbody th').allInnerTexts(), ['April 2022', 'July 2022', 'November 2023']);
  await page.context().close();
});

test("the people, authorities and programmes on an entity page lead to their own pages", { timeout: 30000 }, async () => {
  const page = await freshTab('?entity=people&name=Pat%20Bullen');
  await page.waitForSelector('#entity-summary');
  await page.locator('#reader .companions a', { hasText: 'Telford and Wrekin' }).click();
  await page.waitForFunction(() => /Telford and Wrekin/.test(document.querySelector('#reader h2').textContent));
  assert.match(page.url(), /entity=authorities&name=Telford\+and\+Wrekin/);
  assert.match(await page.locator('#entity-summary').innerText(), /Mentioned in 3 issues/);
  await page.goBack();
  await page.waitForFunction(() => /Pat Bullen/.test(document.querySelector('#reader h2').textContent));
  await page.context().close();
});

test('searches and entity pages name their Atom feed, for a feed reader to follow', { timeout: 30000 }, async () => {
  const page = await freshTab('?q=Telford%20and%20Wrekin');
  await page.waitForSelector('#hits li h3');
  const feed = page.locator('link[rel=alternate][type="application/atom+xml"]');
  assert.equal(await feed.getAttribute('href'), '/api/search.atom?q=Telford+and+Wrekin');
  const search = await page.request.get(`${searchd.origin}${await feed.getAttribute('href')}`);
  assert.match(search.headers()['content-type'], /^application\/atom\+xml/);
  assert.match(await search.text(), /<entry>/);
  await page.goto(`${searchd.origin}/?entity=people&name=Pat%20Bullen`);
  await page.waitForSelector('#entity-summary');
  assert.equal(await feed.getAttribute('href'), '/api/entities/people/Pat%20Bullen.atom');
  assert.equal(await page.getByRole('link', { name: 'Follow Pat Bullen' }).getAttribute('href'), '/api/entities/people/Pat%20Bullen.atom');
  const entity = await page.request.get(`${searchd.origin}/api/entities/people/Pat%20Bullen.atom`);
  assert.equal((await entity.text()).match(/<entry>/g).length, 3);
  await page.context().close();
});
