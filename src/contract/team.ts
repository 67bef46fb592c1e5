import * as v from 'valibot';
import { object, rules, type Named } from './kit.js';
import { Actor, ContactPoint, Id, IsoDate, Meta, Period, Role, RequiredText, Text } from './common.js';
import { reportRepeatedKeys } from './unique.js';
import { MEMBER_KINDS, MEMBER_STATUSES, SECTORS, TEAM_STATUSES } from './values.js';

const organisationSchema = object({
  id: Id,
  name: RequiredText(300),
  sector: v.picklist(SECTORS),
  offers: v.optional(Text(1000)),
  contacts: v.optional(v.array(ContactPoint)),
});

/** The schema type of `Organisation`. */
export interface OrganisationSchema extends Named<typeof organisationSchema> {}

/**
 * An organisation that takes part in the care: a municipal service, a hospital or DPS, a GP
 * practice, a welfare office, a private or voluntary body. `offers` says in plain language what it
 * does for the person.
 */
export const Organisation: OrganisationSchema = organisationSchema;

const memberSchema = object({
  id: Id,
  name: RequiredText(300),
  kind: v.picklist(MEMBER_KINDS),
  role: v.optional(Role),
  organisationId: v.optional(Id),
  sector: v.optional(v.picklist(SECTORS)),
  contacts: v.optional(v.array(ContactPoint), []),
  period: v.optional(Period),
  status: v.picklist(MEMBER_STATUSES),
  coordinator: v.optional(v.boolean()),
  lastConfirmed: v.optional(IsoDate),
  note: v.optional(Text(5000)),
});

/** The schema type of `Member`. */
export interface MemberSchema extends Named<typeof memberSchema> {}

/**
 * A member of the care team. The service user is a member of their own team. Professionals act for
 * an organisation (organisationId); next of kin, legal representatives, peer supporters and
 * advocates are members with their own kind. At most one active member is the coordinator; a team
 * without one is shown with a note.
 */
export const Member: MemberSchema = memberSchema;

const careTeamSchema = v.pipe(
  object({
    id: Id,
    name: v.optional(Text(300)),
    status: v.optional(v.picklist(TEAM_STATUSES)),
    serviceUserId: Id,
    members: v.array(Member),
    organisations: v.optional(v.array(Organisation), []),
    contacts: v.optional(v.array(ContactPoint)),
    expectedSectors: v.optional(v.array(v.picklist(SECTORS))),
    lastConfirmed: v.optional(IsoDate),
    confirmedBy: v.optional(Actor),
    meta: v.optional(Meta),
  }),
  rules((team, report) => {
    reportRepeatedKeys(
      report,
      team.members,
      (member) => member.id,
      (index) => ['members', index, 'id'],
      (id) => `the member id "${id}" is used more than once`,
    );
    const serviceUser = team.members.find((m) => m.id === team.serviceUserId);
    if (!serviceUser) {
      report('the service user must be a member of their own team (no member has this id)', ['serviceUserId']);
    } else if (serviceUser.kind !== 'service-user') {
      report(`the member named as service user has kind "${serviceUser.kind}", expected "service-user"`, ['serviceUserId']);
    }
    // No coordinator is a care-quality gap the elements flag (teamFlags); two at once is contradictory data.
    const coordinators = team.members.filter((m) => m.coordinator && m.status === 'active');
    if (coordinators.length > 1) {
      report(`the team can have at most one active coordinator, and has ${coordinators.length} (${coordinators.map((m) => m.id).join(', ')})`, ['members']);
    }
    const organisationIds = new Set(team.organisations.map((o) => o.id));
    team.members.forEach((member, index) => {
      if (member.organisationId && !organisationIds.has(member.organisationId)) {
        report(`the organisation "${member.organisationId}" is not in the team's organisations`, ['members', index, 'organisationId']);
      }
    });
  }),
);

/** The schema type of `CareTeam`. */
export interface CareTeamSchema extends Named<typeof careTeamSchema> {}

/**
 * The care team around one service user (`status`: whether the team itself is working; an inactive
 * or coordinator-less team is shown with a plain note, never hidden): its members, the
 * organisations they act for, the team contact, and when the list was last confirmed. Rules:
 * member ids are unique; the service user is a member of kind service-user; at most one active
 * member is the coordinator; every organisationId refers to an organisation of the team.
 */
export const CareTeam: CareTeamSchema = careTeamSchema;

// <generated-types> by scripts/contract-docs.mjs from the schemas above and FIELD_NOTES: do not edit.

import type { MemberKind, MemberStatus, Sector, TeamStatus } from './values.js';

/**
 * An organisation that takes part in the care: a municipal service, a hospital or DPS, a GP
 * practice, a welfare office, a private or voluntary body. `offers` says in plain language what it
 * does for the person.
 */
export type Organisation = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** The organisation’s name, as the person knows it. 1–300 characters. */
  name: string;
  /** The sector it belongs to: municipal, general practice, specialist, and so on. */
  sector: Sector;
  /** In plain language, what the organisation does for the person. At most 1000 characters. */
  offers?: string;
  /** How to reach the organisation. */
  contacts?: ContactPoint[];
};

