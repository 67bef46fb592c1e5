import type { Actor } from '../contract/common.js';
import type { AuditEntry } from '../contract/audit.js';
import type { CareRecord } from '../contract/record.js';
import {
  CONFLICT_NOT_FETCHED,
  StoreError,
  type CareDataSource,
  type Change,
  type ChangeKind,
  type ChangeRequest,
  type EntityByKind,
  type SaveOutcome,
  type StoreSnapshot,
} from './types.js';

type Listener = (snapshot: StoreSnapshot) => void;

const LIST_OF: Record<Exclude<ChangeKind, 'team'>, 'responsibilities' | 'consents' | 'meetings'> = {
  responsibility: 'responsibilities',
  consent: 'consents',
  meeting: 'meetings',
};

let sequence = 0;
const newId = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${(sequence++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

const asStoreError = (error: unknown): StoreError =>
  error instanceof StoreError
    ? error
    : new StoreError('network', error instanceof Error ? error.message : String(error));

/** Reads the entity of a kind and id from a record. */
export const entityIn = <K extends ChangeKind>(
  record: CareRecord,
  kind: K,
  id: string,
): EntityByKind[K] | undefined => {
  if (kind === 'team') return (record.team.id === id ? record.team : undefined) as EntityByKind[K] | undefined;
  const list = record[LIST_OF[kind as Exclude<ChangeKind, 'team'>]] as Array<{ id: string }>;
  return list.find((item) => item.id === id) as EntityByKind[K] | undefined;
};

/** Returns a copy of `record` with the entity put in place (replaced, or added at the end). */
export const withEntity = <K extends ChangeKind>(record: CareRecord, kind: K, value: EntityByKind[K]): CareRecord => {
  if (kind === 'team') return { ...record, team: value as EntityByKind['team'] };
  const key = LIST_OF[kind as Exclude<ChangeKind, 'team'>];
  const list = record[key] as Array<{ id: string }>;
  const index = list.findIndex((item) => item.id === (value as { id: string }).id);
  const next = index === -1 ? [...list, value] : list.map((item, i) => (i === index ? value : item));
  return { ...record, [key]: next };
};

/**
 * Holds one care team's record and is the only way elements change it. A save is shown at once
 * (optimistic), written through the data source, and either confirmed with the stored version or
 * rolled back to what was there before, with the error kept so the element can explain it and the
 * user can retry. Every attempt lands in the audit trail with actor, time and reason.
 */
export class CareStore {
  private snapshotValue: StoreSnapshot = { status: 'idle', pending: new Set(), failures: new Map() };
  private readonly listeners = new Set<Listener>();
  private loadController?: AbortController;
  // The newest save per entity wins: an older answer arriving late must not overwrite it.
  private readonly latestChange = new Map<string, string>();
  // Saves of one entity run one after another; the tail of each entity's queue.
  private readonly queues = new Map<string, Promise<void>>();
  // The entity as the source holds it while saves of it are under way (undefined: not created yet).
  private readonly confirmed = new Map<string, unknown>();
  // After a conflict: the entity the refused change was made on. The next save of that entity is
  // merged onto the version the source holds now, so neither writer's change is silently dropped.
  private readonly rebaseFrom = new Map<string, unknown>();
  // The last attempt whose answer never came (timeout, lost connection): it may have been stored.
  private readonly unanswered = new Map<string, unknown>();
  // A conflict whose newer version could not be fetched: the next save of the entity fetches it first.
  private readonly refreshFirst = new Set<string>();

  constructor(
    readonly source: CareDataSource,
    readonly teamId: string,
    public actor: Actor = { name: 'Unknown user' },
  ) {}

  /** What the store holds now. Treat as read-only; it is replaced, never mutated. */
  get snapshot(): StoreSnapshot {
    return this.snapshotValue;
  }

  /** Calls `listener` now and after every change. Returns the function that stops it. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.snapshotValue);
    return () => this.listeners.delete(listener);
  }

  private set(next: Partial<StoreSnapshot>) {
    this.snapshotValue = { ...this.snapshotValue, ...next };
    for (const listener of this.listeners) listener(this.snapshotValue);
  }

  /** Loads (or reloads) the record. A newer load cancels an older one still running. */
  async load(): Promise<void> {
    this.loadController?.abort();
    const controller = (this.loadController = new AbortController());
    this.set({ status: 'loading', loadError: undefined });
    try {
      const record = await this.source.load(this.teamId, controller.signal);
      if (controller.signal.aborted) return;
      this.set({ status: 'ready', record });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.set({ status: 'error', loadError: asStoreError(error) });
    }
  }

  /** Replaces the record (for example when the host already has the data). */
  setRecord(record: CareRecord): void {
    this.loadController?.abort();
    this.set({ status: 'ready', record, loadError: undefined });
  }

  /**
   * Saves a change optimistically; resolves when the source has answered. Never throws.
   * Saves of one entity are sent one after the other, each based on the version the previous one
   * stored, so quick successive edits do not conflict with each other; the newest is what stays.
   */
  async save<K extends ChangeKind>(request: ChangeRequest<K>): Promise<SaveOutcome<K>> {
    const record = this.snapshotValue.record;
    if (!record) return { ok: false, error: new StoreError('rejected', 'nothing is loaded yet') };
    const entityId = (request.value as { id: string }).id;
    // What the source holds is the record's entity unless an earlier save of it is still under way.
    if (!this.queues.has(entityId)) this.confirmed.set(entityId, entityIn(record, request.entity, entityId));
    const changeId = newId('change');
    const actor = this.actor;
    const at = new Date().toISOString();
    this.latestChange.set(entityId, changeId);

    const pending = new Set(this.snapshotValue.pending).add(entityId);
    const failures = new Map(this.snapshotValue.failures);
    failures.delete(entityId);
    this.set({ record: withEntity(record, request.entity, request.value), pending, failures });

    const previous = this.queues.get(entityId) ?? Promise.resolve();
    const outcome = previous.then(() => this.send(request, entityId, { id: changeId, actor, at }));
    const queue = outcome.then(() => undefined);
    this.queues.set(entityId, queue);
    const result = await outcome;
    if (this.queues.get(entityId) === queue) {
      this.queues.delete(entityId);
      this.confirmed.delete(entityId);
    }
    return result;
  }

  private async send<K extends ChangeKind>(
    request: ChangeRequest<K>,
    entityId: string,
    made: Pick<Change, 'id' | 'actor' | 'at'>,
  ): Promise<SaveOutcome<K>> {
    if (this.refreshFirst.delete(entityId)) await this.refreshAfterConflict(request.entity, entityId, this.confirmed.get(entityId));
    const base = this.confirmed.get(entityId) as EntityByKind[K] | undefined;
    const stale = this.rebaseFrom.get(entityId);
    this.rebaseFrom.delete(entityId);
    // Only a change made on the version that conflicted (Try again) is merged onto the newer one; a
    // fresh edit made on the newer version is sent as it is.
    if (stale !== undefined && versionOf(request.value) === versionOf(stale)) {
      request = { ...request, value: mergeChange(stale, request.value, base) as EntityByKind[K] };
    }
    const change = {
      ...request,
      ...made,
      baseVersion: (base as { meta?: { version?: string } } | undefined)?.meta?.version,
      create: !base,
    } as Change<K>;
    const isLatest = () => this.latestChange.get(entityId) === change.id;
    try {
      const stored = await this.source.save(change);
      this.confirmed.set(entityId, stored);
      this.unanswered.delete(entityId);
      if (isLatest()) this.finish(entityId, change as Change, 'saved', (current) => withEntity(current, request.entity, stored));
      else this.appendAudit(change as Change, 'saved');
      return { ok: true, value: stored, change };
    } catch (raw) {
      let error = asStoreError(raw);
      const latest = error.kind === 'conflict' ? await this.refreshAfterConflict(request.entity, entityId, base) : undefined;
      if (error.kind === 'conflict' && latest === undefined) this.refreshFirst.add(entityId);
      // The source already holds this change, or the earlier attempt whose answer was lost: it is saved.
      const holds = (value: unknown) => latest !== undefined && value !== undefined && sameValue(withoutMeta(latest), withoutMeta(value));
      // A lost answer counts as saved only for the very attempt it belonged to (its Try again).
      const earlier = this.unanswered.get(entityId);
      const retriesEarlier = earlier !== undefined && sameValue(withoutMeta(earlier), withoutMeta(request.value));
      if (error.kind === 'timeout' || error.kind === 'network') this.unanswered.set(entityId, request.value);
      else if (!retriesEarlier) this.unanswered.delete(entityId);
      if (holds(request.value) || (retriesEarlier && holds(earlier))) {
        this.rebaseFrom.delete(entityId);
        this.unanswered.delete(entityId);
        const stored = latest as EntityByKind[K];
        if (isLatest()) this.finish(entityId, change as Change, 'saved', (current) => withEntity(current, request.entity, stored));
        else this.appendAudit(change as Change, 'saved');
        return { ok: true, value: stored, change };
      }
      if (!isLatest()) {
        this.appendAudit(change as Change, 'failed');
        return { ok: false, error };
      }
      if (error.kind === 'conflict' && latest === undefined) error = new StoreError('conflict', CONFLICT_NOT_FETCHED, error.status);
      // Back to what the source holds: the entity before, or what an earlier save stored meanwhile.
      const restore = this.confirmed.get(entityId) as EntityByKind[K] | undefined;
      this.finish(
        entityId,
        change as Change,
        'failed',
        (current) => (restore ? withEntity(current, request.entity, restore) : withoutEntity(current, request.entity, entityId)),
        { error, request: request as ChangeRequest },
      );
      return { ok: false, error };
    }
  }

  /**
   * Someone else changed the entity: fetch the version the source holds now, so it is what the
   * user sees (instead of their stale copy) and what a retry is merged onto.
   */
  private async refreshAfterConflict(kind: ChangeKind, entityId: string, base: unknown): Promise<unknown> {
    try {
      const latest = entityIn(await this.source.load(this.teamId), kind, entityId);
      if (latest === undefined) return undefined;
      this.confirmed.set(entityId, latest);
      if (base !== undefined) this.rebaseFrom.set(entityId, base);
      return latest;
    } catch {
      // Could not look: the entity stays as the user last saw it, and a retry may conflict again.
      return undefined;
    }
  }

  /** Tries the last failed save of an entity again. */
  retry(entityId: string): Promise<SaveOutcome> | undefined {
    const failure = this.snapshotValue.failures.get(entityId);
    return failure ? this.save(failure.request) : undefined;
  }

  /** Forgets a failure the user has dismissed. */
  dismiss(entityId: string): void {
    if (!this.snapshotValue.failures.has(entityId)) return;
    this.rebaseFrom.delete(entityId);
    this.unanswered.delete(entityId);
    const failures = new Map(this.snapshotValue.failures);
    failures.delete(entityId);
    this.set({ failures });
  }

  /** Records a change the host vetoed, so the audit trail shows it was tried. */
  recordVeto(request: ChangeRequest): void {
    const record = this.snapshotValue.record;
    if (!record) return;
    const change = { ...request, id: newId('change'), actor: this.actor, at: new Date().toISOString(), create: false };
    this.set({ record: { ...record, audit: [...record.audit, this.auditEntry(change, 'vetoed')] } });
  }

  /** Notes an attempt that a newer change of the same entity has overtaken. */
  private appendAudit(change: Change, outcome: AuditEntry['outcome']) {
    const record = this.snapshotValue.record;
    if (record) this.set({ record: { ...record, audit: [...record.audit, this.auditEntry(change, outcome)] } });
  }

  private finish(
    entityId: string,
    change: Change,
    outcome: AuditEntry['outcome'],
    update: (record: CareRecord) => CareRecord,
    failure?: { error: StoreError; request: ChangeRequest },
  ) {
    const current = this.snapshotValue.record!;
    const next = update(current);
    const pending = new Set(this.snapshotValue.pending);
    pending.delete(entityId);
    const failures = new Map(this.snapshotValue.failures);
    if (failure) failures.set(entityId, failure);
    this.set({ record: { ...next, audit: [...next.audit, this.auditEntry(change, outcome)] }, pending, failures });
  }

  private auditEntry(change: Omit<Change, 'baseVersion'>, outcome: AuditEntry['outcome']): AuditEntry {
    const entry: AuditEntry = {
      id: newId('audit'),
      entity: change.entity,
      entityId: (change.value as { id: string }).id,
      action: change.action,
      actor: change.actor,
      at: change.at,
      outcome,
    };
    if (change.reason) entry.reason = change.reason;
    return entry;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const sameValue = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a).filter((key) => a[key] !== undefined);
  return keys.length === Object.keys(b).filter((key) => b[key] !== undefined).length && keys.every((key) => sameValue(a[key], b[key]));
};

const versionOf = (entity: unknown): unknown => (isObject(entity) && isObject(entity.meta) ? entity.meta.version : undefined);

const withoutMeta = (entity: unknown): unknown => {
  if (!isObject(entity)) return entity;
  const { meta: _meta, ...rest } = entity;
  return rest;
};

/** What identifies an item of a list across versions: its `id`, else its `memberId`. */
const identityOf = (item: unknown): unknown => (isObject(item) ? (item.id ?? item.memberId) : undefined);

/**
 * A three-way merge of one entity: `mine` is the user's change made on `base`, `theirs` what the
 * source holds now. What only one side changed is taken from that side; lists keep both sides'
 * additions and removals (an item of mine replaces theirs with the same id); where both changed
 * the same value, the user's retry wins.
 */
export const mergeChange = (base: unknown, mine: unknown, theirs: unknown): unknown => {
  if (sameValue(mine, base)) return theirs;
  if (sameValue(theirs, base) || sameValue(mine, theirs)) return mine;
  if (Array.isArray(base) && Array.isArray(mine) && Array.isArray(theirs)) {
    const removed = base.filter((item) => !mine.some((m) => sameValue(m, item)));
    const added = mine.filter((item) => !base.some((b) => sameValue(b, item)) && !theirs.some((t) => sameValue(t, item)));
    const replaced = new Set(added.map(identityOf).filter((key) => key !== undefined));
    const kept = theirs.filter((item) => {
      const key = identityOf(item);
      return !removed.some((r) => sameValue(r, item)) && !(key !== undefined && replaced.has(key));
    });
    return [...kept, ...added];
  }
  if (isObject(base) && isObject(mine) && isObject(theirs)) {
    const merged: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      const value = mergeChange(base[key], mine[key], theirs[key]);
      if (value !== undefined) merged[key] = value;
    }
    return merged;
  }
  return mine;
};

const withoutEntity = (record: CareRecord, kind: ChangeKind, id: string): CareRecord => {
  if (kind === 'team') return record;
  const key = LIST_OF[kind];
  return { ...record, [key]: (record[key] as Array<{ id: string }>).filter((item) => item.id !== id) };
};
