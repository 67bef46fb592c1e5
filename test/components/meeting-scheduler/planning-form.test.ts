import { expectAxeClean } from '../../helpers/a11y.js';
import { expect } from '../../helpers/fixture.js';
import { deepActiveElement } from '../../helpers/keys.js';
import { $, $$, button, check, click, controlLabelled, fill, picker, renderScheduler, shadow, textOf, describeNode, invite } from './fixtures.js';

describe('<care-meeting-scheduler> planning form', () => {
  it('lines up fields side by side, and makes inputs, selects and buttons one height', async () => {
    for (const audience of ['professional', 'service-user'] as const) {
      const el = await renderScheduler({ audience });
      const duration = $(el, '#duration')!;
      const zone = $(el, '#zone')!;
      expect($(el, '#zone-hint'), 'the time zone has a hint under it').to.not.equal(null);
      // The hint under the time zone does not push the duration down.
      expect(Math.abs(duration.getBoundingClientRect().top - zone.getBoundingClientRect().top), audience).to.be.below(1);
      const height = (node: Element) => node.getBoundingClientRect().height;
      const buttonHeight = height($(el, '.date-row button, .find-button')!);
      const controls = $$(el, 'input[type="text"], input[type="date"], select');
      expect(controls.length).to.be.greaterThan(2);
      for (const control of controls) expect(Math.abs(height(control) - buttonHeight), `${audience} ${control.id}`).to.be.below(1.5);
    }
  });

  it('starts with the service user and the coordinator invited and an agenda from the templates', async () => {
    const el = await renderScheduler();
    expect(textOf($(el, '#title'))).to.equal('Plan a meeting');
    expect(controlLabelled(el, 'Ingrid Solberg').checked).to.equal(true);
    expect(controlLabelled(el, 'Kari Nilsen').checked).to.equal(true);
    expect(controlLabelled(el, 'Lars Haugen').checked).to.equal(false);
    expect($<HTMLSelectElement>(el, 'select[aria-label^="Ingrid Solberg"]').value).to.equal('required');
    // Tor has left the team and cannot be invited.
    expect($$(el, '.person').map((p) => textOf(p.querySelector('.name')))).not.to.include('Tor Eide');
    expect($<HTMLInputElement>(el, '#title-input').value).to.equal('Responsibility-group meeting');
    const items = $$<HTMLInputElement>(el, '.agenda-item input[type="text"]').map((i) => i.value);
    expect(items).to.deep.equal(['News since last time', 'Who does what', 'Go through routines', 'Did everyone understand the plan?']);
    expect(textOf($(el, '.agenda-total'))).to.equal('The agenda takes 80 of 90 minutes.');
    await expectAxeClean(el);
  });

  it('follows the kind in the title until the user writes their own', async () => {
    const el = await renderScheduler();
    await fill(el, '#kind', 'network');
    expect($<HTMLInputElement>(el, '#title-input').value).to.equal('Network meeting');
    await fill(el, '#title-input', 'Planning for spring');
    await fill(el, '#kind', 'coordination');
    expect($<HTMLInputElement>(el, '#title-input').value).to.equal('Planning for spring');
  });

  it('shows location and video fields for the chosen mode, as a radio group', async () => {
    const el = await renderScheduler();
    const radios = $$<HTMLInputElement>(el, 'input[name="mode"]');
    expect(radios.map((r) => textOf(shadow(el).querySelector(`label[for="${r.id}"]`)))).to.deep.equal(['In person', 'Video', 'In person and video']);
    expect(radios[2].checked).to.equal(true);
    expect(Boolean(shadow(el).querySelector('#location-name') && shadow(el).querySelector('#video-link'))).to.equal(true);
    await check(el, radios[1]);
    expect(Boolean(shadow(el).querySelector('#location-name'))).to.equal(false);
    expect(Boolean(shadow(el).querySelector('#video-link'))).to.equal(true);
    expect(textOf($(el, '#zone-hint'))).to.contain('team’s clock');
    await check(el, radios[0]);
    expect(Boolean(shadow(el).querySelector('#video-link'))).to.equal(false);
    expect(Boolean(shadow(el).querySelector('#location-name'))).to.equal(true);
    expect(textOf($(el, '#zone-hint'))).to.contain('where the meeting takes place');
  });

  it('shows every problem with a hidden "Error:" prefix, linked to its field, and moves focus to the summary', async () => {
    const el = await renderScheduler();
    await fill(el, '#title-input', '   ');
    await check(el, controlLabelled(el, 'Ingrid Solberg'), false);
    await check(el, controlLabelled(el, 'Kari Nilsen'), false);
    await fill(el, '#date-input', '31.02.2027');
    await click(el, button(el, 'Book the meeting'));
    const summary = $(el, '.error-summary');
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(describeNode(deepActiveElement())).to.equal(describeNode(summary));
    expect(textOf(summary.querySelector('strong'))).to.equal('There are 6 problems');
    const title = $<HTMLInputElement>(el, '#title-input');
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    const error = shadow(el).getElementById(title.getAttribute('aria-describedby')!)!;
    expect(textOf(error)).to.equal('Error: Write a title for the meeting');
    expect(textOf(error.querySelector('.visually-hidden'))).to.equal('Error:');
    expect(textOf(shadow(el).getElementById('date-error'))).to.equal('Error: Write the date as day, month and year, for example 08.12.2026');
    expect(textOf(shadow(el).getElementById('participants-error'))).to.equal('Error: Choose at least one person who must come');
    expect($(el, '#location-name').getAttribute('aria-describedby')).to.equal('locationName-error');
    expect($(el, '#video-link').getAttribute('aria-describedby')).to.equal('video-hint videoLink-error');
    // A summary entry takes the person to the field.
    await click(el, $$<HTMLButtonElement>(el, '.error-summary button')[0]);
    expect(describeNode(deepActiveElement())).to.equal(describeNode(title));
    await expectAxeClean(el);
  });

  it('refuses a video link that is not https', async () => {
    const el = await renderScheduler();
    await fill(el, '#video-link', 'javascript:alert(1)');
    await click(el, button(el, 'Book the meeting'));
    expect(textOf(shadow(el).getElementById('videoLink-error'))).to.equal('Error: The video link must start with https://');
  });

  it('accepts a typed date in the local format and lists that day\u2019s free times', async () => {
    const el = await renderScheduler();
    await fill(el, '#date-input', '8.12.2026');
    expect(picker(el).value).to.equal('2026-12-08');
    // The chosen day's free times are listed without pressing "Find times".
    expect(textOf($(el, '.day-slots legend'))).to.equal('Free times on Tuesday 8 Dec 2026');
    expect(picker(el).marked).to.include('2026-12-09');
  });

  it('warns about missing consent, busy required people and working hours as the plan changes', async () => {
    const el = await renderScheduler();
    expect(Boolean(shadow(el).querySelector('[part="warnings"]'))).to.equal(false);
    await invite(el, 'Ola Berg');
    await invite(el, 'Erik Solberg', 'optional');
    await invite(el, 'Lars Haugen');
    const warnings = () => $$(el, '[part="warnings"] li').map(textOf);
    expect(warnings()).to.deep.equal([
      'Warning: Ola Berg works for Fjordvik Home Nursing. There is no consent in force to share information with them.',
      'Warning: There is no consent in force to share information with Erik Solberg.',
    ]);
    await invite(el, 'Amina Rahimi');
    await fill(el, '#date-input', '07/12/2026');
    await fill(el, '#time', '09:30');
    expect(warnings()).to.include('Warning: Kari Nilsen must come but is busy: 7 Dec 2026 09:30.');
    await fill(el, '#date-input', '08/12/2026');
    expect(warnings()).to.include('Warning: This is outside Amina Rahimi’s working hours: 8 Dec 2026 09:30.');
    expect(warnings().some((w) => w.includes('Kari Nilsen must come'))).to.equal(false);
    // The hidden region names what the count is about, not a bare "3 warnings".
    expect(textOf($$(el, '[role="status"]').find((s) => textOf(s).endsWith('warnings')))).to.equal('Check before you book: 3 warnings');
    await expectAxeClean(el);
  });

  it('checks the whole series for clashes', async () => {
    const el = await renderScheduler();
    // Monday 30 November … every week: the second Monday (7 December) clashes with Kari's 09:00–10:30.
    await fill(el, '#date-input', '30/11/2026');
    await fill(el, '#time', '10:00');
    await check(el, $<HTMLInputElement>(el, '#repeat-weekly'));
    await fill(el, '#interval', '1');
    await fill(el, '#count', '3');
    expect($$(el, '[part="warnings"] li').map(textOf)).to.deep.equal(['Warning: Kari Nilsen must come but is busy: 7 Dec 2026 10:00.']);
  });

  it('lets each agenda item have its own people, order and length, with buttons instead of dragging', async () => {
    const el = await renderScheduler();
    await invite(el, 'Lars Haugen');
    const item = (n: number) => $$(el, '.agenda-item')[n];
    expect([...item(0).querySelectorAll('.attendees label')].map(textOf)).to.deep.equal(['Ingrid Solberg', 'Kari Nilsen', 'Lars Haugen']);
    await check(el, item(0).querySelectorAll<HTMLInputElement>('.attendees input')[2], false);
    await click(el, item(0).querySelector<HTMLButtonElement>('button[aria-label="Move “News since last time” down"]')!);
    expect($$<HTMLInputElement>(el, '.agenda-item input[type="text"]')[1].value).to.equal('News since last time');
    expect(deepActiveElement()?.getAttribute('aria-label')).to.match(/News since last time/);
    await fill(el, '#add-template', '');
    await click(el, button(el, 'Add item'));
    expect($$(el, '.agenda-item')).to.have.length(5);
    const added = deepActiveElement() as HTMLInputElement;
    expect(added.value).to.equal('');
    expect(textOf($(el, '.agenda-total'))).to.equal('The agenda takes 95 of 90 minutes.');
    await click(el, button(el, 'Book the meeting'));
    expect(textOf(shadow(el).getElementById('agenda-error'))).to.equal('Error: Every agenda item needs a title');
    await click(el, item(4).querySelector<HTMLButtonElement>('button[aria-label="Remove “Item 5”"]')!);
    await fill(el, `#${item(0).querySelector('select')!.id}`, '45');
    await click(el, button(el, 'Book the meeting'));
    expect(textOf(shadow(el).getElementById('agenda-error'))).to.contain('The agenda is longer than the meeting');
  });

});
