import * as v from 'valibot';
import { object, rule, type Named } from './kit.js';
import { Actor, Id, Instant, Text } from './common.js';
import { ENTITY_KINDS } from './values.js';

/**
 * How a change ended: stored, stored only in part (the rest failed), vetoed by the host
 * (`preventDefault`), refused by the host's own save (`waitUntil` rejected), or failed (nothing stored).
 */
export const AUDIT_OUTCOMES = ['saved', 'partly-saved', 'vetoed', 'rejected', 'failed'] as const;

/** Why a change failed: someone else changed it, no connection, not allowed, refused as invalid, no answer in time, or the server failed. */
export const AUDIT_FAILURES = ['conflict', 'network', 'forbidden', 'invalid', 'timeout', 'server'] as const;

/** A place in the changed entity: field names, and list items by their identity (`["questions", "q-7", "answer"]`). */
const EntityPath = v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200))), v.minLength(1), v.maxLength(10));

const auditEntrySchema = v.pipe(object({
  id: Id,
  entity: v.picklist(ENTITY_KINDS),
  entityId: Id,
  action: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  actor: Actor,
  at: Instant,
  reason: v.optional(Text(2000)),
  outcome: v.picklist(AUDIT_OUTCOMES),
  /** Why a failed change failed, as a category. */
  failure: v.optional(v.picklist(AUDIT_FAILURES)),
  /** What of a change saved in part was not stored. */
  notSaved: v.optional(v.pipe(v.array(EntityPath), v.maxLength(500))),
  /** The change this entry is about; every attempt of one change (its Try again) carries the same id. */
  changeId: v.optional(Id),
}), rule((entry) => entry.notSaved === undefined || entry.outcome === 'partly-saved', 'only a change saved in part (outcome partly-saved) names what was not saved', 'notSaved'));

/** The schema type of `AuditEntry`. */
export interface AuditEntrySchema extends Named<typeof auditEntrySchema> {}

/**
 * One change as it was tried: entity and id, the action (for example "assign", "grant", "book"),
 * the actor and the organisation they acted for, when, why, whether it was saved, saved in part
 * (and what was not) or not at all (and why, as a category), and the change id shared by every
 * attempt of one change.
 */
export const AuditEntry: AuditEntrySchema = auditEntrySchema;

// <generated-types> by scripts/contract-docs.mjs from the schemas above and FIELD_NOTES: do not edit.

import type { EntityKind } from './values.js';

/**
 * One change as it was tried: entity and id, the action (for example "assign", "grant", "book"),
 * the actor and the organisation they acted for, when, why, whether it was saved, saved in part
 * (and what was not) or not at all (and why, as a category), and the change id shared by every
 * attempt of one change.
 */
export type AuditEntry = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** The kind of thing that was changed. */
  entity: EntityKind;
  /** The id of the changed entity. An id (1–200 characters). */
  entityId: string;
  /** What was done, in one word: `assign`, `grant`, `withdraw`, `book`, … 1–100 characters. */
  action: string;
  /** Who did it, and the organisation they acted for. */
  actor: Actor;
  /** When it was tried. An instant, ISO 8601 with `Z` or an offset. */
  at: string;
  /** Why, in the user’s words, when they gave one. At most 2000 characters. */
  reason?: string;
  /** `saved`; `partly-saved` (part of the change was stored and the rest failed: `failure` says why, `notSaved` what); `failed` (nothing was saved); `vetoed` (stopped by the host page); `rejected` (the host page’s own step refused it). */
  outcome: 'saved' | 'partly-saved' | 'vetoed' | 'rejected' | 'failed';
  /** Why a change that was not saved (or saved only in part) failed, as a category. */
  failure?: 'conflict' | 'network' | 'forbidden' | 'invalid' | 'timeout' | 'server';
  /** For `partly-saved`: what was not stored, each a place in the entity, with list items named by their identity: `["questions", "q-7", "answer"]` (the answer to question q-7), `["confirmations", "m-lars"]`. At most 500 items. Each: 1–10 items. Each: each: 1–200 characters. */
  notSaved?: string[][];
  /** The change this entry is about; every attempt of one change (its Try again) carries the same id. An id (1–200 characters). */
  changeId?: string;
};
// </generated-types>
