import type { AuditEntry } from '../contract/audit.js';
import { Id, isUsableId } from '../contract/common.js';
import type { CareRecord } from '../contract/record.js';
import { check } from '../contract/validate.js';
import { checkEntity, describeIssues, REST_COLLECTIONS, ENTITY_NAMES, StoreContractError, TeamDirectory, wait } from './entities.js';
import { checkRecordInParts } from './record-parts.js';
import { StoreError, TEAM_ID_ENTITY, type CareDataSource, type Change, type ChangeKind, type EntityByKind, type LeftOut, type StoreErrorKind } from './types.js';

/**
 * Request headers that carry who made a change, when and why, so that the body can be exactly the
 * contract entity. Values that may hold any text are percent-encoded UTF-8 (`encodeURIComponent`).
 */
export const CHANGE_HEADERS = {
  /** Unique id of the change, the same on every Try again of it; lets a server recognise a repeat. */
  id: 'Care-Change-Id',
  /** 1 for the first time a change is sent, 2 for its first Try again, and so on. */
  attempt: 'Care-Change-Attempt',
  /** When the user made the change, ISO 8601. */
  at: 'Care-Change-At',
  /** What was done, one word: `assign`, `grant`, `book`, … (percent-encoded). */
  action: 'Care-Change-Action',
  /** The user's reason, when given (percent-encoded). */
  reason: 'Care-Change-Reason',
  /** The actor as JSON `{"id","name","organisationId"}` (percent-encoded). */
  actor: 'Care-Actor',
} as const;

export interface HttpSourceOptions {
  /** The API root, for example `https://portal.example/api`; paths are appended to it. */
  baseUrl: string;
  /** Headers sent with every request (for example `Authorization`), or a function giving them (called per request, so tokens can be refreshed). */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** A fetch implementation to use instead of the global one. */
  fetch?: typeof fetch;
  /** Whether cookies are sent: `same-origin` (default), `include` or `omit`. */
  credentials?: RequestCredentials;
  /** How long one request may take before it fails with `timeout`. Default 15000. */
  timeoutMs?: number;
  /** How many times a failed read is tried again (network failures, 429 and 5xx answers). Writes are never repeated. Default 2. */
  retries?: number;
  /** The first pause before a retry, doubled each time. Default 300. */
  retryDelayMs?: number;
}

/** Maps an HTTP status that is not 2xx to the kind of failure an element can explain. */
export const errorKindForStatus = (status: number): StoreErrorKind => {
  if (status === 409 || status === 412) return 'conflict';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 408) return 'timeout';
  if (status === 429 || status >= 500) return 'server';
  return 'rejected';
};

/** `W/"17"` or `"17"` → `17`. */
const versionFromEntityTag = (tag: string | null): string | undefined => {
  const match = tag?.trim().match(/^(?:W\/)?"?([^"]*)"?$/);
  return match?.[1] || undefined;
};

const entityTag = (version: string) => `"${version.replace(/^W\//, '').replace(/"/g, '')}"`;

const isRetryable = (error: unknown) => error instanceof StoreError && (error.kind === 'network' || error.kind === 'server');

const anySignal = (signals: AbortSignal[]): AbortSignal => {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
};

/**
 * A data source for the documented REST contract in `docs/openapi.yaml`:
 * - `GET {baseUrl}/care-teams/{teamId}/record` answers a CareRecord;
 * - `PUT {baseUrl}/care-teams/{teamId}` writes the team, and
 *   `PUT {baseUrl}/care-teams/{teamId}/{responsibilities|consents|meetings|crisis-plans|meeting-outcomes}/{id}` one entity.
 *
 * Bodies are exactly the contract entities; answers are checked against the contract. Writes use
 * optimistic concurrency: `If-Match: "<version>"` (or `If-None-Match: *` for a new entity), and
 * the answer's `ETag` becomes the entity's `meta.version`, so a conflicting change is reported
 * (`conflict`), never overwritten. Who, when and why travel in the `Care-…` headers. Reads are
 * retried on network failures and 5xx answers; writes are never repeated automatically.
 */
