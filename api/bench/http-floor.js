// The floor of a request over HTTP on this machine (fixed-cost-bench.ts): Node's http server and
// the pg driver, nothing else. It answers `{ "sql": "...", "params": [...] }` with `{ "rows": [...] }`,
// running the statement as given. What the API adds beyond this floor is its own fixed cost;
// what the floor adds to the SQL is transport (two HTTP stacks and a loopback round trip), which
// any server pays. Plain JavaScript, started with node alone, so it loads nothing it does not use.
'use strict';
const http = require('node:http');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const port = Number(process.env.PORT);

/**
 * Runs one statement and answers it: 200 with the rows, 500 with the error. It never rejects (a
 * failure is the 500), so the request handler starts it without waiting for it.
 */
async function answer(received, res) {
  try {
    const { sql, params } = JSON.parse(received.toString('utf8'));
    // The bench writes statements with ? placeholders (knex's); pg numbers them.
    let n = 0;
    const { rows } = await pool.query(
      sql.replace(/\?/g, () => `$${++n}`),
      params,
    );
    const body = JSON.stringify({ rows });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: String(error) }));
  }
}

http
  .createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => void answer(Buffer.concat(chunks), res));
  })
  .listen(port, '127.0.0.1', () => process.send?.('ready'));
