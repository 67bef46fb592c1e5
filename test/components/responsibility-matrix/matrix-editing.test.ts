import type { Responsibility } from '../../../src/contract/responsibility.js';
import type { CareErrorEvent } from '../../../src/components/base/events.js';
import type {
  CareResponsibilityChangeEvent,
  CareResponsibilityRequestEvent,
} from '../../../src/components/responsibility-matrix/events.js';
import type { CareResponsibilityMatrix } from '../../../src/components/responsibility-matrix/responsibility-matrix.js';
import { StoreError } from '../../../src/data/types.js';
import { expect, oneEvent, settle, waitUntil } from '../../helpers/fixture.js';
import { press, type } from '../../helpers/keys.js';
import { $, $$, cellOf, connectedMatrix, controlledMatrix, focused, rowOf, TestSource, text } from './matrix-fixtures.js';

/** Opens the editor on a member's cell with Enter and picks a part by its words. */
async function choosePart(el: CareResponsibilityMatrix, id: string, name: string, words: string) {
  const cell = cellOf(el, id, name);
  cell.focus();
  await press('Enter');
  await settle(el);
  const option = [...cell.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => text(o).includes(words));
  if (!option) throw new Error(`no option "${words}"`);
  option.click();
  await settle(el);
  return cell;
}

/** Opens the details dialog of a responsibility from its title. */
async function openDetails(el: CareResponsibilityMatrix, id: string) {
  rowOf(el, id).cells[0].querySelector('button')!.click();
  await settle(el);
  const dialog = $<HTMLDialogElement>(el, 'dialog')!;
  expect(dialog.open).to.equal(true);
  return dialog;
}

const submit = async (el: CareResponsibilityMatrix, form: HTMLFormElement) => {
  form.requestSubmit();
  await settle(el);
};

const live = (el: Element) => text($(el, '[role="status"][aria-live="polite"]'));

