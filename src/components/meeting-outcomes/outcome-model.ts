import type { Actor } from '../../contract/common.js';
import type { Meeting } from '../../contract/meeting.js';
import type { MeetingOutcome, OutcomeAction, OutcomeConfirmation, OutcomePart } from '../../contract/meeting-outcome.js';
import type { Responsibility } from '../../contract/responsibility.js';
import type { InformationCategory } from '../../contract/values.js';
import { sameValue } from '../../data/merge.js';
import { ownerOf, withHandoverProposal } from '../responsibility-matrix/model.js';
import { randomPart } from '../base/unique-id.js';

/** What the matrix field of a task says: nothing, a new responsibility, or a handover of one (by id). */
export type MatrixChoice = '' | 'new' | `hand-over:${string}`;

/** A task as the form holds it: every field a string, so a half-written task can be kept. */
export interface ActionDraft {
  id: string;
  text: string;
  ownerId: string;
  due: string;
  matrix: MatrixChoice;
  /** The id a new responsibility gets (kept from the stored action, or made when the task was added). */
  newResponsibilityId: string;
}

/** One part as the form holds it. */
export interface PartDraft {
  id: string;
  agendaItemId?: string;
  title?: string;
  notes: string;
  decisions: Array<{ id: string; text: string }>;
  actions: ActionDraft[];
  categories: InformationCategory[];
}

/** The outcome as the form holds it. */
export interface OutcomeDraft {
  parts: PartDraft[];
}

/** An id with `prefix` that none of `taken` has. */
export const freshId = (prefix: string, taken: Iterable<string>): string => {
  const used = new Set(taken);
  let id = `${prefix}-${randomPart()}`;
  while (used.has(id)) id = `${prefix}-${randomPart()}`;
  return id;
};

/** A new, empty outcome of a meeting: one part per agenda item, or one for the whole meeting. */
export const newOutcome = (meeting: Meeting, teamId: string | undefined, by: Actor): MeetingOutcome => ({
  id: `mo-${meeting.id}`,
  ...(teamId ? { teamId } : {}),
  meetingId: meeting.id,
  status: 'draft',
  parts: (meeting.agenda.length ? meeting.agenda.map((item) => ({ id: `op-${item.id}`, agendaItemId: item.id })) : [{ id: 'op-meeting' }]).map((part) => ({
    ...part,
    notes: '',
    decisions: [],
    actions: [],
    categories: [],
  })),
  confirmations: [],
  questions: [],
  recordedBy: by,
});

const matrixOf = (action: OutcomeAction): MatrixChoice =>
  action.effect === 'new-responsibility' ? 'new' : action.effect === 'hand-over' && action.responsibilityId ? `hand-over:${action.responsibilityId}` : '';

/** The form's copy of an outcome. */
export const draftOf = (outcome: MeetingOutcome): OutcomeDraft => ({
  parts: outcome.parts.map((part) => ({
    id: part.id,
    ...(part.agendaItemId ? { agendaItemId: part.agendaItemId } : {}),
    ...(part.title ? { title: part.title } : {}),
    notes: part.notes,
    decisions: part.decisions.map((d) => ({ ...d })),
    actions: part.actions.map((a) => ({
      id: a.id,
      text: a.text,
      ownerId: a.ownerId,
      due: a.due,
      matrix: matrixOf(a),
      newResponsibilityId: a.effect === 'new-responsibility' && a.responsibilityId ? a.responsibilityId : `r-${a.id}`,
    })),
    categories: [...part.categories],
  })),
});

/** A new, empty task for the form. */
export const newActionDraft = (draft: OutcomeDraft): ActionDraft => {
  const id = freshId('oa', draft.parts.flatMap((p) => p.actions.map((a) => a.id)));
  return { id, text: '', ownerId: '', due: '', matrix: '', newResponsibilityId: `r-${id}` };
};

/** Whether a task has what is to be done, who does it and by when. */
export const actionComplete = (action: ActionDraft): boolean => Boolean(action.text.trim() && action.ownerId && /^\d{4}-\d{2}-\d{2}$/.test(action.due));

/** Whether a task was started but not finished (an empty one is simply left out). */
export const actionStarted = (action: ActionDraft): boolean => Boolean(action.text.trim() || action.ownerId || action.due || action.matrix);

const actionFromDraft = (a: ActionDraft): OutcomeAction => {
  const action: OutcomeAction = { id: a.id, text: a.text.trim(), ownerId: a.ownerId, due: a.due };
  if (a.matrix === 'new') Object.assign(action, { responsibilityId: a.newResponsibilityId, effect: 'new-responsibility' });
  else if (a.matrix.startsWith('hand-over:')) Object.assign(action, { responsibilityId: a.matrix.slice('hand-over:'.length), effect: 'hand-over' });
  return action;
};

/** The outcome the form describes, on top of `base` (fields the form does not show are kept). */
export const outcomeFromDraft = (base: MeetingOutcome, draft: OutcomeDraft): MeetingOutcome => newVersionIfChanged(base, {
  ...base,
  parts: draft.parts.map((p) => {
    const before = base.parts.find((b) => b.id === p.id);
    const part: OutcomePart = {
      ...before,
      id: p.id,
      notes: p.notes.trim(),
      decisions: p.decisions.map((d) => ({ ...d, text: d.text.trim() })).filter((d) => d.text),
      actions: p.actions.filter(actionComplete).map(actionFromDraft),
      categories: [...p.categories],
    };
    if (p.agendaItemId) part.agendaItemId = p.agendaItemId;
    if (p.title) part.title = p.title;
    return part;
  }),
});

