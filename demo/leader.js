/* global document -- runs in the browser */
// The leader's view of the demo: <care-coordination-overview> over a generated caseload of 2,000
// people. The page runs the reference server's answer to GET /overview (test/server/overview/) in
// the browser instead of a server, so the demo needs no backend; a portal gives the element `src`
// (its REST API) or a FhirOverviewSource instead.
import { ORGANISATIONS, generateCaseload } from '../test/server/overview/caseload.mjs';
import { createOverview } from '../test/server/overview/query.mjs';

const today = new Date().toISOString().slice(0, 10);
const overview = createOverview({ ...generateCaseload({ people: 2000, today }), organisations: ORGANISATIONS, today });
const element = document.getElementById('overview');
element.source = { overview: async (query) => structuredClone(overview.answer(query)) };

const language = document.getElementById('language');
language.addEventListener('change', () => {
  document.documentElement.lang = language.value;
});
for (const type of ['care-overview-query', 'care-overview-export', 'care-load-error']) {
  element.addEventListener(type, (event) => console.info(`[portal] ${type}`, event.detail));
}
