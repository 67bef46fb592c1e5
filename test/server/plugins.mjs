// A real HTTP server on loopback that implements docs/openapi.yaml, for the HttpSource tests.
// web-test-runner.config.mjs loads this file. The server listens on its own port, so requests
// from the test page are cross-origin and go through CORS exactly as in a portal.
//
// The test page asks the dev server for `/__care-test-api__` to learn the API's origin, then:
//   POST {origin}/sessions/{session}            body: a CareRecord; creates an isolated data set
//   GET  {origin}/sessions/{session}            the stored records and every request seen
//   ...  {origin}/api/{session}/{scenario}/care-teams/...   the REST contract, behaving as the scenario says
// Scenarios: ok, flaky (first read answers 503), error-500, slow (answers after 3 s), invalid
// (the record breaks the contract), not-json, unauthorised (401), forbidden, reject-422.
// Write faults, where reads work and only the session's FIRST write fails (so a retry, which is a
// later attempt of the change with the same Care-Change-Id, can succeed; a browser's silent resend of the same request
// fails the same way): timeout (held until the client gives up, not stored), network (socket
// destroyed, not stored), conflict (409, not stored), out-of-order (stored, but answered 800 ms
// late, so anything sent meanwhile is answered first), timeout-stored (stored, but only after the
// client gave up waiting: the write got through and its answer was lost).
// Audit faults, where only the session's first POST …/audit fails: audit-unavailable (503, not
// kept), audit-lost (kept, but answered 503), audit-refused (400, not kept); audit-down answers
// every POST …/audit with 503.
import { createServer } from 'node:http';

const SLOW_MS = 3000;
const HOLD_MS = 60_000;
const LATE_MS = 800;
/** The REST collections, each with the record's list it writes. */
const COLLECTIONS = new Map([
  ['responsibilities', 'responsibilities'],
  ['consents', 'consents'],
  ['meetings', 'meetings'],
  ['crisis-plans', 'crisisPlans'],
  ['meeting-outcomes', 'meetingOutcomes'],
]);
const KINDS = { responsibilities: 'responsibility', consents: 'consent', meetings: 'meeting', 'crisis-plans': 'crisis-plan', 'meeting-outcomes': 'meeting-outcome' };
const ALLOWED_HEADERS = [
  'Content-Type',
  'Accept',
  'Authorization',
  'If-Match',
  'If-None-Match',
  'Care-Change-Id',
  'Care-Change-Attempt',
  'Care-Change-At',
  'Care-Change-Action',
  'Care-Change-Reason',
  'Care-Actor',
];

/** session id → { records: Map<teamId, record>, requests: [] } */
const sessions = new Map();

const versioned = (entity) => ({ ...entity, meta: { ...entity.meta, version: entity.meta?.version ?? '1' } });

function seed(record) {
  return {
    ...record,
    team: versioned(record.team),
    responsibilities: (record.responsibilities ?? []).map(versioned),
    consents: (record.consents ?? []).map(versioned),
    meetings: (record.meetings ?? []).map(versioned),
    crisisPlans: (record.crisisPlans ?? []).map(versioned),
    meetingOutcomes: (record.meetingOutcomes ?? []).map(versioned),
  };
}

function send(res, status, body, headers = {}) {
  if (res.writableEnded || res.destroyed) return;
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'ETag',
    'Cache-Control': 'no-store',
    ...(body === undefined ? {} : { 'Content-Type': typeof body === 'string' ? 'text/html' : 'application/json' }),
    ...headers,
  });
  res.end(text);
}

const problem = (res, status, title, detail) =>
  send(res, status, { type: 'about:blank', title, status, detail }, { 'Content-Type': 'application/problem+json' });

const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const decode = (value) => {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** Waits `ms`, or until the client has given up on the response. */
const hold = (ms, res) =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    res.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });

const delay = (ms, req) =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    req.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });

