import type { CareTeam, Member, Organisation } from '../../contract/team.js';
import { COORDINATOR_SNOMED, SECTORS, TEAM_STATUSES, type MemberKind, type MemberStatus, type Sector, type TeamStatus } from '../../contract/values.js';
import { CODE_SYSTEMS, EXTENSIONS, ORGANIZATION_TYPE, SNOMED, V3_ROLE_CODE } from './codes.js';
import type { ResourceIndex } from './references.js';
import {
  contextOf,
  keep,
  keepUnexpressed,
  mergeExtras,
  setExtras,
  keptResource,
  metaOf,
  withExtras,
  withoutExtras,
  type FhirMappingOptions,
  type MappingContext,
} from './context.js';
import type * as F from './types.js';
import {
  clone,
  codeIn,
  codingsOf,
  compact,
  callingCodeOf,
  contactsOf,
  dateOf,
  distinctContacts,
  endDateOf,
  findExtension,
  hasCode,
  hoursOf,
  humanName,
  jsonEqual,
  put,
  readExtras,
  setExtension,
  telecomOf,
  UNKNOWN_ORGANISATION,
  UNKNOWN_PERSON,
} from './util.js';

/** HL7 organization-type codes → sector. Anything else gets the mapping's default sector. */
export const SECTOR_BY_ORGANIZATION_TYPE: Record<string, Sector> = {
  govt: 'municipal',
  edu: 'municipal',
  pay: 'social-welfare',
  ins: 'private',
  bus: 'private',
  cg: 'voluntary',
  reli: 'voluntary',
  prov: 'specialist',
  dept: 'specialist',
  team: 'specialist',
};

const ANZSIC = 'http://www.abs.gov.au/ausstats/abs@.nsf/mf/1292.0';

/**
 * The default sector of an organisation type code, keyed `system|code`: HL7 organization-type (above),
 * SNOMED CT general practice and hospital concepts, and the ANZSIC industry classes the AU Base
 * examples use. A host's `sectorMapping` is read before these.
 */
export const SECTOR_BY_TYPE_CODE: Record<string, Sector> = {
  ...Object.fromEntries(Object.entries(SECTOR_BY_ORGANIZATION_TYPE).map(([code, sector]) => [`${ORGANIZATION_TYPE}|${code}`, sector])),
  [`${SNOMED}|394814009`]: 'general-practice', // General practice (specialty)
  [`${SNOMED}|788007007`]: 'general-practice', // General practice service
  [`${SNOMED}|22232009`]: 'specialist', // Hospital
  [`${SNOMED}|309895006`]: 'specialist', // Private hospital
  [`${SNOMED}|405608006`]: 'specialist', // Academic medical center
  [`${SNOMED}|73588009`]: 'specialist', // Hospital-based laboratory facility
  [`${ANZSIC}|8511`]: 'general-practice', // General Practice Medical Services
  [`${ANZSIC}|8512`]: 'specialist', // Specialist Medical Services
  [`${ANZSIC}|8401`]: 'specialist', // Hospitals (except psychiatric)
  [`${ANZSIC}|8402`]: 'specialist', // Psychiatric hospitals
  [`${ANZSIC}|8520`]: 'specialist', // Pathology and diagnostic imaging
};

/** v3-RoleCode relationships of a RelatedPerson that make them a legal representative. */
const LEGAL_REPRESENTATIVE_CODES = new Set(['GUARD', 'POWATT', 'HPOWATT', 'DPOWATT', 'SPOWATT']);

const isCoordinatorRole = (concept: F.CodeableConcept) => hasCode(concept, SNOMED, COORDINATOR_SNOMED);

const rolesOf = (participant: F.CareTeamParticipant): F.CodeableConcept[] =>
  Array.isArray(participant.role) ? participant.role : participant.role ? [participant.role] : [];

const periodOf = (participant: F.CareTeamParticipant, version: F.FhirVersion): F.Period | undefined =>
  version === 'R4' ? participant.period : participant.coveragePeriod;

