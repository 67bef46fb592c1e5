// The standalone bundle (dist/elements/meeting-scheduler.min.js, from `npm run build`) shows a
// booked meeting without fetching the planning form or the .ics maker; each arrives when needed.
import { expect, fixture, html, settle } from '../../helpers/fixture.js';
import { deepActiveElement } from '../../helpers/keys.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';

const bundle = '/dist/elements/meeting-scheduler.min.js';
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Chunk files the page has fetched so far. */
const fetchedChunks = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes('/dist/elements/chunks/'))
    .map((name) => name.slice(name.lastIndexOf('/') + 1));

const fetched = (part: string) => fetchedChunks().some((name) => name.startsWith(`${part}-`));

describe('standalone scheduler bundle: parts load on first use', () => {
  before(async () => {
    const found = await fetch(bundle, { method: 'HEAD' });
    expect(found.ok, `${bundle} is missing: run npm run build first`).to.equal(true);
    await import(/* @vite-ignore */ bundle);
  });

  it('shows a booked meeting and lets the person answer without the planning form, the date picker or the .ics maker', async () => {
    const data = structuredClone(fjordvik);
    const meeting = data.meetings!.find((m) => m.id === 'mt-series');
    const el = await fixture(
      html`<care-meeting-scheduler lang="en" today="2026-12-01" me="m-ingrid" audience="service-user" .team=${data.team} .availability=${data.availability} .consents=${data.consents} .meeting=${meeting}></care-meeting-scheduler>`,
    );
    await settle(el);
    const root = el.shadowRoot!;
    expect(text(root.querySelector('#title'))).to.equal('Responsibility-group meeting');
    const answer = [...root.querySelectorAll('button')].find((b) => text(b) === 'Yes, I will come')!;
    el.addEventListener('care-meeting-request', (event) => event.preventDefault(), { once: true });
    answer.click();
    await settle(el);
    expect(fetched('planning-part'), `fetched: ${fetchedChunks().join(', ')}`).to.equal(false);
    expect(fetched('ics-download')).to.equal(false);
    expect(customElements.get('care-date-picker'), 'the date picker comes with the form').to.equal(undefined);
  });

  it('fetches the planning form when Change is pressed, and puts focus in its first field', async () => {
    const data = structuredClone(fjordvik);
    const meeting = data.meetings!.find((m) => m.id === 'mt-series');
    const el = await fixture(
      html`<care-meeting-scheduler lang="en" today="2026-12-01" me="m-kari" .team=${data.team} .availability=${data.availability} .consents=${data.consents} .meeting=${meeting}></care-meeting-scheduler>`,
    );
    await settle(el);
    const root = el.shadowRoot!;
    expect(fetched('planning-part')).to.equal(false);
    const change = [...root.querySelectorAll('button')].find((b) => text(b) === 'Change')!;
    change.focus();
    change.click();
    await settle(el);
    expect(fetched('planning-part')).to.equal(true);
    expect(text(root.querySelector('#title'))).to.equal('Change the meeting');
    expect((deepActiveElement() as HTMLInputElement | null)?.id).to.equal('title-input');
    expect(customElements.get('care-date-picker'), 'the form brings the date picker').not.to.equal(undefined);
    expect(fetched('ics-download')).to.equal(false);
  });

  it('fetches the .ics maker when the calendar link is pressed, and downloads the file', async () => {
    const data = structuredClone(fjordvik);
    const meeting = data.meetings!.find((m) => m.id === 'mt-gp');
    const el = await fixture(
      html`<care-meeting-scheduler lang="en" today="2026-12-01" .team=${data.team} .availability=${data.availability} .consents=${data.consents} .meeting=${meeting}></care-meeting-scheduler>`,
    );
    await settle(el);
    expect(fetched('ics-download')).to.equal(false);
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="download"]')!;
    const clicked: HTMLAnchorElement[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      original.call(link);
      await settle(el);
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(fetched('ics-download')).to.equal(true);
    expect(clicked).to.have.length(1);
    expect(clicked[0].download).to.match(/\.ics$/);
    expect(await (await fetch(clicked[0].href)).text()).to.contain('BEGIN:VCALENDAR');
    expect(link.href.startsWith('blob:'), 'the link carries the file from now on').to.equal(true);
  });
});
