import type { Actor } from '../contract/common.js';
import type { ConsentDirective } from '../contract/consent.js';
import type { Meeting } from '../contract/meeting.js';
import type { CareRecord } from '../contract/record.js';
import type { Responsibility } from '../contract/responsibility.js';
import type { CareTeam } from '../contract/team.js';

/** The entities a change can write, by kind. */
export interface EntityByKind {
  team: CareTeam;
  responsibility: Responsibility;
  consent: ConsentDirective;
  meeting: Meeting;
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
};

/** Why a save or load failed, in categories an element can explain in plain language. */
export type StoreErrorKind = 'network' | 'timeout' | 'conflict' | 'server' | 'forbidden' | 'rejected' | 'contract';

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

/** Where a care record comes from and goes to: memory, an HTTP API or a FHIR server. */
export interface CareDataSource {
  /** Loads everything about one care team. */
  load(teamId: string, signal?: AbortSignal): Promise<CareRecord>;
  /** Saves one change; resolves with the entity as stored (with its new version), or rejects with a StoreError. */
  save<K extends ChangeKind>(change: Change<K>, signal?: AbortSignal): Promise<EntityByKind[K]>;
}

/** What a store holds at one moment. */
export interface StoreSnapshot {
  status: 'idle' | 'loading' | 'ready' | 'error';
  record?: CareRecord;
  /** Why the last load failed. */
  loadError?: StoreError;
  /** Ids of entities with a save under way, shown as pending. */
  pending: ReadonlySet<string>;
  /** The last failed save per entity id, with the request so it can be retried. */
  failures: ReadonlyMap<string, { error: StoreError; request: ChangeRequest }>;
}

/** What `CareStore.save` resolves with. */
export type SaveOutcome<K extends ChangeKind = ChangeKind> =
  | { ok: true; value: EntityByKind[K]; change: Change<K> }
  | { ok: false; error: StoreError };
