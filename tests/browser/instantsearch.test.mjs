// The InstantSearch example page (instantsearch.js + instant-meilisearch from npm) against
// searchd's Meilisearch-compatible API, from a page of another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { here, repo, indexCorpus, startSearchd, startStatic, launchBrowser, screenshot, stopAll } from './support.mjs';

let page;
const modules = path.join(here, 'node_modules');

before(async () => {
  const host = await startStatic({
    '/instantsearch.html': path.join(repo, 'searchd/web/examples/instantsearch.html'),
    '/vendor/instantsearch.production.min.js': path.join(modules, 'instantsearch.js/dist/instantsearch.production.min.js'),
    '/vendor/instant-meilisearch.umd.min.js':
      path.join(modules, '@meilisearch/instant-meilisearch/dist/instant-meilisearch.umd.min.js'),
  });
  const searchd = await startSearchd(indexCorpus(), [host.origin]);
  const browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(`${host.origin}/instantsearch.html?searchd=${encodeURIComponent(searchd.origin)}`);
});

after(stopAll);

const hits = () => page.locator('.ais-Hits-item');

test('lists every issue before anything is typed', { timeout: 30000 }, async () => {
  await page.waitForSelector('.ais-Hits-item');
  assert.equal(await hits().count(), 5);
  assert.ok(await page.locator('#authorities .ais-RefinementList-item').count() > 3);
});

test('a name finds its three issues with highlighted snippets', { timeout: 30000 }, async () => {
  await page.fill('.ais-SearchBox-input', 'Pat Bullen');
  await page.waitForFunction(() => document.querySelectorAll('.ais-Hits-item').length === 3);
  assert.ok(await page.locator('.ais-Hits-item .snippet mark').count() >= 3);
  await screenshot(page, 'instantsearch-pat-bullen');
});

test('a refinement narrows the hits and is reflected in the counts', { timeout: 30000 }, async () => {
  const telford = page.locator('#authorities .ais-RefinementList-item', { hasText: 'Telford and Wrekin' });
  assert.equal(await telford.locator('.ais-RefinementList-count').innerText(), '2');
  await telford.locator('input[type=checkbox]').check();
  await page.waitForFunction(() => document.querySelectorAll('.ais-Hits-item').length === 2);
  // Disjunctive: the refined facet keeps its other values.
  assert.ok(await page.locator('#authorities .ais-RefinementList-item').count() > 1);
  await telford.locator('input[type=checkbox]').uncheck();
  await page.waitForFunction(() => document.querySelectorAll('.ais-Hits-item').length === 3);
});

test('pagination moves through the whole archive', { timeout: 30000 }, async () => {
  await page.fill('.ais-SearchBox-input', '');
  await page.waitForFunction(() => document.querySelectorAll('.ais-Hits-item').length === 5);
  assert.ok(await page.locator('.ais-Pagination-item--page').count() >= 1);
});
