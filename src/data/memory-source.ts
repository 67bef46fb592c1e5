import type { AuditEntry } from '../contract/audit.js';
import type { ConsentDirective } from '../contract/consent.js';
import { sameValue } from './merge.js';
import { CareRecord, type CareRecordInput } from '../contract/record.js';
import { check, type ContractIssue } from '../contract/validate.js';
import { TeamStorage, StorageProblemEvent, type StorageProblem, type StoredTeam } from './memory-storage.js';
import { checkEntity, describeIssues, ENTITY_NAMES, StoreContractError, TeamDirectory, versionOf, wait } from './entities.js';
import { entityIn, withEntity } from './store.js';
import { StoreError, type CareDataSource, type Change, type ChangeKind, type EntityByKind, type StoreErrorKind } from './types.js';

/** Where a memory source keeps its records between page loads. */
export interface MemoryPersistence {
  /**
   * The storage key prefix: each team is kept under `<key>/team/<teamId>` with a version, and values
   * that could not be used are kept aside under `<key>/quarantine/<teamId>`. A value in the old
   * layout (every team under `<key>` itself) is moved to one key per team on first use.
   */
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
  /** Keep what the user did in `localStorage` (or another Storage) across reloads and tabs. */
  persist?: MemoryPersistence;
  /** Artificial delay in milliseconds before every load and save answers, to show loading and saving states. */
  latency?: number;
}

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
    crisisPlans: record.crisisPlans.map(versioned),
    meetingOutcomes: (record.meetingOutcomes ?? []).map(versioned),
  };
};

/**
 * The embedded data source: a care record held in memory, seeded by the host (the demo passes the
 * Fjordvik fixture), optionally kept in `localStorage` across reloads. It behaves like a careful
 * server: it checks the seed and every write against the contract, keeps a version per entity
 * (`meta.version`, incremented on each save) and refuses a save made on an outdated version with
 * a `conflict`. It hands out copies, so nobody can change its state behind its back.
 *
 * Persisted, it keeps one key per team with a version of the whole team record. Every save first
 * reads the team's key again, in the same task as its write, so a change another
 * tab stored is the version a save is checked against: a change made on an older version is a
 * conflict, exactly as with a server. Other tabs and stores are told through `BroadcastChannel`
 * and `storage` events (`watch`). A stored record that breaks the contract is copied aside and the
 * team's load fails with the contract's issues (never replaced by the seed); a full or blocked
 * storage fails the save. Each problem is a console warning and a `storage-problem` event.
 *
 * `latency` and `failNext()` exist for stories and tests that need slow or failing saves.
 *
 * @fires storage-problem - `StorageProblemEvent`: stored data was kept aside, storage is blocked, or a save could not be written.
 */
export class MemorySource extends EventTarget implements CareDataSource {
  /** Artificial delay in milliseconds before each answer. */
  latency: number;

  private seeds: readonly unknown[];
  private readonly seedSrc?: string;
  private seedFetch?: Promise<void>;
  private readonly stored?: TeamStorage;
  private readonly records = new Map<string, CareRecord>();
  // The version of each team's stored record this source last read or wrote.
  private readonly heldVersion = new Map<string, number>();
  private readonly teams = new TeamDirectory();
  private readonly plannedFailures: Array<{ kind: StoreErrorKind; on: 'load' | 'save' }> = [];
  private readonly watchers = new Map<string, Set<() => void>>();
  private channel?: BroadcastChannel;
  private onStorage?: (event: StorageEvent) => void;
  private migrated = false;
  private blockedReported = false;

  constructor(options: MemorySourceOptions = {}) {
    super();
    const seed = options.seed;
    this.seeds = seed === undefined ? [] : Array.isArray(seed) ? [...seed] : [seed];
    this.seedSrc = seed === undefined ? options.seedSrc : undefined;
    const persist = options.persist;
    if (persist) this.stored = new TeamStorage(persist.key, () => persist.storage ?? globalThis.localStorage);
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
    return this.exclusive(() => this.saveNow(change, teamId));
  }