async function handleApi(req, res, session, scenario, rest) {
  const state = sessions.get(session);
  if (!state) return problem(res, 404, 'Unknown test session', `no session ${session}`);
  const body = req.method === 'PUT' || req.method === 'POST' ? await readBody(req) : '';
  const actor = decode(req.headers['care-actor']);
  state.requests.push({
    method: req.method,
    path: rest.join('/'),
    ifMatch: req.headers['if-match'],
    ifNoneMatch: req.headers['if-none-match'],
    changeId: req.headers['care-change-id'],
    attempt: req.headers['care-change-attempt'],
    at: req.headers['care-change-at'],
    action: decode(req.headers['care-change-action']),
    reason: decode(req.headers['care-change-reason']),
    actor: actor ? JSON.parse(actor) : undefined,
    authorization: req.headers.authorization,
    // Only audit posts keep their body, so a test can see what each try carried.
    body: req.method === 'POST' ? body : undefined,
  });
  const reads = state.requests.filter((r) => r.method === 'GET').length;

  if (scenario === 'slow') await delay(SLOW_MS, req);
  if (scenario === 'error-500') return problem(res, 500, 'Internal Server Error', 'the database is not answering');
  if (scenario === 'flaky' && req.method === 'GET' && reads === 1) return problem(res, 503, 'Service Unavailable', 'starting up');
  if (scenario === 'forbidden') return problem(res, 403, 'Forbidden', 'you are not on this care team');
  if (scenario === 'unauthorised') return problem(res, 401, 'Unauthorized', 'the session has ended; sign in again');
  if (scenario === 'reject-422' && req.method === 'PUT') return problem(res, 422, 'Unprocessable Content', 'the GP practice does not accept this task');
  // The first write is one attempt of one change: a Try again (same change id, next attempt) is not it.
  const first = state.requests.find((r) => r.method === 'PUT');
  const firstWrite = req.method === 'PUT' && first.changeId === req.headers['care-change-id'] && first.attempt === req.headers['care-change-attempt'];
  if (scenario === 'timeout' && firstWrite) return hold(HOLD_MS, res).then(() => problem(res, 504, 'Gateway Timeout', 'held'));
  if (scenario === 'network' && firstWrite) return void req.socket.destroy();
  if (scenario === 'conflict' && firstWrite) return problem(res, 409, 'Conflict', 'another change to this entity is being processed');
  if (scenario === 'out-of-order' && firstWrite) await hold(LATE_MS, res);
  if (scenario === 'timeout-stored' && firstWrite) await hold(HOLD_MS, res);

  const [root, teamId, collection, id, extra] = rest;
  if (root !== 'care-teams' || !teamId || extra !== undefined) return problem(res, 404, 'Not Found', rest.join('/'));
  const record = state.records.get(teamId);
  if (!record) return problem(res, 404, 'Not Found', `no care team ${teamId}`);

  if (req.method === 'GET' && collection === 'record' && id === undefined) {
    if (scenario === 'not-json') return send(res, 200, '<html><body>Please log in</body></html>');
    if (scenario === 'invalid') {
      const broken = structuredClone(record);
      broken.team.members[1].kind = 'doctor';
      broken.meetings[0].start = '2026-02-30T10:00:00+01:00';
      return send(res, 200, broken);
    }
    return send(res, 200, record);
  }
  if (req.method === 'POST' && collection === 'audit' && id === undefined) {
    // Audit entries of outcomes the server never saw (vetoed, rejected by the host, failed).
    let entries;
    try {
      entries = JSON.parse(body);
    } catch {
      return problem(res, 400, 'Bad Request', 'the body is not JSON');
    }
    if (!Array.isArray(entries)) return problem(res, 400, 'Bad Request', 'expected an array of audit entries');
    // Audit faults hit only the session's first audit request, so the client's next try can get through.
    const firstAudit = state.requests.filter((r) => r.method === 'POST').length === 1;
    if (scenario === 'audit-down') return problem(res, 503, 'Service Unavailable', 'the audit store is down');
    if (scenario === 'audit-unavailable' && firstAudit) return problem(res, 503, 'Service Unavailable', 'the audit store is restarting');
    if (scenario === 'audit-refused' && firstAudit) return problem(res, 400, 'Bad Request', 'the audit entries were refused');
    // An entry is kept once per id (docs/openapi.yaml): a try whose answer was lost arrives again.
    const kept = new Set((record.audit ?? []).map((entry) => entry.id));
    record.audit = [...(record.audit ?? []), ...entries.filter((entry) => !kept.has(entry.id))];
    if (scenario === 'audit-lost' && firstAudit) return problem(res, 503, 'Service Unavailable', 'kept, but the answer was lost');
    return send(res, 204);
  }
  if (req.method !== 'PUT') return problem(res, 405, 'Method Not Allowed', req.method);

  let entity;
  try {
    entity = JSON.parse(body);
  } catch {
    return problem(res, 400, 'Bad Request', 'the body is not JSON');
  }
  let current;
  let store;
  if (collection === undefined) {
    if (entity.id !== teamId) return problem(res, 400, 'Bad Request', 'the team id in the body does not match the path');
    current = record.team;
    store = (value) => (record.team = value);
  } else if (COLLECTIONS.has(collection) && id) {
    if (entity.id !== id) return problem(res, 400, 'Bad Request', 'the id in the body does not match the path');
    const list = (record[COLLECTIONS.get(collection)] ??= []);
    current = list.find((item) => item.id === id);
    store = (value) => {
      const index = list.findIndex((item) => item.id === id);
      if (index === -1) list.push(value);
      else list[index] = value;
    };
  } else {
    return problem(res, 404, 'Not Found', rest.join('/'));
  }

  const changeId = req.headers['care-change-id'];
  // A repeat of a change already stored (its answer was lost) is answered as stored, not stored twice.
  const applied = changeId && state.applied.get(changeId);
  if (applied && current && current.meta.version === applied) {
    return send(res, 200, { ...current, meta: { updated: current.meta.updated } }, { ETag: `"${current.meta.version}"` });
  }
  const ifMatch = req.headers['if-match'];
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch === '*' && current) return problem(res, 412, 'Precondition Failed', `${id ?? teamId} already exists`);
  if (current && !ifMatch && ifNoneMatch !== '*') return problem(res, 428, 'Precondition Required', 'send If-Match');
  if (ifMatch && (!current || ifMatch !== `"${current.meta.version}"`)) {
    return problem(res, 412, 'Precondition Failed', `stored version is ${current ? current.meta.version : 'none'}, the change was made on ${ifMatch}`);
  }
  if (collection === 'consents' && current) {
    // Compared by what each entry says happened (clients may fill in defaults such as relation "self").
    const said = (list) => JSON.stringify((list ?? []).map((h) => [h.state, Date.parse(h.at)]));
    const before = said(current.history);
    const kept = said((entity.history ?? []).slice(0, (current.history ?? []).length));
    if (before !== kept) return problem(res, 422, 'Unprocessable Content', 'the consent history is append-only');
  }
  const version = String((Number(current?.meta?.version) || 0) + 1);
  const stored = { ...entity, meta: { ...entity.meta, version, updated: new Date().toISOString() } };
  store(stored);
  if (changeId) state.applied.set(changeId, version);
  const kind = collection === undefined ? 'team' : KINDS[collection];
  const entry = { id: `audit-${changeId}-${req.headers['care-change-attempt'] ?? '1'}`, entity: kind, entityId: entity.id, action: decode(req.headers['care-change-action']) ?? 'update', actor: actor ? JSON.parse(actor) : { name: '(none)' }, at: req.headers['care-change-at'] ?? new Date().toISOString(), outcome: 'saved', changeId };
  record.audit = [...(record.audit ?? []), entry];
  // The body is the entity as stored; its new version travels (only) in the ETag.
  const answer = { ...stored, meta: { updated: stored.meta.updated } };
  return send(res, current ? 200 : 201, answer, { ETag: `"${version}"` });
}

