export const GAPS: string[];
export function parseQuery(params: URLSearchParams): { query: import('../../../src/contract/overview.js').OverviewQuery } | { problems: string[] };
export function createOverview(options: {
  records: object[];
  coordinators: Array<{ id: string; name: string }>;
  organisations: Array<{ id: string; name: string; sector: string }>;
  today: string;
  names?: boolean;
}): { answer(query: import('../../../src/contract/overview.js').OverviewQuery): import('../../../src/contract/overview.js').OverviewPageInput };
