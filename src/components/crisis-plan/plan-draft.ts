import type { Actor, Hours } from '../../contract/common.js';
import { crisisPlanAgreed, isPhoneNumber, type CrisisContact, type CrisisMeasure, type CrisisPlan, type PracticalMatter } from '../../contract/crisis-plan.js';
import { CRISIS_STAGES, WEEKDAYS, type CrisisStage, type Weekday } from '../../contract/values.js';
import { randomPart } from '../base/unique-id.js';
import { stagesInOrder } from './plan-model.js';

/**
 * A contact as the form holds it: every field as typed, the first hours line split into days and
 * times, and the contact it came from, so what the form does not show (more hours lines, fields the
 * contract does not name) is saved as it was.
 */
export interface ContactDraft {
  id: string;
  memberId: string;
  name: string;
  phone: string;
  days: Weekday[];
  opens: string;
  closes: string;
  outOfHoursName: string;
  outOfHoursPhone: string;
  note: string;
  original?: CrisisContact;
}

/** What the editing form holds: the person's words, practical matters, and each stage's signs, measures and contacts in order. */
export interface PlanDraft {
  ownWords: Record<'earlyWarningSigns' | 'triggers' | 'helps' | 'doesNotHelp' | 'treatmentWishes' | 'whoIsTold', string>;
  practical: PracticalMatter[];
  stages: Record<CrisisStage, { signs: string; measures: CrisisMeasure[]; contacts: ContactDraft[] }>;
  validFrom: string;
  nextReview: string;
  /** Set after a save was tried with problems: from then on every problem is shown beside its field. */
  checked?: boolean;
}

export const OWN_WORD_FIELDS = ['earlyWarningSigns', 'triggers', 'helps', 'doesNotHelp', 'treatmentWishes', 'whoIsTold'] as const;

