import * as v from 'valibot';
import { object, type Named } from './kit.js';
import { Actor, Id, Instant, Text } from './common.js';
import { ENTITY_KINDS } from './values.js';

/** How a change ended: stored, vetoed by the host (`preventDefault`), refused by the host's own save (`waitUntil` rejected), or failed. */
export const AUDIT_OUTCOMES = ['saved', 'vetoed', 'rejected', 'failed'] as const;

/** Why a change failed: someone else changed it, no connection, not allowed, refused as invalid, no answer in time, or the server failed. */
export const AUDIT_FAILURES = ['conflict', 'network', 'forbidden', 'invalid', 'timeout', 'server'] as const;

const auditEntrySchema = object({
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
  /** The change this entry is about; every attempt of one change (its Try again) carries the same id. */
  changeId: v.optional(Id),
});

/** The schema type of `AuditEntry`. */
export interface AuditEntrySchema extends Named<typeof auditEntrySchema> {}

/**
 * One change as it was tried: entity and id, the action (for example "assign", "grant", "book"),
 * the actor and the organisation they acted for, when, why, whether it was saved (and if not, why,
 * as a category), and the change id shared by every attempt of one change.
 */
export const AuditEntry: AuditEntrySchema = auditEntrySchema;

// <generated-types> by scripts/contract-docs.mjs from the schemas above and FIELD_NOTES: do not edit.

import type { EntityKind } from './values.js';

/**
 * One change as it was tried: entity and id, the action (for example "assign", "grant", "book"),
 * the actor and the organisation they acted for, when, why, whether it was saved (and if not, why,
 * as a category), and the change id shared by every attempt of one change.
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
  /** `saved`, `failed` (could not be saved) or `vetoed` (stopped by the host page). */
  outcome: 'saved' | 'vetoed' | 'rejected' | 'failed';
  /** Why a change that was not saved failed, as a category. */
  failure?: 'conflict' | 'network' | 'forbidden' | 'invalid' | 'timeout' | 'server';
  /** The change this entry is about; every attempt of one change (its Try again) carries the same id. An id (1–200 characters). */
  changeId?: string;
};
// </generated-types>
