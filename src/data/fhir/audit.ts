import type { AuditEntry } from '../../contract/audit.js';
import type { EntityKind } from '../../contract/values.js';
import { CODE_SYSTEMS, XVER } from './codes.js';
import { referenceById } from './consent.js';
import { fhirIdFor } from './meeting-outcome.js';
import type * as F from './types.js';

const ISSUE_SEVERITY = 'http://hl7.org/fhir/issue-severity';
const AUDIT_EVENT_TYPE = { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest', display: 'Restful Operation' };

/** The FHIR resource each kind of entity is written as (a member: the member's own resource, by its id). */
const RESOURCE_OF: Record<Exclude<EntityKind, 'member'>, string> = {
  team: 'CareTeam',
  responsibility: 'Task',
  consent: 'Consent',
  meeting: 'Appointment',
  'crisis-plan': 'CarePlan',
  'meeting-outcome': 'Composition',
};

/**
 * How an audit entry ended, as an R4 audit-event-outcome code: `0` saved; `4` (minor failure) saved
 * in part, or not saved for a reason of the change itself (a conflict, not allowed, invalid,
 * stopped or refused by the page); `8` (serious failure, often an HTTP 500) not saved because the
 * server or the connection failed.
 */
export const auditOutcomeCode = (entry: Pick<AuditEntry, 'outcome' | 'failure'>): '0' | '4' | '8' => {
  if (entry.outcome === 'saved') return '0';
  if (entry.outcome === 'partly-saved') return '4';
  return entry.failure === 'server' || entry.failure === 'network' || entry.failure === 'timeout' ? '8' : '4';
};

/** The same as R5 issue-severity: `success`, or `error` (the change did not go through as asked). */
const severityOf = (entry: AuditEntry): F.Coding =>
  entry.outcome === 'saved' ? { system: ISSUE_SEVERITY, code: 'success', display: 'Operation Successful' } : { system: ISSUE_SEVERITY, code: 'error', display: 'Error' };

const DISPLAY: Record<AuditEntry['outcome'], string> = {
  saved: 'Saved',
  'partly-saved': 'Saved in part',
  vetoed: 'Stopped by the page',
  rejected: 'Refused by the page',
  failed: 'Not saved',
};

/** The outcome in words: what happened, why, and for a change saved in part, what was not saved. */
const outcomeText = (entry: AuditEntry): string => {
  const why = entry.failure ? ` (${entry.failure})` : '';
  const left = entry.notSaved?.length ? `. Not saved: ${entry.notSaved.map((path) => path.join(' > ')).join('; ')}` : '';
  return `${DISPLAY[entry.outcome]}${why}${left}.`;
};

const detail = (version: F.FhirVersion, code: string, value: string): F.AuditEventEntityDetail => ({
  type: version === 'R4' ? code : { coding: [{ system: CODE_SYSTEMS.auditDetail, code }] },
  valueString: value,
});

/**
 * An audit entry as a FHIR AuditEvent (R4 or R5), for an audit repository that keeps them: who
 * (`agent`, the requestor), when (`recorded`), what (`entity`: the resource the entity is written
 * as, with the change id, the person's reason and, for a change saved in part, each place not
 * saved), and the outcome. R4: `outcome` is an audit-event-outcome code (`0`, `4`, `8`, see
 * `auditOutcomeCode`) with `outcomeDesc` in words; R5: `outcome.code` is issue-severity `success`
 * or `error`. The contract outcome itself (`partly-saved`, …) is coded in the outcome's detail
 * (R5 `outcome.detail`; R4 the official cross-version extension for it), so "saved in part" is
 * never read as "nothing saved".
 */
export const auditEntryToFhir = (entry: AuditEntry, options: { version: F.FhirVersion; patient?: string }): F.AuditEvent => {
  const { version } = options;
  const entityRef: F.Reference =
    entry.entity === 'member' || entry.entityId.includes('/') ? referenceById(entry.entityId, undefined) : { reference: `${RESOURCE_OF[entry.entity]}/${entry.entityId}` };
  const details: F.AuditEventEntityDetail[] = [];
  if (entry.changeId) details.push(detail(version, 'change-id', entry.changeId));
  if (entry.reason) details.push(detail(version, 'reason', entry.reason));
  if (entry.failure) details.push(detail(version, 'failure', entry.failure));
  for (const path of entry.notSaved ?? []) details.push(detail(version, 'not-saved', path.join(' > ')));
  const outcomeDetail: F.CodeableConcept = { coding: [{ system: CODE_SYSTEMS.auditOutcome, code: entry.outcome, display: DISPLAY[entry.outcome] }], text: outcomeText(entry) };
  const action: F.Coding = { system: CODE_SYSTEMS.auditAction, code: entry.action };
  const event: F.AuditEvent = { resourceType: 'AuditEvent', id: fhirIdFor(entry.id) };
  if (version === 'R4') {
    event.extension = [{ url: XVER.auditOutcomeDetail, valueCodeableConcept: outcomeDetail }];
    event.type = AUDIT_EVENT_TYPE;
    event.subtype = [action];
  } else {
    event.category = [{ coding: [AUDIT_EVENT_TYPE] }];
    event.code = { coding: [action] };
  }
  event.recorded = entry.at;
  if (version === 'R4') {
    event.outcome = auditOutcomeCode(entry);
    event.outcomeDesc = outcomeText(entry);
  } else {
    event.outcome = { code: severityOf(entry), detail: [outcomeDetail] };
    if (options.patient) event.patient = { reference: options.patient };
  }
  const who = referenceById(entry.actor.id, entry.actor.name);
  event.agent = [{ who, requestor: true, ...(version === 'R4' ? { name: entry.actor.name } : {}) }];
  if (entry.actor.organisationId) event.agent.push({ who: referenceById(entry.actor.organisationId, undefined, 'Organization'), requestor: false });
  event.source = { observer: { display: 'Care Elements, in the browser of the person acting' } };
  event.entity = [{ what: entityRef, ...(details.length ? { detail: details } : {}) }];
  return event;
};
