// What every browser test needs: the corpus indexed, a real searchd on a loopback port, a static
// server for host pages on another origin, and Debian's Chromium. Everything started here is
// stopped by stopAll(), also when a test fails.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const required = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run through CTest or tests/browser/run.sh)`);
  return value;
};

export const here = path.dirname(new URL(import.meta.url).pathname);
export const repo = path.resolve(here, '../..');
export const artifacts = process.env.WM_ARTIFACTS || path.join(here, 'artifacts');
const cleanups = [];

// The real issues, and with `generated` that many synthetic ones beside them
// (tests/tools/generate_archive.py), for pages of results and long facet lists; `fixtures`:
// folders of tests/fixtures to add (roles: people given roles at authorities, for the who's who).
export function indexCorpus({ generated = 0, fixtures = [] } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wmsearch-browser-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const db = path.join(dir, 'db');
  const sources = [required('WM_CORPUS_DIR'), ...fixtures.map((name) => path.join(repo, 'tests/fixtures', name))];
  if (generated) {
    const out = path.join(dir, 'generated');
    execFileSync('python3', [path.join(repo, 'tests/tools/generate_archive.py'), '--issues', String(generated), '--out', out]);
    sources.push(out);
  }
  execFileSync(required('WM_INDEXER'), ['index', '-q', '--db', db, ...sources], { stdio: 'inherit' });
  return db;
}

// searchd prints "searchd: serving DB on http://127.0.0.1:PORT/" as its first line. stop() ends
// it before the test does (a server that goes down); port: a given one, to start it again there.
export function startSearchd(db, corsOrigins = [], { port = 0 } = {}) {
  const args = ['--db', db, '--bind', '127.0.0.1', '--port', String(port), '-q'];
  for (const origin of corsOrigins) args.push('--cors-origin', origin);
  const child = spawn(required('WM_SEARCHD'), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  cleanups.push(stop);
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`searchd did not start: ${log}`)), 10000);
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const match = log.match(/serving .* on (http:\/\/127\.0\.0\.1:(\d+))\//);
      if (match) {
        clearTimeout(timer);
        resolve({ origin: match[1], port: Number(match[2]), stop });
      }
    });
    child.on('exit', (code) => reject(new Error(`searchd exited with ${code}: ${log}`)));
  });
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

// Serves url path -> file; the host pages of another origin.
export function startStatic(files) {
  const server = http.createServer((req, res) => {
    const file = files[new URL(req.url, 'http://host').pathname];
    if (!file) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  cleanups.push(() => server.close());
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ origin: `http://127.0.0.1:${server.address().port}` });
  }));
}

// Playwright gives each launch a fresh profile (its own --user-data-dir in a temporary folder).
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.WM_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  cleanups.push(() => browser.close());
  return browser;
}

// The search page's usual bench: the real issues behind a searchd, and one desktop-sized tab.
export async function searchPageOnCorpus() {
  const searchd = await startSearchd(indexCorpus());
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  return { searchd, page };
}

// Until the heading over the results (its count, its words) matches pattern.
export function waitForStatus(page, pattern) {
  return page.waitForFunction((source) => new RegExp(source).test(document.getElementById('status').textContent), pattern.source);
}

export async function screenshot(page, name) {
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

export async function stopAll() {
  while (cleanups.length) await cleanups.pop()();
}
