import type { Actor } from '../../contract/common.js';
import type { ConsentDirective, Decider, Recipient } from '../../contract/consent.js';
import {
  CONSENT_PURPOSES,
  INFORMATION_CATEGORIES,
  type ConsentMethod,
  type ConsentModel,
  type ConsentPurpose,
  type ConsentState,
  type DeciderRelation,
  type InformationCategory,
} from '../../contract/values.js';
import { CODE_SYSTEMS, EXTENSIONS, RESOURCE_TYPES, V3_ACT_CODE, V3_ACT_REASON, V3_PARTICIPATION_TYPE, V3_ROLE_CODE } from './codes.js';
import { contextOf, keep, keepUnexpressed, keptResource, metaOf, withExtras, withoutExtras, type FhirMappingOptions, type MappingContext } from './context.js';
import { FhirResourceProblem, type FhirNote } from './notes.js';
import type * as F from './types.js';
import { codingsOf, compact, dateOf, endDateOf, findExtension, instantIn, jsonEqual, put, setExtension } from './util.js';

type Decision = 'permit' | 'deny';
const negate = (decision: Decision): Decision => (decision === 'permit' ? 'deny' : 'permit');

/** v3-ActReason codes → purpose; the two purposes without an HL7 code use the project code system. */
export const PURPOSE_BY_ACT_REASON: Record<string, ConsentPurpose> = {
  COC: 'coordination',
  CAREMGT: 'coordination',
  TREAT: 'treatment',
  ETREAT: 'treatment',
  CLINTRCH: 'treatment',
  POPHLTH: 'follow-up',
  PATRQT: 'follow-up',
};
const ACT_REASON_BY_PURPOSE: Partial<Record<ConsentPurpose, string>> = { coordination: 'COC', treatment: 'TREAT' };

/** Resource types in `provision.class` (R4) / `provision.resourceType` (R5) → category. */
const CATEGORY_BY_RESOURCE_TYPE: Record<string, InformationCategory> = {
  MedicationRequest: 'medication',
  MedicationStatement: 'medication',
  MedicationAdministration: 'medication',
  MedicationDispense: 'medication',
  Medication: 'medication',
  CarePlan: 'care-plan',
  Goal: 'care-plan',
  CareTeam: 'care-plan',
  Appointment: 'appointments',
  Encounter: 'appointments',
  Patient: 'contact-details',
  RelatedPerson: 'contact-details',
  Observation: 'health',
  Condition: 'health',
  DiagnosticReport: 'health',
};
/** v3-ActCode sensitivity labels → category. */
const CATEGORY_BY_SECURITY_LABEL: Record<string, InformationCategory> = {
  PSY: 'mental-health',
  PSYTHPN: 'mental-health',
  SOC: 'social-services',
};

/** v3-RoleCode relationships of a RelatedPerson who decides for the person. */
const RELATION_BY_ROLE_CODE: Record<string, DeciderRelation> = {
  GUARD: 'guardian',
  PRN: 'parent',
  MTH: 'parent',
  FTH: 'parent',
  PRNFOST: 'parent',
  POWATT: 'legal-representative',
  HPOWATT: 'legal-representative',
  DPOWATT: 'legal-representative',
  SPOWATT: 'legal-representative',
};

const RECIPIENT_ROLES = new Set(['PRCP', 'IRCP']);

const CONSENT_SCOPE = 'http://terminology.hl7.org/CodeSystem/consentscope';
const CONSENT_CATEGORY = 'http://terminology.hl7.org/CodeSystem/consentcategorycodes';
const LOINC = 'http://loinc.org';