/**
 * The status a member has from the team status, their period and (for a PractitionerRole) whether
 * the role is still held, before any explicit status extension.
 */
const derivedStatus = (teamStatus: string | undefined, period: { start?: string; end?: string } | undefined, today: string, role?: F.Resource): MemberStatus => {
  const held = role?.resourceType === 'PractitionerRole' ? (role as F.PractitionerRole) : undefined;
  const heldUntil = endDateOf(held?.period?.end);
  const heldFrom = dateOf(held?.period?.start);
  if (teamStatus === 'inactive' || teamStatus === 'entered-in-error') return 'ended';
  if ((period?.end && period.end < today) || held?.active === false || (heldUntil && heldUntil < today)) return 'ended';
  if (teamStatus === 'proposed' || (period?.start && period.start > today) || (heldFrom && heldFrom > today)) return 'proposed';
  return 'active';
};

/** The member kind a resource type (and the team's subject) implies. */
const derivedKind = (type: string | undefined, resource: F.Resource | undefined, isSubject: boolean): MemberKind => {
  if (isSubject) return 'service-user';
  if (type === 'RelatedPerson') {
    const codes = codingsOf((resource as F.RelatedPerson | undefined)?.relationship).map((c) => c.code ?? '');
    return codes.some((code) => LEGAL_REPRESENTATIVE_CODES.has(code)) ? 'legal-representative' : 'next-of-kin';
  }
  if (type === 'Patient') return 'next-of-kin';
  if (type === 'CareTeam' || type === 'Group') return 'team';
  return 'professional';
};

