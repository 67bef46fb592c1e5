import type { Actor } from '../../contract/common.js';
import type { MeetingOutcome, OutcomeAction, OutcomeConfirmation, OutcomePart, OutcomeQuestion } from '../../contract/meeting-outcome.js';
import { ACTION_EFFECTS, INFORMATION_CATEGORIES, type ActionEffect, type InformationCategory } from '../../contract/values.js';
import { CARE_NS } from './codes.js';
import { referenceById } from './consent.js';
import { contextOf, keep, keepUnexpressed, keptResource, withExtras, withoutExtras, type FhirMappingOptions, type MappingContext } from './context.js';
import { FhirResourceProblem } from './notes.js';
import type * as F from './types.js';
import { clone, instantIn, jsonEqual, put, setExtension, setExtensions } from './util.js';

/**
 * A meeting's outcome in FHIR, R4 and R5 (docs/fhir.md). The outcome itself is one Composition:
 * a document of one meeting with one section per agenda part, attributed to its author and shared
 * (`status` preliminary → final). Tasks agreed in the meeting are Tasks (as the matrix's
 * responsibilities are), contained and listed as section entries, with `basedOn` naming the
 * responsibility they propose or hand over. What participants send back is a Communication each,
 * about the Composition and addressed to the coordinator: a question (its answer is the
 * coordinator's Communication `inResponseTo` it) and "I have read this". One resource per message
 * means two people answering at once never write the same resource, and another FHIR client sees
 * a question where it looks for messages. `Composition.attester` is not used for "I have read
 * this": an attester vouches for the content's accuracy, which a participant's confirmation does not.
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
  /** `Communication.identifier`: the contract id of a question. */
  questionId: cs('outcome-question-id'),
  /** `Task.code`: what a task does in the matrix (`new-responsibility`, `hand-over`). */
  actionEffect: cs('action-effect'),
  /** `Communication.category`: `read` ("I have read this"), `question`, `answer`. */
  message: cs('outcome-message'),
  /** `Composition.section.extension`: the information categories a part holds (`valueCode`). */
  category: cs('information-category'),
  /** The meeting (`valueReference` Appointment), the occurrence of a series (`valueDateTime`), the team (`valueReference` CareTeam). */
  meeting: sd('outcome-meeting'),
  occurrence: sd('outcome-occurrence'),
  team: sd('outcome-team'),
  /** On a section: `withheld` (`valueBoolean`), a decision (`id`, `text`), the information categories. */
  withheld: sd('outcome-withheld'),
  decision: sd('outcome-decision'),
  categories: sd('outcome-categories'),
  /** On a question's Communication: the part it is about (`valueString`, the part id). */
  part: sd('outcome-part'),
  /** On an answer's Communication: the organisation the coordinator answered for (`valueReference`). */
  onBehalfOf: sd('on-behalf-of'),
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

export interface OutcomeFhirOptions extends FhirMappingOptions {
  /** The Composition's date for a draft (not shared yet); defaults to now. */
  now?: string;
}

export interface OutcomeMessageOptions extends FhirMappingOptions {
  /** Whom questions and confirmations go to: the team's coordinator (else the outcome's author). */
  coordinator?: { id: string; name?: string };
  /** The Communications read before, by id: each is written over its own, so what the mapping does not know stays. */
  existing?: readonly F.Communication[];
}