/** Categories (and R4 scopes) that make a Consent a choice about sharing information. */
const SHARING_CODES = new Set([
  `${CONSENT_SCOPE}|patient-privacy`,
  `${V3_ACT_CODE}|IDSCL`,
  `${V3_ACT_CODE}|INFA`,
  `${V3_ACT_CODE}|INFAO`,
  `${V3_ACT_CODE}|INFASO`,
  `${V3_ACT_CODE}|IRDSCL`,
  `${LOINC}|59284-0`,
  `${LOINC}|64292-6`,
  `${LOINC}|57016-8`,
  `${CONSENT_CATEGORY}|npp`,
  `${CONSENT_CATEGORY}|emrgonly`,
]);
/** Consents about something else than sharing, in words for the note that leaves them on the server. */
const OTHER_CONSENTS: Record<string, string> = {
  [`${CONSENT_SCOPE}|adr`]: 'an advance directive',
  [`${CONSENT_SCOPE}|treatment`]: 'a consent to treatment',
  [`${CONSENT_SCOPE}|research`]: 'a consent to research',
  [`${CONSENT_CATEGORY}|acd`]: 'an advance directive',
  [`${CONSENT_CATEGORY}|dnr`]: 'a do-not-resuscitate directive',
  [`${CONSENT_CATEGORY}|polst`]: 'an order for life-sustaining treatment (POLST)',
  [`${CONSENT_CATEGORY}|hcd`]: 'a health care directive',
  [`${CONSENT_CATEGORY}|research`]: 'a consent to research',
  [`${CONSENT_CATEGORY}|rsdid`]: 'a consent to research',
  [`${CONSENT_CATEGORY}|rsreid`]: 'a consent to research',
  [`${V3_ACT_CODE}|RESEARCH`]: 'a consent to research',
  [`${V3_ACT_CODE}|RSDID`]: 'a consent to research',
  [`${V3_ACT_CODE}|RSREID`]: 'a consent to research',
  [`${LOINC}|75320-2`]: 'an advance directive',
};
/** Actions an exception may name and still be about sharing (reading, disclosing, using). */
const SHARING_ACTIONS = new Set(['access', 'disclose', 'use']);

const codeKeys = (concepts: F.CodeableConcept | F.CodeableConcept[] | undefined) => codingsOf(concepts).map((c) => `${c.system ?? ''}|${c.code ?? ''}`);

/** Thrown for a Consent the elements cannot show faithfully; the load leaves it on the server with this note. */
const leaveOut = (resource: F.Consent, path: string, message: string, fix?: string, kind: FhirNote['kind'] = 'left-on-server'): never => {
  throw new FhirResourceProblem(compact({ kind, resourceType: 'Consent', id: resource.id ?? '', path, message, fix }));
};

/** Why a Consent is not a choice about sharing information (R4 `scope`, R5 `category`), or `undefined` when it is one. */
export const notAboutSharing = (resource: F.Consent, version: F.FhirVersion): { path: string; message: string } | undefined => {
  const categories = codeKeys(resource.category);
  const scope = version === 'R4' ? codeKeys(resource.scope) : [];
  const other = [...scope, ...categories].map((key) => OTHER_CONSENTS[key]).find(Boolean);
  if (other) return { path: version === 'R4' && scope.some((k) => OTHER_CONSENTS[k]) ? 'Consent.scope' : 'Consent.category', message: `this is ${other}, not a choice about sharing information; it stays on the server untouched` };
  if (version === 'R4') {
    if (scope.includes(`${CONSENT_SCOPE}|patient-privacy`)) return undefined;
    const found = codingsOf(resource.scope).map((c) => c.code).filter(Boolean).join(', ') || resource.scope?.text;
    return { path: 'Consent.scope', message: found ? `the scope is "${found}", not patient-privacy: not a choice about sharing information` : 'the consent has no scope, so it is not known to be about sharing information' };
  }
  if (categories.some((key) => SHARING_CODES.has(key))) return undefined;
  return { path: 'Consent.category', message: 'no category says this consent is about sharing information (for example consentscope patient-privacy, v3-ActCode INFA or LOINC 59284-0)' };
};

/** The provision that carries the recipient, purposes, period and categories (R4: the provision; R5: the only one). */
const scopeOf = (resource: F.Consent): F.ConsentProvision | undefined =>
  Array.isArray(resource.provision) ? resource.provision[0] : resource.provision;

/** R4: the policy a Consent was recorded under tells the decision when the root provision has no type. */
const policyDecision = (resource: F.Consent): Decision | undefined => {
  const code = codingsOf(resource.policyRule).find((c) => c.system === V3_ACT_CODE && /^OPT(IN|OUT)/.test(c.code ?? ''))?.code;
  return code ? (code.startsWith('OPTOUT') ? 'deny' : 'permit') : undefined;
};

