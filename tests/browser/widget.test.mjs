// The widget as a web developer embeds it: on a page of another origin with hostile styles,
// loaded twice, with suggestions and a loading state, and a clear word when searchd answers but
// does not allow the page's origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { here, indexCorpus, startSearchd, startStatic, launchBrowser, stopAll } from './support.mjs';

let browser, host, allowed, refusing;

before(async () => {
  host = await startStatic({ '/hostile.html': path.join(here, 'hosts/hostile.html') });
  const db = indexCorpus();
  allowed = await startSearchd(db, [host.origin]);
  refusing = await startSearchd(db);  // no --cors-origin
  browser = await launchBrowser();
});

after(stopAll);

// The host page, closed (with any route it was given) when the test ends, also when it fails.
async function hostPage(t, searchd) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  t.after(() => page.close());
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${host.origin}/hostile.html?searchd=${encodeURIComponent(searchd.origin)}`);
  const box = page.locator('[data-wmsearch] input');  // Playwright pierces the shadow root
  await box.waitFor();
  return { page, box, errors };
}

const inWidget = (page, fn, arg) => page.evaluate(({ source, value }) =>
  new Function('root', 'value', `return (${source})(root, value);`)(document.querySelector('[data-wmsearch]').shadowRoot, value),
{ source: fn.toString(), value: arg });

test('loading the widget twice mounts one search box and throws nothing', { timeout: 30000 }, async (t) => {
  const { page, box, errors } = await hostPage(t, allowed);
  await page.waitForFunction(() => window.widgetCopiesRun === 2);
  assert.deepEqual(errors, []);
  assert.equal(await inWidget(page, (root) => root.querySelectorAll('form').length), 1);
  await box.pressSequentially('Pat Bullen', { delay: 20 });
  await page.waitForFunction(() => document.querySelector('[data-wmsearch]').shadowRoot.querySelectorAll('ol li').length === 3);
  assert.deepEqual(errors, []);
});

test('the host page\'s styles do not reach the widget, not even inherited ones', { timeout: 30000 }, async (t) => {
  const { page, box } = await hostPage(t, allowed);
  await box.pressSequentially('Pat Bullen', { delay: 20 });
  await page.waitForFunction(() => document.querySelector('[data-wmsearch]').shadowRoot.querySelectorAll('ol li').length === 3);
  const look = await inWidget(page, (root) => {
    const snippet = getComputedStyle(root.querySelector('.snippet'));
    return { fontSize: snippet.fontSize, lineHeight: snippet.lineHeight, color: snippet.color, letterSpacing: snippet.letterSpacing,
      inputShown: getComputedStyle(root.querySelector('input')).display !== 'none' };
  });
  assert.deepEqual(look, { fontSize: '16px', lineHeight: '24px', color: 'rgb(27, 27, 27)', letterSpacing: 'normal', inputShown: true });
  assert.ok(await page.locator('[data-wmsearch] li mark').count() >= 3);
});

test('host styles neither shrink the widget nor enlarge its date lines (its sizes are its own, not the host\'s rem)', { timeout: 30000 }, async (t) => {
  const { page, box } = await hostPage(t, allowed);
  const width = () => inWidget(page, (root) => ({ host: root.host.getBoundingClientRect().width,
    widget: root.querySelector('.root').getBoundingClientRect().width }));
  const empty = await width();
  assert.ok(Math.abs(empty.widget - empty.host) <= 1, `the widget is ${empty.widget} px wide in a box of ${empty.host}`);
  await box.pressSequentially('Pat Bullen', { delay: 20 });
  await page.waitForFunction(() => document.querySelector('[data-wmsearch]').shadowRoot.querySelectorAll('ol li').length === 3);
  const sizes = await inWidget(page, (root) => ({ title: getComputedStyle(root.querySelector('ol li a')).fontSize,
    date: getComputedStyle(root.querySelector('ol li .meta')).fontSize }));
  assert.deepEqual(sizes, { title: '16px', date: '13.6px' });
});

test('the widget suggests names from the keyboard and shows that it is loading', { timeout: 30000 }, async (t) => {
  const { page, box } = await hostPage(t, allowed);
  // The list of the last words typed: an earlier keystroke's list, redrawn, would lose the choice.
  const lastList = page.waitForResponse((res) => /\/api\/suggest\?/.test(res.url()) && new URL(res.url()).searchParams.get('q') === 'pat b');
  await box.pressSequentially('pat b', { delay: 30 });
  await lastList;
  const option = page.locator('[data-wmsearch] [role=option]').first();
  await option.waitFor();
  assert.match(await option.innerText(), /Pat Bullen[\s\S]*person · 3 issues/);
  await page.keyboard.press('ArrowDown');
  assert.equal(await option.getAttribute('aria-selected'), 'true');
  await page.route('**/api/search?*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await route.continue().catch(() => {});
  });
  await page.keyboard.press('Enter');
  assert.equal(await box.inputValue(), 'Pat Bullen');
  await page.waitForTimeout(400);  // well into the slow answer
  assert.equal(await inWidget(page, (root) => root.querySelector('ol').getAttribute('aria-busy')), 'true');
  assert.match(await page.locator('[data-wmsearch] [role=status]').innerText(), /Searching/);
  await page.waitForFunction(() => /^3 issues/.test(document.querySelector('[data-wmsearch]').shadowRoot.querySelector('[role=status]').textContent));
});

test('when searchd does not allow the page\'s origin, the widget says so and names --cors-origin', { timeout: 30000 }, async (t) => {
  const { page, box } = await hostPage(t, refusing);
  await box.pressSequentially('care', { delay: 20 });
  const status = page.locator('[data-wmsearch] [role=status]');
  // Earlier keystrokes fail too: wait for the last search, the one still busy when typing ended.
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-wmsearch]').shadowRoot;
    return root.querySelector('ol').getAttribute('aria-busy') === 'false'
      && /unavailable/.test(root.querySelector('[role=status]').textContent);
  });
  const words = await status.innerText();
  assert.match(words, /answers, but does not allow this site/);
  assert.ok(words.includes(`--cors-origin ${host.origin}`), words);
  assert.doesNotMatch(words, /Failed to fetch/);
});

test('axe finds no serious or critical violation in the widget, suggestions open', { timeout: 30000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });  // axe wants a context of its own
  const page = await context.newPage();
  await page.goto(`${host.origin}/hostile.html?searchd=${encodeURIComponent(allowed.origin)}`);
  await page.locator('[data-wmsearch] input').pressSequentially('pat b', { delay: 30 });
  await page.locator('[data-wmsearch] [role=option]').first().waitFor();
  const { violations, incomplete } = await new AxeBuilder({ page }).include('[data-wmsearch]')
    .options({ resultTypes: ['violations', 'incomplete'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']).analyze();
  await context.close();
  assert.deepEqual([...violations, ...incomplete].filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), []);
});
