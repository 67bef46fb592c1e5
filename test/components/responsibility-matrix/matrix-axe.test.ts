import type { CareResponsibilityMatrix } from '../../../src/components/responsibility-matrix/responsibility-matrix.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, fixture, html, oneEvent, settle } from '../../helpers/fixture.js';
import { press } from '../../helpers/keys.js';
import { $, cellOf, connectedMatrix, controlledMatrix, record, rowOf, SMALL, TestSource, text } from './matrix-fixtures.js';

// axe takes a second or more per run on this machine; each state gets its own generous timeout.
describe('care-responsibility-matrix: axe in every state', function () {
  this.timeout(30_000);

  it('read-only table', async () => {
    const el = await controlledMatrix({ small: true });
    await expectAxeClean(el);
  });

  it('editable grid', async () => {
    const el = await controlledMatrix({ small: true, editable: true });
    await expectAxeClean(el);
  });

  it('editing a cell', async () => {
    const el = await controlledMatrix({ small: true, editable: true });
    cellOf(el, 'r-lithium', 'Ola Berg').focus();
    await press('Enter');
    await settle(el);
    expect($(el, '[role="listbox"]')).to.exist;
    await expectAxeClean(el);
  });

  it('details dialog with a handover to answer', async () => {
    const el = await controlledMatrix({ small: true, editable: true, me: 'm-hanne' });
    rowOf(el, 'r-nav-meetings').cells[0].querySelector('button')!.click();
    await settle(el);
    expect($(el, 'dialog [data-action="accept"]')).to.exist;
    await expectAxeClean(el);
  });

  it('add dialog', async () => {
    const el = await controlledMatrix({ small: true, editable: true });
    $<HTMLButtonElement>(el, '.toolbar button.primary')!.click();
    await settle(el);
    expect(text($(el, 'dialog h2'))).to.equal('New responsibility');
    await expectAxeClean(el);
  });

  it('person view, read-only and editable', async () => {
    const el = await controlledMatrix({ small: true, view: 'person', me: 'm-kari' });
    await expectAxeClean(el);
    el.editable = true;
    await settle(el);
    await expectAxeClean(el);
  });

  it('failed save with Retry', async () => {
    const data = record();
    const source = new TestSource({ ...data, responsibilities: data.responsibilities.filter((r) => SMALL.includes(r.id)) });
    source.failNext = 1;
    const { el } = await connectedMatrix(source);
    const failed = oneEvent(el, 'care-error');
    cellOf(el, 'r-medication', 'Erik Solberg').focus();
    await press('Enter');
    await settle(el);
    await press('i');
    await settle(el);
    await press('Enter');
    await failed;
    await settle(el);
    expect(text(rowOf(el, 'r-medication').cells[1])).to.contain('Your change was not saved.');
    await expectAxeClean(el);
  });

  it('load error', async () => {
    const source = new TestSource();
    source.failLoad = true;
    const { el } = await connectedMatrix(source);
    expect($(el, '[role="alert"]')).to.exist;
    await expectAxeClean(el);
  });

  it('loading, empty and invalid data', async () => {
    const data = record();
    const el = await fixture<CareResponsibilityMatrix>(html`<care-responsibility-matrix editable></care-responsibility-matrix>`);
    await expectAxeClean(el);
    el.team = data.team;
    el.responsibilities = [];
    await settle(el);
    expect($(el, '[part~="empty"]')).to.exist;
    await expectAxeClean(el);
    el.responsibilities = [{ ...data.responsibilities[0], status: 'forgotten' as 'agreed' }];
    await settle(el);
    expect($(el, '[role="alert"]')).to.exist;
    await expectAxeClean(el);
  });

  it('hostile data', async () => {
    const data = record();
    data.team.members.push({ id: 'm-rtl', name: 'מרים כהן', kind: 'advocate', status: 'active', contacts: [] });
    const small = data.responsibilities.filter((r) => SMALL.includes(r.id));
    small[0].title = '<b>bold</b> '.repeat(40);
    small[0].assignments.push({ memberId: 'm-rtl', part: 'informed' });
    small[1].dispute!.reason = 'x'.repeat(2000);
    const el = await controlledMatrix({ team: data.team, responsibilities: small, editable: true });
    expect($(el, 'b')).to.equal(null);
    await expectAxeClean(el);
  });
});