  private saveNow<K extends ChangeKind>(change: Change<K>, teamId: string): EntityByKind[K] {
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

  /**
   * Keeps audit entries of outcomes this source did not see itself (vetoed, rejected, failed). An
   * entry already kept (the same id, sent again after a lost answer) is not added twice.
   */
  async audit(teamId: string, entries: readonly AuditEntry[]): Promise<void> {
    await this.exclusive(() => {
      const record = this.recordOf(teamId);
      const fresh = entries.filter((entry) => !record.audit.some((kept) => kept.id === entry.id));
      if (fresh.length === 0) return;
      this.commit(teamId, { ...record, audit: [...record.audit, ...fresh.map((entry) => clone(entry))].slice(-AUDIT_LIMIT) });
    });
  }

  /**
   * Calls `listener` whenever the team's record changed through another store on this source, or
   * in another tab or frame on the same storage key. Returns the function that stops it.
   */
  watch(teamId: string, listener: () => void): () => void {
    let listeners = this.watchers.get(teamId);
    if (!listeners) this.watchers.set(teamId, (listeners = new Set()));
    listeners.add(listener);
    this.listenElsewhere();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.watchers.delete(teamId);
      if (this.watchers.size === 0) this.stopListening();
    };
  }

  /**
   * Forgets what is stored for a team (its copy kept aside stays), so its next load starts from
   * the seed. The way out after a `quarantined` problem, for a host that decides to.
   */
  discardStored(teamId: string): void {
    this.records.delete(teamId);
    this.heldVersion.delete(teamId);
    this.stored?.remove(teamId);
  }

  private commit(teamId: string, record: CareRecord) {
    if (this.stored) {
      const version = (this.heldVersion.get(teamId) ?? 0) + 1;
      try {
        this.stored.write(teamId, version, record);
      } catch (error) {
        const failure = error instanceof StoreError ? error : new StoreError('storage', String(error), 507);
        this.report({ kind: 'not-written', key: this.stored.teamKey(teamId), teamId, message: `a change to care team "${teamId}" could not be kept: ${failure.detail}` });
        throw failure;
      }
      this.heldVersion.set(teamId, version);
      this.announce(teamId, version);
    }
    this.records.set(teamId, record);
    // Other stores on this very source (two contexts sharing it) hear of it too.
    const listeners = [...(this.watchers.get(teamId) ?? [])];
    queueMicrotask(() => listeners.forEach((listener) => listener()));
  }

  /** Tells other tabs and sources on this key that the team was written (a channel of its own when not listening: it must not keep this source alive). */
  private announce(teamId: string, version: number) {
    if (typeof BroadcastChannel !== 'function') return;
    if (this.channel) return this.channel.postMessage({ teamId, version });
    const channel = new BroadcastChannel(this.channelName());
    channel.postMessage({ teamId, version });
    channel.close();
  }

  private channelName(): string {
    return `care-elements:${this.stored!.key}`;
  }

  /**
   * Runs `work` (a synchronous read, check and write of the team's key) in a task of its own. No
   * Web Lock: in Chromium a lock held by a persisted source stopped the test browser, so the
   * rare case of two tabs writing in the very same instant is a known limit (docs/security.md).
   */
  private exclusive<T>(work: () => T): Promise<T> {
    return Promise.resolve().then(work);
  }