const OUTCOME_TYPE: F.CodeableConcept = { coding: [{ system: OUTCOME_FHIR.compositionKind, code: 'meeting-outcome', display: 'Meeting outcome' }], text: 'Meeting outcome' };
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** The notes as XHTML narrative: the text, escaped, line breaks kept. */
const narrative = (notes: string) => ({ status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>${escapeXml(notes).replace(/\n/g, '<br/>')}</p></div>` });
const notesFrom = (div: string | undefined): string => {
  const inner = /^<div[^>]*><p>([\s\S]*)<\/p><\/div>$/.exec(div ?? '')?.[1];
  return inner === undefined ? '' : unescapeXml(inner.replace(/<br\/>/g, '\n'));
};

const actorRef = (actor: Actor): F.Reference => (actor.id ? referenceById(actor.id, actor.name) : { display: actor.name });
const organisationOf = (reference: F.Reference | undefined) => /Organization\/([A-Za-z0-9\-.]{1,64})$/.exec(reference?.reference ?? '')?.[1];

const sub = (url: string, value: Partial<F.Extension>): F.Extension => ({ url, ...value });
const part = (ext: F.Extension | undefined, name: string) => ext?.extension?.find((e) => e.url === name);
const identifierIn = (resource: F.Resource, system: string) => (resource.identifier as F.Identifier[] | undefined)?.find((i) => i.system === system)?.value;

/** A FHIR id for a contract key: itself when FHIR allows it, else a safe form with a short hash so two keys stay apart. */
export const fhirIdFor = (key: string): string => {
  if (FHIR_ID.test(key)) return key;
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  const safe = key.replace(/[^A-Za-z0-9\-.]+/g, '-').replace(/^-+|-+$/g, '');
  return `${safe.slice(0, 55) || 'id'}.${hash.toString(16).padStart(8, '0')}`;
};

// ---------------------------------------------------------------- the Composition

const actionFrom = (task: F.Task, composition: Composition, ctx: MappingContext, at: string): OutcomeAction => {
  const ownerId = ctx.memberKey(task.owner, composition);
  const due = task.restriction?.period?.end?.slice(0, 10);
  if (!task.description || !ownerId || !due) {
    throw new FhirResourceProblem({ kind: 'refused', resourceType: 'Composition', id: composition.id ?? '', path: at, message: 'a task agreed in the meeting needs its description, owner and due date (restriction.period.end).' });
  }
  const action: OutcomeAction = { id: identifierIn(task, OUTCOME_FHIR.actionId) ?? task.id ?? 'action', text: task.description, ownerId, due };
  const effect = task.code?.coding?.find((c) => c.system === OUTCOME_FHIR.actionEffect)?.code;
  const responsibility = /^(?:.*\/)?Task\/([A-Za-z0-9\-.]{1,64})$/.exec(task.basedOn?.[0]?.reference ?? '')?.[1];
  if (effect && (ACTION_EFFECTS as readonly string[]).includes(effect) && responsibility) Object.assign(action, { effect: effect as ActionEffect, responsibilityId: responsibility });
  return action;
};

/** A task agreed in the meeting as a Task, written over the Task it was read from (what the mapping does not know stays). */
const taskFor = (action: OutcomeAction, containedId: string, ctx: MappingContext, base: F.Task | undefined): F.Task => {
  const task: F.Task = base ? clone(base) : { resourceType: 'Task', id: containedId, status: 'requested', intent: 'plan' };
  task.id = containedId;
  const others = ((task.identifier as F.Identifier[] | undefined) ?? []).filter((i) => i.system !== OUTCOME_FHIR.actionId);
  task.identifier = [{ system: OUTCOME_FHIR.actionId, value: action.id }, ...others];
  task.description = action.text;
  task.owner = referenceById(action.ownerId, ctx.memberName(action.ownerId));
  task.restriction = { ...(task.restriction ?? {}), period: { ...(task.restriction?.period ?? {}), end: action.due } };
  if (ctx.patient && !task.for) task.for = { reference: ctx.patient };
  put(task, 'code', action.effect ? { coding: [{ system: OUTCOME_FHIR.actionEffect, code: action.effect }] } : undefined);
  put(task, 'basedOn', action.responsibilityId ? [{ reference: `Task/${action.responsibilityId}` }, ...(task.basedOn ?? []).slice(1)] : undefined);
  return task;
};

const partFrom = (section: CompositionSection, s: number, composition: Composition, ctx: MappingContext): OutcomePart => {
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
    const task = composition.contained?.find((r) => r.resourceType === 'Task' && `#${r.id}` === entry.reference) as F.Task | undefined;
    return task ? [actionFrom(task, composition, ctx, `Composition.section[${s}].entry[${a}]`)] : [];
  });
  const p: OutcomePart = { id: partId, notes: notesFrom(section.text?.div), decisions, actions, categories };
  if (agendaItemId) p.agendaItemId = agendaItemId;
  if (section.title) p.title = section.title;
  if (sectionExt.some((e) => e.url === OUTCOME_FHIR.withheld && e.valueBoolean)) p.withheld = true;
  return p;
};

