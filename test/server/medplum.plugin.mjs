// Dev-server plugin for the browser tests: Medplum's FHIR R4 router (test/server/medplum/server.mjs)
// on its own loopback port, so the test page reaches it cross-origin through CORS like a portal
// reaches a hospital's FHIR server. Seeded with the official R4 examples and the Fjordvik case.
//
// The page asks the dev server for `/__medplum__` → { origin, base } and then uses
//   {base}/...                          the FHIR REST API (base = {origin}/fhir/R4)
//   POST {origin}/__control__/reset      forget every change: the seed again, fresh versions
//   GET  {origin}/__control__/requests   every FHIR request seen since the reset
// Medplum (definitions, search index, seed: a few seconds) is loaded on the first request only,
// so test runs that never use it do not pay for it.
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const PAGE_SIZE = 5;
let http;
let origin = '';
let ready;

async function build() {
  const script = fileURLToPath(new URL('./medplum/fjordvik-seed.mjs', import.meta.url));
  const fjordvik = new Promise((resolve, reject) =>
    execFile(process.execPath, [script], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout)))),
  );
  const { MedplumFhirServer, officialR4Examples } = await import('./medplum/server.mjs');
  const server = new MedplumFhirServer({ pageSize: PAGE_SIZE, base: `${origin}/fhir/R4` });
  const seed = [...officialR4Examples().resources, ...(await fjordvik)];
  const reset = async () => {
    server.clear();
    await server.seed(seed);
  };
  await reset();
  return { server, reset };
}

async function handle(req, res) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks).toString('utf8');
  let answer;
  try {
    ready ??= build();
    const { server, reset } = await ready;
    const json = (status, value) => ({ status, headers: { ...server.cors(), 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }, body: JSON.stringify(value) });
    if (req.url === '/__control__/reset' && req.method === 'POST') {
      await reset();
      answer = json(200, { base: server.base });
    } else if (req.url === '/__control__/requests' && req.method === 'GET') {
      answer = json(200, server.requests);
    } else {
      answer = await server.handle({ method: req.method, url: req.url, headers: req.headers, body });
    }
  } catch (error) {
    answer = { status: 500, headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' }, body: String(error?.stack ?? error) };
  }
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

export default [
  {
    name: 'medplum-fhir',
    async serverStart() {
      http = createServer((req, res) => void handle(req, res));
      await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${http.address().port}`;
    },
    async serverStop() {
      http?.closeAllConnections?.();
      await new Promise((resolve) => (http ? http.close(() => resolve()) : resolve()));
    },
    serve(context) {
      if (context.path === '/__medplum__') return { body: JSON.stringify({ origin, base: `${origin}/fhir/R4` }), type: 'json' };
      return undefined;
    },
  },
];
