// searchd as an integrator meets it: the official Meilisearch JS client and instant-meilisearch
// (pinned in package.json), through start-up, search, filters, facet search and multi-search,
// against a real searchd over the corpus on a loopback port.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Meilisearch, MeilisearchApiError } from 'meilisearch';
import { instantMeiliSearch } from '@meilisearch/instant-meilisearch';

let dir, searchd, client, index;

function required(name) {
  if (!process.env[name]) throw new Error(`${name} is not set: run through run.sh (CTest does)`);
  return process.env[name];
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wmsearch-clients-'));
  const db = path.join(dir, 'db');
  execFileSync(required('WM_INDEXER'), ['index', '-q', '--db', db, required('WM_CORPUS_DIR')], { stdio: 'inherit' });
  searchd = spawn(required('WM_SEARCHD'), ['--db', db, '--bind', '127.0.0.1', '--port', '0', '-q'],
                  { stdio: ['ignore', 'ignore', 'pipe'] });
  const origin = await new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`searchd did not start: ${log}`)), 10000);
    searchd.stderr.on('data', (chunk) => {
      log += chunk;
      const match = log.match(/serving .* on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    searchd.on('exit', (code) => reject(new Error(`searchd exited with ${code}: ${log}`)));
  });
  client = new Meilisearch({ host: origin });
  index = client.index('issues');
});

