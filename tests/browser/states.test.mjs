// What the page says while it works and when it cannot: loading, a lost connection with a
// way to retry, month ranges checked before they are searched, snippets that show the match,
// and counts, filters and months in plain words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { searchPageOnCorpus, stopAll } from './support.mjs';

let searchd, page;

before(async () => { ({ searchd, page } = await searchPageOnCorpus()); });

after(stopAll);

const status = () => page.locator('#status').innerText();
const waitForHits = (n) => page.waitForFunction((count) => document.querySelectorAll('#hits li h3').length === count, n);
const searches = [];
const recordSearches = (request) => {
  if (request.url().includes('/api/search?')) searches.push(new URL(request.url()).searchParams);
};

// Requests are held up or refused only for the test that asks, also when it fails.
const unroute = () => page.unroute('**/api/search?*');

test('a slow search shows that it is loading', { timeout: 30000 }, async (t) => {
  await page.goto(`${searchd.origin}/`);
  await waitForHits(5);
  t.after(unroute);
  await page.route('**/api/search?*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue().catch(() => {});
  });
  await page.locator('#q').pressSequentially('care', { delay: 20 });
  await page.waitForTimeout(500);  // well into the slow answer
  assert.equal(await page.locator('#results').getAttribute('aria-busy'), 'true');
  assert.match(await status(), /Searching for “care”/);
  assert.ok(await page.locator('#hits li').first().evaluate((li) => Number(getComputedStyle(li.parentElement).opacity) < 1),
    'the old hits are faded');
  await page.waitForFunction(() => /5 issues for “care”/.test(document.getElementById('status').textContent));
  assert.equal(await page.locator('#results').getAttribute('aria-busy'), 'false');
});

test('a lost connection is said in words, with a way to try again', { timeout: 30000 }, async (t) => {
  await page.goto(`${searchd.origin}/`);
  await waitForHits(5);
  t.after(unroute);
  await page.route('**/api/search?*', (route) => route.abort('internetdisconnected'));
  await page.locator('#q').pressSequentially('care', { delay: 20 });
  const problem = page.getByRole('alert');
  await problem.waitFor({ timeout: 5000 });
  const words = await problem.innerText();
  assert.match(words, /could not be reached/);
  assert.doesNotMatch(words, /Failed to fetch|TypeError/);
  await unroute();
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.waitForFunction(() => /5 issues for “care”/.test(document.getElementById('status').textContent));
  assert.ok(await problem.isHidden());
});

test('a month range that ends before it starts is caught in the page, not sent', { timeout: 30000 }, async (t) => {
  await page.goto(`${searchd.origin}/?q=care&from=2022-06`);
  await waitForHits(3);  // a submitted search: whole words ("care", not "career")
  page.on('request', recordSearches);
  t.after(() => page.off('request', recordSearches));
  searches.length = 0;
  await page.locator('#to').fill('2022-01');
  await page.waitForTimeout(300);  // any search it would send has been sent
  assert.ok(!searches.some((p) => p.get('from') === '2022-06' && p.get('to') === '2022-01'), 'the reversed range was sent');
  const error = page.locator('#months-error');
  assert.ok(await error.isVisible(), 'no message by the month fields');
  assert.match(await error.innerText(), /June 2022.*after.*January 2022/);
  assert.equal(await page.locator('#to').getAttribute('aria-invalid'), 'true');
  assert.doesNotMatch(await page.locator('body').innerText(), /is after `to`/);
  // The results and their filters still agree: the last range that was searched.
  assert.match(page.url(), /from=2022-06/);
  assert.match(await page.locator('#chips').innerText(), /From June 2022/);
  await page.locator('#to').fill('2024-12');
  await page.waitForFunction(() => /to=2024-12/.test(location.search));
  assert.ok(await error.isHidden());
});

test('typing a year searches once, when the month is whole, and leaves one history entry', { timeout: 30000 }, async (t) => {
  await page.goto(`${searchd.origin}/?q=care`);
  await waitForHits(4);
  const entries = await page.evaluate(() => history.length);
  page.on('request', recordSearches);
  t.after(() => page.off('request', recordSearches));
  searches.length = 0;
  await page.locator('#from').click();
  await page.keyboard.press('3');  // March; then the year, one digit at a time
  await page.keyboard.press('Tab');
  for (const digit of '2023') await page.keyboard.press(digit);
  await page.waitForFunction(() => /from=2023-03/.test(location.search));
  await waitForHits(1);
  assert.deepEqual(searches.map((p) => p.get('from')), ['2023-03']);
  assert.ok(await page.evaluate(() => history.length) <= entries + 1);
});

test('snippets show the match, with "&" and "and" both marked', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/`);
  await waitForHits(5);
  await page.locator('#q').pressSequentially('Telford and Wrekin', { delay: 20 });
  await page.waitForFunction(() => /issues for “Telford and Wrekin”/.test(document.getElementById('status').textContent));
  const marks = await page.locator('#hits li').evaluateAll((items) => items.map((li) =>
    [...li.querySelectorAll('.snippet mark')].map((m) => m.textContent)));
  assert.equal(marks.length, 3);
  for (const marked of marks) assert.ok(marked.some((m) => /^Telford/.test(m)), `a snippet without Telford marked: ${marked}`);
  assert.ok(marks.flat().includes('Telford & Wrekin'));
  assert.ok(marks.flat().includes('Telford and Wrekin'));
});

test('counts, filters, months and the tab title in plain words', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/`);
  await waitForHits(5);
  assert.equal(await status(), 'All 5 issues');
  await page.goto(`${searchd.origin}/?q=Pat%20Bullen&person=Nigel%20Minns&from=2022-04&to=2023-12`);
  await page.waitForFunction(() => /issues? for “Pat Bullen”/.test(document.getElementById('status').textContent));
  assert.match(await status(), /^\d issues? for “Pat Bullen”$/);
  assert.match(await page.title(), /^“Pat Bullen”/);
  assert.deepEqual(await page.locator('#chips button').evaluateAll((chips) => chips.map((c) => c.firstChild.textContent)),
    ['Person: Nigel Minns', 'From April 2022', 'To December 2023']);
  await page.goto(`${searchd.origin}/?q=Pat%20Bullen`);
  await waitForHits(3);
  const months = await page.locator('#hits .meta').allInnerTexts();
  assert.ok(months.every((m) => /^(April|July|November) 20\d\d/.test(m)), months.join(' | '));
  assert.match(await page.locator('#facet-authorities').innerText(), /Authorities/);
});
