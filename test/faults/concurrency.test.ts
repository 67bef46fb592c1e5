// Two editors at once: (a) two elements on one store, (b) two stores on one server, like two
// browser tabs. No update is lost; the later writer is told, sees the first writer's version, and
// Try again adds their change to it.
import type { CareConsentToggle } from '../../src/components/consent-toggle/consent-toggle.js';
import type { CareMeetingScheduler } from '../../src/components/meeting-scheduler/meeting-scheduler.js';
import type { CareResponsibilityMatrix } from '../../src/components/responsibility-matrix/responsibility-matrix.js';
import { mergeEntity } from '../../src/data/store.js';
import type { CareDataSource } from '../../src/data/types.js';
import { expectAxeClean } from '../helpers/a11y.js';
import { expect, html, settle } from '../helpers/fixture.js';
import { choosePart, connect, freshApi, inShadow, kari, lars, serverRecord, sourceFor, textOf, until, rowState, writes } from './support.js';

const amina = { id: 'm-amina', name: 'Amina Rahimi', organisationId: 'org-dps' };

const cellOf = (el: CareResponsibilityMatrix, id: string, memberName: string) => {
  const headers = [...el.shadowRoot!.querySelectorAll('thead th')];
  const column = headers.findIndex((th) => th.querySelector('.member-name')?.textContent?.startsWith(memberName));
  return el.shadowRoot!.querySelector<HTMLTableRowElement>(`tr[data-row="r:${id}"]`)!.cells[column];
};
const switchOf = (el: Element) => inShadow<HTMLButtonElement>(el, '[role="switch"]')!;

const matrix = html`<care-responsibility-matrix style="inline-size: 70rem" today="2026-11-20" view="grid" editable></care-responsibility-matrix>`;

