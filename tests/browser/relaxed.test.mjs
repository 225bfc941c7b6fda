// What the page says when results below those with every word are relaxed: a known name written
// otherwise, and the words some results lack.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { searchPageOnCorpus, stopAll, waitForStatus } from './support.mjs';

let searchd, page;

before(async () => { ({ searchd, page } = await searchPageOnCorpus()); });

after(stopAll);

test('a known name found with its words apart is said, with how many issues have every word', { timeout: 30000 }, async () => {
  const answer = await (await fetch(`${searchd.origin}/api/search?q=${encodeURIComponent('Pat Bullen conference')}`)).json();
  assert.ok(answer.total > answer.total_all_words, 'the query needs a relaxed tier');
  await page.goto(`${searchd.origin}/?q=${encodeURIComponent('Pat Bullen conference')}`);
  await waitForStatus(page, /with every word/);
  const status = await page.locator('#status').innerText();
  assert.match(status, new RegExp(`; ${answer.total_all_words} issues? with every word, then issues with “Pat Bullen” written otherwise, or without some of “[^”]+”`));
  assert.match(status, /“conference”/);
});

test('a search that every result fully matches says nothing of relaxing', { timeout: 30000 }, async () => {
  await page.goto(`${searchd.origin}/?q=${encodeURIComponent('Pat Bullen')}`);
  await waitForStatus(page, /issues? for “Pat Bullen”$/);
});
