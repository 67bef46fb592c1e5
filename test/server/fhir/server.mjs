// A minimal FHIR REST server for tests: OUR OWN TEST DOUBLE, not a third-party implementation.
// It keeps resources in memory and implements the part of the FHIR REST API that FhirSource uses,
// the way the specification describes it:
//   GET  {base}/{Type}/{id}                 read, with ETag W/"<versionId>"
//   GET  {base}/{Type}?…                    search: _id, patient, actor, _include (R4 Consent:consentor
//                                           too), _revinclude,
//                                           _count; results in a searchset Bundle with
//                                           link[next] paging; unknown parameters → 400
//   PUT  {base}/{Type}/{id}                 update (or create) with If-Match W/"<versionId>":
//                                           a stale version → 412 with an OperationOutcome;
//                                           with If-None-Match: * (R5 conditional update) a resource
//                                           that exists → 412 (`ifNoneMatch: 'not-modified'`: 304,
//                                           as servers configured so answer; `'ignored'`: stored
//                                           over it, as servers that do not evaluate the header do)
//   GET  {base}/metadata                    a CapabilityStatement: `transaction` when offered, and
//                                           each type with updateCreate and (`conditionalUpdate:
//                                           true`) conditionalUpdate
//   POST {base}                             (with `transactions: true`, which the CapabilityStatement
//                                           then says) a transaction Bundle of PUT entries, each
//                                           with its own ifMatch: all stored, or none (the first
//                                           failing entry's status and OperationOutcome; an entry's
//                                           ifMatch and ifNoneMatch as the headers above); with
//                                           `transactions: 'as-batch'` it says the same but carries
//                                           the entries out one by one, each with its own status
//                                           (as a server does that takes a transaction for a batch)
// `handle()` is pure (request in, response out), so the same server runs behind node:http
// (startFhirServer) or in a browser page through a fetch function (fetchFor).

const FHIR_JSON = 'application/fhir+json';
const REF = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

const outcome = (severity, code, text) => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity, code, details: { text }, diagnostics: text }],
});

/** References (as `Type/id` strings) found under `value`. */
const references = (value, out = []) => {
  if (Array.isArray(value)) value.forEach((item) => references(item, out));
  else if (value && typeof value === 'object') {
    if (typeof value.reference === 'string') out.push(value.reference);
    for (const [key, item] of Object.entries(value)) if (key !== 'contained') references(item, out);
  }
  return out;
};