/** The fields of a contact that can have a problem, in the order the form shows them. */
export const CONTACT_FIELDS = ['member', 'name', 'phone', 'days', 'opens', 'closes', 'outOfHoursName', 'outOfHoursPhone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** What can be wrong with a contact; each names a sentence of the catalogue. */
export type ContactProblem = 'contactNeedsNameAndPhone' | 'phoneInvalid' | 'outOfHoursIncomplete' | 'hoursIncomplete' | 'hoursOrder';

/** Text from a textarea as sentences: one per line, blank lines left out. */
export const linesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** A contact as the form starts it. */
export const contactDraftOf = (contact: CrisisContact): ContactDraft => {
  const first = contact.hours?.[0];
  return {
    id: contact.id,
    memberId: contact.memberId ?? '',
    name: contact.name ?? '',
    phone: contact.phone ?? '',
    days: first ? WEEKDAYS.filter((d) => first.days.includes(d)) : [],
    opens: first?.opens ?? '',
    closes: first?.closes ?? '',
    outOfHoursName: contact.outOfHoursName ?? '',
    outOfHoursPhone: contact.outOfHoursPhone ?? '',
    note: contact.note ?? '',
    original: contact,
  };
};

/** A new, empty contact. */
export const emptyContact = (id: string): ContactDraft => ({
  id,
  memberId: '',
  name: '',
  phone: '',
  days: [],
  opens: '',
  closes: '',
  outOfHoursName: '',
  outOfHoursPhone: '',
  note: '',
});

const sameDays = (a: readonly Weekday[], b: readonly Weekday[]) => a.length === b.length && a.every((d) => b.includes(d));

/**
 * The contact as the draft says. It starts from the contact it came from, so a field the form left
 * alone keeps its value and its place, and an empty field is left out.
 */
export const contactFromDraft = (draft: ContactDraft): CrisisContact => {
  const contact: Record<string, unknown> = { ...draft.original, id: draft.id };
  const put = (key: string, value: string) => {
    if (value.trim()) contact[key] = value.trim();
    else delete contact[key];
  };
  put('memberId', draft.memberId);
  put('name', draft.name);
  put('phone', draft.phone);
  put('outOfHoursName', draft.outOfHoursName);
  put('outOfHoursPhone', draft.outOfHoursPhone);
  put('note', draft.note);
  const before = draft.original?.hours ?? [];
  const rest = before.slice(1);
  let first: Hours | undefined;
  if (draft.days.length && draft.opens && draft.closes) {
    const kept = before[0];
    first =
      kept && sameDays(kept.days, draft.days) && kept.opens === draft.opens && kept.closes === draft.closes
        ? kept
        : { days: WEEKDAYS.filter((d) => draft.days.includes(d)), opens: draft.opens, closes: draft.closes };
  }
  const hours = first ? [first, ...rest] : rest;
  if (hours.length) contact.hours = hours;
  else delete contact.hours;
  return contact as CrisisContact;
};

/** What is wrong with a contact, field by field, as the contract would say it: nothing is saved while any is left. */
export const contactProblems = (c: ContactDraft): Partial<Record<ContactField, ContactProblem>> => {
  const problems: Partial<Record<ContactField, ContactProblem>> = {};
  const name = c.name.trim();
  const phone = c.phone.trim();
  if (!c.memberId && !name) problems.name = 'contactNeedsNameAndPhone';
  if (phone && !isPhoneNumber(phone)) problems.phone = 'phoneInvalid';
  else if (!c.memberId && !phone) problems.phone = 'contactNeedsNameAndPhone';
  const outName = c.outOfHoursName.trim();
  const outPhone = c.outOfHoursPhone.trim();
  if (outPhone && !isPhoneNumber(outPhone)) problems.outOfHoursPhone = 'phoneInvalid';
  else if (outName && !outPhone) problems.outOfHoursPhone = 'outOfHoursIncomplete';
  if (outPhone && !outName) problems.outOfHoursName = 'outOfHoursIncomplete';
  const anyHours = c.days.length > 0 || Boolean(c.opens) || Boolean(c.closes);
  if (anyHours) {
    if (!c.days.length) problems.days = 'hoursIncomplete';
    if (!c.opens) problems.opens = 'hoursIncomplete';
    if (!c.closes) problems.closes = 'hoursIncomplete';
    else if (c.opens && c.opens >= c.closes) problems.closes = 'hoursOrder';
  }
  return problems;
};

/** One problem of the draft, where it is: a contact field, or the review date. */
export type DraftProblem =
  | { kind: 'contact'; stage: CrisisStage; index: number; contact: ContactDraft; field: ContactField; problem: ContactProblem }
  | { kind: 'dates' };

/** Every problem that stops the draft from being saved, in the order of the form. */
export const draftProblems = (draft: PlanDraft): DraftProblem[] => {
  const problems: DraftProblem[] = [];
  for (const stage of CRISIS_STAGES) {
    draft.stages[stage].contacts.forEach((contact, index) => {
      const found = contactProblems(contact);
      for (const field of CONTACT_FIELDS) {
        const problem = found[field];
        if (problem) problems.push({ kind: 'contact', stage, index, contact, field, problem });
      }
    });
  }
  if (!draft.validFrom || !draft.nextReview || draft.nextReview < draft.validFrom) problems.push({ kind: 'dates' });
  return problems;
};

/** The draft for a plan, as the form starts. */
export const draftOf = (plan: CrisisPlan): PlanDraft => {
  const stages = Object.fromEntries(
    stagesInOrder(plan).map((s) => [s.id, { signs: s.signs.join('\n'), measures: s.measures.map((m) => ({ ...m })), contacts: s.contacts.map(contactDraftOf) }]),
  ) as PlanDraft['stages'];
  const ownWords = Object.fromEntries(OWN_WORD_FIELDS.map((f) => [f, plan.ownWords[f].join('\n')])) as PlanDraft['ownWords'];
  return { ownWords, practical: plan.ownWords.practical.map((m) => ({ ...m })), stages, validFrom: plan.validFrom, nextReview: plan.nextReview };
};

/** The draft with a stage's contacts replaced. */
export const withContacts = (draft: PlanDraft, stage: CrisisStage, contacts: ContactDraft[]): PlanDraft => ({
  ...draft,
  stages: { ...draft.stages, [stage]: { ...draft.stages[stage], contacts } },
});

/** The draft with one contact of a stage moved one place up (-1) or down (+1); the same draft when it cannot move. */
export const withContactMoved = (draft: PlanDraft, stage: CrisisStage, index: number, by: -1 | 1): PlanDraft => {
  const contacts = [...draft.stages[stage].contacts];
  const to = index + by;
  if (to < 0 || to >= contacts.length) return draft;
  [contacts[index], contacts[to]] = [contacts[to], contacts[index]];
  return withContacts(draft, stage, contacts);
};

/** A contact id no contact of the draft or the plan has, nor one someone else adds at the same time. */
export const freshContactId = (plan: CrisisPlan, draft: PlanDraft, stage: CrisisStage): string => {
  const taken = new Set([...plan.stages.flatMap((s) => s.contacts.map((c) => c.id)), ...Object.values(draft.stages).flatMap((s) => s.contacts.map((c) => c.id))]);
  let id = `contact-${stage}-${randomPart()}`;
  while (taken.has(id)) id = `contact-${stage}-${randomPart()}`;
  return id;
};

const contentOf = (plan: CrisisPlan) => JSON.stringify([plan.ownWords, plan.stages, plan.validFrom, plan.nextReview]);

/**
 * The plan as the draft says, keeping what the form does not edit (fields the contract does not
 * name, hours lines after the first). A practical matter or measure left empty is left out. A
 * change to what it says is a new version; no change gives back the same plan.
 */
export const planFromDraft = (plan: CrisisPlan, draft: PlanDraft): CrisisPlan => {
  const ownWords = { ...plan.ownWords };
  for (const field of OWN_WORD_FIELDS) ownWords[field] = linesOf(draft.ownWords[field]);
  ownWords.practical = draft.practical.map((m) => ({ ...m, text: m.text.trim() })).filter((m) => m.text);
  const stages = stagesInOrder(plan)
    .map((stage) => ({
      ...stage,
      signs: linesOf(draft.stages[stage.id].signs),
      measures: draft.stages[stage.id].measures.map((m) => ({ ...m, text: m.text.trim() })).filter((m) => m.text),
      contacts: draft.stages[stage.id].contacts.map(contactFromDraft),
    }))
    .filter((stage) => stage.signs.length || stage.measures.length || stage.contacts.length || plan.stages.some((s) => s.id === stage.id));
  const next: CrisisPlan = { ...plan, ownWords, stages, validFrom: draft.validFrom, nextReview: draft.nextReview };
  return contentOf(plan) === contentOf(next) ? plan : { ...next, version: plan.version + 1 };
};

/** A new id no measure or proposal of the plan has, nor one someone else adds at the same time. */
export const freshId = (plan: CrisisPlan, prefix: string, taken: readonly string[] = []): string => {
  const used = new Set([...taken, ...plan.stages.flatMap((s) => s.measures.map((m) => m.id)), ...plan.proposals.flatMap((p) => [p.id, p.measure.id])]);
  let id = `${prefix}-${randomPart()}`;
  while (used.has(id)) id = `${prefix}-${randomPart()}`;
  return id;
};

/** The plan with a professional's proposed measure for a stage, waiting for the person. */
export const withProposal = (plan: CrisisPlan, by: Actor, stage: CrisisStage, text: string, note: string, at: string): CrisisPlan => {
  const id = freshId(plan, 'proposal');
  const measureId = freshId(plan, 'measure', [id]);
  const memberIds = by.id ? [by.id] : [];
  const proposal = { id, by, at, stage, status: 'proposed' as const, measure: { id: measureId, text: text.trim(), memberIds, responsibilityIds: [] }, ...(note.trim() ? { note: note.trim() } : {}) };
  return { ...plan, proposals: [...plan.proposals, proposal] };
};

/**
 * The plan with `member` confirming its current version (an earlier confirmation of theirs is
 * replaced). The confirmation that completes the agreement (the person and the coordinator of
 * `team` on this version) ends a draft.
 */
export const withAgreement = (plan: CrisisPlan, member: { id: string; name: string }, at: string, team?: Parameters<typeof crisisPlanAgreed>[1]): CrisisPlan => {
  const next: CrisisPlan = { ...plan, agreedBy: [...plan.agreedBy.filter((a) => a.memberId !== member.id), { memberId: member.id, name: member.name, at, version: plan.version }] };
  if (next.draft && team && crisisPlanAgreed(next, team)) delete next.draft;
  return next;
};

/**
 * The person's answer to a proposal. Accepted, its measure joins the stage as a new version, which
 * the person has thereby agreed to; declined, the plan says the same as before.
 */
export const withAnswer = (plan: CrisisPlan, proposalId: string, accept: boolean, by: Actor, at: string): CrisisPlan => {
  const proposal = plan.proposals.find((p) => p.id === proposalId);
  if (!proposal) return plan;
  const proposals = plan.proposals.map((p) => (p.id === proposalId ? { ...p, status: accept ? ('accepted' as const) : ('declined' as const), answeredAt: at, answeredBy: by } : p));
  if (!accept) return { ...plan, proposals };
  const stages = stagesInOrder(plan)
    .map((s) => (s.id === proposal.stage ? { ...s, measures: [...s.measures, proposal.measure] } : s))
    .filter((s) => s.id === proposal.stage || plan.stages.some((known) => known.id === s.id));
  const next = { ...plan, proposals, stages, version: plan.version + 1 };
  return by.id ? withAgreement(next, { id: by.id, name: by.name }, at) : next;
};
