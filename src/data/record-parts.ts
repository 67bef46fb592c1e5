import { AuditEntry } from '../contract/audit.js';
import { ConsentDirective } from '../contract/consent.js';
import { CrisisPlan } from '../contract/crisis-plan.js';
import { Availability, Meeting } from '../contract/meeting.js';
import { MeetingOutcome } from '../contract/meeting-outcome.js';
import { CareRecord } from '../contract/record.js';
import { Responsibility } from '../contract/responsibility.js';
import { check, type ContractIssue } from '../contract/validate.js';
import type { LeftOut } from './types.js';

/** The lists of a CareRecord whose items can be left out one by one, with the contract name of their items. */
const RECORD_LISTS = [
  ['responsibilities', Responsibility, 'Responsibility'],
  ['consents', ConsentDirective, 'ConsentDirective'],
  ['meetings', Meeting, 'Meeting'],
  ['availability', Availability, 'Availability'],
  ['crisisPlans', CrisisPlan, 'CrisisPlan'],
  ['meetingOutcomes', MeetingOutcome, 'MeetingOutcome'],
  ['audit', AuditEntry, 'AuditEntry'],
] as const;

/**
 * Checks a care record item by item: an item of a list that breaks the contract (one meeting with a
 * date that does not exist, one consent without its recipient) is left out and named, and the rest
 * is shown, as the FHIR source does with resources. One broken item must not hide a person's crisis
 * plan or their team's phone numbers. What everything hangs on cannot be left out: a record that is
 * not an object, or whose team breaks the contract, fails whole.
 */
export const checkRecordInParts = (body: unknown): { ok: true; value: CareRecord; leftOut: LeftOut[] } | { ok: false; issues: ContractIssue[] } => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return check(CareRecord, body) as { ok: false; issues: ContractIssue[] };
  const leftOut: LeftOut[] = [];
  const shell: Record<string, unknown> = { ...body };
  const lists: Record<string, unknown[]> = {};
  for (const [list, schema, entity] of RECORD_LISTS) {
    const items = shell[list];
    if (!Array.isArray(items)) continue;
    // Each item is checked once, here; the record around them is checked with empty lists.
    shell[list] = [];
    lists[list] = items.flatMap((item: unknown, index) => {
      const result = check(schema as Parameters<typeof check>[0], item);
      if (result.ok) return [result.value];
      const id = (item as { id?: unknown } | null)?.id ?? (item as { memberId?: unknown } | null)?.memberId;
      leftOut.push({ entity, at: `${list}[${index}]`, ...(typeof id === 'string' ? { id } : {}), issues: result.issues });
      return [];
    });
  }
  const result = check(CareRecord, shell);
  // A record that fails whole names every problem, the left-out items' among them.
  if (!result.ok) return leftOut.length ? (check(CareRecord, body) as { ok: false; issues: ContractIssue[] }) : result;
  return { ok: true, value: { ...result.value, ...lists } as CareRecord, leftOut };
};
