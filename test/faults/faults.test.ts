// Backend faults through HttpSource against the loopback REST server (test/server/plugins.mjs):
// for each fault the element says what happened in plain words, the user's intent is either saved
// or visibly not saved with a Try again that works, and a late answer never overwrites a newer one.
import type { CareConsentToggle } from '../../src/components/consent-toggle/consent-toggle.js';
import type { CareMeetingScheduler } from '../../src/components/meeting-scheduler/meeting-scheduler.js';
import type { CareResponsibilityMatrix } from '../../src/components/responsibility-matrix/responsibility-matrix.js';
import type { CareTeamRoster } from '../../src/components/team-roster/team-roster.js';
import { HttpSource } from '../../src/data/http-source.js';
import { expectAxeClean } from '../helpers/a11y.js';
import { expect, fixture, html, settle } from '../helpers/fixture.js';
import type { Scenario } from '../server/test-api.js';
import { choosePart, connect, freshApi, inShadow, lars, serverRecord, sourceFor, textOf, until, rowState, writes } from './support.js';

/** What each write fault must be explained as. */
const FAULTS: Array<{ scenario: Scenario; says: string }> = [
  { scenario: 'timeout', says: 'The server took too long to answer.' },
  { scenario: 'network', says: 'There is no connection to the server.' },
  { scenario: 'conflict', says: 'Someone else changed this at the same time.' },
];

// ------------------------------------------------------------------------------------ consent toggle

const switchOf = (el: Element) => inShadow<HTMLButtonElement>(el, '[role="switch"]')!;

