// Parts of nested elements are reachable from the page: a vendor styles the consent list's
// toggles and the scheduler's date picker with ::part() on the outer element, without forking.
import '../../src/components/consent-list/define.js';
import '../../src/components/meeting-scheduler/define.js';
import type { CareDatePicker } from '../../src/components/date-picker/date-picker.js';
import { expect, fixture, html, settle } from '../helpers/fixture.js';
import { fjordvikRecord } from '../components/consent-toggle/support.js';
import { renderScheduler } from '../components/meeting-scheduler/fixtures.js';

let sheet: HTMLStyleElement | undefined;
const pageStyle = (text: string) => {
  sheet = document.createElement('style');
  sheet.textContent = text;
  document.head.append(sheet);
};

describe('Parts of nested elements', () => {
  afterEach(() => sheet?.remove());

  it("the consent list exports each toggle's parts with a toggle- prefix", async () => {
    pageStyle(`
      care-consent-list::part(toggle) { background-color: rgb(1, 2, 3); }
      care-consent-list::part(toggle-heading) { color: rgb(4, 5, 6); }
      care-consent-list::part(toggle-details) { border-top-color: rgb(7, 8, 9); }
    `);
    const record = fjordvikRecord();
    const list = await fixture(html`<care-consent-list .consents=${record.consents} .team=${record.team} lang="en"></care-consent-list>`);
    await settle(list);
    const toggles = [...list.shadowRoot!.querySelectorAll('care-consent-toggle')];
    expect(toggles.length).to.be.greaterThan(2);
    for (const toggle of toggles) {
      await settle(toggle as HTMLElement);
      const root = toggle.shadowRoot!;
      expect(getComputedStyle(root.querySelector('[part~="base"]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(root.querySelector('[part~="heading"]')!).color).to.equal('rgb(4, 5, 6)');
    }
  });

  it("the scheduler exports the date picker's button, dialog, heading and days", async () => {
    pageStyle(`
      care-meeting-scheduler::part(date-picker-button) { background-color: rgb(10, 20, 30); }
      care-meeting-scheduler::part(date-picker-heading) { color: rgb(40, 50, 60); }
      care-meeting-scheduler::part(day-today) { outline-color: rgb(70, 80, 90); }
    `);
    const el = await renderScheduler();
    const picker = el.shadowRoot!.querySelector<CareDatePicker>('care-date-picker')!;
    await settle(picker);
    picker.show();
    await settle(picker);
    const root = picker.shadowRoot!;
    expect(getComputedStyle(root.querySelector('[part~="button"]')!).backgroundColor).to.equal('rgb(10, 20, 30)');
    expect(getComputedStyle(root.querySelector('[part~="heading"]')!).color).to.equal('rgb(40, 50, 60)');
    expect(getComputedStyle(root.querySelector('[part~="day-today"]')!).outlineColor).to.equal('rgb(70, 80, 90)');
  });
});
