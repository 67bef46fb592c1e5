// Smaller accessibility fixes, each checked the way a keyboard or screen-reader user meets it.
import '../../src/components/consent-toggle/define.js';
import type { CareConsentToggle } from '../../src/components/consent-toggle/consent-toggle.js';
import { expect, fixture, html, settle } from '../helpers/fixture.js';
import { deepActiveElement, press } from '../helpers/keys.js';
import { axFind, axTree } from '../helpers/ax-tree.js';
import { consentById, fjordvikRecord, textOf } from '../components/consent-toggle/support.js';
import { $$ as schedulerAll, click, meetingOf, renderScheduler } from '../components/meeting-scheduler/fixtures.js';
import { cellOf, controlledMatrix, focused, text } from '../components/responsibility-matrix/matrix-fixtures.js';

const team = fjordvikRecord().team;
const mountToggle = async (disabled = false) =>
  settle(
    await fixture<CareConsentToggle>(html`<care-consent-toggle
      .directive=${consentById('c-nav')}
      .team=${team}
      .actor=${{ id: 'm-ingrid', name: 'Ingrid Solberg' }}
      ?disabled=${disabled}
      lang="en"
      .now=${'2026-11-20T12:00:00Z'}
    ></care-consent-toggle>`),
  );

/** sRGB relative luminance (WCAG 2). */
const luminance = ([r, g, b]: number[]) => {
  const [R, G, B] = [r, g, b].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * R + 0.7152 * G + 0.0722 * B;
};
const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const rgb = (color: string) => color.match(/[\d.]+/g)!.map(Number);

/** The opacity a node is painted with: its own times every ancestor's, across shadow roots. */
function paintedOpacity(node: Element): number {
  let opacity = 1;
  for (let at: Node | null = node; at; at = at instanceof ShadowRoot ? at.host : at.parentNode) {
    if (at instanceof Element) opacity *= Number(getComputedStyle(at).opacity);
  }
  return opacity;
}

describe('smaller accessibility fixes', () => {
  it('the switch’s focus ring keeps at least 3:1 against the card while it saves', async () => {
    const el = await mountToggle();
    el.addEventListener('care-consent-request', (e) => e.waitUntil(new Promise<void>(() => undefined)));
    const control = el.shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')!;
    control.focus();
    await press('Space');
    await settle(el);
    expect(control.getAttribute('aria-disabled')).to.equal('true');
    expect(control.matches(':focus-visible')).to.equal(true);
    const style = getComputedStyle(control);
    const ring = rgb(style.outlineColor);
    const alpha = (ring[3] ?? 1) * paintedOpacity(control);
    const card = rgb(getComputedStyle(el.shadowRoot!.querySelector('.consent')!).backgroundColor);
    const painted = ring.slice(0, 3).map((c, i) => c * alpha + card[i] * (1 - alpha));
    expect(contrast(painted, card)).to.be.at.least(3);
  });

  it('a disabled toggle’s History button is disabled too', async () => {
    const el = await mountToggle(true);
    const history = el.shadowRoot!.querySelector<HTMLButtonElement>('.history-toggle')!;
    expect(history.disabled).to.equal(true);
    const [node] = axFind(await axTree(), 'button', /^History of changes/);
    expect(node.properties.disabled).to.equal(true);
    history.click();
    await settle(el);
    expect(el.historyOpen).to.equal(false);
  });

  it('the part list’s type-ahead follows the visible labels', async () => {
    const el = await controlledMatrix({ editable: true });
    cellOf(el, 'r-depot', 'Erik Solberg').focus();
    await press('Enter');
    await settle(el);
    await press('o');
    await settle(el);
    expect(text(focused(el))).to.contain('Owns it');
    await press('d');
    await settle(el);
    expect(text(focused(el))).to.contain('Does it');
    await press('n');
    await settle(el);
    expect(text(focused(el))).to.contain('No part');
  });

  it('"Cancel this date" opens its question with focus on the safe answer', async () => {
    const el = await renderScheduler({ meeting: meetingOf('mt-series') });
    const cancel = schedulerAll<HTMLButtonElement>(el, 'button').find((b) => textOf(b).startsWith('Cancel this date'))!;
    await click(el, cancel);
    await settle(el);
    expect(textOf(deepActiveElement())).to.equal('No, keep it');
    await press('Enter');
    await settle(el);
    expect(schedulerAll(el, '.confirm')).to.have.length(0);
  });
});
