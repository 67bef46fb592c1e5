import type { Hours } from '../../contract/common.js';
import type { CrisisAgreement, CrisisContact, CrisisMeasure, CrisisPlan, CrisisProposal, CrisisStagePlan, PracticalMatter } from '../../contract/crisis-plan.js';
import { CRISIS_STAGES, PRACTICAL_TOPICS, WEEKDAYS, type CrisisStage, type PracticalTopic, type ProposalStatus, type Weekday } from '../../contract/values.js';
import { CODE_SYSTEMS, EXTENSIONS, XVER } from './codes.js';
import { referenceById } from './consent.js';
import { contextOf, keep, keepUnexpressed, keptResource, metaOf, withExtras, withoutExtras, type FhirMappingOptions, type MappingContext } from './context.js';
import { FhirResourceProblem } from './notes.js';
import { StoreError } from '../types.js';
import type * as F from './types.js';
import { clone, codeIn, compact, dateOf, endDateOf, findExtension, findExtensions, hasCode, instantIn, jsonEqual, put, setExtension, setExtensions, UNKNOWN_PERSON } from './util.js';

/** `CarePlan.category` of a crisis plan. */
export const CRISIS_PLAN_CATEGORY: F.CodeableConcept = { coding: [{ system: CODE_SYSTEMS.carePlanKind, code: 'crisis-plan', display: 'Crisis plan' }], text: 'Crisis plan' };

/** Whether a CarePlan says it is a crisis plan (the rest are read as responsibilities). */
export const isCrisisCarePlan = (plan: F.CarePlan): boolean => hasCode(plan.category, CODE_SYSTEMS.carePlanKind, 'crisis-plan');

/**
 * Task statuses of a measure that is not what is done in a crisis: nobody carries it out any more
 * (cancelled, rejected, entered in error), or nobody has agreed to it yet (a draft, requested or
 * received, outside a proposal). Such a measure, or one whose Task says what must not be done (R5
 * `doNotPerform`), is not shown, and stays in the CarePlan as it is.
 */
const NOT_SHOWN = new Set(['cancelled', 'rejected', 'entered-in-error', 'draft', 'requested', 'received']);
const isNotShown = (resource: F.Resource | undefined) =>
  resource?.resourceType === 'Task' && (NOT_SHOWN.has((resource as F.Task).status ?? '') || (resource as F.Task).doNotPerform === true);

/** CarePlan statuses of a plan in force (or being made); any other is left on the server. */
const IN_FORCE = new Set(['draft', 'active', 'on-hold', 'unknown']);

/**
 * Why a CarePlan is no agreed plan yet, whatever agreements it records: it is a `draft`, or its
 * intent is a `proposal` or an `option` (a suggestion nobody has undertaken to carry out).
 */
const notAgreedBecause = (plan: F.CarePlan): 'CarePlan.status' | 'CarePlan.intent' | undefined =>
  plan.intent === 'proposal' || plan.intent === 'option' ? 'CarePlan.intent' : plan.status === 'draft' ? 'CarePlan.status' : undefined;

const OWN_LISTS = ['earlyWarningSigns', 'triggers', 'helps', 'doesNotHelp', 'treatmentWishes', 'whoIsTold'] as const;
type Section = (typeof OWN_LISTS)[number] | 'practical' | 'signs';
const SECTIONS: readonly string[] = [...OWN_LISTS, 'practical', 'signs'];
const STAGE_NAMES: Record<CrisisStage, string> = { 'early-signs': 'Early signs', 'getting-worse': 'Getting worse', crisis: 'Crisis' };
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

const isStage = (value: unknown): value is CrisisStage => (CRISIS_STAGES as readonly unknown[]).includes(value);
const part = (ext: F.Extension | undefined, name: string) => ext?.extension?.find((e) => e.url === name);
const parts = (ext: F.Extension | undefined, name: string) => ext?.extension?.filter((e) => e.url === name) ?? [];

const problem = (plan: F.CarePlan, kind: 'refused' | 'left-on-server', path: string, message: string, fix?: string) =>
  new FhirResourceProblem({ kind, resourceType: 'CarePlan', id: plan.id ?? '', path, message, ...(fix ? { fix } : {}) });