/** One part as a section, written over the section it was read from; its tasks go to `contained`. */
const sectionFor = (p: OutcomePart, base: CompositionSection | undefined, baseTasks: Map<string, F.Task>, ctx: MappingContext, contained: F.Resource[], taken: Set<string>): CompositionSection => {
  const section: CompositionSection = base ? clone(base) : {};
  setExtensions(section, OUTCOME_FHIR.partId, [sub(OUTCOME_FHIR.partId, { valueString: p.id })]);
  setExtensions(section, OUTCOME_FHIR.withheld, p.withheld ? [sub(OUTCOME_FHIR.withheld, { valueBoolean: true })] : []);
  setExtensions(section, OUTCOME_FHIR.categories, p.categories.map((c) => sub(OUTCOME_FHIR.categories, { valueCode: c })));
  setExtensions(section, OUTCOME_FHIR.decision, p.decisions.map((d) => sub(OUTCOME_FHIR.decision, { extension: [sub('id', { valueString: d.id }), sub('text', { valueString: d.text })] })));
  put(section, 'title', p.title);
  const otherCodes = section.code?.coding?.filter((c) => c.system !== OUTCOME_FHIR.agendaItem) ?? [];
  const codes = [...(p.agendaItemId ? [{ system: OUTCOME_FHIR.agendaItem, code: p.agendaItemId }] : []), ...otherCodes];
  put(section, 'code', codes.length ? { ...(section.code ?? {}), coding: codes } : undefined);
  put(section, 'text', p.notes ? narrative(p.notes) : undefined);
  const otherEntries = (section.entry ?? []).filter((e) => !e.reference?.startsWith('#') || !baseTasks.has(e.reference.slice(1)));
  const entries = p.actions.map((a) => {
    const old = [...baseTasks.values()].find((t) => identifierIn(t, OUTCOME_FHIR.actionId) === a.id);
    let id = old?.id ?? fhirIdFor(a.id);
    for (let n = 2; taken.has(id); n++) id = `${fhirIdFor(a.id).slice(0, 58)}-${n}`;
    taken.add(id);
    contained.push(taskFor(a, id, ctx, old));
    return { reference: `#${id}` };
  });
  put(section, 'entry', [...entries, ...otherEntries]);
  return section;
};

/** Whether a Composition is a meeting outcome (others are left on the server). */
export const isMeetingOutcome = (resource: F.Resource): resource is Composition =>
  resource.resourceType === 'Composition' && Boolean((resource as Composition).type?.coding?.some((c) => c.system === OUTCOME_FHIR.compositionKind && c.code === 'meeting-outcome'));

/** Composition statuses of an outcome that was shared (R5 adds corrected and appended), and of one that no longer stands. */
const SHARED = new Set(['final', 'amended', 'corrected', 'appended']);
const WITHDRAWN = new Set(['entered-in-error', 'cancelled', 'deprecated']);

const versionOf = (composition: Composition, options: Partial<FhirMappingOptions> | undefined): F.FhirVersion => options?.version ?? (Array.isArray(composition.subject) ? 'R5' : 'R4');

/**
 * The outcome a Composition (R4 or R5) describes, with the confirmations and questions its
 * Communications carry (`messages`; those about other resources are ignored). A Composition that
 * is no meeting outcome, or lacks its meeting, is refused with the reason.
 */