/** The decision of the scope provision. R4: its `type` (else the policy, for a resource being written); R5: provisions negate the level above. */
const effectiveDecision = (resource: F.Consent, version: F.FhirVersion): Decision => {
  const scope = scopeOf(resource);
  if (version === 'R4') return scope?.type ?? policyDecision(resource) ?? 'permit';
  const base = resource.decision ?? 'permit';
  return scope ? negate(base) : base;
};

/** Information categories a provision names; `unknown` lists what has no category here. */
const categoriesOf = (provision: F.ConsentProvision | undefined): { categories: InformationCategory[]; unknown: string[] } => {
  const found = new Set<InformationCategory>();
  const unknown: string[] = [];
  for (const coding of codingsOf(provision?.code)) {
    if (coding.system === CODE_SYSTEMS.category && (INFORMATION_CATEGORIES as readonly string[]).includes(coding.code ?? '')) found.add(coding.code as InformationCategory);
    else unknown.push(coding.code ?? '?');
  }
  for (const coding of [...(provision?.class ?? []), ...(provision?.resourceType ?? [])]) {
    const category = coding.system === RESOURCE_TYPES || !coding.system ? CATEGORY_BY_RESOURCE_TYPE[coding.code ?? ''] : undefined;
    if (category) found.add(category);
    else unknown.push(coding.code ?? '?');
  }
  for (const label of provision?.securityLabel ?? []) {
    const category = CATEGORY_BY_SECURITY_LABEL[label.code ?? ''];
    if (category) found.add(category);
    else unknown.push(label.code ?? '?');
  }
  for (const coding of provision?.documentType ?? []) unknown.push(coding.code ?? '?');
  return { categories: INFORMATION_CATEGORIES.filter((c) => found.has(c)), unknown };
};

const categoriesIn = (provision: F.ConsentProvision | undefined): InformationCategory[] => categoriesOf(provision).categories;

/** Purposes a provision names; `unknown` lists the codes that are no purpose here. */
const purposesOf = (provision: F.ConsentProvision | undefined): { purposes: ConsentPurpose[]; unknown: string[] } => {
  const found = new Set<ConsentPurpose>();
  const unknown: string[] = [];
  for (const coding of provision?.purpose ?? []) {
    if (coding.system === V3_ACT_REASON && PURPOSE_BY_ACT_REASON[coding.code ?? '']) found.add(PURPOSE_BY_ACT_REASON[coding.code!]);
    else if (coding.system === CODE_SYSTEMS.purpose && (CONSENT_PURPOSES as readonly string[]).includes(coding.code ?? '')) found.add(coding.code as ConsentPurpose);
    else unknown.push(coding.code ?? '?');
  }
  return { purposes: CONSENT_PURPOSES.filter((p) => found.has(p)), unknown };
};

const purposesIn = (provision: F.ConsentProvision | undefined): ConsentPurpose[] => purposesOf(provision).purposes;

/** Nested provisions one level below the scope, with the decision each one makes (R4 without a type: the opposite, as in R5). */
const exceptionsOf = (resource: F.Consent, version: F.FhirVersion): Array<{ decision: Decision; provision: F.ConsentProvision }> => {
  const scope = scopeOf(resource);
  const parent = effectiveDecision(resource, version);
  return (scope?.provision ?? []).map((provision) => ({
    decision: version === 'R4' ? (provision.type ?? negate(parent)) : negate(parent),
    provision,
  }));
};

const modelFrom = (concepts: F.CodeableConcept[]): { model: ConsentModel; legalBasis?: string } => {
  const holder = concepts.find((c) => codingsOf(c).some((k) => k.system === V3_ACT_CODE && /^OPT(IN|OUT)/.test(k.code ?? '')));
  const code = codingsOf(holder).find((k) => k.system === V3_ACT_CODE)?.code ?? '';
  const legalBasis = holder?.text ?? concepts.find((c) => c.text)?.text;
  return { model: code.startsWith('OPTOUT') ? 'objection' : 'opt-in', legalBasis };
};

const stateFrom = (status: string | undefined, decision: Decision): ConsentState => {
  if (status === 'active') return decision === 'permit' ? 'granted' : 'refused';
  if (status === 'rejected' || status === 'not-done') return 'refused';
  if (status === 'inactive') return 'withdrawn';
  return 'not-recorded';
};

