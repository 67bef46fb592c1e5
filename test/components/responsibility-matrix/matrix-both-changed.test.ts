// Two people change the same responsibility at once, each in their own store over one source;
// where both changed the same part nothing is saved until the person chooses. A failed save
// stays on screen when the matrix leaves the page and comes back (an SPA route change).
import type { CareResponsibilityMatrix } from '../../../src/components/responsibility-matrix/responsibility-matrix.js';
import { MemorySource } from '../../../src/data/memory-source.js';
import { CareStore } from '../../../src/data/store.js';
import type { CareDataSource } from '../../../src/data/types.js';
import { expect, fixture, html, oneEvent, settle, waitUntil } from '../../helpers/fixture.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { press } from '../../helpers/keys.js';
import { cellOf, connectedMatrix, record, rowOf, TestSource, text, TODAY } from './matrix-fixtures.js';

const kari = { id: 'm-kari', name: 'Kari Nilsen' };
const lars = { id: 'm-lars', name: 'Lars Haugen' };

/**
 * A matrix in its own `<care-context>`: one person's browser, on a server that cannot tell of
 * others' changes (as an HTTP API): the store sees Lars's save only on its next load or conflict.
 * A memory source would tell (`watch`) and Kari's copy would never be older.
 */
async function tab(source: MemorySource, actor: { id: string; name: string }) {
  const server: CareDataSource = { load: (id, signal) => source.load(id, signal), save: (change, signal) => source.save(change, signal) };
  const store = new CareStore(server, 'team-ingrid', actor);
  await store.load();
  const context = await fixture(
    html`<care-context .store=${store} lang="en">
      <care-responsibility-matrix style="inline-size: 70rem" today=${TODAY} view="grid" editable></care-responsibility-matrix>
    </care-context>`,
  );
  const el = context.querySelector<CareResponsibilityMatrix>('care-responsibility-matrix')!;
  await settle(el);
  return { el, store };
}

/** Chooses a part in a member's cell with the keyboard: Enter, then the option with those words. */
async function choosePart(el: CareResponsibilityMatrix, id: string, name: string, words: string) {
  const cell = cellOf(el, id, name);
  cell.focus();
  await press('Enter');
  await settle(el);
  const option = [...cell.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => text(o).includes(words))!;
  option.click();
  await settle(el);
}

const partOf = (store: CareStore, id: string, memberId: string) =>
  store.snapshot.record!.responsibilities.find((r) => r.id === id)!.assignments.find((a) => a.memberId === memberId)?.part;

