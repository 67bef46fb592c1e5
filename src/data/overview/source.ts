import { OverviewPage, OverviewQuery, type OverviewQueryInput } from '../../contract/overview.js';
import { check, type ContractIssue } from '../../contract/validate.js';
import { StoreError } from '../types.js';

/**
 * Where `<care-coordination-overview>` gets its counts and rows: a server that counts. One call
 * answers one query (every gap's count under the filters, and one page of the chosen gap's rows),
 * so the browser never loads whole records.
 */
export interface OverviewSource {
  /** Counts and one page of rows; rejects with a StoreError (its `status` when the server answered). */
  overview(query: OverviewQuery, signal?: AbortSignal): Promise<OverviewPage>;
}

/** A StoreError for an answer that broke the contract, with the issues found. */
export class OverviewContractError extends StoreError {
  constructor(readonly issues: ContractIssue[]) {
    super('contract', `the overview answer does not follow the contract: ${issues.slice(0, 3).map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  }
}

/** Options of an HttpOverviewSource. */
export interface HttpOverviewSourceOptions {
  /** The API's base address (as for HttpSource): `GET {baseUrl}/overview` is asked. */
  baseUrl: string;
  /** Extra request headers, such as `Authorization`; a function is called before every request. */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** Whether cookies go along (`same-origin` by default). */
  credentials?: RequestCredentials;
  /** Milliseconds before a request is given up (15,000 by default). */
  timeoutMs?: number;
  /** The fetch to use (the page's by default). */
  fetch?: typeof fetch;
}

/** The query as URL parameters: only what differs from nothing, in a fixed order. */
export const overviewSearchParams = (query: OverviewQuery): URLSearchParams => {
  const params = new URLSearchParams({ gap: query.gap });
  if (query.sector) params.set('sector', query.sector);
  if (query.organisationId) params.set('organisationId', query.organisationId);
  if (query.coordinatorId) params.set('coordinatorId', query.coordinatorId);
  params.set('months', String(query.months));
  params.set('page', String(query.page));
  params.set('pageSize', String(query.pageSize));
  return params;
};

/** Checks a query a host or element built, filling in the defaults. */
export const overviewQuery = (input: OverviewQueryInput): OverviewQuery => {
  const result = check(OverviewQuery, input);
  if (!result.ok) throw new OverviewContractError(result.issues);
  return result.value;
};

/**
 * Asks a REST server for the overview (`GET {baseUrl}/overview`, docs/openapi.yaml). Answers are
 * fetched with `cache: no-store` and checked against the contract; nothing is kept.
 */
export class HttpOverviewSource implements OverviewSource {
  constructor(private readonly options: HttpOverviewSourceOptions) {}

  async overview(query: OverviewQuery, signal?: AbortSignal): Promise<OverviewPage> {
    const { baseUrl, credentials = 'same-origin', timeoutMs = 15_000 } = this.options;
    const headers = typeof this.options.headers === 'function' ? await this.options.headers() : (this.options.headers ?? {});
    const url = `${baseUrl.replace(/\/+$/, '')}/overview?${overviewSearchParams(query)}`;
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(url, { headers: { Accept: 'application/json', ...headers }, credentials, cache: 'no-store', signal: combined });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw timeout.aborted ? new StoreError('timeout', `no answer from ${url} in ${timeoutMs} ms`) : new StoreError('network', String(error));
    }
    if (!response.ok) {
      const detail = await response.text().catch(() => '');
      const kind = response.status === 401 || response.status === 403 ? 'forbidden' : response.status >= 500 || response.status === 429 ? 'server' : 'rejected';
      throw new StoreError(kind, detail.slice(0, 500), response.status);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new OverviewContractError([{ path: '', message: 'the answer is not JSON' }]);
    }
    const result = check(OverviewPage, body);
    if (!result.ok) throw new OverviewContractError(result.issues);
    return result.value;
  }
}
