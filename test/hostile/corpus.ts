// The hostile-data corpus: what a broken or malicious backend could send the elements. Each case
// turns a fresh copy of the Fjordvik record into hostile data. The per-element tests in this folder
// feed every case to their element (at 320 px) and check the same things: nothing from the data
// becomes an element or runs, nothing throws, the layout holds, and data that breaks the contract
// shows the element's error state naming the path and the reason.
import type { CareRecordInput } from '../../src/contract/record.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';

/** Every script payload sets this flag; it must stay unset. */
export const PWN_FLAG = '__pwned';

/** The elements under test, by the name the cases use. */
export type ElementName = 'roster' | 'matrix' | 'toggle' | 'list' | 'scheduler' | 'crisis' | 'outcomes' | 'date-picker';

/**
 * What the case expects:
 * - `text`: the data is valid; `shows` lists the elements that must show `text` as text.
 * - `error`: the contract refuses it; the elements in `brokenIn` show their error state with a
 *   path matching `path` and a reason matching `reason`. The others render normally.
 * - `either`: the contract may accept it (references it cannot check on one entity); every element
 *   either renders or shows its error state, and never throws.
 */
export type Expectation =
  | { kind: 'text'; text: string; shows: readonly ElementName[] }
  | { kind: 'error'; brokenIn: readonly ElementName[]; path: RegExp; reason: RegExp }
  | { kind: 'either' };

/** The record as the tests mutate it: loosely typed, because hostile data breaks the types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseRecord = any;

export interface HostileCase {
  id: string;
  /** What the case is about, in words. */
  about: string;
  mutate: (record: LooseRecord) => void;
  expect: Expectation;
  /** For the date picker: attributes to set (it takes no record). */
  picker?: Partial<Record<'value' | 'min' | 'max' | 'today' | 'label', string>>;
}

/** A fresh deep copy of the Fjordvik record. */
export const freshRecord = (): LooseRecord => structuredClone(fjordvik) as CareRecordInput;

const byId = (list: LooseRecord[], id: string) => {
  const found = list.find((item) => item.id === id);
  if (!found) throw new Error(`corpus: no ${id} in the fixture`);
  return found;
};
const member = (r: LooseRecord, id: string) => byId(r.team.members, id);
const memberIndex = (r: LooseRecord, id: string) => r.team.members.findIndex((m: LooseRecord) => m.id === id);

/** Puts `text` in every free-text field the elements show (each field stays within its limit). */
export function injectEverywhere(r: LooseRecord, text: string): void {
  const lars = member(r, 'm-lars');
  const amina = member(r, 'm-amina');
  lars.name = text;
  lars.note = text;
  lars.role.label = text;
  lars.role.professionalLabel = text;
  lars.contacts[0].label = text;
  amina.name = `${text} (2)`.slice(0, 300);
  for (const organisation of r.team.organisations) {
    organisation.name = text;
    organisation.offers = text;
  }
  r.team.name = text;
  for (const responsibility of r.responsibilities) responsibility.title = text;
  const lithium = byId(r.responsibilities, 'r-lithium');
  lithium.dispute.reason = text;
  lithium.notes[0].text = text;
  lithium.notes[0].author.name = text;
  byId(r.responsibilities, 'r-nav-meetings').handover.comment = text;
  for (const step of byId(r.responsibilities, 'r-goal-walks').steps) step.title = text;
  for (const consent of r.consents) {
    consent.recipient.name = text;
    if (consent.consequence !== undefined) consent.consequence = text;
    if (consent.legalBasis !== undefined) consent.legalBasis = text;
    if (consent.decidedBy) consent.decidedBy.name = text;
  }
  const housing = byId(r.consents, 'c-housing');
  housing.history[1].note = text;
  const series = byId(r.meetings, 'mt-series');
  series.title = text;
  series.location.name = text;
  series.location.address = text;
  series.organiser.name = text;
  for (const item of series.agenda) item.title = text;
  const plan = r.crisisPlans[0];
  plan.ownWords.helps[0] = text;
  plan.ownWords.practical[0].text = text;
  for (const stage of plan.stages) {
    stage.signs[0] = text;
    stage.measures[0].text = text;
  }
  const crisisStage = plan.stages.find((s: LooseRecord) => s.id === 'crisis');
  crisisStage.contacts[0].name = text;
  crisisStage.contacts[0].note = text;
  crisisStage.contacts[2].outOfHoursName = text;
  plan.agreedBy[1].name = text;
  plan.proposals[0].measure.text = text;
  plan.proposals[0].note = text;
  plan.proposals[0].by.name = text;
  const october = byId(r.meetings, 'mt-october');
  october.title = text;
  for (const item of october.agenda) item.title = text;
  const outcome = byId(r.meetingOutcomes, 'mo-october');
  for (const part of outcome.parts) {
    part.notes = text;
    for (const decision of part.decisions ?? []) decision.text = text;
    for (const action of part.actions ?? []) action.text = text;
  }
  outcome.parts[3].title = text;
  outcome.recordedBy.name = text;
  outcome.confirmations[1].name = text;
  const question = outcome.questions[0];
  question.name = text;
  question.text = text;
  question.answer = text;
  question.answeredBy.name = text;
}

