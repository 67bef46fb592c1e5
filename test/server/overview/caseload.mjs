// A seeded generator of synthetic caseloads: care records (team, responsibilities, consents,
// meetings, crisis plans) of the contract's shape, for a fictional Norwegian municipality and its
// partners, with each coordination gap planted at a known rate. The generator writes down what it
// planted (`planted`), so a test compares what a server FINDS in the records with what was PUT
// there, by two separate pieces of code.
//
// Rates (person number i, counted from 0): the rule decides, never chance, so counts are exact.
//   no-coordinator   i % 19 === 3   the coordinator has left (member ended), nobody took over
//   no-owner         i % 11 === 1   "Medicines" has nobody accountable
//   several-owners   i % 23 === 2   "Going along to NAV" has two accountable members
//   handover         i % 29 === 5   "Housing" handed over, waiting for an answer
//                    i % 31 === 7   "Activity and work" disputed
//                    i % 37 === 9   "Money matters" handover disputed
//   consent-missing  i % 9 === 4    the NAV adviser is on the team, no consent covers NAV
//                    i % 41 === 6   consent to the GP withdrawn
//                    i % 43 === 10  consent to the GP ended yesterday (its validUntil has passed)
//                    i % 47 === 12  consent to the GP begins tomorrow (its validFrom is ahead)
//                    (i % 53 === 14: consent to the GP ends today: the last day still counts)
//   no-meeting       i % 17 === 8   the team has never met; otherwise the last meeting was
//                                   (i * 7) % 15 months before `today` (0–14)
//   review-overdue   i % 13 === 6   the crisis plan's review date has passed
// Names come from the seeded random stream (Nordic first and family names); names and rates do
// not depend on the stream, so the counts are the same for every seed.

export const DEFAULT_TODAY = '2026-03-02';

export const ORGANISATIONS = [
  { id: 'org-home-north', name: 'Fjordvik hjemmetjeneste nord', sector: 'municipal' },
  { id: 'org-mental-health', name: 'Fjordvik psykisk helse og rus', sector: 'municipal' },
  { id: 'org-housing', name: 'Fjordvik boligtjeneste', sector: 'municipal' },
  { id: 'org-dps', name: 'Havbakken DPS', sector: 'specialist' },
  { id: 'org-dps-east', name: 'Østmarka DPS', sector: 'specialist' },
  { id: 'org-gp-centre', name: 'Sentrum legekontor', sector: 'general-practice' },
  { id: 'org-gp-strand', name: 'Strand legesenter', sector: 'general-practice' },
  { id: 'org-nav', name: 'NAV Fjordvik', sector: 'social-welfare' },
];
const GP_ORGS = ['org-gp-centre', 'org-gp-strand'];
const NAV = 'org-nav';
const COORDINATORS_PER_ORG = 3;

const FIRST = ['Ingrid', 'Kari', 'Lars', 'Ole', 'Sofie', 'Nora', 'Emma', 'Jonas', 'Aksel', 'Sigrid', 'Astrid', 'Magnus', 'Eirik', 'Hedda', 'Solveig', 'Tor', 'Ragnhild', 'Mats', 'Linnea', 'Freja', 'Anders', 'Maja', 'Oskar', 'Marit', 'Bjørn', 'Åse', 'Øystein', 'Siri', 'Henrik', 'Ida'];
const LAST = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Lund', 'Dahl', 'Bakken', 'Strand', 'Solberg', 'Ås', 'Lindqvist', 'Nyström', 'Sørensen', 'Møller', 'Eriksson'];

