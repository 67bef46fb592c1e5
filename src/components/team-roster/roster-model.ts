import { isEmailAddress, safeHttpsUrl, type ContactPoint, type Hours } from '../../contract/common.js';
import type { CareTeam, Member, Organisation } from '../../contract/team.js';
import { SECTORS, WEEKDAYS, type Audience, type Sector, type Weekday } from '../../contract/values.js';

/**
 * The roster's view model: what to show, in which order and group, computed from a validated team.
 * Pure functions, so they run once per input change (in `willUpdate`), never per render.
 */

/** How members are grouped. */
export const ROSTER_GROUPINGS = ['sector', 'organisation', 'none'] as const;
export type RosterGrouping = (typeof ROSTER_GROUPINGS)[number];

/** How much each member card shows. */
export const ROSTER_LAYOUTS = ['detailed', 'compact'] as const;
export type RosterLayout = (typeof ROSTER_LAYOUTS)[number];

/** Hours in the contract are the team's local time; Norwegian teams unless the host says otherwise. */
export const TEAM_TIME_ZONE = 'Europe/Oslo';

/** What today's hours of a contact are: open between two times, or closed. */
export type TodayHours = { open: true; opens: string; closes: string } | { open: false };

/** A contact point as shown: the link to open (only for validated values) and its hours. */
export interface ContactView {
  contact: ContactPoint;
  /** `tel:`, `sms:`, `mailto:` or an `https:` address; absent when the value cannot be linked safely. */
  href?: string;
  /** Opens outside the page (video and secure-message links). */
  external: boolean;
  /** The host an outside link really opens, as the browser reads it (shown in the link text). */
  host?: string;
  /** Today's hours, when the contact has hours at all. */
  today?: TodayHours;
  /** Weekly hours, one entry per distinct time span. */
  weekly: { days: Weekday[]; opens: string; closes: string }[];
  /** Where the contact came from, for the `care-contact` event: member, organisation or team, and its index. */
  ref: string;
}

/** A member prepared for display. */
export interface MemberView {
  member: Member;
  organisation?: Organisation;
  sector?: Sector;
  /** Contacts this audience may see, preferred first (built when first read: a large team's cards are rendered over many frames). */
  readonly contacts: ContactView[];
  /** Contacts of the member's organisation this audience may see, preferred first. */
  organisationContacts: ContactView[];
  isServiceUser: boolean;
  isCoordinator: boolean;
  ended: boolean;
  /** The date of the last confirmation when it is older than the host's period. */
  unconfirmedSince?: string;
  /** Lower-case text the filter searches. */
  searchText: string;
}

/** Which group a member is shown in. */
export type GroupKey =
  | { kind: 'sector'; sector: Sector }
  | { kind: 'organisation'; organisation: Organisation }
  | { kind: 'self' }
  | { kind: 'network' }
  | { kind: 'other' }
  | { kind: 'all' }
  | { kind: 'missing' };

/** A group of members, or (kind `missing`) the expected sectors that nobody covers. */
export interface GroupView {
  /** Stable key for `repeat`. */
  id: string;
  key: GroupKey;
  members: MemberView[];
  /** Expected sectors with no active member, shown as "none recorded" entries. */
  missingSectors: Sector[];
}

/** A team prepared for one audience and one day. */
export interface PreparedTeam {
  team: CareTeam;
  /** Members in display order: coordinator, service user, then the team's own order; ended last. */
  members: MemberView[];
  byId: Map<string, MemberView>;
  teamContacts: ContactView[];
  coordinator?: MemberView;
  activeCount: number;
  endedCount: number;
  /** Expected sectors without an active member. */
  missingSectors: Sector[];
  /** Sectors to offer in the filter: those on the team and those expected. */
  sectors: Sector[];
  /** The team's last confirmation when it is older than the host's period. */
  teamUnconfirmedSince?: string;
}

/** The prepared team arranged into groups for the current grouping and filters. */
export interface RosterArrangement {
  groups: GroupView[];
  /** Members shown in total, over all groups. */
  shownCount: number;
  /** Members that could be shown with these settings if no filter were applied. */
  filterableCount: number;
  filtered: boolean;
}

const DAY_MS = 86_400_000;

