import type { Actor } from '../../contract/common.js';
import type { MeetingOutcome, OutcomeAction, OutcomeConfirmation, OutcomePart, OutcomeQuestion } from '../../contract/meeting-outcome.js';
import { ACTION_EFFECTS, INFORMATION_CATEGORIES, type ActionEffect, type InformationCategory } from '../../contract/values.js';
import { CARE_NS } from './codes.js';
import { FhirResourceProblem } from './notes.js';
import type * as F from './types.js';

/**
 * A meeting's outcome as one FHIR Composition, R4 and R5. Why a Composition: the outcome is a
 * document of one meeting with one section per agenda part, attributed to its author and shared
 * (`status` preliminary → final), which is what a Composition is. Tasks agreed in the meeting are
 * Tasks (as the matrix's responsibilities are), contained and listed as section entries, with
 * `basedOn` naming the responsibility they propose or hand over. Confirmations and questions stay
 * in the same resource (extensions), because they are saved concurrently by many people and must
 * be checked against one version (If-Match) with the rest: split into Communications they could
 * not be merged as one entity. `Composition.attester` is not used for "I have read this": an
 * attester vouches for the content's accuracy, which a participant's confirmation does not.
 */

const sd = (name: string) => `${CARE_NS}/StructureDefinition/${name}`;
const cs = (name: string) => `${CARE_NS}/CodeSystem/${name}`;

/** Code systems and extensions of the outcome mapping (docs/fhir.md). */
export const OUTCOME_FHIR = {
  /** `Composition.type`: a meeting outcome. */
  compositionKind: cs('composition-kind'),
  /** `Composition.section.code`: the agenda item a part records (the item id as code). */
  agendaItem: cs('agenda-item'),
  /** `Composition.section` and `Task` identifiers: the contract ids of parts, decisions and tasks. */
  partId: cs('outcome-part-id'),
  actionId: cs('outcome-action-id'),
  /** `Task.code`: what a task does in the matrix (`new-responsibility`, `hand-over`). */
  actionEffect: cs('action-effect'),
  /** `Composition.section.extension`: the information categories a part holds (`valueCode`). */
  category: cs('information-category'),
  /** The meeting (`valueReference` Appointment), and the occurrence of a series (`valueDateTime`). */
  meeting: sd('outcome-meeting'),
  occurrence: sd('outcome-occurrence'),
  /** On a section: `withheld` (`valueBoolean`), a decision (`id`, `text`), the information categories. */
  withheld: sd('outcome-withheld'),
  decision: sd('outcome-decision'),
  categories: sd('outcome-categories'),
  /** On the Composition, repeated: a confirmation (`member`, `at`) and a question (`id`, `member`, `at`, `part`, `text`, `answer`, `answeredAt`, `answeredBy`). */
  confirmation: sd('outcome-confirmation'),
  question: sd('outcome-question'),
} as const;

export interface CompositionSection extends F.Element {
  title?: string;
  code?: F.CodeableConcept;
  text?: { status: string; div: string };
  entry?: F.Reference[];
}

export interface Composition extends F.Resource {
  resourceType: 'Composition';
  status?: string;
  type?: F.CodeableConcept;
  /** R4: one Reference; R5: a list. */
  subject?: F.Reference | F.Reference[];
  date?: string;
  author?: F.Reference[];
  title?: string;
  section?: CompositionSection[];
}

export interface OutcomeFhirOptions {
  version: F.FhirVersion;
  /** The person's Patient reference (`Patient/…`), written as the subject. */
  patient?: string;
  /** The Composition's date for a draft (not shared yet); defaults to now. */
  now?: string;
}

