import type { Assignment, Note, Responsibility } from '../../contract/responsibility.js';
import { RESPONSIBILITY_AREAS, type RaciPart, type ResponsibilityArea, type ResponsibilityStatus } from '../../contract/values.js';
import { CODE_SYSTEMS, XVER } from './codes.js';
import { referenceById } from './consent.js';
import { contextOf, keep, keepUnexpressed, keptResource, metaOf, withExtras, withoutExtras, type FhirMappingOptions, type MappingContext } from './context.js';
import { FhirResourceProblem } from './notes.js';
import { StoreError } from '../types.js';
import type * as F from './types.js';
import { clone, codeIn, compact, endDateOf, findExtensions, instantIn, jsonEqual, put, setExtensions, UNKNOWN_PERSON } from './util.js';

/** RACI letters in the project code system, carried by `Task.performer.function`. */
export const RACI_CODES: Record<RaciPart, string> = { responsible: 'R', accountable: 'A', consulted: 'C', informed: 'I' };
const PART_BY_CODE: Record<string, RaciPart> = { R: 'responsible', A: 'accountable', C: 'consulted', I: 'informed' };

/** Task.status → responsibility status (see docs/fhir.md). `disputed` comes from businessStatus. */
export const STATUS_BY_TASK_STATUS: Record<string, ResponsibilityStatus> = {
  draft: 'proposed',
  requested: 'proposed',
  received: 'proposed',
  accepted: 'agreed',
  ready: 'agreed',
  'in-progress': 'agreed',
  'on-hold': 'agreed',
  rejected: 'disputed',
  completed: 'ended',
  cancelled: 'ended',
  failed: 'ended',
  'entered-in-error': 'ended',
};
const TASK_STATUS: Record<Exclude<ResponsibilityStatus, 'ended'>, string> = { proposed: 'requested', agreed: 'accepted', disputed: 'requested' };

/**
 * How an ended responsibility is written: one that stood agreed has been carried out (`completed`);
 * one only proposed or disputed never was, so it is withdrawn (`cancelled`), never shown as done.
 */
const endedAs = (before: ResponsibilityStatus | undefined): 'completed' | 'cancelled' => (before === 'agreed' ? 'completed' : 'cancelled');

/** CarePlan.activity.detail.status (R4) → responsibility status. */
const STATUS_BY_ACTIVITY_STATUS: Record<string, ResponsibilityStatus> = {
  'not-started': 'proposed',
  scheduled: 'proposed',
  'in-progress': 'agreed',
  'on-hold': 'agreed',
  completed: 'ended',
  cancelled: 'ended',
  stopped: 'ended',
  'entered-in-error': 'ended',
};
const ACTIVITY_STATUS: Record<Exclude<ResponsibilityStatus, 'ended'>, string> = { proposed: 'not-started', agreed: 'in-progress', disputed: 'on-hold' };

const EPOCH = '1970-01-01T00:00:00Z';

const DISPUTED: F.Coding = { system: CODE_SYSTEMS.taskBusinessStatus, code: 'disputed', display: 'Disputed' };

const isDisputed = (task: F.Task) => codeIn(task.businessStatus, CODE_SYSTEMS.taskBusinessStatus) === 'disputed';

const textOf = (value: unknown): string | undefined => {
  // R4 statusReason is a CodeableConcept, R5 a list of CodeableReference.
  const first = Array.isArray(value) ? (value[0] as { concept?: F.CodeableConcept } | undefined)?.concept : (value as F.CodeableConcept | undefined);
  return first?.text ?? first?.coding?.[0]?.display;
};

/** Task.performer (R5) or its cross-version extension (R4), as `{function, actor}` pairs. */
const performersOf = (task: F.Task, version: F.FhirVersion): F.TaskPerformer[] => {
  if (version === 'R5') return task.performer ?? [];
  return findExtensions(task, XVER.taskPerformer).map((ext) => {
    const performer: F.TaskPerformer = {};
    for (const part of ext.extension ?? []) {
      if (part.url === 'function' && part.valueCodeableConcept) performer.function = part.valueCodeableConcept;
      if (part.url === 'actor' && part.valueReference) performer.actor = part.valueReference;
    }
    return performer;
  });
};