/** Member keys of a CareTeam's participants: an absolute reference and a relative one to the same Type/id are one member (the relative key wins). */
export const participantKeys = (resource: F.CareTeam, subjectKey: string | undefined, index: ResourceIndex) => {
  const isAbsolute = (key: string) => /^[a-z]+:/i.test(key);
  const relativeKeys = new Set([subjectKey, ...(resource.participant ?? []).map((p) => index.key(p.member, resource))].filter((k): k is string => Boolean(k) && !isAbsolute(k!)));
  return (key: string | undefined): string | undefined => {
    const tail = key && isAbsolute(key) ? /([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(key)?.[1] : undefined;
    return tail && relativeKeys.has(tail) ? tail : key;
  };
};

/** Names of role codes common in CareTeam participants, for roles that carry only a code. */
const ROLE_LABELS: Record<string, string> = {
  [`${SNOMED}|${COORDINATOR_SNOMED}`]: 'Care team coordinator',
  [`${SNOMED}|116154003`]: 'Patient',
  [`${SNOMED}|133932002`]: 'Caregiver',
  [`${SNOMED}|62247001`]: 'General practitioner',
  [`${SNOMED}|158965000`]: 'Medical practitioner',
  [`${SNOMED}|309343006`]: 'Physician',
  [`${SNOMED}|224535009`]: 'Registered nurse',
  [`${SNOMED}|80546007`]: 'Occupational therapist',
  [`${SNOMED}|46255001`]: 'Pharmacist',
  [`${SNOMED}|59944000`]: 'Psychologist',
  [`${SNOMED}|80584001`]: 'Psychiatrist',
  [`${V3_ROLE_CODE}|NOK`]: 'Next of kin',
  [`${V3_ROLE_CODE}|GUARD`]: 'Guardian',
  [`${V3_ROLE_CODE}|POWATT`]: 'Power of attorney',
  [`${V3_ROLE_CODE}|FAMMEMB`]: 'Family member',
  [`${V3_ROLE_CODE}|FRND`]: 'Friend',
};

const roleFrom = (concept: F.CodeableConcept | undefined): Member['role'] => {
  if (!concept) return undefined;
  const coding = concept.coding?.find((c) => c.code) ?? concept.coding?.[0];
  const code = coding?.code ?? concept.text;
  // A bare code is no label: a known code gets its name, an unknown one leaves the member's kind to speak.
  const label = concept.text ?? coding?.display ?? ROLE_LABELS[`${coding?.system ?? ''}|${code ?? ''}`];
  if (!code || !label) return undefined;
  const role: NonNullable<Member['role']> = { code, label };
  if (coding?.system) role.system = coding.system;
  // The coding's display is the professional term; the text is the plain-language label.
  if (coding?.display && coding.display !== label) role.professionalLabel = coding.display;
  return role;
};

const conceptFrom = (role: NonNullable<Member['role']>): F.CodeableConcept => ({
  coding: [compact({ system: role.system, code: role.code, display: role.professionalLabel })],
  text: role.label,
});

const COORDINATOR_CONCEPT: F.CodeableConcept = {
  coding: [{ system: SNOMED, code: COORDINATOR_SNOMED, display: 'Care team coordinator' }],
};

/** Sector of an organisation: the project code, then the host's sector mapping, then the default codes, then the default sector. */
const sectorFrom = (organization: F.Organization | undefined, ctx: MappingContext): { sector: Sector; known: boolean } => {
  const own = codeIn(organization?.type, CODE_SYSTEMS.sector) as Sector | undefined;
  if (own && (SECTORS as readonly string[]).includes(own)) return { sector: own, known: true };
  const codings = codingsOf(organization?.type).filter((c) => c.code);
  for (const table of [ctx.sectorMapping, SECTOR_BY_TYPE_CODE]) {
    for (const coding of codings) {
      const sector = table[`${coding.system ?? ''}|${coding.code}`] ?? (table === ctx.sectorMapping ? table[coding.code!] : undefined);
      if (sector) return { sector, known: true };
    }
  }
  return { sector: ctx.defaultSector, known: false };
};

const organisationFrom = (
  reference: F.Reference | undefined,
  from: F.Resource,
  ctx: MappingContext,
): Organisation | undefined => {
  if (!reference) return undefined;
  const id = ctx.index.key(reference, from) ?? (reference.display ? `display:${reference.display}` : undefined);
  if (!id) return undefined;
  const resource = ctx.index.resolve<F.Organization>(reference, from);
  const { sector, known } = sectorFrom(resource, ctx);
  const organisation: Organisation = { id, name: ctx.index.nameOf(reference, from) ?? UNKNOWN_ORGANISATION, sector };
  const contacts = contactsOf(resource?.telecom ?? resource?.contact?.flatMap((c) => c.telecom ?? []), undefined, ctx.today, callingCodeOf(resource, ctx.callingCode));
  if (contacts.length) organisation.contacts = contacts;
  // The original type codes travel along, so a host can see what the default sector stood in for.
  if (!known && resource?.type) (organisation as Organisation & { fhir?: unknown }).fhir = { type: clone(resource.type) };
  return withExtras(organisation, resource);
};

/** Reads one CareTeam, following references through `options.index`. The result still has to pass the contract. */
export const careTeamFromFhir = (resource: F.CareTeam, options: FhirMappingOptions): CareTeam => {
  const ctx = contextOf(options);
  const { index, version } = ctx;
  // A CareTeam contained in a CarePlan may leave its subject to the plan: the patient stands in.
  const subject = resource.subject ?? (ctx.patient ? { reference: ctx.patient } : undefined);
  const subjectKey = index.key(subject, resource);
  const organisations = new Map<string, Organisation>();
  const addOrganisation = (reference: F.Reference | undefined, from: F.Resource) => {
    const organisation = organisationFrom(reference, from, ctx);
    if (organisation && !organisations.has(organisation.id)) organisations.set(organisation.id, organisation);
    return organisation?.id;
  };

  const groups = new Map<string, F.CareTeamParticipant[]>();
  const sameAs = participantKeys(resource, subjectKey, index);
  (resource.participant ?? []).forEach((participant, i) => {
    if (!participant.member) return;
    const key = sameAs(index.key(participant.member, resource)) ?? participant.id ?? `participant-${i + 1}`;
    groups.set(key, [...(groups.get(key) ?? []), participant]);
  });

  const members: Member[] = [];
  for (const [id, participants] of groups) {
    const first = participants[0];
    const target = index.resolve(first.member, resource);
    const practitionerRole = target?.resourceType === 'PractitionerRole' ? (target as F.PractitionerRole) : undefined;
    const person = practitionerRole ? index.resolve(practitionerRole.practitioner, practitionerRole) ?? index.resolve(practitionerRole.practitioner, resource) : target;
    const type = index.typeOf(first.member, resource);
    const roles = participants.flatMap(rolesOf);
    const role = roleFrom(roles.find((r) => !isCoordinatorRole(r)) ?? practitionerRole?.code?.[0] ?? roles[0]);
    const period = periodOf(first, version);
    const memberPeriod = compact({ start: dateOf(period?.start), end: endDateOf(period?.end) });
    const hours = hoursOf(practitionerRole?.availableTime ?? practitionerRole?.availability?.flatMap((a) => a.availableTime ?? []));
    const contacts = distinctContacts([
      ...contactsOf(practitionerRole?.telecom, hours, ctx.today, callingCodeOf(person, ctx.callingCode)),
      ...contactsOf((person as F.Practitioner | undefined)?.telecom, undefined, ctx.today, callingCodeOf(person, ctx.callingCode)),
    ]);
    const kind = (findExtension(first, EXTENSIONS.memberKind)?.valueCode as MemberKind | undefined) ?? derivedKind(type, target, id === subjectKey);
    const status =
      (findExtension(first, EXTENSIONS.memberStatus)?.valueCode as MemberStatus | undefined) ??
      derivedStatus(resource.status, memberPeriod, ctx.today, practitionerRole);
    const member: Member = {
      id,
      name: index.nameOf(first.member, resource) ?? UNKNOWN_PERSON,
      kind,
      contacts,
      status,
    };
    if (role) member.role = role;
    const organisationId = addOrganisation(first.onBehalfOf ?? practitionerRole?.organization, first.onBehalfOf ? resource : practitionerRole!);
    if (organisationId) member.organisationId = organisationId;
    if (memberPeriod.start || memberPeriod.end) member.period = memberPeriod;
    if (roles.some(isCoordinatorRole)) member.coordinator = true;
    members.push(withExtras(member, first));
  }

  if (subjectKey && !groups.has(subjectKey)) {
    const patient = index.resolve<F.Patient>(subject, resource);
    members.unshift(
      withExtras(
        {
          id: subjectKey,
          name: index.nameOf(subject, resource) ?? UNKNOWN_PERSON,
          kind: 'service-user',
          contacts: contactsOf(patient?.telecom, undefined, ctx.today, callingCodeOf(patient, ctx.callingCode)),
          status: derivedStatus(resource.status, undefined, ctx.today),
        },
        resource.subject,
      ),
    );
  }
  for (const reference of resource.managingOrganization ?? []) addOrganisation(reference, resource);

  const team: CareTeam = {
    id: resource.id ?? '',
    serviceUserId: subjectKey ?? '',
    members,
    organisations: [...organisations.values()],
  };
  if (resource.name) team.name = resource.name;
  if ((TEAM_STATUSES as readonly string[]).includes(resource.status ?? '')) team.status = resource.status as TeamStatus;
  const contacts = contactsOf(resource.telecom, undefined, ctx.today, ctx.callingCode);
  if (contacts.length) team.contacts = contacts;
  const meta = metaOf(resource);
  if (meta) team.meta = meta;
  const extras = readExtras(resource);
  const overrides = extras.organisationOverrides as Record<string, Partial<Organisation>> | undefined;
  const order = extras.organisationOrder as string[] | undefined;
  delete extras.organisationOverrides;
  delete extras.organisationOrder;
  if (overrides) {
    team.organisations = team.organisations.map((o) => ({ ...o, ...overrides[o.id] }));
    for (const [id, organisation] of Object.entries(overrides)) {
      if (!team.organisations.some((o) => o.id === id) && organisation.name) team.organisations.push({ ...organisation, id } as Organisation);
    }
  }
  if (Array.isArray(order)) {
    const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
    team.organisations.sort((a, b) => rank(a.id) - rank(b.id));
  }
  mergeExtras(team, extras);
  (team as CareTeam & { fhir?: unknown }).fhir = keep(version, resource);
  return team;
};

// ---------------------------------------------------------------- writing

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const RELATIVE_REF = /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/;

/** A reference to a member (or organisation): the server resource when the id is one, else a contained resource. */
const referenceFor = (
  id: string,
  display: string,
  out: F.Resource,
  makeContained: (id: string) => F.Resource,
): F.Reference => {
  if (RELATIVE_REF.test(id) || /^(https?|urn):/.test(id)) return { reference: id, display };
  const containedId = FHIR_ID.test(id) ? id : id.replace(/[^A-Za-z0-9\-.]/g, '-').slice(0, 64);
  const contained = out.contained ?? [];
  const resource = { ...makeContained(containedId), id: containedId };
  const index = contained.findIndex((r) => r.id === containedId);
  out.contained = index === -1 ? [...contained, resource] : contained.map((r, i) => (i === index ? resource : r));
  return { reference: `#${containedId}`, display };
};

const containedMember = (member: Member, subject: F.Reference | undefined) => (id: string): F.Resource => {
  const base = { id, name: humanName(member.name), telecom: telecomOf(member.contacts) };
  if (member.kind === 'service-user') return compact({ resourceType: 'Patient', ...base });
  if (member.kind === 'professional') return compact({ resourceType: 'Practitioner', ...base });
  if (member.kind === 'team') return compact({ resourceType: 'CareTeam', id, name: member.name, telecom: base.telecom });
  const relationship = member.kind === 'legal-representative' ? 'GUARD' : member.kind === 'next-of-kin' ? 'NOK' : undefined;
  return compact({
    resourceType: 'RelatedPerson',
    ...base,
    patient: subject ? { reference: subject.reference, display: subject.display } : undefined,
    relationship: relationship ? [{ coding: [{ system: V3_ROLE_CODE, code: relationship }] }] : undefined,
  });
};

const containedOrganisation = (organisation: Organisation) => (id: string): F.Resource =>
  compact({
    resourceType: 'Organization',
    id,
    name: organisation.name,
    type: [{ coding: [{ system: CODE_SYSTEMS.sector, code: organisation.sector }] }],
    telecom: telecomOf(organisation.contacts),
  });

const participantsFor = (
  member: Member,
  existing: F.CareTeamParticipant[],
  team: CareTeam,
  out: F.CareTeam,
  ctx: MappingContext,
  before: Member | undefined,
): F.CareTeamParticipant[] => {
  const { version, index } = ctx;
  const template: F.CareTeamParticipant = clone(existing[0]) ?? {};
  const sameMember = before && before.name === member.name && before.kind === member.kind && jsonEqual(before.contacts, member.contacts);
  const participant: F.CareTeamParticipant = { ...template };
  participant.member =
    template.member && sameMember ? template.member : referenceFor(member.id, member.name, out, containedMember(member, out.subject));

  const organisation = team.organisations.find((o) => o.id === member.organisationId);
  // FHIR invariant ctm-1: onBehalfOf only for a Practitioner member. Anyone else's organisation is
  // kept in contract-extras, and the organisation itself in managingOrganization.
  const memberType = index.typeOf(participant.member, out);
  if (!member.organisationId || (memberType !== undefined && memberType !== 'Practitioner')) delete participant.onBehalfOf;
  else if (index.key(template.onBehalfOf, out) !== member.organisationId || !jsonEqual(before?.organisationId, member.organisationId))
    participant.onBehalfOf = referenceFor(member.organisationId, organisation?.name ?? UNKNOWN_ORGANISATION, out, containedOrganisation(organisation ?? { id: member.organisationId, name: UNKNOWN_ORGANISATION, sector: ctx.defaultSector }));

  const sameRole = before && jsonEqual(before.role, member.role);
  const templateRoles = rolesOf(template);
  const keptRole = sameRole ? templateRoles.find((r) => !isCoordinatorRole(r)) : undefined;
  const role = keptRole ?? (member.role ? conceptFrom(member.role) : undefined);
  const roleIsCoordinator = role ? isCoordinatorRole(role) : false;
  const extraCoordinator = member.coordinator && !roleIsCoordinator;
  const coordinatorConcept = templateRoles.find(isCoordinatorRole) ?? COORDINATOR_CONCEPT;

  const participants: F.CareTeamParticipant[] = [participant];
  if (version === 'R4') {
    const others = templateRoles.filter((r) => r !== keptRole && !isCoordinatorRole(r) && sameRole);
    put(participant, 'role', [...(role ? [role] : []), ...others, ...(extraCoordinator ? [coordinatorConcept] : [])]);
  } else {
    // R5 has one role per participant: the coordinator role is a second participant for the same member.
    put(participant, 'role', role ?? (member.coordinator ? coordinatorConcept : undefined));
    if (extraCoordinator && role) {
      const second = existing.slice(1).find((p) => rolesOf(p).some(isCoordinatorRole));
      participants.push(second ? clone(second) : compact({ role: coordinatorConcept, member: participant.member, onBehalfOf: participant.onBehalfOf }));
    }
  }
  const periodKey = version === 'R4' ? 'period' : 'coveragePeriod';
  const samePeriod = before && jsonEqual(before.period, member.period) && before.status === member.status;
  if (!samePeriod) {
    const period = compact({ start: member.period?.start, end: member.period?.end ?? (member.status === 'ended' ? ctx.today : undefined) });
    put(participant, periodKey, period.start || period.end ? period : undefined);
  }
  const written = periodOf(participant, version);
  const status = derivedStatus(out.status, { start: dateOf(written?.start), end: endDateOf(written?.end) }, ctx.today, index.resolve(participant.member, out));
  setExtension(participant, EXTENSIONS.memberStatus, status === member.status ? undefined : { url: EXTENSIONS.memberStatus, valueCode: member.status });
  const type = index.typeOf(participant.member, out);
  const kind = derivedKind(type, index.resolve(participant.member, out), member.id === team.serviceUserId);
  setExtension(participant, EXTENSIONS.memberKind, kind === member.kind ? undefined : { url: EXTENSIONS.memberKind, valueCode: member.kind });
  return participants;
};

/** Drops contained resources nothing refers to any more (FHIR requires every contained resource to be referenced). */
const pruneContained = (resource: F.Resource): void => {
  if (!resource.contained?.length) return;
  const { contained, ...rest } = resource;
  const text = JSON.stringify(rest);
  const kept = contained.filter((r) => r.id && (text.includes(`"#${r.id}"`) || contained.some((o) => o !== r && JSON.stringify(o).includes(`"#${r.id}"`))));
  put(resource, 'contained', kept);
};

/**
 * Writes a contract CareTeam as a FHIR CareTeam of `options.version`. When the team was read from
 * FHIR (it carries `fhir.resource`), the write starts from that resource and changes only the
 * elements whose contract value changed, so everything the mapping does not understand survives.
 */
export const careTeamToFhir = (team: CareTeam, options: FhirMappingOptions): F.CareTeam => {
  const base = keptResource<F.CareTeam>(team, options.version, 'CareTeam');
  // Look-ups go through the caller's index; contained resources are found through `out`.
  const lookup = contextOf(options);
  const before = base ? careTeamFromFhir(base, { ...options, index: lookup.index }) : undefined;
  const out: F.CareTeam = base ?? { resourceType: 'CareTeam', id: team.id };
  if (!out.id) out.id = team.id;

  if (!before || before.name !== team.name) put(out, 'name', team.name);
  if (team.status && (!before || before.status !== team.status)) out.status = team.status;
  const serviceUser = team.members.find((m) => m.id === team.serviceUserId);
  if (!before || before.serviceUserId !== team.serviceUserId) {
    out.subject = serviceUser
      ? referenceFor(serviceUser.id, serviceUser.name, out, containedMember(serviceUser, undefined))
      : { reference: team.serviceUserId };
  }
  if (!before || !jsonEqual(before.contacts, team.contacts)) put(out, 'telecom', telecomOf(team.contacts));

  if (!before || !jsonEqual(before.members, team.members) || !jsonEqual(before.organisations, team.organisations)) {
    const byKey = new Map<string, F.CareTeamParticipant[]>();
    const unmapped: F.CareTeamParticipant[] = [];
    const sameAs = participantKeys(out, lookup.index.key(out.subject, out), lookup.index);
    for (const participant of out.participant ?? []) {
      const key = participant.member ? sameAs(lookup.index.key(participant.member, out)) : undefined;
      if (key) byKey.set(key, [...(byKey.get(key) ?? []), participant]);
      else if (!participant.member) unmapped.push(participant);
      else byKey.set(`participant-${byKey.size}`, [participant]);
    }
    const participants: F.CareTeamParticipant[] = [];
    for (const member of team.members) {
      const existing = byKey.get(member.id) ?? [];
      const previous = before?.members.find((m) => m.id === member.id);
      if (previous && jsonEqual(previous, member)) {
        participants.push(...existing);
        continue;
      }
      participants.push(...participantsFor(member, existing, team, out, lookup, previous));
    }
    put(out, 'participant', [...participants, ...unmapped]);
    pruneContained(out);
    const carried = new Set(careTeamFromFhir(out, { ...options, index: lookup.index }).organisations.map((o) => o.id));
    for (const organisation of team.organisations) {
      if (!carried.has(organisation.id) && !before?.organisations.some((o) => o.id === organisation.id)) {
        const managing = out.managingOrganization ?? [];
        out.managingOrganization = [...managing, referenceFor(organisation.id, organisation.name, out, containedOrganisation(organisation))];
      }
    }
  }

  // Read the result back; whatever it does not reproduce is kept in contract-extras.
  withoutExtras(out);
  for (const participant of out.participant ?? []) withoutExtras(participant);
  if (out.subject) withoutExtras(out.subject);
  for (const contained of out.contained ?? []) if (contained.resourceType === 'Organization') withoutExtras(contained);
  const again = careTeamFromFhir(out, { ...options, index: lookup.index });
  for (const member of team.members) {
    const readBack = again.members.find((m) => m.id === member.id);
    const holder = (out.participant ?? []).find((p) => p.member && lookup.index.key(p.member, out) === member.id) ?? (member.id === team.serviceUserId ? out.subject : undefined);
    if (holder) keepUnexpressed(member, (readBack ?? {}) as Record<string, unknown>, holder);
  }
  const overrides: Record<string, Partial<Organisation>> = {};
  for (const organisation of team.organisations) {
    const readBack = again.organisations.find((o) => o.id === organisation.id) as Record<string, unknown> | undefined;
    const difference: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(organisation)) if (key !== 'fhir' && !jsonEqual(readBack?.[key], value)) difference[key] = value;
    if (Object.keys(difference).length) overrides[organisation.id] = difference as Partial<Organisation>;
  }
  const { members: _members, organisations: _organisations, ...teamFields } = team;
  const { members: _m, organisations: _o, ...againFields } = again;
  const extras = keepUnexpressed(teamFields, againFields as Record<string, unknown>, out);
  const ids = team.organisations.map((o) => o.id);
  const sameOrder = jsonEqual(again.organisations.map((o) => o.id).filter((id) => ids.includes(id)), ids);
  if (Object.keys(overrides).length || !sameOrder) {
    const more = { ...(Object.keys(overrides).length ? { organisationOverrides: overrides } : {}), ...(sameOrder ? {} : { organisationOrder: ids }) };
    setExtras(out, { ...extras, ...more });
  }
  return out;
};
