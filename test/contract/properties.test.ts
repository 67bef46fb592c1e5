import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  AGENDA_TEMPLATES,
  check,
  CONSENT_METHODS,
  CONSENT_MODELS,
  CONSENT_PURPOSES,
  CONSENT_STATES,
  ConsentDirective,
  CONTACT_CHANNELS,
  DECIDER_RELATIONS,
  INFORMATION_CATEGORIES,
  Meeting,
  MEETING_KINDS,
  MEETING_MODES,
  MEETING_STATUSES,
  Member,
  MEMBER_KINDS,
  MEMBER_STATUSES,
  RECIPIENT_KINDS,
  RECURRENCE_FREQUENCIES,
  RESPONSE_STATUSES,
  SECTORS,
  type ContractResult,
} from '../../src/contract/index.js';

// Keep runs modest: two cores are shared with other test runs.
const RUNS = { numRuns: 100 };

type Json = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Valid building blocks

const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,23}$/);
// Something visible: the contract refuses required text of only spaces or invisible characters.
const text = (max: number) =>
  fc.string({ minLength: 1, maxLength: max, unit: 'grapheme' }).filter((s) => s.length <= max && /[^\s\p{Cc}\p{Cf}]/u.test(s));
const DAY = 86_400_000;
const FROM = Date.UTC(1990, 0, 1);
const TO = Date.UTC(2045, 11, 31);
const isoDate = fc.integer({ min: FROM / DAY, max: TO / DAY }).map((day) => new Date(day * DAY).toISOString().slice(0, 10));
const offsets = ['Z', '+01:00', '+02:00', '-05:30'];
/** An instant in milliseconds and its ISO 8601 text in one of several offsets. */
const instantAt = (ms: number, offsetIndex: number) => {
  const offset = offsets[offsetIndex % offsets.length];
  if (offset === 'Z') return new Date(ms).toISOString();
  const minutes = (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return `${new Date(ms + minutes * 60_000).toISOString().slice(0, 19)}${offset}`;
};
const instant = fc.tuple(fc.integer({ min: FROM, max: TO }), fc.nat()).map(([ms, o]) => instantAt(ms, o));
const timeZone = fc.constantFrom('Europe/Oslo', 'Europe/Copenhagen', 'Europe/Stockholm', 'UTC', 'America/New_York');
const actor = fc.record({ id, name: text(60), organisationId: id }, { requiredKeys: ['name'] });

const contact = fc.constantFrom(...CONTACT_CHANNELS).chain((channel) => {
  const value =
    channel === 'phone' || channel === 'sms'
      ? fc.stringMatching(/^\+?[0-9][0-9 ]{2,15}$/)
      : channel === 'email'
        ? fc.tuple(id, id).map(([local, host]) => `${local}@${host}.example`)
        : fc.tuple(id, id).map(([host, path]) => `https://${host}.example/${path}`);
  return fc.record(
    { channel: fc.constant(channel), value, label: text(40), preferred: fc.boolean(), private: fc.boolean() },
    { requiredKeys: ['channel', 'value'] },
  );
});

const period = fc
  .tuple(fc.option(isoDate, { nil: undefined }), fc.option(isoDate, { nil: undefined }))
  .map(([a, b]) => {
    const [start, end] = a && b && a > b ? [b, a] : [a, b];
    return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
  });

const member = fc.record(
  {
    id,
    name: text(80),
    kind: fc.constantFrom(...MEMBER_KINDS),
    status: fc.constantFrom(...MEMBER_STATUSES),
    role: fc.record({ code: id, label: text(40) }),
    organisationId: id,
    sector: fc.constantFrom(...SECTORS),
    contacts: fc.array(contact, { maxLength: 3 }),
    period,
    coordinator: fc.boolean(),
    lastConfirmed: isoDate,
    note: fc.string({ maxLength: 200 }),
  },
  { requiredKeys: ['id', 'name', 'kind', 'status'] },
);

const decider = fc.record(
  { name: text(40), memberId: id, relation: fc.constantFrom(...DECIDER_RELATIONS) },
  { requiredKeys: ['name'] },
);

const consent = fc
  .record(
    {
      id,
      subjectId: id,
      recipient: fc.record({ kind: fc.constantFrom(...RECIPIENT_KINDS), id, name: text(60) }, { requiredKeys: ['kind', 'name'] }),
      purposes: fc.uniqueArray(fc.constantFrom(...CONSENT_PURPOSES), { minLength: 1 }),
      categories: fc.uniqueArray(fc.constantFrom(...INFORMATION_CATEGORIES), { minLength: 1 }),
      model: fc.constantFrom(...CONSENT_MODELS),
      state: fc.constantFrom(...CONSENT_STATES),
      since: instant,
      validity: period,
      method: fc.constantFrom(...CONSENT_METHODS),
      decidedBy: decider,
      recordedBy: actor,
      consequence: fc.string({ maxLength: 200 }),
      history: fc.array(
        fc.record(
          { state: fc.constantFrom(...CONSENT_STATES), at: instant, decidedBy: decider, method: fc.constantFrom(...CONSENT_METHODS) },
          { requiredKeys: ['state', 'at'] },
        ),
        { maxLength: 3 },
      ),
    },
    { requiredKeys: ['id', 'subjectId', 'recipient', 'purposes', 'categories', 'model', 'state', 'since', 'validity'] },
  )
  .map(({ validity, ...rest }) => {
    const directive: Json = { ...rest };
    if (validity.start) directive.validFrom = validity.start;
    if (validity.end) directive.validUntil = validity.end;
    if (rest.state === 'not-recorded' && rest.id.length % 2 === 0) delete directive.since;
    return directive;
  });

const meeting = fc
  .record({
    id,
    title: text(80),
    kind: fc.constantFrom(...MEETING_KINDS),
    mode: fc.constantFrom(...MEETING_MODES),
    status: fc.constantFrom(...MEETING_STATUSES),
    startMs: fc.integer({ min: FROM, max: TO }),
    minutes: fc.integer({ min: 15, max: 240 }),
    offset: fc.nat(),
    timeZone,
    location: fc.record({ name: text(60), address: text(80), timeZone }, { requiredKeys: ['name'] }),
    videoLink: id.map((path) => `https://video.example/${path}`),
    participants: fc.uniqueArray(
      fc.record(
        { memberId: id, required: fc.boolean(), response: fc.constantFrom(...RESPONSE_STATUSES) },
        { requiredKeys: ['memberId'] },
      ),
      { maxLength: 6, selector: (p) => p.memberId },
    ),
    agendaCount: fc.integer({ min: 0, max: 3 }),
    template: fc.constantFrom(...AGENDA_TEMPLATES),
    attendees: fc.array(id, { maxLength: 3 }),
    recurrence: fc.option(
      fc.record(
        { frequency: fc.constantFrom(...RECURRENCE_FREQUENCIES), interval: fc.integer({ min: 1, max: 52 }), count: fc.integer({ min: 1, max: 500 }) },
        { requiredKeys: ['frequency'] },
      ),
      { nil: undefined },
    ),
  })
  .map(({ startMs, minutes, offset, agendaCount, template, attendees, recurrence, location, videoLink, ...rest }) => {
    const endMs = startMs + minutes * 60_000;
    const slot = (minutes * 60_000) / Math.max(agendaCount, 1);
    const value: Json = {
      ...rest,
      start: instantAt(startMs, offset),
      end: instantAt(endMs, offset + 1),
      agenda: Array.from({ length: agendaCount }, (_, i) => ({
        id: `a-${i}`,
        title: `Item ${i + 1}`,
        template,
        start: instantAt(startMs + i * slot, offset),
        end: instantAt(startMs + (i + 1) * slot, offset),
        ...(i % 2 ? { attendeeIds: attendees } : {}),
      })),
    };
    if (rest.mode !== 'digital') value.location = location;
    if (rest.mode !== 'in-person') value.videoLink = videoLink;
    if (recurrence) value.recurrence = recurrence;
    if (agendaCount === 0 && offset % 2) delete value.agenda;
    return value;
  });

// ---------------------------------------------------------------------------------------------
// The defaults the contract fills in, written out independently of the schemas.

const withDefaults = {
  member: (m: Json): Json => ({ ...m, contacts: m.contacts ?? [] }),
  consent: (c: Json): Json => {
    const decided = (d: Json | undefined) => (d ? { ...d, relation: d.relation ?? 'self' } : undefined);
    const value: Json = { ...c, history: ((c.history as Json[] | undefined) ?? []).map((h) => (h.decidedBy ? { ...h, decidedBy: decided(h.decidedBy as Json) } : h)) };
    if (c.decidedBy) value.decidedBy = decided(c.decidedBy as Json);
    return value;
  },
  meeting: (m: Json): Json => {
    const value: Json = {
      ...m,
      participants: (m.participants as Json[]).map((p) => ({ required: true, response: 'needs-action', ...p })),
      agenda: ((m.agenda as Json[] | undefined) ?? []).map((a) => ({ attendeeIds: [], ...a })),
    };
    if (m.recurrence) value.recurrence = { interval: 1, exceptions: [], ...(m.recurrence as Json) };
    return value;
  },
};

function expectRoundTrip(result: ContractResult<unknown>, expected: Json) {
  if (!result.ok) throw new Error(`a valid value was refused: ${JSON.stringify(result.issues)}`);
  expect(result.value).to.deep.equal(expected);
}

// ---------------------------------------------------------------------------------------------
// Mutations that break exactly one field; each says which path the issue must name.

interface Mutation {
  path: string;
  apply: (value: Json) => void;
}

const wrongEnum = (field: string): Mutation => ({ path: field, apply: (v) => (v[field] = 'not-an-allowed-value') });
const missing = (field: string): Mutation => ({ path: field, apply: (v) => delete v[field] });
const badDate = (field: string, bad: string): Mutation => ({ path: field, apply: (v) => (v[field] = bad) });

const memberMutations: Mutation[] = [
  wrongEnum('kind'),
  wrongEnum('status'),
  missing('id'),
  missing('name'),
  missing('kind'),
  badDate('lastConfirmed', '2026-02-30'),
  badDate('lastConfirmed', '30.11.2026'),
  { path: 'contacts[0].channel', apply: (v) => (v.contacts = [{ channel: 'pager', value: '123' }]) },
  { path: 'contacts[0].value', apply: (v) => (v.contacts = [{ channel: 'video', value: 'javascript:alert(1)' }]) },
  { path: 'period.start', apply: (v) => (v.period = { start: '2025-13-01' }) },
];

const consentMutations: Mutation[] = [
  wrongEnum('model'),
  wrongEnum('state'),
  missing('subjectId'),
  missing('recipient'),
  { path: 'purposes', apply: (v) => (v.purposes = []) },
  { path: 'categories[0]', apply: (v) => (v.categories = ['everything']) },
  { path: 'recipient.kind', apply: (v) => (v.recipient = { kind: 'country', name: 'Norway' }) },
  badDate('validFrom', '2026-02-29'),
  badDate('since', '2026-11-31T10:00:00Z'),
  { path: 'decidedBy.relation', apply: (v) => (v.decidedBy = { name: 'Someone', relation: 'friend' }) },
];

const meetingMutations: Mutation[] = [
  wrongEnum('mode'),
  wrongEnum('kind'),
  wrongEnum('status'),
  missing('start'),
  missing('timeZone'),
  badDate('start', '2026-02-30T10:00:00+01:00'),
  badDate('end', '2026-12-01 10:00'),
  { path: 'timeZone', apply: (v) => (v.timeZone = 'Europe/Fjordvik') },
  { path: 'participants[0].response', apply: (v) => (v.participants = [{ memberId: 'm-1', response: 'maybe' }]) },
  { path: 'recurrence.frequency', apply: (v) => (v.recurrence = { frequency: 'daily' }) },
];

function expectIssueAt(schema: Parameters<typeof check>[0], valid: Json, mutation: Mutation) {
  const broken = structuredClone(valid);
  mutation.apply(broken);
  const result = check(schema, broken);
  if (result.ok) throw new Error(`a value broken at ${mutation.path} was accepted: ${JSON.stringify(broken)}`);
  const paths = result.issues.map((issue) => issue.path);
  expect(paths, `issues for a value broken at ${mutation.path}`).to.include(mutation.path);
  for (const issue of result.issues) expect(issue.message).to.be.a('string').and.not.equal('');
}

describe('data contract properties', () => {
  it('valid members round-trip unchanged, with defaults applied', () => {
    fc.assert(fc.property(member, (value) => expectRoundTrip(check(Member, value), withDefaults.member(value))), RUNS);
  });

  it('valid consent directives round-trip unchanged, with defaults applied', () => {
    fc.assert(fc.property(consent, (value) => expectRoundTrip(check(ConsentDirective, value), withDefaults.consent(value))), RUNS);
  });

  it('valid meetings round-trip unchanged, with defaults applied', () => {
    fc.assert(fc.property(meeting, (value) => expectRoundTrip(check(Meeting, value), withDefaults.meeting(value))), RUNS);
  });

  it('a member broken in one field gets an issue naming that field', () => {
    fc.assert(fc.property(member, fc.constantFrom(...memberMutations), (value, mutation) => expectIssueAt(Member, value, mutation)), RUNS);
  });

  it('a consent directive broken in one field gets an issue naming that field', () => {
    fc.assert(
      fc.property(consent, fc.constantFrom(...consentMutations), (value, mutation) => expectIssueAt(ConsentDirective, value, mutation)),
      RUNS,
    );
  });

  it('a meeting broken in one field gets an issue naming that field', () => {
    fc.assert(fc.property(meeting, fc.constantFrom(...meetingMutations), (value, mutation) => expectIssueAt(Meeting, value, mutation)), RUNS);
  });
});
