// Fuzzing each element's data input in controlled mode (see fuzz-kit.ts for the invariants).
// On failure fast-check prints the seed and the failing case; rerun with { seed, path } to replay.
import fc from 'fast-check';
import '../../src/define.js';
import { MATRIX_FILTERS, MATRIX_VIEWS } from '../../src/components/responsibility-matrix/model.js';
import { ROSTER_GROUPINGS, ROSTER_LAYOUTS } from '../../src/components/team-roster/roster-model.js';
import { Availability, AUDIENCES, CareTeam, check, ConsentDirective, Meeting, Responsibility } from '../../src/contract/index.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { brokenMutation, fuzzElement, mutate, STATE_TAGS, validMutation, type Mutation } from './fuzz-kit.js';

/** Runs per property; two properties per element. Modest: two cores are shared. */
const RUNS = 30;

const base = () => structuredClone(fjordvik);
const valid = fc.array(validMutation, { minLength: 0, maxLength: 4 });
const broken = fc.array(brokenMutation, { minLength: 1, maxLength: 3 });
const invalid = (schema: Parameters<typeof check>[0], value: unknown) => !check(schema, value).ok;
const anyInvalid = (schema: Parameters<typeof check>[0], list: unknown) => !Array.isArray(list) || list.some((item) => invalid(schema, item));

const given = (value: unknown) => value !== null && value !== undefined;
const allow = (...tags: string[]) => new Set([...STATE_TAGS, ...tags]);
const ALLOWED = {
  roster: allow('a', 'dialog', 'h3', 'input', 'label', 'option', 'path', 'section', 'select', 'svg', 'strong', 'time', 'form'),
  matrix: allow(
    ...['circle', 'fieldset', 'h3', 'h4', 'input', 'label', 'legend', 'path', 'section', 'strong', 'svg', 'table', 'tbody', 'td', 'th', 'thead'],
    ...['tr', 'dialog', 'form', 'textarea', 'ol', 'time', 'dl', 'dt', 'dd', 'select', 'option', 'caption'],
  ),
  toggle: allow('dd', 'dl', 'dt', 'ol', 'time', 'strong'),
  list: allow('care-consent-toggle', 'dd', 'dl', 'dt', 'ol', 'section', 'time', 'strong', 'h3'),
  scheduler: allow(
    ...['a', 'br', 'care-date-picker', 'dd', 'dialog', 'dl', 'dt', 'fieldset', 'form', 'h3', 'header', 'input', 'label', 'legend'],
    ...['ol', 'option', 'path', 'section', 'select', 'strong', 'svg', 'time', 'textarea', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'abbr'],
  ),
};

/** Each element under two properties: arbitrary data within the contract, and broken data. */
function both(name: string, run: (mutations: fc.Arbitrary<Mutation[]>, label: string) => Promise<number>) {
  describe(`fuzz: ${name}`, () => {
    let ran = 0;
    let started = 0;
    before(() => (started = performance.now()));
    after(() => console.log(`fuzz ${name}: ${ran} runs in ${Math.round(performance.now() - started)} ms`));
    it('arbitrary data within the contract (text, allowed values, dates, repeats)', async function () {
      this.timeout(60_000);
      ran += await run(valid, `${name} (within the contract)`);
    });
    it('broken data (fields removed, wrong types, nulls, extra fields, impossible dates)', async function () {
      this.timeout(60_000);
      ran += await run(broken, `${name} (broken)`);
    });
  });
}

both('roster', (mutations, label) =>
  fuzzElement({
    name: label,
    tag: 'care-team-roster',
    attributes: { today: '2026-12-01', lang: 'en' },
    props: fc.record({
      team: mutations.map((m) => mutate(base().team, m)),
      audience: fc.constantFrom(...AUDIENCES),
      layout: fc.constantFrom(...ROSTER_LAYOUTS),
      groupBy: fc.constantFrom(...ROSTER_GROUPINGS),
      showEnded: fc.boolean(),
    }),
    allowedTags: ALLOWED.roster,
    expectInvalid: (p) => invalid(CareTeam, p.team),
    runs: RUNS,
  }),
);

