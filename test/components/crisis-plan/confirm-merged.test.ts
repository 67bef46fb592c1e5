// <care-crisis-plan>: a confirmation that the store merges onto a version someone else saved
// meanwhile holds for the version the person read. The status region says so, in plain words,
// rather than only that the plan is saved.
import '../../../src/components/crisis-plan/define.js';
import type { CareCrisisPlan } from '../../../src/components/crisis-plan/crisis-plan.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../../../src/data/memory-source.js';
import { CareStore } from '../../../src/data/store.js';
import type { CareDataSource } from '../../../src/data/types.js';
import { expect, fixtureCleanup, settle, waitUntil } from '../../helpers/fixture.js';
import { storeHost, textOf } from '../consent-toggle/support.js';

const ingrid = { id: 'm-ingrid', name: 'Ingrid Solberg' };
const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
const root = (el: Element) => el.shadowRoot!;
const button = (el: Element, name: string) => [...root(el).querySelectorAll('button')].find((b) => textOf(b) === name) ?? null;

/** Fjordvik with Ingrid not yet having confirmed version 3 of her plan. */
const unconfirmed = () => {
  const seed = structuredClone(fjordvik) as typeof fjordvik;
  seed.crisisPlans![0].agreedBy = seed.crisisPlans![0].agreedBy.filter((a) => a.memberId !== 'm-ingrid');
  return seed;
};

/** Ingrid's crisis plan on her store, as she reads it. */
const mountFor = async (store: CareStore) => {
  const el = document.createElement('care-crisis-plan') as CareCrisisPlan;
  el.audience = 'service-user';
  el.lang = 'en';
  el.now = '2026-12-05T12:00:00Z';
  storeHost(store).append(el);
  await settle(el);
  return { el, status: root(el).querySelector('[role="status"]')! };
};

afterEach(() => {
  fixtureCleanup();
  document.querySelectorAll('body > div').forEach((node) => node.remove());
});

describe('<care-crisis-plan>: confirming while someone else changes the plan', () => {
  it('after Try again merges her confirmation onto Kari\u2019s newer version, Ingrid is told which version she confirmed, not only that the plan is saved', async () => {
    const source = new MemorySource({ seed: unconfirmed() });
    // Ingrid's page hears of others' changes only when it asks (a server that does not push, as most HTTP APIs).
    const unwatched: CareDataSource = { load: (teamId, signal) => source.load(teamId, signal), save: (change, signal) => source.save(change, signal) };
    const hers = new CareStore(unwatched, 'team-ingrid', ingrid);
    const his = new CareStore(source, 'team-ingrid', kari);
    await Promise.all([hers.load(), his.load()]);
    const { el, status } = await mountFor(hers);

    // Kari adds a line to what helps: version 4, which Ingrid's page has not heard of.
    const plan = his.snapshot.record!.crisisPlans[0];
    const edited = await his.save({ entity: 'crisis-plan', action: 'edit', value: { ...plan, version: plan.version + 1, ownWords: { ...plan.ownWords, helps: [...plan.ownWords.helps, 'Music in the evening.'] } } });
    expect(edited.ok).to.equal(true);

    button(el, 'I agree with this version')!.click();
    await settle(el);
    await waitUntil(() => button(el, 'Try again') !== null, 'the confirmation made on version 3 meets Kari\u2019s version 4');
    button(el, 'Try again')!.click();
    await settle(el);
    await waitUntil(() => !hers.snapshot.pending.size && textOf(status) !== '', 'the merged confirmation is saved');

    const stored = (await source.load('team-ingrid')).crisisPlans[0];
    expect(stored.ownWords.helps, 'Kari\u2019s words are kept').to.include('Music in the evening.');
    const mine = stored.agreedBy.find((a) => a.memberId === 'm-ingrid');
    expect(mine?.version, 'her confirmation holds for the version she read').to.equal(3);
    expect(stored.version).to.be.greaterThan(3);
    expect(textOf(status)).to.equal(
      `Someone changed the plan while you were confirming it. You have confirmed version 3; it is now version ${stored.version}. Read it, and confirm it again if it is still right.`,
    );
    expect(button(el, 'I agree with this version'), 'she can confirm the new version').to.not.equal(null);
  });

  it('a confirmation saved as it was made says only that the plan is saved', async () => {
    const hers = new CareStore(new MemorySource({ seed: unconfirmed() }), 'team-ingrid', ingrid);
    await hers.load();
    const { el, status } = await mountFor(hers);
    button(el, 'I agree with this version')!.click();
    await settle(el);
    await waitUntil(() => !hers.snapshot.pending.size && textOf(status) !== '');
    expect(textOf(status)).to.equal('The plan is saved.');
    expect(button(el, 'I agree with this version')).to.equal(null);
  });
});