/** `Type/id` of a relative or absolute reference. */
const relative = (reference) => /([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(\/_history\/[^/]*)?$/.exec(reference ?? '')?.[1];

export class FhirTestServer {
  /**
   * @param {{ version?: 'R4'|'R5', pageSize?: number, base?: string, transactions?: boolean | 'as-batch',
   *   conditionalUpdate?: boolean, ifNoneMatch?: 'precondition-failed'|'not-modified'|'ignored' }} options
   */
  constructor({ version = 'R4', pageSize = 10, base = 'http://fhir.test/fhir', transactions = false, conditionalUpdate = false, ifNoneMatch = 'precondition-failed' } = {}) {
    this.version = version;
    this.transactions = transactions;
    this.conditionalUpdate = conditionalUpdate;
    this.ifNoneMatch = ifNoneMatch;
    this.pageSize = pageSize;
    this.base = base;
    /** `Type/id` → resource (with meta.versionId) */
    this.resources = new Map();
    /** Every request: { method, path, query, ifMatch, body } */
    this.requests = [];
    this.plannedFailures = [];
    this.plannedActions = [];
  }

  /** Stores resources as version 1 (or the next version), without any precondition. */
  seed(...resources) {
    for (const resource of resources.flat()) {
      const key = `${resource.resourceType}/${resource.id}`;
      const current = this.resources.get(key);
      const versionId = String(Number(current?.meta?.versionId ?? 0) + 1);
      this.resources.set(key, { ...structuredClone(resource), meta: { ...resource.meta, versionId, lastUpdated: new Date().toISOString() } });
    }
  }

  /** The stored resource, or undefined. */
  get(reference) {
    const stored = this.resources.get(reference);
    return stored && structuredClone(stored);
  }

  /**
   * Makes the next request that matches `method` (and `path`, `Type/id`, when given) answer
   * `status` with an OperationOutcome saying `text`. In a transaction, an entry that matches fails
   * the whole transaction.
   */
  failNext(method, status, text, path) {
    this.plannedFailures.push({ method, status, text, path });
  }

  /**
   * Runs `action` (once) right after the next request that matches `method` and `path` (`Type/id`)
   * is answered: someone else's write that lands between two of the client's requests.
   */
  afterNext(method, path, action) {
    this.plannedActions.push({ method, path, action });
  }

  /** The planned failure for `method` on `path`, taken from the list, if any. */
  plannedFailure(method, path) {
    const index = this.plannedFailures.findIndex((f) => f.method === method && (f.path === undefined || f.path === path));
    return index === -1 ? undefined : this.plannedFailures.splice(index, 1)[0];
  }

  /** @param {{ method: string, url: string, headers?: Record<string,string>, body?: string }} request */
  handle(request) {
    const answer = this.answerTo(request);
    const path = this.requests.at(-1)?.path;
    const index = this.plannedActions.findIndex((a) => a.method === request.method && a.path === path);
    if (index !== -1) this.plannedActions.splice(index, 1)[0].action();
    return answer;
  }

  answerTo(request) {
    const url = new URL(request.url, `${this.base}/`);
    const path = url.pathname.startsWith(new URL(this.base).pathname) ? url.pathname.slice(new URL(this.base).pathname.length) : url.pathname;
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    this.requests.push({ method: request.method, path: parts.join('/'), query: url.search, ifMatch: headers['if-match'], ifNoneMatch: headers['if-none-match'], body: request.body });

    const failure = this.plannedFailure(request.method, parts.join('/'));
    if (failure) return this.answer(failure.status, outcome('error', 'processing', failure.text));
    if (request.method === 'OPTIONS') return { status: 204, headers: this.cors(), body: '' };
    if (request.method === 'GET' && parts.length === 1 && parts[0] === 'metadata') {
      const types = ['CareTeam', 'Consent', 'Task', 'CarePlan', 'Appointment', 'Composition', 'Communication'];
      const resource = types.map((type) => ({
        type,
        interaction: [{ code: 'read' }, { code: 'update' }, { code: 'search-type' }],
        updateCreate: true,
        ...(this.conditionalUpdate ? { conditionalUpdate: true } : {}),
      }));
      const rest = [{ mode: 'server', resource, interaction: this.transactions ? [{ code: 'transaction' }] : [] }];
      return this.answer(200, { resourceType: 'CapabilityStatement', status: 'active', kind: 'instance', fhirVersion: this.version === 'R4' ? '4.0.1' : '5.0.0', format: ['json'], rest });
    }
    if (request.method === 'POST' && parts.length === 0 && this.transactions) return this.transaction(request.body);
    if (request.method === 'GET' && parts.length === 2) return this.read(`${parts[0]}/${parts[1]}`);
    if (request.method === 'GET' && parts.length === 1) return this.search(parts[0], url.searchParams);
    if (request.method === 'PUT' && parts.length === 2) return this.update(parts[0], parts[1], headers, request.body);
    return this.answer(405, outcome('error', 'not-supported', `${request.method} ${path} is not supported by this test server`));
  }

  cors() {
    return {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, PUT, POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type, Accept, Authorization, If-Match, If-None-Match, Prefer',
      'Access-Control-Expose-Headers': 'ETag, Location',
    };
  }

  answer(status, body, extra = {}) {
    return { status, headers: { ...this.cors(), 'Content-Type': FHIR_JSON, 'Cache-Control': 'no-store', ...extra }, body: JSON.stringify(body) };
  }

  /** A transaction Bundle: every entry checked first, then all stored, or none. */
  transaction(body) {
    let bundle;
    try {
      bundle = JSON.parse(body ?? '');
    } catch {
      return this.answer(400, outcome('error', 'structure', 'The body is not JSON.'));
    }
    if (bundle?.resourceType !== 'Bundle' || bundle.type !== 'transaction') return this.answer(400, outcome('error', 'invalid', 'Only a Bundle of type transaction is accepted here.'));
    const entries = bundle.entry ?? [];
    const before = new Map(this.resources);
    const answers = [];
    for (const entry of entries) {
      const [type, id, ...rest] = (entry.request?.url ?? '').split('/');
      if (entry.request?.method !== 'PUT' || !type || !id || rest.length) {
        this.resources = before;
        return this.answer(400, outcome('error', 'not-supported', `${entry.request?.method} ${entry.request?.url} is not supported in a transaction by this test server`));
      }
      const failure = this.plannedFailure('PUT', `${type}/${decodeURIComponent(id)}`);
      const answer = failure
        ? this.answer(failure.status, outcome('error', 'processing', failure.text))
        : this.update(
            type,
            decodeURIComponent(id),
            { ...(entry.request.ifMatch ? { 'if-match': entry.request.ifMatch } : {}), ...(entry.request.ifNoneMatch ? { 'if-none-match': entry.request.ifNoneMatch } : {}) },
            JSON.stringify(entry.resource),
          );
      if (answer.status >= 400 && this.transactions !== 'as-batch') {
        // All or nothing: what this transaction stored so far is taken back.
        this.resources = before;
        return answer;
      }
      answers.push(answer);
    }
    return this.answer(200, {
      resourceType: 'Bundle',
      type: 'transaction-response',
      entry: answers.map((answer) =>
        answer.status >= 400
          ? { response: { status: String(answer.status), outcome: JSON.parse(answer.body) } }
          : {
              resource: JSON.parse(answer.body),
              response: { status: { 201: '201 Created', 304: '304 Not Modified' }[answer.status] ?? '200 OK', etag: answer.headers.ETag, location: answer.headers.Location },
            },
      ),
    });
  }

  read(key) {
    const resource = this.resources.get(key);
    if (!resource) return this.answer(404, outcome('error', 'not-found', `${key} is not known`));
    return this.answer(200, resource, { ETag: `W/"${resource.meta.versionId}"` });
  }

  update(type, id, headers, body) {
    let resource;
    try {
      resource = JSON.parse(body ?? '');
    } catch {
      return this.answer(400, outcome('error', 'structure', 'The body is not JSON.'));
    }
    if (resource?.resourceType !== type) return this.answer(400, outcome('error', 'invalid', `The body is a ${resource?.resourceType ?? 'nothing'}, the address says ${type}.`));
    if (resource.id !== id) return this.answer(400, outcome('error', 'invalid', `The resource id "${resource.id}" does not match the address (${id}).`));
    if (type === 'Consent' && !resource.status) return this.answer(422, outcome('error', 'required', 'Consent.status is required.'));
    const key = `${type}/${id}`;
    const current = this.resources.get(key);
    if (headers['if-none-match'] === '*' && current && this.ifNoneMatch !== 'ignored') {
      if (this.ifNoneMatch === 'not-modified') return this.answer(304, current, { ETag: `W/"${current.meta.versionId}"` });
      return this.answer(412, outcome('error', 'duplicate', `${key} already exists (If-None-Match: *).`));
    }
    const ifMatch = headers['if-match'];
    if (ifMatch) {
      const wanted = /^(?:W\/)?"([^"]*)"$/.exec(ifMatch.trim())?.[1];
      if (!current || wanted !== current.meta.versionId) {
        return this.answer(
          412,
          outcome('error', 'conflict', current ? `Someone else changed this ${type} first: version ${current.meta.versionId} is stored, the change was made on version ${wanted}.` : `${key} does not exist.`),
        );
      }
    }
    const versionId = String(Number(current?.meta?.versionId ?? 0) + 1);
    const stored = { ...resource, meta: { ...resource.meta, versionId, lastUpdated: new Date().toISOString() } };
    this.resources.set(key, stored);
    return this.answer(current ? 200 : 201, stored, { ETag: `W/"${versionId}"`, Location: `${this.base}/${key}/_history/${versionId}` });
  }

  matches(type, resource, name, values) {
    const refs = (list) => list.filter(Boolean).map((r) => relative(r.reference));
    const anyOf = (list) => refs(list).some((r) => values.some((v) => r === v || r === `Patient/${v}`));
    switch (name) {
      case '_id':
        return values.includes(resource.id);
      case 'patient':
        if (type === 'CareTeam' || type === 'CarePlan') return anyOf([resource.subject]);
        if (type === 'Consent') return anyOf([resource.patient, resource.subject]);
        if (type === 'Task') return anyOf([resource.for]);
        if (type === 'Appointment') return anyOf([resource.subject, ...(resource.participant ?? []).map((p) => p.actor)]);
        // Composition.subject is one Reference in R4, a list in R5.
        if (type === 'Composition') return anyOf([resource.subject].flat());
        if (type === 'Communication') return anyOf([resource.subject]);
        return false;
      case 'actor':
        return type === 'Schedule' && refs(resource.actor ?? []).some((r) => values.includes(r));
      default:
        return false;
    }
  }

  search(type, params) {
    const includes = params.getAll('_include');
    const revincludes = params.getAll('_revinclude');
    const count = Number(params.get('_count') ?? this.pageSize);
    const offset = Number(params.get('_offset') ?? 0);
    const filters = [];
    for (const [name, value] of params) {
      if (['_include', '_revinclude', '_count', '_offset', '_include:iterate'].includes(name)) continue;
      if (!['_id', 'patient', 'actor'].includes(name)) return this.answer(400, outcome('error', 'not-supported', `The search parameter "${name}" is not supported by this test server.`));
      filters.push([name, value.split(',')]);
    }
    const all = [...this.resources.values()].filter((r) => r.resourceType === type && filters.every(([name, values]) => this.matches(type, r, name, values)));
    const page = all.slice(offset, offset + count);

    const included = new Map();
    const include = (reference) => {
      const key = relative(reference);
      const resource = key && REF.test(key) ? this.resources.get(key) : undefined;
      if (resource && !page.includes(resource)) included.set(key, resource);
    };
    for (const spec of includes) {
      const [from, param] = spec.split(':');
      for (const resource of page.filter((r) => r.resourceType === from)) {
        if (from === 'CareTeam' && param === 'participant') (resource.participant ?? []).forEach((p) => include(p.member?.reference));
        else if (from === 'CareTeam' && param === 'subject') include(resource.subject?.reference);
        else if (from === 'CareTeam' && param === 'managing-organization') (resource.managingOrganization ?? []).forEach((o) => include(o.reference));
        else if (from === 'Appointment' && param === 'location') (resource.participant ?? []).filter((p) => p.actor?.reference?.startsWith('Location/')).forEach((p) => include(p.actor.reference));
        else if (from === 'Consent' && param === 'actor') references(resource.provision).forEach(include);
        // R4 consentor is Consent.performer; R5 defines no search parameter for grantor, so it stays unknown there.
        else if (from === 'Consent' && param === 'consentor' && this.version === 'R4') (resource.performer ?? []).forEach((p) => include(p.reference));
        else return this.answer(400, outcome('error', 'not-supported', `_include=${spec} is not supported by this test server.`));
      }
    }
    for (const spec of revincludes) {
      if (spec !== 'Slot:schedule') return this.answer(400, outcome('error', 'not-supported', `_revinclude=${spec} is not supported by this test server.`));
      const keys = new Set(page.map((r) => `${r.resourceType}/${r.id}`));
      for (const slot of [...this.resources.values()].filter((r) => r.resourceType === 'Slot')) {
        if (keys.has(relative(slot.schedule?.reference))) included.set(`Slot/${slot.id}`, slot);
      }
    }
    const self = new URL(`${this.base}/${type}`);
    for (const [name, value] of params) if (name !== '_offset') self.searchParams.append(name, value);
    const link = [{ relation: 'self', url: self.href }];
    if (offset + count < all.length) {
      const next = new URL(self.href);
      next.searchParams.set('_offset', String(offset + count));
      link.push({ relation: 'next', url: next.href });
    }
    return this.answer(200, {
      resourceType: 'Bundle',
      type: 'searchset',
      total: all.length,
      link,
      entry: [
        ...page.map((resource) => ({ fullUrl: `${this.base}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' } })),
        ...[...included.values()].map((resource) => ({ fullUrl: `${this.base}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'include' } })),
      ],
    });
  }

  /** A fetch function that answers from this server without a network (for browser pages). */
  fetchFor() {
    return async (input, init = {}) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const headers = {};
      new Headers(init.headers ?? request.headers).forEach((value, name) => (headers[name] = value));
      if (init.signal?.aborted) throw init.signal.reason ?? new DOMException('Aborted', 'AbortError');
      const answer = this.handle({ method: init.method ?? request.method, url: request.url, headers, body: init.body ?? undefined });
      return new Response(answer.status === 204 || answer.status === 304 ? null : answer.body, { status: answer.status, headers: answer.headers });
    };
  }
}

/** Serves `server` over HTTP on 127.0.0.1 (Node only). Resolves with its base URL and a close function. */
export async function startFhirServer(server, path = '/fhir') {
  const { createServer } = await import('node:http');
  const http = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const answer = server.handle({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    });
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  server.base = `http://127.0.0.1:${http.address().port}${path}`;
  return {
    url: server.base,
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections?.();
        http.close(() => resolve());
      }),
  };
}
