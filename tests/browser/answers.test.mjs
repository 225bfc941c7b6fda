// What the page says about an answer: a correction with the way back to the words typed, a
// query too long for the API stopped in the box, a query with nothing to search for, relaxed
// syntax, one announcement when typing pauses, and errors that lead to a page explaining them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { searchPageOnCorpus, stopAll, waitForStatus as statusMatches } from './support.mjs';

let searchd, page;

before(async () => { ({ searchd, page } = await searchPageOnCorpus()); });

after(stopAll);

const status = () => page.locator('#status').innerText();
const waitForStatus = (pattern) => statusMatches(page, pattern);

test('a corrected search counts what it shows, and offers to search instead for the words as typed', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/?q=Telfrod`);
  await page.waitForSelector('#did-you-mean:not([hidden])');
  await waitForStatus(/issues? for “Telford”$/);
  const line = await page.locator('#did-you-mean').innerText();
  assert.match(line, /No results for “Telfrod”\. Showing results for Telford\. Search instead for Telfrod\./);
  await page.locator('#as-typed').click();
  await waitForStatus(/^No results for “Telfrod”$/);
  assert.equal(new URL(page.url()).searchParams.get('correct_spelling'), 'false');
  assert.match(await page.locator('#did-you-mean').innerText(), /^Did you mean Telford\?$/);
  await page.locator('#corrected').click();
  await waitForStatus(/issues? for “Telford”$/);
  assert.equal(await page.locator('#q').inputValue(), 'Telford');
});

test('the box stops at a length the API takes and says so; a longer shared link is cut to it', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/`);
  await waitForStatus(/^All 5 issues$/);
  await page.locator('#q').focus();
  await page.keyboard.insertText('care '.repeat(400));  // 2,000 characters pasted
  const typed = await page.locator('#q').inputValue();
  assert.ok(typed.length <= 333, `the box took ${typed.length} characters`);  // 3 bytes a character at most: under 1,000
  const limit = page.locator('#q-limit');
  assert.ok(await limit.isVisible(), 'nothing says the box is full');
  assert.match(await limit.innerText(), /stop at \d+ characters/);
  await waitForStatus(/issues? for “care care/);
  assert.ok(await page.locator('#problem').isHidden());
  // Characters of three bytes each, in a link: still under the API's 1,000 bytes once cut.
  await page.goto(`${searchd.origin}/?${new URLSearchParams({ q: '€'.repeat(600) })}`);
  await page.waitForFunction(() => document.getElementById('results').getAttribute('aria-busy') === 'false'
    && document.getElementById('status').textContent);
  assert.ok(await page.locator('#problem').isHidden(), await page.locator('#problem').innerText().catch(() => ''));
  assert.doesNotMatch(await page.locator('body').innerText(), /`q`|bytes/);
});

test('a query with nothing to search for says so, as the API does, and relaxed syntax is said too', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/?${new URLSearchParams({ q: '😀' })}`);
  const notice = page.locator('#notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /Nothing in “😀” can be searched for/);
  assert.equal(await status(), 'All 5 issues');
  await page.goto(`${searchd.origin}/?q=foster%20AND`);
  await notice.waitFor();
  assert.match(await notice.innerText(), /could not be read as search syntax/);
  await page.goto(`${searchd.origin}/?q=care`);
  await waitForStatus(/issues for “care”/);
  assert.ok(await notice.isHidden());
});

test('the live region announces what was found once, when typing pauses', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/`);
  await waitForStatus(/^All 5 issues$/);
  await page.evaluate(() => {
    window.announced = [];
    const regions = () => [...document.querySelectorAll('[role=status], [role=alert], [aria-live]')];
    const last = new Map(regions().map((r) => [r, r.textContent]));
    new MutationObserver(() => {
      for (const region of regions()) {
        const text = region.textContent.trim();
        if (text && text !== last.get(region)) window.announced.push(text);
        last.set(region, text);
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await page.locator('#q').pressSequentially('leadership', { delay: 60 });
  await waitForStatus(/for “leadership”$/);
  await page.waitForTimeout(1500);
  const announced = await page.evaluate(() => window.announced);
  assert.equal(announced.length, 1, `announced: ${announced.join(' | ')}`);
  assert.match(announced[0], /for “leadership”$/);
});

test('an error\'s link leads to this server\'s page of error codes, at its code, with what to do', { timeout: 30000 }, async () => {
  const refused = await (await page.request.get(`${searchd.origin}/api/search?page=0`)).json();
  assert.equal(refused.link, `${searchd.origin}/errors#invalid_search_page`);
  const answer = await page.goto(refused.link);
  assert.equal(answer.status(), 200);
  const row = page.locator('#invalid_search_page');
  assert.ok(await row.isVisible());
  assert.match(await row.innerText(), /400[\s\S]*page[\s\S]*10,000/);
  assert.match(await page.locator('thead').innerText(), /What to do/);
  assert.ok(await page.locator('tbody tr').count() >= 50, 'not every code is listed');
});
