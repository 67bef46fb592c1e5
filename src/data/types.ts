import type { AuditEntry } from '../contract/audit.js';
import type { Actor } from '../contract/common.js';
import type { ConsentDirective } from '../contract/consent.js';
import type { CrisisPlan } from '../contract/crisis-plan.js';
import type { Meeting } from '../contract/meeting.js';
import type { MeetingOutcome } from '../contract/meeting-outcome.js';
import type { CareRecord } from '../contract/record.js';
import type { Responsibility } from '../contract/responsibility.js';
import type { CareTeam } from '../contract/team.js';
import type { ContractIssue } from '../contract/validate.js';

/** The entities a change can write, by kind. */
export interface EntityByKind {
  team: CareTeam;
  responsibility: Responsibility;
  consent: ConsentDirective;
  meeting: Meeting;
  'crisis-plan': CrisisPlan;
  'meeting-outcome': MeetingOutcome;
}
export type ChangeKind = keyof EntityByKind;

/** A user's intent, as an element asks the store to save it. */
export type ChangeRequest<K extends ChangeKind = ChangeKind> = {
  [P in K]: {
    /** Which kind of entity. */
    entity: P;
    /** What was done, in a word a log can show: `assign`, `grant`, `withdraw`, `book`, … */
    action: string;
    /** The whole entity as it should be after the change. */
    value: EntityByKind[P];
    /** Why, in the user's words, when they gave one. */
    reason?: string;
  };
}[K];

/** A change as saved: the request plus who made it, when, and the version it was based on. */
export type Change<K extends ChangeKind = ChangeKind> = ChangeRequest<K> & {
  /** Unique id of this change. */
  id: string;
  actor: Actor;
  /** ISO 8601 instant. */
  at: string;
  /** The entity's version the change was made on (ETag / FHIR versionId), if known. */
  baseVersion?: string;
  /** True when the entity did not exist before. */
  create: boolean;
  /** 1 for the first time this change is sent, 2 for its first Try again, and so on. */
  attempt?: number;
};

/** Why a save or load failed, in categories an element can explain in plain language. `storage`: the browser's own storage (a persisted memory source) is full or blocked. */
export type StoreErrorKind = 'network' | 'timeout' | 'conflict' | 'server' | 'storage' | 'forbidden' | 'rejected' | 'contract' | 'no-actor';

/** A failed load or save. `detail` is technical text for logs, never shown as the only message. */
/** The detail of a conflict whose newer version could not be fetched (the user does not see it yet). */
export const CONFLICT_NOT_FETCHED = 'the newer version could not be fetched';
/** What a contract error names when the care team id asked for cannot be used in an address. */
export const TEAM_ID_ENTITY = 'care team id';

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    readonly detail = '',
    readonly status?: number,
  ) {
    super(`${kind}${status ? ` (${status})` : ''}${detail ? `: ${detail}` : ''}`);
    this.name = 'StoreError';
  }
}

/**
 * Something a load left out because it breaks the contract, while the rest of the record is shown:
 * one meeting, consent or responsibility, never the team.
 */
export interface LeftOut {
  /** What it would have been: a contract entity (`Meeting`, `ConsentDirective`, `Responsibility`, `CrisisPlan`, `MeetingOutcome`, `Availability`, `AuditEntry`). */
  entity: string;
  /** Its id, when it has one; from a FHIR server the resource (`Appointment/a-7`). */
  id?: string;
  /** Where it was in what the source answered (`meetings[3]`, `Appointment.start`). */
  at: string;
  /** What is wrong with it, with paths inside it. */
  issues: readonly ContractIssue[];
}

/**
 * A save a source carried out only in part before the rest failed (a FHIR server without
 * transactions, where a meeting outcome is several resources): `stored` is the entity as the
 * source holds it now. The store shows that, never the version before, and Try again sends the
 * rest. `notSaved` names what was not stored, as places in the entity with list items by their
 * identity (`[['questions', 'q-7', 'answer']]`); the audit trail records it (outcome `partly-saved`).
 */
export class PartlySavedError extends StoreError {
  constructor(
    readonly stored: unknown,
    cause: StoreError,
    readonly notSaved: ReadonlyArray<readonly string[]> = [],
  ) {
    super(cause.kind, `saved in part: ${cause.detail}`, cause.status);
    this.name = 'PartlySavedError';
  }
}

