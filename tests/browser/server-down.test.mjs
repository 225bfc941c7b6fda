// When searchd goes down: the page and the widget say what is known (the server could not be
// reached), leave nothing of the last answer to be read as the current one (suggestions,
// filter counts, the tab's title), and Try again works once it is back. The widget's hint
// about --cors-origin is only for a server that answers but does not allow the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { repo, indexCorpus, startSearchd, startStatic, launchBrowser, stopAll } from './support.mjs';

let db, host, browser;

before(async () => {
  db = indexCorpus();
  host = await startStatic({ '/widget-host.html': path.join(repo, 'searchd/web/examples/widget-host.html') });
  browser = await launchBrowser();
});

after(stopAll);

test('the page: nothing of the last answer stays when the server goes down, and Try again works when it is back', { timeout: 60000 }, async (t) => {
  let searchd = await startSearchd(db);
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  t.after(() => page.close());
  await page.goto(`${searchd.origin}/`);
  await page.waitForSelector('#facet-people input[type=checkbox]');
  await page.locator('#q').pressSequentially('pat b', { delay: 40 });
  await page.waitForSelector('#suggestions li');
  await page.waitForFunction(() => /for “pat b”/.test(document.getElementById('status').textContent));
  await searchd.stop();
  await page.keyboard.type('u');
  const problem = page.getByRole('alert');
  await problem.waitFor();
  assert.match(await problem.innerText(), /could not be reached/);
  await page.waitForTimeout(300);  // the suggestion request, failed too
  assert.ok(await page.locator('#suggestions').isHidden(), 'the suggestions of the last words are still open');
  assert.equal(await page.locator('#filters input[type=checkbox]:visible').count(), 0, 'the last search\'s filter counts are still shown');
  assert.equal(await page.locator('#years a').count(), 0);
  assert.match(await page.title(), /“pat bu”/);
  searchd = await startSearchd(db, [], { port: searchd.port });
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.waitForFunction(() => /for “pat bu”/.test(document.getElementById('status').textContent));
  assert.ok(await problem.isHidden());
  assert.ok(await page.locator('#facet-people input[type=checkbox]').first().isVisible());
});

const widgetStatus = (page) => page.locator('[data-wmsearch] [role=status]');

test('the widget: a server that goes down is said to be unreachable, with Try again, and its suggestions close', { timeout: 60000 }, async (t) => {
  let searchd = await startSearchd(db, [host.origin]);
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  t.after(() => page.close());
  await page.goto(`${host.origin}/widget-host.html?searchd=${encodeURIComponent(searchd.origin)}`);
  const box = page.locator('[data-wmsearch] input');
  await box.pressSequentially('pat b', { delay: 40 });
  await page.locator('[data-wmsearch] [role=option]').first().waitFor();
  await searchd.stop();
  await box.press('u');
  await page.waitForFunction(() => /could not be reached/.test(
    document.querySelector('[data-wmsearch]').shadowRoot.querySelector('[role=status]').textContent));
  const words = await widgetStatus(page).innerText();
  assert.doesNotMatch(words, /allow this site|cors-origin/);
  assert.ok(await page.locator('[data-wmsearch] [role=listbox]').isHidden(), 'the old suggestions are still open');
  searchd = await startSearchd(db, [host.origin], { port: searchd.port });
  await page.locator('[data-wmsearch]').getByRole('button', { name: 'Try again' }).click();
  await page.waitForFunction(() => document.querySelector('[data-wmsearch]').shadowRoot.querySelectorAll('ol li').length > 0);
  assert.match(await widgetStatus(page).innerText(), /issues? ·/);
});

test('the widget: a server down when the host page loads leaves words in the box, not an empty box', { timeout: 30000 }, async (t) => {
  const searchd = await startSearchd(db, [host.origin]);
  await searchd.stop();
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  t.after(() => page.close());
  await page.goto(`${host.origin}/widget-host.html?searchd=${encodeURIComponent(searchd.origin)}`);
  await page.waitForLoadState('networkidle');
  const words = await page.locator('[data-wmsearch]').innerText();
  assert.match(words, /could not be reached/);
  assert.ok((await page.locator('[data-wmsearch]').boundingBox()).height > 0);
});

test('the widget: a box the page adds after loading is mounted, and the fallback words are hidden', { timeout: 30000 }, async (t) => {
  const searchd = await startSearchd(db, [host.origin]);
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  t.after(() => page.close());
  await page.goto(`${host.origin}/widget-host.html?searchd=${encodeURIComponent(searchd.origin)}`);
  await page.locator('[data-wmsearch] input').waitFor();
  assert.doesNotMatch(await page.locator('body').innerText(), /could not be reached/);
  await page.evaluate(() => {
    const later = document.createElement('div');
    later.id = 'later';
    later.append(Object.assign(document.createElement('div'), { className: 'box' }));
    later.firstChild.dataset.wmsearch = '';
    document.body.append(later);
  });
  const input = page.locator('#later [data-wmsearch] input');
  await input.waitFor({ timeout: 5000 });
  await input.pressSequentially('Family Hubs', { delay: 20 });
  await page.waitForFunction(() => document.querySelector('#later [data-wmsearch]').shadowRoot.querySelectorAll('ol li').length === 3);
});