const OUTCOME_TYPE: F.CodeableConcept = { coding: [{ system: OUTCOME_FHIR.compositionKind, code: 'meeting-outcome', display: 'Meeting outcome' }], text: 'Meeting outcome' };

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** The notes as XHTML narrative: the text, escaped, line breaks kept. */
const narrative = (notes: string) => ({ status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>${escapeXml(notes).replace(/\n/g, '<br/>')}</p></div>` });
const notesFrom = (div: string | undefined): string => {
  const inner = /^<div[^>]*><p>([\s\S]*)<\/p><\/div>$/.exec(div ?? '')?.[1];
  return inner === undefined ? '' : unescapeXml(inner.replace(/<br\/>/g, '\n'));
};

const memberRef = (memberId: string, name?: string): F.Reference => ({ identifier: { system: `${CARE_NS}/CodeSystem/member-id`, value: memberId }, ...(name ? { display: name } : {}) });
const memberOf = (reference: F.Reference | undefined): string | undefined =>
  reference?.identifier?.system === `${CARE_NS}/CodeSystem/member-id` ? reference.identifier.value : /\/([A-Za-z0-9\-.]{1,64})$/.exec(reference?.reference ?? '')?.[1];
const actorRef = (actor: Actor): F.Reference => (actor.id ? memberRef(actor.id, actor.name) : { display: actor.name });
const actorOf = (reference: F.Reference | undefined, organisation?: string): Actor | undefined => {
  if (!reference?.display) return undefined;
  const id = memberOf(reference);
  return { ...(id ? { id } : {}), name: reference.display, ...(organisation ? { organisationId: organisation } : {}) };
};

const sub = (url: string, value: Partial<F.Extension>): F.Extension => ({ url, ...value });
const part = (ext: F.Extension | undefined, name: string) => ext?.extension?.find((e) => e.url === name);

const taskFor = (action: OutcomeAction, patient: string | undefined): F.Task => {
  const task: F.Task = {
    resourceType: 'Task',
    id: action.id,
    identifier: [{ system: OUTCOME_FHIR.actionId, value: action.id }],
    status: 'requested',
    intent: 'plan',
    description: action.text,
    owner: memberRef(action.ownerId),
    restriction: { period: { end: action.due } },
  };
  if (patient) task.for = { reference: patient };
  if (action.effect) task.code = { coding: [{ system: OUTCOME_FHIR.actionEffect, code: action.effect }] };
  if (action.responsibilityId) task.basedOn = [{ reference: `Task/${action.responsibilityId}` }];
  return task;
};

const actionFrom = (task: F.Task, at: string, id: string): OutcomeAction => {
  const ownerId = memberOf(task.owner);
  const due = task.restriction?.period?.end?.slice(0, 10);
  if (!task.description || !ownerId || !due) {
    throw new FhirResourceProblem({ kind: 'refused', resourceType: 'Composition', id, path: at, message: 'a task agreed in the meeting needs its description, owner and due date (restriction.period.end).' });
  }
  const action: OutcomeAction = { id: (task.identifier as F.Identifier[] | undefined)?.find((i) => i.system === OUTCOME_FHIR.actionId)?.value ?? task.id ?? 'action', text: task.description, ownerId, due };
  const effect = task.code?.coding?.find((c) => c.system === OUTCOME_FHIR.actionEffect)?.code;
  const responsibility = /^(?:.*\/)?Task\/([A-Za-z0-9\-.]{1,64})$/.exec(task.basedOn?.[0]?.reference ?? '')?.[1];
  if (effect && (ACTION_EFFECTS as readonly string[]).includes(effect) && responsibility) Object.assign(action, { effect: effect as ActionEffect, responsibilityId: responsibility });
  return action;
};

const sectionFor = (p: OutcomePart, patient: string | undefined, contained: F.Resource[]): CompositionSection => {
  const extension: F.Extension[] = [sub(OUTCOME_FHIR.partId, { valueString: p.id })];
  if (p.withheld) extension.push(sub(OUTCOME_FHIR.withheld, { valueBoolean: true }));
  for (const c of p.categories) extension.push(sub(OUTCOME_FHIR.categories, { valueCode: c }));
  for (const d of p.decisions) extension.push(sub(OUTCOME_FHIR.decision, { extension: [sub('id', { valueString: d.id }), sub('text', { valueString: d.text })] }));
  const section: CompositionSection = { extension };
  if (p.title) section.title = p.title;
  if (p.agendaItemId) section.code = { coding: [{ system: OUTCOME_FHIR.agendaItem, code: p.agendaItemId }] };
  if (p.notes) section.text = narrative(p.notes);
  if (p.actions.length) {
    section.entry = p.actions.map((a) => {
      const task = taskFor(a, patient);
      contained.push(task);
      return { reference: `#${task.id}` };
    });
  }
  return section;
};

const confirmationExtension = (c: OutcomeConfirmation): F.Extension =>
  sub(OUTCOME_FHIR.confirmation, { extension: [sub('member', { valueReference: memberRef(c.memberId, c.name) }), sub('at', { valueDateTime: c.at })] });