async function handle(req, res) {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (req.method === 'OPTIONS') {
    return send(res, 204, undefined, {
      'Access-Control-Allow-Methods': 'GET, PUT, POST',
      'Access-Control-Allow-Headers': ALLOWED_HEADERS.join(', '),
      'Access-Control-Max-Age': '600',
    });
  }
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  try {
    if (parts[0] === 'sessions' && parts.length === 2) {
      if (req.method === 'POST') {
        const record = seed(JSON.parse(await readBody(req)));
        sessions.set(parts[1], { records: new Map([[record.team.id, record]]), requests: [], applied: new Map() });
        return send(res, 201, { session: parts[1] });
      }
      const state = sessions.get(parts[1]);
      if (!state) return problem(res, 404, 'Not Found', 'no such session');
      return send(res, 200, { records: Object.fromEntries(state.records), requests: state.requests });
    }
    if (parts[0] === 'api' && parts.length >= 3) return await handleApi(req, res, parts[1], parts[2], parts.slice(3));
    return problem(res, 404, 'Not Found', url.pathname);
  } catch (error) {
    return problem(res, 500, 'Test server error', String(error));
  }
}

let server;
let origin = '';

export default [
  {
    name: 'care-test-api',
    async serverStart() {
      server = createServer((req, res) => void handle(req, res));
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${server.address().port}`;
    },
    async serverStop() {
      server?.closeAllConnections?.();
      await new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
    serve(context) {
      if (context.path === '/__care-test-api__') return { body: JSON.stringify({ origin }), type: 'json' };
      return undefined;
    },
  },
];
