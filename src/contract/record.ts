import * as z from 'zod/mini';
import { AuditEntry } from './audit.js';
import { ConsentDirective } from './consent.js';
import { Availability, Meeting } from './meeting.js';
import { Responsibility } from './responsibility.js';
import { CareTeam } from './team.js';

/** Everything known about one care team: what a data source loads and a store holds. */
export const CareRecord = z
  .looseObject({
    team: CareTeam,
    responsibilities: z._default(z.array(Responsibility), []),
    consents: z._default(z.array(ConsentDirective), []),
    meetings: z._default(z.array(Meeting), []),
    availability: z._default(z.array(Availability), []),
    audit: z._default(z.array(AuditEntry), []),
  })
  .check(
    z.describe(
      'Everything about one care team that a data source loads: the team, its responsibilities, consent directives, meetings, members\' availability and the audit trail.',
    ),
  );

export type CareRecord = z.infer<typeof CareRecord>;
export type CareRecordInput = z.input<typeof CareRecord>;
