import * as v from 'valibot';
import { object, int, type Named } from './kit.js';
import { Id, IsoDate, RequiredText, Text } from './common.js';
import { SECTORS } from './values.js';

/**
 * Where coordination fails, as the overview counts it: a team with no active coordinator; a
 * responsibility nobody owns, or that more than one member owns, or whose handover is waiting or
 * disputed; a member who needs information the person's consent does not cover; no
 * responsibility-group meeting in the last months; a plan past its review date.
 */
export const OVERVIEW_GAPS = [
  'no-coordinator',
  'no-owner',
  'several-owners',
  'handover',
  'consent-missing',
  'no-meeting',
  'review-overdue',
] as const;
export type OverviewGap = (typeof OVERVIEW_GAPS)[number];

/** Why a row is in its list, where the gap has more than one way in: a handover waiting or disputed, a responsibility disputed, a team that never met. */
export const OVERVIEW_REASONS = ['handover-proposed', 'handover-disputed', 'disputed', 'never-met'] as const;
export type OverviewReason = (typeof OVERVIEW_REASONS)[number];

/**
 * One gap and how many the server counted under the filters asked for. Without `count` the source
 * cannot count this gap (for example a FHIR server without a search it needs); the element says so
 * and shows the rest.
 */
export const GapCount = object({
  gap: v.picklist(OVERVIEW_GAPS),
  count: v.optional(v.pipe(int(), v.minValue(0))),
});

/**
 * One line in the list for a gap: whose team it is, and what is missing there. The server leaves
 * out what the viewer may not see: without `name` the element shows the person’s reference
 * (`personId`) instead.
 */
export const OverviewRow = object({
  id: Id,
  teamId: Id,
  personId: Id,
  name: v.optional(RequiredText(300)),
  organisationId: v.optional(Id),
  organisationName: v.optional(Text(300)),
  sector: v.optional(v.picklist(SECTORS)),
  coordinatorName: v.optional(Text(300)),
  subject: v.optional(Text(500)),
  reason: v.optional(v.picklist(OVERVIEW_REASONS)),
  date: v.optional(IsoDate),
});

/**
 * A choice in a filter: an organisation (with its sector) or a coordinator, as the viewer may see
 * them.
 */
export const OverviewChoice = object({
  id: Id,
  name: RequiredText(300),
  sector: v.optional(v.picklist(SECTORS)),
});

/**
 * What the overview asks for: the rows of one gap, one page at a time, and the counts of every
 * gap, all under the same filters (sector, organisation, coordinator). `months` is how long
 * without a responsibility-group meeting counts as a gap.
 */
export const OverviewQuery = object({
  gap: v.optional(v.picklist(OVERVIEW_GAPS), 'no-coordinator'),
  sector: v.optional(v.picklist(SECTORS)),
  organisationId: v.optional(Id),
  coordinatorId: v.optional(Id),
  months: v.optional(v.pipe(int(), v.minValue(1), v.maxValue(36)), 6),
  page: v.optional(v.pipe(int(), v.minValue(1)), 1),
  pageSize: v.optional(v.pipe(int(), v.minValue(1), v.maxValue(100)), 25),
});

const overviewPageSchema = object({
  counts: v.array(GapCount),
  gap: v.picklist(OVERVIEW_GAPS),
  total: v.pipe(int(), v.minValue(0)),
  page: v.pipe(int(), v.minValue(1)),
  pageSize: v.pipe(int(), v.minValue(1), v.maxValue(100)),
  items: v.array(OverviewRow),
  organisations: v.optional(v.array(OverviewChoice), []),
  coordinators: v.optional(v.array(OverviewChoice), []),
  asOf: v.optional(IsoDate),
});

/** The schema type of `OverviewPage`. */
export interface OverviewPageSchema extends Named<typeof overviewPageSchema> {}

/**
 * The server’s answer to an overview query: the count of every gap under the filters, and one page
 * of the rows of the gap asked for. Counting is done by the server: the browser never loads whole
 * records to count.
 */
export const OverviewPage: OverviewPageSchema = overviewPageSchema;

// <generated-types> by scripts/contract-docs.mjs from the schemas above and FIELD_NOTES: do not edit.

import type { Sector } from './values.js';

/**
 * One gap and how many the server counted under the filters asked for. Without `count` the source
 * cannot count this gap (for example a FHIR server without a search it needs); the element says so
 * and shows the rest.
 */
export type GapCount = {
  /** The gap counted. */
  gap: OverviewGap;
  /** How many the server found; absent when the source cannot count this gap. */
  count?: number;
};

/**
 * One line in the list for a gap: whose team it is, and what is missing there. The server leaves
 * out what the viewer may not see: without `name` the element shows the person’s reference
 * (`personId`) instead.
 */
