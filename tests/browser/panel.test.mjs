// The panel above the results when the search is a known name, and the who's who of an
// authority, in the panel and on the authority's page. The corpus and tests/fixtures/roles
// (invented people given roles at real councils, January to March 2031).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { indexCorpus, startSearchd, launchBrowser, waitForStatus, stopAll } from './support.mjs';

let searchd, page;

before(async () => {
  searchd = await startSearchd(indexCorpus({ fixtures: ['roles'] }));
  const browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
});

after(stopAll);

const panel = () => page.locator('#entity-panel');
const whosWho = (scope) => scope.locator('.whos-who li').allInnerTexts();

test('a search that is a known person shows who she is above the results', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/?q=Pat+Bullen`);
  await waitForStatus(page, /issues? for “Pat Bullen”/);
  await panel().waitFor();
  assert.equal(await panel().locator('h3').first().innerText(), 'Pat Bullen');
  assert.match(await panel().locator('.panel-kind').innerText(), /Person · Your search is this person/);
  assert.match(await panel().innerText(), /Mentioned in \d+ issues?, first in \w+ \d{4}, last in \w+ \d{4}/);
  assert.equal(await panel().locator('svg[role=img]').count(), 1, 'the mentions per month');
  assert.ok(await page.evaluate(() => Boolean(document.getElementById('entity-panel')
    .compareDocumentPosition(document.querySelector('#hits li')) & Node.DOCUMENT_POSITION_FOLLOWING)), 'the panel comes before the hits');
  await panel().getByRole('link', { name: 'The page of Pat Bullen' }).click();
  await page.locator('#reader h2', { hasText: 'Pat Bullen' }).waitFor();
  assert.match(page.url(), /entity=people&name=Pat\+Bullen/);
});

test('a name among other words is said to be part of the search; plain words show no panel', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/?q=${encodeURIComponent('Pat Bullen transitions')}`);
  await page.locator('#entity-panel .panel-kind').waitFor();
  assert.match(await panel().locator('.panel-kind').innerText(), /Your search names this person/);
  await page.goto(`${searchd.origin}/?q=care`);
  await waitForStatus(page, /issues? for “care”/);
  assert.ok(await panel().isHidden());
});

test('choosing an authority among the suggestions opens its panel, with its who\'s who newest first', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/`);
  await page.locator('#q').pressSequentially('rutla', { delay: 30 });
  const option = page.locator('#suggestions [role=option][data-kind=authority]', { hasText: 'Rutland' });
  await option.waitFor();
  await option.click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('panel') === 'authorities');
  await page.locator('#entity-panel .whos-who').waitFor();
  assert.equal(await panel().locator('h3').first().innerText(), 'Rutland');
  assert.deepEqual(await whosWho(panel()), [
    'Tobias Fenwick, DCS (last mentioned February 2031)',
    'Lachlan Petrie, Assistant Director of Education (last mentioned January 2031)',
  ]);
  await waitForStatus(page, /issues? for “Rutland”/);
});

test('an authority\'s page lists the people named with a role there, each role as last written', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/?entity=authorities&name=Torbay`);
  await page.locator('#reader .whos-who').waitFor();
  assert.deepEqual(await whosWho(page.locator('#reader')),
    ['Imogen Ashdown, Director of Children\'s Services (last mentioned March 2031)']);
  await page.locator('#reader .whos-who a', { hasText: 'Imogen Ashdown' }).click();
  await page.locator('#reader h2', { hasText: 'Imogen Ashdown' }).waitFor();
  await page.goto(`${searchd.origin}/?entity=people&name=${encodeURIComponent('Pat Bullen')}`);
  await page.locator('#reader h2', { hasText: 'Pat Bullen' }).waitFor();
  assert.equal(await page.locator('#reader .whos-who').count(), 0, 'a person has no who\'s who');
});
