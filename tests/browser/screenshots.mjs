// The screenshots in README (docs/): the search page at desktop and phone sizes, an authority's
// panel above its results and a person's page, over the real issues. Run by scripts/screenshots, never by the tests.
import fs from 'node:fs';
import path from 'node:path';
import { repo, indexCorpus, startSearchd, launchBrowser, stopAll } from './support.mjs';

const docs = path.join(repo, 'docs');
const settled = (page) => page.waitForFunction(() => document.getElementById('results').getAttribute('aria-busy') === 'false'
  && document.querySelector('#hits li, #reader:not([hidden]) h2'));

const shots = [
  { file: 'search-page.png', viewport: { width: 1366, height: 900 }, url: '/?q=care+leaver+offer' },
  { file: 'search-page-phone.png', viewport: { width: 375, height: 812 }, url: '/?q=Telford+and+Wrekin' },
  { file: 'entity-panel.png', viewport: { width: 1366, height: 1100 }, url: '/?q=Telford+and+Wrekin', wait: '#entity-panel h3' },
  { file: 'entity-page.png', viewport: { width: 1366, height: 900 }, url: '/?entity=people&name=Pat+Bullen' },
];

try {
  fs.mkdirSync(docs, { recursive: true });
  const searchd = await startSearchd(indexCorpus());
  const browser = await launchBrowser();
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: shot.viewport });
    await page.goto(`${searchd.origin}${shot.url}`);
    await settled(page);
    if (shot.wait) await page.waitForSelector(shot.wait);
    await page.screenshot({ path: path.join(docs, shot.file) });
    console.log(`docs/${shot.file}`);
    await page.close();
  }
} finally {
  await stopAll();
}