/** Markup and script that must stay text. Each sets the flag if it ever runs. */
const MARKUP: Array<[string, string]> = [
  ['img-onerror', '<img src=x onerror="window.__pwned=1">'],
  ['script-element', '<script>window.__pwned=1</script>'],
  ['svg-onload', '"><svg onload="window.__pwned=1"></svg>'],
  ['attribute-breakout', `' onmouseover='window.__pwned=1' data-x='`],
  ['iframe-srcdoc', '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>'],
  ['javascript-link-markup', '<a href="javascript:window.__pwned=1">open</a>'],
  ['style-element', '<style>:host{display:none!important}*{color:red}</style>'],
  ['template-syntax', '${window.__pwned=1} {{constructor.constructor("window.__pwned=1")()}} #{x}'],
  ['lit-marker', '<!--?lit$123456789$-->lit$123456789$ <?lit$1$>'],
  ['entities', '&lt;b&gt;bold&lt;/b&gt; &amp; &#x3C;script&#x3E;window.__pwned=1&#x3C;/script&#x3E;'],
  ['details-summary', '<details open ontoggle="window.__pwned=1"><summary>x</summary></details>'],
  ['form-action', '<form action="javascript:window.__pwned=1"><button>go</button></form>'],
];

/** Text that is valid but awkward: control and invisible characters, scripts, emoji, long words. */
const AWKWARD: Array<[string, string, string]> = [
  ['nul-and-controls', 'NUL and control characters', 'Lars\u0000Haugen\u0007\u0008\u001b[31m red'],
  ['bidi-override', 'a right-to-left override (U+202E) inside a name', 'Lars \u202Enegua H\u202C Dr'],
  ['bidi-isolates', 'unbalanced bidi embeddings and isolates', '\u2067\u202B\u202DLars\u2069 Haugen \u200F'],
  ['zero-width', 'zero-width spaces, joiners and a byte-order mark', 'La\u200Brs\u200C Hau\u200Dgen\uFEFF'],
  ['rtl-arabic', 'an Arabic name', 'أمينة رحيمي'],
  ['rtl-hebrew-mixed', 'Hebrew mixed with Latin and digits', 'דוד לוי (Fjordvik DPS) 123'],
  ['mixed-scripts', 'Cyrillic, Chinese, Greek and Devanagari', 'Ингрид 英格丽 Ίνγκριντ नमस्ते'],
  ['emoji-zwj', 'emoji with ZWJ sequences, skin tones and flags', '👩‍👩‍👧‍👦 🏳️‍🌈 🧑🏽‍⚕️ 🇳🇴'],
  ['combining-marks', 'stacked combining marks', 'Z\u0334\u0349\u0308a\u0337\u031f\u035dl\u0336\u0339\u0308g\u0337\u0331\u033eo'],
  ['long-word', 'a 200-character unbreakable word (the longest a role label may be)', 'W'.repeat(200)],
];

const ALL_BUT_PICKER: readonly ElementName[] = ['roster', 'matrix', 'toggle', 'list', 'scheduler', 'crisis', 'outcomes'];

const textCases: HostileCase[] = [...MARKUP.map(([id, text]) => [id, `markup: ${id}`, text]), ...AWKWARD].map(
  ([id, about, text]) => ({
    id,
    about,
    mutate: (r: LooseRecord) => injectEverywhere(r, text),
    expect: { kind: 'text', text, shows: ALL_BUT_PICKER },
    picker: { label: text },
  }),
);

const KB100 = 'A'.repeat(100_000);

const TEAM_USERS: readonly ElementName[] = ['roster', 'matrix', 'toggle', 'list', 'scheduler', 'crisis', 'outcomes'];

