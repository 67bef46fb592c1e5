import '../../../src/components/consent-toggle/define.js';
import type { CareConsentToggle } from '../../../src/components/consent-toggle/consent-toggle.js';
import { expect, fixture, html, settle } from '../../helpers/fixture.js';
import { press } from '../../helpers/keys.js';
import { consentById, fjordvikRecord, loadedStore, storeHost, TestSource, textOf } from './support.js';

/**
 * The pending state is in the DOM when the first animation frame after a real key press runs
 * (a frame's animation callbacks run before it is styled and painted), and the request and the
 * save start only after that frame: no timing threshold, only the order of frames and events.
 */

const actor = { id: 'm-ingrid', name: 'Ingrid Solberg' };

interface FirstFrame {
  checked: string | null;
  busy: string | null;
  status: string;
  requests: number;
  saves: number;
}

/**
 * Presses `key` on the focused switch and reads the element in the first animation frame after
 * the key event that activates it (Enter activates on keydown, Space on keyup).
 */
async function pressAndReadNextFrame(el: CareConsentToggle, key: 'Enter' | 'Space', counts: () => { requests: number; saves: number }): Promise<FirstFrame> {
  const root = el.shadowRoot!;
  const sw = root.querySelector<HTMLButtonElement>('[role="switch"]')!;
  sw.focus();
  const type = key === 'Enter' ? 'keydown' : 'keyup';
  const read = new Promise<FirstFrame>((resolve) => {
    sw.addEventListener(
      type,
      () =>
        requestAnimationFrame(() =>
          resolve({
            checked: root.querySelector('[role="switch"]')!.getAttribute('aria-checked'),
            busy: root.querySelector('[part="base"]')!.getAttribute('aria-busy'),
            status: textOf(root.querySelector('[part="status"]')),
            ...counts(),
          }),
        ),
      { once: true },
    );
  });
  await press(key);
  return read;
}

describe('care-consent-toggle: the pending state paints before the save', () => {
  let host: HTMLElement | undefined;
  afterEach(() => {
    host?.remove();
    host = undefined;
  });

  for (const key of ['Enter', 'Space'] as const) {
    it(`controlled: after ${key}, the next frame shows "Saving…" over the saved state; the request comes after it`, async () => {
      const el = await fixture<CareConsentToggle>(
        html`<care-consent-toggle lang="en" .actor=${actor} .directive=${consentById('c-nav')} .now=${'2026-11-20T12:00:00Z'}></care-consent-toggle>`,
      );
      await settle(el);
      let requests = 0;
      let changes = 0;
      el.addEventListener('care-consent-request', () => requests++);
      el.addEventListener('care-consent-change', () => changes++);
      const first = await pressAndReadNextFrame(el, key, () => ({ requests, saves: changes }));
      expect(first).to.deep.equal({ checked: 'true', busy: 'true', status: 'Saving your choice: No\u2026', requests: 0, saves: 0 });
      await settle(el);
      expect([requests, changes]).to.deep.equal([1, 1]);
      const sw = el.shadowRoot!.querySelector('[role="switch"]')!;
      expect(sw.getAttribute('aria-checked')).to.equal('false');
      expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('false');
    });
  }

  it('"Saving…" is written in a face the toggle already shows, so its frame loads no new font', async () => {
    const el = await fixture<CareConsentToggle>(
      html`<care-consent-toggle lang="en" .actor=${actor} .directive=${consentById('c-nav')} .now=${'2026-11-20T12:00:00Z'}></care-consent-toggle>`,
    );
    await settle(el);
    const root = el.shadowRoot!;
    const faceOf = (element: Element) => {
      const style = getComputedStyle(element);
      return `${style.fontStyle} ${style.fontWeight}`;
    };
    // Every face drawn before the decision: elements with text of their own that are laid out.
    const shown = new Set(
      [...root.querySelectorAll('*')]
        .filter((element) => element.getClientRects().length > 0 && [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== ''))
        .map(faceOf),
    );
    root.querySelector<HTMLButtonElement>('[role="switch"]')!.click();
    const status = await new Promise<{ text: string; face: string }>((resolve) =>
      requestAnimationFrame(() => {
        const element = root.querySelector('[part="status"]')!;
        resolve({ text: textOf(element), face: faceOf(element) });
      }),
    );
    expect(status.text).to.match(/^Saving/);
    expect([...shown], `"${status.text}" in ${status.face}`).to.include(status.face);
    await settle(el);
  });

  it('connected: the store is asked to save only after the frame with the pending state', async () => {
    const source = new TestSource({ record: fjordvikRecord() });
    const store = await loadedStore(source);
    host = storeHost(store);
    const el = document.createElement('care-consent-toggle') as CareConsentToggle;
    el.lang = 'en';
    el.directiveId = 'c-nav';
    el.now = '2026-11-20T12:00:00Z';
    host.append(el);
    await settle(el);
    let requests = 0;
    el.addEventListener('care-consent-request', () => requests++);
    const first = await pressAndReadNextFrame(el, 'Enter', () => ({ requests, saves: source.saves.length }));
    expect(first.busy).to.equal('true');
    expect(first.checked, 'the saved state stays on screen').to.equal('true');
    expect(first.status).to.match(/^Saving/);
    expect([first.requests, first.saves]).to.deep.equal([0, 0]);
    await settle(el);
    expect([requests, source.saves.length]).to.deep.equal([1, 1]);
    expect(el.shadowRoot!.querySelector('[role="switch"]')!.getAttribute('aria-checked')).to.equal('false');
  });
});