export class HttpSource implements CareDataSource {
  readonly baseUrl: string;
  private readonly options: Required<Pick<HttpSourceOptions, 'timeoutMs' | 'retries' | 'retryDelayMs' | 'credentials'>> &
    Pick<HttpSourceOptions, 'headers' | 'fetch'>;
  private readonly teams = new TeamDirectory();
  /** What the last load left out because it breaks the contract (the rest of the record is shown). */
  leftOut: readonly LeftOut[] = [];

  constructor(options: HttpSourceOptions) {
    if (!options?.baseUrl) throw new TypeError('HttpSource needs a baseUrl');
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.options = {
      headers: options.headers,
      fetch: options.fetch,
      credentials: options.credentials ?? 'same-origin',
      timeoutMs: options.timeoutMs ?? 15_000,
      retries: Math.max(0, options.retries ?? 2),
      retryDelayMs: options.retryDelayMs ?? 300,
    };
  }

  async load(teamId: string, signal?: AbortSignal): Promise<CareRecord> {
    if (!teamId) throw new StoreError('rejected', 'no care team id was given');
    // The id becomes part of the address, so it must follow the contract before anything is read.
    const id = check(Id, teamId);
    if (!id.ok) throw new StoreContractError(TEAM_ID_ENTITY, id.issues.map((issue) => ({ ...issue, path: 'careTeam' })));
    const url = this.url('care-teams', teamId, 'record');
    let body: unknown;
    for (let attempt = 0; ; attempt++) {
      try {
        ({ body } = await this.request('GET', url, 'CareRecord', new Headers(), undefined, signal));
        break;
      } catch (error) {
        if (attempt >= this.options.retries || !isRetryable(error) || signal?.aborted) throw error;
        await wait(this.options.retryDelayMs * 2 ** attempt, signal);
      }
    }
    // One broken meeting or consent is left out and named; only a broken team fails the load.
    const result = checkRecordInParts(body);
    if (!result.ok) throw new StoreContractError('CareRecord', result.issues);
    this.leftOut = result.leftOut;
    for (const item of result.leftOut) {
      console.warn(`HttpSource: left out ${item.at}${item.id ? ` (${item.id})` : ''}, which does not follow the ${item.entity} contract: ${describeIssues(item.issues, 5)}`);
    }
    this.teams.remember(result.value);
    return result.value;
  }

  async save<K extends ChangeKind>(change: Change<K>, signal?: AbortSignal): Promise<EntityByKind[K]> {
    const teamId = this.teams.teamFor(change as Change);
    const id = (change.value as { id: string }).id;
    const url =
      change.entity === 'team'
        ? this.url('care-teams', id)
        : this.url('care-teams', teamId, REST_COLLECTIONS[change.entity as Exclude<ChangeKind, 'team'>], id);

    const headers = new Headers({ 'Content-Type': 'application/json' });
    if (change.create) headers.set('If-None-Match', '*');
    else if (change.baseVersion) headers.set('If-Match', entityTag(change.baseVersion));
    headers.set(CHANGE_HEADERS.id, change.id);
    headers.set(CHANGE_HEADERS.attempt, String(change.attempt ?? 1));
    headers.set(CHANGE_HEADERS.at, change.at);
    headers.set(CHANGE_HEADERS.action, encodeURIComponent(change.action));
    headers.set(CHANGE_HEADERS.actor, encodeURIComponent(JSON.stringify(change.actor)));
    if (change.reason) headers.set(CHANGE_HEADERS.reason, encodeURIComponent(change.reason));

    const name = ENTITY_NAMES[change.entity];
    const { body, response } = await this.request('PUT', url, name, headers, JSON.stringify(change.value), signal);
    const result = checkEntity(change.entity, body === undefined ? change.value : body);
    if (!result.ok) throw new StoreContractError(name, result.issues);
    const stored = { ...result.value } as EntityByKind[K] & { meta?: { version?: string } };
    const version = versionFromEntityTag(response.headers.get('ETag'));
    if (version) stored.meta = { ...stored.meta, version };
    this.teams.note(change.entity, id, teamId);
    return stored;
  }