/** Where a care record comes from and goes to: memory, an HTTP API or a FHIR server. */
export interface CareDataSource {
  /** Loads everything about one care team. */
  load(teamId: string, signal?: AbortSignal): Promise<CareRecord>;
  /**
   * What the last load left out because it breaks the contract (the rest of the record is shown).
   * Optional: a source without it shows everything it loads, or fails the load.
   */
  readonly leftOut?: readonly LeftOut[];
  /** Saves one change; resolves with the entity as stored (with its new version), or rejects with a StoreError. */
  save<K extends ChangeKind>(change: Change<K>, signal?: AbortSignal): Promise<EntityByKind[K]>;
  /**
   * Keeps audit entries of outcomes the source did not see itself (vetoed, rejected by the host,
   * failed). Optional: a source without it leaves those entries in the browser only.
   */
  audit?(teamId: string, entries: readonly AuditEntry[]): Promise<void>;
  /**
   * Calls `listener` when the team's record changed at the source through someone else (another
   * tab, another store on the same source); returns the function that stops it. Optional: a store
   * on a source without it sees others' changes on its next load or conflict.
   */
  watch?(teamId: string, listener: () => void): () => void;
}

/**
 * Names one entity across kinds: `consent/c-gp`, `meeting/mt-1`. Ids are unique within a kind
 * only (as in FHIR), so a meeting and a consent may share an id; the key keeps them apart.
 */
export type EntityKey = `${ChangeKind}/${string}`;

/** The key of the entity of `kind` with `id`. */
export const entityKey = (kind: ChangeKind, id: string): EntityKey => `${kind}/${id}`;

/**
 * A value both people changed, each to something else: `path` names it inside the entity, with
 * list items named by their identity (`['participants', 'm-lars', 'response']`).
 */
export interface FieldConflict {
  path: readonly string[];
  /** The value both changes were made on (undefined: it did not exist). */
  base: unknown;
  /** The value in this person's change (undefined: they removed it). */
  mine: unknown;
  /** The value the source holds now (undefined: the other person removed it). */
  theirs: unknown;
}

/** A save that did not go through, kept so the person can see why and try again. */
export interface SaveFailure {
  error: StoreError;
  /** The change as it will be sent again by `retry`. */
  request: ChangeRequest;
  /** The change's id; trying again keeps it, so a source can recognise a repeat. */
  changeId: string;
  /**
   * After a conflict, the values both people changed. Non-empty: nothing is saved until the person
   * chooses with `resolve(kind, id, 'mine' | 'theirs')`. Empty: Try again merges both changes.
   */
  conflicts: readonly FieldConflict[];
}

/** One entity as the store knows it: what the source holds, what is being saved, what failed. */
export interface EntityState<K extends ChangeKind = ChangeKind> {
  kind: K;
  id: string;
  /** The entity as the source last confirmed it (undefined: not created there yet). */
  confirmed?: EntityByKind[K];
  /** The change being saved now, shown optimistically in `record`. */
  pending?: EntityByKind[K];
  failure?: SaveFailure;
}

/** What a store holds at one moment. */
export interface StoreSnapshot {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The record as shown: confirmed values, with changes being saved already in place. */
  record?: CareRecord;
  /** Why the last load failed. */
  loadError?: StoreError;
  /** Keys (`kind/id`) of entities with a save under way, shown as pending. */
  pending: ReadonlySet<EntityKey>;
  /** The last failed save per entity key, with the request so it can be retried. */
  failures: ReadonlyMap<EntityKey, SaveFailure>;
  /** Every entity with a save under way or failed: its confirmed value, pending change and failure. */
  entities: ReadonlyMap<EntityKey, EntityState>;
  /**
   * Audit entries the source could not be given after every retry (its `audit` kept failing). They
   * are in `record.audit` in this page only; `CareStore.resendAudit()` tries them again.
   */
  auditUndelivered?: readonly AuditEntry[];
  /** What the last load left out because it breaks the contract (`CareDataSource.leftOut`); the rest is shown. */
  leftOut?: readonly LeftOut[];
}

/** What `CareStore.save` resolves with. */
export type SaveOutcome<K extends ChangeKind = ChangeKind> =
  | { ok: true; value: EntityByKind[K]; change: Change<K> }
  | { ok: false; error: StoreError };
