// axe-core over the page's main states at desktop and phone sizes, with the WCAG 2.0-2.2 A and
// AA rules and axe's best practices: no serious or critical violation anywhere, and none left
// for review either (axe files aria-label on an element that may not have one there). The one
// exception is the contrast of SVG chart text, which axe cannot compute; it is #4a4a4a on white
// or #eef4fb, at least 7:1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { indexCorpus, startSearchd, launchBrowser, stopAll } from './support.mjs';

let searchd, browser;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const SIZES = { desktop: { width: 1366, height: 900 }, phone: { width: 375, height: 812 } };

before(async () => {
  searchd = await startSearchd(indexCorpus({ fixtures: ['roles'] }));  // people with roles, for the who's who
  browser = await launchBrowser();
});

after(stopAll);

const ready = async (page) => {
  await page.waitForSelector('#hits li, #reader:not([hidden]) h2');
  await page.waitForLoadState('networkidle');
};

// Each state: how to reach it from a fresh page at that size.
const STATES = {
  'all issues': async (page) => { await page.goto(`${searchd.origin}/`); await ready(page); },
  'a search with filters and their chips': async (page) => {
    await page.goto(`${searchd.origin}/?q=care&authority=Solihull&from=2022-01&sort=newest`);
    await ready(page);
  },
  'suggestions open': async (page) => {
    await page.goto(`${searchd.origin}/`);
    await ready(page);
    await page.locator('#q').pressSequentially('pat b', { delay: 20 });
    await page.waitForSelector('#suggestions li');
    await page.keyboard.press('ArrowDown');
  },
  'no results and a correction': async (page) => { await page.goto(`${searchd.origin}/?q=safegaurding%20zzzqqq`); await ready(page); },
  'a failed search': async (page) => {
    await page.goto(`${searchd.origin}/`);
    await ready(page);
    await page.route('**/api/search?*', (route) => route.abort('internetdisconnected'));
    await page.locator('#q').pressSequentially('care', { delay: 20 });
    await page.getByRole('alert').waitFor();
  },
  'a reversed month range': async (page) => {
    await page.goto(`${searchd.origin}/?q=care&from=2023-01`);
    await ready(page);
    if (await page.locator('#filters-toggle').isVisible()) await page.locator('#filters-toggle').click();
    await page.locator('#to').fill('2022-01');
    await page.locator('#months-error').waitFor();
  },
  'the filters shown (behind their button on a phone)': async (page) => {
    await page.goto(`${searchd.origin}/?q=care&person=Pat+Bullen`);
    await ready(page);
    if (await page.locator('#filters-toggle').isVisible()) await page.locator('#filters-toggle').click();
  },
  'an issue in the reader': async (page) => {
    await page.goto(`${searchd.origin}/?q=Pat+Bullen&issue=001_bdbd675849e79961&section=2`);
    await page.waitForSelector('#reader section.target');
  },
  'a query with nothing to search for': async (page) => { await page.goto(`${searchd.origin}/?q=%F0%9F%98%80`); await ready(page); },
  'the page for following a name in a feed reader': async (page) => {
    await page.goto(`${searchd.origin}/?entity=people&name=Pat%20Bullen&follow=1`);
    await page.waitForSelector('#feed-address');
  },
  'the error reference': async (page) => { await page.goto(`${searchd.origin}/errors#invalid_search_q`); },
  'a name\'s panel with its who\'s who, and sub-results': async (page) => {
    await page.goto(`${searchd.origin}/?q=Rutland&panel=authorities`);
    await ready(page);
    await page.waitForSelector('#entity-panel .whos-who');
    await page.waitForSelector('#hits .sub-result');
  },
  'an authority\'s page with its who\'s who': async (page) => {
    await page.goto(`${searchd.origin}/?entity=authorities&name=Shropshire`);
    await page.waitForSelector('#reader .whos-who');
  },
  'an entity page with its table open': async (page) => {
    await page.goto(`${searchd.origin}/?entity=people&name=Pat%20Bullen`);
    await page.waitForSelector('#timeline');
    await page.getByText('Show as a table').click();
  },
};

for (const [size, viewport] of Object.entries(SIZES)) {
  for (const [state, reach] of Object.entries(STATES)) {
    test(`axe at ${size} size: ${state}`, { timeout: 30000 }, async (t) => {
      const context = await browser.newContext({ viewport });  // axe wants a context of its own
      t.after(() => context.close());
      const page = await context.newPage();
      await reach(page);
      const { violations, incomplete } = await new AxeBuilder({ page }).withTags(TAGS)
        .options({ resultTypes: ['violations', 'incomplete'] }).analyze();
      const found = [];
      for (const v of [...violations, ...incomplete]) {
        if (v.impact !== 'serious' && v.impact !== 'critical') continue;
        const nodes = v.nodes.filter((n) => !(v.id === 'color-contrast' && /^<text\b/.test(n.html)));
        if (nodes.length) found.push(`${v.id} (${v.impact}) on ${nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
      assert.deepEqual(found, []);
    });
  }
}
