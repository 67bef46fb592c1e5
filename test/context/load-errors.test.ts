import { expect, waitUntil } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import type { CareLoadErrorEvent } from '../../src/components/base/events.js';
import '../../src/components/consent-list/define.js';
import '../../src/components/team-roster/define.js';
import '../../src/context/define.js';
import { FhirSource } from '../../src/data/fhir/source.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { HttpSource } from '../../src/data/http-source.js';
import { common as en } from '../../src/i18n/catalogues/en/common.js';
import { common as nb } from '../../src/i18n/catalogues/nb/common.js';
import { FhirTestServer } from '../server/fhir/server.mjs';
import { apiSession } from '../server/test-api.js';

const TEAM = 'team-ingrid';

interface Mounted {
  container: HTMLElement;
  events: CareLoadErrorEvent[];
  consoleErrors: string[];
  /** The text of the first error state inside the first element named `tag`. */
  alertText: (tag?: string) => string;
  done: () => void;
}

const mounted: Mounted[] = [];

/** Renders `template` into a container that listens for `care-load-error` before anything loads, and records console errors. */
function mount(template: TemplateResult): Mounted {
  const container = document.createElement('div');
  const events: CareLoadErrorEvent[] = [];
  const consoleErrors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    consoleErrors.push(args.map(String).join(' '));
  };
  container.addEventListener('care-load-error', (event) => events.push(event));
  document.body.append(container);
  render(template, container);
  const result: Mounted = {
    container,
    events,
    consoleErrors,
    alertText: (tag = 'care-team-roster') =>
      container.querySelector(tag)?.shadowRoot?.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    done: () => {
      console.error = original;
      container.remove();
    },
  };
  mounted.push(result);
  return result;
}

/** Waits for the first `care-load-error` and for the roster to show its error state. */
async function failure(view: Mounted, tag = 'care-team-roster'): Promise<CareLoadErrorEvent> {
  await waitUntil(() => view.events.length > 0 && view.alertText(tag) !== '', 'no care-load-error and error state', { timeout: 8000 });
  return view.events[0];
}

