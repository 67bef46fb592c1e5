import * as v from 'valibot';
import { OverviewPage, type OverviewGap, type OverviewQuery } from '../../src/contract/overview.js';
import type { OverviewSource } from '../../src/data/overview/source.js';
import { StoreError } from '../../src/data/types.js';
import { ORGANISATIONS, generateCaseload } from '../../test/server/overview/caseload.mjs';
import { createOverview } from '../../test/server/overview/query.mjs';

/**
 * The reference server's overview run in the page, over a generated caseload, for stories and the
 * demo: the same code that answers GET /overview in the tests. `uncounted` gaps are answered
 * without a count, as a FHIR server that lacks a search would.
 */
export function generatedOverview(options: { people: number; names?: boolean; uncounted?: readonly OverviewGap[]; today?: string }): OverviewSource {
  const today = options.today ?? '2026-03-02';
  const overview = createOverview({ ...generateCaseload({ people: options.people, today }), organisations: ORGANISATIONS, today, names: options.names ?? true });
  return {
    async overview(query: OverviewQuery) {
      const answer = overview.answer(query);
      const uncounted = new Set(options.uncounted ?? []);
      return v.parse(OverviewPage, { ...answer, counts: answer.counts.map((c) => (uncounted.has(c.gap) ? { gap: c.gap } : c)) });
    },
  };
}

/** A source whose server always fails, to show the error state. */
export const failingOverview: OverviewSource = {
  overview: () => Promise.reject(new StoreError('server', 'the database is not answering', 503)),
};