both('matrix', (mutations, label) =>
  fuzzElement({
    name: label,
    tag: 'care-responsibility-matrix',
    attributes: { today: '2026-11-20', lang: 'en', editable: '' },
    props: fc
      .record({ mutations, teamToo: fc.boolean(), view: fc.constantFrom(...MATRIX_VIEWS), filter: fc.constantFrom(...MATRIX_FILTERS), me: fc.constantFrom('m-kari', 'm-ingrid', 'nobody') })
      .map(({ mutations: m, teamToo, ...rest }) => {
        const data = base();
        const mutated = mutate({ team: data.team, responsibilities: data.responsibilities }, teamToo ? m : []);
        return { ...rest, team: mutated.team, responsibilities: teamToo ? mutated.responsibilities : mutate(data.responsibilities, m) };
      }),
    allowedTags: ALLOWED.matrix,
    // Without a team the matrix waits for one (its loading state) and checks nothing yet.
    expectInvalid: (p) => p.team !== undefined && (invalid(CareTeam, p.team) || anyInvalid(Responsibility, p.responsibilities)),
    runs: RUNS,
  }),
);

both('consent toggle', (mutations, label) =>
  fuzzElement({
    name: label,
    tag: 'care-consent-toggle',
    attributes: { lang: 'en' },
    props: fc
      .record({ which: fc.nat(), mutations, audience: fc.constantFrom(...AUDIENCES), historyOpen: fc.boolean(), withTeam: fc.boolean() })
      .map(({ which, mutations: m, withTeam, ...rest }) => {
        const data = base();
        const directive = mutate(data.consents[which % data.consents.length], m);
        return { directive, ...rest, now: '2026-12-01', ...(withTeam ? { team: data.team } : {}) };
      }),
    allowedTags: ALLOWED.toggle,
    expectInvalid: (p) => invalid(ConsentDirective, p.directive),
    runs: RUNS,
  }),
);

both('consent list', (mutations, label) =>
  fuzzElement({
    name: label,
    tag: 'care-consent-list',
    attributes: { lang: 'en' },
    props: fc
      .record({ mutations, audience: fc.constantFrom(...AUDIENCES), teamToo: fc.boolean() })
      .map(({ mutations: m, teamToo, ...rest }) => {
        const data = base();
        const mutated = mutate({ team: data.team, consents: data.consents }, teamToo ? m : []);
        return { ...rest, now: '2026-12-01', team: mutated.team, consents: teamToo ? mutated.consents : mutate(data.consents, m) };
      }),
    allowedTags: ALLOWED.list,
    // The team is optional: one that is not there is not an error; a broken one is. Consents not
    // given (a mutation removed them) mean the list waits for them; null or a non-list breaks it.
    expectInvalid: (p) => (p.team !== undefined && invalid(CareTeam, p.team)) || (p.consents !== undefined && anyInvalid(ConsentDirective, p.consents)),
    runs: RUNS,
  }),
);

both('scheduler', (mutations, label) =>
  fuzzElement({
    name: label,
    tag: 'care-meeting-scheduler',
    attributes: { today: '2026-12-01', lang: 'en', 'viewer-time-zone': 'Europe/Oslo' },
    props: fc
      .record({ which: fc.nat(), mutations, part: fc.constantFrom('meeting', 'team', 'availability', 'consents'), me: fc.constantFrom('m-lars', 'm-kari', '') })
      .map(({ which, mutations: m, part, me }) => {
        const data = base();
        const meeting = data.meetings[which % data.meetings.length];
        return {
          me,
          meeting: part === 'meeting' ? mutate(meeting, m) : meeting,
          team: part === 'team' ? mutate(data.team, m) : data.team,
          availability: part === 'availability' ? mutate(data.availability, m) : data.availability,
          consents: part === 'consents' ? mutate(data.consents, m) : data.consents,
        };
      }),
    allowedTags: ALLOWED.scheduler,
    // A team that is not there (null) counts as "no team"; a broken one must be reported.
    expectInvalid: (p) =>
      (given(p.team) && invalid(CareTeam, p.team)) ||
      (!invalid(CareTeam, p.team) &&
        ((given(p.availability) && anyInvalid(Availability, p.availability)) ||
          (given(p.consents) && anyInvalid(ConsentDirective, p.consents)) ||
          (given(p.meeting) && invalid(Meeting, p.meeting)))),
    runs: RUNS,
  }),
);
