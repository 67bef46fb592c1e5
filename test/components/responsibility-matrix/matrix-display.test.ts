import type { Responsibility } from '../../../src/contract/responsibility.js';
import type { CareDataErrorEvent } from '../../../src/components/base/events.js';
import type { CareResponsibilityMatrix } from '../../../src/components/responsibility-matrix/responsibility-matrix.js';
import { expect, fixture, html, oneEvent, settle, waitUntil } from '../../helpers/fixture.js';
import { $, $$, cellOf, connectedMatrix, controlledMatrix, idOfRow, record, rowOf, TestSource, text, TODAY } from './matrix-fixtures.js';

const flagsText = (el: Element, id: string) => text(rowOf(el, id).cells[1]);

describe('care-responsibility-matrix: what it shows', () => {
  it('at 360 px its filter choices wrap as whole boxes: none overlaps another or leaves the element', async () => {
    const el = await controlledMatrix({ me: 'm-kari', editable: true });
    el.style.inlineSize = '360px';
    await settle(el);
    const labels = $$(el, '.segmented label');
    expect(labels.length).to.be.greaterThan(5);
    const host = el.getBoundingClientRect();
    const boxes = labels.map((l) => l.getBoundingClientRect());
    const rows = new Set(boxes.map((b) => Math.round(b.top)));
    expect(rows.size, 'the choices wrap at 360 px').to.be.greaterThan(2);
    boxes.forEach((a, i) => {
      expect(a.left, text(labels[i])).to.be.at.least(host.left - 0.5);
      expect(a.right, text(labels[i])).to.be.at.most(host.right + 0.5);
      boxes.forEach((b, j) => {
        if (i >= j) return;
        const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
        expect(overlap, `${text(labels[i])} / ${text(labels[j])}`).to.equal(false);
      });
      const style = getComputedStyle(labels[i]);
      expect(style.borderTopLeftRadius, 'every choice has its own rounded box').to.equal(style.borderBottomRightRadius);
      expect(parseFloat(style.borderTopLeftRadius)).to.be.greaterThan(0);
    });
  });

  describe('rules, shown live', () => {
    it('flags a responsibility that nobody owns', async () => {
      const el = await controlledMatrix();
      expect(flagsText(el, 'r-sleep')).to.contain('Nobody owns this');
      expect(flagsText(el, 'r-medication')).to.equal('Nothing to check');
    });

    it('flags two owners, naming them', async () => {
      const data = record();
      const lithium = data.responsibilities.find((r) => r.id === 'r-lithium')!;
      lithium.assignments = [
        { memberId: 'm-lars', part: 'accountable' },
        { memberId: 'm-amina', part: 'accountable' },
      ];
      const el = await controlledMatrix({ responsibilities: data.responsibilities });
      expect(flagsText(el, 'r-lithium')).to.contain('More than one owner: Lars Haugen, Amina Rahimi');
    });

    it('flags an owner who has left and shows their column as "has left"', async () => {
      const el = await controlledMatrix();
      expect(flagsText(el, 'r-therapy')).to.contain('The owner has left the team: Tor Eide');
      const header = $$(el, 'thead th').find((th) => th.textContent?.includes('Tor Eide'))!;
      expect(text(header)).to.contain('has left');
      expect(text(cellOf(el, 'r-therapy', 'Tor Eide'))).to.contain('Owns it');
    });

    it('shows a member who has left as a column only while they still hold a part', async () => {
      const data = record();
      const therapy = data.responsibilities.find((r) => r.id === 'r-therapy')!;
      therapy.assignments = [{ memberId: 'm-amina', part: 'accountable' }];
      const el = await controlledMatrix({ responsibilities: data.responsibilities });
      expect($$(el, 'thead th').some((th) => th.textContent?.includes('Tor Eide'))).to.equal(false);
    });

    it('shows who disputes a responsibility and why', async () => {
      const el = await controlledMatrix();
      expect(flagsText(el, 'r-lithium')).to.contain(
        'Lars Haugen disagrees: The DPS should order these while the dose is still being adjusted.',
      );
    });

    it('shows a pending handover and an overdue review', async () => {
      const el = await controlledMatrix();
      expect(flagsText(el, 'r-nav-meetings')).to.contain('Waiting for Hanne Dahl to accept taking it over');
      expect(flagsText(el, 'r-crisis')).to.contain('Review was due 1 Nov 2026');
    });

    it('gives every flag an icon beside its text, never colour alone', async () => {
      const el = await controlledMatrix();
      const flags = $$(el, '[part~="flag"]');
      expect(flags.length).to.be.greaterThan(4);
      for (const flag of flags) {
        expect(flag.querySelector('svg[aria-hidden="true"]'), text(flag)).to.exist;
        expect(text(flag).length).to.be.greaterThan(5);
      }
    });

    it('flags a part held by someone not on the team', async () => {
      const data = record();
      data.responsibilities[0].assignments.push({ memberId: 'm-ghost', part: 'informed' });
      const el = await controlledMatrix({ responsibilities: data.responsibilities });
      expect(flagsText(el, 'r-medication')).to.contain('Part held by someone not on the team: m-ghost');
    });
  });

  describe('grid content', () => {
    it('says each part in plain words, with the letter hidden from assistive technology', async () => {
      const el = await controlledMatrix();
      const cell = cellOf(el, 'r-medication', 'Lars Haugen');
      expect(text(cell)).to.equal('AOwns it');
      expect(cell.querySelector('.letter')!.getAttribute('aria-hidden')).to.equal('true');
      expect(text(cellOf(el, 'r-medication', 'Ola Berg'))).to.contain('Does it');
      expect(text(cellOf(el, 'r-medication', 'Amina Rahimi'))).to.contain('Is asked');
      expect(text(cellOf(el, 'r-medication', 'Kari Nilsen'))).to.contain('Is told');
      expect(text(cellOf(el, 'r-medication', 'Erik Solberg'))).to.contain('No part');
    });

    it('has a legend for the letters', async () => {
      const el = await controlledMatrix();
      const legend = text($(el, '[part="legend"]'));
      expect(legend).to.contain('Owns it: makes sure it happens');
      expect(legend).to.contain('Is told: is kept up to date');
    });

    it('puts the service user first and their own goals in their own group with steps', async () => {
      const el = await controlledMatrix();
      expect(text($(el, 'thead th:nth-child(3) .member-name'))).to.equal('Ingrid Solberg');
      const groups = $$(el, 'tr.group').map((tr) => text(tr));
      expect(groups).to.deep.equal(['Tasks and areas of care', 'Ingrid Solberg\u2019s own goals']);
      const walks = rowOf(el, 'r-goal-walks');
      expect(walks.closest('tbody')!.querySelector('tr.group')!.textContent).to.contain('own goals');
      const header = walks.cells[0];
      expect(text(header)).to.contain('2 of 3 steps done');
      const steps = header.querySelector('ul[aria-label="Steps"]')!;
      expect(steps.children.length).to.equal(3);
      expect(text(steps.children[0])).to.contain('Find a walking route I like (done)');
      expect(text(steps.children[2])).to.contain('Add Wednesdays and Fridays (not done yet)');
    });

    it('says "Your own goals" to the service user, who comes first as a group', async () => {
      const data = record();
      const el = await fixture<CareResponsibilityMatrix>(
        html`<care-responsibility-matrix
          style="inline-size: 70rem"
          view="grid"
          audience="service-user"
          me="m-ingrid"
          today=${TODAY}
          .team=${data.team}
          .responsibilities=${data.responsibilities}
        ></care-responsibility-matrix>`,
      );
      await settle(el);
      expect(text($$(el, 'tr.group')[0])).to.equal('Your own goals');
      expect(text($(el, 'thead th:nth-child(3)'))).to.contain('Ingrid Solberg (you)');
      // Everyday role names for the service user.
      expect(text($(el, 'thead'))).to.contain('Your GP (family doctor)');
    });

    it('hides ended responsibilities unless asked to show them', async () => {
      const data = record();
      data.responsibilities.push({ ...data.responsibilities[3], id: 'r-old', title: 'Old housing search', status: 'ended' });
      const el = await controlledMatrix({ responsibilities: data.responsibilities });
      expect($(el, 'tr[data-row="r:r-old"]')).to.equal(null);
      $<HTMLInputElement>(el, '.toolbar input[type="checkbox"]')!.click();
      await settle(el);
      expect(rowOf(el, 'r-old').cells[0].textContent).to.contain('Ended');
    });
  });

  describe('read-only table semantics', () => {
    it('is a real table with column and row headers, and no grid role or tab stops', async () => {
      const el = await controlledMatrix();
      const table = $(el, 'table')!;
      // Rows are laid out with CSS grid, so the table roles are also stated explicitly.
      expect(table.getAttribute('role')).to.equal('table');
      expect($$(el, 'thead th').every((th) => th.getAttribute('scope') === 'col' && th.getAttribute('role') === 'columnheader')).to.equal(true);
      const row = rowOf(el, 'r-medication');
      expect(row.getAttribute('role')).to.equal('row');
      expect(row.cells[0].localName).to.equal('th');
      expect(row.cells[0].getAttribute('scope')).to.equal('row');
      expect(row.cells[0].getAttribute('role')).to.equal('rowheader');
      expect([...row.cells].slice(1).every((td) => td.getAttribute('role') === 'cell')).to.equal(true);
      expect($$(el, 'table [tabindex]')).to.have.length(0);
      expect(table.getAttribute('aria-labelledby')).to.equal('title');
      // The scrolling region can be reached and scrolled with the keyboard.
      const scroller = $(el, '.scroller')!;
      expect(scroller.getAttribute('tabindex')).to.equal('0');
      expect(scroller.getAttribute('role')).to.equal('region');
    });
  });

  describe('person view', () => {
    it('lists what each person is responsible for, grouped by part', async () => {
      const el = await controlledMatrix({ view: 'person' });
      expect($(el, 'table')).to.equal(null);
      const sections = $$(el, '[part="person-view"] section');
      const lars = sections.find((s) => text(s.querySelector('h3')) === 'Lars Haugen')!;
      const headings = [...lars.querySelectorAll('h4')].map((h) => text(h));
      expect(headings).to.deep.equal(['AOwns it']);
      const owned = [...lars.querySelectorAll('.person-items > li .title')].map((n) => text(n));
      expect(owned).to.deep.equal(['Medication list and prescriptions', 'Blood tests for lithium level', 'Yearly physical health check']);
      const lithium = [...lars.querySelectorAll('.person-items > li')].find((li) => li.textContent!.includes('lithium'))!;
      expect(text(lithium)).to.contain('Lars Haugen disagrees');
    });

    it('shows the viewer first ("what you are responsible for"), then what nobody owns', async () => {
      const el = await controlledMatrix({ view: 'person', me: 'm-hanne' });
      const sections = $$(el, '[part="person-view"] section');
      expect(text(sections[0].querySelector('h3'))).to.equal('What you are responsible for');
      const mine = text(sections[0]);
      expect(mine).to.contain('Does it');
      expect(mine).to.contain('Going with Ingrid to NAV meetings');
      expect(mine).to.contain('You have been asked to take this over');
      expect(text(sections[1].querySelector('h3'))).to.equal('Nobody owns these yet');
      const unowned = [...sections[1].querySelectorAll('.title')].map((n) => text(n));
      expect(unowned).to.have.members(['Talking therapy', 'A steady sleep routine']);
      expect(sections.filter((s) => s.textContent!.includes('Hanne Dahl'))).to.have.length(1);
    });

    it('shows only the viewer with "mine"', async () => {
      const el = await controlledMatrix({ view: 'person', me: 'm-ola', filter: 'mine' });
      const sections = $$(el, '[part="person-view"] section');
      expect(sections).to.have.length(1);
      expect(text(sections[0])).to.contain('Ola Berg');
      expect(text(sections[0])).to.contain('Depot injection every second week');
    });

    it('becomes the default when the element is narrow', async () => {
      const data = record();
      const el = await fixture<CareResponsibilityMatrix>(
        html`<div style="inline-size: 24rem">
          <care-responsibility-matrix today=${TODAY} .team=${data.team} .responsibilities=${data.responsibilities}></care-responsibility-matrix>
        </div>`,
      ).then((div) => div.firstElementChild as CareResponsibilityMatrix);
      await settle(el);
      expect($(el, '[part="person-view"]')).to.exist;
      (el.parentElement as HTMLElement).style.inlineSize = '70rem';
      await waitUntil(() => $(el, 'table'), 'grid after widening');
      expect(el.effectiveView).to.equal('grid');
    });

    it('can be chosen from the toolbar', async () => {
      const el = await controlledMatrix();
      const person = $$<HTMLInputElement>(el, 'input[name="view"]').find((i) => i.value === 'person')!;
      person.click();
      await settle(el);
      expect(el.view).to.equal('person');
      expect($(el, '[part="person-view"]')).to.exist;
    });
  });

  describe('filters', () => {
    const rowIds = (el: Element) => $$(el, 'tbody tr[data-row]:not(.group)').map((tr) => idOfRow(tr));

    it('shows only what nobody owns', async () => {
      const el = await controlledMatrix({ filter: 'unassigned' });
      expect(rowIds(el)).to.have.members(['r-therapy', 'r-sleep']);
    });

    it('shows only disagreements', async () => {
      const el = await controlledMatrix({ filter: 'disputed' });
      expect(rowIds(el)).to.deep.equal(['r-lithium']);
    });

    it('shows only mine, including a handover I am asked to take', async () => {
      const el = await controlledMatrix({ me: 'm-hanne' });
      $$<HTMLInputElement>(el, 'input[name="filter"]').find((i) => i.value === 'mine')!.click();
      await settle(el);
      expect(el.filter).to.equal('mine');
      expect(rowIds(el)).to.have.members(['r-nav-meetings', 'r-work', 'r-goal-walks']);
    });

    it('offers "mine" only when it knows who is looking', async () => {
      const el = await controlledMatrix();
      expect($$<HTMLInputElement>(el, 'input[name="filter"]').map((i) => i.value)).to.deep.equal(['all', 'unassigned', 'disputed']);
    });

    it('says so when nothing matches', async () => {
      const data = record();
      const el = await controlledMatrix({ filter: 'disputed', responsibilities: data.responsibilities.filter((r) => r.id !== 'r-lithium') });
      expect(text($(el, '[part~="empty-filter"]'))).to.equal('No tasks match this choice.');
    });
  });

  describe('states', () => {
    it('shows loading until it has a team', async () => {
      const el = await fixture<CareResponsibilityMatrix>(html`<care-responsibility-matrix></care-responsibility-matrix>`);
      expect(text($(el, '[role="status"]'))).to.equal('Loading…');
    });

    it('shows an empty state, with a way to add when editable', async () => {
      const data = record();
      const el = await fixture<CareResponsibilityMatrix>(
        html`<care-responsibility-matrix editable .team=${data.team} .responsibilities=${[]}></care-responsibility-matrix>`,
      );
      await settle(el);
      expect(text($(el, '[part~="empty"]'))).to.contain('No responsibilities are recorded yet.');
      expect(text($(el, '[part~="empty"] button'))).to.equal('Add a responsibility');
      el.editable = false;
      await settle(el);
      expect($(el, '[part~="empty"] button')).to.equal(null);
    });

    it('shows what is wrong with invalid data and fires care-data-error', async () => {
      const data = record();
      const broken = [{ ...data.responsibilities[0], area: 'astrology' }, data.responsibilities[1]];
      const el = document.createElement('care-responsibility-matrix');
      const event = oneEvent(el, 'care-data-error') as Promise<CareDataErrorEvent>;
      el.team = data.team;
      el.responsibilities = broken as unknown as Responsibility[];
      document.body.append(el);
      const { detail } = await event;
      await settle(el);
      expect(detail.entity).to.equal('responsibilities');
      const alert = text($(el, '[role="alert"]'));
      expect(alert).to.contain('This information cannot be shown');
      expect(alert).to.contain('responsibilities[0].area');
      el.remove();
    });

    it('refuses two responsibilities with the same id', async () => {
      const data = record();
      const el = await controlledMatrix({ responsibilities: [data.responsibilities[0], { ...data.responsibilities[1], id: 'r-medication' }] });
      expect(text($(el, '[role="alert"]'))).to.contain('responsibilities[1].id: the responsibility id "r-medication" is used more than once');
    });

    it('shows a load error with a retry that loads again (connected)', async () => {
      const source = new TestSource();
      source.failLoad = true;
      const { el, store } = await connectedMatrix(source);
      expect(text($(el, '[role="alert"]'))).to.contain('Could not load the information');
      source.failLoad = false;
      $<HTMLButtonElement>(el, '[role="alert"] button')!.click();
      await waitUntil(() => store.snapshot.status === 'ready');
      await settle(el);
      expect(rowOf(el, 'r-medication')).to.exist;
    });

    it('shows loading while a connected store loads', async () => {
      const source = new TestSource();
      let open = () => {};
      source.loadGate = new Promise((resolve) => (open = resolve));
      const { el } = await connectedMatrix(source);
      expect(text($(el, '[role="status"]'))).to.equal('Loading…');
      open();
      await waitUntil(() => $(el, 'table'), 'grid after loading');
    });
  });

  describe('untrusted data', () => {
    it('shows markup as text, long notes and right-to-left names without breaking', async () => {
      const data = record();
      data.team.members.push({
        id: 'm-rtl',
        name: 'مريم الحسيني',
        kind: 'advocate',
        status: 'active',
        contacts: [],
      });
      data.responsibilities[0].title = '<img src=x onerror="window.__pwned=1">Medicines';
      data.responsibilities[0].description = 'Long note. '.repeat(450);
      data.responsibilities[1].assignments.push({ memberId: 'm-rtl', part: 'consulted' });
      const el = await controlledMatrix({ team: data.team, responsibilities: data.responsibilities });
      expect($(el, 'img')).to.equal(null);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      expect(text(rowOf(el, 'r-medication').cells[0])).to.contain('<img src=x onerror="window.__pwned=1">Medicines');
      expect(text(cellOf(el, 'r-depot', 'مريم الحسيني'))).to.contain('Is asked');
      el.view = 'person';
      await settle(el);
      expect($(el, '.description')!.textContent!.length).to.be.greaterThan(4900);
      expect($(el, 'img')).to.equal(null);
    });
  });

  describe('languages', () => {
    it('speaks Norwegian bokmål', async () => {
      const el = await controlledMatrix({ lang: 'nb' });
      await waitUntil(() => text($(el, 'h2')) === 'Hvem gjør hva', 'nb catalogue loaded', { timeout: 5000 });
      await settle(el);
      expect(text(cellOf(el, 'r-medication', 'Lars Haugen'))).to.contain('Eier oppgaven');
      expect(flagsText(el, 'r-sleep')).to.contain('Ingen eier oppgaven');
      expect(text($(el, 'thead th'))).to.equal('Oppgave');
      expect(flagsText(el, 'r-crisis')).to.contain('Skulle vært gjennomgått 1. nov. 2026');
    });

    it('lets the host override any label', async () => {
      const el = await controlledMatrix();
      el.labels = { title: 'Who helps with what' };
      await settle(el);
      expect(text($(el, 'h2'))).to.equal('Who helps with what');
    });
  });
});
