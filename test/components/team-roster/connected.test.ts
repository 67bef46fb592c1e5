import * as v from 'valibot';
import '../../../src/components/team-roster/define.js';
import '../../../src/context/define.js';
import type { CareTeamRoster } from '../../../src/components/team-roster/team-roster.js';
import { CareRecord } from '../../../src/contract/record.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../../../src/data/memory-source.js';
import { CareStore } from '../../../src/data/store.js';
import { StoreError, type CareDataSource } from '../../../src/data/types.js';
import { expect, fixture, html, settle, waitUntil } from '../../helpers/fixture.js';
import { memberItem, memberItems, MONDAY, shadow, textOf } from './fixtures.js';

/** A source whose answers the test hands out one by one. */
class ScriptedSource implements CareDataSource {
  readonly answers: Array<() => Promise<CareRecord>> = [];
  loads = 0;
  load(): Promise<CareRecord> {
    this.loads += 1;
    const next = this.answers.shift();
    return next ? next() : new Promise<CareRecord>(() => {}); // never answers: stays loading
  }
  save(): Promise<never> {
    return Promise.reject(new StoreError('forbidden', 'the roster does not save'));
  }
}

const connected = async (store: CareStore): Promise<CareTeamRoster> => {
  const context = await fixture(html`<care-context .store=${store} lang="en">
    <care-team-roster today=${MONDAY}></care-team-roster>
  </care-context>`);
  const el = context.querySelector('care-team-roster')!;
  await settle(el);
  return el;
};

describe('<care-team-roster> in a <care-context> (connected mode)', () => {
  it('shows the loading state while the store loads', async () => {
    const source = new ScriptedSource();
    const el = await connected(new CareStore(source, 'team-ingrid'));
    const status = shadow(el).querySelector('[role="status"]')!;
    expect(textOf(status)).to.equal('Loading…');
    expect(shadow(el).querySelector('[part~="empty"]')).to.not.satisfy(Boolean);
    expect(source.loads).to.equal(1);
  });

  it('shows the team from the store once it has loaded', async () => {
    const store = new CareStore(new MemorySource({ seed: fjordvik }), 'team-ingrid');
    const el = await connected(store);
    await waitUntil(() => memberItems(el).length === 8, 'members shown');
    expect(textOf(memberItems(el)[0].querySelector('button.name'))).to.equal('Kari Nilsen');
  });

  it('shows a load error with a retry that loads again', async () => {
    const source = new ScriptedSource();
    source.answers.push(() => Promise.reject(new StoreError('network', 'offline')));
    source.answers.push(() => Promise.resolve(v.parse(CareRecord, fjordvik)));
    const el = await connected(new CareStore(source, 'team-ingrid'));
    await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'load error shown');
    expect(textOf(shadow(el).querySelector('[role="alert"]'))).to.contain('Could not load the information');
    shadow(el).querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await waitUntil(() => memberItems(el).length === 8, 'members shown after retry');
    expect(source.loads).to.equal(2);
  });

  it('follows changes to the team in the store', async () => {
    const store = new CareStore(new MemorySource({ seed: fjordvik }), 'team-ingrid');
    const el = await connected(store);
    await waitUntil(() => memberItems(el).length === 8, 'members shown');
    const record = store.snapshot.record!;
    store.setRecord({
      ...record,
      team: { ...record.team, members: record.team.members.map((m) => (m.id === 'm-erik' ? { ...m, name: 'Erik S. Solberg' } : m)) },
    });
    await settle(el);
    expect(memberItem(el, 'Erik S. Solberg')).to.satisfy(Boolean);
  });

  it('prefers a team set as a property over the store', async () => {
    const store = new CareStore(new MemorySource({ seed: fjordvik }), 'team-ingrid');
    const el = await connected(store);
    const team = structuredClone(fjordvik.team);
    team.members = team.members.filter((m) => m.id !== 'm-erik');
    el.team = team;
    await settle(el);
    expect(memberItems(el)).to.have.length(7);
  });

  it('takes its language from the context', async () => {
    const store = new CareStore(new MemorySource({ seed: fjordvik }), 'team-ingrid');
    const context = await fixture(html`<care-context .store=${store} lang="sv">
      <care-team-roster today=${MONDAY}></care-team-roster>
    </care-context>`);
    const el = context.querySelector('care-team-roster')!;
    await waitUntil(() => textOf(shadow(el).querySelector('[part="title"]')) === 'Teamet runt dig', 'Swedish title', { timeout: 5000 });
    await waitUntil(() => memberItems(el).length === 8, 'members shown');
    expect(textOf(memberItem(el, 'Kari Nilsen'))).to.contain('Samordnare');
  });
});
