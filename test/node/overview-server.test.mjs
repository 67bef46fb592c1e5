// The reference server's coordination overview over generated caseloads: every gap the server
// finds in the records is the gap the generator planted (counted by separate code), under every
// filter; pages do not overlap; the answer follows the contract's rules; names only when allowed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ORGANISATIONS, RULES, addMonths, generateCaseload, monthsSinceMeeting } from '../server/overview/caseload.mjs';
import { GAPS, createOverview, parseQuery } from '../server/overview/query.mjs';

const TODAY = '2026-03-02';
const build = (people, options = {}) => {
  const caseload = generateCaseload({ people, seed: 7, today: TODAY });
  return { caseload, overview: createOverview({ ...caseload, organisations: ORGANISATIONS, today: TODAY, ...options }) };
};
const ask = (overview, params) => {
  const parsed = parseQuery(new URLSearchParams(params));
  assert.ok(parsed.query, JSON.stringify(parsed.problems));
  return overview.answer(parsed.query);
};
const countsOf = (answer) => Object.fromEntries(answer.counts.map((c) => [c.gap, c.count]));
const between = (n, rule) => Array.from({ length: n }, (_, i) => i).filter(rule).length;

/** What the generator planted, as counts, for teams `keep` lets through. */
function plantedCounts({ planted, records }, months, keep = () => true) {
  const cutoff = addMonths(TODAY, -months);
  const stale = records.filter((r, i) => keep({ teamId: r.team.id, organisationId: r.team.members[1].status === 'active' ? r.team.members[1].organisationId : r.lead, sector: ORGANISATIONS.find((o) => o.id === r.lead).sector, coordinatorId: r.team.members[1].status === 'active' ? r.team.members[1].id : undefined }) && (RULES['never-met'](i) || addMonths(TODAY, -monthsSinceMeeting(i)) <= cutoff));
  const tally = (list) => list.filter((place) => keep({ ...place, coordinatorId: coordinatorOf(records, place.teamId) })).length;
  return {
    'no-coordinator': tally(planted['no-coordinator']),
    'no-owner': tally(planted['no-owner']),
    'several-owners': tally(planted['several-owners']),
    handover: tally(planted.handover),
    'consent-missing': tally(planted['consent-missing']),
    'no-meeting': stale.length,
    'review-overdue': tally(planted['review-overdue']),
  };
}
function coordinatorOf(records, teamId) {
  const c = records.find((r) => r.team.id === teamId).team.members[1];
  return c.status === 'active' ? c.id : undefined;
}

test('on 1,000 people each gap is found exactly as often as the rules plant it', () => {
  const { overview } = build(1000);
  const counts = countsOf(ask(overview, {}));
  const n = 1000;
  assert.equal(counts['no-coordinator'], between(n, RULES['no-coordinator']));
  assert.equal(counts['no-coordinator'], 53);
  assert.equal(counts['no-owner'], between(n, RULES['no-owner']));
  assert.equal(counts['several-owners'], 44);
  assert.equal(counts.handover, between(n, RULES['handover-proposed']) + between(n, RULES.disputed) + between(n, RULES['handover-disputed']));
  assert.equal(counts['review-overdue'], between(n, RULES['review-overdue']));
  // Six months (the default): never met, or last met six or more months ago.
  const stale = between(n, (i) => RULES['never-met'](i) || monthsSinceMeeting(i) >= 6);
  assert.equal(counts['no-meeting'], stale);
});

test('counts under every filter equal what was planted for those teams', () => {
  const { caseload, overview } = build(600);
  for (const months of [3, 6, 12]) assert.deepEqual(countsOf(ask(overview, { months })), plantedCounts(caseload, months));
  for (const sector of ['municipal', 'specialist', 'general-practice', 'social-welfare']) {
    assert.deepEqual(countsOf(ask(overview, { sector })), plantedCounts(caseload, 6, (t) => t.sector === sector), sector);
  }
  for (const org of ORGANISATIONS) {
    assert.deepEqual(countsOf(ask(overview, { organisationId: org.id })), plantedCounts(caseload, 6, (t) => t.organisationId === org.id), org.id);
  }
  for (const coordinator of caseload.coordinators.slice(0, 6)) {
    const counts = countsOf(ask(overview, { coordinatorId: coordinator.id }));
    assert.deepEqual(counts, plantedCounts(caseload, 6, (t) => t.coordinatorId === coordinator.id), coordinator.id);
    assert.equal(counts['no-coordinator'], 0, 'a coordinator\u2019s own teams have a coordinator');
  }
});

