import { OVERVIEW_GAPS, OverviewPage, type GapCount, type OverviewQuery, type OverviewRow } from '../../contract/overview.js';
import { check } from '../../contract/validate.js';
import { nameOf } from '../fhir/util.js';
import type * as F from '../fhir/types.js';
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
  link?: Array<{ relation?: string; url?: string }>;
  entry?: Array<{ resource?: { resourceType?: string; id?: string; [key: string]: unknown }; search?: { mode?: string } }>;
}

/**
 * The coordination overview from a FHIR server, with standard search only (docs/fhir.md,
 * "Coordination overview"): it counts what standard search can express and answers the other
 * gaps without a count, so the element names them and shows the rest. Today that is `no-owner`
 * (`Task?owner:missing=true&_summary=count`, rows paged with `_count` and the server's `next`
 * links, the patient included); the filters by sector, organisation and coordinator need searches R4 does not have
 * for this mapping, so with a filter set no gap is counted.
 */
export class FhirOverviewSource implements OverviewSource {
  constructor(private readonly options: FhirOverviewSourceOptions) {}

  /** The server's own address of each page met so far, by the first page's address and the page number. */
  private readonly pageUrls = new Map<string, string>();

  /**
   * Page `page` of a search, reached by the server's `next` links: FHIR has no standard parameter
   * for "skip n" (a server that ignores an unknown `_offset` would give page 1 again, as if it were
   * page 2). A page's address is kept once met, so paging on costs one request; one that no longer
   * answers (a server's paging snapshot expired) is walked to again from the first page.
   */
  private async page(first: string, page: number, signal?: AbortSignal): Promise<Bundle> {
    // From the nearest page whose address is known (paging on from the page shown is one request)…
    let from = page;
    while (from > 1 && !this.pageUrls.has(`${from} ${first}`)) from--;
    if (from > 1) {
      try {
        return await this.walk(first, from, page, await this.get(this.pageUrls.get(`${from} ${first}`)!, 'Task', signal), signal);
      } catch (error) {
        if (signal?.aborted || !(error instanceof StoreError) || (error.kind !== 'rejected' && error.kind !== 'server')) throw error;
      }
    }
    // …or from the first page, whose search opens a new paging snapshot on servers that keep one.
    return this.walk(first, 1, page, await this.get(first, 'Task', signal), signal);
  }

  /** Follows `next` links from `bundle`, page `at`, to page `page`; past the last page, no rows. */
  private async walk(first: string, at: number, page: number, bundle: Bundle, signal?: AbortSignal): Promise<Bundle> {
    this.remember(bundle, first, at);
    for (; at < page; at++) {
      const next = this.pageUrls.get(`${at + 1} ${first}`);
      if (!next) return { ...bundle, entry: [] };
      bundle = this.remember(await this.get(next, 'Task', signal), first, at + 1);
    }
    return bundle;
  }

  /** Keeps the address of the page after `page`; it goes to the same server only, as headers such as Authorization are sent with it. */
  private remember(bundle: Bundle, first: string, page: number): Bundle {
    const next = bundle.link?.find((link) => link.relation === 'next')?.url;
    if (!next) return bundle;
    const url = new URL(next, first);
    if (url.origin !== new URL(first).origin) {
      throw new OverviewContractError([{ path: 'link', message: `the next page of Task? is on another server (${url.origin})` }]);
    }
    this.pageUrls.set(`${page + 1} ${first}`, url.href);
    return bundle;
  }

  /** The address of a search of `type`, with the scope. */
  private searchUrl(type: string, params: Record<string, string>): string {
    const { baseUrl, scope = {} } = this.options;
    return `${baseUrl.replace(/\/+$/, '')}/${type}?${new URLSearchParams({ ...scope, ...params })}`;
  }

  private search(type: string, params: Record<string, string>, signal?: AbortSignal): Promise<Bundle> {
    return this.get(this.searchUrl(type, params), type, signal);
  }

