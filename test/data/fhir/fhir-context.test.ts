// <care-consent-toggle> inside <care-context fhir-base=…>: the element, the store and FhirSource
// against the FHIR test double (test/server/fhir/server.mjs, our own minimal FHIR REST server).
// The browser cannot open a server socket, so the page's fetch for https://fhir.test/ is answered
// by the same server code in the page; the Node tests (test/data/fhir/source.test.mjs) run it
// over real loopback HTTP.
import { expect } from '@open-wc/testing';
import { expectAxeClean } from '../../helpers/a11y.js';
import { settle, waitUntil } from '../../helpers/fixture.js';
import '../../../src/context/define.js';
import '../../../src/components/consent-toggle/define.js';
import { CareRecord } from '../../../src/contract/record.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import * as fhir from '../../../src/data/fhir/index.js';
import type { CareContext } from '../../../src/context/care-context.js';
import { FhirTestServer } from '../../server/fhir/server.mjs';
import { fjordvikAsFhir } from '../../server/fhir/fjordvik.mjs';

const shadow = (el: Element) => el.shadowRoot!;
const switchOf = (el: Element) => shadow(el).querySelector<HTMLButtonElement>('[role="switch"]');

for (const version of ['R4', 'R5'] as const) {
  describe(`<care-context fhir-base> with the consent toggle (FHIR ${version})`, () => {
    const base = `https://fhir.test/${version}`;
    let server: FhirTestServer;
    let host: CareContext | undefined;
    const originalFetch = window.fetch;

    beforeEach(() => {
      server = new FhirTestServer({ version, base, pageSize: 5 });
      server.seed(fjordvikAsFhir({ ...fhir, CareRecord, fjordvik }, version).resources);
      const answer = server.fetchFor();
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
        String(input instanceof Request ? input.url : input).startsWith(`${base}/`) ? answer(input, init) : originalFetch(input, init);
    });
    afterEach(() => {
      window.fetch = originalFetch;
      host?.remove();
      host = undefined;
    });

    const mount = async (directiveId: string) => {
      host = document.createElement('care-context') as CareContext;
      host.setAttribute('fhir-base', base);
      host.setAttribute('fhir-version', version);
      host.setAttribute('patient', 'm-ingrid');
      host.setAttribute('care-team', 'team-ingrid');
      host.setAttribute('actor', JSON.stringify({ id: 'Patient/m-ingrid', name: 'Ingrid Solberg' }));
      const toggle = document.createElement('care-consent-toggle');
      toggle.setAttribute('directive-id', directiveId);
      host.append(toggle);
      document.body.append(host);
      await waitUntil(() => switchOf(toggle), 'the toggle never showed its switch', { timeout: 15_000 });
      await settle(toggle);
      return toggle;
    };

    it('withdrawing in the toggle arrives at the FHIR server as status inactive', async function () {
      this.timeout(45_000);
      const before = server.get<{ status: string; provision: unknown; meta: { versionId: string } }>('Consent/c-nav')!;
      expect(before.status).to.equal('active');
      const toggle = await mount('c-nav');
      expect(switchOf(toggle)!.getAttribute('aria-checked')).to.equal('true');
      await expectAxeClean(toggle);
      switchOf(toggle)!.click();
      await waitUntil(() => server.get<{ status: string }>('Consent/c-nav')!.status === 'inactive', 'the withdrawal never reached the server', { timeout: 15_000 });
      await waitUntil(() => switchOf(toggle)!.getAttribute('aria-checked') === 'false', 'the toggle never showed the saved withdrawal', { timeout: 15_000 });
      const after = server.get<{ status: string; provision: unknown; meta: { versionId: string } }>('Consent/c-nav')!;
      expect(after.provision).to.deep.equal(before.provision);
      expect(after.meta.versionId).to.equal(String(Number(before.meta.versionId) + 1));
      const put = server.requests.filter((r) => r.method === 'PUT');
      expect(put).to.have.length(1);
      expect(put[0].ifMatch).to.equal(`W/"${before.meta.versionId}"`);
      await settle(toggle);
      await expectAxeClean(toggle);
    });

    it('objecting in the toggle arrives as an active Consent that denies sharing', async function () {
      this.timeout(45_000);
      const toggle = await mount('c-gp');
      expect(switchOf(toggle)!.getAttribute('aria-checked')).to.equal('true');
      switchOf(toggle)!.click();
      await waitUntil(() => switchOf(toggle)!.getAttribute('aria-checked') === 'false', 'the objection was never shown as saved', { timeout: 15_000 });
      const stored = server.get<{ status: string; decision?: string; provision: { type?: string } | Array<object> }>('Consent/c-gp')!;
      expect(stored.status).to.equal('active');
      // R4: the provision denies; R5: the base decision permits and the provision is the exception that denies.
      if (version === 'R4') expect((stored.provision as { type?: string }).type).to.equal('deny');
      else expect(stored.decision).to.equal('permit');
    });

    it('a version conflict on the server is reported to the person', async function () {
      this.timeout(45_000);
      const toggle = await mount('c-gp');
      // Someone else changes the consent after the page loaded it.
      server.seed({ ...server.get('Consent/c-gp')!, meta: undefined });
      switchOf(toggle)!.click();
      await waitUntil(() => shadow(toggle).querySelector('[part="error"]'), 'no error was shown', { timeout: 15_000 });
      await settle(toggle);
      expect(shadow(toggle).querySelector('[part="error"]')!.textContent).to.contain('Someone else changed this at the same time');
      expect(switchOf(toggle)!.getAttribute('aria-checked'), 'the saved state stays on screen').to.equal('true');
      expect(server.get<{ status: string }>('Consent/c-gp')!.status).to.equal('active');
      expect(host!.store!.snapshot.failures.get('consent/c-gp')!.error.kind).to.equal('conflict');
      await expectAxeClean(toggle);
    });
  });
}
