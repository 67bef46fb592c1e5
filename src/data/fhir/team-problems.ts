import type { CareTeam } from '../../contract/team.js';
import type { ContractIssue } from '../../contract/validate.js';
import { EXTENSIONS, TZ_CODE_EXTENSION } from './codes.js';
import type { ResourceIndex } from './references.js';
import { participantKeys } from './team.js';
import type * as F from './types.js';

const CONTRACT_EXTRAS = `extension(${EXTENSIONS.contractExtras})`;
const TZ_CODE = TZ_CODE_EXTENSION;

/**
 * A contract problem of the team read from a CareTeam, said in FHIR terms: the element to look at
 * (`CareTeam.participant[2].period`, `Practitioner/7.name`) and what to change there. The contract
 * path (`team.members[3].period`) means nothing to whoever keeps the FHIR server.
 */
export const teamProblemsInFhir = (
  resource: F.CareTeam,
  team: CareTeam,
  issues: readonly ContractIssue[],
  index: ResourceIndex,
  version: F.FhirVersion,
): ContractIssue[] => {
  const sameAs = participantKeys(resource, index.key(resource.subject, resource), index);
  const participants = resource.participant ?? [];
  const at = (memberId: string | undefined) => participants.flatMap((p, i) => (p.member && sameAs(index.key(p.member, resource)) === memberId ? [i] : []));
  const periodName = version === 'R4' ? 'period' : 'coveragePeriod';

  const memberProblem = (member: CareTeam['members'][number] | undefined, field: string | undefined): { path: string; fix: string } => {
    const [first] = at(member?.id);
    if (first === undefined) return { path: 'CareTeam.subject', fix: 'correct the Patient the subject refers to' };
    const participant = `CareTeam.participant[${first}]`;
    const target = index.resolve(participants[first].member, resource);
    const person = target?.resourceType === 'PractitionerRole' ? index.resolve((target as F.PractitionerRole).practitioner, target) : target;
    const named = (what: F.Resource | undefined, element: string) => (what?.id ? `${what.resourceType}/${what.id}.${element}` : undefined);
    switch (field) {
      case 'name':
        return { path: named(person, 'name') ?? `${participant}.member.display`, fix: 'give the person a name (at most 200 characters)' };
      case 'role':
        return { path: `${participant}.role`, fix: 'give the role a text or a coding display of at most 200 characters' };
      case 'period':
        return { path: `${participant}.${periodName}`, fix: `set ${periodName}.end on or after ${periodName}.start` };
      case 'contacts':
        return { path: named(target, 'telecom') ?? `${participant}.member`, fix: 'correct the telecom value' };
      case 'organisationId':
        return { path: `${participant}.onBehalfOf`, fix: 'refer to an Organization the server can return' };
      case undefined:
        return { path: participant, fix: 'correct the participant' };
      default:
        return { path: `${participant}.${CONTRACT_EXTRAS}`, fix: 'correct or remove the contract-extras extension (it holds the data written by Care Elements)' };
    }
  };

  return issues.map((issue) => {
    const path = issue.path.replace(/^team\.?/, '');
    const member = /^members\[(\d+)\](?:\.([A-Za-z]+))?/.exec(path);
    const organisation = /^organisations\[(\d+)\]/.exec(path);
    let place: { path: string; fix: string };
    if (member) place = memberProblem(team.members[Number(member[1])], member[2]);
    else if (path === 'members') {
      // The contract's only rule over the whole list that FHIR data can break: two active coordinators.
      const coordinators = team.members.filter((m) => m.coordinator && m.status === 'active').flatMap((m) => at(m.id));
      place = {
        path: coordinators.length ? coordinators.map((i) => `CareTeam.participant[${i}].role`).join(', ') : 'CareTeam.participant',
        fix: 'keep the care team coordinator role (SNOMED CT 768821004) on one active participant only: remove it from the others or end their period',
      };
    } else if (organisation) {
      const id = team.organisations[Number(organisation[1])]?.id;
      place = { path: id && /^Organization\//.test(id) ? `${id}.name` : 'CareTeam.managingOrganization', fix: 'give the Organization a name (at most 200 characters)' };
    } else if (path === 'serviceUserId') place = { path: 'CareTeam.subject', fix: 'refer CareTeam.subject to the Patient the team is for' };
    else if (path.startsWith('name')) place = { path: 'CareTeam.name', fix: 'shorten the name' };
    else if (path.startsWith('contacts')) place = { path: 'CareTeam.telecom', fix: 'correct the telecom value' };
    else if (path === 'id') place = { path: 'CareTeam.id', fix: 'give the CareTeam an id' };
    else place = { path: `CareTeam.${CONTRACT_EXTRAS}`, fix: 'correct or remove the contract-extras extension (it holds the data written by Care Elements)' };
    return { ...issue, path: place.path, message: `${issue.message}. Fix: ${place.fix}` };
  });
};

/** Where each contract field of a Task, CarePlan activity, Consent or Appointment comes from in FHIR. */
const ELEMENT_OF_FIELD: Record<string, Record<string, string>> = {
  Task: { title: 'Task.code.text', description: 'Task.description', assignments: 'Task.owner / Task.performer', due: 'Task.restriction.period.end', notes: 'Task.note', status: 'Task.status', dispute: 'Task.statusReason' },
  CarePlan: { title: 'CarePlan.activity.detail.code', description: 'CarePlan.activity.detail.description', assignments: 'CarePlan.activity.detail.performer', due: 'CarePlan.activity.detail.scheduledPeriod.end', status: 'CarePlan.activity.detail.status',
    // A crisis plan (CarePlan with the crisis-plan category).
    ownWords: 'CarePlan.note', validFrom: 'CarePlan.period.start', nextReview: `CarePlan.extension(${EXTENSIONS.nextReview})`, version: `CarePlan.extension(${EXTENSIONS.planVersion})`,
    agreedBy: `CarePlan.extension(${EXTENSIONS.agreement})`, stages: 'CarePlan.activity', teamId: 'CarePlan.careTeam' },
  Consent: { recipient: 'Consent.provision.actor', purposes: 'Consent.provision.purpose', categories: 'Consent.provision.code', validFrom: 'Consent.provision.period.start', validUntil: 'Consent.provision.period.end', since: 'Consent.dateTime', legalBasis: 'Consent.policyRule.text', decidedBy: 'Consent.performer', subjectId: 'Consent.patient' },
  Appointment: { title: 'Appointment.description', start: 'Appointment.start', end: 'Appointment.end', timeZone: `Appointment.extension(${TZ_CODE})`, videoLink: 'Appointment.virtualService', location: 'Appointment.participant.actor (Location)', participants: 'Appointment.participant', recurrence: 'Appointment.recurrenceTemplate', status: 'Appointment.status' },
};

/** The FHIR element a contract problem of one resource is about (`Appointment.description` for `title`), and the problem without the contract path. */
export const resourceProblemInFhir = (resourceType: string, issue: ContractIssue, version: F.FhirVersion): { path: string; message: string } => {
  const field = /^[A-Za-z]+/.exec(issue.path)?.[0] ?? '';
  const stagePart = resourceType === 'CarePlan' && field === 'stages' ? /^stages\.\d+\.(signs|contacts)/.exec(issue.path)?.[1] : undefined;
  let path = stagePart === 'signs' ? 'CarePlan.note' : stagePart === 'contacts' ? `CarePlan.extension(${EXTENSIONS.crisisContact})` : (ELEMENT_OF_FIELD[resourceType]?.[field] ?? `${resourceType}.${CONTRACT_EXTRAS}`);
  if (version === 'R5') path = path.replace('Consent.dateTime', 'Consent.date').replace('Consent.performer', 'Consent.grantor').replace('Consent.patient', 'Consent.subject').replace('Consent.policyRule.text', 'Consent.regulatoryBasis.text');
  return { path, message: `${issue.message}${issue.found ? ` (found ${issue.found})` : ''}` };
};