export const meetingOutcomeFromFhir = (composition: Composition, options?: Partial<FhirMappingOptions>, messages: readonly F.Communication[] = []): MeetingOutcome => {
  const version = versionOf(composition, options);
  const ctx = contextOf({ ...options, version });
  const id = composition.id ?? '';
  const refuse = (path: string, message: string) => new FhirResourceProblem({ kind: 'refused', resourceType: 'Composition', id, path, message });
  if (!isMeetingOutcome(composition)) throw refuse('Composition.type', 'this Composition is not a meeting outcome.');
  const ext = composition.extension ?? [];
  const meetingId = /Appointment\/([A-Za-z0-9\-.]{1,64})$/.exec(ext.find((e) => e.url === OUTCOME_FHIR.meeting)?.valueReference?.reference ?? '')?.[1];
  if (!meetingId) throw refuse('Composition.extension:outcome-meeting', 'the outcome names no meeting (an Appointment).');
  if (WITHDRAWN.has(composition.status ?? '')) {
    throw new FhirResourceProblem({ kind: 'left-on-server', resourceType: 'Composition', id, path: 'Composition.status', message: `this outcome is ${composition.status}, so it is not shown as a meeting outcome (nor as a draft to share).` });
  }
  const parts = (composition.section ?? []).map((section, s) => partFrom(section, s, composition, ctx));
  const shared = SHARED.has(composition.status ?? '');
  const author = composition.author?.[0];
  const organisation = organisationOf(composition.author?.find((a) => a.reference?.startsWith('Organization/')));
  const { confirmations, questions } = outcomeMessagesFromFhir(messages, id, ctx);
  const outcome: MeetingOutcome = { id, meetingId, status: shared ? 'shared' : 'draft', parts, confirmations, questions };
  const teamId = /CareTeam\/([A-Za-z0-9\-.]{1,64})$/.exec(ext.find((e) => e.url === OUTCOME_FHIR.team)?.valueReference?.reference ?? '')?.[1];
  if (teamId) outcome.teamId = teamId;
  const occurrence = instantIn(ext.find((e) => e.url === OUTCOME_FHIR.occurrence)?.valueDateTime, ctx.timeZone);
  if (occurrence) outcome.occurrenceStart = occurrence;
  if (author?.display && author.display !== 'Unknown') {
    const authorId = author.reference?.startsWith('Organization/') ? undefined : ctx.memberKey(author, composition);
    outcome.recordedBy = { ...(authorId ? { id: authorId } : {}), name: author.display, ...(organisation ? { organisationId: organisation } : {}) };
  }
  const sharedAt = instantIn(composition.date, ctx.timeZone);
  if (shared && sharedAt) outcome.sharedAt = sharedAt;
  if (composition.meta?.versionId) outcome.meta = { version: composition.meta.versionId };
  withExtras(outcome, composition);
  (outcome as MeetingOutcome & { fhir?: unknown }).fhir = keep(version, composition);
  return outcome;
};

/**
 * The outcome as a Composition (R4 or R5), with its tasks contained, written over the Composition
 * it was read from: what did not change is written as it was, elements and extensions the mapping
 * does not know stay, and contract fields FHIR has no element for travel in contract-extras.
 * Confirmations and questions are no part of it: `outcomeMessagesToFhir` writes them.
 */
