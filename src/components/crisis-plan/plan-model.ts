import type { Hours } from '../../contract/common.js';
import type { CrisisContact, CrisisPlan, CrisisPlanAccess, CrisisStagePlan } from '../../contract/crisis-plan.js';
import type { Responsibility } from '../../contract/responsibility.js';
import type { CareTeam, Member } from '../../contract/team.js';
import { CRISIS_STAGES, WEEKDAYS, type Audience, type Weekday } from '../../contract/values.js';

/** A plan the element shows, with the team, the responsibilities and what the reader may see. */
export interface ShownPlan {
  plan: CrisisPlan;
  team: CareTeam;
  responsibilities: Responsibility[];
  /** Titles of the responsibilities by id; one the load left out is named as stored with a mistake. */
  responsibilityTitles: ReadonlyMap<string, string>;
  access: CrisisPlanAccess;
}

/** A contact as shown: names and numbers taken from the team where the plan names a member. */
export interface ShownContact {
  id: string;
  name: string;
  phone?: string;
  /** A number for text messages, when there is no phone number to call. */
  sms?: string;
  hours?: readonly Hours[];
  outOfHoursName?: string;
  outOfHoursPhone?: string;
  note?: string;
  left?: boolean;
}

/** The stages in their fixed order, each present (empty when the plan says nothing for it). */
export const stagesInOrder = (plan: CrisisPlan): CrisisStagePlan[] =>
  CRISIS_STAGES.map((id) => plan.stages.find((s) => s.id === id) ?? { id, signs: [], measures: [], contacts: [] });

/** A `tel:` address for a number the contract accepted (digits, spaces, brackets, dashes, a leading +). */
export const telHref = (phone: string, scheme: 'tel' | 'sms' = 'tel'): string => `${scheme}:${phone.replace(/[^0-9+]/g, '')}`;

/** A phone number of a member that this audience may see: the preferred one first. */
const phoneOf = (member: Member, audience: Audience, channel: 'phone' | 'sms' = 'phone'): string | undefined => {
  const visible = member.contacts.filter((c) => c.channel === channel && (!c.private || (c.visibleTo ?? []).includes(audience)));
  return (visible.find((c) => c.preferred) ?? visible[0])?.value;
};

/** The contact with the member's name and, unless the plan gives one, their phone number and hours. */
export const shownContact = (contact: CrisisContact, team: CareTeam, audience: Audience): ShownContact => {
  const member = contact.memberId ? team.members.find((m) => m.id === contact.memberId) : undefined;
  const phone = contact.phone ?? (member ? phoneOf(member, audience) : undefined);
  const sms = phone || !member ? undefined : phoneOf(member, audience, 'sms');
  const memberNumber = member?.contacts.find((c) => (c.channel === 'phone' || c.channel === 'sms') && c.value === (phone ?? sms));
  return {
    id: contact.id,
    name: contact.name ?? member?.name ?? contact.memberId ?? '',
    phone,
    ...(sms ? { sms } : {}),
    hours: contact.hours ?? memberNumber?.hours,
    outOfHoursName: contact.outOfHoursName,
    outOfHoursPhone: contact.outOfHoursPhone,
    note: contact.note,
    left: member?.status === 'ended',
  };
};

/** One service the person has: an organisation of the team, who there works with the person, and what it carries out. */
export interface PersonService {
  id: string;
  name: string;
  /** What the organisation does for the person, in its own plain words, when the team says. */
  offers?: string;
  /** Its members on the team, by name and role. */
  people: string[];
  /** The titles of the agreed responsibilities its members are accountable or responsible for. */
  does: string[];
}

/**
 * The services the person has, derived from the team and the responsibility matrix, never typed
 * into the plan: every organisation with a member on the team who has not left, with what that
 * organisation's members are accountable or responsible for (agreed responsibilities only: a
 * proposed, disputed or ended one is not yet, or no longer, a service the person has).
 */
export const servicesOf = (team: CareTeam, responsibilities: readonly Responsibility[]): PersonService[] =>
  team.organisations.flatMap((organisation): PersonService[] => {
    const members = team.members.filter((m) => m.organisationId === organisation.id && m.status !== 'ended' && m.id !== team.serviceUserId);
    if (!members.length) return [];
    const ids = new Set(members.map((m) => m.id));
    const does = responsibilities
      .filter((r) => r.status === 'agreed' && r.assignments.some((a) => ids.has(a.memberId) && (a.part === 'accountable' || a.part === 'responsible')))
      .map((r) => r.title);
    return [
      {
        id: organisation.id,
        name: organisation.name,
        ...(organisation.offers ? { offers: organisation.offers } : {}),
        people: members.map((m) => (m.role?.label ? `${m.name} (${m.role.label})` : m.name)),
        does: [...new Set(does)],
      },
    ];
  });

/** Weekdays as short ranges: Mon–Fri, or Mon, Wed, Thu. */
export const daysText = (days: readonly Weekday[], names: Record<Weekday, string>): string => {
  const sorted = WEEKDAYS.filter((d) => days.includes(d));
  const runs: Weekday[][] = [];
  for (const day of sorted) {
    const last = runs.at(-1);
    if (last && WEEKDAYS.indexOf(last.at(-1)!) === WEEKDAYS.indexOf(day) - 1) last.push(day);
    else runs.push([day]);
  }
  return runs.map((run) => (run.length > 2 ? `${names[run[0]]}\u2013${names[run.at(-1)!]}` : run.map((d) => names[d]).join(', '))).join(', ');
};

/** Opening hours in one line: Mon–Fri 08:00–15:30; Sat 10:00–14:00. */
export const hoursText = (hours: readonly Hours[], names: Record<Weekday, string>): string =>
  hours.map((h) => `${daysText(h.days, names)} ${h.opens}\u2013${h.closes}`).join('; ');