/** Read only: `mon,tue,wed 08:00-15:30`, how earlier versions wrote a contact's hours line. */
const hoursFrom = (line: string): Hours | undefined => {
  const match = /^([a-z,]+) (\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(line.trim());
  if (!match) return undefined;
  const days = match[1].split(',').filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d));
  return days.length ? { days, opens: match[2], closes: match[3] } : undefined;
};

/**
 * One hours line as an `availableTime` sub-extension, shaped like FHIR's own `availableTime`
 * (R4 PractitionerRole, R5 Availability): `daysOfWeek` codes and start and end as `time`.
 */
const availableTime = (h: Hours): F.Extension => ({
  url: 'availableTime',
  extension: [
    ...h.days.map((day) => ({ url: 'daysOfWeek', valueCode: day })),
    { url: 'availableStartTime', valueTime: `${h.opens}:00` },
    { url: 'availableEndTime', valueTime: `${h.closes}:00` },
  ],
});
const hoursFromAvailableTime = (ext: F.Extension): Hours | undefined => {
  const days = parts(ext, 'daysOfWeek').flatMap((d) => ((WEEKDAYS as readonly string[]).includes(d.valueCode ?? '') ? [d.valueCode as Weekday] : []));
  const time = (name: string) => /^(\d{2}:\d{2})(?::\d{2})?$/.exec(part(ext, name)?.valueTime ?? '')?.[1];
  const opens = time('availableStartTime');
  const closes = time('availableEndTime');
  return days.length && opens && closes ? { days, opens, closes } : undefined;
};

/** A responsibility by reference: its Task, or its contract id where no Task stands for it (a CarePlan activity). */
const responsibilityReference = (id: string): F.Reference =>
  FHIR_ID.test(id) && !id.includes('.activity-') ? { reference: `Task/${id}` } : { identifier: { system: CODE_SYSTEMS.responsibilityId, value: id } };
const responsibilityKey = (reference: F.Reference): string | undefined => {
  if (reference.identifier?.system === CODE_SYSTEMS.responsibilityId) return reference.identifier.value;
  return /^(?:.*\/)?Task\/([A-Za-z0-9\-.]{1,64})$/.exec(reference.reference ?? '')?.[1];
};

/** The members who carry out a measure: R5 `Task.performer.actor`, R4 the cross-version extension. */
const performerRefs = (task: F.Task, version: F.FhirVersion): F.Reference[] =>
  version === 'R5'
    ? (task.performer ?? []).flatMap((p) => (p.actor ? [p.actor] : []))
    : findExtensions(task, XVER.taskPerformer).flatMap((ext) => ext.extension?.filter((e) => e.url === 'actor' && e.valueReference).map((e) => e.valueReference!) ?? []);

// ---------------------------------------------------------------- reading

const measureFrom = (task: F.Task, plan: F.CarePlan, ctx: MappingContext, at: string): CrisisMeasure => {
  const text = task.description?.trim() || task.code?.text?.trim();
  if (!text) throw problem(plan, 'refused', `${at}.description`, 'a measure (a Task in the crisis plan) says nothing about what is done.', 'write what is done in Task.description');
  const memberIds: string[] = [];
  for (const reference of [...(task.owner ? [task.owner] : []), ...performerRefs(task, ctx.version)]) {
    const id = ctx.memberKey(reference, plan);
    if (id && !memberIds.includes(id)) memberIds.push(id);
  }
  const responsibilityIds = (task.basedOn ?? []).flatMap((r) => {
    const id = responsibilityKey(r);
    return id ? [id] : [];
  });
  const id = task.identifier && Array.isArray(task.identifier) ? (task.identifier as F.Identifier[]).find((i) => i.system === CODE_SYSTEMS.measureId)?.value : undefined;
  return withExtras({ id: id ?? task.id ?? 'measure', text, memberIds, responsibilityIds }, task);
};

/** A contract proposal status as a Task status, and back (a Task the person has not answered may also be `received`). */
const PROPOSAL_TASK_STATUS: Record<ProposalStatus, string> = { proposed: 'requested', accepted: 'accepted', declined: 'rejected' };
const PROPOSAL_STATUS_OF: Record<string, ProposalStatus> = { requested: 'proposed', received: 'proposed', accepted: 'accepted', completed: 'accepted', rejected: 'declined' };

