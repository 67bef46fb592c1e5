import type { ContractIssue } from '../contract/validate.js';
import { StoreError } from './types.js';

/** The format of one team's stored value: `{ format, version, record }`. */
export const TEAM_FORMAT = 'care-elements/memory-team@2';
/** The format of the single key that held every team before (migrated on first use). */
export const LEGACY_FORMAT = 'care-elements/memory-source@1';

/** Something wrong with what a persisted memory source found or could not write in storage. */
export interface StorageProblem {
  /**
   * `quarantined`: a stored team record is not JSON or breaks the contract; it is kept aside and the
   * team does not load until it is discarded. `legacy-unreadable`: the value under the old single
   * key could not be read; it is kept aside whole. `blocked`: storage cannot be used at all.
   * `not-written`: a save could not be written (storage full or blocked); the save failed.
   */
  kind: 'quarantined' | 'legacy-unreadable' | 'blocked' | 'not-written';
  /** The storage key concerned. */
  key: string;
  /** The care team concerned, when one is. */
  teamId?: string;
  /** Where the unreadable value was copied to, when it was. */
  quarantineKey?: string;
  /** What is wrong, for logs. */
  message: string;
  /** The contract's issues, when the stored record breaks the contract. */
  issues?: readonly ContractIssue[];
}

/** Fired on a `MemorySource` (type `storage-problem`) for every problem with its storage. */
export class StorageProblemEvent extends Event {
  constructor(readonly problem: StorageProblem) {
    super('storage-problem');
  }
}

/** What one team's key holds. */
export type StoredTeam =
  | { state: 'absent' }
  | { state: 'found'; version: number; record: unknown; text: string }
  | { state: 'unreadable'; text: string; message: string };

/** One entry kept aside under a quarantine key (a list, only ever appended to). */
interface QuarantineEntry {
  at: string;
  from: string;
  reason: string;
  text: string;
}

/**
 * The storage layout of a persisted memory source: one key per team (`<key>/team/<teamId>`), a
 * quarantine key per team for values that could not be used (`<key>/quarantine/<teamId>`, and
 * `<key>/quarantine` for an unreadable value under the old single key). Every method is
 * synchronous, so a read, a check and a write happen in one task.
 */
export class TeamStorage {
  constructor(
    readonly key: string,
    private readonly area: () => Storage | undefined,
  ) {}

  teamKey(teamId: string): string {
    return `${this.key}/team/${encodeURIComponent(teamId)}`;
  }

  quarantineKey(teamId?: string): string {
    return teamId === undefined ? `${this.key}/quarantine` : `${this.key}/quarantine/${encodeURIComponent(teamId)}`;
  }

  /** The team a key belongs to, or undefined when it is not a team key of this source. */
  teamOfKey(key: string): string | undefined {
    const prefix = `${this.key}/team/`;
    return key.startsWith(prefix) ? decodeURIComponent(key.slice(prefix.length)) : undefined;
  }

  /** The storage, or a `StoreError` saying it is blocked. */
  storage(): Storage {
    let storage: Storage | undefined;
    try {
      storage = this.area();
      // Some browsers hand out a storage object that throws on first use (privacy settings).
      storage?.getItem(this.key);
    } catch (error) {
      throw new StoreError('storage', `storage is blocked in this page: ${String(error)}`, 507);
    }
    if (!storage) throw new StoreError('storage', 'there is no storage in this page', 507);
    return storage;
  }

  read(teamId: string): StoredTeam {
    const text = this.storage().getItem(this.teamKey(teamId));
    if (text === null) return { state: 'absent' };
    let value: { format?: unknown; version?: unknown; record?: unknown };
    try {
      value = JSON.parse(text) as typeof value;
    } catch {
      return { state: 'unreadable', text, message: `it is not valid JSON (${text.length} characters)` };
    }
    if (value?.format !== TEAM_FORMAT || typeof value.version !== 'number' || value.record === undefined) {
      return { state: 'unreadable', text, message: `it is not in the format ${TEAM_FORMAT}` };
    }
    return { state: 'found', version: value.version, record: value.record, text };
  }

  /** Writes one team; throws a `StoreError` when storage is full or blocked. */
  write(teamId: string, version: number, record: unknown): void {
    const text = JSON.stringify({ format: TEAM_FORMAT, version, record });
    try {
      this.storage().setItem(this.teamKey(teamId), text);
    } catch (error) {
      if (error instanceof StoreError) throw error;
      const full = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
      throw new StoreError('storage', `${full ? 'storage is full' : 'storage refused the write'} ("${this.teamKey(teamId)}"): ${String(error)}`, 507);
    }
  }

  /** Removes one team's key (the quarantine stays). */
  remove(teamId: string): void {
    this.storage().removeItem(this.teamKey(teamId));
  }

  /**
   * Appends `text` to the quarantine list under `to` (once: the same text is not added twice).
   * Returns false when it could not be written (storage full).
   */
  quarantine(to: string, from: string, text: string, reason: string): boolean {
    const storage = this.storage();
    let entries: QuarantineEntry[] = [];
    try {
      const parsed = JSON.parse(storage.getItem(to) ?? '[]') as unknown;
      if (Array.isArray(parsed)) entries = parsed as QuarantineEntry[];
    } catch {
      // A quarantine list that is itself unreadable is never overwritten: keep the new entry beside it.
      to = `${to}/${Date.now()}`;
    }
    if (entries.some((entry) => entry.text === text)) return true;
    try {
      storage.setItem(to, JSON.stringify([...entries, { at: new Date().toISOString(), from, reason, text }]));
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Moves the old single-key layout (`{ format: LEGACY_FORMAT, records: { <teamId>: record } }`)
   * to one key per team, keeping every team; a team that already has its own key keeps it. A value
   * that cannot be read is copied to the quarantine key first. Returns a problem to report, if any.
   */
  migrate(): StorageProblem | undefined {
    const storage = this.storage();
    const text = storage.getItem(this.key);
    if (text === null) return undefined;
    let state: { format?: unknown; records?: unknown } | undefined;
    try {
      state = JSON.parse(text) as typeof state;
    } catch {
      state = undefined;
    }
    const records = state?.format === LEGACY_FORMAT && state.records && typeof state.records === 'object' ? (state.records as Record<string, unknown>) : undefined;
    if (!records) {
      const message = state === undefined ? 'it is not valid JSON' : `it is not in the format ${LEGACY_FORMAT}`;
      const quarantineKey = this.quarantineKey();
      // Only once the value is safe under the quarantine key is the old key cleared.
      if (this.quarantine(quarantineKey, this.key, text, message)) storage.removeItem(this.key);
      return { kind: 'legacy-unreadable', key: this.key, quarantineKey, message: `the value under "${this.key}" could not be read (${message}); it is kept under "${quarantineKey}"` };
    }
    for (const [teamId, record] of Object.entries(records)) {
      if (storage.getItem(this.teamKey(teamId)) === null) this.write(teamId, 1, record);
    }
    storage.removeItem(this.key);
    return undefined;
  }
}