describe('two editors at once', () => {
  describe('(a) two elements on one store', () => {
    it('two consent toggles for one directive: both show every saved change; the server has the last', async () => {
      const api = await freshApi();
      // The first save waits at this gate, so the other toggle can be seen while it is under way.
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const http = sourceFor(api);
      const gated: CareDataSource = {
        load: (teamId, signal) => http.load(teamId, signal),
        save: async (change, signal) => {
          await gate;
          return http.save(change, signal);
        },
      };
      const { all, store } = await connect<CareConsentToggle>(
        gated,
        html`<care-consent-toggle directive-id="c-gp"></care-consent-toggle>
          <care-consent-toggle directive-id="c-gp" audience="professional"></care-consent-toggle>`,
        'care-consent-toggle',
      );
      const [first, second] = all;
      switchOf(first).click();
      // While one saves, the other shows the saved state and that a save is under way (the save
      // starts once the first toggle's pending state has painted).
      await settle(first);
      await settle(second);
      expect(switchOf(second).getAttribute('aria-checked')).to.equal('true');
      expect(switchOf(second).getAttribute('aria-disabled')).to.equal('true');
      open();
      await until(second, () => store.snapshot.pending.size === 0, 'the first save never ended');
      await settle(first);
      for (const el of all) expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');

      switchOf(second).click();
      await until(first, () => store.snapshot.pending.size === 0 && switchOf(first).getAttribute('aria-checked') === 'true', 'the second save never showed');
      await settle(second);
      for (const el of all) expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
      const stored = (await serverRecord(api)).consents.find((c) => c.id === 'c-gp')!;
      expect(stored.state).to.equal('granted');
      expect(stored.meta?.version).to.equal('3');
      expect(stored.history.length, 'both decisions are in the history').to.equal(
        store.snapshot.record!.consents.find((c) => c.id === 'c-gp')!.history.length,
      );
      expect((await writes(api)).map((w) => w.ifMatch)).to.deep.equal(['"1"', '"2"']);
    });

    it('two matrices editing one row at once: no lost update', async () => {
      const api = await freshApi();
      const { all, store } = await connect<CareResponsibilityMatrix>(sourceFor(api), html`${matrix}${matrix}`, 'care-responsibility-matrix');
      const [a, b] = all;
      // The second edit is made in the other matrix before the first has been answered.
      await choosePart(a, 'r-finances', 'Lars Haugen', 'Is told');
      await settle(b);
      await choosePart(b, 'r-finances', 'Amina Rahimi', 'Is asked');
      await until(a, () => store.snapshot.pending.size === 0, 'the saves never ended');
      await settle(b);
      for (const el of all) {
        expect(textOf(cellOf(el, 'r-finances', 'Lars Haugen'))).to.contain('Is told');
        expect(textOf(cellOf(el, 'r-finances', 'Amina Rahimi'))).to.contain('Is asked');
      }
      const onServer = (await serverRecord(api)).responsibilities.find((r) => r.id === 'r-finances')!.assignments;
      expect(onServer).to.deep.include({ memberId: 'm-lars', part: 'informed' });
      expect(onServer).to.deep.include({ memberId: 'm-amina', part: 'consulted' });
      expect(store.snapshot.failures.size).to.equal(0);
    });
  });

  describe('(b) two stores on one server, like two browser tabs', () => {
    it('matrix: the stale writer gets a conflict, sees the first writer\u2019s version, and Try again adds theirs', async function () {
      this.timeout(20_000);
      const api = await freshApi();
      const tab1 = await connect<CareResponsibilityMatrix>(sourceFor(api), matrix, 'care-responsibility-matrix', kari);
      const tab2 = await connect<CareResponsibilityMatrix>(sourceFor(api), matrix, 'care-responsibility-matrix', amina);

      await choosePart(tab1.el, 'r-finances', 'Lars Haugen', 'Is told');
      await until(tab1.el, () => tab1.store.snapshot.pending.size === 0, 'tab 1 never saved');
      expect(tab1.store.snapshot.failures.size).to.equal(0);
      // Tab 2 still shows version 1 and edits the same row.
      expect(textOf(cellOf(tab2.el, 'r-finances', 'Lars Haugen'))).to.contain('No part');
      await choosePart(tab2.el, 'r-finances', 'Amina Rahimi', 'Is asked');
      await until(tab2.el, () => tab2.store.snapshot.failures.has('responsibility/r-finances'), 'tab 2 never failed');
      await until(tab2.el, () => textOf(rowState(tab2.el, 'r-finances')).includes('not saved'), 'tab 2 never said so');

      const state = textOf(rowState(tab2.el, 'r-finances'));
      expect(state).to.contain('Your change was not saved. Someone else changed this at the same time. You now see their version.');
      expect(tab2.store.snapshot.failures.get('responsibility/r-finances')!.error.status).to.equal(412);
      // What tab 2 shows now is what the server holds: the first writer's change, not the stale copy.
      expect(textOf(cellOf(tab2.el, 'r-finances', 'Lars Haugen'))).to.contain('Is told');
      expect(textOf(cellOf(tab2.el, 'r-finances', 'Amina Rahimi'))).to.contain('No part');
      let onServer = (await serverRecord(api)).responsibilities.find((r) => r.id === 'r-finances')!;
      expect(onServer.assignments.some((x) => x.memberId === 'm-amina')).to.equal(false);
      await expectAxeClean(tab2.el, { rules: { 'color-contrast': { enabled: false } } });

      rowState(tab2.el, 'r-finances').querySelector<HTMLButtonElement>('button')!.click();
      await until(tab2.el, () => tab2.store.snapshot.pending.size === 0 && !tab2.store.snapshot.failures.size, 'retry never ended');
      onServer = (await serverRecord(api)).responsibilities.find((r) => r.id === 'r-finances')!;
      expect(onServer.assignments, 'the first writer\u2019s change is kept').to.deep.include({ memberId: 'm-lars', part: 'informed' });
      expect(onServer.assignments, 'the second writer\u2019s change is added').to.deep.include({ memberId: 'm-amina', part: 'consulted' });
      expect(onServer.assignments).to.have.length(5);
      expect(onServer.meta?.version).to.equal('3');
      expect(textOf(cellOf(tab2.el, 'r-finances', 'Lars Haugen'))).to.contain('Is told');
      expect(textOf(cellOf(tab2.el, 'r-finances', 'Amina Rahimi'))).to.contain('Is asked');
      // Tab 1 learns of it when it loads again.
      await tab1.context.reload();
      await settle(tab1.el);
      expect(textOf(cellOf(tab1.el, 'r-finances', 'Amina Rahimi'))).to.contain('Is asked');
      const puts = await writes(api);
      expect(puts.map((p) => [p.actor?.name, p.ifMatch])).to.deep.equal([
        ['Kari Nilsen', '"1"'],
        ['Amina Rahimi', '"1"'],
        ['Amina Rahimi', '"2"'],
      ]);
    });

    it('scheduler: two people answer the same meeting in two tabs; both answers end up saved', async function () {
      this.timeout(20_000);
      const api = await freshApi();
      const scheduler = (me: string) =>
        html`<care-meeting-scheduler meeting-id="mt-series" me=${me} today="2026-12-01" viewer-time-zone="Europe/Oslo"></care-meeting-scheduler>`;
      const tab1 = await connect<CareMeetingScheduler>(sourceFor(api), scheduler('m-lars'), 'care-meeting-scheduler', lars);
      const tab2 = await connect<CareMeetingScheduler>(sourceFor(api), scheduler('m-amina'), 'care-meeting-scheduler', amina);
      const buttonIn = (el: Element, words: string) =>
        [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => textOf(b).startsWith(words))!;
      await until(tab2.el, () => inShadow(tab2.el, '[part="your-part"]'), 'tab 2 shows no meeting');

      buttonIn(tab1.el, 'Maybe').click();
      await until(
        tab1.el,
        () => tab1.store.snapshot.pending.size === 0 && textOf(inShadow(tab1.el, '[part="your-part"] .answer')) === 'Your answer: Maybe',
        'tab 1 never saved',
      );
      buttonIn(tab2.el, 'No').click();
      await until(tab2.el, () => inShadow(tab2.el, '.save-error'), 'tab 2 was not told', 8000);
      expect(textOf(inShadow(tab2.el, '.save-error'))).to.contain('Someone else changed this at the same time.');

      buttonIn(tab2.el, 'Try again').click();
      await until(tab2.el, () => !inShadow(tab2.el, '.save-error') && tab2.store.snapshot.pending.size === 0, 'retry never ended', 8000);
      const meeting = (await serverRecord(api)).meetings.find((m) => m.id === 'mt-series')!;
      const answer = (id: string) => meeting.participants.find((p) => p.memberId === id)!.response;
      expect(answer('m-lars'), 'the first answer is kept').to.equal('tentative');
      expect(answer('m-amina'), 'the second answer is added').to.equal('declined');
    });

    it('consent toggle: the later writer sees the first decision, and Try again keeps both in the history', async function () {
      this.timeout(20_000);
      const api = await freshApi();
      const toggle = html`<care-consent-toggle directive-id="c-gp"></care-consent-toggle>`;
      const tab1 = await connect<CareConsentToggle>(sourceFor(api), toggle, 'care-consent-toggle', kari);
      const tab2 = await connect<CareConsentToggle>(sourceFor(api), toggle, 'care-consent-toggle', amina);
      const historyBefore = (await serverRecord(api)).consents.find((c) => c.id === 'c-gp')!.history.length;

      switchOf(tab1.el).click();
      await until(tab1.el, () => tab1.store.snapshot.pending.size === 0 && switchOf(tab1.el).getAttribute('aria-checked') === 'false', 'tab 1 never saved');
      switchOf(tab2.el).click();
      await until(tab2.el, () => inShadow(tab2.el, '[part="error"]'), 'tab 2 was not told');
      expect(textOf(inShadow(tab2.el, '[part="error"]'))).to.contain('Someone else changed this at the same time. You now see their version.');
      expect(switchOf(tab2.el).getAttribute('aria-checked'), 'tab 2 shows the first writer\u2019s decision').to.equal('false');

      inShadow<HTMLButtonElement>(tab2.el, '[part="retry"]')!.click();
      await until(tab2.el, () => tab2.store.snapshot.pending.size === 0 && !inShadow(tab2.el, '[part="error"]'), 'retry never ended');
      const stored = (await serverRecord(api)).consents.find((c) => c.id === 'c-gp')!;
      expect(stored.history.length, 'both decisions are in the history').to.equal(historyBefore + 2);
      expect(stored.history.map((h) => h.recordedBy?.name).filter(Boolean)).to.include.members(['Kari Nilsen', 'Amina Rahimi']);
    });
  });
});