const PERSON_TYPES = new Set(['Practitioner', 'PractitionerRole', 'RelatedPerson', 'Patient']);

/** The one recipient of the consent: a PRCP/IRCP actor of the scope provision or (R5) the grantee. A custodian (CST) is never the recipient. */
const recipientFrom = (resource: F.Consent, ctx: MappingContext): Recipient => {
  const scope = scopeOf(resource);
  const actorPath = ctx.version === 'R4' ? 'Consent.provision.actor' : 'Consent.provision[0].actor';
  const references = [
    ...(scope?.actor ?? []).filter((a) => codingsOf(a.role).some((c) => RECIPIENT_ROLES.has(c.code ?? ''))).map((a) => a.reference),
    ...(ctx.version === 'R5' ? (resource.grantee ?? []) : []),
  ].filter((r): r is F.Reference => Boolean(r));
  const distinct = new Map<string, F.Reference>();
  for (const reference of references) distinct.set(ctx.index.key(reference, resource) ?? reference.display ?? JSON.stringify(reference), reference);
  if (!distinct.size) {
    leaveOut(resource, ctx.version === 'R4' ? actorPath : `${actorPath} / Consent.grantee`, 'the consent names no recipient (no actor with role PRCP or IRCP), so it cannot be shown as a choice to share with someone', 'add an actor with role v3-ParticipationType PRCP that references the organisation, team or person the information goes to');
  }
  if (distinct.size > 1) {
    leaveOut(resource, actorPath, `the consent names ${distinct.size} recipients; a sharing choice is shown for one recipient at a time`, 'record one Consent per recipient, so each can be withdrawn on its own');
  }
  const reference = [...distinct.values()][0];
  const type = ctx.index.typeOf(reference, resource);
  const name = ctx.index.nameOf(reference, resource);
  const shown = reference.reference ?? reference.identifier?.value ?? 'the recipient';
  if (!name) leaveOut(resource, actorPath, `the recipient ${shown} could not be read and has no display text`, 'give the reference a display, or let the server return the recipient with _include=Consent:actor');
  const kind = type === 'Organization' ? 'organisation' : type === 'CareTeam' || type === 'Group' ? 'team' : type && PERSON_TYPES.has(type) ? 'person' : undefined;
  if (!kind) leaveOut(resource, actorPath, `the recipient ${shown} is of unknown type${type ? ` (${type})` : ''}: not an Organization, CareTeam, Group or person`, 'reference an Organization, CareTeam, Group, Practitioner, PractitionerRole, RelatedPerson or Patient');
  const recipient: Recipient = { kind: kind!, name: name! };
  const id = ctx.index.key(reference, resource);
  if (id) recipient.id = id;
  return recipient;
};

const deciderFrom = (reference: F.Reference | undefined, subjectKey: string | undefined, resource: F.Consent, ctx: MappingContext): Decider | undefined => {
  if (!reference) return undefined;
  const key = ctx.index.key(reference, resource);
  const self = key !== undefined && key === subjectKey;
  const related = self || ctx.index.typeOf(reference, resource) !== 'RelatedPerson' ? undefined : ctx.index.resolve<F.RelatedPerson>(reference, resource);
  // A relationship is to the RelatedPerson's own patient: the guardian of someone else has no say over this person.
  const ofPerson = related !== undefined && subjectKey !== undefined && ctx.index.key(related.patient, related) === subjectKey;
  const roleCode = ofPerson ? codingsOf(related.relationship).find((c) => c.system === V3_ROLE_CODE && RELATION_BY_ROLE_CODE[c.code ?? '']) : undefined;
  // Someone else has a say only by a relationship recorded as giving one (guardian, parent, power of
  // attorney): another Patient, a friend, spouse or next of kin, or a RelatedPerson whose relationship
  // is not known, is never shown as deciding for the person.
  if (!self && !roleCode) return undefined;
  const decider: Decider = {
    name: ctx.index.nameOf(reference, resource) ?? (self ? (ctx.index.nameOf(subjectRef(resource, ctx.version), resource) ?? 'The person') : 'Unknown person'),
    relation: self ? 'self' : RELATION_BY_ROLE_CODE[roleCode!.code!],
  };
  if (key) decider.memberId = key;
  return decider;
};