  private async get(url: string, type: string, signal?: AbortSignal): Promise<Bundle> {
    const { timeoutMs = 15_000 } = this.options;
    const headers = typeof this.options.headers === 'function' ? await this.options.headers() : (this.options.headers ?? {});
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

  /** The id of a Patient on this server from a reference to it (relative, or absolute on `baseUrl`, with or without `_history`). */
  private patientId(reference: string | undefined): string | undefined {
    const base = `${this.options.baseUrl.replace(/\/+$/, '')}/`;
    const local = reference?.startsWith(base) ? reference.slice(base.length) : reference;
    return /^Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(local ?? '')?.[1];
  }

  /**
   * Each person's care team, for the rows' `teamId` (a link to the team's page opens the team the
   * FHIR source loads): one search for the page's people. An active team comes first, then one
   * proposed or suspended; an ended or mistaken one is never given. A server that refuses the
   * search leaves the person's id, as for a person without a team.
   */
  private async teamsOf(patientIds: string[], signal?: AbortSignal): Promise<Map<string, string>> {
    const teams = new Map<string, string>();
    if (patientIds.length === 0) return teams;
    let bundle: Bundle;
    try {
      bundle = await this.search('CareTeam', { patient: patientIds.map((id) => `Patient/${id}`).join(','), _count: '100' }, signal);
    } catch (error) {
      if (error instanceof StoreError && error.kind === 'rejected') return teams;
      throw error;
    }
    const rank = (status: unknown) => ['active', 'proposed', 'suspended'].indexOf(String(status));
    const found = (bundle.entry ?? [])
      .map((entry) => entry.resource)
      .filter((team): team is NonNullable<typeof team> => team?.resourceType === 'CareTeam' && rank(team.status) >= 0)
      .sort((a, b) => rank(a.status) - rank(b.status) || String(a.id).localeCompare(String(b.id)));
    for (const team of found) {
      const person = this.patientId((team.subject as F.Reference | undefined)?.reference);
      if (person && patientIds.includes(person) && !teams.has(person)) teams.set(person, String(team.id));
    }
    return teams;
  }

  async overview(query: OverviewQuery, signal?: AbortSignal): Promise<OverviewPage> {
    const filtered = Boolean(query.sector || query.organisationId || query.coordinatorId);
    const noOwner = { 'owner:missing': 'true', status: OPEN_TASKS };
    const noOwnerCount = filtered ? undefined : await this.count('Task', noOwner, signal);
    const counts: GapCount[] = OVERVIEW_GAPS.map((gap) => (gap === 'no-owner' && noOwnerCount !== undefined ? { gap, count: noOwnerCount } : { gap }));
    let items: OverviewRow[] = [];
    if (query.gap === 'no-owner' && noOwnerCount !== undefined && noOwnerCount > 0) {
      const bundle = await this.page(this.searchUrl('Task', { ...noOwner, _count: String(query.pageSize), _include: 'Task:patient', _sort: '_id' }), query.page, signal);
      const resources = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is NonNullable<typeof r> => Boolean(r));
      const patients = new Map(resources.filter((r) => r.resourceType === 'Patient').map((p) => [String(p.id), p as F.Patient]));
      const tasks = resources.filter((r) => r.resourceType === 'Task');
      const personOf = (task: (typeof tasks)[number]) => this.patientId((task.for as F.Reference | undefined)?.reference);
      const teams = await this.teamsOf([...new Set(tasks.map(personOf).filter((id): id is string => Boolean(id)))], signal);
      items = tasks.map((task) => {
        // A Task about nobody the server can name is still a gap: its row names the Task.
        const personId = personOf(task) ?? String(task.id);
        const shown = nameOf(patients.get(personId)?.name);
        return {
          id: `Task/${task.id}`,
          teamId: teams.get(personId) ?? personId,
          personId,
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