const performerExtension = (performer: F.TaskPerformer): F.Extension => ({
  url: XVER.taskPerformer,
  extension: [
    ...(performer.function ? [{ url: 'function', valueCodeableConcept: performer.function }] : []),
    ...(performer.actor ? [{ url: 'actor', valueReference: performer.actor }] : []),
  ],
});

const titleOf = (code: F.CodeableConcept | undefined, description: string | undefined, fallback: string) => {
  const fromCode = code?.text ?? code?.coding?.find((c) => c.display)?.display;
  return { title: fromCode ?? description ?? fallback, description: fromCode ? description : undefined };
};

const notesOf = (notes: F.Annotation[] | undefined, from: F.Resource, fallbackTime: string | undefined, ctx: MappingContext): Note[] =>
  (notes ?? []).flatMap((annotation, i): Note[] => {
    if (!annotation.text) return [];
    const author: Note['author'] = {
      name: ctx.index.nameOf(annotation.authorReference, from) ?? annotation.authorString ?? UNKNOWN_PERSON,
    };
    const authorId = ctx.memberKey(annotation.authorReference, from);
    if (authorId) author.id = authorId;
    return [{ id: annotation.id ?? `note-${i + 1}`, at: instantIn(annotation.time, ctx.timeZone) ?? instantIn(fallbackTime, ctx.timeZone) ?? EPOCH, author, text: annotation.text }];
  });

const annotationsOf = (notes: readonly Note[], existing: F.Annotation[] | undefined, before: readonly Note[] | undefined): F.Annotation[] =>
  notes.map((note) => {
    const previous = before?.findIndex((n) => jsonEqual(n, note)) ?? -1;
    if (previous !== -1 && existing?.[previous]) return existing[previous];
    const annotation: F.Annotation = { id: note.id, time: note.at, text: note.text };
    if (note.author.id) annotation.authorReference = referenceById(note.author.id, note.author.name);
    else annotation.authorString = note.author.name;
    return annotation;
  });

/**
 * Why nobody has agreed to a CarePlan's activities (or the Tasks based on it) yet, whatever each one says: the plan is a
 * `draft`, or its intent is a `proposal` or an `option` (R4; R5 `directive` is agreed as `plan`).
 */
const planNotAgreed = (plan: F.CarePlan): string | undefined => {
  if (plan.status === 'draft') return 'is a draft (CarePlan.status)';
  if (plan.intent === 'proposal' || plan.intent === 'option') return `is ${plan.intent === 'option' ? 'an option' : 'a proposal'} (CarePlan.intent)`;
  return undefined;
};

/**
 * The CarePlan a Task is based on (`basedOn`, as far as the resources read hold it) that nobody has
 * agreed to yet, with why: a Task carrying out a plan only drafted or proposed is proposed too.
 */
const unagreedPlanOf = (task: F.Task, ctx: MappingContext): { reference: string; why: string } | undefined => {
  for (const reference of task.basedOn ?? []) {
    const plan = ctx.index.resolve(reference, task);
    if (plan?.resourceType !== 'CarePlan') continue;
    const why = planNotAgreed(plan as F.CarePlan);
    if (why) return { reference: `CarePlan/${plan.id ?? ''}`, why };
  }
  return undefined;
};

