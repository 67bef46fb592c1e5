import type { AuditEntry } from '../contract/audit.js';
import { Actor } from '../contract/common.js';
import type { CareRecord } from '../contract/record.js';
import { check } from '../contract/validate.js';
import { carriesChangeOf, mergeEntity, sameValue, withoutMeta, type MergeChoice } from './merge.js';
import {
  CONFLICT_NOT_FETCHED,
  entityKey,
  PartlySavedError,
  StoreError,
  type CareDataSource,
  type Change,
  type ChangeKind,
  type ChangeRequest,
  type EntityByKind,
  type EntityKey,
  type EntityState,
  type FieldConflict,
  type SaveFailure,
  type SaveOutcome,
  type StoreErrorKind,
  type StoreSnapshot,
} from './types.js';

export { mergeEntity, type MergeChoice } from './merge.js';

type Listener = (snapshot: StoreSnapshot) => void;

const LIST_OF: Record<Exclude<ChangeKind, 'team'>, 'responsibilities' | 'consents' | 'meetings' | 'crisisPlans' | 'meetingOutcomes'> = {
  responsibility: 'responsibilities',
  consent: 'consents',
  meeting: 'meetings',
  'crisis-plan': 'crisisPlans',
  'meeting-outcome': 'meetingOutcomes',
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
  // A record set by a host without crisis plans (or meeting outcomes) has no list for them.
  const list = (record[LIST_OF[kind as Exclude<ChangeKind, 'team'>]] ?? []) as Array<{ id: string }>;
  return list.find((item) => item.id === id) as EntityByKind[K] | undefined;
};

/** Returns a copy of `record` with the entity put in place (replaced, or added at the end). */
export const withEntity = <K extends ChangeKind>(record: CareRecord, kind: K, value: EntityByKind[K]): CareRecord => {
  if (kind === 'team') return { ...record, team: value as EntityByKind['team'] };
  const key = LIST_OF[kind as Exclude<ChangeKind, 'team'>];
  const list = (record[key] ?? []) as Array<{ id: string }>;
  const index = list.findIndex((item) => item.id === (value as { id: string }).id);
  const next = index === -1 ? [...list, value] : list.map((item, i) => (i === index ? value : item));
  return { ...record, [key]: next };
};

/** The store's own error for a change nobody can be named for. */
export const NO_ACTOR = 'no actor: set the person using the page (care-context actor, the element\u2019s actor property, or store.actor) before changes can be saved';

/** The audit category of a failure. */
const failureCategory = (kind: StoreErrorKind): NonNullable<AuditEntry['failure']> => {
  switch (kind) {
    case 'conflict':
    case 'network':
    case 'timeout':
    case 'forbidden':
    case 'server':
      return kind;
    case 'storage':
      // The source (the browser's storage) could not keep it: the audit trail's nearest category.
      return 'server';
    default:
      return 'invalid';
  }
};

const keyParts = (key: EntityKey): { kind: ChangeKind; id: string } => {
  const slash = key.indexOf('/');
  return { kind: key.slice(0, slash) as ChangeKind, id: key.slice(slash + 1) };
};

const idOf = (value: unknown): string => (value as { id: string }).id;

/** A version number when the version is one (memory, the test server, FHIR versionId), else undefined. */
const numericVersion = (entity: unknown): number | undefined => {
  const version = (entity as { meta?: { version?: unknown } } | undefined)?.meta?.version;
  return typeof version === 'string' && /^\d+$/.test(version) ? Number(version) : undefined;
};

/** How a save is sent: the first time, or a Try again of a change (same id), maybe with a choice after a conflict. */
export interface SaveOptions {
  changeId?: string;
  attempt?: number;
  choice?: MergeChoice;
  /**
   * Who on the page made the change (an element; the elements pass themselves). A change made on
   * a copy older than one this origin's own save stored is merged onto the newer version, as a
   * change from another page is; only an origin's own saves make its older copy current. Saves
   * without an origin count as one origin.
   */
  origin?: object;
}

/**
 * Holds one care team's record and is the only way elements change it. A save is shown at once
 * (optimistic), written through the data source, and either confirmed with the stored version or
 * rolled back to what the source holds, with the failure kept so the element can explain it and
 * the person can try again (the same change id) or, after a conflict, choose between both
 * versions. Everything is keyed by kind and id. Every outcome lands in the audit trail with the
 * actor, time, reason and, for a failure, its category; a change without an actor is refused.
 */