  /**
   * Sends audit entries of outcomes the server did not see (vetoed, rejected by the host, failed)
   * to `POST {baseUrl}/care-teams/{teamId}/audit`, so the trail does not live only in the browser.
   * Saved changes are recorded by the server from the `Care-…` headers of the write itself.
   */
  async audit(teamId: string, entries: readonly AuditEntry[]): Promise<void> {
    const headers = new Headers({ 'Content-Type': 'application/json' });
    await this.request('POST', this.url('care-teams', teamId, 'audit'), 'AuditEntry', headers, JSON.stringify(entries));
  }

  /** The address of a resource; each id is one encoded path segment, and `.`/`..` (which address the folder itself or the one above) are refused. */
  private url(...segments: string[]): string {
    const unusable = segments.find((segment) => !isUsableId(segment));
    if (unusable !== undefined) {
      throw new StoreContractError('Id', [{ path: 'id', message: `must not be "${unusable}": in a web address it means "this folder" or "the folder above"` }]);
    }
    return `${this.baseUrl}/${segments.map(encodeURIComponent).join('/')}`;
  }

  /** One request with timeout and status mapping; resolves with the parsed JSON body (undefined when empty). */
  private async request(
    method: 'GET' | 'PUT' | 'POST',
    url: string,
    entityName: string,
    headers: Headers,
    body: string | undefined,
    callerSignal?: AbortSignal,
  ): Promise<{ response: Response; body: unknown }> {
    const extra = typeof this.options.headers === 'function' ? await this.options.headers() : this.options.headers;
    new Headers(extra).forEach((value, name) => {
      if (!headers.has(name)) headers.set(name, value);
    });
    headers.set('Accept', 'application/json, application/problem+json');
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = callerSignal ? anySignal([callerSignal, timeout]) : timeout;
    const fetchImpl = this.options.fetch ?? globalThis.fetch.bind(globalThis);

    let response: Response;
    let text: string;
    try {
      // A write in flight survives leaving the page (keepalive) where the browser allows it: same
      // origin (a cross-origin keepalive request cannot be preflighted everywhere) and under 64 KB.
      const keepalive = method !== 'GET' && sameOrigin(url) && new Blob([body ?? '']).size < 60_000;
      response = await fetchImpl(url, { method, headers, body, signal, cache: 'no-store', credentials: this.options.credentials, keepalive });
      text = await response.text();
    } catch (error) {
      if (callerSignal?.aborted) throw callerSignal.reason ?? error;
      if (timeout.aborted) throw new StoreError('timeout', `${method} ${url} had no answer within ${this.options.timeoutMs} ms`);
      throw new StoreError('network', `${method} ${url} failed: ${error instanceof Error ? error.message : String(error)}`);
    }

    if (!response.ok) throw new StoreError(errorKindForStatus(response.status), problemDetail(response, text, method, url), response.status);
    if (text.trim() === '') return { response, body: undefined };
    try {
      return { response, body: JSON.parse(text) };
    } catch {
      throw new StoreContractError(entityName, [
        { path: '', message: `expected a JSON body, found ${text.length} characters that are not JSON` },
      ]);
    }
  }
}

const sameOrigin = (url: string): boolean => {
  try {
    return typeof location !== 'undefined' && new URL(url, location.href).origin === location.origin;
  } catch {
    return false;
  }
};

/** The `detail` (or `title`) of an RFC 9457 problem+json answer, else the status line. */
const problemDetail = (response: Response, text: string, method: string, url: string): string => {
  const statusLine = `${method} ${url} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  if (!/json/i.test(response.headers.get('Content-Type') ?? '')) return statusLine;
  try {
    const problem = JSON.parse(text) as { detail?: unknown; title?: unknown };
    const detail = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : '';
    return detail ? `${statusLine}: ${detail.slice(0, 500)}` : statusLine;
  } catch {
    return statusLine;
  }
};
