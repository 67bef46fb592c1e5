// Forced colours (Windows High Contrast): the page's colours are replaced by a few system colours,
// so anything told apart by colour alone looks the same. Checked through computed styles under
// Chromium's forced-colors emulation (pixel baselines were not stable enough on this machine).
import { emulateMedia } from '@web/test-runner-commands';
import { expect, settle } from '../helpers/fixture.js';
import { $ as schedulerOne, button, click, fill, renderScheduler } from '../components/meeting-scheduler/fixtures.js';
import { $, $$, controlledMatrix } from '../components/responsibility-matrix/matrix-fixtures.js';
import '../../src/components/consent-toggle/define.js';
import type { CareConsentToggle } from '../../src/components/consent-toggle/consent-toggle.js';
import { consentById, fjordvikRecord } from '../components/consent-toggle/support.js';
import { fixture, html } from '../helpers/fixture.js';
import { press } from '../helpers/keys.js';

/** What is left to tell two nodes apart once colours are forced: shape, weight, style, borders. */
function lookWithoutColour(node: Element): string {
  const style = getComputedStyle(node);
  const before = getComputedStyle(node, '::before').content;
  return JSON.stringify({
    weight: style.fontWeight,
    fontStyle: style.fontStyle,
    decoration: style.textDecorationLine,
    borderStart: `${style.borderInlineStartWidth} ${style.borderInlineStartStyle}`,
    borderBottom: `${style.borderBottomWidth} ${style.borderBottomStyle}`,
    outline: `${style.outlineWidth} ${style.outlineStyle}`,
    before: before === 'none' || before === 'normal' ? '' : before,
  });
}

describe('forced colours: inline errors do not look like labels', () => {
  before(() => emulateMedia({ forcedColors: 'active' }));
  after(() => emulateMedia({ forcedColors: 'none' }));

  it('is really emulated', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });

  it('scheduler: the error under a field differs from the field’s label by more than colour', async () => {
    const el = await renderScheduler();
    await fill(el, '#title-input', '   ');
    await click(el, button(el, 'Book the meeting'));
    await settle(el);
    const error = schedulerOne(el, '#title-error');
    const label = schedulerOne(el, 'label[for="title-input"]');
    expect(lookWithoutColour(error)).to.not.equal(lookWithoutColour(label));
    expect(getComputedStyle(error).borderInlineStartStyle).to.equal('solid');
    expect(parseFloat(getComputedStyle(error).borderInlineStartWidth)).to.be.at.least(2);
  });

  it('matrix: the error in the new-responsibility form differs from its labels by more than colour', async () => {
    const el = await controlledMatrix({ editable: true });
    $$<HTMLButtonElement>(el, '.toolbar button').find((b) => b.textContent!.trim() === 'Add a responsibility')!.click();
    await settle(el);
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    dialog.querySelector('form')!.requestSubmit();
    await settle(el);
    const error = dialog.querySelector('.field-error')!;
    const label = dialog.querySelector('label')!;
    expect(lookWithoutColour(error)).to.not.equal(lookWithoutColour(label));
    expect(getComputedStyle(error).borderInlineStartStyle).to.equal('solid');
  });
});

const toggle = async (id: string, disabled = false) =>
  settle(
    await fixture<CareConsentToggle>(html`<care-consent-toggle
      .directive=${consentById(id)}
      .team=${fjordvikRecord().team}
      ?disabled=${disabled}
      lang="en"
      .now=${'2026-11-20T12:00:00Z'}
    ></care-consent-toggle>`),
  );
const switchIn = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[role="switch"]')!;
const track = (el: Element) => getComputedStyle(el.shadowRoot!.querySelector('.track')!);

describe('forced colours: the consent switch at rest, focused, checked and disabled', () => {
  before(() => emulateMedia({ forcedColors: 'active' }));
  after(() => emulateMedia({ forcedColors: 'none' }));

  it('on and off differ in the track, not only in the thumb’s place', async () => {
    const on = await toggle('c-nav');
    const off = await toggle('c-erik');
    expect(switchIn(on).getAttribute('aria-checked')).to.not.equal(switchIn(off).getAttribute('aria-checked'));
    expect(`${track(on).borderColor} ${track(on).backgroundColor}`).to.not.equal(`${track(off).borderColor} ${track(off).backgroundColor}`);
  });

  it('focus shows a solid ring in the system highlight colour', async () => {
    const el = await toggle('c-nav');
    switchIn(el).focus();
    await press('Shift');
    const style = getComputedStyle(switchIn(el));
    expect(switchIn(el).matches(':focus-visible')).to.equal(true);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });

  it('disabled is drawn in GrayText, not only at lower opacity', async () => {
    const enabled = await toggle('c-nav');
    const disabled = await toggle('c-nav', true);
    expect(getComputedStyle(switchIn(disabled)).color).to.not.equal(getComputedStyle(switchIn(enabled)).color);
  });
});
