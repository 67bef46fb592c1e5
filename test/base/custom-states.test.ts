// Every element tells CSS what it is showing through custom states (`:state(loading)`), so a
// vendor can style a state without relying on part names; a state holds exactly while shown.
// Loading shows a turning ring beside the words, still under reduced motion, hidden from
// assistive technology (the words are what is announced).
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define.js';
import { MemorySource } from '../../src/data/memory-source.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { consentById, fjordvikRecord } from '../components/consent-toggle/support.js';
import { expect, fixture, html, settle, waitUntil } from '../helpers/fixture.js';

const is = (el: Element, state: string) => el.matches(`:state(${state})`);

describe('custom states', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('loading, then load-error, then neither once loaded', async () => {
    const source = new MemorySource({ seed: fjordvik, latency: 300 });
    source.failNext('network', 'load');
    const context = await fixture(html`<care-context .source=${source} care-team="team-ingrid" lang="en"><care-team-roster></care-team-roster></care-context>`);
    const roster = context.querySelector('care-team-roster')!;
    await settle(roster);
    expect(is(roster, 'loading')).to.equal(true);
    const spinner = roster.shadowRoot!.querySelector('[part~="loading"] .spinner')!;
    expect(spinner.getAttribute('aria-hidden')).to.equal('true');
    expect(getComputedStyle(spinner).animationName).to.equal('care-spin');
    await waitUntil(() => is(roster, 'load-error'), 'the failed load never showed');
    expect(is(roster, 'loading')).to.equal(false);
    roster.shadowRoot!.querySelector<HTMLButtonElement>('[part~="error"] button')!.click();
    await waitUntil(() => !is(roster, 'loading') && !is(roster, 'load-error'), 'never loaded');
    expect(roster.shadowRoot!.textContent).to.contain('Kari Nilsen');
  });

  it('invalid-data while the data breaks the contract, gone once it is fixed', async () => {
    const team = structuredClone(fjordvikRecord().team) as unknown as { members: { kind: string }[] };
    team.members[1].kind = 'wizard';
    const roster = await fixture<HTMLElement & { team: unknown }>(html`<care-team-roster .team=${team} lang="en"></care-team-roster>`);
    await settle(roster);
    expect(is(roster, 'invalid-data')).to.equal(true);
    roster.team = fjordvikRecord().team;
    await settle(roster);
    expect(is(roster, 'invalid-data')).to.equal(false);
  });

  it('the consent toggle: sharing, not-recorded, saving and save-failed', async () => {
    const toggle = await fixture<HTMLElement & { directive: unknown }>(
      html`<care-consent-toggle .directive=${consentById('c-nav')} .actor=${{ id: 'm-ingrid', name: 'Ingrid Solberg' }} lang="en" .now=${'2026-11-20T12:00:00Z'}></care-consent-toggle>`,
    );
    await settle(toggle);
    expect(is(toggle, 'sharing')).to.equal(true);
    expect(is(toggle, 'not-recorded')).to.equal(false);
    // NAV's yes ends after 18 Aug 2027: from the next day nothing flows under it.
    Object.assign(toggle, { now: '2027-08-19T12:00:00' });
    await settle(toggle);
    expect(is(toggle, 'sharing')).to.equal(false);
    Object.assign(toggle, { now: '2026-11-20T12:00:00Z' });
    await settle(toggle);
    expect(is(toggle, 'sharing')).to.equal(true);
    let reject!: (error: Error) => void;
    toggle.addEventListener('care-consent-request', (e) => (e as unknown as { waitUntil(p: Promise<unknown>): void }).waitUntil(new Promise((_, no) => (reject = no))));
    toggle.shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')!.click();
    await settle(toggle);
    expect(is(toggle, 'saving')).to.equal(true);
    reject(new Error('the host said no'));
    await waitUntil(() => !is(toggle, 'saving'), 'still saving');
    await settle(toggle);
    expect(is(toggle, 'save-failed')).to.equal(true);
    toggle.directive = consentById('c-peer');
    await settle(toggle);
    expect(is(toggle, 'not-recorded')).to.equal(true);
    expect(is(toggle, 'sharing')).to.equal(false);
  });

  it('keeps the loading ring still when the person asks for reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const context = await fixture(
      html`<care-context .source=${new MemorySource({ seed: fjordvik, latency: 2 ** 30 })} care-team="team-ingrid" lang="en"><care-consent-list></care-consent-list></care-context>`,
    );
    const list = context.querySelector('care-consent-list')!;
    await settle(list);
    expect(is(list, 'loading')).to.equal(true);
    const spinner = list.shadowRoot!.querySelector('.spinner')!;
    expect(getComputedStyle(spinner).animationName).to.equal('none');
    expect(list.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal('Loading…');
  });

  it('the docs example styles a state exactly as printed', async () => {
    const markdown = await (await fetch('/docs/theming.md')).text();
    const block = /## States[\s\S]*?```css\n([\s\S]*?)```/.exec(markdown);
    expect(block, 'the States section has a CSS example').to.not.equal(null);
    const style = document.createElement('style');
    style.textContent = block![1];
    document.head.append(style);
    try {
      const context = await fixture(
        html`<care-context .source=${new MemorySource({ seed: fjordvik, latency: 2 ** 30 })} care-team="team-ingrid" lang="en"><care-team-roster></care-team-roster></care-context>`,
      );
      const roster = context.querySelector('care-team-roster')!;
      await settle(roster);
      expect(getComputedStyle(roster).opacity).to.equal('0.7');
    } finally {
      style.remove();
    }
  });
});
