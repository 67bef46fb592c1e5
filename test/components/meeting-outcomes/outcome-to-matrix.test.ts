import * as v from 'valibot';
import '../../../src/components/meeting-outcomes/define.js';
import '../../../src/components/responsibility-matrix/define.js';
import '../../../src/context/define.js';
import type { CareMeetingOutcomes } from '../../../src/components/meeting-outcomes/meeting-outcomes.js';
import type { CareResponsibilityMatrix } from '../../../src/components/responsibility-matrix/responsibility-matrix.js';
import { CareRecord } from '../../../src/contract/record.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../../../src/data/memory-source.js';
import { CareStore } from '../../../src/data/store.js';
import { StoreError } from '../../../src/data/types.js';
import { expect, fixture, fixtureCleanup, html, settle, waitUntil } from '../../helpers/fixture.js';
import { textOf } from '../consent-toggle/support.js';
import { kari, mountOutcomes } from './support.js';

const lars = { id: 'm-lars', name: 'Lars Haugen', organisationId: 'org-gp' };

const root = (el: Element) => el.shadowRoot!;
const button = (el: Element, name: string) => [...root(el).querySelectorAll('button')].find((b) => textOf(b) === name) ?? null;

afterEach(() => fixtureCleanup());

describe('A task agreed in a meeting becomes a responsibility the owner accepts in the matrix', () => {
  it('on one store: the coordinator shares the outcome, the matrix shows the proposal, Lars accepts it and owns it', async () => {
    const seed = v.parse(CareRecord, structuredClone(fjordvik));
    // The October meeting, before anything was written down; Lars took part in the medicines part.
    seed.meetingOutcomes = [];
    const october = seed.meetings.find((m) => m.id === 'mt-october')!;
    october.participants.push({ memberId: 'm-lars', required: false, response: 'accepted' });
    october.agenda[1].attendeeIds.push('m-lars');
    const source = new MemorySource({ seed });
    const store = new CareStore(source, 'team-ingrid', kari);
    await store.load();
    const context = await fixture(html`<care-context .store=${store} lang="en">
      <care-meeting-outcomes meeting-id="mt-october" audience="professional" .now=${'2026-11-20T12:00:00Z'}></care-meeting-outcomes>
      <care-responsibility-matrix today="2026-11-20" view="grid" editable style="inline-size: 70rem"></care-responsibility-matrix>
    </care-context>`);
    const outcomes = context.querySelector<CareMeetingOutcomes>('care-meeting-outcomes')!;
    const matrix = context.querySelector<CareResponsibilityMatrix>('care-responsibility-matrix')!;
    await settle(outcomes);
    await settle(matrix);

    // Kari writes down a task for Lars and proposes it as a new responsibility.
    button(outcomes, 'Write down what we agreed')!.click();
    await settle(outcomes);
    const part = root(outcomes).querySelectorAll('[part="edit-part"]')[1];
    (part.querySelector('[part="add-action"]') as HTMLButtonElement).click();
    await settle(outcomes);
    const task = part.querySelector('[part="edit-action"]')!;
    const set = (node: HTMLInputElement | HTMLSelectElement, value: string, event: string) => {
      node.value = value;
      node.dispatchEvent(new Event(event));
    };
    set(task.querySelector('input[type="text"]')!, 'Take over the lithium blood tests', 'input');
    const [owner, where] = task.querySelectorAll('select');
    set(owner, 'm-lars', 'change');
    set(task.querySelector('input[type="date"]')!, '2027-01-10', 'change');
    set(where, 'new', 'change');
    await settle(outcomes);
    button(outcomes, 'Save and share')!.click();
    await waitUntil(() => textOf(root(outcomes).querySelector('[role="status"]')) === 'Saved and shared with the participants.');

    const saved = store.snapshot.record!;
    const action = saved.meetingOutcomes[0].parts[1].actions[0];
    expect(action).to.include({ ownerId: 'm-lars', due: '2027-01-10', effect: 'new-responsibility' });
    const proposed = saved.responsibilities.find((r) => r.id === action.responsibilityId)!;
    expect(proposed).to.include({ title: 'Take over the lithium blood tests', status: 'proposed' });
    expect(proposed.handover).to.include({ toMemberId: 'm-lars', status: 'proposed' });
    expect(saved.audit.slice(-2).map((e) => [e.entity, e.action, e.outcome])).to.deep.equal([
      ['meeting-outcome', 'share', 'saved'],
      ['responsibility', 'add', 'saved'],
    ]);

    // The matrix on the same store shows it waiting for Lars.
    await settle(matrix);
    const row = () => root(matrix).querySelector<HTMLTableRowElement>(`tr[data-row="r:${proposed.id}"]`)!;
    expect(textOf(row())).to.contain('Take over the lithium blood tests');
    expect(textOf(row().cells[1])).to.contain('Waiting for Lars Haugen to accept taking it over');

    // Lars, on the same page and store, accepts it through the matrix's own handover.
    store.actor = lars;
    matrix.me = 'm-lars';
    await settle(matrix);
    row().cells[0].querySelector('button')!.click();
    await settle(matrix);
    const dialog = root(matrix).querySelector<HTMLDialogElement>('dialog')!;
    expect(textOf(dialog)).to.contain('Agreed in Responsibility-group meeting on 27 Oct 2026.');
    dialog.querySelector<HTMLButtonElement>('[data-action="accept"]')!.click();
    await waitUntil(() => store.snapshot.record!.responsibilities.find((r) => r.id === proposed.id)!.status === 'agreed');
    const accepted = store.snapshot.record!.responsibilities.find((r) => r.id === proposed.id)!;
    expect(accepted.assignments).to.deep.equal([{ memberId: 'm-lars', part: 'accountable' }]);
    expect(accepted.handover).to.include({ status: 'agreed' });
    expect(store.snapshot.record!.audit.at(-1)).to.include({ entity: 'responsibility', action: 'accept-handover', outcome: 'saved' });
    expect(store.snapshot.record!.audit.at(-1)!.actor.name).to.equal('Lars Haugen');
    await settle(matrix);
    expect(textOf(row().cells[1])).to.equal('Nothing to check');

    // Lars reads the outcome of the part he attended, with his task.
    outcomes.requestUpdate();
    await settle(outcomes);
    expect(textOf(root(outcomes).querySelector('article'))).to.contain('Take over the lithium blood tests. Who: you. By 10 Jan 2027.');
    expect(button(outcomes, 'I have read this')).to.exist;
  });
});