/** Weekday (ISO order key) of a `YYYY-MM-DD` calendar date. */
export const weekdayOf = (isoDate: string): Weekday => {
  const [year, month, day] = isoDate.split('-').map(Number);
  const sundayFirst = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7];
};

/** `isoDate` moved by `days` (negative goes back). */
export const addDays = (isoDate: string, days: number): string => {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
};

/** True for a real `YYYY-MM-DD` date. */
/** `value` when it is one of `list`, else `fallback`: an attribute set to an unknown value falls back to the default. */
export const allowed = <T extends string>(list: readonly T[], value: string, fallback: T): T => ((list as readonly string[]).includes(value) ? (value as T) : fallback);

export const isIsoDate = (value: string | undefined | null): value is string =>
  !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && addDays(value, 0) === value;

/** True for an IANA time zone this browser knows. */
/** Folds case and accents so "ase" finds "Åse" and "sofie" finds "Sofie". */
export const searchable = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase();

const PHONE_LIKE = /^\+?[0-9 ()-]{3,32}$/;

/**
 * The link for a contact value, or undefined if it cannot be linked safely. The contract already
 * checked the value; this checks again, so nothing but a known-safe scheme ever reaches an href.
 */
export const contactHref = (contact: Pick<ContactPoint, 'channel' | 'value'>): string | undefined => {
  const { channel, value } = contact;
  switch (channel) {
    case 'phone':
    case 'sms': {
      if (!PHONE_LIKE.test(value)) return undefined;
      const digits = value.replace(/[^0-9+]/g, '');
      if (!/^\+?[0-9]{3,}$/.test(digits)) return undefined;
      return `${channel === 'phone' ? 'tel' : 'sms'}:${digits}`;
    }
    case 'email':
      // An address only: no `?`, `%` or `&`, so a value cannot smuggle mailto headers into the link.
      return isEmailAddress(value) ? `mailto:${value}` : undefined;
    case 'video':
    case 'secure-message':
      return safeHttpsUrl(value)?.href;
    default:
      return undefined;
  }
};

/** A contact point is shown when it is not private, or when it is marked for this audience. */
export const visibleTo = (contact: ContactPoint, audience: Audience): boolean =>
  !contact.private || (contact.visibleTo ?? []).includes(audience);

/** Today's hours: the first span that covers today's weekday, or closed. */
export const todayHours = (hours: readonly Hours[], today: Weekday): TodayHours => {
  const span = hours.find((h) => h.days.includes(today));
  return span ? { open: true, opens: span.opens, closes: span.closes } : { open: false };
};

/** Orders days the ISO way and merges spans with the same times. */
export const weeklyHours = (hours: readonly Hours[]): ContactView['weekly'] => {
  const byTimes = new Map<string, { days: Set<Weekday>; opens: string; closes: string }>();
  for (const span of hours) {
    const key = `${span.opens}-${span.closes}`;
    const entry = byTimes.get(key) ?? { days: new Set<Weekday>(), opens: span.opens, closes: span.closes };
    span.days.forEach((d) => entry.days.add(d));
    byTimes.set(key, entry);
  }
  return [...byTimes.values()].map((entry) => ({
    days: WEEKDAYS.filter((d) => entry.days.has(d)),
    opens: entry.opens,
    closes: entry.closes,
  }));
};

/**
 * Runs of consecutive weekdays: `mon,tue,wed,thu,fri` → [['mon','fri']]; `tue,thu` → [['tue'],['thu']].
 * A run of two stays two single days ("Mon, Tue" reads better than "Mon–Tue").
 */
