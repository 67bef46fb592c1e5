// Who a change is recorded under, and what is saved: the actor rule and the frozen request.
import '../../src/define.js';
import type { CareConsentToggle } from '../../src/components/consent-toggle/consent-toggle.js';
import type { CareConsentRequestEvent } from '../../src/components/consent-toggle/events.js';
import type { CareContext } from '../../src/context/care-context.js';
import type { ConsentDirective } from '../../src/contract/consent.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../../src/data/memory-source.js';
import { expect, fixture, html, settle, waitUntil } from '../helpers/fixture.js';

const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
const ingrid = { id: 'm-ingrid', name: 'Ingrid Solberg' };
const switchOf = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const directive = (): ConsentDirective => structuredClone(fjordvik.consents.find((c) => c.id === 'c-gp')) as unknown as ConsentDirective;

describe('the actor rule', () => {
  it('after logout (actor set to nothing) the next decision is refused, not signed with the last person\u2019s name', async () => {
    const source = new MemorySource({ seed: fjordvik });
    const context = await fixture<CareContext>(
      html`<care-context .source=${source} care-team="team-ingrid" lang="en" .actor=${kari}
        ><care-consent-toggle directive-id="c-gp" audience="professional"></care-consent-toggle
      ></care-context>`,
    );
    await waitUntil(() => context.store?.snapshot.status === 'ready');
    const el = context.querySelector<CareConsentToggle>('care-consent-toggle')!;
    await settle(el);
    context.actor = undefined;
    await context.updateComplete;
    expect(context.store!.actor, 'the store forgets the actor').to.equal(undefined);
    const errors: string[] = [];
    el.addEventListener('care-error', (e) => errors.push(e.detail.error.kind));
    switchOf(el).click();
    await waitUntil(() => errors.length > 0, 'no care-error');
    await settle(el);
    expect(errors).to.deep.equal(['no-actor']);
    expect(text(el.shadowRoot!.querySelector('[part="error"]'))).to.contain('the page does not know who you are');
    const stored = (await source.load('team-ingrid')).consents.find((c) => c.id === 'c-gp')!;
    expect(stored.state, 'nothing written').to.equal('granted');
    expect(stored.history, 'no new entry signed with Kari\u2019s name').to.have.length(1);
    expect(context.store!.snapshot.record!.audit).to.have.length(fjordvik.audit?.length ?? 0);
  });

  it('without <care-context>, a toggle with no actor refuses the change; with the actor property it records that person', async () => {
    const el = await fixture<CareConsentToggle>(html`<care-consent-toggle lang="en" .directive=${directive()}></care-consent-toggle>`);
    let requests = 0;
    el.addEventListener('care-consent-request', () => requests++);
    switchOf(el).click();
    await settle(el);
    expect(requests, 'no request without an actor').to.equal(0);
    expect(text(el.shadowRoot!.querySelector('[part="error"]'))).to.contain('the page does not know who you are');

    el.actor = ingrid;
    await settle(el);
    let saved: ConsentDirective | undefined;
    el.addEventListener('care-consent-change', (e) => (saved = e.detail.directive));
    switchOf(el).click();
    await waitUntil(() => saved, 'no change event');
    const entry = saved!.history.at(-1)!;
    expect(entry.recordedBy).to.deep.equal(ingrid);
    expect(JSON.stringify(saved), 'no UI text enters the record').not.to.match(/Ukjent person|Unknown person|personen/);
  });

  it('a professional\u2019s click is recorded as what the person said, never as the person\u2019s own digital decision', async () => {
    const el = await fixture<CareConsentToggle>(
      html`<care-consent-toggle lang="en" audience="professional" .actor=${kari} .directive=${directive()}></care-consent-toggle>`,
    );
    let saved: ConsentDirective | undefined;
    el.addEventListener('care-consent-change', (e) => (saved = e.detail.directive));
    switchOf(el).click();
    await waitUntil(() => saved, 'no change event');
    const entry = saved!.history.at(-1)!;
    expect(entry.recordedBy).to.deep.equal(kari);
    expect(entry.method).to.equal('verbal');
    expect(entry.decidedBy?.name).to.not.equal('Kari Nilsen');

    // The person's own click, with their own actor, is digital.
    const own = await fixture<CareConsentToggle>(html`<care-consent-toggle lang="en" .actor=${{ id: 'm-ingrid', name: 'Ingrid Solberg' }} .directive=${directive()}></care-consent-toggle>`);
    let mine: ConsentDirective | undefined;
    own.addEventListener('care-consent-change', (e) => (mine = e.detail.directive));
    switchOf(own).click();
    await waitUntil(() => mine, 'no change event');
    expect(mine!.history.at(-1)!.method).to.equal('digital');
  });
});