const subjectRef = (resource: F.Consent, version: F.FhirVersion) => (version === 'R4' ? resource.patient : resource.subject);

/**
 * What the consent decides for its recipient, read faithfully: the scope decision, narrowed by
 * exceptions that only take categories of information out (or, under a refusal, only let
 * categories through). An exception the contract cannot express (another actor, a purpose, a
 * period, particular records, information without a category here) leaves the consent on the
 * server with a note, because showing it without the exception would show the wrong decision.
 */
const decisionFrom = (resource: F.Consent, ctx: MappingContext, recipientKey: string | undefined) => {
  const scope = scopeOf(resource);
  const scopePath = ctx.version === 'R4' ? 'Consent.provision' : 'Consent.provision[0]';
  const parent = effectiveDecision(resource, ctx.version);
  const root = categoriesOf(scope);
  if (root.unknown.length) {
    leaveOut(resource, `${scopePath}.class / .code / .securityLabel`, `the consent covers information without a category here (${root.unknown.join(', ')})`, 'name the information with the information-category code system, a resource type or a PSY/SOC security label');
  }
  if (scope?.data?.length || scope?.dataPeriod) leaveOut(resource, `${scopePath}.data`, 'the consent is about particular records, not about sharing information in general');
  const rootActions = codingsOf(scope?.action).map((c) => c.code ?? '?');
  if (rootActions.length && !rootActions.some((a) => SHARING_ACTIONS.has(a))) {
    leaveOut(resource, `${scopePath}.action`, `the consent is about ${rootActions.join(', ')}, not about reading, using or disclosing information`);
  }
  let categories = root.categories.length ? root.categories : [...INFORMATION_CATEGORIES];
  const through: InformationCategory[] = [];
  (scope?.provision ?? []).forEach((provision, i) => {
    const decision = ctx.version === 'R4' ? (provision.type ?? negate(parent)) : negate(parent);
    if (decision === parent) return; // restates the decision above for a narrower case: nothing changes for the recipient
    const path = `${scopePath}.provision[${i}]`;
    const others = (provision.actor ?? []).filter((a) => ctx.index.key(a.reference, resource) !== recipientKey);
    const actions = codingsOf(provision.action).map((c) => c.code ?? '');
    const nested = categoriesOf(provision);
    const problem = others.length
      ? 'an exception for another actor'
      : provision.purpose?.length
        ? 'an exception for a purpose'
        : provision.period || provision.dataPeriod
          ? 'an exception for a period'
          : provision.data?.length
            ? 'an exception for particular records'
            : provision.provision?.length
              ? 'exceptions within an exception'
              : actions.some((a) => !SHARING_ACTIONS.has(a))
                ? `an exception for the action ${actions.join(', ')}`
                : nested.unknown.length
                  ? `an exception for information without a category here (${nested.unknown.join(', ')})`
                  : !nested.categories.length
                    ? `an exception that turns the whole decision into ${decision}`
                    : undefined;
    if (problem) leaveOut(resource, path, `the consent has ${problem}, which a sharing choice cannot show without showing the wrong decision`, 'record the exception as its own Consent');
    if (decision === 'deny') categories = categories.filter((c) => !nested.categories.includes(c));
    else through.push(...nested.categories);
  });
  let decision = parent;
  if (parent === 'deny' && through.length) {
    decision = 'permit';
    categories = categories.filter((c) => through.includes(c));
  }
  if (!categories.length) leaveOut(resource, `${scopePath}.provision`, 'the exceptions take every category of information out of the decision');
  return { decision, categories };
};

