// Words break between letters only when they cannot fit a line on their own (a 60-character
// address, a hostile name), never because a column was squeezed: "Decem|ber" or "prescription|s"
// on a normal screen is a layout fault. Checked on the sample team at phone and desktop widths.
import '../../src/define.js';
import { consentById, fjordvikRecord } from '../components/consent-toggle/support.js';
import { meetingOf } from '../components/meeting-scheduler/fixtures.js';
import { loadCatalogue } from '../../src/i18n/locale.js';
import { expect, fixture, html, settle } from '../helpers/fixture.js';

const record = fjordvikRecord();

/** Every word (letters only, 2+) in the text under `root`, through shadow roots, that is split over two lines. */
function brokenWords(root: Node): string[] {
  const broken: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\p{L}{2,}/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index!);
        range.setEnd(node, match.index! + match[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        const tops = new Set(rects.map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(`${match[0]} (in ${(node.parentElement?.localName ?? "")}.${node.parentElement?.className ?? ""})`);
      }
      return;
    }
    if (node instanceof Element) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden') return;
      if (node.classList.contains('visually-hidden')) return;
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return broken;
}

const elements = () => [
  html`<care-team-roster .team=${record.team} audience="professional" today="2026-11-20"></care-team-roster>`,
  html`<care-team-roster .team=${record.team} audience="service-user" today="2026-11-20"></care-team-roster>`,
  html`<care-consent-list .consents=${record.consents} .team=${record.team} .now=${'2026-11-20T12:00:00Z'}></care-consent-list>`,
  html`<care-consent-toggle .directive=${consentById('c-gp')} .team=${record.team} audience="professional" .now=${'2026-11-20T12:00:00Z'}></care-consent-toggle>`,
  html`<care-responsibility-matrix .team=${record.team} .responsibilities=${record.responsibilities} today="2026-11-20" view="grid"></care-responsibility-matrix>`,
  html`<care-responsibility-matrix .team=${record.team} .responsibilities=${record.responsibilities} today="2026-11-20" view="person"></care-responsibility-matrix>`,
  html`<care-meeting-scheduler .team=${record.team} .consents=${record.consents} .meeting=${meetingOf('mt-series')} today="2026-12-01"></care-meeting-scheduler>`,
  html`<care-meeting-scheduler .team=${record.team} .consents=${record.consents} .availability=${record.availability} today="2026-12-01"></care-meeting-scheduler>`,
  html`<care-date-picker value="2026-12-08" today="2026-12-01"></care-date-picker>`,
  html`<care-crisis-plan .plan=${record.crisisPlans[0]} audience="professional" .team=${record.team} .responsibilities=${record.responsibilities} .now=${"2026-12-01T12:00:00Z"}></care-crisis-plan>`,
  html`<care-crisis-plan .plan=${record.crisisPlans[0]} .team=${record.team} .responsibilities=${record.responsibilities} audience="service-user" .now=${"2026-12-01T12:00:00Z"}></care-crisis-plan>`,
];

describe('words are not broken between letters on normal data', function () {
  this.timeout(120_000);
  before(() => Promise.all((['nb', 'nn', 'sv', 'da'] as const).map((lang) => loadCatalogue(lang))));
  for (const [lang, width] of [['en', 320], ['en', 360], ['en', 768], ['en', 1280], ['nb', 320], ['nn', 360], ['sv', 320], ['da', 360]] as const) {
    it(`at ${width} px in ${lang}`, async () => {
      const found: string[] = [];
      for (const template of elements()) {
        const host = await fixture<HTMLDivElement>(html`<div lang=${lang} style=${`inline-size: ${width}px`}>${template}</div>`);
        await settle(host.firstElementChild as HTMLElement);
        const picker = host.querySelector<HTMLElement & { show(): void }>('care-date-picker');
        if (picker) {
          picker.show();
          await settle(picker);
        }
        for (const word of brokenWords(host)) found.push(`${host.firstElementChild!.localName}: ${word}`);
      }
      expect(found).to.deep.equal([]);
    });
  }
});
