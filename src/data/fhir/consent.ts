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
import type * as F from './types.js';
import { codingsOf, compact, dateOf, findExtension, instantOf, put, setExtension } from './util.js';

export const UNKNOWN_RECIPIENT = 'Unknown recipient';

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
};

const RECIPIENT_ROLES = new Set(['PRCP', 'IRCP']);

/** The provision that carries the recipient, purposes, period and categories (R4: the provision; R5: the first). */
const scopeOf = (resource: F.Consent): F.ConsentProvision | undefined =>
  Array.isArray(resource.provision) ? resource.provision[0] : resource.provision;

/** Whether sharing is permitted within the scope provision. R5 provisions negate the level above. */
const effectiveDecision = (resource: F.Consent, version: F.FhirVersion): Decision => {
  const scope = scopeOf(resource);
  if (version === 'R4') return scope?.type ?? 'permit';
  const base = resource.decision ?? 'permit';
  return scope ? negate(base) : base;
};

const categoriesIn = (provision: F.ConsentProvision | undefined): InformationCategory[] => {
  const found = new Set<InformationCategory>();
  for (const coding of codingsOf(provision?.code)) {
    if (coding.system === CODE_SYSTEMS.category && (INFORMATION_CATEGORIES as readonly string[]).includes(coding.code ?? '')) found.add(coding.code as InformationCategory);
  }
  for (const coding of [...(provision?.class ?? []), ...(provision?.resourceType ?? [])]) {
    if (coding.system === RESOURCE_TYPES || !coding.system) {
      const category = CATEGORY_BY_RESOURCE_TYPE[coding.code ?? ''];
      if (category) found.add(category);
    }
  }
  for (const label of provision?.securityLabel ?? []) {
    const category = CATEGORY_BY_SECURITY_LABEL[label.code ?? ''];
    if (category) found.add(category);
  }
  return INFORMATION_CATEGORIES.filter((c) => found.has(c));
};

const purposesIn = (provision: F.ConsentProvision | undefined): ConsentPurpose[] => {
  const found = new Set<ConsentPurpose>();
  for (const coding of provision?.purpose ?? []) {
    if (coding.system === V3_ACT_REASON && PURPOSE_BY_ACT_REASON[coding.code ?? '']) found.add(PURPOSE_BY_ACT_REASON[coding.code!]);
    if (coding.system === CODE_SYSTEMS.purpose && (CONSENT_PURPOSES as readonly string[]).includes(coding.code ?? '')) found.add(coding.code as ConsentPurpose);
  }
  return CONSENT_PURPOSES.filter((p) => found.has(p));
};

