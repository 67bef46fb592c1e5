import type { OverviewGap, OverviewRow } from '../../contract/overview.js';

/** The columns a gap's list shows after the person, in order. */
export type OverviewColumn = 'about' | 'why' | 'date' | 'coordinator' | 'organisation';

const COLUMNS: Record<OverviewGap, readonly OverviewColumn[]> = {
  'no-coordinator': ['organisation'],
  'no-owner': ['about', 'coordinator', 'organisation'],
  'several-owners': ['about', 'coordinator', 'organisation'],
  handover: ['about', 'why', 'date', 'coordinator', 'organisation'],
  'consent-missing': ['about', 'coordinator', 'organisation'],
  'no-meeting': ['date', 'why', 'coordinator', 'organisation'],
  'review-overdue': ['date', 'coordinator', 'organisation'],
};

/** The columns of `gap`'s list, after the person. */
export const columnsOf = (gap: OverviewGap): readonly OverviewColumn[] => COLUMNS[gap];

/** Placeholders a link template may hold, each filled in percent-encoded. */
const PLACEHOLDER = /\{(personId|teamId)\}/g;

/**
 * The link to a row's person from the host's template (`/people/{personId}?team={teamId}`):
 * values are percent-encoded, so an id can neither leave its place nor add a path or query; a link
 * that is not http(s) or relative (`javascript:`, `data:`) is no link at all.
 */
export function personLink(template: string | undefined, row: Pick<OverviewRow, 'personId' | 'teamId'>, base: string): string | undefined {
  if (!template) return undefined;
  const href = template.replace(PLACEHOLDER, (_, key: 'personId' | 'teamId') => encodeURIComponent(row[key]));
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? href : undefined;
}

/**
 * One CSV cell: quoted, quotes doubled, and a cell a spreadsheet would read as a formula
 * (starting with = + - @, a tab or a carriage return) prefixed with ' so it stays text.
 */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** CSV text (UTF-8 with a byte-order mark, so spreadsheets read æøå; CRLF lines). */
export const csvText = (header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>): string =>
  `\ufeff${[header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