describe('care-responsibility-matrix: editing', () => {
  describe('controlled mode', () => {
    it('fires a cancelable request, then the change, and keeps its own copy', async () => {
      const el = await controlledMatrix({ editable: true });
      const events: Event[] = [];
      el.addEventListener('care-responsibility-request', (e) => events.push(e));
      el.addEventListener('care-responsibility-change', (e) => events.push(e));
      $<HTMLInputElement>(el, '#change-reason')!.value = 'Agreed at the October meeting';
      await choosePart(el, 'r-physical', 'Ola Berg', 'Does it');
      expect(events.map((e) => e.type)).to.deep.equal(['care-responsibility-request', 'care-responsibility-change']);
      const request = events[0] as CareResponsibilityRequestEvent;
      expect(request.cancelable).to.equal(true);
      expect(request.bubbles && request.composed).to.equal(true);
      expect(request.detail.action).to.equal('assign');
      expect(request.detail.reason).to.equal('Agreed at the October meeting');
      expect(request.detail.previous!.assignments).to.have.length(2);
      expect(request.detail.responsibility.assignments).to.deep.include({ memberId: 'm-ola', part: 'responsible' });
      const change = events[1] as CareResponsibilityChangeEvent;
      expect(change.detail.responsibility.id).to.equal('r-physical');
      expect(text(cellOf(el, 'r-physical', 'Ola Berg'))).to.contain('Does it');
      const own = el.responsibilities!.find((r) => r.id === 'r-physical') as Responsibility;
      expect(own.assignments).to.deep.include({ memberId: 'm-ola', part: 'responsible' });
    });

    it('leaves the cell unchanged when the host vetoes the request', async () => {
      const el = await controlledMatrix({ editable: true });
      let changes = 0;
      el.addEventListener('care-responsibility-request', (e) => e.preventDefault());
      el.addEventListener('care-responsibility-change', () => changes++);
      const cell = await choosePart(el, 'r-medication', 'Lars Haugen', 'Is told');
      await settle(el);
      expect(text(cell)).to.contain('Owns it');
      expect(changes).to.equal(0);
      expect(live(el)).to.contain('The change was stopped by the page.');
      expect(focused(el)).to.equal(cell);
    });

    it('shows "saving" while the host works, then the change', async () => {
      const el = await controlledMatrix({ editable: true });
      let finish = () => {};
      el.addEventListener('care-responsibility-request', (e) => e.waitUntil(new Promise<void>((resolve) => (finish = resolve))));
      const changed = oneEvent(el, 'care-responsibility-change');
      const cell = await choosePart(el, 'r-depot', 'Erik Solberg', 'Is told');
      expect(text(cell)).to.contain('Is told');
      expect(text(rowOf(el, 'r-depot').cells[1])).to.contain('Saving…');
      finish();
      await changed;
      await settle(el);
      expect(text(rowOf(el, 'r-depot').cells[1])).not.to.contain('Saving…');
      expect(text(cell)).to.contain('Is told');
    });

    it('rolls back when the host rejects its waitUntil, shows why and retries', async () => {
      const el = await controlledMatrix({ editable: true });
      let attempts = 0;
      el.addEventListener('care-responsibility-request', (e) => {
        attempts++;
        if (attempts === 1) e.waitUntil(Promise.reject(new StoreError('forbidden', 'not allowed')));
      });
      const failed = oneEvent(el, 'care-error') as Promise<CareErrorEvent>;
      const cell = await choosePart(el, 'r-medication', 'Erik Solberg', 'Is told');
      const error = await failed;
      await settle(el);
      expect(error.detail.entityId).to.equal('r-medication');
      expect(text(cell)).to.contain('No part');
      const state = text(rowOf(el, 'r-medication').cells[1]);
      expect(state).to.contain('Your change was not saved.');
      expect(state).to.contain('You do not have permission to make this change.');
      expect(live(el)).to.contain('Not saved: Medication list and prescriptions.');
      const changed = oneEvent(el, 'care-responsibility-change');
      rowOf(el, 'r-medication').cells[1].querySelector<HTMLButtonElement>('button')!.click();
      await changed;
      await settle(el);
      expect(attempts).to.equal(2);
      expect(text(cell)).to.contain('Is told');
      expect(text(rowOf(el, 'r-medication').cells[1])).not.to.contain('not saved');
    });

    it('announces a rule an edit breaks and one it mends', async () => {
      const el = await controlledMatrix({ editable: true });
      await choosePart(el, 'r-medication', 'Amina Rahimi', 'Owns it');
      expect(text(rowOf(el, 'r-medication').cells[1])).to.contain('More than one owner: Lars Haugen, Amina Rahimi');
      expect(live(el)).to.contain('Medication list and prescriptions: More than one owner: Lars Haugen, Amina Rahimi.');
      await choosePart(el, 'r-sleep', 'Ola Berg', 'Owns it');
      expect(live(el)).to.contain('A steady sleep routine: solved (Nobody owns this).');
      expect(text(rowOf(el, 'r-sleep').cells[1])).to.equal('Nothing to check');
    });
  });

  describe('connected mode', () => {
    it('saves through the store with actor and reason', async () => {
      const { el, source, store } = await connectedMatrix();
      const changed = oneEvent(el, 'care-responsibility-change');
      await choosePart(el, 'r-housing', 'Erik Solberg', 'Is asked');
      await changed;
      expect(source.saves).to.have.length(1);
      expect(source.saves[0].action).to.equal('assign');
      expect(source.saves[0].actor.name).to.equal('Kari Nilsen');
      const saved = store.snapshot.record!.responsibilities.find((r) => r.id === 'r-housing')!;
      expect(saved.assignments).to.deep.include({ memberId: 'm-erik', part: 'consulted' });
      expect(store.snapshot.record!.audit.at(-1)!.outcome).to.equal('saved');
    });

    it('rolls back a failed save, shows the error with Retry, and retry works', async () => {
      const source = new TestSource();
      source.failNext = 1;
      const { el, store } = await connectedMatrix(source);
      const failed = oneEvent(el, 'care-error');
      const cell = await choosePart(el, 'r-finances', 'Kari Nilsen', 'Is told');
      await failed;
      await settle(el);
      expect(text(cell)).to.contain('No part');
      const state = rowOf(el, 'r-finances').cells[1];
      expect(text(state)).to.contain('Your change was not saved. There is no connection to the server.');
      const retry = state.querySelector<HTMLButtonElement>('button')!;
      expect(text(retry)).to.equal('Try again');
      expect(store.snapshot.failures.has('responsibility/r-finances')).to.equal(true);
      const changed = oneEvent(el, 'care-responsibility-change') as Promise<CareResponsibilityChangeEvent>;
      retry.click();
      const { detail } = await changed;
      await settle(el);
      expect(detail.action).to.equal('assign');
      expect(text(cell)).to.contain('Is told');
      expect(text(rowOf(el, 'r-finances').cells[1])).not.to.contain('not saved');
      expect(store.snapshot.failures.size).to.equal(0);
    });

    it('records a veto in the audit trail and saves nothing', async () => {
      const { el, source, store } = await connectedMatrix();
      el.addEventListener('care-responsibility-request', (e) => e.preventDefault());
      const cell = await choosePart(el, 'r-crisis', 'Sofie Lund', 'Is told');
      expect(text(cell)).to.contain('No part');
      expect(source.saves).to.have.length(0);
      expect(store.snapshot.record!.audit.at(-1)!.outcome).to.equal('vetoed');
    });
  });

  describe('handovers', () => {
    it('lets the receiving member accept: the ownership moves and it is agreed', async () => {
      const el = await controlledMatrix({ editable: true, me: 'm-hanne' });
      const dialog = await openDetails(el, 'r-nav-meetings');
      expect(text(dialog)).to.contain('Kari Nilsen has asked Hanne Dahl to take this over.');
      expect(text(dialog)).to.contain('Ingrid would rather go with Hanne.');
      const requested = oneEvent(el, 'care-responsibility-request') as Promise<CareResponsibilityRequestEvent>;
      dialog.querySelector<HTMLButtonElement>('[data-action="accept"]')!.click();
      const { detail } = await requested;
      await settle(el);
      expect(detail.action).to.equal('accept-handover');
      expect(detail.responsibility.status).to.equal('agreed');
      expect(detail.responsibility.handover!.status).to.equal('agreed');
      expect(text(cellOf(el, 'r-nav-meetings', 'Hanne Dahl'))).to.contain('Owns it');
      expect(text(cellOf(el, 'r-nav-meetings', 'Kari Nilsen'))).to.contain('No part');
      expect(text(rowOf(el, 'r-nav-meetings').cells[1])).to.equal('Nothing to check');
    });

    it('lets the receiving member disagree, but only with a reason', async () => {
      const el = await controlledMatrix({ editable: true, me: 'm-hanne' });
      const dialog = await openDetails(el, 'r-nav-meetings');
      const form = dialog.querySelector<HTMLFormElement>('form[data-form="dispute"]')!;
      let requests = 0;
      el.addEventListener('care-responsibility-request', () => requests++);
      await submit(el, form);
      expect(requests).to.equal(0);
      expect(text(dialog.querySelector('.field-error'))).to.equal('Error: Please say why, so the others can understand.');
      const textarea = form.querySelector('textarea')!;
      expect(textarea.getAttribute('aria-invalid')).to.equal('true');
      expect(focused(el)).to.equal(textarea);
      await type('I only work Tuesdays and Thursdays.');
      const requested = oneEvent(el, 'care-responsibility-request') as Promise<CareResponsibilityRequestEvent>;
      await submit(el, form);
      const { detail } = await requested;
      await settle(el);
      expect(detail.action).to.equal('dispute-handover');
      expect(detail.responsibility.status).to.equal('disputed');
      expect(detail.responsibility.dispute).to.include({ memberId: 'm-hanne', reason: 'I only work Tuesdays and Thursdays.' });
      expect(text(rowOf(el, 'r-nav-meetings').cells[1])).to.contain('Hanne Dahl disagrees: I only work Tuesdays and Thursdays.');
      // The owner stays the same until someone agrees.
      expect(text(cellOf(el, 'r-nav-meetings', 'Kari Nilsen'))).to.contain('Owns it');
    });

    it('offers no answer to anyone but the receiving member', async () => {
      const el = await controlledMatrix({ editable: true, me: 'm-lars' });
      const dialog = await openDetails(el, 'r-nav-meetings');
      expect(dialog.querySelector('[data-action="accept"]')).to.equal(null);
      expect(dialog.querySelector('form[data-form="dispute"]')).to.equal(null);
    });

    it('proposes a handover of the ownership to another member', async () => {
      const el = await controlledMatrix({ editable: true, me: 'm-lars' });
      const dialog = await openDetails(el, 'r-physical');
      const form = dialog.querySelector<HTMLFormElement>('form[data-form="handover"]')!;
      form.querySelector('select')!.value = 'm-ola';
      form.querySelector<HTMLInputElement>('input[name="comment"]')!.value = 'Ola sees her every week.';
      const requested = oneEvent(el, 'care-responsibility-request') as Promise<CareResponsibilityRequestEvent>;
      await submit(el, form);
      const { detail } = await requested;
      await settle(el);
      expect(detail.action).to.equal('propose-handover');
      expect(detail.responsibility.handover).to.include({ fromMemberId: 'm-lars', toMemberId: 'm-ola', status: 'proposed', comment: 'Ola sees her every week.' });
      expect(text(rowOf(el, 'r-physical').cells[1])).to.contain('Waiting for Ola Berg to accept taking it over');
      expect(text(cellOf(el, 'r-physical', 'Lars Haugen'))).to.contain('Owns it');
    });
  });

  describe('other changes', () => {
    it('adds a responsibility from a dialog, flagged until someone owns it', async () => {
      const el = await controlledMatrix({ editable: true });
      const add = $$<HTMLButtonElement>(el, '.toolbar button').find((b) => text(b) === 'Add a responsibility')!;
      add.click();
      await settle(el);
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      expect(text(dialog.querySelector('h2'))).to.equal('New responsibility');
      const form = dialog.querySelector<HTMLFormElement>('form')!;
      await submit(el, form);
      expect(text(dialog.querySelector('.field-error'))).to.contain('Please write what needs doing.');
      form.querySelector<HTMLInputElement>('input[name="title"]')!.value = 'Help with the dentist';
      form.querySelector('select')!.value = 'physical-health';
      form.querySelector<HTMLInputElement>('input[name="reason"]')!.value = 'Toothache since October';
      const requested = oneEvent(el, 'care-responsibility-request') as Promise<CareResponsibilityRequestEvent>;
      await submit(el, form);
      const { detail } = await requested;
      await settle(el);
      expect(detail.action).to.equal('add');
      expect(detail.previous).to.equal(undefined);
      expect(detail.reason).to.equal('Toothache since October');
      expect(detail.responsibility).to.include({ title: 'Help with the dentist', area: 'physical-health', status: 'proposed', teamId: 'team-ingrid' });
      const row = rowOf(el, detail.responsibility.id);
      expect(text(row.cells[1])).to.contain('Nobody owns this');
      expect($(el, 'dialog')).to.equal(null);
      expect(focused(el)).to.equal(add);
    });

    it('renames, sets a review date and changes several parts at once', async () => {
      const el = await controlledMatrix({ editable: true });
      const actions: string[] = [];
      el.addEventListener('care-responsibility-change', (e) => actions.push(e.detail.action));

      let dialog = await openDetails(el, 'r-sleep');
      let form = dialog.querySelector<HTMLFormElement>('form[data-form="rename"]')!;
      form.querySelector('input')!.value = 'Sleep at regular times';
      await submit(el, form);
      await waitUntil(() => actions.length === 1);
      await settle(el);
      expect(text(rowOf(el, 'r-sleep').cells[0])).to.contain('Sleep at regular times');

      dialog = await openDetails(el, 'r-sleep');
      form = dialog.querySelector<HTMLFormElement>('form[data-form="review"]')!;
      form.querySelector('input')!.value = '2027-02-15';
      await submit(el, form);
      await waitUntil(() => actions.length === 2);
      await settle(el);
      expect(text(rowOf(el, 'r-sleep').cells[0])).to.contain('Review 15 Feb 2027');

      dialog = await openDetails(el, 'r-sleep');
      form = dialog.querySelector<HTMLFormElement>('form[data-form="parts"]')!;
      const select = (id: string) => form.querySelector<HTMLSelectElement>(`select[data-member="${id}"]`)!;
      expect(select('m-ola').value).to.equal('responsible');
      select('m-ola').value = 'accountable';
      select('m-kari').value = 'informed';
      await submit(el, form);
      await waitUntil(() => actions.length === 3);
      await settle(el);
      expect(actions).to.deep.equal(['rename', 'set-review-date', 'assign']);
      expect(text(cellOf(el, 'r-sleep', 'Ola Berg'))).to.contain('Owns it');
      expect(text(cellOf(el, 'r-sleep', 'Kari Nilsen'))).to.contain('Is told');
      expect(text(rowOf(el, 'r-sleep').cells[1])).to.equal('Nothing to check');
    });

    it('ends a responsibility: hidden, but shown with "show ended tasks"', async () => {
      const el = await controlledMatrix({ editable: true });
      const dialog = await openDetails(el, 'r-depot');
      const changed = oneEvent(el, 'care-responsibility-change') as Promise<CareResponsibilityChangeEvent>;
      dialog.querySelector<HTMLButtonElement>('[data-action="end"]')!.click();
      const { detail } = await changed;
      await settle(el);
      expect(detail.action).to.equal('end');
      expect(detail.responsibility.status).to.equal('ended');
      expect(rowOf(el, 'r-depot')).to.equal(null);
      el.showEnded = true;
      await settle(el);
      expect(text(rowOf(el, 'r-depot').cells[0])).to.contain('Ended');
    });

    it('edits from the person view too', async () => {
      const el = await controlledMatrix({ editable: true, view: 'person' });
      const button = $$<HTMLButtonElement>(el, '[part="person-view"] button').find((b) =>
        b.getAttribute('aria-label')!.includes('Talking therapy'),
      )!;
      expect(text(button)).to.equal('Change');
      button.click();
      await settle(el);
      expect(text($(el, 'dialog h2'))).to.equal('Talking therapy');
    });
  });
});