const proposalIdOf = (task: F.Task) =>
  Array.isArray(task.identifier) ? (task.identifier as F.Identifier[]).find((i) => i.system === CODE_SYSTEMS.proposalId)?.value : undefined;

/** A contained Task that is a professional's proposed change to the plan (`intent: proposal`, with a proposal id). */
const isProposalTask = (resource: F.Resource): resource is F.Task =>
  resource.resourceType === 'Task' && (resource as F.Task).intent === 'proposal' && proposalIdOf(resource as F.Task) !== undefined;

const actorFrom = (reference: F.Reference | undefined, plan: F.CarePlan, ctx: MappingContext) => {
  if (!reference) return undefined;
  const id = ctx.memberKey(reference, plan);
  return { ...(id ? { id } : {}), name: reference.display ?? ctx.index.nameOf(reference, plan) ?? UNKNOWN_PERSON };
};

/**
 * A proposal from its Task: the measure as a measure Task says it, the status (requested, accepted,
 * rejected), `requester` and `authoredOn` for who proposed it and when, `lastModified` and the
 * answered-by extension for the answer. A status with no contract meaning (cancelled, a draft) is
 * left out of the plan, and kept in the CarePlan as it is.
 */
const proposalFrom = (task: F.Task, plan: F.CarePlan, ctx: MappingContext, at: string): CrisisProposal | undefined => {
  const status = PROPOSAL_STATUS_OF[task.status ?? ''];
  if (!status) return undefined;
  const stage = codeIn(task.code, CODE_SYSTEMS.crisisStage);
  if (!isStage(stage)) throw problem(plan, 'refused', `${at}.code`, 'a proposed change names no stage of the plan.', `code Task.code in ${CODE_SYSTEMS.crisisStage} (${CRISIS_STAGES.join(', ')})`);
  const by = actorFrom(task.requester, plan, ctx);
  const when = instantIn(task.authoredOn, ctx.timeZone);
  if (!by || !when) throw problem(plan, 'refused', `${at}.${by ? 'authoredOn' : 'requester'}`, 'a proposed change does not say who proposed it and when.', 'set Task.requester and Task.authoredOn');
  const proposal: CrisisProposal = { id: proposalIdOf(task)!, by, at: when, stage, measure: measureFrom(task, plan, ctx, at), status };
  const note = task.note?.[0]?.text?.trim();
  if (note) proposal.note = note;
  const answeredAt = status === 'proposed' ? undefined : instantIn(task.lastModified, ctx.timeZone);
  if (answeredAt) proposal.answeredAt = answeredAt;
  const answeredBy = status === 'proposed' ? undefined : actorFrom(findExtension(task, EXTENSIONS.proposalAnsweredBy)?.valueReference, plan, ctx);
  if (answeredBy) proposal.answeredBy = answeredBy;
  return proposal;
};

const contactFrom = (ext: F.Extension, plan: F.CarePlan, ctx: MappingContext, at: string): { stage: CrisisStage; contact: CrisisContact } => {
  const stage = part(ext, 'stage')?.valueCode;
  if (!isStage(stage)) throw problem(plan, 'refused', `${at}.extension:stage`, `a contact names no stage of the plan (found "${String(stage ?? '')}").`, `give the stage as ${CRISIS_STAGES.join(', ')}`);
  const contact: CrisisContact = { id: part(ext, 'id')?.valueString ?? `contact-${at.replace(/\D+/g, '')}` };
  const member = part(ext, 'member')?.valueReference;
  const memberId = member ? ctx.memberKey(member, plan) : undefined;
  if (memberId) contact.memberId = memberId;
  const text = (name: string) => part(ext, name)?.valueString;
  const phone = (name: string) => part(ext, name)?.valueContactPoint?.value;
  const name = text('name');
  if (name) contact.name = name;
  if (phone('phone')) contact.phone = phone('phone');
  const hours = (ext.extension ?? []).flatMap((h) => {
    const read = h.url === 'availableTime' ? hoursFromAvailableTime(h) : h.url === 'hours' && h.valueString ? hoursFrom(h.valueString) : undefined;
    return read ? [read] : [];
  });
  if (hours.length) contact.hours = hours;
  if (text('outOfHoursName')) contact.outOfHoursName = text('outOfHoursName');
  if (phone('outOfHoursPhone')) contact.outOfHoursPhone = phone('outOfHoursPhone');
  if (text('note')) contact.note = text('note');
  return { stage, contact };
};