describe('faults: <care-consent-toggle> connected to an HttpSource', () => {
  for (const { scenario, says } of FAULTS) {
    it(`${scenario}: says so, keeps the saved state, and Try again saves the choice`, async function () {
      this.timeout(15_000);
      const api = await freshApi();
      const { el, store } = await connect<CareConsentToggle>(
        sourceFor(api, scenario),
        html`<care-consent-toggle directive-id="c-gp"></care-consent-toggle>`,
        'care-consent-toggle',
      );
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
      switchOf(el).click();
      await until(el, () => inShadow(el, '[part="error"]'), 'no error shown');

      const alert = inShadow(el, '[part="error"]')!;
      // The alert region that was there before the failure says it; the visible box shows it.
      expect(textOf(inShadow(el, '[role="alert"]'))).to.contain('Your choice (No) was not saved.');
      expect(textOf(inShadow(el, '[role="alert"]'))).to.contain(says);
      expect(textOf(alert)).to.contain('Your choice (No) was not saved.');
      expect(textOf(alert)).to.contain(says);
      expect(switchOf(el).getAttribute('aria-checked'), 'the saved state stays on screen').to.equal('true');
      expect((await serverRecord(api)).consents.find((c) => c.id === 'c-gp')!.state, 'the server has not got it').to.equal('granted');
      await expectAxeClean(el);

      inShadow<HTMLButtonElement>(el, '[part="retry"]')!.click();
      await until(el, () => switchOf(el)?.getAttribute('aria-checked') === 'false', 'the retried choice was never shown as saved');
      expect(inShadow(el, '[part="error"]')).to.equal(null);
      expect(textOf(inShadow(el, '[part="status"]'))).to.equal('Your choice has been saved.');
      const stored = (await serverRecord(api)).consents.find((c) => c.id === 'c-gp')!;
      expect(stored.state, 'the server has the retried choice').to.equal('refused');
      expect(store.snapshot.record!.consents.find((c) => c.id === 'c-gp')!.state).to.equal('refused');
      expect(stored.meta?.version).to.equal('2');
    });
  }

  it('timeout-stored: the choice got through but its answer was lost; Try again finds it saved, once', async function () {
    this.timeout(15_000);
    const api = await freshApi();
    const { el, store } = await connect<CareConsentToggle>(
      sourceFor(api, 'timeout-stored'),
      html`<care-consent-toggle directive-id="c-gp"></care-consent-toggle>`,
      'care-consent-toggle',
    );
    const historyBefore = store.snapshot.record!.consents.find((c) => c.id === 'c-gp')!.history.length;
    switchOf(el).click();
    await until(el, () => inShadow(el, '[part="error"]'), 'no error shown');
    expect(textOf(inShadow(el, '[part="error"]'))).to.contain('The server took too long to answer.');
    for (let i = 0; i < 50 && (await serverRecord(api)).consents.find((c) => c.id === 'c-gp')!.state === 'granted'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    inShadow<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await until(el, () => store.snapshot.pending.size === 0 && switchOf(el).getAttribute('aria-checked') === 'false', 'never shown as saved');
    expect(inShadow(el, '[part="error"]'), 'not reported as someone else\u2019s change').to.equal(null);
    expect(textOf(inShadow(el, '[part="status"]'))).to.equal('Your choice has been saved.');
    const stored = (await serverRecord(api)).consents.find((c) => c.id === 'c-gp')!;
    expect(stored.state).to.equal('refused');
    expect(stored.meta?.version, 'stored once').to.equal('2');
    expect(stored.history.length, 'one history entry, not two').to.equal(historyBefore + 1);
  });

  it('reject-422 on every write: each attempt says so and nothing is shown as saved', async () => {
    const api = await freshApi();
    const { el, store } = await connect<CareConsentToggle>(
      sourceFor(api, 'reject-422'),
      html`<care-consent-toggle directive-id="c-gp"></care-consent-toggle>`,
      'care-consent-toggle',
    );
    let failures = 0;
    el.addEventListener('care-error', () => failures++);
    switchOf(el).click();
    await until(el, () => failures === 1 && inShadow(el, '[part="error"]'), 'no error shown');
    expect(textOf(inShadow(el, '[part="error"]'))).to.contain('The change was not accepted.');
    inShadow<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await until(el, () => failures === 2 && inShadow(el, '[part="error"]') && store.snapshot.pending.size === 0, 'no second error shown');
    expect(textOf(inShadow(el, '[part="error"]'))).to.contain('The change was not accepted.');
    expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
    expect((await writes(api)).length).to.equal(2);
  }).timeout(15_000);
});

describe('faults: <care-consent-list> connected to an HttpSource', () => {
  it('network: the toggle in the list says so; Try again saves; the list counts the saved state', async function () {
    this.timeout(15_000);
    const api = await freshApi();
    const { el } = await connect<HTMLElement>(sourceFor(api, 'network'), html`<care-consent-list></care-consent-list>`, 'care-consent-list');
    const toggle = el.shadowRoot!.querySelector<CareConsentToggle>('care-consent-toggle[directive-id="c-gp"]')!;
    await settle(toggle);
    switchOf(toggle).click();
    await until(toggle, () => inShadow(toggle, '[part="error"]'), 'no error shown');
    expect(textOf(inShadow(toggle, '[part="error"]'))).to.contain('There is no connection to the server.');
    expect(switchOf(toggle).getAttribute('aria-checked')).to.equal('true');
    inShadow<HTMLButtonElement>(toggle, '[part="retry"]')!.click();
    await until(toggle, () => switchOf(toggle).getAttribute('aria-checked') === 'false', 'the retried choice was never shown as saved');
    await settle(el);
    expect((await serverRecord(api)).consents.find((c) => c.id === 'c-gp')!.state).to.equal('refused');
    await expectAxeClean(el);
  });
});

// ------------------------------------------------------------------------------------ matrix

const live = (el: Element) => textOf(inShadow(el, '[role="status"][aria-live="polite"]'));
const assignmentsOn = async (api: Awaited<ReturnType<typeof freshApi>>, id: string) =>
  (await serverRecord(api)).responsibilities.find((r) => r.id === id)!.assignments;

const matrixTemplate = html`<care-responsibility-matrix
  style="inline-size: 70rem"
  today="2026-11-20"
  view="grid"
  editable
></care-responsibility-matrix>`;

describe('faults: <care-responsibility-matrix> connected to an HttpSource', () => {
  for (const { scenario, says } of FAULTS) {
    it(`${scenario}: the row says the change was not saved and why; Try again saves it`, async function () {
      this.timeout(20_000);
      const api = await freshApi();
      const { el, store } = await connect<CareResponsibilityMatrix>(sourceFor(api, scenario), matrixTemplate, 'care-responsibility-matrix');
      const cell = await choosePart(el, 'r-finances', 'Lars Haugen', 'Is told');
      await until(el, () => store.snapshot.failures.has('responsibility/r-finances'), 'the save never failed');
      await until(el, () => textOf(rowState(el, 'r-finances')).includes('not saved'), 'the row never said so');

      expect(textOf(rowState(el, 'r-finances'))).to.contain(`Your change was not saved. ${says}`);
      expect(live(el)).to.contain('Not saved: Money: benefits and paying bills.');
      expect(textOf(cell), 'rolled back').to.contain('No part');
      expect((await assignmentsOn(api, 'r-finances')).some((a) => a.memberId === 'm-lars')).to.equal(false);

      rowState(el, 'r-finances').querySelector<HTMLButtonElement>('button')!.click();
      await until(el, () => !store.snapshot.failures.has('responsibility/r-finances') && !store.snapshot.pending.has('responsibility/r-finances'), 'retry never ended');
      expect(textOf(cell)).to.contain('Is told');
      expect(textOf(rowState(el, 'r-finances'))).not.to.contain('not saved');
      expect(live(el)).to.contain('Saved: Money: benefits and paying bills.');
      expect(await assignmentsOn(api, 'r-finances')).to.deep.include({ memberId: 'm-lars', part: 'informed' });
    });
  }

  it('timeout-stored: the write got through but its answer was lost; Try again finds it saved and says so', async function () {
    this.timeout(20_000);
    const api = await freshApi();
    const { el, store } = await connect<CareResponsibilityMatrix>(sourceFor(api, 'timeout-stored'), matrixTemplate, 'care-responsibility-matrix');
    const cell = await choosePart(el, 'r-finances', 'Lars Haugen', 'Is told');
    await until(el, () => textOf(rowState(el, 'r-finances')).includes('not saved'), 'the row never said so');
    expect(textOf(rowState(el, 'r-finances'))).to.contain('The server took too long to answer.');
    // The server has it (once it has noticed the page gave up), although the page could not know.
    for (let i = 0; i < 50 && !(await assignmentsOn(api, 'r-finances')).some((a) => a.memberId === 'm-lars'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await assignmentsOn(api, 'r-finances')).to.deep.include({ memberId: 'm-lars', part: 'informed' });

    rowState(el, 'r-finances').querySelector<HTMLButtonElement>('button')!.click();
    await until(el, () => !store.snapshot.failures.has('responsibility/r-finances') && !store.snapshot.pending.has('responsibility/r-finances'), 'retry never ended');
    expect(textOf(cell)).to.contain('Is told');
    expect(textOf(rowState(el, 'r-finances')), 'not reported as someone else\u2019s change').not.to.contain('not saved');
    expect(live(el)).to.contain('Saved: Money: benefits and paying bills.');
    const stored = (await serverRecord(api)).responsibilities.find((r) => r.id === 'r-finances')!;
    expect(stored.meta?.version, 'stored once, not twice').to.equal('2');
    expect(store.snapshot.record!.responsibilities.find((r) => r.id === 'r-finances')!.meta?.version).to.equal('2');
  });

  it('out-of-order: two quick edits of one row end with the newer one, in the UI, the store and on the server', async function () {
    this.timeout(20_000);
    const api = await freshApi();
    // The source waits long enough for the late answer (a timeout is another test).
    const source = new HttpSource({ baseUrl: api.baseUrl('out-of-order'), timeoutMs: 5000 });
    const { el, store } = await connect<CareResponsibilityMatrix>(source, matrixTemplate, 'care-responsibility-matrix');
    // The first save is answered 800 ms late; the second edit is made while it is on its way.
    const first = await choosePart(el, 'r-finances', 'Lars Haugen', 'Is told');
    const second = await choosePart(el, 'r-finances', 'Lars Haugen', 'Is asked');
    expect(store.snapshot.pending.has('responsibility/r-finances')).to.equal(true);
    expect(first).to.equal(second);
    await until(el, () => store.snapshot.pending.size === 0, 'the saves never ended', 8000);

    expect(textOf(second)).to.contain('Is asked');
    const inStore = store.snapshot.record!.responsibilities.find((r) => r.id === 'r-finances')!;
    expect(inStore.assignments).to.deep.include({ memberId: 'm-lars', part: 'consulted' });
    expect(inStore.assignments.filter((a) => a.memberId === 'm-lars')).to.have.length(1);
    const onServer = await assignmentsOn(api, 'r-finances');
    expect(onServer.filter((a) => a.memberId === 'm-lars')).to.deep.equal([{ memberId: 'm-lars', part: 'consulted' }]);
    const puts = await writes(api);
    expect(puts.map((p) => p.ifMatch), 'the second was sent on the version the first stored').to.deep.equal(['"1"', '"2"']);
    expect(inStore.meta?.version).to.equal('3');
    expect(store.snapshot.failures.size).to.equal(0);
  });
});

// ------------------------------------------------------------------------------------ scheduler

describe('faults: <care-meeting-scheduler> connected to an HttpSource', () => {
  for (const { scenario, says } of FAULTS) {
    it(`${scenario}: an answer that failed says why; Try again saves it`, async function () {
      this.timeout(20_000);
      const api = await freshApi();
      const { el, store } = await connect<CareMeetingScheduler>(
        sourceFor(api, scenario),
        html`<care-meeting-scheduler meeting-id="mt-series" me="m-lars" today="2026-12-01" viewer-time-zone="Europe/Oslo"></care-meeting-scheduler>`,
        'care-meeting-scheduler',
        lars,
      );
      await until(el, () => inShadow(el, '[part="your-part"]'), 'meeting not shown');
      const buttonNamed = (words: string) =>
        [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => textOf(b).startsWith(words))!;
      buttonNamed('Maybe').click();
      await until(el, () => inShadow(el, '.save-error'), 'failure not shown', 8000);
      expect(textOf(inShadow(el, '.save-error'))).to.contain(says);
      const response = async () =>
        (await serverRecord(api)).meetings.find((m) => m.id === 'mt-series')!.participants.find((p) => p.memberId === 'm-lars')!.response;
      expect(await response()).not.to.equal('tentative');
      buttonNamed('Try again').click();
      await until(
        el,
        () => store.snapshot.pending.size === 0 && !inShadow(el, '.save-error') && textOf(inShadow(el, '[part="your-part"] .answer')) === 'Your answer: Maybe',
        'retry not saved',
        8000,
      );
      expect(await response()).to.equal('tentative');
    });
  }
});

// ------------------------------------------------------------------------------------ roster (reads only)

describe('faults: <care-team-roster> connected to an HttpSource', () => {
  it('a failed load says so with a Try again that loads', async () => {
    const api = await freshApi();
    // flaky: the first read answers 503; the source is told not to retry by itself.
    const source = new HttpSource({ baseUrl: api.baseUrl('flaky'), retries: 0, timeoutMs: 2000 });
    const context = await fixture(html`<care-context .source=${source} care-team="team-ingrid" lang="en">
      <care-team-roster today="2026-12-01"></care-team-roster>
    </care-context>`);
    const el = context.querySelector<CareTeamRoster>('care-team-roster')!;
    await until(el, () => inShadow(el, '[role="alert"]'), 'no load error shown');
    const alert = inShadow(el, '[role="alert"]')!;
    expect(textOf(alert)).to.contain('Could not load the information');
    expect(textOf(alert)).to.contain('Nothing you did has been lost.');
    await expectAxeClean(el);
    alert.querySelector('button')!.click();
    await until(el, () => !inShadow(el, '[role="alert"]') && textOf(el.shadowRoot!).includes('Lars Haugen'), 'the roster never loaded');
  });

  it('a slow load shows the loading state until it times out, then the error', async () => {
    const api = await freshApi();
    const source = new HttpSource({ baseUrl: api.baseUrl('slow'), retries: 0, timeoutMs: 400 });
    const context = await fixture(html`<care-context .source=${source} care-team="team-ingrid" lang="en">
      <care-team-roster today="2026-12-01"></care-team-roster>
    </care-context>`);
    const el = context.querySelector<CareTeamRoster>('care-team-roster')!;
    await settle(el);
    expect(textOf(inShadow(el, '[role="status"]'))).to.contain('Loading');
    await until(el, () => inShadow(el, '[role="alert"]'), 'no timeout shown');
    expect(textOf(inShadow(el, '[role="alert"]'))).to.contain('Could not load the information');
  });
});
