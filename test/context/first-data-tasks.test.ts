// A store hands its record to every element on the page at once. Each element renders its first
// view of it in a task of its own, so a page of several elements does not block input for all of
// their first renders together.
import * as v from 'valibot';
import '../../src/components/consent-list/define.js';
import '../../src/components/team-roster/define.js';
import '../../src/context/define.js';
import { CareRecord } from '../../src/contract/record.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { CareStore } from '../../src/data/store.js';
import { StoreError, type CareDataSource } from '../../src/data/types.js';
import { expect, fixture, html, settle, waitUntil } from '../helpers/fixture.js';

/** A source that answers when the test releases the record. */
class HeldSource implements CareDataSource {
  release?: (record: CareRecord) => void;
  load(): Promise<CareRecord> {
    return new Promise<CareRecord>((resolve) => (this.release = resolve));
  }
  save(): Promise<never> {
    return Promise.reject(new StoreError('forbidden', 'nothing is saved here'));
  }
}

describe('the first render with a record that has just arrived', () => {
  it('runs for each element in a task of its own, not in the task the record arrived in', async () => {
    const source = new HeldSource();
    const context = await fixture(html`<care-context .store=${new CareStore(source, 'team-ingrid')} lang="en">
      <care-team-roster today="2026-12-07"></care-team-roster>
      <care-consent-list></care-consent-list>
    </care-context>`);
    const roster = context.querySelector('care-team-roster')!;
    const list = context.querySelector('care-consent-list')!;
    await settle(roster);
    await settle(list);
    const shown = () => `${roster.shadowRoot!.querySelector('li.member') ? 'roster' : '-'} ${list.shadowRoot!.querySelector('care-consent-toggle') ? 'list' : '-'}`;
    expect(shown(), 'both loading').to.equal('- -');

    // Mutation observers are told at the end of the task that changed the DOM: one that sees a
    // single element with data saw a task that rendered only that one.
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(shown()));
    for (const root of [roster.shadowRoot!, list.shadowRoot!]) observer.observe(root, { childList: true, subtree: true });

    source.release!(v.parse(CareRecord, fjordvik));
    for (let i = 0; i < 20; i += 1) await Promise.resolve();
    expect(shown(), 'nothing rendered in the task the record arrived in').to.equal('- -');

    await waitUntil(() => shown() === 'roster list', 'both show the record');
    observer.disconnect();
    expect(
      seen.some((state) => state === 'roster -' || state === '- list'),
      `one element rendered before the other, in a task of its own (states seen: ${seen.join(' | ')})`,
    ).to.equal(true);
  });
});
