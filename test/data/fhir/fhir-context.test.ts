import * as v from 'valibot';
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
import { parse } from '../../../src/contract/validate.js';
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
      server.seed(fjordvikAsFhir({ ...fhir, parse, CareRecord, fjordvik }, version).resources);
      const answer = server.fetchFor();
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
        String(input instanceof Request ? input.url : input).startsWith(`${base}/`) ? answer(input, init) : originalFetch(input, init);
    });
    afterEach(() => {
      window.fetch = originalFetch;
      host?.remove();
      host = undefined;
    });

    const mount = async (directiveId: string, attributes: Record<string, string> = { 'fhir-version': version }) => {
      host = document.createElement('care-context') as CareContext;
      host.setAttribute('fhir-base', base);
      for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
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

    it('a consent the server holds with no date of decision is not said as decided when the server last updated it: the toggle says it could not be shown', async function () {
      this.timeout(45_000);
      const stored = server.get<Record<string, unknown>>('Consent/c-gp')!;
      delete stored[version === 'R4' ? 'dateTime' : 'date'];
      // Stored again: the server gives it a new lastUpdated, today.
      server.seed({ ...stored, meta: undefined });
      host = document.createElement('care-context') as CareContext;
      host.setAttribute('fhir-base', base);
      host.setAttribute('fhir-version', version);
      host.setAttribute('patient', 'm-ingrid');
      host.setAttribute('care-team', 'team-ingrid');
      host.setAttribute('actor', JSON.stringify({ id: 'Patient/m-ingrid', name: 'Ingrid Solberg' }));
      const toggle = document.createElement('care-consent-toggle');
      toggle.setAttribute('directive-id', 'c-gp');
      host.append(toggle);
      document.body.append(host);
      await waitUntil(() => shadow(toggle).querySelector('[part~="left-out"]'), 'the toggle never said the consent was left out', { timeout: 15_000 });
      await settle(toggle);
      const text = (shadow(toggle).textContent ?? '').replace(/\s+/g, ' ');
      expect(text).to.contain('One entry could not be shown here, because it is stored with a mistake.');
      expect(text).to.not.contain('since');
      expect(switchOf(toggle)).to.equal(null);
      const leftOut = host.store!.snapshot.leftOut!.find((item) => item.id === 'Consent/c-gp');
      expect(leftOut?.at, 'named by the element that lacks the time').to.equal(version === 'R4' ? 'Consent.dateTime' : 'Consent.date');
      await expectAxeClean(toggle);
    });

    it('without fhir-version the server\u2019s metadata tells the release, before anything else is asked', async function () {
      this.timeout(45_000);
      const toggle = await mount('c-nav', {});
      expect(switchOf(toggle)!.getAttribute('aria-checked')).to.equal('true');
      expect(server.requests[0].path).to.equal('metadata');
      expect(server.requests[1].path).to.equal('CareTeam');
      expect((host!.store!.snapshot.record!.consents.find((c) => c.id === 'c-nav') as Record<string, unknown>).fhir).to.include({ version });
    });

    it('time-zone and sector-mapping reach the FHIR mapping; without them Europe/Oslo and the default sector apply', async function () {
      this.timeout(60_000);
      const [organisation] = v.parse(CareRecord, fjordvik).team.organisations;
      server.seed({ ...server.get<object>(`Organization/${organisation.id}`)!, meta: undefined, type: [{ coding: [{ system: 'urn:example:org-type', code: 'fastlege' }] }] });
      const recordOf = () => host!.store!.snapshot.record!;
      const zoneOfSingleMeeting = () => recordOf().meetings.find((m) => !m.recurrence)!.timeZone;
      const sectorOf = () => recordOf().team.organisations.find((o) => o.id === `Organization/${organisation.id}`)!.sector;

      await mount('c-nav');
      expect(zoneOfSingleMeeting()).to.equal('Europe/Oslo');
      expect(sectorOf()).to.equal('specialist');
      host!.remove();

      await mount('c-nav', { 'fhir-version': version, 'time-zone': 'Europe/Copenhagen', 'sector-mapping': '{"urn:example:org-type|fastlege":"general-practice"}' });
      expect(zoneOfSingleMeeting()).to.equal('Europe/Copenhagen');
      expect(sectorOf()).to.equal('general-practice');
    });

    it('a server whose metadata says STU3 fails the load with the reason, and nothing else is asked', async function () {
      this.timeout(45_000);
      const answer = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
        String(input).endsWith('/metadata') ? Promise.resolve(new Response(JSON.stringify({ resourceType: 'CapabilityStatement', fhirVersion: '3.0.2' }), { headers: { 'Content-Type': 'application/fhir+json' } })) : answer(input, init);
      const errors: Array<{ reason: string; message: string }> = [];
      host = document.createElement('care-context') as CareContext;
      host.addEventListener('care-load-error', (event) => errors.push((event as CustomEvent).detail));
      host.setAttribute('fhir-base', base);
      host.setAttribute('patient', 'm-ingrid');
      host.setAttribute('care-team', 'team-ingrid');
      document.body.append(host);
      await waitUntil(() => errors.length > 0, 'no care-load-error', { timeout: 15_000 });
      expect(errors[0].reason).to.equal('rejected');
      expect(errors[0].message).to.contain('speaks STU3 (fhirVersion 3.0.2)');
      expect(server.requests, 'no search was sent').to.have.length(0);
    });

    it('a time-zone that is not one fails the load with the reason, before anything is asked', async function () {
      this.timeout(30_000);
      const errors: Array<{ reason: string; message: string }> = [];
      host = document.createElement('care-context') as CareContext;
      host.addEventListener('care-load-error', (event) => errors.push((event as CustomEvent).detail));
      for (const [name, value] of Object.entries({ 'fhir-base': base, 'fhir-version': version, patient: 'm-ingrid', 'time-zone': 'Norway/Fjordvik' })) host.setAttribute(name, value);
      document.body.append(host);
      await waitUntil(() => errors.length > 0, 'no care-load-error', { timeout: 15_000 });
      expect(errors[0].reason).to.equal('rejected');
      expect(errors[0].message).to.contain('"Norway/Fjordvik" is not an IANA time zone');
      expect(server.requests).to.have.length(0);
    });

    it('a guardian who decided and is not on the team is shown by name and relation', async function () {
      this.timeout(45_000);
      // Marit Berg is Ingrid's guardian (GUARD) and decided this consent; she is no member of the team.
      server.seed({
        resourceType: 'RelatedPerson',
        id: 'guardian-marit',
        patient: { reference: 'Patient/m-ingrid' },
        name: [{ text: 'Marit Berg' }],
        relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'GUARD' }] }],
      });
      const consent = server.get<Record<string, unknown>>('Consent/c-nav')!;
      server.seed({ ...consent, [version === 'R4' ? 'performer' : 'grantor']: [{ reference: 'RelatedPerson/guardian-marit' }] });
      const toggle = await mount('c-nav');
      expect(shadow(toggle).textContent!.replace(/\s+/g, ' ')).to.include('Decided by Marit Berg, guardian, on your behalf.');
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
