import { OVERVIEW_GAPS, OverviewPage, type GapCount, type OverviewQuery, type OverviewRow } from '../../contract/overview.js';
import { check } from '../../contract/validate.js';
import { StoreError } from '../types.js';
import { OverviewContractError, type OverviewSource } from './source.js';

/** Options of a FhirOverviewSource. */
export interface FhirOverviewSourceOptions {
  /** The FHIR server's base address, for example `https://fhir.example/R4`. */
  baseUrl: string;
  /**
   * Search parameters added to every search, which scope it to the viewer's caseload, for example
   * `{ _tag: 'https://portal.example/caseload|district-north' }`. The server still decides what the
   * viewer may see.
   */
  scope?: Record<string, string>;
  /** Extra request headers, such as `Authorization`; a function is called before every request. */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** Milliseconds before a request is given up with `timeout` (15,000 by default), as for the other sources. */
  timeoutMs?: number;
  /** The fetch to use (the page's by default). */
  fetch?: typeof fetch;
}

/** Task states in which a responsibility is still carried (not ended). */
const OPEN_TASKS = 'draft,requested,received,accepted,ready,in-progress,on-hold';

interface Bundle {
  total?: number;
  entry?: Array<{ resource?: { resourceType?: string; id?: string; [key: string]: unknown }; search?: { mode?: string } }>;
}

/**
 * The coordination overview from a FHIR server, with standard search only (docs/fhir.md,
 * "Coordination overview"): it counts what standard search can express and answers the other
 * gaps without a count, so the element names them and shows the rest. Today that is `no-owner`
 * (`Task?owner:missing=true&_summary=count`, rows paged with `_count`/`_offset` and the patient
 * included); the filters by sector, organisation and coordinator need searches R4 does not have
 * for this mapping, so with a filter set no gap is counted.
 */
export class FhirOverviewSource implements OverviewSource {
  constructor(private readonly options: FhirOverviewSourceOptions) {}

  private async search(type: string, params: Record<string, string>, signal?: AbortSignal): Promise<Bundle> {
    const { baseUrl, scope = {}, timeoutMs = 15_000 } = this.options;
    const headers = typeof this.options.headers === 'function' ? await this.options.headers() : (this.options.headers ?? {});
    const url = `${baseUrl.replace(/\/+$/, '')}/${type}?${new URLSearchParams({ ...scope, ...params })}`;
    // A server that never answers is reported, not waited on: the element shows the failure and Try again.
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(url, { headers: { Accept: 'application/fhir+json', ...headers }, cache: 'no-store', signal: combined });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw timeout.aborted ? new StoreError('timeout', `no answer from ${url} in ${timeoutMs} ms`) : new StoreError('network', String(error));
    }
    if (!response.ok) {
      // 429 is a busy server, not a search it lacks: a failure to show, never a gap it "cannot count".
      const kind = response.status === 401 || response.status === 403 ? 'forbidden' : response.status >= 500 || response.status === 429 ? 'server' : 'rejected';
      throw new StoreError(kind, (await response.text().catch(() => '')).slice(0, 500), response.status);
    }
    try {
      return (await response.json()) as Bundle;
    } catch {
      throw new OverviewContractError([{ path: '', message: `the answer to ${type}? is not JSON` }]);
    }
  }

  /** A count, or undefined when the server refuses the search (it lacks a parameter or modifier). */
  private async count(type: string, params: Record<string, string>, signal?: AbortSignal): Promise<number | undefined> {
    try {
      const total = (await this.search(type, { ...params, _summary: 'count' }, signal)).total;
      return typeof total === 'number' ? total : undefined;
    } catch (error) {
      if (error instanceof StoreError && error.kind === 'rejected') return undefined;
      throw error;
    }
  }

  async overview(query: OverviewQuery, signal?: AbortSignal): Promise<OverviewPage> {
    const filtered = Boolean(query.sector || query.organisationId || query.coordinatorId);
    const noOwner = { 'owner:missing': 'true', status: OPEN_TASKS };
    const noOwnerCount = filtered ? undefined : await this.count('Task', noOwner, signal);
    const counts: GapCount[] = OVERVIEW_GAPS.map((gap) => (gap === 'no-owner' && noOwnerCount !== undefined ? { gap, count: noOwnerCount } : { gap }));
    let items: OverviewRow[] = [];
    if (query.gap === 'no-owner' && noOwnerCount !== undefined && noOwnerCount > 0) {
      const bundle = await this.search('Task', { ...noOwner, _count: String(query.pageSize), _offset: String((query.page - 1) * query.pageSize), _include: 'Task:patient', _sort: '_id' }, signal);
      const resources = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is NonNullable<typeof r> => Boolean(r));
      const patients = new Map(resources.filter((r) => r.resourceType === 'Patient').map((p) => [`Patient/${p.id}`, p]));
      items = resources
        .filter((r) => r.resourceType === 'Task')
        .map((task) => {
          const patientRef = (task.for as { reference?: string } | undefined)?.reference ?? '';
          const patient = patients.get(patientRef) as { id?: string; name?: Array<{ text?: string; given?: string[]; family?: string }> } | undefined;
          const name = patient?.name?.[0];
          const shown = name?.text ?? [...(name?.given ?? []), name?.family].filter(Boolean).join(' ');
          const team = ((task.basedOn as Array<{ reference?: string }> | undefined)?.[0]?.reference ?? patientRef).split('/').pop() || String(task.id);
          return {
            id: `Task/${task.id}`,
            teamId: team,
            personId: patientRef.split('/').pop() || String(task.id),
            ...(shown ? { name: shown } : {}),
            ...(typeof task.description === 'string' && task.description ? { subject: task.description } : {}),
          };
        });
    }
    const total = query.gap === 'no-owner' ? (noOwnerCount ?? 0) : 0;
    const result = check(OverviewPage, { counts, gap: query.gap, total, page: query.page, pageSize: query.pageSize, items });
    if (!result.ok) throw new OverviewContractError(result.issues);
    return result.value;
  }
}