const questionExtension = (q: OutcomeQuestion): F.Extension => {
  const parts: F.Extension[] = [sub('id', { valueString: q.id }), sub('member', { valueReference: memberRef(q.memberId, q.name) }), sub('at', { valueDateTime: q.at })];
  if (q.partId) parts.push(sub('part', { valueString: q.partId }));
  parts.push(sub('text', { valueString: q.text }));
  if (q.answer) parts.push(sub('answer', { valueString: q.answer }));
  if (q.answeredAt) parts.push(sub('answeredAt', { valueDateTime: q.answeredAt }));
  if (q.answeredBy) parts.push(sub('answeredBy', { valueReference: actorRef(q.answeredBy) }));
  if (q.answeredBy?.organisationId) parts.push(sub('answeredFor', { valueReference: { reference: `Organization/${q.answeredBy.organisationId}` } }));
  return sub(OUTCOME_FHIR.question, { extension: parts });
};

/** The outcome as a Composition (R4 or R5), with its tasks contained. */
export const meetingOutcomeToFhir = (outcome: MeetingOutcome, options: OutcomeFhirOptions): Composition => {
  const contained: F.Resource[] = [];
  const extension: F.Extension[] = [sub(OUTCOME_FHIR.meeting, { valueReference: { reference: `Appointment/${outcome.meetingId}` } })];
  if (outcome.occurrenceStart) extension.push(sub(OUTCOME_FHIR.occurrence, { valueDateTime: outcome.occurrenceStart }));
  extension.push(...outcome.confirmations.map(confirmationExtension), ...outcome.questions.map(questionExtension));
  const sections = outcome.parts.map((p) => sectionFor(p, options.patient, contained));
  const subject = options.patient ? { reference: options.patient } : undefined;
  const composition: Composition = {
    resourceType: 'Composition',
    id: outcome.id,
    ...(outcome.meta?.version ? { meta: { versionId: outcome.meta.version } } : {}),
    ...(contained.length ? { contained } : {}),
    extension,
    status: outcome.status === 'shared' ? 'final' : 'preliminary',
    type: structuredClone(OUTCOME_TYPE),
    ...(subject ? { subject: options.version === 'R5' ? [subject] : subject } : {}),
    date: outcome.sharedAt ?? options.now ?? new Date().toISOString(),
    author: [outcome.recordedBy ? actorRef(outcome.recordedBy) : { display: 'Unknown' }],
    title: 'Meeting outcome',
    section: sections,
  };
  if (outcome.recordedBy?.organisationId) composition.author!.push({ reference: `Organization/${outcome.recordedBy.organisationId}` });
  if (outcome.teamId) extension.push(sub(`${CARE_NS}/StructureDefinition/outcome-team`, { valueReference: { reference: `CareTeam/${outcome.teamId}` } }));
  return composition;
};

/** Whether a Composition is a meeting outcome (others are left on the server). */
export const isMeetingOutcome = (resource: F.Resource): resource is Composition =>
  resource.resourceType === 'Composition' && Boolean((resource as Composition).type?.coding?.some((c) => c.system === OUTCOME_FHIR.compositionKind && c.code === 'meeting-outcome'));