/** Reads one Consent about sharing information; throws `FhirResourceProblem` for one the elements must not show as a sharing choice. */
export const consentFromFhir = (resource: F.Consent, options: FhirMappingOptions): ConsentDirective => {
  const ctx = contextOf(options);
  const { version, index } = ctx;
  const other = notAboutSharing(resource, version);
  if (other) leaveOut(resource, other.path, other.message);
  if (resource.status === 'entered-in-error') leaveOut(resource, 'Consent.status', 'the consent was entered in error');
  if (version === 'R5' && Array.isArray(resource.provision) && resource.provision.length > 1) {
    leaveOut(resource, 'Consent.provision', `the consent has ${resource.provision.length} provisions side by side; a sharing choice shows one decision`, 'record one Consent per decision');
  }
  if (version === 'R5' && !resource.decision) {
    leaveOut(resource, 'Consent.decision', 'the consent does not say whether it permits or denies sharing (no decision)', 'set decision to permit or deny');
  }
  // The policy rule (OPTIN/OPTOUT) is the default around the consent, not its decision: the official
  // R4 examples name an actor under OPTIN to withhold from them (notThem) and under OPTOUT to give access (grantor).
  if (version === 'R4' && !scopeOf(resource)?.type) {
    leaveOut(resource, 'Consent.provision.type', `the consent does not say whether it permits or denies sharing (no provision.type)${policyDecision(resource) ? '; its policy rule is the default around it, not what it decides for its recipient' : ''}`, 'set provision.type to permit or deny');
  }
  const scope = scopeOf(resource);
  const subjectKey = index.key(subjectRef(resource, version), resource);
  const recipient = recipientFrom(resource, ctx);
  const { decision, categories } = decisionFrom(resource, ctx, recipient.id);
  const exceptions = exceptionsOf(resource, version).map(({ decision: nested, provision }) => ({
    decision: nested,
    categories: categoriesIn(provision),
    purposes: purposesIn(provision),
    actors: (provision.actor ?? []).map((a) => index.nameOf(a.reference, resource) ?? index.key(a.reference, resource) ?? a.reference?.display ?? ''),
    period: provision.period ? compact({ start: dateOf(provision.period.start), end: endDateOf(provision.period.end) }) : undefined,
  }));
  const { purposes, unknown: otherPurposes } = purposesOf(scope);
  // Read without them, the consent would cover every purpose (or fewer than it does): neither is what the person decided.
  if (otherPurposes.length) {
    leaveOut(resource, `${version === 'R4' ? 'Consent.provision' : 'Consent.provision[0]'}.purpose`, `the consent is for purposes the elements do not show (${otherPurposes.join(', ')})`, 'name the purposes with v3-ActReason COC, CAREMGT, TREAT, ETREAT, CLINTRCH, POPHLTH or PATRQT, or the consent-purpose code system');
  }
  const { model, legalBasis } = modelFrom(version === 'R4' ? (resource.policyRule ? [resource.policyRule] : []) : (resource.regulatoryBasis ?? []));
  const state = stateFrom(resource.status, decision);

  const directive: ConsentDirective = {
    id: resource.id ?? '',
    subjectId: subjectKey ?? '',
    recipient,
    purposes: purposes.length ? purposes : [...CONSENT_PURPOSES],
    categories,
    model,
    state,
    history: [],
  };
  // A time written without an offset is the wall-clock time of the source's zone, as for appointments.
  const at = (value: string | undefined) => instantIn(value, ctx.timeZone);
  // When the decision was made is the Consent's own date. The server's last update (any later
  // change, a migration) and the period the consent applies in are not that time, so a recorded
  // decision without one is not shown with a time nobody recorded.
  const since = at(version === 'R4' ? resource.dateTime : resource.date);
  if (!since && state !== 'not-recorded') {
    const element = version === 'R4' ? 'Consent.dateTime' : 'Consent.date';
    leaveOut(resource, element, 'the consent records a decision but not when it was made; the time of the server\u2019s last update is no time of decision', `set ${element} to when the decision was made`, 'refused');
  }
  if (since) directive.since = since;
  const validFrom = dateOf(scope?.period?.start);
  const validUntil = endDateOf(scope?.period?.end);
  if (validFrom) directive.validFrom = validFrom;
  if (validUntil) directive.validUntil = validUntil;
  const method = (findExtension(resource, EXTENSIONS.consentMethod)?.valueCode as ConsentMethod | undefined) ?? (resource.sourceAttachment ? 'written' : undefined);
  if (method) directive.method = method;
  const decidedBy = deciderFrom((version === 'R4' ? resource.performer : resource.grantor)?.[0], subjectKey, resource, ctx);
  if (decidedBy) directive.decidedBy = decidedBy;
  const verifiedBy = version === 'R5' ? resource.verification?.[0]?.verifiedBy : undefined;
  if (verifiedBy) {
    const recordedBy: Actor = { name: index.nameOf(verifiedBy, resource) ?? 'Unknown person' };
    const id = index.key(verifiedBy, resource);
    if (id) recordedBy.id = id;
    directive.recordedBy = recordedBy;
  }
  if (legalBasis) directive.legalBasis = legalBasis;
  const meta = metaOf(resource);
  if (meta) directive.meta = meta;
  withExtras(directive, resource);
  (directive as ConsentDirective & { fhir?: unknown }).fhir = { ...keep(version, resource), exceptions };
  return directive;
};

