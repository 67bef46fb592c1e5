// `<care-context>` loads the code of its data source on first use. Here that code does not arrive:
// the network drops the real request for the memory source's module (no stand-in loader), and Try
// again's request too: after the second failure the element and the portal must hear "reload the
// page", not "check your connection" for ever. This file imports nothing that loads the memory source, so its first request is the one
// dropped.
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { CareLoadErrorEvent } from '../../src/components/base/events.js';
import '../../src/components/team-roster/define.js';
import type { CareContext } from '../../src/context/care-context.js';
import type { CareRecord } from '../../src/contract/record.js';
import '../../src/context/define.js';
import { SOURCE_CODE_MISSING } from '../../src/data/load-failure.js';
import { StoreError, type CareDataSource } from '../../src/data/types.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { common as en } from '../../src/i18n/catalogues/en/common.js';
import { common as nb } from '../../src/i18n/catalogues/nb/common.js';
import { expect, settle, waitUntil } from '../helpers/fixture.js';
import { deepActiveElement } from '../helpers/keys.js';

const alertOf = (roster: Element) => roster.shadowRoot?.querySelector('[role="alert"]');
const textOf = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A memory-source `<care-context>` in English with a roster, put on the page; its load errors go to `events`. */
const mountMemoryRoster = (events: CareLoadErrorEvent[]) => {
  const context = document.createElement('care-context') as CareContext;
  context.setAttribute('source', 'memory');
  context.setAttribute('care-team', 'team-ingrid');
  context.setAttribute('lang', 'en');
  context.seed = fjordvik;
  context.addEventListener('care-load-error', (event) => events.push(event));
  const roster = document.createElement('care-team-roster');
  context.append(roster);
  document.body.append(context);
  return { context, roster };
};

describe('<care-context> when the network drops the code of its data source', () => {
  it('says to check the connection, then after a second failure to reload the page; the portal hears both', async () => {
    const quiet = console.error;
    const logged: string[] = [];
    console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    const events: CareLoadErrorEvent[] = [];
    let context: CareContext | undefined;
    try {
      await executeServerCommand('fail-next-request', { path: '/src/data/memory-source.ts', times: 5 });
      const mounted = mountMemoryRoster(events);
      context = mounted.context;
      const roster = mounted.roster;

      await waitUntil(() => events.length === 1 && alertOf(roster), 'the first failure was never shown', { timeout: 8000 });
      await settle(roster);
      expect(events[0].detail.reason).to.equal('network');
      expect(textOf(alertOf(roster))).to.contain(en.loadErrorBody);

      alertOf(roster)!.querySelector('button')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => events.length === 2, 'Try again did not fail a second time', { timeout: 8000 });
      await settle(roster);
      // Try again's request was dropped as well.
      expect(events[1].detail.reason, 'the portal still gets a reason it knows').to.equal('network');
      expect(events[1].detail.message.startsWith(SOURCE_CODE_MISSING), events[1].detail.message).to.equal(true);
      expect(textOf(alertOf(roster))).to.contain(en.loadErrorReload);
      expect(textOf(alertOf(roster))).to.not.contain(en.loadErrorBody);
      expect(logged.some((line) => line.includes('reload the page')), 'the console names the cause').to.equal(true);

      // The same state in bokmål says it in bokmål.
      context.setAttribute('lang', 'nb');
      await waitUntil(() => textOf(alertOf(roster)).includes(nb.loadErrorReload), 'no bokmål text', { timeout: 8000 });
      expect(deepActiveElement(), 'the focus is on the new Try again, not on the page').to.equal(alertOf(roster)!.querySelector('button'));
    } finally {
      await executeServerCommand('restore-requests', { path: '/src/data/memory-source.ts' });
      console.error = quiet;
      context?.remove();
    }
  });

  it('a <care-context> built anew on the same page whose source code fails again says at once to reload', async () => {
    // Runs after the first test, whose two failures the page counts: a third is not a blip.
    const quiet = console.error;
    console.error = () => {};
    await executeServerCommand('fail-next-request', { path: '/src/data/memory-source.ts', times: 5 });
    const events: CareLoadErrorEvent[] = [];
    const { context, roster } = mountMemoryRoster(events);
    try {
      await waitUntil(() => events.length === 1 && alertOf(roster), 'the failure was never shown', { timeout: 8000 });
      await settle(roster);
      expect(events[0].detail.message.startsWith(SOURCE_CODE_MISSING), events[0].detail.message).to.equal(true);
      expect(textOf(alertOf(roster))).to.contain(en.loadErrorReload);
    } finally {
      await executeServerCommand('restore-requests', { path: '/src/data/memory-source.ts' });
      console.error = quiet;
      context.remove();
    }
  });

  it('Try again pressed with the keyboard that then loads: the focus goes to the roster\u2019s heading, not the page', async () => {
    let loads = 0;
    const source: CareDataSource = {
      load: async () => {
        loads += 1;
        if (loads === 1) throw new StoreError('network', 'dropped');
        return structuredClone(fjordvik) as unknown as CareRecord;
      },
      save: () => Promise.reject(new StoreError('rejected', 'read only')),
    };
    const quiet = console.error;
    console.error = () => {};
    const context = document.createElement('care-context') as CareContext;
    try {
      context.source = source;
      context.setAttribute('care-team', 'team-ingrid');
      context.setAttribute('lang', 'en');
      const roster = document.createElement('care-team-roster');
      context.append(roster);
      document.body.append(context);
      await waitUntil(() => alertOf(roster), 'the failure was never shown', { timeout: 8000 });
      alertOf(roster)!.querySelector('button')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !alertOf(roster) && loads === 2, 'the roster never loaded', { timeout: 8000 });
      await settle(roster);
      const focused = deepActiveElement();
      expect(focused?.localName, 'a heading of the roster has the focus').to.match(/^h[1-6]$/);
      expect(roster.shadowRoot!.contains(focused), 'inside the roster').to.equal(true);
      (focused as HTMLElement).blur();
      expect(focused!.hasAttribute('tabindex'), 'the heading is not left in the tab order').to.equal(false);
    } finally {
      console.error = quiet;
      context.remove();
    }
  });
});