/** Nested provisions one level below the scope, with the decision each one makes. */
const exceptionsOf = (resource: F.Consent, version: F.FhirVersion): Array<{ decision: Decision; provision: F.ConsentProvision }> => {
  const scope = scopeOf(resource);
  const parent = effectiveDecision(resource, version);
  return (scope?.provision ?? []).map((provision) => ({
    decision: version === 'R4' ? (provision.type ?? parent) : negate(parent),
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

const recipientFrom = (resource: F.Consent, ctx: MappingContext): Recipient => {
  const scope = scopeOf(resource);
  const actors = scope?.actor ?? [];
  const reference =
    actors.find((a) => codingsOf(a.role).some((c) => RECIPIENT_ROLES.has(c.code ?? '')))?.reference ??
    (ctx.version === 'R5' ? resource.grantee?.[0] : undefined) ??
    actors.find((a) => !codingsOf(a.role).some((c) => c.code === 'CST'))?.reference ??
    actors[0]?.reference ??
    (ctx.version === 'R4' ? (resource.organization as F.Reference[] | undefined)?.[0] : (resource.controller as F.Reference[] | undefined)?.[0]);
  if (!reference) return { kind: 'organisation', name: UNKNOWN_RECIPIENT };
  const type = ctx.index.typeOf(reference, resource);
  const recipient: Recipient = {
    kind: type === 'Organization' ? 'organisation' : type === 'CareTeam' || type === 'Group' ? 'team' : 'person',
    name: ctx.index.nameOf(reference, resource) ?? UNKNOWN_RECIPIENT,
  };
  const id = ctx.index.key(reference, resource);
  if (id) recipient.id = id;
  return recipient;
};

const deciderFrom = (reference: F.Reference | undefined, subjectKey: string | undefined, resource: F.Consent, ctx: MappingContext): Decider | undefined => {
  if (!reference) return undefined;
  const key = ctx.index.key(reference, resource);
  const type = ctx.index.typeOf(reference, resource);
  if (key !== subjectKey && type !== 'RelatedPerson' && type !== 'Patient') return undefined;
  const related = ctx.index.resolve<F.RelatedPerson>(reference, resource);
  const roleCode = codingsOf(related?.relationship).find((c) => c.system === V3_ROLE_CODE && RELATION_BY_ROLE_CODE[c.code ?? '']);
  const decider: Decider = {
    name: ctx.index.nameOf(reference, resource) ?? (key === subjectKey ? (ctx.index.nameOf(subjectRef(resource, ctx.version), resource) ?? 'The person') : 'Unknown person'),
    relation: key === subjectKey ? 'self' : roleCode ? RELATION_BY_ROLE_CODE[roleCode.code!] : 'legal-representative',
  };
  if (key) decider.memberId = key;
  return decider;
};

const subjectRef = (resource: F.Consent, version: F.FhirVersion) => (version === 'R4' ? resource.patient : resource.subject);

/** Reads one Consent. Nested provisions are understood: a nested deny for a category takes that category out of what is shared. */
export const consentFromFhir = (resource: F.Consent, options: FhirMappingOptions): ConsentDirective => {
  const ctx = contextOf(options);
  const { version, index } = ctx;
  const scope = scopeOf(resource);
  const decision = effectiveDecision(resource, version);
  const subjectKey = index.key(subjectRef(resource, version), resource);

  let categories = categoriesIn(scope);
  if (!categories.length) categories = [...INFORMATION_CATEGORIES];
  const exceptions = exceptionsOf(resource, version).map(({ decision: nested, provision }) => ({
    decision: nested,
    categories: categoriesIn(provision),
    purposes: purposesIn(provision),
    actors: (provision.actor ?? []).map((a) => index.nameOf(a.reference, resource) ?? index.key(a.reference, resource) ?? UNKNOWN_RECIPIENT),
    period: provision.period ? compact({ start: dateOf(provision.period.start), end: dateOf(provision.period.end) }) : undefined,
  }));
  if (decision === 'permit') {
    for (const exception of exceptions) {
      if (exception.decision !== 'deny' || !exception.categories.length || exception.actors.length || exception.purposes.length) continue;
      const narrowed = categories.filter((c) => !exception.categories.includes(c));
      if (narrowed.length) categories = narrowed;
    }
  }
  const purposes = purposesIn(scope);
  const { model, legalBasis } = modelFrom(version === 'R4' ? (resource.policyRule ? [resource.policyRule] : []) : (resource.regulatoryBasis ?? []));
  const state = stateFrom(resource.status, decision);

  const directive: ConsentDirective = {
    id: resource.id ?? '',
    subjectId: subjectKey ?? '',
    recipient: recipientFrom(resource, ctx),
    purposes: purposes.length ? purposes : [...CONSENT_PURPOSES],
    categories,
    model,
    state,
    history: [],
  };
  const since = instantOf(version === 'R4' ? resource.dateTime : resource.date) ?? (state !== 'not-recorded' ? (instantOf(resource.meta?.lastUpdated) ?? instantOf(scope?.period?.start)) : undefined);
  if (since) directive.since = since;
  const validFrom = dateOf(scope?.period?.start);
  const validUntil = dateOf(scope?.period?.end);
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
  const before = base ? consentFromFhir(base, options) : undefined;
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
      : { resourceType: 'Consent', id: directive.id, status: 'draft', decision: 'deny', provision: [{}] });
  if (!out.id) out.id = directive.id;
  const differs = (field: keyof ConsentDirective) => !before || JSON.stringify(before[field]) !== JSON.stringify(directive[field]);

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
    if (wanted && wanted !== effectiveDecision(out, version)) {
      const provision = scope();
      if (version === 'R4') provision.type = wanted;
      else out.decision = negate(wanted);
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