/** A small seeded random stream (mulberry32), so the same seed gives the same names. */
function stream(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The planting rules, each a test of the person number. */
export const RULES = {
  'no-coordinator': (i) => i % 19 === 3,
  'no-owner': (i) => i % 11 === 1,
  'several-owners': (i) => i % 23 === 2,
  'handover-proposed': (i) => i % 29 === 5,
  disputed: (i) => i % 31 === 7,
  'handover-disputed': (i) => i % 37 === 9,
  'nav-uncovered': (i) => i % 9 === 4,
  'gp-withdrawn': (i) => i % 41 === 6,
  'gp-ended': (i) => i % 43 === 10,
  'gp-not-yet': (i) => i % 47 === 12,
  'gp-last-day': (i) => i % 53 === 14,
  'never-met': (i) => i % 17 === 8,
  'review-overdue': (i) => i % 13 === 6,
};

/** Months since the last meeting of a team that has met. */
export const monthsSinceMeeting = (i) => (i * 7) % 15;

/** `YYYY-MM-DD` of `date` moved by whole months (the day kept, or the month's last day). */
export function addMonths(date, months) {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

const addDays = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function coordinatorsOf(orgIndex) {
  const org = ORGANISATIONS[orgIndex];
  return Array.from({ length: COORDINATORS_PER_ORG }, (_, k) => ({ id: `coord-${org.id.slice(4)}-${k + 1}`, organisationId: org.id }));
}

/**
 * `people` care records. Returns { records, coordinators, planted }: `planted[gap]` lists, per
 * gap, the team ids (once per row planted) with the person's organisation and coordinator, so a
 * test can count any filter.
 * @param {{ people: number, seed?: number, today?: string }} options
 */
export function generateCaseload({ people, seed = 1, today = DEFAULT_TODAY }) {
  const random = stream(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const coordinatorNames = new Map();
  const coordinators = [];
  ORGANISATIONS.forEach((org, index) => {
    for (const c of coordinatorsOf(index)) {
      const name = `${pick(FIRST)} ${pick(LAST)}`;
      coordinatorNames.set(c.id, name);
      coordinators.push({ id: c.id, name, organisationId: org.id });
    }
  });
  const planted = Object.fromEntries(['no-coordinator', 'no-owner', 'several-owners', 'handover', 'consent-missing', 'no-meeting-never', 'review-overdue'].map((k) => [k, []]));
  const records = [];
  for (let i = 0; i < people; i++) {
    const orgIndex = i % ORGANISATIONS.length;
    const org = ORGANISATIONS[orgIndex];
    const coordinator = coordinatorsOf(orgIndex)[Math.floor(i / ORGANISATIONS.length) % COORDINATORS_PER_ORG];
    const gpOrg = GP_ORGS[i % 2];
    const n = String(i + 1).padStart(5, '0');
    const teamId = `team-${n}`;
    const personId = `p-${n}`;
    const place = { teamId, organisationId: org.id, sector: org.sector };
    const noCoordinator = RULES['no-coordinator'](i);
    const hasNav = RULES['nav-uncovered'](i) || i % 3 === 0;
    const members = [
      { id: personId, name: `${pick(FIRST)} ${pick(LAST)}`, kind: 'service-user', status: 'active', contacts: [] },
      {
        id: coordinator.id,
        name: coordinatorNames.get(coordinator.id),
        kind: 'professional',
        role: { text: 'Koordinator' },
        organisationId: org.id,
        sector: org.sector,
        status: noCoordinator ? 'ended' : 'active',
        coordinator: true,
        contacts: [],
      },
      { id: `${teamId}-gp`, name: `${pick(FIRST)} ${pick(LAST)}`, kind: 'professional', role: { text: 'Fastlege' }, organisationId: gpOrg, sector: 'general-practice', status: 'active', contacts: [] },
      ...(hasNav ? [{ id: `${teamId}-nav`, name: `${pick(FIRST)} ${pick(LAST)}`, kind: 'professional', role: { text: 'NAV-veileder' }, organisationId: NAV, sector: 'social-welfare', status: 'active', contacts: [] }] : []),
    ];
    const orgIds = [...new Set([org.id, gpOrg, ...(hasNav ? [NAV] : [])])];
    if (noCoordinator) planted['no-coordinator'].push(place);

    const accountable = (memberId) => ({ memberId, part: 'accountable' });
    const owner = noCoordinator ? `${teamId}-gp` : coordinator.id;
    const responsibility = (id, title, area, extra = {}) => ({ id: `${teamId}-${id}`, title, area, status: 'agreed', assignments: [accountable(owner)], notes: [], ...extra });
    const responsibilities = [
      responsibility('medicines', 'Medisiner', 'medication', RULES['no-owner'](i) ? { assignments: [{ memberId: personId, part: 'informed' }] } : { assignments: [accountable(`${teamId}-gp`)] }),
      responsibility('nav', 'Følge til NAV', 'accompaniment', RULES['several-owners'](i) ? { assignments: [accountable(owner), accountable(`${teamId}-gp`)] } : {}),
      responsibility('housing', 'Bolig', 'housing', RULES['handover-proposed'](i) ? { handover: { fromMemberId: owner, toMemberId: `${teamId}-gp`, status: 'proposed', proposedAt: `${addDays(today, -10)}T09:00:00+01:00`, proposedBy: { id: owner, name: 'Koordinator' } } } : {}),
      responsibility('activity', 'Aktivitet og arbeid', 'work-and-activity', RULES.disputed(i) ? { status: 'disputed', dispute: { memberId: `${teamId}-gp`, reason: 'Ikke vår oppgave.', at: `${addDays(today, -20)}T10:00:00+01:00` } } : {}),
      responsibility('money', 'Økonomi', 'finances', RULES['handover-disputed'](i) ? { handover: { fromMemberId: owner, toMemberId: `${teamId}-gp`, status: 'disputed', proposedAt: `${addDays(today, -30)}T09:00:00+01:00`, proposedBy: { id: owner, name: 'Koordinator' } } } : {}),
    ];
    if (RULES['no-owner'](i)) planted['no-owner'].push(place);
    if (RULES['several-owners'](i)) planted['several-owners'].push(place);
    for (const rule of ['handover-proposed', 'disputed', 'handover-disputed']) if (RULES[rule](i)) planted.handover.push(place);

    const consent = (id, recipientOrg, state, validity = {}) => ({
      id: `${teamId}-c-${id}`,
      subjectId: personId,
      recipient: { kind: 'organisation', id: recipientOrg },
      purposes: ['coordination'],
      categories: ['care-plan'],
      model: 'opt-in',
      state,
      ...validity,
      history: [],
    });
    const gpValidity = RULES['gp-ended'](i)
      ? { validFrom: addDays(today, -400), validUntil: addDays(today, -1) }
      : RULES['gp-not-yet'](i)
        ? { validFrom: addDays(today, 1) }
        : RULES['gp-last-day'](i)
          ? { validUntil: today }
          : {};
    const consents = [consent('lead', org.id, 'granted'), consent('gp', gpOrg, RULES['gp-withdrawn'](i) ? 'withdrawn' : 'granted', gpValidity)];
    if (hasNav && !RULES['nav-uncovered'](i)) consents.push(consent('nav', NAV, 'granted'));
    // A member is uncovered when no granted consent in force today reaches their organisation (the
    // lead org may be the GP's or NAV's). Written from the rules above, not from the dates.
    const gpOff = RULES['gp-withdrawn'](i) || RULES['gp-ended'](i) || RULES['gp-not-yet'](i);
    const granted = new Set(consents.filter((c) => c.state === 'granted' && !(c.id.endsWith('-c-gp') && gpOff)).map((c) => c.recipient.id));
    for (const m of members) if (m.status === 'active' && m.kind === 'professional' && !granted.has(m.organisationId)) planted['consent-missing'].push(place);

    const meetings = [];
    if (RULES['never-met'](i)) planted['no-meeting-never'].push(place);
    else {
      const day = addMonths(today, -monthsSinceMeeting(i));
      meetings.push({ id: `${teamId}-m1`, title: 'Ansvarsgruppemøte', kind: 'responsibility-group', start: `${addDays(day, -1)}T10:00:00+01:00`, end: `${addDays(day, -1)}T11:00:00+01:00`, status: 'held', participants: [] });
    }
    const overdue = RULES['review-overdue'](i);
    if (overdue) planted['review-overdue'].push(place);
    const crisisPlans = [{ id: `${teamId}-cp`, nextReview: overdue ? addDays(today, -((i % 90) + 1)) : addDays(today, (i % 90) + 1) }];

    records.push({
      team: { id: teamId, serviceUserId: personId, status: 'active', members, organisations: ORGANISATIONS.filter((o) => orgIds.includes(o.id)) },
      responsibilities,
      consents,
      meetings,
      crisisPlans,
      lead: org.id,
    });
  }
  return { records, coordinators, planted, today };
}