/** Reads one Task. The owner is accountable; performers carry their RACI part in `function` (R4: the cross-version extension). */
export const responsibilityFromTask = (task: F.Task, options: FhirMappingOptions): Responsibility => {
  const ctx = contextOf(options);
  if (task.status === 'entered-in-error') {
    throw new FhirResourceProblem({ kind: 'left-on-server', resourceType: 'Task', id: task.id ?? '', path: 'Task.status', message: 'the task was entered in error, so it is no responsibility, not even an ended one.' });
  }
  if (task.doNotPerform === true) {
    throw new FhirResourceProblem({ kind: 'left-on-server', resourceType: 'Task', id: task.id ?? '', path: 'Task.doNotPerform', message: 'the task says what must not be done; shown as a responsibility it would read as something to do.' });
  }
  const { title, description } = titleOf(task.code, task.description, 'Task');
  const assignments: Assignment[] = [];
  const add = (memberId: string | undefined, part: RaciPart) => {
    if (memberId && !assignments.some((a) => a.memberId === memberId)) assignments.push({ memberId, part });
  };
  add(ctx.memberKey(task.owner, task), 'accountable');
  for (const performer of performersOf(task, ctx.version)) {
    add(ctx.memberKey(performer.actor, task), PART_BY_CODE[codeIn(performer.function, CODE_SYSTEMS.raci) ?? ''] ?? 'responsible');
  }
  const own: ResponsibilityStatus = isDisputed(task) ? 'disputed' : (STATUS_BY_TASK_STATUS[task.status ?? ''] ?? 'proposed');
  // Of a plan only drafted or proposed, a Task under way is what someone suggests, not what was agreed.
  const status: ResponsibilityStatus = own === 'agreed' && unagreedPlanOf(task, ctx) ? 'proposed' : own;
  const area = codeIn(task.code, CODE_SYSTEMS.area) as ResponsibilityArea | undefined;
  const responsibility: Responsibility = {
    id: task.id ?? '',
    title,
    area: area && (RESPONSIBILITY_AREAS as readonly string[]).includes(area) ? area : 'other',
    assignments,
    status,
    notes: notesOf(task.note, task, task.lastModified ?? task.authoredOn, ctx),
  };
  if (ctx.teamId) responsibility.teamId = ctx.teamId;
  if (description) responsibility.description = description;
  const due = endDateOf(task.restriction?.period?.end);
  if (due) responsibility.due = due;
  if (status === 'disputed') {
    responsibility.dispute = {
      memberId: assignments.find((a) => a.part === 'accountable')?.memberId ?? 'unknown',
      reason: textOf(task.statusReason) ?? task.businessStatus?.text ?? 'Disputed',
      at: instantIn(task.lastModified ?? task.authoredOn, ctx.timeZone) ?? EPOCH,
    };
  }
  const meta = metaOf(task);
  if (meta) responsibility.meta = meta;
  withExtras(responsibility, task);
  (responsibility as Responsibility & { fhir?: unknown }).fhir = keep(ctx.version, task);
  return responsibility;
};

/**
 * Writes a responsibility as a FHIR Task, merging into the Task it was read from. The first
 * accountable member becomes `owner`; everyone else (and any further accountable member) becomes a
 * performer with their RACI letter as `function`.
 */
export const responsibilityToTask = (responsibility: Responsibility, options: FhirMappingOptions): F.Task => {
  const ctx = contextOf(options);
  const { version } = ctx;
  const base = keptResource<F.Task>(responsibility, version, 'Task');
  const before = base ? responsibilityFromTask(base, options) : undefined;
  const out: F.Task = base ?? compact({ resourceType: 'Task', id: responsibility.id, status: 'requested', intent: 'plan', for: ctx.patient ? { reference: ctx.patient } : undefined });
  if (!out.id) out.id = responsibility.id;
  const differs = (field: keyof Responsibility) => !before || !jsonEqual(before[field], responsibility[field]);

  if (differs('title') || differs('area') || differs('description')) {
    const code: F.CodeableConcept = { ...(out.code ?? {}) };
    const others = (code.coding ?? []).filter((c) => c.system !== CODE_SYSTEMS.area);
    put(code, 'coding', responsibility.area === 'other' && !codeIn(out.code, CODE_SYSTEMS.area) ? others : [...others, { system: CODE_SYSTEMS.area, code: responsibility.area }]);
    code.text = responsibility.title;
    out.code = code;
    put(out, 'description', responsibility.description);
  }
  const unagreed = unagreedPlanOf(out, ctx);
  if (unagreed && differs('status') && (responsibility.status === 'agreed' || responsibility.status === 'disputed')) {
    // Agreeing would take making the whole plan active (or a new plan from the proposal): that is its author's to do, on the plan.
    throw new StoreError(
      'rejected',
      `Task/${out.id ?? ''} carries out ${unagreed.reference}, which ${unagreed.why}, so "${responsibility.title}" cannot be ${responsibility.status} here; nothing was written. Agree to or dispute it on the plan where it was drafted`,
      422,
    );
  }
  if (differs('status') || differs('dispute')) {
    const wanted = responsibility.status;
    if (wanted === 'disputed') {
      if (!out.status || STATUS_BY_TASK_STATUS[out.status] === 'ended') out.status = TASK_STATUS.disputed;
      out.businessStatus = { coding: [DISPUTED], text: responsibility.dispute?.reason };
    } else {
      if (isDisputed(out)) delete out.businessStatus;
      if (STATUS_BY_TASK_STATUS[out.status ?? ''] !== wanted) out.status = wanted === 'ended' ? endedAs(before?.status) : TASK_STATUS[wanted];
    }
  }
  if (differs('assignments')) {
    const accountable = responsibility.assignments.filter((a) => a.part === 'accountable');
    const ownerId = accountable[0]?.memberId;
    if (ctx.memberKey(out.owner, out) !== ownerId) put(out, 'owner', ownerId ? referenceById(ownerId, ctx.memberName(ownerId)) : undefined);
    const existing = performersOf(out, version);
    const performers = responsibility.assignments
      .filter((a) => a.memberId !== ownerId)
      .map((a): F.TaskPerformer => {
        const same = existing.find((p) => ctx.memberKey(p.actor, out) === a.memberId && codeIn(p.function, CODE_SYSTEMS.raci) === RACI_CODES[a.part]);
        return same ?? { function: { coding: [{ system: CODE_SYSTEMS.raci, code: RACI_CODES[a.part] }] }, actor: referenceById(a.memberId, ctx.memberName(a.memberId)) };
      });
    if (version === 'R5') put(out, 'performer', performers);
    else setExtensions(out, XVER.taskPerformer, performers.map(performerExtension));
  }
  if (differs('due')) {
    const restriction = { ...(out.restriction ?? {}) };
    const period = compact({ ...(restriction.period ?? {}), end: responsibility.due });
    put(restriction, 'period', period.start || period.end ? period : undefined);
    put(out, 'restriction', Object.keys(restriction).length ? restriction : undefined);
  }
  if (differs('notes')) put(out, 'note', annotationsOf(responsibility.notes, out.note, before?.notes));

  withoutExtras(out);
  keepUnexpressed(responsibility, responsibilityFromTask(out, options) as unknown as Record<string, unknown>, out);
  return out;
};