export const meetingOutcomeToFhir = (outcome: MeetingOutcome, options: OutcomeFhirOptions): Composition => {
  const ctx = contextOf(options);
  const base = keptResource<Composition>(outcome, ctx.version, 'Composition');
  let before: MeetingOutcome | undefined;
  try {
    before = base ? meetingOutcomeFromFhir(base, options) : undefined;
  } catch {
    before = undefined;
  }
  const subject = ctx.patient ? { reference: ctx.patient } : undefined;
  const out: Composition = base ?? {
    resourceType: 'Composition',
    id: outcome.id,
    status: 'preliminary',
    type: clone(OUTCOME_TYPE),
    ...(subject ? { subject: ctx.version === 'R5' ? [subject] : subject } : {}),
    date: '',
    author: [],
    title: 'Meeting outcome',
  };
  if (!out.id) out.id = outcome.id;
  if (!isMeetingOutcome(out as F.Resource)) out.type = clone(OUTCOME_TYPE);
  if (!base && outcome.meta?.version) out.meta = { versionId: outcome.meta.version };
  const differs = (...fields: Array<keyof MeetingOutcome>) => !before || fields.some((f) => !jsonEqual(before![f], outcome[f]));

  if (differs('status')) out.status = outcome.status === 'shared' ? 'final' : 'preliminary';
  if (differs('status', 'sharedAt')) out.date = outcome.sharedAt ?? options.now ?? new Date().toISOString();
  if (differs('recordedBy')) {
    const others = (out.author ?? []).slice(1).filter((a) => !a.reference?.startsWith('Organization/'));
    out.author = [
      outcome.recordedBy ? actorRef(outcome.recordedBy) : { display: 'Unknown' },
      ...(outcome.recordedBy?.organisationId ? [{ reference: `Organization/${outcome.recordedBy.organisationId}` }] : []),
      ...others,
    ];
  }
  if (differs('meetingId')) setExtension(out, OUTCOME_FHIR.meeting, sub(OUTCOME_FHIR.meeting, { valueReference: { reference: `Appointment/${outcome.meetingId}` } }));
  if (differs('occurrenceStart')) setExtension(out, OUTCOME_FHIR.occurrence, outcome.occurrenceStart ? sub(OUTCOME_FHIR.occurrence, { valueDateTime: outcome.occurrenceStart }) : undefined);
  if (differs('teamId')) setExtension(out, OUTCOME_FHIR.team, outcome.teamId ? sub(OUTCOME_FHIR.team, { valueReference: { reference: `CareTeam/${outcome.teamId}` } }) : undefined);

  if (differs('parts')) {
    const sections = out.section ?? [];
    const partIdOf = (section: CompositionSection) => section.extension?.find((e) => e.url === OUTCOME_FHIR.partId)?.valueString;
    const taskIds = new Set(sections.flatMap((s) => (s.entry ?? []).flatMap((e) => (e.reference?.startsWith('#') ? [e.reference.slice(1)] : []))));
    const ours = (out.contained ?? []).filter((r) => r.resourceType === 'Task' && taskIds.has(r.id ?? ''));
    const kept = (out.contained ?? []).filter((r) => !ours.includes(r));
    const taken = new Set(kept.map((r) => r.id ?? ''));
    const contained: F.Resource[] = [];
    out.section = outcome.parts.map((p, i) => {
      const old = sections.find((s) => partIdOf(s) === p.id) ?? (before ? undefined : sections[i]);
      const oldTasks = new Map((old?.entry ?? []).flatMap((e) => {
        const task = ours.find((t) => `#${t.id}` === e.reference) as F.Task | undefined;
        return task ? [[task.id ?? '', task] as const] : [];
      }));
      const oldPart = before?.parts.find((b) => b.id === p.id);
      if (old && oldPart && jsonEqual(oldPart, p) && [...oldTasks.keys()].every((id) => !taken.has(id))) {
        oldTasks.forEach((task, id) => (taken.add(id), contained.push(task)));
        return old;
      }
      return sectionFor(p, old, oldTasks, ctx, contained, taken);
    });
    put(out, 'contained', [...kept, ...contained]);
    if (!out.section.length) delete out.section;
  }

  // What reading back does not reproduce (fields a host added) travels in contract-extras; confirmations and questions are Communications.
  withoutExtras(out);
  let readBack: Record<string, unknown> = {};
  try {
    readBack = meetingOutcomeFromFhir(out, options) as unknown as Record<string, unknown>;
  } catch {
    readBack = {};
  }
  const { confirmations: _confirmations, questions: _questions, ...rest } = outcome;
  keepUnexpressed(rest, readBack, out);
  return out;
};

// ---------------------------------------------------------------- the Communications

type MessageKind = 'read' | 'question' | 'answer';

const messageCategory = (kind: MessageKind): F.CodeableConcept[] => [{ coding: [{ system: OUTCOME_FHIR.message, code: kind }] }];
const kindOf = (message: F.Communication): MessageKind | undefined => {
  const code = message.category?.flatMap((c) => c.coding ?? []).find((c) => c.system === OUTCOME_FHIR.message)?.code;
  return code === 'read' || code === 'question' || code === 'answer' ? code : undefined;
};
const payloadText = (message: F.Communication): string | undefined =>
  message.payload?.map((p) => p.contentString ?? p.contentCodeableConcept?.text).find((t) => typeof t === 'string' && t);
const payloadOf = (text: string, version: F.FhirVersion): F.CommunicationPayload[] => [version === 'R5' ? { contentCodeableConcept: { text } } : { contentString: text }];

/** The Communication id of a confirmation, a question or its answer. */
export const outcomeMessageId = (outcomeId: string, kind: MessageKind, key: string): string => fhirIdFor(`${outcomeId}.${kind}.${key}`);

/**
 * Where each Communication of the outcome stands in it, by the Communication's id: a confirmation
 * (`confirmations`, member), a question (`questions`, id) or its answer (`questions`, id, `answer`).
 */