const readOrUndefined = (resource: F.Consent, options: FhirMappingOptions): ConsentDirective | undefined => {
  try {
    return consentFromFhir(resource, options);
  } catch {
    return undefined;
  }
};

/** The decision a Consent shows for its recipient (after exceptions), or `undefined` when it is not shown as a sharing choice. */
const shownDecision = (resource: F.Consent, options: FhirMappingOptions): Decision | undefined => {
  try {
    const read = consentFromFhir(resource, options);
    return read.state === 'granted' ? 'permit' : read.state === 'refused' ? 'deny' : undefined;
  } catch {
    return undefined;
  }
};

// ---------------------------------------------------------------- writing

const RELATIVE_REF = /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/;

/** A reference to something the contract knows by id: the server resource, or an identifier in the member-id system. */
export const referenceById = (id: string | undefined, display: string | undefined, type?: string): F.Reference => {
  const reference: F.Reference = {};
  if (id && (RELATIVE_REF.test(id) || /^(https?|urn):/.test(id))) reference.reference = id;
  else if (id) reference.identifier = { system: CODE_SYSTEMS.memberId, value: id };
  if (type && !reference.reference) reference.type = type;
  if (display) reference.display = display;
  return reference;
};

const RECIPIENT_TYPE = { organisation: 'Organization', team: 'CareTeam', person: 'Practitioner' } as const;

const purposeCodings = (purposes: readonly ConsentPurpose[]): F.Coding[] =>
  purposes.map((p) => (ACT_REASON_BY_PURPOSE[p] ? { system: V3_ACT_REASON, code: ACT_REASON_BY_PURPOSE[p] } : { system: CODE_SYSTEMS.purpose, code: p }));

const modelConcept = (model: ConsentModel, legalBasis: string | undefined): F.CodeableConcept =>
  compact({ coding: [{ system: V3_ACT_CODE, code: model === 'opt-in' ? 'OPTIN' : 'OPTOUT' }], text: legalBasis });

/**
 * Writes a consent directive as a FHIR Consent. Withdrawal sets `status: inactive` and leaves the
 * provisions as they were (never an active Consent with a flipped policy). Refusing removes the
 * nested exceptions that would permit sharing under the refusal.
 */
