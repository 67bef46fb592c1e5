import * as z from 'zod/mini';
import { Actor, Id, Instant, Text } from './common.js';
import { ENTITY_KINDS } from './values.js';

/** A record of who changed what, when, from which organisation, and why. */
export const AuditEntry = z
  .looseObject({
    id: Id,
    entity: z.enum(ENTITY_KINDS),
    entityId: Id,
    action: z.string().check(z.minLength(1), z.maxLength(100)),
    actor: Actor,
    at: Instant,
    reason: z.optional(Text(2000)),
    outcome: z.enum(['saved', 'failed', 'vetoed'] as const),
  })
  .check(
    z.describe(
      'One change as it was tried: entity and id, the action (for example "assign", "grant", "book"), the actor and the organisation they acted for, when, why, and whether it was saved.',
    ),
  );

export type AuditEntry = z.infer<typeof AuditEntry>;