const errorCases: HostileCase[] = [
  // Unsafe link schemes: refused by the contract, so never rendered as links.
  {
    id: 'javascript-video-link',
    about: 'a javascript: URL as a member’s video link',
    mutate: (r) => (member(r, 'm-lars').contacts[1].value = 'javascript:window.__pwned=1'),
    expect: { kind: 'error', brokenIn: TEAM_USERS, path: /members\[2\]\.contacts\[1\]\.value/, reason: /does not fit the channel/ },
  },
  {
    id: 'data-url-secure-message',
    about: 'a data: URL as a secure-message link',
    mutate: (r) => (member(r, 'm-kari').contacts[2].value = 'data:text/html,<script>parent.__pwned=1</script>'),
    expect: { kind: 'error', brokenIn: TEAM_USERS, path: /members\[1\]\.contacts\[2\]\.value/, reason: /does not fit the channel/ },
  },
  {
    id: 'vbscript-email',
    about: 'a vbscript: URL as an e-mail address',
    mutate: (r) => (member(r, 'm-lars').contacts[2].value = 'vbscript:msgbox(1)'),
    expect: { kind: 'error', brokenIn: TEAM_USERS, path: /members\[2\]\.contacts\[2\]\.value/, reason: /does not fit the channel/ },
  },
  {
    id: 'javascript-phone',
    about: 'a javascript: URL as a phone number',
    mutate: (r) => (member(r, 'm-ola').contacts[0].value = 'javascript:alert(1)//+4755'),
    expect: { kind: 'error', brokenIn: TEAM_USERS, path: /members\[4\]\.contacts\[0\]\.value/, reason: /does not fit the channel/ },
  },
  {
    id: 'javascript-meeting-video',
    about: 'a javascript: URL as the meeting’s video link',
    mutate: (r) => (byId(r.meetings, 'mt-series').videoLink = 'javascript:window.__pwned=1'),
    expect: { kind: 'error', brokenIn: ['scheduler'], path: /videoLink/, reason: /https/ },
  },
  {
    id: 'data-url-meeting-video',
    about: 'a data: URL as the meeting’s video link',
    mutate: (r) => (byId(r.meetings, 'mt-series').videoLink = 'data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+'),
    expect: { kind: 'error', brokenIn: ['scheduler'], path: /videoLink/, reason: /https/ },
  },
  // The crisis plan's own fields.
  {
    id: 'crisis-javascript-phone',
    about: 'a javascript: URL as a crisis-plan contact’s phone and out-of-hours phone',
    mutate: (r) => {
      const contact = r.crisisPlans[0].stages[2].contacts[0];
      contact.phone = 'javascript:window.__pwned=1';
      contact.outOfHoursName = 'Anyone';
      contact.outOfHoursPhone = 'tel:113"><img src=x onerror=window.__pwned=1>';
    },
    expect: { kind: 'error', brokenIn: ['crisis'], path: /stages\[2\]\.contacts\[0\]\.(phone|outOfHoursPhone)/, reason: /phone number/ },
  },
  {
    id: 'crisis-measure-100kb',
    about: 'a 100 KB crisis-plan measure and warning sign',
    mutate: (r) => {
      r.crisisPlans[0].stages[0].measures[0].text = KB100;
      r.crisisPlans[0].ownWords.earlyWarningSigns[0] = KB100;
    },
    expect: { kind: 'error', brokenIn: ['crisis'], path: /measures\[0\]\.text|earlyWarningSigns\[0\]/, reason: /too long/ },
  },
  {
    id: 'crisis-many-sentences',
    about: '2,000 warning signs of 500 characters each, and a 300-character unbreakable contact name',
    mutate: (r) => {
      r.crisisPlans[0].ownWords.earlyWarningSigns = Array.from({ length: 2000 }, (_, i) => `${i} ${'sleep '.repeat(82)}`.slice(0, 500));
      r.crisisPlans[0].stages[2].contacts[0].name = 'N'.repeat(300);
    },
    expect: { kind: 'text', text: 'N'.repeat(300), shows: ['crisis'] },
  },
  // The meeting outcome's own fields.
  {
    id: 'outcome-notes-100kb',
    about: '100 KB of meeting notes and a 100 KB decision',
    mutate: (r) => {
      const outcome = byId(r.meetingOutcomes, 'mo-october');
      outcome.parts[0].notes = KB100;
      outcome.parts[1].decisions[0].text = KB100;
    },
    expect: { kind: 'error', brokenIn: ['outcomes'], path: /parts\[0\]\.notes|parts\[1\]\.decisions\[0\]\.text/, reason: /too long/ },
  },
  {
    id: 'outcome-longest-text',
    about: 'meeting notes, a decision and a task each as long as allowed, as one unbreakable word',
    mutate: (r) => {
      const part = byId(r.meetingOutcomes, 'mo-october').parts[0];
      part.notes = 'N'.repeat(5000);
      part.decisions[0].text = 'D'.repeat(2000);
      part.actions[0].text = 'T'.repeat(500);
    },
    expect: { kind: 'text', text: 'N'.repeat(5000), shows: ['outcomes'] },
  },
  {
    id: 'outcome-task-without-owner',
    about: 'a task agreed in the meeting without an owner, and a confirmation time that is no instant',
    mutate: (r) => {
      const outcome = byId(r.meetingOutcomes, 'mo-october');
      delete outcome.parts[0].actions[0].ownerId;
      outcome.confirmations[0].at = '<img src=x onerror="window.__pwned=1">';
    },
    expect: { kind: 'error', brokenIn: ['outcomes'], path: /parts\[0\]\.actions\[0\]\.ownerId|confirmations\[0\]\.at/, reason: /is required|ISO 8601/ },
  },
  // Size.
  {
    id: 'name-100kb',
    about: 'a 100 KB member name',
    mutate: (r) => (member(r, 'm-lars').name = KB100),
    expect: { kind: 'error', brokenIn: TEAM_USERS, path: /members\[2\]\.name/, reason: /too long \(at most 300 characters, found 100000\)/ },
  },
  {
    id: 'title-100kb',
    about: 'a 100 KB responsibility title and meeting title',
    mutate: (r) => {
      byId(r.responsibilities, 'r-physical').title = KB100;
      byId(r.meetings, 'mt-series').title = KB100;
    },
    expect: { kind: 'error', brokenIn: ['matrix', 'scheduler', 'crisis', 'outcomes'], path: /title/, reason: /too long/ },
  },
  {
    id: 'reason-100kb',
    about: 'a 100 KB consent consequence',
    mutate: (r) => (byId(r.consents, 'c-gp').consequence = KB100),
    expect: { kind: 'error', brokenIn: ['toggle', 'list', 'scheduler', 'crisis', 'outcomes'], path: /consequence/, reason: /too long/ },
  },
  // Names that say nothing.
  {
    id: 'whitespace-name',
    about: 'a member name of only spaces',
    mutate: (r) => (member(r, 'm-lars').name = '   \t '),
    expect: { kind: 'error', brokenIn: TEAM_USERS, path: /members\[2\]\.name/, reason: /only spaces/ },
  },
  {
    id: 'invisible-name',
    about: 'an organisation name of only zero-width and direction characters',
    mutate: (r) => (r.team.organisations[2].name = '\u200B\u200E\u202E\uFEFF'),
    expect: { kind: 'error', brokenIn: TEAM_USERS, path: /organisations\[2\]\.name/, reason: /invisible/ },
  },
  {
    id: 'whitespace-title',
    about: 'a responsibility title and meeting title of only spaces',
    mutate: (r) => {
      byId(r.responsibilities, 'r-physical').title = '  ';
      byId(r.meetings, 'mt-series').title = '\u00a0\u00a0';
    },
    expect: { kind: 'error', brokenIn: ['matrix', 'scheduler', 'crisis', 'outcomes'], path: /title/, reason: /only spaces/ },
  },
  // Dates and times.
  {
    id: 'february-30',
    about: 'an impossible date (2026-02-30)',
    mutate: (r) => (member(r, 'm-lars').period = { start: '2026-02-30' }),
    expect: { kind: 'error', brokenIn: TEAM_USERS, path: /members\[2\]\.period\.start/, reason: /YYYY-MM-DD/ },
  },
  {
    id: 'hour-25',
    about: 'opening hours at 25:00',
    mutate: (r) => (member(r, 'm-lars').contacts[0].hours[0].opens = '25:00'),
    expect: { kind: 'error', brokenIn: TEAM_USERS, path: /members\[2\]\.contacts\[0\]\.hours\[0\]\.opens/, reason: /./ },
  },
  {
    id: 'period-ends-before-start',
    about: 'a membership that ends before it starts',
    mutate: (r) => (member(r, 'm-lars').period = { start: '2026-05-01', end: '2025-05-01' }),
    expect: { kind: 'error', brokenIn: TEAM_USERS, path: /members\[2\]\.period\.end/, reason: /ends before it starts/ },
  },
  {
    id: 'meeting-ends-before-start',
    about: 'a meeting that ends before it starts',
    mutate: (r) => (byId(r.meetings, 'mt-series').end = '2026-12-08T09:00:00+01:00'),
    expect: { kind: 'error', brokenIn: ['scheduler'], path: /end/, reason: /ends before it starts/ },
  },
  {
    id: 'impossible-instant',
    about: 'an impossible instant (month 13, hour 99)',
    mutate: (r) => (byId(r.consents, 'c-gp').since = '2026-13-45T99:00:00Z'),
    expect: { kind: 'error', brokenIn: ['toggle', 'list', 'scheduler', 'crisis', 'outcomes'], path: /since/, reason: /ISO 8601/ },
  },
  {
    id: 'unknown-time-zone',
    about: 'a meeting in a time zone that does not exist',
    mutate: (r) => (byId(r.meetings, 'mt-series').timeZone = 'Mars/Olympus_Mons'),
    expect: { kind: 'error', brokenIn: ['scheduler'], path: /timeZone/, reason: /time zone/ },
  },
  // Identity.
  {
    id: 'duplicate-member-ids',
    about: 'two members with the same id',
    mutate: (r) => (member(r, 'm-ola').id = 'm-lars'),
    expect: { kind: 'error', brokenIn: TEAM_USERS, path: /members\[4\]\.id/, reason: /used more than once/ },
  },
  {
    id: 'duplicate-responsibility-ids',
    about: 'two responsibilities with the same id',
    mutate: (r) => (byId(r.responsibilities, 'r-depot').id = 'r-medication'),
    expect: { kind: 'either' },
  },
  {
    id: 'duplicate-consent-ids',
    about: 'two consents with the same id',
    mutate: (r) => (byId(r.consents, 'c-dps').id = 'c-gp'),
    expect: { kind: 'either' },
  },
  // References: the team checks its own; the rest cross entities, which the contract cannot check.
  {
    id: 'member-of-unknown-organisation',
    about: 'a member who acts for an organisation the team does not have',
    mutate: (r) => (member(r, 'm-lars').organisationId = 'org-nowhere'),
    expect: { kind: 'error', brokenIn: TEAM_USERS, path: /members\[2\]\.organisationId/, reason: /not in the team's organisations/ },
  },
  {
    id: 'assignment-to-unknown-member',
    about: 'a responsibility assigned to a member the team does not have',
    mutate: (r) => byId(r.responsibilities, 'r-physical').assignments.push({ memberId: 'm-ghost', part: 'responsible' }),
    expect: { kind: 'either' },
  },
  {
    id: 'handover-to-self',
    about: 'a handover from a member to themself',
    mutate: (r) => {
      const handover = byId(r.responsibilities, 'r-nav-meetings').handover;
      handover.toMemberId = handover.fromMemberId;
    },
    expect: { kind: 'either' },
  },
  {
    id: 'participant-and-attendee-unknown',
    about: 'a meeting participant and agenda attendee the team does not have',
    mutate: (r) => {
      const series = byId(r.meetings, 'mt-series');
      series.participants.push({ memberId: 'm-ghost', required: true, response: 'accepted' });
      series.agenda[0].attendeeIds.push('m-ghost');
    },
    expect: { kind: 'either' },
  },
  {
    id: 'consent-subject-and-recipient-unknown',
    about: 'a consent about someone else, for a recipient the team does not have',
    mutate: (r) => {
      const gp = byId(r.consents, 'c-gp');
      gp.subjectId = 'm-somebody-else';
      gp.recipient.id = 'org-ghost';
    },
    expect: { kind: 'either' },
  },
  {
    id: 'service-user-missing',
    about: 'a team whose service user is not a member',
    mutate: (r) => (r.team.serviceUserId = 'm-ghost'),
    expect: { kind: 'error', brokenIn: TEAM_USERS, path: /serviceUserId/, reason: /service user must be a member/ },
  },
  // Missing and wrong types.
  {
    id: 'missing-member-name',
    about: 'a member without a name',
    mutate: (r) => delete member(r, 'm-lars').name,
    expect: { kind: 'error', brokenIn: TEAM_USERS, path: /members\[2\]\.name/, reason: /is required/ },
  },
  {
    id: 'missing-meeting-start-and-consent-state',
    about: 'a meeting without a start and a consent without a state',
    mutate: (r) => {
      delete byId(r.meetings, 'mt-series').start;
      delete byId(r.consents, 'c-gp').state;
    },
    expect: { kind: 'error', brokenIn: ['toggle', 'list', 'scheduler', 'crisis', 'outcomes'], path: /start|state/, reason: /is required/ },
  },
  {
    id: 'number-for-name',
    about: 'a number where a name belongs',
    mutate: (r) => (member(r, 'm-lars').name = 42),
    expect: { kind: 'error', brokenIn: TEAM_USERS, path: /members\[2\]\.name/, reason: /expected string, found 42 \(number\)/ },
  },
  {
    id: 'object-for-array',
    about: 'objects where lists belong (members, assignments, agenda, history)',
    mutate: (r) => {
      r.team.members = { 0: member(r, 'm-ingrid') };
      byId(r.responsibilities, 'r-physical').assignments = { memberId: 'm-ola' };
      byId(r.meetings, 'mt-series').agenda = { id: 'a-1' };
      byId(r.consents, 'c-gp').history = {};
    },
    expect: { kind: 'error', brokenIn: ['roster', 'matrix', 'toggle', 'list', 'scheduler', 'crisis', 'outcomes'], path: /members|assignments|agenda|history/, reason: /expected array/ },
  },
  {
    id: 'null-everywhere',
    about: 'null in every field of a member, a responsibility, a consent and a meeting',
    mutate: (r) => {
      const nullify = (o: LooseRecord) => {
        for (const key of Object.keys(o)) if (key !== 'id') o[key] = null;
      };
      nullify(member(r, 'm-lars'));
      nullify(byId(r.responsibilities, 'r-physical'));
      nullify(byId(r.consents, 'c-gp'));
      nullify(byId(r.meetings, 'mt-series'));
    },
    expect: { kind: 'error', brokenIn: ALL_BUT_PICKER, path: /\./, reason: /found null/ },
  },
  {
    id: 'null-entities',
    about: 'null members, responsibilities, consents and meetings in the lists',
    mutate: (r) => {
      r.team.members[memberIndex(r, 'm-lars')] = null;
      r.responsibilities[0] = null;
      r.consents[0] = null;
      r.meetings[0] = null;
    },
    expect: { kind: 'error', brokenIn: ALL_BUT_PICKER, path: /\[\d+\]|^\(root\)$/, reason: /expected object, found null|found null/ },
  },
  {
    id: 'prototype-keys',
    about: '__proto__ and constructor keys in the data',
    mutate: (r) => {
      const lars = member(r, 'm-lars');
      Object.defineProperty(lars, '__proto__', { value: { polluted: true, name: 'Prototype' }, enumerable: true, configurable: true, writable: true });
      lars.constructor = { prototype: { polluted: true } };
      r.team.organisations[0].toString = 'not a function';
    },
    expect: { kind: 'either' },
  },
];

/** Hostile values for the date picker's attributes (it takes no record). */
const pickerCases: HostileCase[] = [
  { id: 'picker-february-30', about: 'date picker: value 2026-02-30', mutate: () => {}, expect: { kind: 'either' }, picker: { value: '2026-02-30' } },
  { id: 'picker-garbage-value', about: 'date picker: markup as the value', mutate: () => {}, expect: { kind: 'either' }, picker: { value: '<img src=x onerror="window.__pwned=1">' } },
  { id: 'picker-hour-25', about: 'date picker: a time as min, an instant as max', mutate: () => {}, expect: { kind: 'either' }, picker: { min: '25:00', max: '2026-12-08T10:00:00Z', value: '2026-12-08' } },
  { id: 'picker-min-after-max', about: 'date picker: min after max, value outside both', mutate: () => {}, expect: { kind: 'either' }, picker: { min: '2027-01-01', max: '2026-01-01', value: '2026-06-15' } },
  { id: 'picker-year-0', about: 'date picker: year 0000 and year 275760', mutate: () => {}, expect: { kind: 'either' }, picker: { value: '0000-01-01', today: '275760-09-13' } },
];

/** Every case. The date-picker cases only go to the date picker. */
export const CORPUS: readonly HostileCase[] = [...textCases, ...errorCases, ...pickerCases];

/** The cases for one element. */
export const casesFor = (element: ElementName): HostileCase[] =>
  CORPUS.filter((c) => (element === 'date-picker' ? c.picker !== undefined : !c.id.startsWith('picker-')));