export const consentToFhir = (directive: ConsentDirective, options: FhirMappingOptions): F.Consent => {
  const ctx = contextOf(options);
  const { version } = ctx;
  const base = keptResource<F.Consent>(directive, version, 'Consent');
  const before = base ? readOrUndefined(base, options) : undefined;
  const out: F.Consent =
    base ??
    (version === 'R4'
      ? {
          resourceType: 'Consent',
          id: directive.id,
          status: 'proposed',
          scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
          category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
          provision: { type: 'permit' },
        }
      : {
          resourceType: 'Consent',
          id: directive.id,
          status: 'draft',
          category: [{ coding: [{ system: V3_ACT_CODE, code: 'INFA' }] }],
          decision: 'deny',
          provision: [{}],
        });
  if (!out.id) out.id = directive.id;
  const differs = (field: keyof ConsentDirective) => !before || !jsonEqual(before[field], directive[field]);

  const scope = (): F.ConsentProvision => {
    if (version === 'R4') return (out.provision ??= { type: effectiveDecision(out, version) }) as F.ConsentProvision;
    if (!Array.isArray(out.provision) || !out.provision.length) {
      // A provision turns the decision into its exception: keep the effective decision the same.
      const current = effectiveDecision(out, version);
      out.provision = [{}];
      out.decision = negate(current);
    }
    return out.provision[0];
  };

  if (differs('subjectId')) {
    const reference = referenceById(directive.subjectId, undefined, 'Patient');
    if (version === 'R4') out.patient = reference;
    else out.subject = reference;
  }
  if (differs('state')) {
    const status =
      directive.state === 'granted' || directive.state === 'refused'
        ? 'active'
        : directive.state === 'withdrawn'
          ? 'inactive'
          : version === 'R4'
            ? 'proposed'
            : 'draft';
    out.status = status;
    const wanted: Decision | undefined = directive.state === 'granted' ? 'permit' : directive.state === 'refused' ? 'deny' : undefined;
    if (wanted && wanted !== (shownDecision(out, options) ?? effectiveDecision(out, version))) {
      const provision = scope();
      if (wanted !== effectiveDecision(out, version)) {
        if (version === 'R4') provision.type = wanted;
        else out.decision = negate(wanted);
      }
      if (wanted === 'deny') {
        // Under a refusal nothing is shared: drop nested exceptions that would permit something.
        const kept = (provision.provision ?? []).filter((p) => version === 'R4' && p.type === 'deny');
        put(provision, 'provision', kept);
      }
    }
  }
  if (differs('recipient')) {
    const provision = scope();
    const reference = referenceById(directive.recipient.id, directive.recipient.name, RECIPIENT_TYPE[directive.recipient.kind]);
    const actors = provision.actor ?? [];
    const index = actors.findIndex((a) => codingsOf(a.role).some((c) => RECIPIENT_ROLES.has(c.code ?? '')));
    const actor: F.ConsentActor = { role: { coding: [{ system: V3_PARTICIPATION_TYPE, code: 'PRCP' }] }, reference };
    provision.actor = index === -1 ? [...actors, actor] : actors.map((a, i) => (i === index ? { ...a, reference } : a));
    if (version === 'R5') out.grantee = [reference];
  }
  if (differs('purposes')) put(scope(), 'purpose', purposeCodings(directive.purposes));
  if (differs('categories')) {
    const provision = scope();
    delete provision.class;
    delete provision.resourceType;
    delete provision.securityLabel;
    put(provision, 'code', directive.categories.map((c) => ({ coding: [{ system: CODE_SYSTEMS.category, code: c }] })));
  }
  if (differs('validFrom') || differs('validUntil')) {
    const provision = scope();
    const period = compact({ start: directive.validFrom, end: directive.validUntil });
    put(provision, 'period', period.start || period.end ? period : undefined);
  }
  if (differs('since')) {
    if (version === 'R4') put(out, 'dateTime', directive.since);
    else put(out, 'date', directive.since?.slice(0, 10));
  }
  if (differs('decidedBy')) {
    const decider = directive.decidedBy;
    const reference = decider
      ? referenceById(decider.relation === 'self' ? (decider.memberId ?? directive.subjectId) : decider.memberId, decider.name, decider.relation === 'self' ? 'Patient' : 'RelatedPerson')
      : undefined;
    put(out, version === 'R4' ? 'performer' : 'grantor', reference ? [reference] : undefined);
  }
  if (version === 'R5' && differs('recordedBy')) {
    const by = directive.recordedBy;
    const rest = (out.verification ?? []).slice(1);
    put(out, 'verification', by ? [{ ...(out.verification?.[0] ?? { verified: true }), verifiedBy: referenceById(by.id, by.name, 'Practitioner') }, ...rest] : rest);
  }
  if (differs('method')) {
    const derived = out.sourceAttachment ? 'written' : undefined;
    setExtension(out, EXTENSIONS.consentMethod, directive.method && directive.method !== derived ? { url: EXTENSIONS.consentMethod, valueCode: directive.method } : undefined);
  }
  if (differs('model') || differs('legalBasis')) {
    const concept = modelConcept(directive.model, directive.legalBasis);
    if (version === 'R4') out.policyRule = concept;
    else {
      const list = out.regulatoryBasis ?? [];
      const index = list.findIndex((c) => codingsOf(c).some((k) => k.system === V3_ACT_CODE && /^OPT(IN|OUT)/.test(k.code ?? '')));
      out.regulatoryBasis = index === -1 ? [concept, ...list.filter((c) => !c.text || c.text !== directive.legalBasis)] : list.map((c, i) => (i === index ? concept : c));
    }
  }

  withoutExtras(out);
  const again = consentFromFhir(out, options) as unknown as Record<string, unknown>;
  keepUnexpressed(directive, again, out);
  return out;
};
