// Where things are and where the keyboard goes: results first on a phone with the filters
// behind a button, tap targets of 24 px, few Tab stops to the first result, focus kept on a
// ticked facet, the top of the next page after "Next", and a heading over the results.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { indexCorpus, startSearchd, launchBrowser, stopAll } from './support.mjs';

let searchd, browser;

before(async () => {
  // 25 generated issues beside the real five: three pages of results and long facet lists.
  searchd = await startSearchd(indexCorpus({ generated: 25 }));
  browser = await launchBrowser();
});

after(stopAll);

const waitForHits = (page) => page.waitForSelector('#hits li h3 a');

// Everything a finger or a pointer can activate, with its size, that is smaller than 24×24 px.
// Links inside running text are exempt, as WCAG 2.5.8 exempts them.
const smallTargets = (page) => page.evaluate(() => {
  const targets = [...document.querySelectorAll('a[href], button, input, select, summary, [role=option]')];
  return targets.filter((el) => {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') return false;
    const inText = el.tagName === 'A' && el.closest('p, .snippet, h3, .mentions');
    return !inText && (box.width < 24 || box.height < 24);
  }).map((el) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}" ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`);
});

test('on a phone the first hit is on the first screen and the filters wait behind "Filters (n)"', { timeout: 30000 }, async () => {
  const phone = await browser.newPage({ viewport: { width: 375, height: 812 } });
  await phone.goto(`${searchd.origin}/?q=care&authority=Solihull`);
  await waitForHits(phone);
  const first = await phone.locator('#hits li').first().boundingBox();
  assert.ok(first.y + 60 < 812, `the first hit starts ${Math.round(first.y)} px down`);
  assert.ok(await phone.locator('#facet-people').isHidden(), 'the facet lists are out of the way');
  const toggle = phone.getByRole('button', { name: 'Filters (1)' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await phone.locator('#facet-people input[type=checkbox]').first().waitFor();
  assert.ok(await phone.locator('#facet-authorities input[value="Solihull"]').isChecked());
  assert.deepEqual(await smallTargets(phone), []);
  await phone.getByRole('button', { name: /^Show \d+ results?$/ }).click();
  assert.ok(await phone.locator('#facet-people').isHidden());
  await phone.close();
});

test('every tap target on the desktop page is at least 24×24 px', { timeout: 30000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${searchd.origin}/?q=care&person=Pat%20Bullen`);
  await waitForHits(page);
  assert.deepEqual(await smallTargets(page), []);
  await page.close();
});

test('a few Tabs from the top reach the first result', { timeout: 30000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${searchd.origin}/?q=care`);
  await waitForHits(page);
  let presses = 0;
  while (presses < 40) {
    await page.keyboard.press('Tab');
    presses += 1;
    if (await page.evaluate(() => document.activeElement === document.querySelector('#hits li h3 a'))) break;
  }
  assert.ok(presses <= 10, `${presses} Tabs to the first result`);
  await page.close();
});

test('Space on a facet checkbox ticks it and keeps the focus on it', { timeout: 30000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${searchd.origin}/?q=care`);
  await waitForHits(page);
  const box = page.locator('#facet-authorities input[type=checkbox]').first();
  const value = await box.getAttribute('value');
  await box.focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => /authority=/.test(location.search));
  await page.waitForFunction(() => document.querySelector('#chips button'));
  const focused = await page.evaluate(() => ({ value: document.activeElement.value, checked: document.activeElement.checked,
    facet: document.activeElement.closest('.facet') && document.activeElement.closest('.facet').id }));
  assert.deepEqual(focused, { value, checked: true, facet: 'facet-authorities' });
  await page.keyboard.press('Space');  // and off again, still from the keyboard
  await page.waitForFunction(() => !/authority=/.test(location.search));
  await page.waitForFunction(() => !document.querySelector('#chips button'));
  assert.equal(await page.evaluate(() => document.activeElement.value), value);
  await page.close();
});

test('"Next" shows the top of the next page, with the focus on its heading', { timeout: 30000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 700 } });
  await page.goto(`${searchd.origin}/`);
  await waitForHits(page);
  const firstOfPageOne = await page.locator('#hits li h3').first().innerText();
  await page.getByRole('button', { name: 'Next' }).scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForFunction((title) => document.querySelector('#hits li h3').textContent !== title, firstOfPageOne);
  assert.match(page.url(), /page=2/);
  const view = await page.evaluate(() => ({
    focus: `${document.activeElement.tagName} in #${(document.activeElement.closest('[id]') || {}).id}`,
    firstHit: document.querySelector('#hits li').getBoundingClientRect().top,
  }));
  assert.ok(view.firstHit >= 0 && view.firstHit < 200, `the first hit is ${Math.round(view.firstHit)} px from the top`);
  assert.equal(view.focus, 'H2 in #results-heading');
  await page.close();
});

test('the results have a heading: the hits are under it, not under the last filter', { timeout: 30000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${searchd.origin}/?q=care`);
  await waitForHits(page);
  const above = await page.evaluate(() => {
    const headings = [...document.querySelectorAll('h1, h2, h3, h4')];
    const first = document.querySelector('#hits li h3');
    const before = headings.slice(0, headings.indexOf(first)).filter((h) => h.tagName === 'H2' || h.tagName === 'H1');
    const parent = before[before.length - 1];
    return { tag: parent.tagName, inResults: Boolean(parent.closest('#results')), text: parent.textContent };
  });
  assert.deepEqual({ tag: above.tag, inResults: above.inResults }, { tag: 'H2', inResults: true }, `the hits are under "${above.text}"`);
  assert.match(above.text, /issues for “care”/);
  await page.close();
});