// ---------------------------------------------------------------- CarePlan activities (R4 inline detail)

/** What a responsibility read from a CarePlan activity carries in `fhir`. */
interface ActivityKept {
  version: F.FhirVersion;
  resource: F.CarePlan;
  activity: number;
}

const activityId = (plan: F.CarePlan, index: number) => `${plan.id ?? 'careplan'}.activity-${index + 1}`;

/**
 * Reads the inline activities of a CarePlan (R4 `activity.detail`) as responsibilities; their
 * performers are responsible. Activities that point at a Task are read from the Task itself, and
 * R5 CarePlans have no inline activities, so they give none.
 */
export const responsibilitiesFromCarePlan = (plan: F.CarePlan, options: FhirMappingOptions): Responsibility[] => {
  const ctx = contextOf(options);
  if (plan.status === 'entered-in-error') {
    throw new FhirResourceProblem({ kind: 'left-on-server', resourceType: 'CarePlan', id: plan.id ?? '', path: 'CarePlan.status', message: 'the care plan was entered in error, so its activities are no responsibilities.' });
  }
  // A plan that was revoked or completed holds nobody to its activities any more, whatever each one says.
  const planEnded = plan.status === 'revoked' || plan.status === 'completed';
  // Of a plan only drafted or proposed, an activity under way is what someone suggests, not what was agreed.
  const notAgreed = planNotAgreed(plan) !== undefined;
  return (plan.activity ?? []).flatMap((activity, i): Responsibility[] => {
    const detail = activity.detail;
    // An activity that says what must not be done is no responsibility to do it: it stays in the plan as it is.
    if (!detail || detail.status === 'entered-in-error' || detail.doNotPerform === true) return [];
    const { title, description } = titleOf(detail.code, detail.description, 'Activity');
    const assignments: Assignment[] = [];
    for (const performer of detail.performer ?? []) {
      const memberId = ctx.memberKey(performer, plan);
      if (memberId && !assignments.some((a) => a.memberId === memberId)) assignments.push({ memberId, part: 'responsible' });
    }
    const area = codeIn(detail.code, CODE_SYSTEMS.area) as ResponsibilityArea | undefined;
    const own = STATUS_BY_ACTIVITY_STATUS[detail.status ?? ''] ?? 'proposed';
    const responsibility: Responsibility = {
      id: activityId(plan, i),
      title,
      area: area && (RESPONSIBILITY_AREAS as readonly string[]).includes(area) ? area : 'other',
      assignments,
      status: planEnded ? 'ended' : notAgreed && own === 'agreed' ? 'proposed' : own,
      notes: [],
    };
    if (ctx.teamId) responsibility.teamId = ctx.teamId;
    if (description) responsibility.description = description;
    const due = endDateOf(detail.scheduledPeriod?.end);
    if (due) responsibility.due = due;
    const meta = metaOf(plan);
    if (meta) responsibility.meta = meta;
    withExtras(responsibility, activity);
    const kept: ActivityKept = { ...keep(ctx.version, plan), resource: clone(plan), activity: i };
    (responsibility as Responsibility & { fhir?: unknown }).fhir = kept;
    return [responsibility];
  });
};

