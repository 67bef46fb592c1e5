import type { AuditEntry } from '../contract/audit.js';
import type { ConsentDirective } from '../contract/consent.js';
import { sameValue } from './merge.js';
import { CareRecord, type CareRecordInput } from '../contract/record.js';
import { check } from '../contract/validate.js';
import { checkEntity, describeIssues, ENTITY_NAMES, StoreContractError, TeamDirectory, versionOf, wait } from './entities.js';
import { entityIn, withEntity } from './store.js';
import { StoreError, type CareDataSource, type Change, type ChangeKind, type EntityByKind, type StoreErrorKind } from './types.js';

/** Where a memory source keeps its records between page loads. */
export interface MemoryPersistence {
  /** The storage key; one key holds every team of the source. */
  key: string;
  /** Defaults to `localStorage`. */
  storage?: Storage;
}

export interface MemorySourceOptions {
  /** The record to start from, or several records for several teams. Checked against the contract on first load. */
  seed?: CareRecordInput | readonly CareRecordInput[];
  /**
   * Where to fetch the seed from, when no `seed` is given: a URL answering JSON, one CareRecord or
   * a list of them (the shape in docs/contract.md). Fetched once, on the first load.
   */
  seedSrc?: string;
  /** Keep what the user did in `localStorage` (or another Storage) across reloads. */
  persist?: MemoryPersistence;
  /** Artificial delay in milliseconds before every load and save answers, to show loading and saving states. */
  latency?: number;
}

/** What a persisted memory source writes under its key. */
interface StoredState {
  format: typeof STORAGE_FORMAT;
  records: Record<string, unknown>;
}

const STORAGE_FORMAT = 'care-elements/memory-source@1';
/** The audit trail a memory source keeps is capped so persisted state stays small. */
const AUDIT_LIMIT = 500;

const clone = <T>(value: T): T => structuredClone(value);

const nextVersion = (version: string | undefined): string => String((Number.parseInt(version ?? '0', 10) || 0) + 1);

/** Gives every entity of a record a version, so later saves can be checked against it. */
const withVersions = (record: CareRecord): CareRecord => {
  const versioned = <T extends { meta?: { version?: string } }>(entity: T): T =>
    entity.meta?.version ? entity : { ...entity, meta: { ...entity.meta, version: '1' } };
  return {
    ...record,
    team: versioned(record.team),
    responsibilities: record.responsibilities.map(versioned),
    consents: record.consents.map(versioned),
    meetings: record.meetings.map(versioned),
  };
};

/**
 * The embedded data source: a care record held in memory, seeded by the host (the demo passes the
 * Fjordvik fixture), optionally kept in `localStorage` across reloads. It behaves like a careful
 * server: it checks the seed and every write against the contract, keeps a version per entity
 * (`meta.version`, incremented on each save) and refuses a save made on an outdated version with
 * a `conflict`. It hands out copies, so nobody can change its state behind its back.
 *
 * `latency` and `failNext()` exist for stories and tests that need slow or failing saves.
 */
export class MemorySource implements CareDataSource {
  /** Artificial delay in milliseconds before each answer. */
  latency: number;

  private seeds: readonly unknown[];
  private readonly seedSrc?: string;
  private seedFetch?: Promise<void>;
  private readonly persist?: MemoryPersistence;
  private readonly records = new Map<string, CareRecord>();
  private readonly teams = new TeamDirectory();
  private readonly plannedFailures: Array<{ kind: StoreErrorKind; on: 'load' | 'save' }> = [];

  constructor(options: MemorySourceOptions = {}) {
    const seed = options.seed;
    this.seeds = seed === undefined ? [] : Array.isArray(seed) ? [...seed] : [seed];
    this.seedSrc = seed === undefined ? options.seedSrc : undefined;
    this.persist = options.persist;
    this.latency = options.latency ?? 0;
  }

  /** Makes the next load or save (default: save) fail with a StoreError of this kind. */
  failNext(kind: StoreErrorKind, on: 'load' | 'save' = 'save'): void {
    this.plannedFailures.push({ kind, on });
  }

  async load(teamId: string, signal?: AbortSignal): Promise<CareRecord> {
    await wait(this.latency, signal);
    this.takePlannedFailure('load');
    if (this.seedSrc) await (this.seedFetch ??= this.fetchSeed(this.seedSrc));
    return clone(this.recordOf(teamId));
  }

