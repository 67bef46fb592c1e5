// Dev-server plugin for the browser tests: the reference REST server's coordination overview
// (GET /overview in docs/openapi.yaml) over generated caseloads, on its own loopback port, so the
// page reaches it cross-origin through CORS as a portal would.
//
// The page asks the dev server for `/__care-overview-api__` → { origin }, then:
//   POST {origin}/sessions/{session}   body { people, seed?, today?, names? }: a generated caseload
//   GET  {origin}/sessions/{session}   { requests: [{ path, query }] }: every overview request seen
//   GET  {origin}/api/{session}/{scenario}/overview?…   the overview, behaving as the scenario says
// Scenarios: ok, error-500, forbidden, unauthorised, slow (answers after 3 s), invalid (the
// answer breaks the contract), not-json.
//   ...  {origin}/fhir/R4/...   an empty FHIR R4 server of its own (Medplum's router, as in
//                               medplum.plugin.mjs) for FhirOverviewSource tests: nobody resets it,
//                               so a caseload written there stays while the test reads it
import { createServer } from 'node:http';
import { ORGANISATIONS, generateCaseload } from './overview/caseload.mjs';
import { createOverview, parseQuery } from './overview/query.mjs';

const sessions = new Map();
let server;
let origin = '';

function send(res, status, body) {
  if (res.writableEnded || res.destroyed) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Access-Control-Allow-Origin': '*',
    'Cache-Control': 'no-store',
    'Content-Type': typeof body === 'string' ? 'text/html' : status >= 400 ? 'application/problem+json' : 'application/json',
  });
  res.end(text);
}
const problem = (res, status, title, detail) => send(res, status, { type: 'about:blank', title, status, detail });

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** The overview of a caseload described by `options`: the same description gives the same data. */
export function overviewFor({ people = 100, seed = 1, today, names = true } = {}) {
  const caseload = generateCaseload({ people, seed, today });
  return createOverview({ ...caseload, organisations: ORGANISATIONS, names });
}

let fhir;
async function handleFhir(req, res) {
  fhir ??= import('./medplum/server.mjs').then(({ MedplumFhirServer }) => new MedplumFhirServer({ pageSize: 20, base: `${origin}/fhir/R4` }));
  const server = await fhir;
  const answer = await server.handle({ method: req.method, url: req.url, headers: req.headers, body: await readBody(req) });
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

async function handle(req, res) {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname.startsWith('/fhir/R4/')) return handleFhir(req, res);
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, POST', 'Access-Control-Allow-Headers': 'Accept, Authorization, Content-Type' });
    return res.end();
  }
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'sessions' && parts.length === 2) {
    if (req.method === 'POST') {
      const options = JSON.parse((await readBody(req)) || '{}');
      sessions.set(parts[1], { overview: overviewFor(options), requests: [] });
      return send(res, 201, { session: parts[1] });
    }
    const state = sessions.get(parts[1]);
    return state ? send(res, 200, { requests: state.requests }) : problem(res, 404, 'Not Found', 'no such session');
  }
  if (parts[0] !== 'api' || parts.length !== 4 || parts[3] !== 'overview') return problem(res, 404, 'Not Found', url.pathname);
  const state = sessions.get(parts[1]);
  if (!state) return problem(res, 404, 'Not Found', 'no such session');
  const scenario = parts[2];
  state.requests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams) });
  if (scenario === 'slow') await new Promise((resolve) => setTimeout(resolve, 3000));
  if (scenario === 'error-500') return problem(res, 500, 'Internal Server Error', 'the database is not answering');
  if (scenario === 'forbidden') return problem(res, 403, 'Forbidden', 'you may not see this caseload');
  if (scenario === 'unauthorised') return problem(res, 401, 'Unauthorized', 'sign in again');
  if (scenario === 'not-json') return send(res, 200, '<html><body>Please log in</body></html>');
  const parsed = parseQuery(url.searchParams);
  if (parsed.problems) return problem(res, 400, 'Bad Request', parsed.problems.join('; '));
  const answer = state.overview.answer(parsed.query);
  if (scenario === 'invalid') return send(res, 200, { ...answer, total: -1, items: answer.items.map((item) => ({ ...item, date: '2026-02-30' })) });
  return send(res, 200, answer);
}

export default [
  {
    name: 'care-overview-api',
    async serverStart() {
      server = createServer((req, res) => void handle(req, res).catch((error) => problem(res, 500, 'Test server error', String(error))));
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${server.address().port}`;
    },
    async serverStop() {
      server?.closeAllConnections?.();
      await new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
    serve(context) {
      if (context.path === '/__care-overview-api__') return { body: JSON.stringify({ origin }), type: 'json' };
      return undefined;
    },
  },
];