export class CareStore {
  private snapshotValue: StoreSnapshot = { status: 'idle', pending: new Set(), failures: new Map(), entities: new Map(), auditUndelivered: [] };
  private readonly listeners = new Set<Listener>();
  private loadController?: AbortController;
  private actorValue?: Actor;
  // The newest save per entity wins: an older answer arriving late must not overwrite it.
  private readonly latestChange = new Map<EntityKey, string>();
  // Saves of one entity run one after another; the tail of each entity's queue.
  private readonly queues = new Map<EntityKey, Promise<void>>();
  // The entity as the source holds it while saves of it are under way (undefined: not created yet).
  private readonly confirmed = new Map<EntityKey, unknown>();
  // After a conflict: the entity the refused change was made on, to merge its Try again onto the newer version.
  private readonly rebaseFrom = new Map<EntityKey, unknown>();
  // The last attempt whose answer never came (timeout, lost connection): it may have been stored.
  private readonly unanswered = new Map<EntityKey, unknown>();
  // A conflict whose newer version could not be fetched: the next save of the entity fetches it first.
  private readonly refreshFirst = new Set<EntityKey>();
  // Answers are ordered: when each entity was last confirmed, so an older read cannot replace it.
  private answerClock = 0;
  private readonly confirmedAt = new Map<EntityKey, number>();
  // The entity as the source held it at each recent version, so a change made on an older copy is merged onto the newer one.
  private readonly heldAt = new Map<EntityKey, Map<string, unknown>>();
  // Versions each origin's saves made (an element), by the version each was made on: what an element shows while
  // its save is under way still carries the older version, so its change made on it is not made on an older copy.
  // Another element's save on this store is someone else's change.
  // Origins are kept by number, never the element itself: an element taken off the page is not held here.
  private readonly ownVersions = new Map<EntityKey, Map<string, { version: string; origin: number }>>();
  private readonly originIds = new WeakMap<object, number>();
  // Who made each failed change, so its Try again is that origin's again.
  private readonly failedBy = new WeakMap<SaveFailure, object>();
  // A newer version read while a save of the entity was under way: what a failed save goes back to.
  private readonly heardWhileSaving = new Map<EntityKey, unknown>();

  constructor(
    readonly source: CareDataSource,
    readonly teamId: string,
    actor?: Actor,
  ) {
    this.actor = actor;
  }

  /**
   * The person making changes, recorded on every change and audit entry. Setting nothing, or
   * something the contract refuses, clears it: no change is saved until a real actor is set.
   */
  get actor(): Actor | undefined {
    return this.actorValue;
  }
  set actor(value: Actor | undefined) {
    if (value === undefined || value === null) {
      this.actorValue = undefined;
      return;
    }
    const result = check(Actor, value);
    if (!result.ok) console.warn('care-elements: the actor does not follow the data contract and is cleared; changes are refused until a valid actor is set.');
    this.actorValue = result.ok ? Object.freeze({ ...result.value }) : undefined;
  }

  /** What the store holds now. Treat as read-only; it is replaced, never mutated. */
  get snapshot(): StoreSnapshot {
    return this.snapshotValue;
  }