/** The fjordvik record with the October outcome as a draft holding one task proposed as a new responsibility. */
const draftWithNewTask = () => {
  const seed = v.parse(CareRecord, structuredClone(fjordvik));
  const outcome = seed.meetingOutcomes[0];
  outcome.status = 'draft';
  delete outcome.sharedAt;
  outcome.parts[1].actions.push({ id: 'oa-letter', text: 'Write to the GP about the new dose', ownerId: 'm-amina', due: '2026-11-30', responsibilityId: 'r-letter', effect: 'new-responsibility' });
  return seed;
};

/** A memory source whose saves of one kind fail with a network error while `failing` is true. */
const failingFor = (source: MemorySource, entity: string) => {
  const save = source.save.bind(source);
  const control = { failing: true };
  source.save = ((change, signal) =>
    control.failing && change.entity === entity ? Promise.reject(new StoreError('network', 'offline')) : save(change, signal)) as MemorySource['save'];
  return control;
};

describe('A task proposal follows the outcome it comes from', () => {
  it('an outcome that could not be saved proposes nothing: closing the error leaves no proposal in the matrix', async () => {
    const source = new MemorySource({ seed: draftWithNewTask() });
    failingFor(source, 'meeting-outcome');
    const { store, outcomes } = await mountOutcomes(source);
    button(outcomes, 'Share with the participants')!.click();
    await waitUntil(() => root(outcomes).querySelector('[part="error"]'));
    expect(textOf(root(outcomes).querySelector('[role="alert"]'))).to.contain('Not saved.');
    button(outcomes, 'Close')!.click();
    await settle(outcomes);
    // The outcome is the draft it was; no responsibility claims to come from a meeting record that was never saved.
    const stored = await source.load('team-ingrid');
    expect(stored.meetingOutcomes[0].status).to.equal('draft');
    expect(stored.responsibilities.map((r) => r.id)).not.to.include('r-letter');
    expect(store.snapshot.record!.responsibilities.map((r) => r.id)).not.to.include('r-letter');
    expect(store.snapshot.record!.audit.filter((e) => e.entity === 'responsibility')).to.deep.equal([]);
  });

  it('an outcome saved whose proposal failed says exactly that, and Try again adds the proposal', async () => {
    const source = new MemorySource({ seed: draftWithNewTask() });
    const responsibilities = failingFor(source, 'responsibility');
    const { store, outcomes } = await mountOutcomes(source);
    button(outcomes, 'Share with the participants')!.click();
    await waitUntil(() => root(outcomes).querySelector('[part="error"]'));
    expect(textOf(root(outcomes).querySelector('[role="status"]'))).to.equal('Saved and shared with the participants.');
    expect(textOf(root(outcomes).querySelector('[part="error"]'))).to.contain(
      'What we agreed is saved, but the task \u201cWrite to the GP about the new dose\u201d has not reached the responsibilities yet.',
    );
    expect((await source.load('team-ingrid')).meetingOutcomes[0].status).to.equal('shared');
    responsibilities.failing = false;
    button(outcomes, 'Try again')!.click();
    await waitUntil(() => store.snapshot.record!.responsibilities.some((r) => r.id === 'r-letter') && !store.hasUnsavedWork);
    await settle(outcomes);
    expect(root(outcomes).querySelector('[part="error"]')).to.equal(null);
    const stored = await source.load('team-ingrid');
    expect(stored.responsibilities.find((r) => r.id === 'r-letter')).to.include({ title: 'Write to the GP about the new dose', status: 'proposed' });
    expect(store.snapshot.record!.audit.slice(-3).map((e) => [e.entity, e.action, e.outcome])).to.deep.equal([
      ['meeting-outcome', 'share', 'saved'],
      ['responsibility', 'add', 'failed'],
      ['responsibility', 'add', 'saved'],
    ]);
  });
});