test('a consent that has ended, or has not begun, covers nobody; its last day still does', () => {
  const { caseload, overview } = build(600);
  const rows = [];
  for (let page = 1; ; page++) {
    const answer = ask(overview, { gap: 'consent-missing', page, pageSize: 100 });
    rows.push(...answer.items);
    if (page * 100 >= answer.total) break;
  }
  const gpUncovered = new Set(rows.filter((r) => r.id.endsWith('-gp')).map((r) => r.teamId));
  const teamOf = (i) => caseload.records[i].team.id;
  const people = Array.from({ length: 600 }, (_, i) => i);
  const ended = people.filter((i) => RULES['gp-ended'](i));
  const notYet = people.filter((i) => RULES['gp-not-yet'](i));
  const lastDay = people.filter((i) => RULES['gp-last-day'](i) && !RULES['gp-withdrawn'](i) && !RULES['gp-ended'](i) && !RULES['gp-not-yet'](i));
  assert.ok(ended.length >= 10 && notYet.length >= 10 && lastDay.length >= 10);
  // The records really carry the dates the rules describe.
  assert.equal(caseload.records[ended[0]].consents.find((c) => c.id.endsWith('-c-gp')).validUntil, '2026-03-01');
  assert.equal(caseload.records[notYet[0]].consents.find((c) => c.id.endsWith('-c-gp')).validFrom, '2026-03-03');
  assert.equal(caseload.records[lastDay[0]].consents.find((c) => c.id.endsWith('-c-gp')).validUntil, TODAY);
  for (const i of ended) assert.ok(gpUncovered.has(teamOf(i)), `the GP of ${teamOf(i)}, whose consent ended yesterday`);
  for (const i of notYet) assert.ok(gpUncovered.has(teamOf(i)), `the GP of ${teamOf(i)}, whose consent begins tomorrow`);
  for (const i of lastDay) assert.ok(!gpUncovered.has(teamOf(i)), `the GP of ${teamOf(i)}, on the consent's last day`);
});

test('pages of a gap cover its rows once each, in a stable order', () => {
  const { overview } = build(500);
  const first = ask(overview, { gap: 'no-owner', pageSize: 10 });
  assert.equal(first.total, countsOf(first)['no-owner']);
  const seen = [];
  for (let page = 1; page <= Math.ceil(first.total / 10); page++) seen.push(...ask(overview, { gap: 'no-owner', pageSize: 10, page }).items.map((r) => r.id));
  assert.equal(seen.length, first.total);
  assert.equal(new Set(seen).size, first.total);
  assert.deepEqual(ask(overview, { gap: 'no-owner', pageSize: 10, page: 99 }).items, []);
});

test('rows say what and when: the responsibility, the handover state, the last meeting, the review date', () => {
  const { overview } = build(200);
  const handover = ask(overview, { gap: 'handover', pageSize: 100 }).items;
  assert.deepEqual([...new Set(handover.map((r) => r.reason))].sort(), ['disputed', 'handover-disputed', 'handover-proposed']);
  assert.ok(handover.every((r) => r.subject && r.date));
  const meetings = ask(overview, { gap: 'no-meeting', pageSize: 100 }).items;
  assert.ok(meetings.some((r) => r.reason === 'never-met' && !r.date));
  assert.ok(meetings.filter((r) => r.date).every((r) => r.date <= addMonths(TODAY, -6)));
  const overdue = ask(overview, { gap: 'review-overdue', pageSize: 100 }).items;
  assert.ok(overdue.length > 0 && overdue.every((r) => r.date < TODAY));
  const noCoordinator = ask(overview, { gap: 'no-coordinator', pageSize: 100 }).items;
  assert.ok(noCoordinator.length > 0 && noCoordinator.every((r) => r.coordinatorName === undefined && r.organisationName));
});

test('names only where the server allows them', () => {
  const named = ask(build(50).overview, { gap: 'no-owner' }).items;
  assert.ok(named.every((r) => typeof r.name === 'string'));
  const { overview } = build(50, { names: false });
  for (const gap of GAPS) {
    const answer = ask(overview, { gap, pageSize: 100 });
    for (const row of answer.items) {
      assert.equal(row.name, undefined);
      assert.ok(!/[A-ZÆØÅ][a-zæøå]+ [A-ZÆØÅ]/.test(row.subject ?? ''), `no name in ${row.subject}`);
    }
  }
});

test('queries outside the contract are refused with what is wrong', () => {
  assert.match(parseQuery(new URLSearchParams({ gap: 'everything' })).problems[0], /gap must be one of/);
  assert.match(parseQuery(new URLSearchParams({ pageSize: '500' })).problems[0], /pageSize/);
  assert.match(parseQuery(new URLSearchParams({ months: '0' })).problems[0], /months/);
  assert.match(parseQuery(new URLSearchParams({ sector: 'army' })).problems[0], /sector/);
});