/**
 * Reads a crisis plan from a CarePlan whose category says so (see docs/fhir.md): `period.start` is
 * valid from, the next-review and plan-version extensions, the person's own words and each stage's
 * signs as `note` (each marked with its part), each measure as an activity pointing at a contained
 * Task (its stage in `Task.code`, members as owner/performers, responsibilities in `basedOn`),
 * contacts and agreements as extensions in order. A CarePlan that is not a crisis plan, or not in
 * force, is left on the server; one whose parts cannot be read with their meaning is refused,
 * naming the FHIR element.
 */
export const crisisPlanFromFhir = (plan: F.CarePlan, options: FhirMappingOptions): CrisisPlan => {
  const ctx = contextOf(options);
  if (!isCrisisCarePlan(plan)) {
    throw problem(plan, 'left-on-server', 'CarePlan.category', 'this CarePlan is not a crisis plan (its category has no crisis-plan code), so it is not read as one.', `add the category ${CODE_SYSTEMS.carePlanKind}|crisis-plan if it is a crisis plan`);
  }
  if (plan.status && !IN_FORCE.has(plan.status)) {
    throw problem(plan, 'left-on-server', 'CarePlan.status', `this crisis plan is ${plan.status}, not in force, so it is not shown as the person's plan.`);
  }
  const validFrom = dateOf(plan.period?.start);
  if (!validFrom) throw problem(plan, 'refused', 'CarePlan.period.start', 'a crisis plan needs the day it is valid from.', 'set CarePlan.period.start');
  const nextReview = dateOf(findExtension(plan, EXTENSIONS.nextReview)?.valueDate);
  if (!nextReview) throw problem(plan, 'refused', `CarePlan.extension(${EXTENSIONS.nextReview})`, 'a crisis plan needs its next review date.', 'add the next-review extension with valueDate');
  const until = endDateOf(plan.period?.end);
  if (until && until < ctx.today) {
    throw problem(plan, 'left-on-server', 'CarePlan.period.end', `this crisis plan's period ended (${plan.period?.end ?? ''}), so it is not shown as the person's plan in force.`, 'remove CarePlan.period.end if the plan still holds, or revoke it');
  }

  const words: Record<(typeof OWN_LISTS)[number], string[]> = { earlyWarningSigns: [], triggers: [], helps: [], doesNotHelp: [], treatmentWishes: [], whoIsTold: [] };
  const practical: PracticalMatter[] = [];
  const stages = new Map<CrisisStage, CrisisStagePlan>();
  const stageOf = (id: CrisisStage) => stages.get(id) ?? (stages.set(id, { id, signs: [], measures: [], contacts: [] }).get(id) as CrisisStagePlan);

  (plan.note ?? []).forEach((note, i) => {
    const at = `CarePlan.note[${i}]`;
    const marker = findExtension(note, EXTENSIONS.noteSection);
    const section = part(marker, 'section')?.valueCode as Section | undefined;
    if (!section || !SECTIONS.includes(section)) {
      throw problem(plan, 'refused', at, 'a note of the crisis plan does not say which part of the plan it is (a warning sign, what helps, a practical matter, …), so it cannot be shown where it belongs.', `mark it with the ${EXTENSIONS.noteSection} extension`);
    }
    const text = note.text?.trim();
    if (!text) return;
    if (section === 'signs') {
      const stage = part(marker, 'stage')?.valueCode;
      if (!isStage(stage)) throw problem(plan, 'refused', `${at}.extension:stage`, 'signs of a stage name no stage.', `give the stage as ${CRISIS_STAGES.join(', ')}`);
      stageOf(stage).signs.push(text);
    } else if (section === 'practical') {
      const topic = part(marker, 'topic')?.valueCode;
      practical.push({ id: note.id ?? `practical-${i + 1}`, topic: (PRACTICAL_TOPICS as readonly string[]).includes(topic ?? '') ? (topic as PracticalTopic) : 'other', text });
    } else words[section].push(text);
  });

  (plan.activity ?? []).forEach((activity, i) => {
    const at = `CarePlan.activity[${i}]`;
    const reference = ctx.version === 'R5' ? activity.plannedActivityReference : activity.reference;
    const task = plan.contained?.find((r) => r.resourceType === 'Task' && reference?.reference === `#${r.id}`) as F.Task | undefined;
    const element = ctx.version === 'R5' ? 'plannedActivityReference' : 'reference';
    if (isNotShown(task)) return;
    if (!task) {
      throw problem(plan, 'refused', `${at}.${activity.detail ? 'detail' : element}`, 'an activity of the crisis plan is not a measure the plan holds (a contained Task), so whom it is for and at which stage is unknown.', `point ${at}.${element} at a contained Task with its stage in Task.code`);
    }
    const stage = codeIn(task.code, CODE_SYSTEMS.crisisStage);
    if (!isStage(stage)) throw problem(plan, 'refused', `${at}.${element} → Task.code`, 'a measure names no stage of the plan.', `code Task.code in ${CODE_SYSTEMS.crisisStage} (${CRISIS_STAGES.join(', ')})`);
    stageOf(stage).measures.push(measureFrom(task, plan, ctx, `${at}.${element} → Task`));
  });

  const proposals = (plan.contained ?? []).flatMap((resource, i) =>
    isProposalTask(resource) ? (proposalFrom(resource, plan, ctx, `CarePlan.contained[${i}]`) ?? []) : [],
  );

  findExtensions(plan, EXTENSIONS.crisisContact).forEach((ext, i) => {
    const { stage, contact } = contactFrom(ext, plan, ctx, `CarePlan.extension:crisis-contact[${i}]`);
    stageOf(stage).contacts.push(contact);
  });

  const agreedBy: CrisisAgreement[] = findExtensions(plan, EXTENSIONS.agreement).flatMap((ext) => {
    const member = part(ext, 'member')?.valueReference;
    const memberId = member ? ctx.memberKey(member, plan) : undefined;
    const at = instantIn(part(ext, 'at')?.valueDateTime, ctx.timeZone);
    const version = part(ext, 'version')?.valuePositiveInt;
    if (!memberId || !at || !version) return [];
    return [{ memberId, name: member?.display ?? ctx.index.nameOf(member, plan) ?? UNKNOWN_PERSON, at, version }];
  });

  const teamKey = plan.careTeam?.[0] ? ctx.index.key(plan.careTeam[0], plan) : undefined;
  const result: CrisisPlan = {
    id: plan.id ?? '',
    version: findExtension(plan, EXTENSIONS.planVersion)?.valuePositiveInt ?? 1,
    ownWords: { ...words, practical },
    stages: CRISIS_STAGES.flatMap((id) => stages.get(id) ?? []),
    agreedBy,
    proposals,
    validFrom,
    nextReview,
  };
  const teamId = ctx.teamId ?? teamKey?.replace(/^CareTeam\//, '');
  if (teamId) result.teamId = teamId;
  if (notAgreedBecause(plan)) result.draft = true;
  const meta = metaOf(plan);
  if (meta) result.meta = meta;
  withExtras(result, plan);
  (result as CrisisPlan & { fhir?: unknown }).fhir = keep(ctx.version, plan);
  return result;
};

// ---------------------------------------------------------------- writing

const sectionMarker = (section: Section, extra: { stage?: string; topic?: string } = {}): F.Extension => ({
  url: EXTENSIONS.noteSection,
  extension: [
    { url: 'section', valueCode: section },
    ...(extra.stage ? [{ url: 'stage', valueCode: extra.stage }] : []),
    ...(extra.topic ? [{ url: 'topic', valueCode: extra.topic }] : []),
  ],
});

/** The notes a plan says, reusing an existing note with the same part and words, so what did not change is written as it was. */
const notesFor = (plan: CrisisPlan, existing: readonly F.Annotation[], author: F.Reference | undefined): F.Annotation[] => {
  const wanted: F.Annotation[] = [];
  const person = author ? { authorReference: author } : {};
  for (const section of OWN_LISTS) for (const text of plan.ownWords[section]) wanted.push({ extension: [sectionMarker(section)], ...person, text });
  for (const matter of plan.ownWords.practical) wanted.push({ id: matter.id, extension: [sectionMarker('practical', { topic: matter.topic })], ...person, text: matter.text });
  for (const stage of plan.stages) for (const text of stage.signs) wanted.push({ extension: [sectionMarker('signs', { stage: stage.id })], ...person, text });
  const pool = [...existing];
  const markerOf = (a: F.Annotation) => findExtension(a, EXTENSIONS.noteSection);
  return wanted.map((note) => {
    const same = pool.findIndex((old) => old.text === note.text && old.id === note.id && jsonEqual(markerOf(old), markerOf(note)));
    return same === -1 ? note : pool.splice(same, 1)[0];
  });
};

const taskFor = (measure: CrisisMeasure, stage: CrisisStage, containedId: string, ctx: MappingContext): F.Task => {
  const task: F.Task = {
    resourceType: 'Task',
    id: containedId,
    identifier: [{ system: CODE_SYSTEMS.measureId, value: measure.id }],
    status: 'accepted',
    intent: 'plan',
    code: { coding: [{ system: CODE_SYSTEMS.crisisStage, code: stage, display: STAGE_NAMES[stage] }] },
    description: measure.text,
  };
  if (ctx.patient) task.for = { reference: ctx.patient };
  if (measure.responsibilityIds.length) task.basedOn = measure.responsibilityIds.map(responsibilityReference);
  const actors = measure.memberIds.map((id) => referenceById(id, ctx.memberName(id)));
  if (actors.length) {
    if (ctx.version === 'R5') task.performer = actors.map((actor) => ({ actor }));
    else setExtensions(task, XVER.taskPerformer, actors.map((actor) => ({ url: XVER.taskPerformer, extension: [{ url: 'actor', valueReference: actor }] })));
  }
  const extras = { ...measure } as Record<string, unknown>;
  for (const key of ['id', 'text', 'memberIds', 'responsibilityIds']) delete extras[key];
  if (Object.keys(extras).length) setExtension(task, EXTENSIONS.contractExtras, { url: EXTENSIONS.contractExtras, valueString: JSON.stringify(extras) });
  return task;
};

/** A proposal as a contained Task: the measure as a measure Task, `intent: proposal`, `focus` = the CarePlan holding it (`#`). */
const proposalTaskFor = (proposal: CrisisProposal, containedId: string, ctx: MappingContext): F.Task => {
  const task = taskFor(proposal.measure, proposal.stage, containedId, ctx);
  task.identifier = [{ system: CODE_SYSTEMS.proposalId, value: proposal.id }, ...((task.identifier as F.Identifier[]) ?? [])];
  task.status = PROPOSAL_TASK_STATUS[proposal.status];
  task.intent = 'proposal';
  task.focus = { reference: '#' };
  task.authoredOn = proposal.at;
  task.requester = proposal.by.id ? referenceById(proposal.by.id, proposal.by.name) : { display: proposal.by.name };
  if (proposal.note) task.note = [{ text: proposal.note }];
  if (proposal.answeredAt) task.lastModified = proposal.answeredAt;
  const answeredBy = proposal.answeredBy;
  if (answeredBy) {
    const reference = answeredBy.id ? referenceById(answeredBy.id, answeredBy.name) : { display: answeredBy.name };
    setExtension(task, EXTENSIONS.proposalAnsweredBy, { url: EXTENSIONS.proposalAnsweredBy, valueReference: reference });
  }
  return task;
};

const contactExtension = (stage: CrisisStage, contact: CrisisContact, ctx: MappingContext): F.Extension => {
  const sub: F.Extension[] = [{ url: 'stage', valueCode: stage }, { url: 'id', valueString: contact.id }];
  if (contact.memberId) sub.push({ url: 'member', valueReference: referenceById(contact.memberId, ctx.memberName(contact.memberId)) });
  if (contact.name) sub.push({ url: 'name', valueString: contact.name });
  if (contact.phone) sub.push({ url: 'phone', valueContactPoint: { system: 'phone', value: contact.phone } });
  for (const hours of contact.hours ?? []) sub.push(availableTime(hours));
  if (contact.outOfHoursName) sub.push({ url: 'outOfHoursName', valueString: contact.outOfHoursName });
  if (contact.outOfHoursPhone) sub.push({ url: 'outOfHoursPhone', valueContactPoint: { system: 'phone', value: contact.outOfHoursPhone } });
  if (contact.note) sub.push({ url: 'note', valueString: contact.note });
  return { url: EXTENSIONS.crisisContact, extension: sub };
};

/** A contained id for a measure: its own id when FHIR allows it, else a safe one no other contained resource has. */
const containedIdFor = (measure: CrisisMeasure, taken: Set<string>): string => {
  let id = FHIR_ID.test(measure.id) ? measure.id : measure.id.replace(/[^A-Za-z0-9\-.]/g, '-').slice(0, 60) || 'measure';
  for (let n = 2; taken.has(id); n++) id = `${id.slice(0, 58)}-${n}`;
  taken.add(id);
  return id;
};

/**
 * Writes a crisis plan as a CarePlan, merging into the CarePlan it was read from: only what changed
 * is rewritten, everything the mapping does not know stays, and contract fields FHIR has no
 * element for (a proposer's organisation, for one) travel in the contract-extras extension; proposals are contained Tasks.
 */
export const crisisPlanToFhir = (plan: CrisisPlan, options: FhirMappingOptions): F.CarePlan => {
  const ctx = contextOf(options);
  const { version } = ctx;
  const base = keptResource<F.CarePlan>(plan, version, 'CarePlan');
  let before: CrisisPlan | undefined;
  try {
    before = base ? crisisPlanFromFhir(base, options) : undefined;
  } catch {
    before = undefined;
  }
  const out: F.CarePlan =
    base ??
    compact({
      resourceType: 'CarePlan' as const,
      id: plan.id,
      status: plan.draft ? 'draft' : 'active',
      intent: 'plan',
      category: [clone(CRISIS_PLAN_CATEGORY)],
      title: 'Crisis plan',
      subject: ctx.patient ? { reference: ctx.patient } : undefined,
    });
  if (!out.id) out.id = plan.id;
  if (!isCrisisCarePlan(out)) out.category = [...(out.category ?? []), clone(CRISIS_PLAN_CATEGORY)];
  const differs = (field: keyof CrisisPlan) => !before || !jsonEqual(before[field], plan[field]);
  const author = out.subject ? { ...out.subject } : undefined;

  if (base && before && before.draft !== plan.draft) {
    if (plan.draft) out.status = 'draft';
    else if (notAgreedBecause(out) === 'CarePlan.intent') {
      // A proposal or an option stays one (intent is immutable in FHIR): the agreed plan would be a new CarePlan based on it.
      throw new StoreError(
        'rejected',
        `CarePlan/${out.id ?? ''} is ${out.intent === 'option' ? 'an option' : 'a proposal'} (CarePlan.intent), so it cannot be written as the agreed plan; nothing was written. The agreed plan is a new CarePlan with intent plan, based on this one`,
        422,
      );
    } else if (out.status === 'draft') out.status = 'active';
  }
  if (differs('teamId') && plan.teamId) put(out, 'careTeam', [{ reference: `CareTeam/${plan.teamId}` }, ...(out.careTeam ?? []).slice(1)]);
  if (differs('validFrom')) out.period = compact({ ...(out.period ?? {}), start: plan.validFrom });
  if (differs('nextReview')) setExtension(out, EXTENSIONS.nextReview, { url: EXTENSIONS.nextReview, valueDate: plan.nextReview });
  if (differs('version')) setExtension(out, EXTENSIONS.planVersion, { url: EXTENSIONS.planVersion, valuePositiveInt: plan.version });
  const signsOf = (p: CrisisPlan | undefined) => p?.stages.map((s) => [s.id, s.signs]);
  if (differs('ownWords') || !jsonEqual(signsOf(before), signsOf(plan))) put(out, 'note', notesFor(plan, out.note ?? [], author));

  const measuresOf = (p: CrisisPlan | undefined) => p?.stages.map((s) => [s.id, s.measures]);
  if (!jsonEqual(measuresOf(before), measuresOf(plan))) {
    const contained = out.contained ?? [];
    const element = version === 'R5' ? 'plannedActivityReference' : 'reference';
    const ours = new Map<string, { activity: F.CarePlanActivity; task: F.Task; measure: CrisisMeasure; stage: CrisisStage }>();
    const notShown: F.CarePlanActivity[] = [];
    for (const activity of out.activity ?? []) {
      const ref = (activity[element] as F.Reference | undefined)?.reference;
      const task = contained.find((r) => r.resourceType === 'Task' && ref === `#${r.id}`) as F.Task | undefined;
      if (isNotShown(task)) {
        notShown.push(activity);
        continue;
      }
      const stage = task ? codeIn(task.code, CODE_SYSTEMS.crisisStage) : undefined;
      if (!task || !isStage(stage)) continue;
      try {
        const measure = measureFrom(task, out, ctx, 'CarePlan.activity');
        ours.set(`${stage}\u0000${measure.id}`, { activity, task, measure, stage });
      } catch {
        // An unreadable measure is rewritten from the plan.
      }
    }
    const taken = new Set(contained.filter((r) => ![...ours.values()].some((o) => o.task === r)).map((r) => r.id ?? ''));
    const activities: F.CarePlanActivity[] = [];
    const tasks: F.Resource[] = [];
    for (const stage of plan.stages) {
      for (const measure of stage.measures) {
        const old = ours.get(`${stage.id}\u0000${measure.id}`);
        if (old && jsonEqual(old.measure, measure) && !taken.has(old.task.id ?? '')) {
          taken.add(old.task.id ?? '');
          activities.push(old.activity);
          tasks.push(old.task);
          continue;
        }
        const id = containedIdFor(measure, taken);
        tasks.push(taskFor(measure, stage.id, id, ctx));
        activities.push({ ...(old ? Object.fromEntries(Object.entries(old.activity).filter(([k]) => k !== element)) : {}), [element]: { reference: `#${id}` } });
      }
    }
    const kept = contained.filter((r) => ![...ours.values()].some((o) => o.task === r));
    put(out, 'contained', [...kept, ...tasks]);
    put(out, 'activity', [...activities, ...notShown]);
  }

  if (differs('proposals')) {
    // Each proposal is a contained Task; one whose proposal did not change is written as it was read.
    // A proposal Task with no contract meaning (cancelled, a draft) stays as it is.
    const contained = out.contained ?? [];
    const read: Array<{ task: F.Task; proposal: CrisisProposal }> = [];
    const others = contained.filter((r, i) => {
      if (!isProposalTask(r)) return true;
      try {
        const proposal = proposalFrom(r, out, ctx, `CarePlan.contained[${i}]`);
        if (!proposal) return true;
        read.push({ task: r, proposal });
      } catch {
        // An unreadable proposal Task is rewritten from the plan.
      }
      return false;
    });
    const taken = new Set(others.map((r) => r.id ?? ''));
    const tasks = plan.proposals.map((proposal) => {
      const same = read.find((o) => jsonEqual(o.proposal, proposal) && !taken.has(o.task.id ?? ''));
      if (same) {
        taken.add(same.task.id ?? '');
        return same.task;
      }
      return proposalTaskFor(proposal, containedIdFor({ ...proposal.measure, id: `proposal-${proposal.id}` }, taken), ctx);
    });
    put(out, 'contained', [...others, ...tasks]);
  }

  const contactsOf = (p: CrisisPlan | undefined) => p?.stages.map((s) => [s.id, s.contacts]);
  if (!jsonEqual(contactsOf(before), contactsOf(plan))) {
    setExtensions(out, EXTENSIONS.crisisContact, plan.stages.flatMap((s) => s.contacts.map((c) => contactExtension(s.id, c, ctx))));
  }
  if (differs('agreedBy')) {
    setExtensions(
      out,
      EXTENSIONS.agreement,
      plan.agreedBy.map((a) => ({
        url: EXTENSIONS.agreement,
        extension: [
          { url: 'member', valueReference: { ...referenceById(a.memberId, undefined), display: a.name } },
          { url: 'at', valueDateTime: a.at },
          { url: 'version', valuePositiveInt: a.version },
        ],
      })),
    );
  }

  // The contract-extras extension keeps its place among the others, so an unchanged plan is written as read.
  const extrasAt = out.extension?.findIndex((e) => e.url === EXTENSIONS.contractExtras) ?? -1;
  withoutExtras(out);
  let readBack: Record<string, unknown> = {};
  try {
    readBack = crisisPlanFromFhir(out, options) as unknown as Record<string, unknown>;
  } catch {
    readBack = {};
  }
  keepUnexpressed(plan, readBack, out);
  const list = out.extension ?? [];
  const now = list.findIndex((e) => e.url === EXTENSIONS.contractExtras);
  if (extrasAt !== -1 && now !== -1 && now !== extrasAt) {
    const [extras] = list.splice(now, 1);
    list.splice(Math.min(extrasAt, list.length), 0, extras);
  }
  return out;
};
