// Around the results: each issue's other matching sections (sub-results), the part typed marked
// in suggestions, recent searches on an empty box, "/" to the box, filters offered for dropping
// when nothing is found, and in the reader the related issues and the next or previous match.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { searchPageOnCorpus, waitForStatus, stopAll } from './support.mjs';

let searchd, page;

before(async () => { ({ searchd, page } = await searchPageOnCorpus()); });

after(stopAll);

const api = async (path) => (await fetch(`${searchd.origin}${path}`)).json();

test('each issue shows up to three matching sections, headings and words marked, each opening the reader there', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/?q=care`);
  await waitForStatus(page, /issues? for “care”/);
  const subs = page.locator('#hits .sub-result');
  await subs.first().waitFor();
  const perHit = await page.locator('#hits > li').evaluateAll((hits) => hits.map((li) => li.querySelectorAll('.sub-result').length));
  assert.ok(perHit.every((n) => n <= 2), `sub-results per hit: ${perHit}`);
  assert.ok(await page.locator('#hits .sub-result .snippet mark').count() >= 2);
  const sub = subs.first().locator('h4 a');
  const section = await sub.getAttribute('data-section');
  const issue = await sub.getAttribute('data-issue');
  const best = await page.locator(`#hits h3 a[data-issue="${issue}"]`).getAttribute('data-section');
  assert.notEqual(section, best, 'a sub-result is another section than the hit\'s own');
  await sub.click();
  await page.locator(`#reader #section-${section}.target`).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), `section-${section}`);

  await page.goto(`${searchd.origin}/?q=April`);
  await waitForStatus(page, /issues? for “April”/);
  assert.deepEqual([...new Set(await page.locator('#hits h3 mark').allInnerTexts())], ['April'], 'the title\'s match marked');
});

test('a section heading\'s match is marked', { timeout: 30000 }, async () => {
  const body = await api('/api/search?q=workforce&sections_per_hit=3');
  const headed = body.hits.flatMap((h) => [h.section, ...h.sub_results]).find((s) => s && /<mark>/i.test(s.heading_html || ''));
  assert.ok(headed, 'some heading matches "workforce"');
  await page.goto(`${searchd.origin}/?q=workforce`);
  await waitForStatus(page, /issues? for “workforce”/);
  assert.ok(await page.locator('#hits .meta mark, #hits .sub-result h4 mark').count() >= 1);
});

test('suggestions mark the part typed', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/`);
  await page.locator('#q').pressSequentially('pat bu', { delay: 30 });
  const option = page.locator('#suggestions [role=option]', { hasText: 'Pat Bullen' });
  await option.waitFor();
  assert.deepEqual(await option.locator('mark').allInnerTexts(), ['Pat', 'Bu']);
});

test('an empty box offers the recent searches, kept in this browser only', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/`);
  await page.evaluate(() => localStorage.clear());
  for (const words of ['care leaver offer', 'Telford']) {
    await page.locator('#q').fill(words);
    await page.keyboard.press('Enter');
    await waitForStatus(page, new RegExp(`issues? for “${words}”`));
  }
  await page.reload();
  await page.locator('#hits li').first().waitFor();
  await page.locator('#q').fill('');
  await page.locator('#q').focus();
  const options = page.locator('#suggestions [role=option]');
  await options.first().waitFor();
  assert.deepEqual(await options.evaluateAll((items) => items.map((o) => o.dataset.text)), ['Telford', 'care leaver offer']);
  assert.match(await options.first().innerText(), /recent search/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await waitForStatus(page, /issues? for “care leaver offer”/);
});

test('"/" puts the focus in the search box, but not while typing in another field', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/?q=care`);
  await waitForStatus(page, /issues? for “care”/);
  await page.locator('#hits h3 a').first().focus();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  assert.equal(await page.locator('#q').inputValue(), 'care', 'the slash is not typed');
  await page.locator('#from').focus();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'from');
});

test('nothing found offers to drop each filter that would find something, with its count', { timeout: 30000 }, async () => {
  const widened = await api('/api/search?q=care&authority=Solihull');
  assert.ok(widened.total > 0);
  await page.goto(`${searchd.origin}/?q=care&authority=Solihull&from=2030-01`);
  await waitForStatus(page, /No results for “care”/);
  const drop = page.locator('#drop-filters button');
  await drop.first().waitFor();
  assert.deepEqual(await drop.allInnerTexts(), [`Remove From January 2030: ${widened.total} issue${widened.total === 1 ? '' : 's'}`]);
  await drop.first().click();
  await waitForStatus(page, new RegExp(`${widened.total} issues? for “care”`));
  assert.doesNotMatch(page.url(), /from=/);
});

test('the reader steps through the matches and lists related issues', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/?q=care`);
  await page.locator('#hits h3 a').first().click();
  await page.locator('#reader .match-nav').waitFor();
  const total = await page.locator('#reader mark').count();
  assert.ok(total > 1);
  await page.getByRole('button', { name: 'Next match' }).click();
  const first = await page.locator('#reader .match-at').innerText();
  assert.match(first, new RegExp(`^Match \\d+ of ${total}$`));
  await page.getByRole('button', { name: 'Next match' }).click();
  const second = await page.locator('#reader .match-at').innerText();
  assert.equal(Number(/\d+/.exec(second)[0]), Number(/\d+/.exec(first)[0]) % total + 1);
  await page.getByRole('button', { name: 'Previous match' }).click();
  assert.equal(await page.locator('#reader .match-at').innerText(), first);
  assert.equal(await page.locator('#reader mark.current').count(), 1);
  assert.ok(await page.locator('#reader mark.current').isVisible());

  const related = page.locator('#reader nav.related a');
  await related.first().waitFor();
  const title = await related.first().innerText();
  await related.first().click();
  await page.locator('#reader h2', { hasText: title }).waitFor();
});
