import { schedulerParts } from '../../../src/components/meeting-scheduler/parts.js';
import { loadCatalogue } from '../../../src/i18n/locale.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, settle } from '../../helpers/fixture.js';
import { deepActiveElement } from '../../helpers/keys.js';
import { $, button, meetingOf, renderScheduler, shadow, textOf } from './fixtures.js';

const realParts = { ...schedulerParts };
const offline = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
const announcer = (el: Element) => textOf($(el, '[part="announcer"]'));
const alertText = (el: Element) => textOf(shadow(el).querySelector('[role="alert"]'));

describe('<care-meeting-scheduler> when a part that loads on first use does not arrive', () => {
  let warn: typeof console.warn;
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => {};
  });
  afterEach(() => {
    Object.assign(schedulerParts, realParts);
    console.warn = warn;
  });

  it('says "Opening the form…" politely while the form arrives, then opens it with focus in its first field', async () => {
    let arrive!: () => void;
    schedulerParts.planning = () => new Promise((resolve) => (arrive = () => resolve(realParts.planning()))) as ReturnType<typeof realParts.planning>;
    const el = await renderScheduler({ meeting: meetingOf('mt-series') });
    const change = button(el, 'Change');
    change.focus();
    change.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(announcer(el)).to.equal('Opening the form…');
    expect(change.getAttribute('aria-disabled'), 'Change waits while the form arrives').to.equal('true');
    expect(deepActiveElement(), 'focus stays on Change meanwhile').to.equal(change);
    arrive();
    await settle(el);
    expect(textOf($(el, '#title'))).to.equal('Change the meeting');
    expect((deepActiveElement() as HTMLElement).id).to.equal('title-input');
    expect(announcer(el)).to.equal('');
  });

  it('shows why with Try again when the form does not arrive, and opens it when Try again works', async () => {
    schedulerParts.planning = offline;
    const el = await renderScheduler({ meeting: meetingOf('mt-series') });
    button(el, 'Change').click();
    await settle(el);
    expect(alertText(el)).to.equal('Error: The form could not be opened. Check your connection and try again.');
    const retry = button(el, 'Try again');
    expect(deepActiveElement(), 'focus goes to Try again').to.equal(retry);
    expect(textOf($(el, '#title')), 'the booked meeting stays').to.equal('Responsibility-group meeting');
    await expectAxeClean(el);
    schedulerParts.planning = realParts.planning;
    retry.click();
    await settle(el);
    expect(textOf($(el, '#title'))).to.equal('Change the meeting');
    expect((deepActiveElement() as HTMLElement).id).to.equal('title-input');
    expect(alertText(el)).to.equal('');
  });

  it('shows why with Try again when a new meeting’s form does not arrive', async () => {
    schedulerParts.planning = offline;
    await loadCatalogue('nb');
    const el = await renderScheduler({ lang: 'nb' });
    expect(alertText(el)).to.equal('Feil: Skjemaet kunne ikke åpnes. Sjekk tilkoblingen og prøv igjen.');
    schedulerParts.planning = realParts.planning;
    button(el, 'Prøv igjen').click();
    await settle(el);
    expect(Boolean(shadow(el).querySelector('[part="form"]'))).to.equal(true);
    expect(alertText(el)).to.equal('');
  });

  it('shows why with Try again when the calendar file cannot be made, and downloads it when Try again works', async () => {
    schedulerParts.ics = offline;
    const el = await renderScheduler({ meeting: meetingOf('mt-series') });
    const link = $<HTMLAnchorElement>(el, '[part="download"]');
    link.click();
    await settle(el);
    expect(alertText(el)).to.equal('Error: The calendar file could not be made. Check your connection and try again.');
    expect(deepActiveElement()).to.equal(button(el, 'Try again'));
    schedulerParts.ics = realParts.ics;
    const clicked: HTMLAnchorElement[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      button(el, 'Try again').click();
      await settle(el);
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(clicked.map((a) => a.download)).to.deep.equal(['responsibility-group-meeting-2026-12-08.ics']);
    expect(alertText(el)).to.equal('');
    expect(deepActiveElement(), 'focus goes back to the link').to.equal(link);
  });
});