  /** Fetches the seed from `seedSrc`; a failed fetch is tried again on the next load. */
  private async fetchSeed(url: string): Promise<void> {
    try {
      let response: Response;
      try {
        response = await fetch(url, { headers: { Accept: 'application/json' } });
      } catch (error) {
        throw new StoreError('network', `could not fetch the seed from ${url}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!response.ok) {
        throw new StoreError(response.status >= 500 ? 'server' : 'rejected', `the seed at ${url} answered ${response.status}`, response.status);
      }
      const text = await response.text();
      let seed: unknown;
      try {
        seed = JSON.parse(text);
      } catch {
        throw new StoreContractError('CareRecord', [{ path: '', message: `the seed at ${url} is not JSON (${text.length} characters)` }]);
      }
      this.seeds = Array.isArray(seed) ? [...(seed as unknown[])] : [seed];
    } catch (error) {
      this.seedFetch = undefined;
      throw error;
    }
  }

  async save<K extends ChangeKind>(change: Change<K>, signal?: AbortSignal): Promise<EntityByKind[K]> {
    await wait(this.latency, signal);
    this.takePlannedFailure('save');
    const teamId = this.teams.teamFor(change as Change);
    const record = this.recordOf(teamId);
    const checked = checkEntity(change.entity, change.value);
    if (!checked.ok) {
      throw new StoreError('rejected', `${ENTITY_NAMES[change.entity]} does not follow the data contract: ${describeIssues(checked.issues)}`, 422);
    }
    const value = checked.value as EntityByKind[K];
    const id = (value as { id: string }).id;
    if (change.entity === 'team' && id !== record.team.id) {
      throw new StoreError('rejected', `the team id cannot change (from "${record.team.id}" to "${id}")`, 422);
    }
    const current = entityIn(record, change.entity, id);
    if (change.create && current) {
      throw new StoreError('conflict', `${change.entity} "${id}" already exists (version ${versionOf(current)})`, 412);
    }
    if (!change.create && !current) {
      throw new StoreError('conflict', `${change.entity} "${id}" no longer exists`, 412);
    }
    if (current && change.baseVersion !== versionOf(current)) {
      throw new StoreError(
        'conflict',
        `${change.entity} "${id}" was changed by someone else: the change was made on version ${change.baseVersion ?? '(none)'}, the stored version is ${versionOf(current)}`,
        412,
      );
    }
    const stored = {
      ...value,
      meta: { ...(value as { meta?: object }).meta, version: nextVersion(versionOf(current)), updated: new Date().toISOString() },
    } as EntityByKind[K];
    if (change.entity === 'consent' && current) appendOnlyHistory(current as ConsentDirective, value as ConsentDirective);
    const entry: AuditEntry = {
      id: `audit-${change.id}-${change.attempt ?? 1}`,
      entity: change.entity,
      entityId: id,
      action: change.action,
      actor: change.actor,
      at: change.at,
      outcome: 'saved',
      changeId: change.id,
    };
    if (change.reason) entry.reason = change.reason;
    const next = withEntity(record, change.entity, stored);
    // Kept only if it could be stored: a full or blocked storage fails the save instead of pretending.
    this.commit(teamId, { ...next, audit: [...next.audit, entry].slice(-AUDIT_LIMIT) });
    this.teams.note(change.entity, id, teamId);
    return clone(stored);
  }

  /** Keeps audit entries of outcomes this source did not see itself (vetoed, rejected, failed). */
  async audit(teamId: string, entries: readonly AuditEntry[]): Promise<void> {
    const record = this.recordOf(teamId);
    this.commit(teamId, { ...record, audit: [...record.audit, ...entries.map((entry) => clone(entry))].slice(-AUDIT_LIMIT) });
  }

  private commit(teamId: string, record: CareRecord) {
    const before = this.records.get(teamId);
    this.records.set(teamId, record);
    try {
      this.writeStorage();
    } catch (error) {
      if (before) this.records.set(teamId, before);
      else this.records.delete(teamId);
      throw new StoreError('server', `the change could not be kept in storage ("${this.persist!.key}"): ${String(error)}`, 507);
    }
  }

  private takePlannedFailure(on: 'load' | 'save') {
    const index = this.plannedFailures.findIndex((failure) => failure.on === on);
    if (index === -1) return;
    const [failure] = this.plannedFailures.splice(index, 1);
    throw new StoreError(failure.kind, `planned failure of the next ${on} (failNext)`);
  }

  /** The live record of a team: already loaded, else from storage, else from the seed. */
  private recordOf(teamId: string): CareRecord {
    let record = this.records.get(teamId) ?? this.readStorage(teamId);
    if (!record) {
      const seed = this.seedFor(teamId);
      if (seed === undefined) {
        throw new StoreError(
          'rejected',
          this.seeds.length === 0
            ? `there is no data for care team "${teamId}": give the memory source a seed (a <script type="application/json"> inside <care-context>, seed-src="…", or the seed property; see docs/embedding.md)`
            : `there is no care team "${teamId}" in the memory source (it has ${this.seedIds().join(', ')})`,
          404,
        );
      }
      const result = check(CareRecord, seed);
      if (!result.ok) throw new StoreContractError('CareRecord', result.issues);
      record = result.value;
    }
    if (!this.records.has(teamId)) {
      record = withVersions(record);
      this.records.set(teamId, record);
      this.teams.remember(record);
    }
    return record;
  }

  private seedIds(): string[] {
    return this.seeds.map((seed) => String((seed as { team?: { id?: unknown } } | null)?.team?.id ?? '(no id)'));
  }

  private seedFor(teamId: string): unknown {
    const teamIdOf = (seed: unknown) => (seed as { team?: { id?: unknown } } | null)?.team?.id;
    const match = this.seeds.find((seed) => teamIdOf(seed) === teamId);
    if (match !== undefined) return match;
    // A single seed without a usable team id is returned anyway, so its contract issues are reported.
    if (this.seeds.length === 1 && typeof teamIdOf(this.seeds[0]) !== 'string') return this.seeds[0];
    return undefined;
  }

  private storage(): Storage | undefined {
    if (!this.persist) return undefined;
    try {
      return this.persist.storage ?? globalThis.localStorage;
    } catch {
      return undefined; // storage can be blocked (privacy settings, sandboxed frames)
    }
  }

  private readState(): StoredState | undefined {
    const storage = this.storage();
    if (!storage) return undefined;
    let text: string | null;
    try {
      text = storage.getItem(this.persist!.key);
    } catch {
      return undefined;
    }
    if (text === null) return undefined;
    try {
      const state = JSON.parse(text) as StoredState;
      if (state?.format === STORAGE_FORMAT && state.records && typeof state.records === 'object') return state;
      console.warn(`care-elements: ignoring the stored data under "${this.persist!.key}": it is not in the format ${STORAGE_FORMAT}.`);
    } catch {
      console.warn(`care-elements: ignoring the stored data under "${this.persist!.key}": it is not valid JSON.`);
    }
    return undefined;
  }

  private readStorage(teamId: string): CareRecord | undefined {
    const stored = this.readState()?.records[teamId];
    if (stored === undefined) return undefined;
    const result = check(CareRecord, stored);
    if (result.ok && result.value.team.id === teamId) return result.value;
    const why = result.ok ? `it holds team "${result.value.team.id}"` : describeIssues(result.issues, 5);
    console.warn(`care-elements: ignoring the stored record of care team "${teamId}" under "${this.persist!.key}" and starting from the seed: ${why}`);
    return undefined;
  }

  private writeStorage() {
    const storage = this.storage();
    if (!storage) return;
    const state: StoredState = { format: STORAGE_FORMAT, records: { ...this.readState()?.records } };
    for (const [teamId, record] of this.records) state.records[teamId] = record;
    // A full or blocked storage throws here, so the save fails visibly.
    storage.setItem(this.persist!.key, JSON.stringify(state));
  }
}

const withoutUndefined = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Consent history is append-only: a save may add entries, never change or drop stored ones. */
const appendOnlyHistory = (stored: ConsentDirective, next: ConsentDirective) => {
  const before = stored.history ?? [];
  const after = next.history ?? [];
  const kept = before.every((entry, i) => after[i] !== undefined && sameValue(withoutUndefined(after[i]), withoutUndefined(entry)));
  if (!kept) {
    throw new StoreError('rejected', `the history of consent "${next.id}" is append-only: a save may add entries but not change or remove the ${before.length} stored`, 422);
  }
};
