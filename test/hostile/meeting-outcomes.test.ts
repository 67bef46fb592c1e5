import * as v from 'valibot';
// Hostile data against <care-meeting-outcomes>: markup and script in every free-text field it
// shows stay text and never run, for every reader; broken and oversized data shows the error state
// with the path, never a half-drawn outcome.
import '../../src/components/meeting-outcomes/define.js';
import type { CareMeetingOutcomes } from '../../src/components/meeting-outcomes/meeting-outcomes.js';
import { CareRecord } from '../../src/contract/record.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { expect, fixture, fixtureCleanup, html, settle } from '../helpers/fixture.js';
import { describeCorpus } from './harness.js';

// The shared corpus (corpus.ts) at 320 px, as every element gets it; the cases below are this element's own.
describeCorpus('outcomes');

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload="window.__pwned=1"></svg>',
  `' onmouseover='window.__pwned=1' data-x='`,
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '${window.__pwned=1} {{constructor.constructor("window.__pwned=1")()}}',
  '<!--?lit$123456789$-->lit$123456789$',
  '&lt;b&gt;bold&lt;/b&gt; &amp; &#x3C;script&#x3E;',
];
const READERS = {
  coordinator: { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' },
  person: { id: 'm-ingrid', name: 'Ingrid Solberg' },
  nav: { id: 'm-sofie', name: 'Sofie Lund', organisationId: 'org-nav' },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** Puts `text` in every free-text field the element shows. */
const inject = (r: Loose, text: string) => {
  const outcome = r.meetingOutcomes[0];
  for (const part of outcome.parts) {
    part.notes = text;
    part.title = text;
    for (const d of part.decisions ?? []) d.text = text;
    for (const a of part.actions ?? []) a.text = text;
  }
  for (const c of outcome.confirmations) c.name = text;
  for (const q of outcome.questions) {
    q.name = text;
    q.text = text;
    q.answer = text;
    q.answeredBy.name = text;
  }
  const october = r.meetings.find((m: Loose) => m.id === 'mt-october');
  october.title = text;
  for (const item of october.agenda) item.title = text;
  for (const m of r.team.members) if (m.id !== 'm-ingrid') m.name = `${text} ${m.id}`.slice(0, 300);
  for (const o of r.team.organisations) o.name = text;
  for (const resp of r.responsibilities) resp.title = text;
};

const mount = async (r: Loose, reader: object) => {
  const record = v.parse(CareRecord, { ...r, meetingOutcomes: [] });
  const meeting = record.meetings.find((m) => m.id === 'mt-october');
  return settle(
    await fixture<CareMeetingOutcomes>(html`<care-meeting-outcomes
      lang="en"
      audience="professional"
      .now=${'2026-11-20T12:00:00Z'}
      .meeting=${meeting}
      .outcome=${r.meetingOutcomes[0]}
      .team=${record.team}
      .consents=${record.consents}
      .responsibilities=${record.responsibilities}
      .actor=${reader}
    ></care-meeting-outcomes>`),
  );
};

/** Every element in the shadow root that data could have created. */
const injected = (el: Element) => el.shadowRoot!.querySelectorAll('img, script, svg, iframe, style, b, a[href^="javascript"]');

afterEach(() => fixtureCleanup());

describe('<care-meeting-outcomes> with hostile data', () => {
  for (const text of HOSTILE) {
    for (const [who, reader] of Object.entries(READERS)) {
      it(`keeps ${JSON.stringify(text.slice(0, 24))} as text for ${who}`, async () => {
        const r = structuredClone(fjordvik) as Loose;
        inject(r, text);
        const el = await mount(r, reader);
        expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
        expect(injected(el).length).to.equal(0);
        const shown = el.shadowRoot!.textContent ?? '';
        expect(shown).to.contain(text.trim().slice(0, 20));
        expect(el.shadowRoot!.querySelector('[part~="data-error"], .state.error')).to.equal(null);
      });
    }
  }

  it('opens the form with hostile text in every field without running it', async () => {
    const r = structuredClone(fjordvik) as Loose;
    inject(r, HOSTILE[0]);
    const el = await mount(r, READERS.coordinator);
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Change what we agreed')!.click();
    await settle(el);
    expect(el.shadowRoot!.querySelectorAll('textarea')[0].value).to.equal(HOSTILE[0]);
    expect(injected(el).length).to.equal(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  const broken: Array<[string, (o: Loose) => void, RegExp]> = [
    ['100 KB of notes', (o) => (o.parts[0].notes = 'x'.repeat(100_000)), /parts\[0\]\.notes/],
    ['a task without an owner', (o) => delete o.parts[0].actions[0].ownerId, /parts\[0\]\.actions\[0\]\.ownerId/],
    ['a due date in the wrong form', (o) => (o.parts[0].actions[0].due = '1.12.2026'), /due/],
    ['parts that are not a list', (o) => (o.parts = 'all of it'), /parts/],
    ['a confirmation time that is no instant', (o) => (o.confirmations[0].at = 'yesterday'), /confirmations\[0\]\.at/],
    ['a prototype-polluting key', (o) => (o.parts[0] = JSON.parse('{"__proto__":{"polluted":1},"id":"op-1"}')), /./],
  ];
  for (const [about, change, path] of broken) {
    it(`shows the error state for ${about}, with the path`, async () => {
      const r = structuredClone(fjordvik) as Loose;
      change(r.meetingOutcomes[0]);
      const issues: string[] = [];
      const listener = (e: Event) => issues.push(...(e as CustomEvent).detail.issues.map((i: { path: string }) => i.path));
      document.addEventListener('care-data-error', listener);
      try {
        const el = await mount(r, READERS.coordinator);
        const text = el.shadowRoot!.textContent ?? '';
        if (about === 'a prototype-polluting key') {
          expect(({} as { polluted?: number }).polluted).to.equal(undefined);
          return;
        }
        expect(text).to.contain('This information cannot be shown');
        expect(issues.some((p) => path.test(p)), `paths: ${issues.join(', ')}`).to.equal(true);
      } finally {
        document.removeEventListener('care-data-error', listener);
      }
    });
  }
});
