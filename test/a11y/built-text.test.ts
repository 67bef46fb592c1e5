// The built bundle (dist/, from `node scripts/build.mjs`) minifies Lit templates: a space at the
// start of a template is dropped there, so "Kari Nilsen (you)" must not rely on one.
import { expect, fixture, html, settle } from '../helpers/fixture.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';

const bundle = '/dist/care-elements.min.js';
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('built bundle: words keep their spaces', () => {
  before(async () => {
    const found = await fetch(bundle, { method: 'HEAD' });
    expect(found.ok, `${bundle} is missing: run node scripts/build.mjs first`).to.equal(true);
    await import(/* @vite-ignore */ bundle);
  });

  it('the matrix column of the person using it reads "Kari Nilsen (you)"', async () => {
    const data = structuredClone(fjordvik);
    const el = await fixture(html`<care-responsibility-matrix lang="en" today="2026-11-20" me="m-kari" .team=${data.team} .responsibilities=${data.responsibilities}></care-responsibility-matrix>`);
    await settle(el);
    const names = [...el.shadowRoot!.querySelectorAll('.member-name')].map(text);
    expect(names).to.include('Kari Nilsen (you)');
  });

  it('the scheduler’s participant list reads "Kari Nilsen (you)"', async () => {
    const data = structuredClone(fjordvik);
    const meeting = data.meetings!.find((m) => m.id === 'mt-series');
    const el = await fixture(html`<care-meeting-scheduler lang="en" today="2026-12-01" me="m-kari" audience="professional" .team=${data.team} .availability=${data.availability} .consents=${data.consents} .meeting=${meeting}></care-meeting-scheduler>`);
    await settle(el);
    const names = [...el.shadowRoot!.querySelectorAll('.people-list .name')].map(text);
    expect(names).to.include('Kari Nilsen (you)');
  });
});