describe('the request event carries a frozen copy', () => {
  it('a listener cannot turn an objection into a grant: what is saved is what the person chose', async () => {
    const source = new MemorySource({ seed: fjordvik });
    const context = await fixture<CareContext>(
      html`<care-context .source=${source} care-team="team-ingrid" lang="en" .actor=${ingrid}
        ><care-consent-toggle directive-id="c-gp"></care-consent-toggle
      ></care-context>`,
    );
    await waitUntil(() => context.store?.snapshot.status === 'ready');
    const el = context.querySelector<CareConsentToggle>('care-consent-toggle')!;
    await settle(el);
    let frozen = false;
    el.addEventListener('care-consent-request', (e) => {
      const detail = (e as CareConsentRequestEvent).detail;
      frozen = Object.isFrozen(detail.directive) && Object.isFrozen(detail.directive.history);
      try {
        // The objection (refused) is turned back into "no objection".
        (detail.directive as { state: string }).state = 'granted';
      } catch {
        // strict-mode listeners get a TypeError; sloppy ones are ignored silently
      }
    });
    switchOf(el).click();
    await waitUntil(() => context.store!.snapshot.pending.size === 0 && switchOf(el).getAttribute('aria-checked') === 'false', 'never saved');
    expect(frozen).to.equal(true);
    const stored = (await source.load('team-ingrid')).consents.find((c) => c.id === 'c-gp')!;
    expect(stored.state).to.equal('refused');
    expect(stored.history.at(-1)!.state).to.equal('refused');
  });
});

describe('leaving the page', () => {
  const leaving = () => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  };

  it('asks first while a save or the host\u2019s own step runs, or after a failed save not retried', async () => {
    const source = new MemorySource({ seed: fjordvik, latency: 300 });
    const context = await fixture<CareContext>(
      html`<care-context .source=${source} care-team="team-ingrid" lang="en" .actor=${ingrid}
        ><care-consent-toggle directive-id="c-gp"></care-consent-toggle
      ></care-context>`,
    );
    await waitUntil(() => context.store?.snapshot.status === 'ready');
    const el = context.querySelector<CareConsentToggle>('care-consent-toggle')!;
    await settle(el);
    expect(leaving(), 'nothing unsaved').to.equal(false);

    // The host's confirmation step is still open.
    let confirm!: () => void;
    el.addEventListener('care-consent-request', (e) => e.waitUntil(new Promise<void>((resolve) => (confirm = resolve))), { once: true });
    switchOf(el).click();
    await settle(el);
    expect(leaving(), 'the host\u2019s step is running').to.equal(true);
    confirm();
    await waitUntil(() => context.store!.snapshot.pending.size > 0, 'the save never started');
    expect(leaving(), 'the save is under way').to.equal(true);
    await waitUntil(() => context.store!.snapshot.pending.size === 0, 'the save never ended');
    expect(leaving(), 'saved').to.equal(false);

    source.failNext('network');
    switchOf(el).click();
    await waitUntil(() => context.store!.snapshot.failures.size > 0, 'the save never failed');
    expect(leaving(), 'a failed save not retried').to.equal(true);
    context.store!.dismiss('consent', 'c-gp');
    expect(leaving(), 'dismissed').to.equal(false);
  });
});