describe('A failed load reaches the host: care-load-error and plain-language text', () => {
  afterEach(() => {
    for (const view of mounted.splice(0)) view.done();
  });

  it('401: reason unauthorised with the status, asks the person to sign in, names the cause in the console', async () => {
    const api = await apiSession(fjordvik);
    const view = mount(html`<care-context src=${api.baseUrl('unauthorised')} care-team=${TEAM} lang="en"><care-team-roster></care-team-roster></care-context>`);
    const event = await failure(view);
    expect(event.type).to.equal('care-load-error');
    expect(event.bubbles && event.composed, 'bubbling and composed').to.equal(true);
    expect(event.detail.reason).to.equal('unauthorised');
    expect(event.detail.status).to.equal(401);
    expect(event.detail.teamId).to.equal(TEAM);
    expect(event.detail.message).to.contain('the session has ended');
    expect(event.target).to.equal(view.container.querySelector('care-context'));
    const text = view.alertText();
    expect(text).to.contain(en.loadErrorSignIn);
    expect(text).not.to.match(/connection/i);
    expect(view.consoleErrors.join('\n')).to.match(/care team "team-ingrid": unauthorised \(HTTP 401\).*session has ended/);
  });

  it('401 in bokmål says so in bokmål, and a host label replaces the text', async () => {
    const api = await apiSession(fjordvik);
    const labels = { loadErrorSignIn: 'Logg inn på MinSide for å se teamet.' };
    const view = mount(
      html`<care-context src=${api.baseUrl('unauthorised')} care-team=${TEAM} lang="nb"
        ><care-team-roster></care-team-roster><care-consent-list .labels=${labels}></care-consent-list
      ></care-context>`,
    );
    await failure(view);
    await waitUntil(() => view.alertText().includes(nb.loadErrorSignIn), 'the roster did not speak bokmål', { timeout: 5000 });
    await waitUntil(() => view.alertText('care-consent-list').includes(labels.loadErrorSignIn), 'the host label was not used');
    expect(view.events, 'one event for the context, not one per element').to.have.length(1);
  });

  it('403: reason forbidden, says the person has no access', async () => {
    const api = await apiSession(fjordvik);
    const view = mount(html`<care-context src=${api.baseUrl('forbidden')} care-team=${TEAM} lang="en"><care-team-roster></care-team-roster></care-context>`);
    const event = await failure(view);
    expect(event.detail).to.include({ reason: 'forbidden', status: 403 });
    expect(view.alertText()).to.contain(en.loadErrorNoAccess);
    expect(view.alertText()).not.to.match(/connection/i);
    expect(view.consoleErrors.join('\n')).to.contain('forbidden (HTTP 403)');
  });

  it('404: reason not-found for a care team the server does not have', async () => {
    const api = await apiSession(fjordvik);
    const view = mount(html`<care-context src=${api.baseUrl('ok')} care-team="team-nobody" lang="en"><care-team-roster></care-team-roster></care-context>`);
    const event = await failure(view);
    expect(event.detail).to.include({ reason: 'not-found', status: 404, teamId: 'team-nobody' });
    expect(view.alertText()).to.contain(en.loadErrorNotFound);
  });

  it('500: reason server after the retries, and Try again loads again (a second event for a second failure)', async () => {
    const api = await apiSession(fjordvik);
    const source = new HttpSource({ baseUrl: api.baseUrl('error-500'), retryDelayMs: 10 });
    const view = mount(html`<care-context .source=${source} care-team=${TEAM} lang="en"><care-team-roster></care-team-roster></care-context>`);
    const event = await failure(view);
    expect(event.detail).to.include({ reason: 'server', status: 500 });
    expect(view.alertText()).to.contain(en.loadErrorServer);
    expect((await api.log()).requests.filter((r) => r.method === 'GET'), 'first try and two retries').to.have.length(3);
    view.container.querySelector('care-team-roster')!.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await waitUntil(() => view.events.length === 2, 'the failed reload fired no second event', { timeout: 5000 });
  });

  it('timeout: reason timeout, no status', async () => {
    const api = await apiSession(fjordvik);
    const source = new HttpSource({ baseUrl: api.baseUrl('slow'), timeoutMs: 200, retries: 0 });
    const view = mount(html`<care-context .source=${source} care-team=${TEAM} lang="en"><care-team-roster></care-team-roster></care-context>`);
    const event = await failure(view);
    expect(event.detail.reason).to.equal('timeout');
    expect(event.detail.status).to.equal(undefined);
    expect(view.alertText()).to.contain(en.loadErrorTimeout);
  });

  it('a body that is not JSON (a login page answered with 200): reason invalid-body', async () => {
    const api = await apiSession(fjordvik);
    const view = mount(html`<care-context src=${api.baseUrl('not-json')} care-team=${TEAM} lang="en"><care-team-roster></care-team-roster></care-context>`);
    const event = await failure(view);
    expect(event.detail.reason).to.equal('invalid-body');
    expect(event.detail.message).to.contain('not JSON');
    // The person reads plain words; the technical reason is in the event (and the console).
    expect(view.alertText()).to.contain(en.dataErrorIntro);
    expect(view.alertText()).not.to.contain('not JSON');
    expect(view.alertText()).not.to.match(/connection/i);
  });

  it('a body that breaks the contract: reason invalid-body, the console names the path', async () => {
    const api = await apiSession(fjordvik);
    const view = mount(html`<care-context src=${api.baseUrl('invalid')} care-team=${TEAM} lang="en"><care-team-roster></care-team-roster></care-context>`);
    const event = await failure(view);
    expect(event.detail.reason).to.equal('invalid-body');
    expect(view.consoleErrors.join('\n')).to.contain('team.members[1].kind');
  });

  it('one broken meeting is left out: care-data-error names it, the team and the rest are shown, no load error', async () => {
    const broken = { ...fjordvik, meetings: fjordvik.meetings.map((m, i) => (i === 0 ? { ...m, end: 'later' } : m)) };
    const api = await apiSession(broken as unknown as typeof fjordvik);
    const dataErrors: CustomEvent<{ entity: string; id?: string; issues: Array<{ path: string }> }>[] = [];
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const view = mount(html`<care-context
        src=${api.baseUrl('ok')}
        care-team=${TEAM}
        lang="en"
        @care-data-error=${(e: CustomEvent<{ entity: string; id?: string; issues: Array<{ path: string }> }>) => dataErrors.push(e)}
        ><care-team-roster></care-team-roster
      ></care-context>`);
      const roster = view.container.querySelector('care-team-roster')!;
      await waitUntil(() => roster.shadowRoot?.textContent?.includes('Kari Nilsen'), 'the roster never showed the team', { timeout: 8000 });
      expect(view.events, 'no care-load-error').to.have.length(0);
      expect(dataErrors.map((e) => [e.detail.entity, e.detail.id])).to.deep.equal([['Meeting', fjordvik.meetings[0].id]]);
      expect(dataErrors[0].detail.issues.map((issue) => issue.path)).to.include('end');
      expect(dataErrors[0].target).to.equal(view.container.querySelector('care-context'));
    } finally {
      console.warn = warn;
    }
  });

  it('no connection: reason network, and only then "check your connection"', async () => {
    const source = new HttpSource({ baseUrl: 'http://127.0.0.1:9/api', retries: 0 });
    const view = mount(html`<care-context .source=${source} care-team=${TEAM} lang="en"><care-team-roster></care-team-roster></care-context>`);
    const event = await failure(view);
    expect(event.detail.reason).to.equal('network');
    expect(view.alertText()).to.contain(en.loadErrorBody);
  });

  for (const [status, reason, text] of [
    [401, 'unauthorised', en.loadErrorSignIn],
    [403, 'forbidden', en.loadErrorNoAccess],
    [500, 'server', en.loadErrorServer],
  ] as const) {
    it(`FHIR source: ${status} is reason ${reason}`, async () => {
      const server = new FhirTestServer({ version: 'R4', base: 'http://fhir.test/fhir' });
      for (let i = 0; i < 3; i++) server.failNext('GET', status, `planned ${status}`);
      const source = new FhirSource({ baseUrl: server.base, version: 'R4', patient: 'p-ingrid', fetch: server.fetchFor(), retries: 0 });
      const view = mount(html`<care-context .source=${source} care-team=${TEAM} lang="en"><care-team-roster></care-team-roster></care-context>`);
      const event = await failure(view);
      expect(event.detail).to.include({ reason, status });
      expect(view.alertText()).to.contain(text);
    });
  }
});