/** The outcome a Composition (R4 or R5) describes; a Composition that is no meeting outcome, or lacks its meeting, is refused with the reason. */
export const meetingOutcomeFromFhir = (composition: Composition): MeetingOutcome => {
  const id = composition.id ?? '';
  const refuse = (path: string, message: string) => new FhirResourceProblem({ kind: 'refused', resourceType: 'Composition', id, path, message });
  if (!isMeetingOutcome(composition)) throw refuse('Composition.type', 'this Composition is not a meeting outcome.');
  const ext = composition.extension ?? [];
  const meetingId = /Appointment\/([A-Za-z0-9\-.]{1,64})$/.exec(ext.find((e) => e.url === OUTCOME_FHIR.meeting)?.valueReference?.reference ?? '')?.[1];
  if (!meetingId) throw refuse('Composition.extension:outcome-meeting', 'the outcome names no meeting (an Appointment).');
  const contained = composition.contained ?? [];
  const parts = (composition.section ?? []).map((section, s): OutcomePart => {
    const sectionExt = section.extension ?? [];
    const partId = sectionExt.find((e) => e.url === OUTCOME_FHIR.partId)?.valueString ?? `part-${s + 1}`;
    const agendaItemId = section.code?.coding?.find((c) => c.system === OUTCOME_FHIR.agendaItem)?.code;
    const categories = sectionExt
      .filter((e) => e.url === OUTCOME_FHIR.categories)
      .map((e) => e.valueCode)
      .filter((c): c is InformationCategory => (INFORMATION_CATEGORIES as readonly unknown[]).includes(c));
    const decisions = sectionExt
      .filter((e) => e.url === OUTCOME_FHIR.decision)
      .map((e, d) => ({ id: part(e, 'id')?.valueString ?? `decision-${d + 1}`, text: part(e, 'text')?.valueString ?? '' }))
      .filter((d) => d.text);
    const actions = (section.entry ?? []).flatMap((entry, a) => {
      const task = contained.find((r) => r.resourceType === 'Task' && `#${r.id}` === entry.reference) as F.Task | undefined;
      return task ? [actionFrom(task, `Composition.section[${s}].entry[${a}]`, id)] : [];
    });
    const p: OutcomePart = { id: partId, notes: notesFrom(section.text?.div), decisions, actions, categories };
    if (agendaItemId) p.agendaItemId = agendaItemId;
    if (section.title) p.title = section.title;
    if (sectionExt.some((e) => e.url === OUTCOME_FHIR.withheld && e.valueBoolean)) p.withheld = true;
    return p;
  });
  const confirmations = ext
    .filter((e) => e.url === OUTCOME_FHIR.confirmation)
    .flatMap((e): OutcomeConfirmation[] => {
      const member = part(e, 'member')?.valueReference;
      const memberId = memberOf(member);
      const at = part(e, 'at')?.valueDateTime;
      return memberId && at ? [{ memberId, name: member?.display ?? memberId, at }] : [];
    });
  const questions = ext
    .filter((e) => e.url === OUTCOME_FHIR.question)
    .flatMap((e): OutcomeQuestion[] => {
      const member = part(e, 'member')?.valueReference;
      const memberId = memberOf(member);
      const qid = part(e, 'id')?.valueString;
      const at = part(e, 'at')?.valueDateTime;
      const text = part(e, 'text')?.valueString;
      if (!memberId || !qid || !at || !text) return [];
      const q: OutcomeQuestion = { id: qid, memberId, name: member?.display ?? memberId, at, text };
      const partId = part(e, 'part')?.valueString;
      if (partId) q.partId = partId;
      const answer = part(e, 'answer')?.valueString;
      if (answer) q.answer = answer;
      const answeredAt = part(e, 'answeredAt')?.valueDateTime;
      if (answeredAt) q.answeredAt = answeredAt;
      const answeredFor = /Organization\/([A-Za-z0-9\-.]{1,64})$/.exec(part(e, 'answeredFor')?.valueReference?.reference ?? '')?.[1];
      const answeredBy = actorOf(part(e, 'answeredBy')?.valueReference, answeredFor);
      if (answeredBy) q.answeredBy = answeredBy;
      return [q];
    });
  const shared = composition.status === 'final' || composition.status === 'amended';
  const author = composition.author?.[0];
  const organisation = /Organization\/([A-Za-z0-9\-.]{1,64})$/.exec(composition.author?.find((a) => a.reference?.startsWith('Organization/'))?.reference ?? '')?.[1];
  const outcome: MeetingOutcome = { id, meetingId, status: shared ? 'shared' : 'draft', parts, confirmations, questions };
  const teamId = /CareTeam\/([A-Za-z0-9\-.]{1,64})$/.exec(ext.find((e) => e.url === `${CARE_NS}/StructureDefinition/outcome-team`)?.valueReference?.reference ?? '')?.[1];
  if (teamId) outcome.teamId = teamId;
  const occurrence = ext.find((e) => e.url === OUTCOME_FHIR.occurrence)?.valueDateTime;
  if (occurrence) outcome.occurrenceStart = occurrence;
  const recordedBy = author?.display && author.display !== 'Unknown' ? actorOf(author, organisation) : undefined;
  if (recordedBy) outcome.recordedBy = recordedBy;
  if (shared && composition.date) outcome.sharedAt = composition.date;
  if (composition.meta?.versionId) outcome.meta = { version: composition.meta.versionId };
  return outcome;
};