/** Whether a responsibility was read from a CarePlan activity (it is saved by writing the CarePlan). */
export const isCarePlanActivity = (responsibility: unknown): boolean =>
  typeof (responsibility as { fhir?: Partial<ActivityKept> } | undefined)?.fhir?.activity === 'number';

/** Writes a responsibility back into the CarePlan activity it was read from, leaving the rest of the plan as it was. */
export const responsibilityToCarePlan = (responsibility: Responsibility, options: FhirMappingOptions): F.CarePlan => {
  const kept = (responsibility as { fhir?: ActivityKept }).fhir;
  if (!kept || typeof kept.activity !== 'number') throw new TypeError(`responsibility "${responsibility.id}" was not read from a CarePlan activity`);
  const plan = clone(kept.resource);
  const activity = plan.activity?.[kept.activity];
  if (!activity?.detail) throw new TypeError(`the CarePlan has no activity ${kept.activity + 1} with details`);
  const before = responsibilitiesFromCarePlan(kept.resource, options).find((r) => r.id === responsibility.id);
  const detail = activity.detail;
  const differs = (field: keyof Responsibility) => !before || !jsonEqual(before[field], responsibility[field]);
  if (differs('title') || differs('area') || differs('description')) {
    const others = (detail.code?.coding ?? []).filter((c) => c.system !== CODE_SYSTEMS.area);
    const coding = responsibility.area === 'other' && !codeIn(detail.code, CODE_SYSTEMS.area) ? others : [...others, { system: CODE_SYSTEMS.area, code: responsibility.area }];
    detail.code = compact({ ...(detail.code ?? {}), coding, text: responsibility.title });
    put(detail, 'description', responsibility.description);
  }
  const notAgreed = planNotAgreed(plan);
  if (notAgreed && differs('status') && (responsibility.status === 'agreed' || responsibility.status === 'disputed')) {
    // Agreeing would take making the whole plan active (or a new plan from the proposal): that is its author's to do, on the plan.
    throw new StoreError(
      'rejected',
      `CarePlan/${plan.id ?? ''} ${notAgreed}, so its activity "${responsibility.title}" cannot be ${responsibility.status} here; nothing was written. Agree to or dispute it on the plan where it was drafted`,
      422,
    );
  }
  if (differs('status') && STATUS_BY_ACTIVITY_STATUS[detail.status ?? ''] !== responsibility.status) {
    detail.status = responsibility.status === 'ended' ? endedAs(before?.status) : ACTIVITY_STATUS[responsibility.status];
  }
  if (differs('assignments')) {
    const ctx = contextOf(options);
    const existing = detail.performer ?? [];
    put(
      detail,
      'performer',
      responsibility.assignments.map((a) => existing.find((p) => ctx.memberKey(p, plan) === a.memberId) ?? referenceById(a.memberId, ctx.memberName(a.memberId))),
    );
  }
  if (differs('due')) {
    const period = compact({ ...(detail.scheduledPeriod ?? {}), end: responsibility.due });
    put(detail, 'scheduledPeriod', period.start || period.end ? period : undefined);
  }
  withoutExtras(activity);
  const again = responsibilitiesFromCarePlan(plan, options).find((r) => r.id === responsibility.id) ?? {};
  keepUnexpressed(responsibility, again as Record<string, unknown>, activity);
  return plan;
};
