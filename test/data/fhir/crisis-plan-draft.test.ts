// <care-crisis-plan> inside <care-context fhir-base=…> on a CarePlan the server holds as a draft:
// the element says the plan is not agreed yet, and the confirmation that completes the agreement
// arrives at the FHIR server as status active, so every other system reads the plan as in force.
// Against the FHIR test double (test/server/fhir/server.mjs), answered inside the page.
import { expect } from '@open-wc/testing';
import { expectAxeClean } from '../../helpers/a11y.js';
import { settle, waitUntil } from '../../helpers/fixture.js';
import '../../../src/context/define.js';
import '../../../src/components/crisis-plan/define.js';
import { CareRecord } from '../../../src/contract/record.js';
import { parse } from '../../../src/contract/validate.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import * as fhir from '../../../src/data/fhir/index.js';
import type { CareContext } from '../../../src/context/care-context.js';
import { FhirTestServer } from '../../server/fhir/server.mjs';
import { fjordvikAsFhir } from '../../server/fhir/fjordvik.mjs';

interface StoredPlan {
  resourceType: 'CarePlan';
  id: string;
  status: string;
  intent: string;
  extension?: Array<{ url: string; extension?: Array<{ url: string; valueReference?: { reference?: string } }> }>;
}

const AGREEMENT = 'https://care-elements.dev/fhir/StructureDefinition/crisis-plan-agreement';
const shadow = (el: Element) => el.shadowRoot!;
const textOf = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (el: Element, name: string) => [...shadow(el).querySelectorAll('button')].find((b) => textOf(b) === name) ?? null;
const status = (el: Element) => textOf(shadow(el).querySelector('[part="plan-status"]'));

for (const version of ['R4', 'R5'] as const) {
  describe(`<care-crisis-plan> on a draft CarePlan (FHIR ${version})`, () => {
    const base = `https://fhir.test/${version}`;
    let server: FhirTestServer;
    let host: CareContext | undefined;
    const originalFetch = window.fetch;

    beforeEach(() => {
      server = new FhirTestServer({ version, base, pageSize: 20 });
      const resources = fjordvikAsFhir({ ...fhir, parse, CareRecord, fjordvik }, version).resources as Array<{ resourceType: string }>;
      // The plan as another system drafted it: a draft, confirmed by Ingrid, not yet by Kari, the coordinator.
      const drafted = resources.map((resource) => {
        if (resource.resourceType !== 'CarePlan') return resource;
        const plan = structuredClone(resource) as StoredPlan;
        plan.status = 'draft';
        plan.extension = plan.extension?.filter((e) => !(e.url === AGREEMENT && e.extension?.some((x) => x.valueReference?.reference === 'Practitioner/m-kari')));
        return plan;
      });
      server.seed(drafted);
      const answer = server.fetchFor();
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
        String(input instanceof Request ? input.url : input).startsWith(`${base}/`) ? answer(input, init) : originalFetch(input, init);
    });
    afterEach(() => {
      window.fetch = originalFetch;
      host?.remove();
      host = undefined;
    });

    const mount = async (actor: { id: string; name: string; organisationId?: string }, audience: string) => {
      host = document.createElement('care-context') as CareContext;
      host.setAttribute('fhir-base', base);
      host.setAttribute('fhir-version', version);
      host.setAttribute('patient', 'm-ingrid');
      host.setAttribute('care-team', 'team-ingrid');
      host.setAttribute('actor', JSON.stringify(actor));
      const plan = document.createElement('care-crisis-plan');
      plan.setAttribute('audience', audience);
      plan.setAttribute('now', '2026-12-05T12:00:00Z');
      plan.lang = 'en';
      host.append(plan);
      document.body.append(host);
      await waitUntil(() => shadow(plan).querySelector('[part="plan-status"]'), 'the plan never showed', { timeout: 15_000 });
      await settle(plan);
      return plan;
    };

    it('tells Ingrid her plan is a draft, not agreed yet, and what it takes to hold', async function () {
      this.timeout(45_000);
      const plan = await mount({ id: 'Patient/m-ingrid', name: 'Ingrid Solberg' }, 'service-user');
      expect(status(plan)).to.contain('This plan is a draft. It is not agreed yet. It holds only when you and your coordinator have confirmed it.');
      expect(status(plan)).to.contain('The coordinator has not confirmed this version yet.');
      await expectAxeClean(plan);
    });

    it('Kari\u2019s confirmation completes the agreement: the server\u2019s CarePlan becomes active, intent kept, and the draft note goes', async function () {
      this.timeout(45_000);
      const plan = await mount({ id: 'Practitioner/m-kari', name: 'Kari Nilsen', organisationId: 'Organization/org-home-care' }, 'professional');
      expect(status(plan)).to.contain('This plan is a draft. It is not agreed yet. It holds only when Ingrid Solberg and the coordinator have confirmed it.');
      button(plan, 'Confirm this version as coordinator')!.click();
      await waitUntil(() => (server.get('CarePlan/cp-ingrid') as StoredPlan).status === 'active', 'the CarePlan stayed a draft', { timeout: 15_000 });
      await waitUntil(() => !status(plan).includes('draft'), 'the draft note stayed', { timeout: 15_000 });
      const stored = server.get('CarePlan/cp-ingrid') as StoredPlan;
      expect(stored.intent).to.equal('plan');
      expect(stored.extension!.filter((e) => e.url === AGREEMENT)).to.have.length(2);
      expect(status(plan)).to.not.contain('has not confirmed');
    });
  });
}