export const dayRuns = (days: readonly Weekday[]): Weekday[][] => {
  const runs: Weekday[][] = [];
  let run: Weekday[] = [];
  for (const day of WEEKDAYS) {
    if (days.includes(day)) {
      run.push(day);
    } else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs.flatMap((r) => (r.length >= 3 ? [[r[0], r[r.length - 1]]] : r.map((d) => [d])));
};

const contactViews = (
  contacts: readonly ContactPoint[] | undefined,
  audience: Audience,
  today: Weekday,
  refPrefix: string,
): ContactView[] => {
  const views: ContactView[] = [];
  (contacts ?? []).forEach((contact, index) => {
    if (!visibleTo(contact, audience)) return;
    const href = contactHref(contact);
    views.push({
      contact,
      href,
      external: contact.channel === 'video' || contact.channel === 'secure-message',
      host: href?.startsWith('https:') ? new URL(href).host : undefined,
      today: contact.hours?.length ? todayHours(contact.hours, today) : undefined,
      weekly: contact.hours?.length ? weeklyHours(contact.hours) : [],
      ref: `${refPrefix}${index}`,
    });
  });
  // Stable sort: preferred first, otherwise the order the team gave.
  return views.sort((a, b) => Number(!!b.contact.preferred) - Number(!!a.contact.preferred));
};

/** Options that decide how a team is prepared. */
export interface PrepareOptions {
  audience: Audience;
  /** `YYYY-MM-DD`, today in the team's zone. */
  today: string;
  /** Mark confirmations older than this many days; undefined means no marking. */
  confirmWithinDays?: number;
}

/** Prepares a validated team for display: order, organisations, sectors, visible contacts, marks. */
export const prepareTeam = (team: CareTeam, { audience, today, confirmWithinDays }: PrepareOptions): PreparedTeam => {
  const weekday = weekdayOf(today);
  const organisations = new Map(team.organisations.map((o) => [o.id, o]));
  const cutoff = confirmWithinDays !== undefined && confirmWithinDays >= 0 ? addDays(today, -confirmWithinDays) : undefined;
  const orgContactCache = new Map<string, ContactView[]>();

  const views = team.members.map((member, index): MemberView => {
    const organisation = member.organisationId ? organisations.get(member.organisationId) : undefined;
    const sector = member.sector ?? organisation?.sector;
    const ended = member.status === 'ended';
    const confirmed = member.lastConfirmed ?? team.lastConfirmed;
    let organisationContacts: ContactView[] = [];
    if (organisation) {
      organisationContacts = orgContactCache.get(organisation.id) ?? contactViews(organisation.contacts, audience, weekday, `o${index}:`);
      orgContactCache.set(organisation.id, organisationContacts);
    }
    const words = [member.name, member.role?.label, member.role?.professionalLabel, organisation?.name];
    if (audience === 'professional') words.push(member.role?.code);
    let contacts: ContactView[] | undefined;
    return {
      member,
      organisation,
      sector,
      get contacts() {
        return (contacts ??= contactViews(member.contacts, audience, weekday, `m${index}:`));
      },
      organisationContacts,
      isServiceUser: member.id === team.serviceUserId,
      isCoordinator: !!member.coordinator && member.status === 'active',
      ended,
      unconfirmedSince: !ended && cutoff && confirmed && confirmed < cutoff ? confirmed : undefined,
      searchText: searchable(words.filter(Boolean).join(' ')),
    };
  });

  const rank = (view: MemberView) => (view.isCoordinator ? 0 : view.isServiceUser ? 1 : view.ended ? 3 : 2);
  const members = views
    .map((view, index) => ({ view, index }))
    .sort((a, b) => rank(a.view) - rank(b.view) || a.index - b.index)
    .map(({ view }) => view);

  const activeSectors = new Set(views.filter((v) => v.member.status === 'active' && v.sector).map((v) => v.sector!));
  const expected = team.expectedSectors ?? [];
  const present = new Set([...views.map((v) => v.sector).filter((s): s is Sector => !!s), ...expected]);

  return {
    team,
    members,
    byId: new Map(members.map((v) => [v.member.id, v])),
    teamContacts: contactViews(team.contacts, audience, weekday, 't:'),
    coordinator: members.find((v) => v.isCoordinator),
    activeCount: views.filter((v) => !v.ended).length,
    endedCount: views.filter((v) => v.ended).length,
    missingSectors: SECTORS.filter((s) => expected.includes(s) && !activeSectors.has(s)),
    sectors: SECTORS.filter((s) => present.has(s)),
    teamUnconfirmedSince: cutoff && team.lastConfirmed && team.lastConfirmed < cutoff ? team.lastConfirmed : undefined,
  };
};

/** Options that decide which members are shown and how they are grouped. */
export interface ArrangeOptions {
  groupBy: RosterGrouping;
  showEnded: boolean;
  /** Free text; matched against name, role and organisation. */
  text: string;
  /** Only members of this sector, when set. */
  sector?: Sector;
}

const groupKeyOf = (view: MemberView, groupBy: RosterGrouping): GroupKey => {
  if (groupBy === 'none') return { kind: 'all' };
  if (view.isServiceUser) return { kind: 'self' };
  if (groupBy === 'organisation' && view.organisation) return { kind: 'organisation', organisation: view.organisation };
  if (groupBy === 'sector' && view.sector) return { kind: 'sector', sector: view.sector };
  // A team taking part (a nested CareTeam) is not the person's network.
  return view.member.kind === 'professional' || view.member.kind === 'team' ? { kind: 'other' } : { kind: 'network' };
};

const groupId = (key: GroupKey): string =>
  key.kind === 'sector' ? `sector:${key.sector}` : key.kind === 'organisation' ? `organisation:${key.organisation.id}` : key.kind;

/**
 * Arranges a prepared team into groups. The group holding the coordinator comes first (the
 * coordinator first within it); then the service user, the sectors or organisations in the
 * team's order, the personal network and anyone else. Expected sectors that nobody covers appear
 * as "none recorded": inside their own sector group, or in a closing group otherwise.
 */
export const arrangeTeam = (prepared: PreparedTeam, { groupBy, showEnded, text, sector }: ArrangeOptions): RosterArrangement => {
  const needle = searchable(text.trim());
  const candidates = prepared.members.filter((v) => showEnded || !v.ended);
  const shown = candidates.filter(
    (v) => (!needle || v.searchText.includes(needle)) && (!sector || v.sector === sector),
  );

  const groups = new Map<string, GroupView>();
  for (const view of shown) {
    const key = groupKeyOf(view, groupBy);
    const id = groupId(key);
    let group = groups.get(id);
    if (!group) {
      group = { id, key, members: [], missingSectors: [] };
      groups.set(id, group);
    }
    group.members.push(view);
  }

  // Gaps are shown unless a text search is on (they cannot match a name) or another sector is chosen.
  const missing = needle ? [] : prepared.missingSectors.filter((s) => !sector || s === sector);
  if (groupBy === 'sector') {
    for (const s of missing) {
      const id = `sector:${s}`;
      const group = groups.get(id) ?? { id, key: { kind: 'sector', sector: s } as GroupKey, members: [], missingSectors: [] };
      group.missingSectors = [s];
      groups.set(id, group);
    }
  }

  const orderOf = (group: GroupView): number => {
    const key = group.key;
    if (group.members.some((v) => v.isCoordinator)) return -1;
    switch (key.kind) {
      case 'all':
      case 'self':
        return 0;
      case 'sector':
        return 1 + SECTORS.indexOf(key.sector);
      case 'organisation':
        return 1 + prepared.team.organisations.indexOf(key.organisation);
      case 'network':
        return 1000;
      case 'other':
        return 1001;
      case 'missing':
        return 1002;
    }
  };
  const ordered = [...groups.values()].sort((a, b) => orderOf(a) - orderOf(b));
  if (groupBy !== 'sector' && missing.length) {
    ordered.push({ id: 'missing', key: { kind: 'missing' }, members: [], missingSectors: missing });
  }

  return {
    groups: ordered,
    shownCount: shown.length,
    filterableCount: candidates.length,
    filtered: !!needle || !!sector,
  };
};

/** Teams larger than this are checked, prepared and rendered in separate tasks. */
const LARGE_TEAM = 150;

/** Whether a team (as given, before any check) is large enough to be worked on over several tasks. */
export const isLargeTeam = (input: unknown): boolean => {
  const members = (input as { members?: unknown } | null)?.members;
  return Array.isArray(members) && members.length > LARGE_TEAM;
};

/**
 * The groups' first `limit` members, in order, cut inside a group when the limit falls there
 * (empty groups before the cut stay, for their headings), and how many members that is.
 */
export const firstMembers = (groups: readonly GroupView[], limit: number): [visible: { group: GroupView; members: MemberView[] }[], count: number] => {
  let budget = limit;
  const visible: { group: GroupView; members: MemberView[] }[] = [];
  for (const group of groups) {
    if (budget <= 0 && group.members.length > 0) break;
    const members = group.members.length <= budget ? group.members : group.members.slice(0, budget);
    budget -= members.length;
    visible.push({ group, members });
    if (members.length < group.members.length) break;
  }
  return [visible, limit - Math.max(0, budget)];
};