export const outcomeMessagePlaces = (outcome: MeetingOutcome): Map<string, string[]> =>
  new Map([
    ...outcome.confirmations.map((c): [string, string[]] => [outcomeMessageId(outcome.id, 'read', c.memberId), ['confirmations', c.memberId]]),
    ...outcome.questions.flatMap((q): Array<[string, string[]]> => [
      [outcomeMessageId(outcome.id, 'question', q.id), ['questions', q.id]],
      [outcomeMessageId(outcome.id, 'answer', q.id), ['questions', q.id, 'answer']],
    ]),
  ]);

const isAbout = (message: F.Communication, compositionId: string, ctx: MappingContext) =>
  (message.about ?? []).some((r) => ctx.index.key({ reference: (r.reference ?? '').replace(/\/_history\/[^/]*$/, '') }, message) === `Composition/${compositionId}`);

/** The confirmations and questions of the outcome `compositionId` in a list of Communications (oldest first). */
export const outcomeMessagesFromFhir = (
  messages: readonly F.Communication[],
  compositionId: string,
  options: FhirMappingOptions | MappingContext,
): { confirmations: OutcomeConfirmation[]; questions: OutcomeQuestion[] } => {
  const ctx = 'memberKey' in options ? options : contextOf(options);
  const about = messages.filter((m) => m.resourceType === 'Communication' && kindOf(m) && isAbout(m, compositionId, ctx));
  const sender = (m: F.Communication) => {
    const id = ctx.memberKey(m.sender, m);
    return id ? { id, name: m.sender?.display ?? ctx.index.nameOf(m.sender, m) ?? ctx.memberName(id) ?? id } : undefined;
  };
  const time = (at: string) => Date.parse(at) || 0;
  // A time sent without an offset is the wall-clock time of the source's zone, as for appointments.
  const sent = (m: F.Communication) => instantIn(m.sent, ctx.timeZone);
  const confirmations = about
    .filter((m) => kindOf(m) === 'read')
    .flatMap((m): OutcomeConfirmation[] => {
      const who = sender(m);
      const at = sent(m);
      return who && at ? [withExtras({ memberId: who.id, name: who.name, at }, m)] : [];
    })
    .sort((a, b) => time(a.at) - time(b.at));
  const answers = about.filter((m) => kindOf(m) === 'answer');
  const questions = about
    .filter((m) => kindOf(m) === 'question')
    .flatMap((m): OutcomeQuestion[] => {
      const who = sender(m);
      const text = payloadText(m);
      const at = sent(m);
      if (!who || !at || !text) return [];
      const q: OutcomeQuestion = { id: identifierIn(m, OUTCOME_FHIR.questionId) ?? m.id ?? 'question', memberId: who.id, name: who.name, at, text };
      const partId = m.extension?.find((e) => e.url === OUTCOME_FHIR.part)?.valueString;
      if (partId) q.partId = partId;
      const reply = answers.find((a) => (a.inResponseTo ?? []).some((r) => ctx.index.key(r, a) === `Communication/${m.id}`));
      const answer = reply && payloadText(reply);
      if (reply && answer) {
        q.answer = answer;
        const answeredAt = sent(reply);
        if (answeredAt) q.answeredAt = answeredAt;
        const by = sender(reply);
        const organisationId = organisationOf(reply.extension?.find((e) => e.url === OUTCOME_FHIR.onBehalfOf)?.valueReference);
        const name = reply.sender?.display;
        if (name) q.answeredBy = { ...(by ? { id: by.id } : {}), name, ...(organisationId ? { organisationId } : {}) };
        else if (by) q.answeredBy = { id: by.id, name: by.name, ...(organisationId ? { organisationId } : {}) };
      }
      return [withExtras(q, m)];
    })
    .sort((a, b) => time(a.at) - time(b.at));
  return { confirmations, questions };
};