describe('mergeEntity (a retry after a conflict)', () => {
  const base = { id: 'r', title: 'Old', status: 'agreed', assignments: [{ memberId: 'a', part: 'accountable' }], meta: { version: '1' } };
  const merge = (b: unknown, mine: unknown, theirs: unknown, choice?: 'mine' | 'theirs') => mergeEntity('responsibility', b, mine, theirs, choice);

  it('keeps what only the other writer changed and adds what only the user changed', () => {
    const theirs = { ...base, title: 'New title', meta: { version: '2' } };
    const mine = { ...base, status: 'ended' };
    expect(merge(base, mine, theirs)).to.deep.equal({ value: { ...base, title: 'New title', status: 'ended', meta: { version: '2' } }, conflicts: [] });
  });

  it('merges lists by identity: both sides\u2019 additions stay, removals apply, changed items merge field by field', () => {
    const theirs = { ...base, assignments: [...base.assignments, { memberId: 'b', part: 'informed' }] };
    const mine = { ...base, assignments: [{ memberId: 'a', part: 'responsible' }, { memberId: 'c', part: 'consulted' }] };
    expect(merge(base, mine, theirs).value).to.deep.equal({
      ...base,
      assignments: [
        { memberId: 'a', part: 'responsible' },
        { memberId: 'b', part: 'informed' },
        { memberId: 'c', part: 'consulted' },
      ],
    });
  });

  it('where both changed the same value it reports both and keeps theirs, unless the person chose', () => {
    const result = merge(base, { ...base, title: 'Mine' }, { ...base, title: 'Theirs' });
    expect(result.value).to.deep.include({ title: 'Theirs' });
    expect(result.conflicts).to.deep.equal([{ path: ['title'], base: 'Old', mine: 'Mine', theirs: 'Theirs' }]);
    expect(merge(base, { ...base, title: 'Mine' }, { ...base, title: 'Theirs' }, 'mine').value).to.deep.include({ title: 'Mine' });
    const same = { ...base, assignments: [...base.assignments, { memberId: 'x', part: 'informed' }] };
    expect(merge(base, same, same)).to.deep.equal({ value: same, conflicts: [] });
  });

  it('a field the user removed stays removed; one the other writer added stays', () => {
    const withNote = { ...base, note: 'x' };
    expect(merge(withNote, base, { ...withNote, meta: { version: '2' } }).value).to.deep.equal({ ...base, meta: { version: '2' } });
    expect(merge(base, base, withNote).value).to.deep.equal(withNote);
  });
});