/**
 * A member of the care team. The service user is a member of their own team. Professionals act for
 * an organisation (organisationId); next of kin, legal representatives, peer supporters and
 * advocates are members with their own kind. At most one active member is the coordinator; a team
 * without one is shown with a note.
 */
export type Member = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** Display name. 1–300 characters. */
  name: string;
  /** Who the member is to the person: the service user, a professional, next of kin, and so on. */
  kind: MemberKind;
  /** What the member does on this team, coded, with a plain-language label. */
  role?: Role;
  /** The organisation the member acts for (professionals). An id (1–200 characters). */
  organisationId?: string;
  /** The sector the member acts in, when there is no organisation to take it from. */
  sector?: Sector;
  /** Ways to reach the member. Default `[]`. */
  contacts: ContactPoint[];
  /** When the membership started and, if it has, ended. */
  period?: Period;
  /** Whether the member is proposed, active on the team, or has left. */
  status: MemberStatus;
  /** `true` for the team’s coordinator. */
  coordinator?: boolean;
  /** When the member last confirmed their details. A date, `YYYY-MM-DD`. */
  lastConfirmed?: string;
  /** Free text about the member’s part in the team. At most 5000 characters. */
  note?: string;
};

/**
 * A member of the care team. The service user is a member of their own team. Professionals act for
 * an organisation (organisationId); next of kin, legal representatives, peer supporters and
 * advocates are members with their own kind. At most one active member is the coordinator; a team
 * without one is shown with a note.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type MemberInput = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** Display name. 1–300 characters. */
  name: string;
  /** Who the member is to the person: the service user, a professional, next of kin, and so on. */
  kind: MemberKind;
  /** What the member does on this team, coded, with a plain-language label. */
  role?: Role;
  /** The organisation the member acts for (professionals). An id (1–200 characters). */
  organisationId?: string;
  /** The sector the member acts in, when there is no organisation to take it from. */
  sector?: Sector;
  /** Ways to reach the member. Default `[]`. */
  contacts?: ContactPoint[];
  /** When the membership started and, if it has, ended. */
  period?: Period;
  /** Whether the member is proposed, active on the team, or has left. */
  status: MemberStatus;
  /** `true` for the team’s coordinator. */
  coordinator?: boolean;
  /** When the member last confirmed their details. A date, `YYYY-MM-DD`. */
  lastConfirmed?: string;
  /** Free text about the member’s part in the team. At most 5000 characters. */
  note?: string;
};

/**
 * The care team around one service user (`status`: whether the team itself is working; an inactive
 * or coordinator-less team is shown with a plain note, never hidden): its members, the
 * organisations they act for, the team contact, and when the list was last confirmed. Rules:
 * member ids are unique; the service user is a member of kind service-user; at most one active
 * member is the coordinator; every organisationId refers to an organisation of the team.
 */
export type CareTeam = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** A name for the team, if it has one. At most 300 characters. */
  name?: string;
  /** Whether the team itself is working: proposed, active, suspended or inactive. */
  status?: TeamStatus;
  /** The member this team is for. An id (1–200 characters). */
  serviceUserId: string;
  /** Everyone on the team, the service user included. */
  members: Member[];
  /** The organisations members act for. Default `[]`. */
  organisations: Organisation[];
  /** How to reach the team as a whole (for example the service’s phone). */
  contacts?: ContactPoint[];
  /** Sectors that should be on the team; the roster points out the ones missing. */
  expectedSectors?: Sector[];
  /** When someone last confirmed the member list is right. A date, `YYYY-MM-DD`. */
  lastConfirmed?: string;
  /** Who confirmed it. */
  confirmedBy?: Actor;
  /** Version for optimistic concurrency; set by the data source. */
  meta?: Meta;
};

/**
 * The care team around one service user (`status`: whether the team itself is working; an inactive
 * or coordinator-less team is shown with a plain note, never hidden): its members, the
 * organisations they act for, the team contact, and when the list was last confirmed. Rules:
 * member ids are unique; the service user is a member of kind service-user; at most one active
 * member is the coordinator; every organisationId refers to an organisation of the team.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type CareTeamInput = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** A name for the team, if it has one. At most 300 characters. */
  name?: string;
  /** Whether the team itself is working: proposed, active, suspended or inactive. */
  status?: TeamStatus;
  /** The member this team is for. An id (1–200 characters). */
  serviceUserId: string;
  /** Everyone on the team, the service user included. */
  members: MemberInput[];
  /** The organisations members act for. Default `[]`. */
  organisations?: Organisation[];
  /** How to reach the team as a whole (for example the service’s phone). */
  contacts?: ContactPoint[];
  /** Sectors that should be on the team; the roster points out the ones missing. */
  expectedSectors?: Sector[];
  /** When someone last confirmed the member list is right. A date, `YYYY-MM-DD`. */
  lastConfirmed?: string;
  /** Who confirmed it. */
  confirmedBy?: Actor;
  /** Version for optimistic concurrency; set by the data source. */
  meta?: Meta;
};
// </generated-types>