/** Writes `fields` over `base` (or a new Communication) and keeps contract fields the mapping does not express in contract-extras. */
const communication = (id: string, base: F.Communication | undefined, fields: Partial<F.Communication>, timeZone: string): F.Communication => {
  const out: F.Communication = base ? clone(base) : { resourceType: 'Communication', id, status: 'completed' };
  out.id = id;
  delete out.meta;
  // A time read from one written without an offset is the same time: written as it was, not rewritten.
  if (base?.sent && fields.sent && instantIn(base.sent, timeZone) === fields.sent) fields = { ...fields, sent: base.sent };
  // The subject and recipients are only ever added: a Communication read with them keeps them.
  for (const [key, value] of Object.entries(fields)) if (value !== undefined || (key !== 'subject' && key !== 'recipient')) put(out, key as keyof F.Communication, value as never);
  if (base?.meta) out.meta = clone(base.meta);
  return out;
};

/**
 * The Communications of an outcome's confirmations, questions and answers: each written over the
 * one read before (`existing`), from the participant to the coordinator about the Composition; an
 * answer is the coordinator's Communication `inResponseTo` the question, to the one who asked.
 */
export const outcomeMessagesToFhir = (outcome: MeetingOutcome, options: OutcomeMessageOptions): F.Communication[] => {
  const ctx = contextOf(options);
  const existing = new Map((options.existing ?? []).map((m) => [m.id ?? '', m]));
  const about = [{ reference: `Composition/${outcome.id}` }];
  const subject = ctx.patient ? { reference: ctx.patient } : undefined;
  const coordinator = options.coordinator ?? (outcome.recordedBy?.id ? { id: outcome.recordedBy.id, name: outcome.recordedBy.name } : undefined);
  const toCoordinator = coordinator ? [referenceById(coordinator.id, coordinator.name ?? ctx.memberName(coordinator.id))] : undefined;
  const written: F.Communication[] = [];
  /** Contract fields of `entity` the Communication does not carry, kept in contract-extras. */
  const withUnexpressed = (message: F.Communication, entity: object, read: () => object | undefined) => {
    withoutExtras(message);
    keepUnexpressed(entity, (read() ?? {}) as Record<string, unknown>, message);
    return message;
  };
  const readOne = (messages: F.Communication[]) => outcomeMessagesFromFhir(messages, outcome.id, ctx);

  for (const c of outcome.confirmations) {
    const id = outcomeMessageId(outcome.id, 'read', c.memberId);
    const message = communication(id, existing.get(id), {
      category: messageCategory('read'),
      subject,
      about,
      sent: c.at,
      sender: referenceById(c.memberId, c.name),
      recipient: toCoordinator,
    }, ctx.timeZone);
    written.push(withUnexpressed(message, c, () => readOne([message]).confirmations[0]));
  }
  for (const q of outcome.questions) {
    const id = outcomeMessageId(outcome.id, 'question', q.id);
    const base = existing.get(id);
    const otherIds = ((base?.identifier as F.Identifier[] | undefined) ?? []).filter((i) => i.system !== OUTCOME_FHIR.questionId);
    const question = communication(id, base, {
      identifier: [{ system: OUTCOME_FHIR.questionId, value: q.id }, ...otherIds],
      category: messageCategory('question'),
      subject,
      about,
      sent: q.at,
      sender: referenceById(q.memberId, q.name),
      recipient: toCoordinator,
      payload: payloadOf(q.text, ctx.version),
    }, ctx.timeZone);
    setExtension(question, OUTCOME_FHIR.part, q.partId ? sub(OUTCOME_FHIR.part, { valueString: q.partId }) : undefined);
    let answer: F.Communication | undefined;
    if (q.answer) {
      const answerId = outcomeMessageId(outcome.id, 'answer', q.id);
      answer = communication(answerId, existing.get(answerId), {
        category: messageCategory('answer'),
        subject,
        about,
        inResponseTo: [{ reference: `Communication/${id}` }],
        sent: q.answeredAt,
        sender: q.answeredBy ? actorRef(q.answeredBy) : undefined,
        recipient: [referenceById(q.memberId, q.name)],
        payload: payloadOf(q.answer, ctx.version),
      }, ctx.timeZone);
      setExtension(answer, OUTCOME_FHIR.onBehalfOf, q.answeredBy?.organisationId ? sub(OUTCOME_FHIR.onBehalfOf, { valueReference: { reference: `Organization/${q.answeredBy.organisationId}` } }) : undefined);
    }
    written.push(withUnexpressed(question, q, () => readOne(answer ? [question, answer] : [question]).questions[0]));
    if (answer) written.push(answer);
  }
  return written;
};