/** The version of what was agreed (left out: 1). */
export const outcomeVersion = (outcome: Pick<MeetingOutcome, 'version'>): number => outcome.version ?? 1;

/** Whether a confirmation was made on the outcome as it is now, not before the last change. */
export const confirmsCurrent = (confirmation: OutcomeConfirmation, outcome: Pick<MeetingOutcome, 'version'>): boolean => (confirmation.version ?? 1) >= outcomeVersion(outcome);

/**
 * The reader's confirmation in an outcome just saved, when it holds for an earlier version than the
 * one saved (it was merged onto a version someone changed meanwhile): they are asked to read it again.
 */
export const confirmationOfEarlier = (outcome: MeetingOutcome, memberId: string | undefined): OutcomeConfirmation | undefined => {
  const mine = outcome.confirmations.find((c) => c.memberId === memberId);
  return mine && !confirmsCurrent(mine, outcome) ? mine : undefined;
};

/** A change to the parts of a shared outcome is a new version: who confirmed before read something else. */
const newVersionIfChanged = (base: MeetingOutcome, next: MeetingOutcome): MeetingOutcome =>
  base.status === 'shared' && !sameValue(base.parts, next.parts) ? { ...next, version: outcomeVersion(base) + 1 } : next;

/** Shared with the participants now. */
export const sharedOutcome = (outcome: MeetingOutcome, at: string): MeetingOutcome => ({ ...outcome, status: 'shared', sharedAt: outcome.sharedAt ?? at });

/** The reader says they have read it (once: a second confirmation keeps the first). */
export const withConfirmation = (outcome: MeetingOutcome, reader: { id: string; name: string }, at: string): MeetingOutcome => {
  const earlier = outcome.confirmations.find((c) => c.memberId === reader.id);
  if (earlier && confirmsCurrent(earlier, outcome)) return outcome;
  // Confirming again after a change replaces the earlier confirmation (one per member), naming this version.
  const confirmation: OutcomeConfirmation = { memberId: reader.id, name: reader.name, at, ...(outcome.version ? { version: outcome.version } : {}) };
  return { ...outcome, confirmations: [...outcome.confirmations.filter((c) => c.memberId !== reader.id), confirmation] };
};

/** The reader asks the coordinator a question, maybe about one part. */
export const withQuestion = (outcome: MeetingOutcome, reader: { id: string; name: string }, text: string, partId: string | undefined, at: string): MeetingOutcome => ({
  ...outcome,
  questions: [
    ...outcome.questions,
    { id: freshId('oq', outcome.questions.map((q) => q.id)), memberId: reader.id, name: reader.name, at, ...(partId ? { partId } : {}), text: text.trim() },
  ],
});

/** The coordinator answers a question. */
export const withAnswer = (outcome: MeetingOutcome, questionId: string, answer: string, by: Actor, at: string): MeetingOutcome => ({
  ...outcome,
  questions: outcome.questions.map((q) => (q.id === questionId ? { ...q, answer: answer.trim(), answeredAt: at, answeredBy: by } : q)),
});

/** A change the outcome asks of the responsibility matrix. */
export interface MatrixChange {
  action: 'add' | 'propose-handover';
  /** What the task says, to name it when its proposal did not go through. */
  task: string;
  value: Responsibility;
  previous?: Responsibility;
}

/**
 * What a shared outcome asks of the matrix, by reference, through its own handover road: a task
 * marked `new-responsibility` whose responsibility does not exist yet becomes a proposed
 * responsibility handed to the task's owner (they accept it or say why not in the matrix); a task
 * marked `hand-over` proposes handing the named responsibility to its owner, unless they already
 * own it or it is already proposed to them. Nothing is asked twice, so saving again is harmless.
 * A responsibility in `leftOut` exists but the load left it out (stored with a mistake): it is
 * never proposed as new, which would write over it.
 */
export const matrixChanges = (
  outcome: MeetingOutcome,
  responsibilities: readonly Responsibility[],
  by: Actor,
  comment: string,
  at: string,
  teamId?: string,
  leftOut: ReadonlySet<string> = new Set(),
): MatrixChange[] => {
  if (outcome.status !== 'shared') return [];
  const byId = new Map(responsibilities.map((r) => [r.id, r]));
  const changes: MatrixChange[] = [];
  for (const action of outcome.parts.flatMap((p) => p.actions)) {
    if (!action.responsibilityId) continue;
    const existing = byId.get(action.responsibilityId);
    if (action.effect === 'new-responsibility' && !existing && !leftOut.has(action.responsibilityId)) {
      const value: Responsibility = {
        id: action.responsibilityId,
        ...(teamId ? { teamId } : {}),
        title: action.text,
        area: 'other',
        status: 'proposed',
        assignments: [],
        due: action.due,
        notes: [],
        handover: { toMemberId: action.ownerId, status: 'proposed', proposedAt: at, proposedBy: by, comment },
      };
      changes.push({ action: 'add', task: action.text, value });
    }
    if (action.effect === 'hand-over' && existing && existing.status !== 'ended') {
      const already = existing.handover?.status === 'proposed' && existing.handover.toMemberId === action.ownerId;
      if (!already && ownerOf(existing) !== action.ownerId) {
        changes.push({ action: 'propose-handover', task: action.text, value: withHandoverProposal(existing, action.ownerId, by, at, comment), previous: existing });
      }
    }
  }
  return changes;
};
