// The reference server's coordination overview (GET /overview in docs/openapi.yaml): it reads
// the care records it holds, finds every gap in them once (as a database keeps an index or a
// materialised view), and answers each query with counts and one page of rows. The browser gets
// counts and a page, never the records.

export const GAPS = ['no-coordinator', 'no-owner', 'several-owners', 'handover', 'consent-missing', 'no-meeting', 'review-overdue'];
const SECTORS = ['municipal', 'specialist', 'general-practice', 'social-welfare', 'private', 'voluntary'];
const ID = /^.{1,200}$/s;

/** `YYYY-MM-DD` of `date` moved by whole months (the day kept, or the month's last day). */
function addMonths(date, months) {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/**
 * Whether a consent lets information flow on `today`: a yes under opt-in, anything but a no or a
 * withdrawal under objection, and today within `validFrom`–`validUntil` (both days included). An
 * agreement that has ended, or has not begun, covers nobody.
 */
const allows = (consent, today) =>
  (consent.model === 'opt-in' ? consent.state === 'granted' : consent.state !== 'refused' && consent.state !== 'withdrawn') &&
  (!consent.validFrom || consent.validFrom <= today) &&
  (!consent.validUntil || today <= consent.validUntil);

/** Whether a consent's recipient reaches a member: the whole team, their organisation, or them. */
function reaches(recipient, member, teamId) {
  if (recipient.kind === 'team') return !recipient.id || recipient.id === teamId;
  if (recipient.kind === 'organisation') return Boolean(recipient.id) && recipient.id === member.organisationId;
  return recipient.kind === 'person' && recipient.id === member.id;
}

/** An owner is an active member who is accountable. */
function ownersOf(responsibility, activeIds) {
  return (responsibility.assignments ?? []).filter((a) => a.part === 'accountable' && activeIds.has(a.memberId)).length;
}

/** One team's facts and the rows of every gap but `no-meeting` (which depends on the months asked). */
function indexRecord(record, today, names, organisations) {
  const team = record.team;
  const active = team.members.filter((m) => m.status === 'active');
  const activeIds = new Set(active.map((m) => m.id));
  const coordinator = active.find((m) => m.coordinator);
  const person = team.members.find((m) => m.id === team.serviceUserId);
  const organisationId = coordinator?.organisationId ?? record.lead;
  const organisation = organisations.get(organisationId);
  const base = {
    teamId: team.id,
    personId: team.serviceUserId,
    ...(names && person?.name ? { name: person.name } : {}),
    ...(organisation ? { organisationId, organisationName: organisation.name, sector: organisation.sector } : {}),
    ...(coordinator ? { coordinatorName: coordinator.name } : {}),
  };
  const facts = { teamId: team.id, organisationId, sector: organisation?.sector, coordinatorId: coordinator?.id };
  const rows = Object.fromEntries(GAPS.map((gap) => [gap, []]));
  const row = (gap, key, extra = {}) => rows[gap].push({ id: `${team.id}/${gap}/${key}`, ...base, ...extra });

  if (!coordinator) row('no-coordinator', 'team');
  for (const r of record.responsibilities ?? []) {
    if (r.status === 'ended') continue;
    const owners = ownersOf(r, activeIds);
    if (owners === 0) row('no-owner', r.id, { subject: r.title });
    if (owners > 1) row('several-owners', r.id, { subject: r.title });
    const handover = r.handover && (r.handover.status === 'proposed' || r.handover.status === 'disputed') ? r.handover : undefined;
    if (handover) row('handover', r.id, { subject: r.title, reason: handover.status === 'proposed' ? 'handover-proposed' : 'handover-disputed', date: handover.proposedAt.slice(0, 10) });
    else if (r.status === 'disputed') row('handover', r.id, { subject: r.title, reason: 'disputed', ...(r.dispute?.at ? { date: r.dispute.at.slice(0, 10) } : {}) });
  }
  const allowing = (record.consents ?? []).filter((c) => c.subjectId === team.serviceUserId && allows(c, today));
  for (const m of active) {
    if (m.id === team.serviceUserId || m.kind === 'legal-representative') continue;
    if (!allowing.some((c) => reaches(c.recipient, m, team.id))) {
      const role = m.role?.text;
      row('consent-missing', m.id, { subject: names ? `${m.name}${role ? ` (${role})` : ''}` : (role ?? m.kind) });
    }
  }
  const held = (record.meetings ?? [])
    .filter((mt) => mt.kind === 'responsibility-group' && mt.status !== 'cancelled' && mt.start.slice(0, 10) < today)
    .map((mt) => mt.start.slice(0, 10))
    .sort();
  facts.lastMeeting = held.at(-1);
  facts.meetingRow = { id: `${team.id}/no-meeting/team`, ...base, ...(facts.lastMeeting ? { date: facts.lastMeeting } : { reason: 'never-met' }) };
  for (const plan of record.crisisPlans ?? []) {
    if (plan.nextReview && plan.nextReview < today) row('review-overdue', plan.id, { subject: plan.title ?? undefined, date: plan.nextReview });
  }
  return { facts, rows };
}

/** What a query string asks, or a list of problems. */
export function parseQuery(params) {
  const problems = [];
  const int = (name, fallback, min, max) => {
    const raw = params.get(name);
    if (raw === null || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${name} must be a whole number from ${min} to ${max}`);
    return value;
  };
  const gap = params.get('gap') || 'no-coordinator';
  if (!GAPS.includes(gap)) problems.push(`gap must be one of ${GAPS.join(', ')}`);
  const sector = params.get('sector') || undefined;
  if (sector && !SECTORS.includes(sector)) problems.push(`sector must be one of ${SECTORS.join(', ')}`);
  const organisationId = params.get('organisationId') || undefined;
  const coordinatorId = params.get('coordinatorId') || undefined;
  for (const [name, value] of [['organisationId', organisationId], ['coordinatorId', coordinatorId]]) if (value !== undefined && !ID.test(value)) problems.push(`${name} is 1–200 characters`);
  const query = { gap, sector, organisationId, coordinatorId, months: int('months', 6, 1, 36), page: int('page', 1, 1, 1_000_000), pageSize: int('pageSize', 25, 1, 100) };
  return problems.length ? { problems } : { query };
}

/**
 * An overview over `records`, as the viewer may see it.
 * @param {{ records: object[], coordinators: Array<{id: string, name: string}>, today: string, names?: boolean, organisations: Array<{id: string, name: string, sector: string}> }} options
 */
export function createOverview({ records, coordinators, organisations, today, names = true }) {
  const orgs = new Map(organisations.map((o) => [o.id, o]));
  const teams = records.map((record) => indexRecord(record, today, names, orgs));
  const choices = {
    organisations: organisations.map(({ id, name, sector }) => ({ id, name, sector })),
    coordinators: names ? coordinators.map(({ id, name }) => ({ id, name })) : coordinators.map(({ id }) => ({ id, name: id })),
  };

  /** Counts and one page, for a parsed query. */
  function answer(query) {
    const cutoff = addMonths(today, -query.months);
    const kept = teams.filter(
      ({ facts }) =>
        (!query.sector || facts.sector === query.sector) &&
        (!query.organisationId || facts.organisationId === query.organisationId) &&
        (!query.coordinatorId || facts.coordinatorId === query.coordinatorId),
    );
    const rowsOf = (gap) =>
      gap === 'no-meeting'
        ? kept.filter(({ facts }) => !facts.lastMeeting || facts.lastMeeting < cutoff).map(({ facts }) => facts.meetingRow)
        : kept.flatMap(({ rows }) => rows[gap]);
    const counts = GAPS.map((gap) => ({ gap, count: gap === 'no-meeting' ? rowsOf(gap).length : kept.reduce((sum, { rows }) => sum + rows[gap].length, 0) }));
    const all = rowsOf(query.gap);
    const start = (query.page - 1) * query.pageSize;
    return {
      counts,
      gap: query.gap,
      total: all.length,
      page: query.page,
      pageSize: query.pageSize,
      items: all.slice(start, start + query.pageSize),
      ...choices,
      asOf: today,
    };
  }
  return { answer };
}