  /**
   * Calls `listener` now and after every change. Returns the function that stops it. While anyone
   * listens, the store also watches its source (when the source can tell, as a persisted memory
   * source does for other tabs) and takes in what others saved without a loading state.
   */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1 && this.source.watch && !this.stopWatchingSource) {
      this.stopWatchingSource = this.source.watch(this.teamId, () => void this.refresh());
    }
    listener(this.snapshotValue);
    return () => {
      if (this.listeners.delete(listener) && this.listeners.size === 0) {
        this.stopWatchingSource?.();
        this.stopWatchingSource = undefined;
      }
    };
  }

  private stopWatchingSource?: () => void;
  private refreshing?: Promise<void>;
  private loadsStarted = 0;
  private refreshAgain = false;

  /**
   * Reads the record again after the source said someone else changed it, keeping what this store
   * saved since and what it is saving (answers are ordered by version, as in `load`).
   */
  private refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    const run = async () => {
      do {
        this.refreshAgain = false;
        if (this.snapshotValue.status !== 'ready') return;
        const startedAt = this.answerClock;
        const loads = this.loadsStarted;
        try {
          const loaded = await this.source.load(this.teamId);
          // A load of its own started meanwhile (still loading, or answered already with a newer read) answers instead.
          const current = this.snapshotValue.record;
          if (this.snapshotValue.status !== 'ready' || !current || this.loadsStarted !== loads) return;
          this.rememberRecord(loaded);
          const next = keepUnchanged(current, this.newerOf(loaded, startedAt));
          if (next !== current) this.set({ record: next });
        } catch {
          // The source reported what went wrong; the record on screen stays as it was.
        }
      } while (this.refreshAgain);
    };
    this.refreshing = run().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** One entity as the store knows it: confirmed value, pending change, failure. */
  stateOf<K extends ChangeKind>(kind: K, id: string): EntityState<K> {
    const known = this.snapshotValue.entities.get(entityKey(kind, id));
    if (known) return known as EntityState<K>;
    const record = this.snapshotValue.record;
    return { kind, id, confirmed: record ? entityIn(record, kind, id) : undefined };
  }

  /**
   * True while a save is under way, a host's step (`waitUntil`) is still running, or a failed save
   * has been neither retried nor dismissed: leaving the page now would lose a decision.
   */
  get hasUnsavedWork(): boolean {
    const { pending, failures, auditUndelivered } = this.snapshotValue;
    return pending.size > 0 || failures.size > 0 || this.hostSteps > 0 || this.auditDeliveries > 0 || (auditUndelivered?.length ?? 0) > 0;
  }

  private hostSteps = 0;

  /** Counts a host's own step (a confirmation, a signature) as unsaved work until it settles. */
  track<T>(step: Promise<T>): Promise<T> {
    this.hostSteps++;
    const done = () => {
      this.hostSteps--;
    };
    step.then(done, done);
    return step;
  }

  /** Whether a save of the entity is under way. */
  isPending(kind: ChangeKind, id: string): boolean {
    return this.snapshotValue.pending.has(entityKey(kind, id));
  }

  /** The last failed save of the entity, if any. */
  failureOf(kind: ChangeKind, id: string): SaveFailure | undefined {
    return this.snapshotValue.failures.get(entityKey(kind, id));
  }

  private set(next: Partial<StoreSnapshot>) {
    const merged = { ...this.snapshotValue, ...next };
    if (next.pending || next.failures || next.record) merged.entities = this.entityStates(merged);
    this.snapshotValue = merged;
    for (const listener of this.listeners) listener(this.snapshotValue);
  }

  private entityStates(snapshot: StoreSnapshot): Map<EntityKey, EntityState> {
    const states = new Map<EntityKey, EntityState>();
    const record = snapshot.record;
    for (const key of new Set([...snapshot.pending, ...snapshot.failures.keys()])) {
      const { kind, id } = keyParts(key);
      const shown = record ? entityIn(record, kind, id) : undefined;
      const pending = snapshot.pending.has(key);
      const state: EntityState = { kind, id, confirmed: (pending ? this.confirmed.get(key) : shown) as EntityState['confirmed'] };
      if (pending) state.pending = shown;
      const failure = snapshot.failures.get(key);
      if (failure) state.failure = failure;
      states.set(key, state);
    }
    return states;
  }

  /**
   * Loads (or reloads) the record. A newer load cancels an older one still running. Answers are
   * ordered: an entity confirmed by a save after this read started, or with a save under way,
   * keeps the store's value unless the read brings a newer version.
   */
  async load(): Promise<void> {
    this.loadsStarted++;
    this.loadController?.abort();
    const controller = (this.loadController = new AbortController());
    const startedAt = this.answerClock;
    this.set({ status: 'loading', loadError: undefined });
    try {
      const loaded = await this.source.load(this.teamId, controller.signal);
      if (controller.signal.aborted) return;
      this.rememberRecord(loaded);
      this.set({ status: 'ready', record: this.newerOf(loaded, startedAt), leftOut: this.source.leftOut ?? [] });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.set({ status: 'error', loadError: asStoreError(error) });
    }
  }

  private newerOf(loaded: CareRecord, startedAt: number): CareRecord {
    const current = this.snapshotValue.record;
    if (!current) return loaded;
    let record = loaded;
    const keys = new Set<EntityKey>([...this.queues.keys()]);
    for (const [key, at] of this.confirmedAt) if (at > startedAt) keys.add(key);
    for (const key of keys) {
      const { kind, id } = keyParts(key);
      const ours = entityIn(current, kind, id);
      const theirs = entityIn(loaded, kind, id);
      if (ours === undefined) continue;
      const oursVersion = numericVersion(this.queues.has(key) ? this.confirmed.get(key) : ours);
      const theirsVersion = numericVersion(theirs);
      // A read that saw a newer version than the store's confirmed one is newer; anything else is not.
      const newer = theirsVersion !== undefined && oursVersion !== undefined && theirsVersion > oursVersion;
      if (newer && !this.queues.has(key)) continue;
      // The save under way stays on screen; should it fail, the screen goes back to this newer version.
      if (newer && theirsVersion > (numericVersion(this.heardWhileSaving.get(key)) ?? 0)) this.heardWhileSaving.set(key, theirs);
      record = withEntity(record, kind, ours);
    }
    return record;
  }

  /** Replaces the record (for example when the host already has the data). */
  setRecord(record: CareRecord): void {
    this.loadController?.abort();
    this.rememberRecord(record);
    this.set({ status: 'ready', record, loadError: undefined, leftOut: [] });
  }

  /**
   * Saves a change optimistically; resolves when the source has answered. Never throws.
   * Saves of one entity are sent one after the other, each based on the version the previous one
   * stored, so quick successive edits do not conflict with each other; the newest is what stays.
   * Without an actor nothing is saved or shown: the outcome is an error of kind `no-actor`.
   */
  async save<K extends ChangeKind>(request: ChangeRequest<K>, options: SaveOptions = {}): Promise<SaveOutcome<K>> {
    const record = this.snapshotValue.record;
    if (!record) return { ok: false, error: new StoreError('rejected', 'nothing is loaded yet') };
    const actor = this.actorValue;
    if (!actor) return { ok: false, error: new StoreError('no-actor', NO_ACTOR) };
    const id = idOf(request.value);
    const key = entityKey(request.entity, id);
    // What the source holds is the record's entity unless an earlier save of it is still under way.
    const queued = this.queues.has(key);
    // Behind a save under way, the element shows what that save asks for: the copy a change is likely made on.
    const shown = queued ? entityIn(record, request.entity, id) : undefined;
    if (!queued) {
      this.confirmed.set(key, entityIn(record, request.entity, id));
      this.mergeIfOlder(key, request.value, options.origin);
    }
    const changeId = options.changeId ?? newId('change');
    const at = new Date().toISOString();
    this.latestChange.set(key, changeId);

    const pending = new Set(this.snapshotValue.pending).add(key);
    const failures = new Map(this.snapshotValue.failures);
    failures.delete(key);
    this.set({ record: withEntity(record, request.entity, request.value), pending, failures });

    const previous = this.queues.get(key) ?? Promise.resolve();
    const made = { id: changeId, actor, at, attempt: options.attempt ?? 1 };
    const outcome = previous.then(() => {
      // Sent after the saves before it: made on an older copy than the one they stored (another element's), it is merged onto it.
      if (queued) this.mergeIfOlder(key, request.value, options.origin, shown);
      return this.send(request, key, made, options.choice, options.origin);
    });
    const queue = outcome.then(() => undefined);
    this.queues.set(key, queue);
    const result = await outcome;
    if (this.queues.get(key) === queue) {
      this.queues.delete(key);
      this.confirmed.delete(key);
      this.heardWhileSaving.delete(key);
    }
    return result;
  }

  private async send<K extends ChangeKind>(
    request: ChangeRequest<K>,
    key: EntityKey,
    made: Pick<Change, 'id' | 'actor' | 'at' | 'attempt'>,
    choice?: MergeChoice,
    origin?: object,
  ): Promise<SaveOutcome<K>> {
    if (this.refreshFirst.delete(key)) await this.refreshAfterConflict(request.entity, key, this.confirmed.get(key));
    const base = this.confirmed.get(key) as EntityByKind[K] | undefined;
    const stale = this.rebaseFrom.get(key);
    const isLatest = () => this.latestChange.get(key) === made.id;
    // Only a change made on the version that conflicted (Try again) is merged onto the newer one; a
    // fresh edit made on the newer version is sent as it is.
    if (stale !== undefined && base !== undefined && versionOf(request.value) === versionOf(stale)) {
      const merged = mergeEntity(request.entity, stale, request.value, base, choice);
      if (merged.conflicts.length > 0 && !choice) {
        // Both changed the same thing: nothing is saved until the person chooses.
        const change = { ...request, ...made, baseVersion: versionOf(base), create: false } as Change<K>;
        return this.fail(request, key, change, new StoreError('conflict', 'both changed the same values'), merged.conflicts, isLatest, origin);
      }
      this.rebaseFrom.delete(key);
      if (choice && sameValue(withoutMeta(merged.value), withoutMeta(base))) {
        // The person kept the other version and nothing of theirs is left to save.
        const change = { ...request, ...made, baseVersion: versionOf(base), create: false } as Change<K>;
        if (isLatest()) this.finish(key, undefined, (current) => withEntity(current, request.entity, base));
        return { ok: true, value: base, change };
      }
      request = { ...request, value: merged.value as EntityByKind[K] };
    } else if (stale !== undefined && versionOf(request.value) !== versionOf(stale)) {
      this.rebaseFrom.delete(key);
    }
    const change = { ...request, ...made, baseVersion: versionOf(base), create: !base } as Change<K>;
    if (base !== undefined && change.baseVersion === undefined) this.noVersionAtSource(request.entity);
    try {
      const stored = await this.source.save(change);
      this.heardWhileSaving.delete(key);
      this.remember(key, stored, change.baseVersion, origin);
      this.confirmed.set(key, stored);
      this.confirmedAt.set(key, ++this.answerClock);
      this.unanswered.delete(key);
      this.rebaseFrom.delete(key);
      if (isLatest()) this.finish(key, this.auditEntry(change as Change, 'saved'), (current) => withEntity(current, request.entity, stored));
      else this.appendAudit(this.auditEntry(change as Change, 'saved'));
      return { ok: true, value: stored, change };
    } catch (raw) {
      let error = asStoreError(raw);
      if (error instanceof PartlySavedError && error.stored !== undefined) {
        // Part of the change is stored: that is what the source holds now, what closing the error shows and what Try again builds on.
        const stored = error.stored as EntityByKind[K];
        this.heardWhileSaving.delete(key);
        this.remember(key, stored, change.baseVersion, origin);
        this.confirmed.set(key, stored);
        this.confirmedAt.set(key, ++this.answerClock);
      }
      const latest = error.kind === 'conflict' ? await this.refreshAfterConflict(request.entity, key, base) : undefined;
      if (error.kind === 'conflict' && latest === undefined) this.refreshFirst.add(key);
      // The source already holds this change, or the earlier attempt whose answer was lost: it is saved.
      const holds = (value: unknown) => latest !== undefined && value !== undefined && sameValue(withoutMeta(latest), withoutMeta(value));
      // A lost answer counts as saved only for the very attempt it belonged to (its Try again).
      const earlier = this.unanswered.get(key);
      const retriesEarlier = earlier !== undefined && sameValue(withoutMeta(earlier), withoutMeta(request.value));
      if (error.kind === 'timeout' || error.kind === 'network') this.unanswered.set(key, request.value);
      else if (!retriesEarlier) this.unanswered.delete(key);
      if (holds(request.value) || (retriesEarlier && holds(earlier))) {
        this.rebaseFrom.delete(key);
        this.unanswered.delete(key);
        const stored = latest as EntityByKind[K];
        this.remember(key, stored, change.baseVersion, origin);
        this.confirmedAt.set(key, ++this.answerClock);
        if (isLatest()) this.finish(key, this.auditEntry(change as Change, 'saved'), (current) => withEntity(current, request.entity, stored));
        else this.appendAudit(this.auditEntry(change as Change, 'saved'));
        return { ok: true, value: stored, change };
      }
      if (error.kind === 'conflict' && latest === undefined) error = new StoreError('conflict', CONFLICT_NOT_FETCHED, error.status);
      // Made as new while someone else created it: nothing of theirs is taken as unchanged.
      const conflicts = latest !== undefined ? mergeEntity(request.entity, base ?? {}, request.value, latest).conflicts : [];
      return this.fail(request, key, change, error, conflicts, isLatest, origin);
    }
  }

  private fail<K extends ChangeKind>(
    request: ChangeRequest<K>,
    key: EntityKey,
    change: Change<K>,
    error: StoreError,
    conflicts: readonly FieldConflict[],
    isLatest: () => boolean,
    origin?: object,
  ): SaveOutcome<K> {
    // Stored in part: the trail says so, and what was not stored, never that nothing was.
    const partly = error instanceof PartlySavedError && error.stored !== undefined;
    const entry = this.auditEntry(change as Change, partly ? 'partly-saved' : 'failed', error.kind, partly ? error.notSaved : undefined);
    if (!isLatest()) {
      this.appendAudit(entry);
      return { ok: false, error };
    }
    // Back to what the source holds: the entity before, what an earlier save stored meanwhile, or a newer version heard of meanwhile.
    const restore = (this.heardWhileSaving.get(key) ?? this.confirmed.get(key)) as EntityByKind[K] | undefined;
    const { id } = keyParts(key);
    const failure: SaveFailure = { error, request: request as ChangeRequest, changeId: change.id, conflicts };
    if (origin) this.failedBy.set(failure, origin);
    this.finish(key, entry, (current) => (restore ? withEntity(current, request.entity, restore) : withoutEntity(current, request.entity, id)), failure);
    return { ok: false, error };
  }

  /**
   * Someone else changed the entity: fetch the version the source holds now, so it is what the
   * person sees (instead of their stale copy) and what a Try again is merged onto.
   */
  private async refreshAfterConflict(kind: ChangeKind, key: EntityKey, base: unknown): Promise<unknown> {
    try {
      const latest = entityIn(await this.source.load(this.teamId), kind, keyParts(key).id);
      if (latest === undefined) return undefined;
      this.heardWhileSaving.delete(key);
      this.remember(key, latest);
      this.confirmed.set(key, latest);
      this.confirmedAt.set(key, ++this.answerClock);
      // A change made as new is merged onto what someone else created from nothing: every value both gave differently is the person's choice.
      if (!this.rebaseFrom.has(key)) this.rebaseFrom.set(key, base ?? {});
      return latest;
    } catch {
      // Could not look: the entity stays as the person last saw it, and a retry may conflict again.
      return undefined;
    }
  }

  /**
   * A change made on an older copy than the store holds (a form opened before someone else saved,
   * here or on another page) is merged onto the version held now, as a Try again after a conflict
   * is: it must not overwrite what they saved.
   */
  private mergeIfOlder(key: EntityKey, value: unknown, origin: object | undefined, shown?: unknown) {
    const held = versionOf(this.confirmed.get(key));
    const madeOn = this.afterOwnSaves(key, versionOf(value), origin);
    if (madeOn === undefined || held === undefined || madeOn === held || versionOf(this.rebaseFrom.get(key)) === versionOf(value)) return;
    // Not known here (a copy from elsewhere): nothing is taken as unchanged, so every value both hold differently is the person's choice.
    const older = this.heldAt.get(key)?.get(madeOn);
    // A change that carries what another element's save under way asked for was made on what the page showed then, not on the older copy:
    // only what it changed since is its own (a second cell of the same row chosen while the first is saved).
    const madeFrom = shown !== undefined && older !== undefined && carriesChangeOf(older, shown, value) ? shown : older;
    this.rebaseFrom.set(key, { ...((madeFrom ?? {}) as object), meta: { version: versionOf(value) } });
  }

  /** The number of an origin (0: saves without one). */
  private originId(origin: object | undefined): number {
    if (!origin) return 0;
    let id = this.originIds.get(origin);
    if (id === undefined) this.originIds.set(origin, (id = ++this.originCount));
    return id;
  }

  private originCount = 0;

  /** The version a copy made on `version` stands for: after the saves `origin` made on it here, the one they stored. */
  private afterOwnSaves(key: EntityKey, version: string | undefined, origin: object | undefined): string | undefined {
    const own = this.ownVersions.get(key);
    const passed = new Set<string>();
    const by = this.originId(origin);
    for (let step = version === undefined ? undefined : own?.get(version); step && step.origin === by && !passed.has(version!); step = own?.get(version!)) {
      passed.add(version!);
      version = step.version;
    }
    return version;
  }

  /**
   * Keeps the entity as the source holds it at its version (the last few versions per entity);
   * `madeOn`: the version the save that stored it was made on, by `origin` (the element that made it).
   */
  private remember(key: EntityKey, entity: unknown, madeOn?: string, origin?: object) {
    const version = versionOf(entity);
    if (version === undefined) return;
    if (madeOn !== undefined && madeOn !== version) {
      let own = this.ownVersions.get(key);
      if (!own) this.ownVersions.set(key, (own = new Map()));
      own.set(madeOn, { version, origin: this.originId(origin) });
      if (own.size > HELD_VERSIONS) own.delete(own.keys().next().value!);
    }
    let versions = this.heldAt.get(key);
    if (!versions) this.heldAt.set(key, (versions = new Map()));
    versions.delete(version);
    versions.set(version, entity);
    if (versions.size > HELD_VERSIONS) versions.delete(versions.keys().next().value!);
  }

  /** Keeps every entity of a record the source answered (or the host set) at its version. */
  private rememberRecord(record: CareRecord) {
    this.remember(entityKey('team', record.team.id), record.team);
    for (const [kind, list] of Object.entries(LIST_OF) as Array<[Exclude<ChangeKind, 'team'>, (typeof LIST_OF)[Exclude<ChangeKind, 'team'>]]>) {
      for (const entity of (record[list] ?? []) as Array<{ id: string }>) this.remember(entityKey(kind, entity.id), entity);
    }
  }

  /** Tries the last failed save of an entity again, with the same change id. */
  retry(kind: ChangeKind, id: string): Promise<SaveOutcome> | undefined {
    const failure = this.failureOf(kind, id);
    return failure ? this.again(failure) : undefined;
  }

  /**
   * After a conflict where both changed the same values: keeps the person's values (`mine`) or the
   * other person's (`theirs`) for those, and saves everything else both changed.
   */
  resolve(kind: ChangeKind, id: string, choice: MergeChoice): Promise<SaveOutcome> | undefined {
    const failure = this.failureOf(kind, id);
    return failure ? this.again(failure, choice) : undefined;
  }

  private again(failure: SaveFailure, choice?: MergeChoice): Promise<SaveOutcome> {
    const attempts = (this.attempts.get(failure.changeId) ?? 1) + 1;
    this.attempts.set(failure.changeId, attempts);
    return this.save(failure.request, { changeId: failure.changeId, attempt: attempts, choice, origin: this.failedBy.get(failure) });
  }

  private readonly attempts = new Map<string, number>();

  /** Forgets a failure the person has dismissed. */
  dismiss(kind: ChangeKind, id: string): void {
    const key = entityKey(kind, id);
    if (!this.snapshotValue.failures.has(key)) return;
    this.rebaseFrom.delete(key);
    this.unanswered.delete(key);
    const failures = new Map(this.snapshotValue.failures);
    failures.delete(key);
    this.set({ failures });
  }

  /** Records a change the host vetoed (`vetoed`) or whose own save it rejected (`rejected`). */
  recordVeto(request: ChangeRequest, outcome: 'vetoed' | 'rejected' = 'vetoed', why?: StoreErrorKind): void {
    const actor = this.actorValue;
    if (!this.snapshotValue.record || !actor) return;
    const change = { ...request, id: newId('change'), actor, at: new Date().toISOString(), create: false };
    this.appendAudit(this.auditEntry(change, outcome, why));
  }

  /** Adds an entry to the trail shown and hands it to the source when it keeps audit entries. */
  private appendAudit(entry: AuditEntry) {
    const record = this.snapshotValue.record;
    if (record) this.set({ record: { ...record, audit: [...record.audit, entry] } });
    this.keepAtSource(entry);
  }

  /**
   * How a failed hand-over of audit entries to the source is tried again: up to `attempts` times in
   * all, pausing `delayMs` before the first retry and twice as long before each next one. Only
   * passing failures (network, timeout, server) are retried; a refusal is reported at once.
   */
  auditDelivery = { attempts: 4, delayMs: 500 };

  private auditDeliveries = 0;

  private keepAtSource(entry: AuditEntry) {
    // A saved change is recorded by the source as it stores it; other outcomes it never saw.
    if (entry.outcome === 'saved') return;
    if (!this.source.audit) return this.noAuditAtSource();
    void this.deliverAudit([entry]);
  }

  private noVersionWarned = false;

  /**
   * Says once per store that a change went to the source without the version it was made on (the
   * source gave the entity none): a change someone else saved meanwhile cannot be noticed there,
   * and this one may overwrite it. Integrators see it before their users lose an answer.
   */
  private noVersionAtSource(kind: ChangeKind) {
    if (this.noVersionWarned) return;
    this.noVersionWarned = true;
    console.warn(
      `care-elements: a change to a ${kind} was saved without the version it was made on, because the data source gave it none (no ETag or meta.version): a change someone else saved meanwhile cannot be noticed, and may be overwritten.`,
    );
  }

  private noAuditWarned = false;

  /** Says once per store that the source keeps no audit entries (FhirSource), so they stay in this page only. */
  private noAuditAtSource() {
    if (this.noAuditWarned) return;
    this.noAuditWarned = true;
    console.warn('care-elements: the data source keeps no audit entries; vetoed, rejected and failed changes are recorded in this page only (snapshot.record.audit).');
  }

  /**
   * Hands entries to the source, retrying passing failures with the same entries (the same ids and
   * change ids, so a source can recognise a repeat). A lasting failure is never dropped silently:
   * the entries go to `snapshot.auditUndelivered`, the console says why, and leaving the page asks first.
   */
  private async deliverAudit(entries: readonly AuditEntry[]): Promise<void> {
    const audit = this.source.audit;
    if (!audit) return;
    this.auditDeliveries++;
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await audit.call(this.source, this.teamId, entries);
          return;
        } catch (raw) {
          const error = asStoreError(raw);
          if (error.status === 501) {
            // A source that keeps no audit entries at all (known only once its code has loaded): as if it had no `audit`.
            this.noAuditAtSource();
            return;
          }
          const passing = error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server';
          if (!passing || attempt >= this.auditDelivery.attempts) {
            console.error(
              `care-elements: the data source did not keep ${entries.length} audit ${entries.length === 1 ? 'entry' : 'entries'} (${entries.map((e) => `${e.outcome} ${e.entity} ${e.entityId}, change ${e.changeId}`).join('; ')}) after ${attempt} ${attempt === 1 ? 'attempt' : 'attempts'}: ${error.message}. They are kept in this page only (snapshot.auditUndelivered; store.resendAudit() tries again).`,
            );
            this.set({ auditUndelivered: [...(this.snapshotValue.auditUndelivered ?? []), ...entries] });
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, this.auditDelivery.delayMs * 2 ** (attempt - 1)));
        }
      }
    } finally {
      this.auditDeliveries--;
    }
  }

  /** Hands the audit entries the source did not keep (`snapshot.auditUndelivered`) to it again. */
  resendAudit(): Promise<void> {
    const entries = this.snapshotValue.auditUndelivered ?? [];
    if (entries.length === 0) return Promise.resolve();
    this.set({ auditUndelivered: [] });
    return this.deliverAudit(entries);
  }

  private finish(key: EntityKey, entry: AuditEntry | undefined, update: (record: CareRecord) => CareRecord, failure?: SaveFailure) {
    const current = this.snapshotValue.record!;
    const next = update(current);
    const pending = new Set(this.snapshotValue.pending);
    pending.delete(key);
    const failures = new Map(this.snapshotValue.failures);
    if (failure) failures.set(key, failure);
    this.set({ record: entry ? { ...next, audit: [...next.audit, entry] } : next, pending, failures });
    if (entry) this.keepAtSource(entry);
  }

  private auditEntry(change: Omit<Change, 'baseVersion'>, outcome: AuditEntry['outcome'], why?: StoreErrorKind, notSaved?: ReadonlyArray<readonly string[]>): AuditEntry {
    const entry: AuditEntry = {
      id: newId('audit'),
      entity: change.entity,
      entityId: idOf(change.value),
      action: change.action,
      actor: change.actor,
      at: change.at,
      outcome,
      changeId: change.id,
    };
    if (change.reason) entry.reason = change.reason;
    if (why && outcome !== 'saved') entry.failure = failureCategory(why);
    if (notSaved?.length) entry.notSaved = notSaved.map((path) => [...path]);
    return entry;
  }
}

