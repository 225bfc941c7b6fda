// The search page served by searchd, and the widget on a page of another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { repo, indexCorpus, startSearchd, startStatic, launchBrowser, screenshot, stopAll } from './support.mjs';

let browser, searchd, host, page;

before(async () => {
  host = await startStatic({ '/widget-host.html': path.join(repo, 'searchd/web/examples/widget-host.html') });
  searchd = await startSearchd(indexCorpus(), [host.origin]);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
});

after(stopAll);

const hitTitles = () => page.locator('#hits li h3').allInnerTexts();
const waitForHits = (n) => page.waitForFunction((count) => document.querySelectorAll('#hits li').length === count, n);

test('typing a name shows its three issues with highlighted snippets', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/`);
  await waitForHits(5);  // every issue, newest first, before anything is typed
  await page.locator('#q').pressSequentially('Pat Bullen', { delay: 20 });
  await waitForHits(3);
  assert.ok(await page.locator('#hits .snippet mark').count() >= 3);
  assert.match(page.url(), /q=Pat\+Bullen/);
  await screenshot(page, 'page-desktop');
});

test('an authority filter narrows the list, changes the other counts, and its chip removes it', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/?q=care`);
  await page.waitForSelector('#hits li');
  const before = await page.locator('#hits li').count();
  const peopleBefore = await page.locator('#facet-people').innerText();
  await page.locator('#facet-authorities label', { hasText: 'Staffordshire' }).locator('input').check();
  await page.waitForFunction((n) => document.querySelectorAll('#hits li').length < n, before);
  assert.notEqual(await page.locator('#facet-people').innerText(), peopleBefore);
  assert.match(page.url(), /authority=Staffordshire/);
  await page.locator('#chips .chip', { hasText: 'Staffordshire' }).click();
  await waitForHits(before);
  assert.doesNotMatch(page.url(), /authority=/);
});

test('a suggestion can be chosen with the keyboard', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/`);
  await page.locator('#q').pressSequentially('pat b', { delay: 30 });
  await page.waitForSelector('#suggestions li');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#suggestions li[aria-selected="true"]').innerText().then((t) => t.split('\n')[0]), 'Pat Bullen');
  await page.keyboard.press('Enter');
  await waitForHits(3);
  assert.equal(await page.locator('#q').inputValue(), 'Pat Bullen');
  assert.ok(await page.locator('#suggestions').isHidden());
});

test('a hit opens the issue at its section with the words marked, and Back returns', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/?q=CRABBB`);
  await page.waitForSelector('#hits li a');
  const title = (await hitTitles())[0];
  await page.locator('#hits li a').first().click();
  await page.waitForSelector('#reader:not([hidden]) section.target');
  assert.equal(await page.locator('#reader h2').innerText(), title);
  assert.ok(await page.locator('#reader section.target mark').count() >= 1);
  await page.goBack();
  await page.waitForSelector('#hits li');
  assert.ok(await page.locator('#reader').isHidden());
});

test('a shared URL restores the same search, filters and page', { timeout: 30000 }, async () => {
  const url = `${searchd.origin}/?q=leadership&authority=Solihull&from=2023-01`;
  await page.goto(url);
  await page.waitForSelector('#hits li');
  const first = await hitTitles();
  await page.reload();
  await page.waitForSelector('#hits li');
  assert.deepEqual(await hitTitles(), first);
  assert.equal(await page.locator('#q').inputValue(), 'leadership');
  assert.ok(await page.locator('#facet-authorities input[value="Solihull"]').isChecked());
  assert.equal(await page.locator('#from').inputValue(), '2023-01');
});

test('a misspelling offers the correction; nonsense says so', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/?q=safegaurding`);
  await page.waitForSelector('#corrected');
  assert.match(await page.locator('#did-you-mean').innerText(), /Showing results for safeguarding/);
  assert.ok(await page.locator('#hits li').count() >= 1);
  await page.locator('#corrected').click();
  await page.waitForSelector('#hits li');
  assert.equal(await page.locator('#q').inputValue(), 'safeguarding');
  await page.goto(`${searchd.origin}/?q=zzzqqqxx`);
  await page.waitForFunction(() => /No results/.test(document.getElementById('status').textContent));
});

test('a facet value links to its page: mentions, roles, and on to the issue', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/?q=Pat%20Bullen`);
  await page.waitForSelector('#facet-people a.about');
  await page.locator('#facet-people li', { hasText: 'Pat Bullen' }).locator('a.about').click();
  await page.waitForSelector('#entity-summary');
  assert.match(await page.locator('#entity-summary').innerText(), /3 issues, April 2022 to November 2023/);
  assert.match(await page.locator('#reader').innerText(), /SEND Regional Coordinator/);
  assert.match(page.url(), /entity=people/);
  await page.locator('#reader .mentions a').first().click();
  await page.waitForSelector('#reader section.target mark');
  assert.equal(await page.locator('#reader h2').innerText(), 'Regional Update – November 2023');
});

test('at phone width nothing scrolls sideways', { timeout: 30000 }, async () => {
  const phone = await browser.newPage({ viewport: { width: 375, height: 800 } });
  await phone.goto(`${searchd.origin}/?q=care%20leaver%20offer`);
  await phone.waitForSelector('#hits li');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await screenshot(phone, 'page-phone');
  await phone.close();
});

test('the widget on a page of another origin finds issues', { timeout: 30000 }, async () => {
  const other = await browser.newPage();
  await other.goto(`${host.origin}/widget-host.html?searchd=${encodeURIComponent(searchd.origin)}`);
  const box = other.locator('[data-wmsearch] input');  // Playwright pierces the shadow root
  await box.waitFor();
  await box.pressSequentially('Family Hubs', { delay: 20 });
  await other.waitForFunction(() => {
    const root = document.querySelector('[data-wmsearch]').shadowRoot;
    return root && root.querySelectorAll('ol li').length === 3;
  });
  assert.ok(await other.locator('[data-wmsearch] li mark').count() >= 1);
  await screenshot(other, 'widget-host');
  await other.close();
});
