#!/usr/bin/env node
// The floor for any Node.js service in front of Meilisearch on this machine: node:http in,
// node:http (keep-alive) out, the same Meilisearch query as MeiliEngine.search, the same mapping
// to the GraphQL result shape, JSON out. No framework, no validation, no GraphQL execution.
// Started by search.bench.mjs to put the API's latency ratio in context; not part of Essaim.
import { Agent, createServer, request } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(root, 'apps/api/package.json'));
const { markedToSafeHtml } = require('./dist/search/snippet.js');
const { FACET_FIELDS } = require('./dist/search/search-engine.js');

const { MEILI_URL, MEILI_KEY, MEILI_INDEX, PORT } = process.env;
const agent = new Agent({ keepAlive: true, maxSockets: 32 });
const searchUrl = `${MEILI_URL}/indexes/${MEILI_INDEX}/search`;

function meili(body) {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      searchUrl,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length, authorization: `Bearer ${MEILI_KEY}` } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const quote = (v) => JSON.stringify(v);
createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const v = JSON.parse(Buffer.concat(chunks).toString('utf8')).variables ?? {};
    const filter = [];
    if (v.types?.length) filter.push(`type IN [${v.types.map(quote).join(', ')}]`);
    if (v.themes?.length) filter.push(`themes IN [${v.themes.map(quote).join(', ')}]`);
    if (v.territoryCode) filter.push(`territoryCode = ${quote(v.territoryCode)}`);
    const r = await meili({
      q: v.q,
      filter: filter.length ? filter.join(' AND ') : undefined,
      facets: [...FACET_FIELDS],
      limit: v.first ?? 20,
      offset: 0,
      attributesToRetrieve: ['type', 'id', 'title', 'url'],
      attributesToCrop: ['body'],
      cropLength: 30,
      cropMarker: '…',
      attributesToHighlight: ['body'],
      highlightPreTag: '\u0002',
      highlightPostTag: '\u0003',
    });
    const search = {
      total: r.estimatedTotalHits,
      engine: 'meilisearch',
      hits: r.hits.map((h) => ({ type: h.type, id: h.id, title: h.title, snippet: markedToSafeHtml(String(h._formatted?.body ?? '')), url: h.url })),
      facets: FACET_FIELDS.map((field) => ({ field, values: Object.entries(r.facetDistribution?.[field] ?? {}).map(([value, count]) => ({ value, count })) })),
    };
    const out = Buffer.from(JSON.stringify({ data: { search } }));
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': out.length });
    res.end(out);
  });
}).listen(Number(PORT), '127.0.0.1', () => process.send?.('ready'));