/** How many earlier versions of one entity a store keeps to merge a change made on an older copy. */
const HELD_VERSIONS = 8;

const versionOf = (entity: unknown): string | undefined => (entity as { meta?: { version?: string } } | undefined)?.meta?.version;

const withoutEntity = (record: CareRecord, kind: ChangeKind, id: string): CareRecord => {
  if (kind === 'team') return record;
  const key = LIST_OF[kind];
  return { ...record, [key]: ((record[key] ?? []) as Array<{ id: string }>).filter((item) => item.id !== id) };
};

/**
 * `next`, with every entity and list that says the same as in `current` kept as the very same
 * object, so elements re-render (and move focus) only where something changed; `current` itself
 * when nothing did.
 */
const keepUnchanged = (current: CareRecord, next: CareRecord): CareRecord => {
  const keepList = <T>(before: readonly T[], after: readonly T[]): T[] => {
    const byId = new Map(before.map((item) => [(item as { id?: unknown }).id, item]));
    const kept = after.map((item) => {
      const old = byId.get((item as { id?: unknown }).id);
      return old !== undefined && sameValue(old, item) ? old : item;
    });
    return kept.length === before.length && kept.every((item, i) => item === before[i]) ? (before as T[]) : kept;
  };
  const merged: CareRecord = {
    ...next,
    team: sameValue(current.team, next.team) ? current.team : next.team,
    responsibilities: keepList(current.responsibilities, next.responsibilities),
    consents: keepList(current.consents, next.consents),
    meetings: keepList(current.meetings, next.meetings),
    availability: keepList(current.availability, next.availability),
    audit: keepList(current.audit, next.audit),
  };
  if (next.crisisPlans) merged.crisisPlans = keepList(current.crisisPlans ?? [], next.crisisPlans);
  if (next.meetingOutcomes) merged.meetingOutcomes = keepList(current.meetingOutcomes ?? [], next.meetingOutcomes);
  const same = (Object.keys(merged) as Array<keyof CareRecord>).every((key) => merged[key] === current[key] || sameValue(merged[key], current[key]));
  return same && Object.keys(current).length === Object.keys(merged).length ? current : merged;
};