export type OverviewRow = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** The care team the row is about. An id (1–200 characters). */
  teamId: string;
  /** The service user’s reference, filled into the host’s link template and shown when there is no name. An id (1–200 characters). */
  personId: string;
  /** The service user’s name, only where the server lets the viewer see it. 1–300 characters. */
  name?: string;
  /** The organisation that holds the coordination (the coordinator’s, or the team’s lead service). An id (1–200 characters). */
  organisationId?: string;
  /** That organisation’s name. At most 300 characters. */
  organisationName?: string;
  /** That organisation’s sector. */
  sector?: Sector;
  /** The coordinator’s name; absent when there is none. At most 300 characters. */
  coordinatorName?: string;
  /** What the row is about within the team: the responsibility’s title, or the member who needs information. At most 500 characters. */
  subject?: string;
  /** Why it is listed, where a gap has more than one way in. */
  reason?: OverviewReason;
  /** The date that matters: the last meeting, the review date passed, or when a handover was proposed. A date, `YYYY-MM-DD`. */
  date?: string;
};

/**
 * A choice in a filter: an organisation (with its sector) or a coordinator, as the viewer may see
 * them.
 */
export type OverviewChoice = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** The name to show in the filter. 1–300 characters. */
  name: string;
  /** The organisation’s sector (organisations only). */
  sector?: Sector;
};

/**
 * What the overview asks for: the rows of one gap, one page at a time, and the counts of every
 * gap, all under the same filters (sector, organisation, coordinator). `months` is how long
 * without a responsibility-group meeting counts as a gap.
 */
export type OverviewQuery = {
  /** The gap whose rows are wanted. Default `"no-coordinator"`. */
  gap: OverviewGap;
  /** Only teams whose organisation is in this sector. */
  sector?: Sector;
  /** Only teams held by this organisation. An id (1–200 characters). */
  organisationId?: string;
  /** Only teams of this coordinator. An id (1–200 characters). */
  coordinatorId?: string;
  /** How many months without a responsibility-group meeting count as the gap `no-meeting`. 1–36. Default `6`. */
  months: number;
  /** Which page of rows, counted from 1. Default `1`. */
  page: number;
  /** Rows per page. 1–100. Default `25`. */
  pageSize: number;
};

/**
 * What the overview asks for: the rows of one gap, one page at a time, and the counts of every
 * gap, all under the same filters (sector, organisation, coordinator). `months` is how long
 * without a responsibility-group meeting counts as a gap.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type OverviewQueryInput = {
  /** The gap whose rows are wanted. Default `"no-coordinator"`. */
  gap?: OverviewGap;
  /** Only teams whose organisation is in this sector. */
  sector?: Sector;
  /** Only teams held by this organisation. An id (1–200 characters). */
  organisationId?: string;
  /** Only teams of this coordinator. An id (1–200 characters). */
  coordinatorId?: string;
  /** How many months without a responsibility-group meeting count as the gap `no-meeting`. 1–36. Default `6`. */
  months?: number;
  /** Which page of rows, counted from 1. Default `1`. */
  page?: number;
  /** Rows per page. 1–100. Default `25`. */
  pageSize?: number;
};

/**
 * The server’s answer to an overview query: the count of every gap under the filters, and one page
 * of the rows of the gap asked for. Counting is done by the server: the browser never loads whole
 * records to count.
 */
export type OverviewPage = {
  /** Every gap with its count under the filters, in the order of `OVERVIEW_GAPS`. */
  counts: GapCount[];
  /** The gap the rows belong to. */
  gap: OverviewGap;
  /** How many rows the gap has under the filters, over all pages. */
  total: number;
  /** The page given, counted from 1. */
  page: number;
  /** Rows per page. 1–100. */
  pageSize: number;
  /** The rows of this page. */
  items: OverviewRow[];
  /** The organisations the viewer may filter by. Default `[]`. */
  organisations: OverviewChoice[];
  /** The coordinators the viewer may filter by. Default `[]`. */
  coordinators: OverviewChoice[];
  /** The day the server counted on. A date, `YYYY-MM-DD`. */
  asOf?: string;
};

/**
 * The server’s answer to an overview query: the count of every gap under the filters, and one page
 * of the rows of the gap asked for. Counting is done by the server: the browser never loads whole
 * records to count.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type OverviewPageInput = {
  /** Every gap with its count under the filters, in the order of `OVERVIEW_GAPS`. */
  counts: GapCount[];
  /** The gap the rows belong to. */
  gap: OverviewGap;
  /** How many rows the gap has under the filters, over all pages. */
  total: number;
  /** The page given, counted from 1. */
  page: number;
  /** Rows per page. 1–100. */
  pageSize: number;
  /** The rows of this page. */
  items: OverviewRow[];
  /** The organisations the viewer may filter by. Default `[]`. */
  organisations?: OverviewChoice[];
  /** The coordinators the viewer may filter by. Default `[]`. */
  coordinators?: OverviewChoice[];
  /** The day the server counted on. A date, `YYYY-MM-DD`. */
  asOf?: string;
};
// </generated-types>