describe('care-responsibility-matrix: both changed the same thing', function () {
  this.timeout(30_000);

  it('shows both versions in plain words, saves nothing until the person chooses, and keeps the chosen one', async () => {
    const source = new MemorySource({ seed: record() });
    const larsTab = await tab(source, lars);
    const kariTab = await tab(source, kari);

    // Lars makes Erik "is asked" on the medication list; Kari, on the older copy, makes him "is told".
    await choosePart(larsTab.el, 'r-medication', 'Erik Solberg', 'Is asked');
    await waitUntil(() => larsTab.store.snapshot.pending.size === 0, 'Lars never saved');
    await choosePart(kariTab.el, 'r-medication', 'Erik Solberg', 'Is told');
    await waitUntil(() => kariTab.store.snapshot.failures.size === 1, 'Kari was not told');
    await settle(kariTab.el);

    const state = rowOf(kariTab.el, 'r-medication').cells[1];
    expect(text(state)).to.contain('Someone else changed the same thing at the same time. Nothing has been saved yet.');
    expect(text(state)).to.contain('Part for Erik Solberg in the other version: Is asked. You chose: Is told.');
    expect(text(state)).not.to.contain('Nothing to check');
    // Nothing of Kari's is saved, and the cell shows what is stored.
    expect(text(cellOf(kariTab.el, 'r-medication', 'Erik Solberg'))).to.contain('Is asked');
    const stored = await source.load('team-ingrid');
    expect(stored.responsibilities.find((r) => r.id === 'r-medication')!.assignments).to.deep.include({ memberId: 'm-erik', part: 'consulted' });
    await expectAxeClean(kariTab.el, { rules: { 'color-contrast': { enabled: false } } });

    const buttons = [...state.querySelectorAll('button')];
    expect(buttons.map((b) => text(b))).to.deep.equal(['Keep my version', 'Keep the other version']);
    const changed = oneEvent(kariTab.el, 'care-responsibility-change');
    buttons[0].click();
    await changed;
    await waitUntil(() => kariTab.store.snapshot.failures.size === 0 && kariTab.store.snapshot.pending.size === 0, 'the choice was never saved');
    await settle(kariTab.el);
    expect(text(rowOf(kariTab.el, 'r-medication').cells[1])).not.to.contain('Someone else');
    expect(text(cellOf(kariTab.el, 'r-medication', 'Erik Solberg'))).to.contain('Is told');
    expect(partOf(kariTab.store, 'r-medication', 'm-erik')).to.equal('informed');
    const saved = await source.load('team-ingrid');
    expect(saved.responsibilities.find((r) => r.id === 'r-medication')!.assignments).to.deep.include({ memberId: 'm-erik', part: 'informed' });
  });

  it('keeps the other version when the person chooses it, and saves nothing of theirs', async () => {
    const source = new MemorySource({ seed: record() });
    const larsTab = await tab(source, lars);
    const kariTab = await tab(source, kari);
    await choosePart(larsTab.el, 'r-medication', 'Erik Solberg', 'Is asked');
    await waitUntil(() => larsTab.store.snapshot.pending.size === 0, 'Lars never saved');
    await choosePart(kariTab.el, 'r-medication', 'Erik Solberg', 'Is told');
    await waitUntil(() => kariTab.store.snapshot.failures.size === 1, 'Kari was not told');
    await settle(kariTab.el);
    const theirs = [...rowOf(kariTab.el, 'r-medication').cells[1].querySelectorAll('button')].find((b) => text(b) === 'Keep the other version')!;
    theirs.click();
    await waitUntil(() => kariTab.store.snapshot.failures.size === 0 && kariTab.store.snapshot.pending.size === 0, 'the choice never ended');
    await settle(kariTab.el);
    expect(text(cellOf(kariTab.el, 'r-medication', 'Erik Solberg'))).to.contain('Is asked');
    const saved = await source.load('team-ingrid');
    expect(saved.responsibilities.find((r) => r.id === 'r-medication')!.assignments).to.deep.include({ memberId: 'm-erik', part: 'consulted' });
  });

  it('keeps a failed save across unmount and remount, with Try again', async () => {
    const source = new TestSource();
    source.failNext = 1;
    const { el, store } = await connectedMatrix(source);
    const failed = oneEvent(el, 'care-error');
    await choosePart(el, 'r-finances', 'Kari Nilsen', 'Is told');
    await failed;
    const context = el.parentElement!;
    el.remove();
    await settle(context as HTMLElement);
    context.append(el);
    await settle(el);
    const state = rowOf(el, 'r-finances').cells[1];
    expect(text(state)).to.contain('Your change was not saved. There is no connection to the server.');
    expect(text(state), 'no "all is well" under a failed save').not.to.contain('Nothing to check');
    const changed = oneEvent(el, 'care-responsibility-change');
    state.querySelector<HTMLButtonElement>('button')!.click();
    await changed;
    await settle(el);
    expect(text(cellOf(el, 'r-finances', 'Kari Nilsen'))).to.contain('Is told');
    expect(store.snapshot.failures.size).to.equal(0);
  });

  it('a dialog opened before someone else renamed the task: the rename typed in it does not replace theirs without asking', async () => {
    const source = new MemorySource({ seed: record() });
    const larsTab = await tab(source, lars);
    // Kari's page hears of others' changes (another tab on the same storage): her store takes them in while the dialog is open.
    const kariStore = new CareStore(source, 'team-ingrid', kari);
    await kariStore.load();
    const kariContext = await fixture(
      html`<care-context .store=${kariStore} lang="en">
        <care-responsibility-matrix style="inline-size: 70rem" today=${TODAY} view="grid" editable></care-responsibility-matrix>
      </care-context>`,
    );
    const kariTab = { el: kariContext.querySelector<CareResponsibilityMatrix>('care-responsibility-matrix')!, store: kariStore };
    await settle(kariTab.el);

    // Kari opens the task and types a new name.
    rowOf(kariTab.el, 'r-medication').cells[0].querySelector('button')!.click();
    await settle(kariTab.el);
    const dialog = kariTab.el.shadowRoot!.querySelector('dialog')!;
    const form = dialog.querySelector<HTMLFormElement>('form[data-form="rename"]')!;
    form.querySelector('input')!.value = 'Medicines: list and prescriptions';

    // Meanwhile Lars renames it, and Kari's page hears of it while her dialog is open.
    const theirs = larsTab.store.snapshot.record!.responsibilities.find((r) => r.id === 'r-medication')!;
    expect((await larsTab.store.save({ entity: 'responsibility', action: 'rename', value: { ...theirs, title: 'Medication list (GP)' } })).ok).to.equal(true);
    await waitUntil(() => kariStore.snapshot.record!.responsibilities.find((r) => r.id === 'r-medication')!.title === 'Medication list (GP)', 'Kari\u2019s page heard of it');
    await settle(kariTab.el);

    expect(form.isConnected, 'the dialog stays open').to.equal(true);
    expect(form.querySelector('input')!.value, 'what she typed is still there').to.equal('Medicines: list and prescriptions');
    form.requestSubmit();
    await waitUntil(() => kariTab.store.snapshot.failures.size === 1, 'Kari was not asked');
    const stored = await source.load('team-ingrid');
    expect(stored.responsibilities.find((r) => r.id === 'r-medication')!.title, 'Lars\u2019s name is not replaced silently').to.equal('Medication list (GP)');
    expect(kariTab.store.failureOf('responsibility', 'r-medication')!.conflicts.map((c) => c.path.join('.'))).to.deep.equal(['title']);
    await settle(kariTab.el);
    const keepMine = [...rowOf(kariTab.el, 'r-medication').cells[1].querySelectorAll('button')].find((b) => text(b) === 'Keep my version')!;
    keepMine.click();
    await waitUntil(() => kariTab.store.snapshot.failures.size === 0 && kariTab.store.snapshot.pending.size === 0, 'her choice was never saved');
    expect((await source.load('team-ingrid')).responsibilities.find((r) => r.id === 'r-medication')!.title).to.equal('Medicines: list and prescriptions');
  });

  it('two matrices on one page (one store): a rename typed before the other element renamed it is not saved without asking', async () => {
    const source = new MemorySource({ seed: record() });
    const store = new CareStore(source, 'team-ingrid', kari);
    await store.load();
    const context = await fixture(
      html`<care-context .store=${store} lang="en">
        <care-responsibility-matrix style="inline-size: 70rem" today=${TODAY} view="grid" editable></care-responsibility-matrix>
        <care-responsibility-matrix style="inline-size: 70rem" today=${TODAY} view="grid" editable></care-responsibility-matrix>
      </care-context>`,
    );
    const [first, second] = [...context.querySelectorAll<CareResponsibilityMatrix>('care-responsibility-matrix')];
    await settle(first);
    await settle(second);
    const renameForm = async (el: CareResponsibilityMatrix) => {
      rowOf(el, 'r-medication').cells[0].querySelector('button')!.click();
      await settle(el);
      return el.shadowRoot!.querySelector('dialog')!.querySelector<HTMLFormElement>('form[data-form="rename"]')!;
    };
    const titleNow = () => store.snapshot.record!.responsibilities.find((r) => r.id === 'r-medication')!.title;
    const original = titleNow();

    // In the first matrix a new name is typed; meanwhile the second matrix renames the task and saves.
    const mine = await renameForm(first);
    mine.querySelector('input')!.value = 'Medicines: list and prescriptions';
    const theirs = await renameForm(second);
    theirs.querySelector('input')!.value = 'Medication list (GP)';
    theirs.requestSubmit();
    await waitUntil(() => store.snapshot.pending.size === 0 && titleNow() === 'Medication list (GP)', 'the second matrix never saved');
    await settle(first);

    mine.requestSubmit();
    await waitUntil(() => store.snapshot.failures.size === 1, 'the first matrix saved over the other without asking');
    const stored = await source.load('team-ingrid');
    expect(stored.responsibilities.find((r) => r.id === 'r-medication')!.title, 'the other name is not replaced silently').to.equal('Medication list (GP)');
    expect(store.failureOf('responsibility', 'r-medication')!.conflicts).to.deep.equal([
      { path: ['title'], base: original, mine: 'Medicines: list and prescriptions', theirs: 'Medication list (GP)' },
    ]);
    expect(store.snapshot.record!.audit.at(-1)).to.include({ entity: 'responsibility', action: 'rename', outcome: 'failed', failure: 'conflict' });
    await settle(first);
    const state = rowOf(first, 'r-medication').cells[1];
    expect(text(state)).to.contain('Someone else changed the same thing at the same time. Nothing has been saved yet.');
    const keepMine = [...state.querySelectorAll('button')].find((b) => text(b) === 'Keep my version')!;
    keepMine.click();
    await waitUntil(() => store.snapshot.failures.size === 0 && store.snapshot.pending.size === 0, 'the choice was never saved');
    expect((await source.load('team-ingrid')).responsibilities.find((r) => r.id === 'r-medication')!.title).to.equal('Medicines: list and prescriptions');
  });

  it('a change another element on the same page saves while the dialog is open is kept when the dialog saves', async () => {
    const source = new MemorySource({ seed: record() });
    const { el, store } = await tab(source, kari);
    rowOf(el, 'r-medication').cells[0].querySelector('button')!.click();
    await settle(el);
    const form = el.shadowRoot!.querySelector('dialog')!.querySelector<HTMLFormElement>('form[data-form="rename"]')!;
    form.querySelector('input')!.value = 'Medicines: list and prescriptions';
    // Another element on this page, through the same store, makes Erik "is told".
    const current = store.snapshot.record!.responsibilities.find((r) => r.id === 'r-medication')!;
    const told = { ...current, assignments: [...current.assignments.filter((a) => a.memberId !== 'm-erik'), { memberId: 'm-erik', part: 'informed' as const }] };
    expect((await store.save({ entity: 'responsibility', action: 'assign', value: told })).ok).to.equal(true);
    await settle(el);
    form.requestSubmit();
    await waitUntil(() => store.snapshot.pending.size === 0 && partOf(store, 'r-medication', 'm-erik') === 'informed' && store.snapshot.record!.responsibilities.find((r) => r.id === 'r-medication')!.title !== current.title, 'saved');
    const stored = (await source.load('team-ingrid')).responsibilities.find((r) => r.id === 'r-medication')!;
    expect(stored.title).to.equal('Medicines: list and prescriptions');
    expect(stored.assignments.find((a) => a.memberId === 'm-erik')?.part, 'the other element\u2019s change is kept').to.equal('informed');
  });
});