  private listenElsewhere() {
    if (!this.stored || this.channel || this.onStorage) return;
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(this.channelName());
      this.channel.onmessage = (event: MessageEvent<{ teamId?: unknown }>) => {
        if (typeof event.data?.teamId === 'string') this.changedElsewhere(event.data.teamId);
      };
    }
    if (typeof window !== 'undefined') {
      // Also heard from tabs that write the key without the channel (another copy of the library).
      this.onStorage = (event: StorageEvent) => {
        const teamId = event.key === null ? undefined : this.stored!.teamOfKey(event.key);
        if (teamId !== undefined) this.changedElsewhere(teamId);
      };
      window.addEventListener('storage', this.onStorage);
    }
  }

  private stopListening() {
    this.channel?.close();
    this.channel = undefined;
    if (this.onStorage) window.removeEventListener('storage', this.onStorage);
    this.onStorage = undefined;
  }

  private changedElsewhere(teamId: string) {
    const listeners = this.watchers.get(teamId);
    if (!listeners) return;
    let changed = true;
    try {
      changed = this.syncFromStorage(teamId);
    } catch {
      // Already reported; the listeners' next load meets the same problem and shows it.
    }
    if (changed) for (const listener of [...listeners]) listener();
  }

  private takePlannedFailure(on: 'load' | 'save') {
    const index = this.plannedFailures.findIndex((failure) => failure.on === on);
    if (index === -1) return;
    const [failure] = this.plannedFailures.splice(index, 1);
    throw new StoreError(failure.kind, `planned failure of the next ${on} (failNext)`);
  }

  /** The live record of a team: as stored now (another tab may have written it), else already loaded, else from the seed. */
  private recordOf(teamId: string): CareRecord {
    this.syncFromStorage(teamId);
    let record = this.records.get(teamId);
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
      record = withVersions(result.value);
      this.records.set(teamId, record);
      this.teams.remember(record);
    }
    return record;
  }

  /**
   * Takes the team's stored record when its version differs from the one held (another tab wrote
   * it). Returns whether it did. A stored record that cannot be used is copied aside and reported,
   * and the load fails with its issues: it is never replaced by the seed nor overwritten.
   */
  private syncFromStorage(teamId: string): boolean {
    const stored = this.stored;
    if (!stored) return false;
    let found: StoredTeam;
    try {
      if (!this.migrated) {
        this.migrated = true;
        const problem = stored.migrate();
        if (problem) this.report(problem);
      }
      found = stored.read(teamId);
    } catch (error) {
      this.migrated = false;
      // Blocked storage: what was kept cannot be read; saves will fail and say so.
      if (!this.blockedReported) {
        this.blockedReported = true;
        this.report({ kind: 'blocked', key: stored.key, teamId, message: `storage cannot be used, so nothing kept before can be read and no change can be kept: ${error instanceof StoreError ? error.detail : String(error)}` });
      }
      return false;
    }
    if (found.state === 'absent') return false;
    let issues: ContractIssue[];
    if (found.state === 'found') {
      if (found.version === this.heldVersion.get(teamId) && this.records.has(teamId)) return false;
      const result = check(CareRecord, found.record);
      if (result.ok && result.value.team.id === teamId) {
        const record = withVersions(result.value);
        this.records.set(teamId, record);
        this.heldVersion.set(teamId, found.version);
        this.teams.remember(record);
        return true;
      }
      issues = result.ok ? [{ path: 'team.id', message: `the record stored for "${teamId}" holds care team "${result.value.team.id}"` }] : result.issues;
    } else {
      issues = [{ path: '', message: found.message }];
    }
    const key = stored.teamKey(teamId);
    const quarantineKey = stored.quarantineKey(teamId);
    const kept = stored.quarantine(quarantineKey, key, found.text, describeIssues(issues, 5));
    const where = kept ? `a copy is kept under "${quarantineKey}"` : `it stays under "${key}" (storage is too full for a copy)`;
    this.report({ kind: 'quarantined', key, teamId, quarantineKey: kept ? quarantineKey : undefined, issues, message: `the record of care team "${teamId}" stored under "${key}" cannot be used (${describeIssues(issues, 5)}); ${where}; it is not replaced by the seed` });
    this.records.delete(teamId);
    this.heldVersion.delete(teamId);
    throw new StoreContractError(`The CareRecord stored under "${key}"`, issues);
  }

  private report(problem: StorageProblem) {
    console.warn(`care-elements: ${problem.message}`);
    this.dispatchEvent(new StorageProblemEvent(problem));
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
