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

test('searches and entity pages name their Atom feed, and Follow leads to a page that gives its address to copy', { timeout: 30000 }, async () => {
  const page = await freshTab('?q=Telford%20and%20Wrekin');
  await page.waitForSelector('#hits li h3');
  const feed = page.locator('link[rel=alternate][type="application/atom+xml"]');
  assert.equal(await feed.getAttribute('href'), '/api/search.atom?q=Telford+and+Wrekin');
  const search = await page.request.get(`${searchd.origin}${await feed.getAttribute('href')}`);
  assert.match(search.headers()['content-type'], /^application\/atom\+xml/);
  assert.match(await search.text(), /<entry>/);
  await page.getByRole('link', { name: 'Follow this search' }).click();
  await page.waitForSelector('#feed-address');
  assert.equal(await page.locator('#feed-address').inputValue(), `${searchd.origin}/api/search.atom?q=Telford+and+Wrekin`);

  await page.goto(`${searchd.origin}/?entity=people&name=Pat%20Bullen`);
  await page.waitForSelector('#entity-summary');
  assert.equal(await feed.getAttribute('href'), '/api/entities/people/Pat%20Bullen.atom');
  await page.getByRole('link', { name: 'Follow Pat Bullen' }).click();
  await page.waitForSelector('#feed-address');
  assert.match(page.url(), /follow=1/);
  assert.equal(await page.locator('#reader h2').innerText(), 'Follow Pat Bullen in a feed reader');
  assert.match(await page.locator('#reader').innerText(), /feed reader/);
  const address = await page.locator('#feed-address').inputValue();
  assert.equal(address, `${searchd.origin}/api/entities/people/Pat%20Bullen.atom`);
  const entity = await page.request.get(address);
  assert.match(entity.headers()['content-type'], /^application\/atom\+xml/);
  assert.equal((await entity.text()).match(/<entry>/g).length, 3);
  await page.getByRole('button', { name: 'Copy the address' }).click();
  await page.waitForFunction(() => document.getElementById('copy-done').textContent !== '');
  await page.context().close();
});

test('an entity page\'s chart names its last month under the last bar', { timeout: 30000 }, async () => {
  const page = await freshTab('?entity=people&name=Pat%20Bullen');
  await page.waitForSelector('#timeline svg');
  const labels = await page.locator('#timeline text.axis').allTextContents();
  assert.equal(labels[0], 'Apr 2022');
  assert.equal(labels[labels.length - 1], 'Nov 2023', `labels: ${labels.join(', ')}`);
  const overlaps = await page.locator('#timeline text.axis').evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect())
    .some((box, i, boxes) => i > 0 && box.left < boxes[i - 1].right));
  assert.ok(!overlaps, 'two month labels overlap');
  await page.context().close();
});

test('on a phone the reader opens at the matching section with the title and Back to results on screen', { timeout: 30000 }, async () => {
  const id = '001_bdbd675849e79961';
  const { sections } = await (await fetch(`${searchd.origin}/api/issues/${id}`)).json();
  const last = sections.length - 1;
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  await page.goto(`${searchd.origin}/?q=care&issue=${id}&section=${last}`);
  await page.waitForSelector('#reader section.target');
  await page.waitForTimeout(200);
  const onScreen = async (locator, what) => {
    const box = await locator.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + Math.min(box.height, 40) <= 812, `${what} is at ${box && Math.round(box.y)} px`);
  };
  await onScreen(page.getByRole('button', { name: '← Back to results' }), 'Back to results');
  await onScreen(page.locator('#reader h2'), 'the title');
  await onScreen(page.locator('#reader section.target'), 'the matching section');
  const head = await page.locator('#reader .reader-head').boundingBox();
  const section = await page.locator('#reader section.target').boundingBox();
  assert.ok(section.y >= head.y + head.height - 1, 'the section starts under the title');
  // The sections before it are a tap away, not gone.
  await page.getByText(`Show the ${last} sections before this one`).click();
  assert.ok(await page.locator('#section-0').isVisible());
  await context.close();
});
