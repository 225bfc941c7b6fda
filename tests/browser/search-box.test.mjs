// The search box as staff type into it: suggestions, Escape, the arrow keys, and results that
// follow each keystroke with stale requests cancelled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { searchPageOnCorpus, stopAll, waitForStatus as statusMatches } from './support.mjs';

let searchd, page;

before(async () => { ({ searchd, page } = await searchPageOnCorpus()); });

after(stopAll);

const status = () => page.locator('#status').innerText();
const waitForHits = (n) => page.waitForFunction((count) => document.querySelectorAll('#hits li').length === count, n);
const waitForStatus = (pattern) => statusMatches(page, pattern);
// Checking that something does not happen needs a wait: longer than the old page's 250 ms
// debounce, so a search it would have fired has been painted.
const settle = () => page.waitForTimeout(600);

test('Escape closes the suggestions and keeps the search; a second Escape clears the box', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/`);
  await waitForHits(5);
  await page.locator('#q').pressSequentially('pat b', { delay: 30 });
  await page.waitForSelector('#suggestions li');
  await waitForStatus(/issues? for “pat b”/);
  await page.keyboard.press('Escape');
  assert.ok(await page.locator('#suggestions').isHidden());
  await settle();
  assert.equal(await page.locator('#q').inputValue(), 'pat b');
  assert.match(page.url(), /q=pat\+b/);
  assert.match(await status(), /“pat b”/);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#q').inputValue(), '');
  await waitForHits(5);
});

test('ArrowUp with nothing selected picks the last suggestion, ArrowDown the first', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/`);
  await page.locator('#q').pressSequentially('jo', { delay: 30 });
  await page.waitForFunction(() => document.querySelectorAll('#suggestions [role=option]').length >= 3);
  const options = page.locator('#suggestions [role=option]');
  await page.keyboard.press('ArrowUp');
  assert.equal(await options.last().getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('#q').getAttribute('aria-activedescendant'), await options.last().getAttribute('id'));
  await page.keyboard.press('Escape');
  await page.locator('#q').pressSequentially('h', { delay: 30 });
  await page.waitForFunction(() => [...document.querySelectorAll('#suggestions [role=option]')].some((o) => /John/.test(o.textContent)));
  await page.keyboard.press('ArrowDown');
  assert.equal(await options.first().getAttribute('aria-selected'), 'true');
});

test('suggestions count what the search then finds, with no junk forms, and never cover the first hit', { timeout: 30000 }, async () => {
  for (const typed of ['care le', 'pat bu', 'Telford and w', 'wrek']) {
    await page.goto(`${searchd.origin}/`);
    await page.locator('#q').pressSequentially(typed, { delay: 30 });
    await waitForStatus(new RegExp(`issues? for “${typed}”`));
    await page.waitForSelector('#suggestions li');
    const shown = await page.locator('#suggestions li').evaluateAll((items) => items.map((li) => ({
      text: li.dataset.text, count: Number(/(\d+)(?: issues?)?\s*$/.exec(li.querySelector('.kind').textContent)[1]),
    })));
    const keys = new Set();
    for (const { text, count } of shown) {
      assert.doesNotMatch(text, /'s$|’s$/, `a possessive: ${text}`);
      assert.ok(!keys.has(text.toLowerCase()), `twice, in two spellings: ${text}`);
      keys.add(text.toLowerCase());
      assert.notEqual(text, 'care led');
      const answer = await page.request.get(`${searchd.origin}/api/search?${new URLSearchParams({ q: text })}`);
      // The issues that have it whole, which the search lists first (then, when few, those that write it otherwise).
      assert.equal((await answer.json()).total_all_words, count, `"${text}" says ${count}`);
    }
    // The list is open and the results have arrived: the first hit can still be clicked.
    assert.ok(await page.locator('#suggestions').isVisible());
    const first = page.locator('#hits li h3 a').first();
    const box = await first.boundingBox();
    const hit = await page.evaluate(({ x, y }) => {
      const el = document.elementFromPoint(x, y);
      return Boolean(el && el.closest('#hits li h3 a'));
    }, { x: box.x + Math.min(20, box.width / 2), y: box.y + box.height / 2 });
    assert.ok(hit, `the suggestions cover the first hit after "${typed}"`);
  }
});

test('each keystroke cancels the search before it, and an older answer is never painted over a newer one', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/`);
  await waitForHits(5);
  // Older queries answer late, as a slow server would.
  await page.route('**/api/search?*', async (route) => {
    const q = new URL(route.request().url()).searchParams.get('q') || '';
    if (q !== 'care') await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue().catch(() => {});  // cancelled by the page meanwhile
  });
  const cancelled = [];
  const listener = (request) => {
    if (request.url().includes('/api/search?') && /ERR_ABORTED/.test(request.failure().errorText))
      cancelled.push(new URL(request.url()).searchParams.get('q'));
  };
  page.on('requestfailed', listener);
  // Slower than the old page's 250 ms debounce, so every keystroke sends its own search.
  await page.locator('#q').pressSequentially('care', { delay: 300 });
  await waitForStatus(/issues for “care”/);
  await page.waitForTimeout(1800);  // the late answers would have arrived by now
  assert.match(await status(), /5 issues for “care”/);
  assert.deepEqual(cancelled.sort(), ['c', 'ca', 'car']);
  page.off('requestfailed', listener);
  await page.unroute('**/api/search?*');
});

test('results follow the last keystroke (measured and reported, not asserted)', { timeout: 30000 }, async (t) => {
  const times = [];
  for (const typed of ['Pat Bullen', 'care leaver offer', 'Telford', 'inspection', 'Family Hubs']) {
    await page.goto(`${searchd.origin}/`);
    await waitForHits(5);
    await page.evaluate((text) => {
      window.painted = new Promise((resolve) => {
        new MutationObserver(() => {
          const status = document.getElementById('status').textContent;  // what was relaxed may follow
          if (status.endsWith(` for “${text}”`) || status.includes(` for “${text}”; `)) resolve(performance.now());
        }).observe(document.getElementById('status'), { childList: true, characterData: true, subtree: true });
      });
      document.getElementById('q').addEventListener('keydown', () => { window.lastKey = performance.now(); });
    }, typed);
    await page.locator('#q').pressSequentially(typed, { delay: 60 });
    times.push(await page.evaluate(async () => (await window.painted) - window.lastKey));
  }
  times.sort((a, b) => a - b);
  t.diagnostic(`last keystroke to results painted: median ${times[2].toFixed(0)} ms, worst ${times[4].toFixed(0)} ms`);
  assert.equal(times.length, 5);
});