after(() => {
  searchd?.kill('SIGTERM');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// The error a call is refused with: Meilisearch's code, status and link.
async function refusal(call) {
  try {
    await call();
  } catch (error) {
    assert.ok(error instanceof MeilisearchApiError, `not an API error: ${error}`);
    assert.match(error.cause.link, /^https?:\/\/.+#[a-z_]+$/);
    return { code: error.cause.code, status: error.response.status, message: error.cause.message };
  }
  assert.fail('the call was answered');
}

test('start-up: health, version, the index and its stats', async () => {
  assert.equal(await client.isHealthy(), true);
  assert.deepEqual(await client.health(), { status: 'available' });
  assert.match((await client.getVersion()).pkgVersion, /^\d+\.\d+\.\d+$/);
  const info = await client.getIndex('issues');
  assert.equal(info.uid, 'issues');
  assert.equal(info.primaryKey, 'id');
  assert.ok(info.updatedAt instanceof Date && !Number.isNaN(info.updatedAt.getTime()));
  const stats = await index.getStats();
  assert.equal(stats.numberOfDocuments, 5);
  assert.equal(stats.isIndexing, false);
  assert.equal(stats.fieldDistribution.title, 5);
  const list = await client.getIndexes();
  assert.deepEqual(list.results.map((i) => i.uid), ['issues']);
  assert.deepEqual(await refusal(() => client.getIndex('books')), {
    code: 'index_not_found', status: 404, message: 'Index `books` not found: this archive has one index, `issues`' });
});

test('search: a quoted value with "and" in it, facets, sort, highlight, score, positions', async () => {
  const result = await index.search('Telford', {
    filter: 'authorities = "Telford and Wrekin"', facets: ['authorities', 'kind'], sort: ['date:desc'],
    attributesToHighlight: ['*'], showRankingScore: true, showMatchesPosition: true, matchingStrategy: 'all',
  });
  assert.equal(result.estimatedTotalHits, 3);
  assert.equal(result.facetDistribution.authorities['Telford and Wrekin'], 3);
  assert.deepEqual(result.facetDistribution.kind, { issue: 3 });
  const dates = result.hits.map((hit) => hit.date);
  assert.deepEqual(dates, [...dates].sort().reverse());
  for (const hit of result.hits) {
    assert.ok(hit._rankingScore > 0 && hit._rankingScore <= 1, `score ${hit._rankingScore}`);
    assert.match(hit._formatted.snippet, /<em>Telford<\/em>/);
    assert.ok(hit._matchesPosition.snippet.length > 0);
  }
  // Highlighting covers title and heading: every one with a query word shows it marked.
  const headed = await index.search('care leaver offer', { attributesToHighlight: ['*'], limit: 5 });
  const marked = headed.hits.filter((hit) => /care|leaver|offer/i.test(hit.heading));
  assert.ok(marked.length > 0, 'no heading has the words');
  for (const hit of marked) assert.match(hit._formatted.heading, /<em>/, hit.heading);
});

test('search: array filters, date ranges, kind, crop, retrieve; malformed filters refused with a position', async () => {
  const result = await index.search('', {
    filter: [['authorities = Solihull', 'authorities = "Telford and Wrekin"'], '"date" 2022-01 TO 2022-12', 'kind = issue'],
    attributesToRetrieve: ['title', 'date'], attributesToCrop: ['snippet'], cropLength: 5, hitsPerPage: 10,
  });
  assert.ok(result.totalHits > 0);
  for (const hit of result.hits) {
    assert.deepEqual(Object.keys(hit).sort(), ['_formatted', 'date', 'title']);
    assert.match(hit.date, /^2022-/);
  }
  for (const filter of ['authorities = "Solihull" AND', 'authorities === ', 'authorities = "Solihull', 'authorities IN []']) {
    const { code, status, message } = await refusal(() => index.search('', { filter }));
    assert.equal(code, 'invalid_search_filter', filter);
    assert.equal(status, 400);
    assert.match(message, /position \d+/, filter);
  }
  assert.equal((await refusal(() => index.search('', { distinct: 'title' }))).code, 'bad_request');
  assert.equal((await refusal(() => index.search('', { matchingStrategy: 'most' }))).code, 'invalid_search_matching_strategy');
});

test('searchForFacetValues and multiSearch', async () => {
  const facets = await index.searchForFacetValues({ facetName: 'authorities', facetQuery: 'wre', q: 'care' });
  assert.deepEqual(facets.facetHits.map((hit) => hit.value), ['Telford and Wrekin']);
  assert.equal(facets.facetQuery, 'wre');
  const multi = await client.multiSearch({ queries: [
    { indexUid: 'issues', q: 'care', limit: 1 }, { indexUid: 'issues', q: '', facets: ['people'], limit: 0 }] });
  assert.equal(multi.results.length, 2);
  assert.equal(multi.results[0].hits.length, 1);
  assert.ok(Object.keys(multi.results[1].facetDistribution.people).length > 0);
  const many = Array.from({ length: 17 }, () => ({ indexUid: 'issues', q: 'care' }));
  assert.equal((await refusal(() => client.multiSearch({ queries: many }))).code, 'invalid_multi_search_queries');
  assert.equal((await refusal(() => client.multiSearch({ queries: [{ indexUid: 'issues' }], federation: {} }))).code,
               'bad_request');
});

test('instant-meilisearch: refinements, a date range, highlighted hits and facet value search', async () => {
  const { searchClient } = instantMeiliSearch(client.config.host, '');
  const [result] = (await searchClient.search([{ indexName: 'issues', params: {
    query: 'Telford', facets: ['authorities'], facetFilters: [['authorities:Telford and Wrekin']],
    numericFilters: ['date:2022-01 TO 2022-12'], hitsPerPage: 5, page: 0,
    highlightPreTag: '__ais-highlight__', highlightPostTag: '__/ais-highlight__' } }])).results;
  assert.equal(result.nbHits, 3);
  assert.equal(result.facets.authorities['Telford and Wrekin'], 3);
  for (const hit of result.hits) assert.match(hit._highlightResult.snippet.value, /__ais-highlight__Telford__\/ais-highlight__/);
  const [values] = await searchClient.searchForFacetValues([{ indexName: 'issues', params: {
    facetName: 'authorities', facetQuery: 'sol', query: '' } }]);
  assert.deepEqual(values.facetHits.map((hit) => hit.value), ['Solihull']);
});
