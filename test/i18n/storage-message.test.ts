// A save that the browser's own storage cannot keep (a persisted memory source on a full or
// blocked localStorage) is explained as that, in every language, by every element that saves:
// never as "the server could not save the change".
import '../../src/define.js';
import type { CareConsentToggle } from '../../src/components/consent-toggle/consent-toggle.js';
import type { CareMeetingScheduler } from '../../src/components/meeting-scheduler/meeting-scheduler.js';
import type { CareResponsibilityMatrix } from '../../src/components/responsibility-matrix/responsibility-matrix.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../../src/data/memory-source.js';
import { CareStore } from '../../src/data/store.js';
import type { Locale } from '../../src/i18n/types.js';
import { loadCatalogue } from '../../src/i18n/locale.js';
import { common as da } from '../../src/i18n/catalogues/da/common.js';
import { common as en } from '../../src/i18n/catalogues/en/common.js';
import { common as nb } from '../../src/i18n/catalogues/nb/common.js';
import { common as nn } from '../../src/i18n/catalogues/nn/common.js';
import { common as sv } from '../../src/i18n/catalogues/sv/common.js';
import { BlockedStorage, FakeStorage } from '../data/fake-storage.js';
import { expect, fixture, html, settle, waitUntil } from '../helpers/fixture.js';
import { press } from '../helpers/keys.js';

const COMMON = { nb, nn, da, sv, en } as const;
const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Runs `work` with the storage warnings the source writes to the console kept out of the log. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  const error = console.error;
  console.warn = () => undefined;
  console.error = () => undefined;
  try {
    return await work();
  } finally {
    console.warn = warn;
    console.error = error;
  }
}

/** A store on a persisted memory source whose storage is full from now on. */
async function fullStorageStore(storage: FakeStorage = new FakeStorage()) {
  const source = new MemorySource({ seed: fjordvik, persist: { key: 'storage-message', storage } });
  const store = new CareStore(source, 'team-ingrid', kari);
  await quietly(() => store.load());
  storage.full = true;
  return store;
}

describe('a full or blocked browser storage: its own message, not the server\u2019s', function () {
  this.timeout(30_000);

  for (const lang of Object.keys(COMMON) as Locale[]) {
    it(`consent toggle (${lang}): "${COMMON[lang].errorStorage}"`, async () => {
      // The language's catalogue is in (each loads on first use), so the message is in it.
      await loadCatalogue(lang);
      const store = await fullStorageStore();
      const context = await fixture(html`<care-context .store=${store} lang=${lang}>
        <care-consent-toggle directive-id="c-nav"></care-consent-toggle>
      </care-context>`);
      const el = context.querySelector<CareConsentToggle>('care-consent-toggle')!;
      await waitUntil(() => el.shadowRoot?.querySelector('[role="switch"]'), 'the toggle is ready');
      await quietly(async () => {
        el.shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')!.click();
        await waitUntil(() => store.failureOf('consent', 'c-nav'), 'the save failed');
        await settle(el);
      });
      const shown = text(el.shadowRoot);
      expect(store.failureOf('consent', 'c-nav')!.error.kind).to.equal('storage');
      expect(shown).to.contain(COMMON[lang].errorStorage);
      expect(shown).not.to.contain(COMMON[lang].errorServer);
      expect(text(el.shadowRoot!.querySelector('[role="alert"]')), 'announced').to.contain(COMMON[lang].errorStorage);
    });
  }

  it('a blocked storage says the same (nb)', async () => {
    const source = new MemorySource({ seed: fjordvik, persist: { key: 'storage-message', storage: new BlockedStorage() } });
    const store = new CareStore(source, 'team-ingrid', kari);
    await quietly(() => store.load());
    await loadCatalogue('nb');
    const context = await fixture(html`<care-context .store=${store} lang="nb">
      <care-consent-toggle directive-id="c-nav"></care-consent-toggle>
    </care-context>`);
    const el = context.querySelector<CareConsentToggle>('care-consent-toggle')!;
    await waitUntil(() => el.shadowRoot?.querySelector('[role="switch"]'), 'the toggle is ready');
    await quietly(async () => {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')!.click();
      await waitUntil(() => store.failureOf('consent', 'c-nav'), 'the save failed');
      await settle(el);
    });
    expect(text(el.shadowRoot)).to.contain(nb.errorStorage);
  });

  it('responsibility matrix: the row says the browser could not keep the change', async () => {
    const store = await fullStorageStore();
    const context = await fixture(html`<care-context .store=${store} lang="en">
      <care-responsibility-matrix style="inline-size: 70rem" today="2026-11-20" view="grid" editable></care-responsibility-matrix>
    </care-context>`);
    const el = context.querySelector<CareResponsibilityMatrix>('care-responsibility-matrix')!;
    await waitUntil(() => el.shadowRoot?.querySelector('tr[data-row="r:r-medication"]'), 'the matrix is ready');
    const row = el.shadowRoot!.querySelector<HTMLTableRowElement>('tr[data-row="r:r-medication"]')!;
    const headers = [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => text(th));
    const column = headers.findIndex((name) => name.includes('Erik Solberg'));
    expect(column, 'a column for Erik Solberg').to.be.greaterThan(0);
    (row.cells[column] as HTMLElement).focus();
    await quietly(async () => {
      await press('Enter');
      await settle(el);
      await press('i');
      await settle(el);
      await press('Enter');
      await waitUntil(() => store.failureOf('responsibility', 'r-medication'), 'the save failed');
      await settle(el);
    });
    const shown = text(el.shadowRoot!.querySelector('tr[data-row="r:r-medication"]'));
    expect(shown).to.contain(en.saveFailed).and.to.contain(en.errorStorage);
    expect(shown).not.to.contain(en.errorServer);
  });

  it('meeting scheduler (sv): the failed answer says the browser could not keep it', async () => {
    const store = await fullStorageStore();
    const meeting = store.snapshot.record!.meetings.find((m) => m.id === 'mt-series')!;
    const participants = meeting.participants.map((p) => (p.memberId === 'm-kari' ? { ...p, response: 'declined' as const } : p));
    const outcome = await quietly(() => store.save({ entity: 'meeting', action: 'respond', value: { ...meeting, participants } }));
    expect(outcome.ok).to.equal(false);
    await loadCatalogue('sv');
    const context = await fixture(html`<care-context .store=${store} lang="sv">
      <care-meeting-scheduler meeting-id="mt-series" me="m-kari" today="2026-11-20" viewer-time-zone="Europe/Oslo"></care-meeting-scheduler>
    </care-context>`);
    const el = context.querySelector<CareMeetingScheduler>('care-meeting-scheduler')!;
    await waitUntil(() => el.shadowRoot?.querySelector('.save-error'), 'the failure is shown');
    await settle(el);
    const shown = text(el.shadowRoot!.querySelector('.save-error'));
    expect(shown).to.contain(sv.errorStorage);
    expect(shown).not.to.contain(sv.errorServer);
  });
});
