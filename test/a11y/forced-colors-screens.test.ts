// Forced colours, seen as pixels: every element is photographed under Chromium's forced-colors
// emulation at rest and in its focus, checked, disabled and error states. Each state must look
// different from rest, focus must draw a ring in the system highlight colour, nothing may paint in
// a colour the system did not give, and the system colours each state shows are compared with the
// baseline recorded below.
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/components/consent-toggle/define.js';
import '../../src/components/consent-list/define.js';
import '../../src/components/team-roster/define.js';
import '../../src/components/responsibility-matrix/define.js';
import '../../src/components/meeting-scheduler/define.js';
import '../../src/components/crisis-plan/define.js';
import type { CareConsentToggle } from '../../src/components/consent-toggle/consent-toggle.js';
import type { CareConsentList } from '../../src/components/consent-list/consent-list.js';
import type { CareDatePicker } from '../../src/components/date-picker/date-picker.js';
import { consentById, fjordvikRecord } from '../components/consent-toggle/support.js';
import { renderRoster } from '../components/team-roster/fixtures.js';
import { controlledMatrix } from '../components/responsibility-matrix/matrix-fixtures.js';
import { $ as schedulerOne, button, click, fill, renderScheduler } from '../components/meeting-scheduler/fixtures.js';
import { expect, fixture, html, settle } from '../helpers/fixture.js';
import { press } from '../helpers/keys.js';
import { changedTo, foreignShare, paintedSystemColours, pixelsChanged, shoot, systemShares, type Shot } from '../helpers/screenshot.js';

type State = 'rest' | 'focus' | 'checked' | 'unchecked' | 'disabled' | 'error';
type Shots = Partial<Record<State, Shot>>;

const record = fjordvikRecord();
const actor = { id: 'm-ingrid', name: 'Ingrid Solberg' };
const inShadow = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

/** Focus through the keyboard pipeline, so :focus-visible applies as it does for a keyboard user. */
async function keyboardFocus(el: Element, node: HTMLElement): Promise<void> {
  node.focus();
  await press('Shift');
  await settle(el);
}

const toggleOf = (id: string, disabled = false, directive: unknown = consentById(id)) =>
  fixture<CareConsentToggle>(html`<care-consent-toggle
    .directive=${directive}
    .team=${record.team}
    .actor=${actor}
    ?disabled=${disabled}
    lang="en"
    .now=${'2026-11-20T12:00:00Z'}
  ></care-consent-toggle>`).then(settle);

const listOf = (consents: unknown, disabled = false) =>
  fixture<CareConsentList>(html`<care-consent-list
    style="inline-size: 40rem"
    .consents=${consents}
    .team=${record.team}
    .actor=${actor}
    ?disabled=${disabled}
    lang="en"
    .now=${'2026-11-20T12:00:00Z'}
  ></care-consent-list>`).then(settle);

const pickerOf = async (value: string, min: string) => {
  const el = await fixture<CareDatePicker>(html`<care-date-picker value=${value} today="2026-12-01" min=${min} lang="en"></care-date-picker>`);
  await settle(el);
  inShadow<HTMLButtonElement>(el, 'button.opener').click();
  await settle(el);
  return el;
};

/** The states each element is photographed in, every shot of the same part of the element. */
const scenarios: Record<string, () => Promise<Shots>> = {
  async 'consent toggle'() {
    const off = await toggleOf('c-erik');
    const part = inShadow(off, '[role="switch"]');
    const rest = await shoot(part);
    await keyboardFocus(off, part);
    const focus = await shoot(part);
    const on = await toggleOf('c-nav');
    const checked = await shoot(inShadow(on, '[role="switch"]'));
    const disabledEl = await toggleOf('c-erik', true);
    const disabled = await shoot(inShadow(disabledEl, '[role="switch"]'));
    const broken = await toggleOf('c-nav', false, { id: 'c-broken' });
    return { rest, focus, checked, disabled, error: await shoot(broken) };
  },
  async 'consent list'() {
    const el = await listOf(record.consents);
    const first = inShadow(el, 'care-consent-toggle');
    const part = first.shadowRoot!.querySelector<HTMLElement>('[role="switch"]')!;
    const rest = await shoot(first);
    await keyboardFocus(first, part);
    const focus = await shoot(first);
    const disabledEl = await listOf(record.consents, true);
    const disabled = await shoot(inShadow(disabledEl, 'care-consent-toggle'));
    const broken = await listOf('not a list');
    return { rest, focus, disabled, error: await shoot(broken) };
  },
  async 'team roster'() {
    const el = await renderRoster();
    const card = inShadow(el, 'li.member');
    const rest = await shoot(card);
    await keyboardFocus(el, card.querySelector('button')!);
    const focus = await shoot(card);
    const broken = await fixture(html`<care-team-roster .team=${{ id: 't' }} lang="en"></care-team-roster>`).then(settle);
    return { rest, focus, error: await shoot(broken) };
  },
  async 'responsibility matrix'() {
    const el = await controlledMatrix({ editable: true, small: true });
    const cell = inShadow(el, 'tbody td[role="gridcell"]');
    const row = cell.closest('tr')!;
    const rest = await shoot(row);
    await keyboardFocus(el, cell);
    const focus = await shoot(row);
    const broken = await fixture(html`<care-responsibility-matrix .team=${{ id: 't' }} .responsibilities=${[]} lang="en"></care-responsibility-matrix>`).then(settle);
    return { rest, focus, error: await shoot(broken) };
  },
  async 'meeting scheduler'() {
    const el = await renderScheduler();
    const field = schedulerOne(el, '#title-input').closest('.field') ?? schedulerOne(el, '#title-input').parentElement!;
    const rest = await shoot(field);
    await keyboardFocus(el, schedulerOne(el, '#title-input'));
    const focus = await shoot(field);
    (document.activeElement as HTMLElement | null)?.blur();
    await fill(el, '#title-input', '   ');
    await click(el, button(el, 'Book the meeting'));
    await settle(el);
    const error = await shoot(field);
    const fresh = await renderScheduler();
    const box = schedulerOne<HTMLInputElement>(fresh, '#invite-1');
    const choice = box.closest('li')!;
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    await settle(fresh);
    const unchecked = await shoot(choice);
    box.click();
    await settle(fresh);
    const checked = await shoot(choice);
    return { rest, focus, error, checked: checked, unchecked };
  },
  async 'crisis plan'() {
    const planOf = (plan: unknown, stage = 'early-signs') =>
      fixture(html`<care-crisis-plan style="inline-size: 40rem" .plan=${plan} .team=${record.team} .responsibilities=${record.responsibilities}
        .consents=${record.consents} .actor=${actor} .now=${'2026-12-05T12:00:00Z'} stage=${stage} lang="en"></care-crisis-plan>`).then(settle);
    const el = await planOf(record.crisisPlans[0]);
    const switcher = inShadow(el, '.switcher');
    const rest = await shoot(switcher);
    await keyboardFocus(el, el.shadowRoot!.querySelectorAll<HTMLElement>('button.stage-button')[1]);
    const focus = await shoot(switcher);
    (document.activeElement as HTMLElement | null)?.blur();
    const other = await planOf(record.crisisPlans[0], 'crisis');
    const checked = await shoot(inShadow(other, '.switcher'));
    const broken = await planOf({ id: 'cp-broken' });
    return { rest, focus, checked, error: await shoot(broken) };
  },
  async 'date picker'() {
    const away = async (el: CareDatePicker) => {
      await keyboardFocus(el, inShadow(el, '.footer button'));
      return shoot(inShadow(el, 'table'));
    };
    const plain = await pickerOf('', '');
    const rest = await away(plain);
    await keyboardFocus(plain, inShadow(plain, 'td[data-date="2026-12-08"]'));
    const focus = await shoot(inShadow(plain, 'table'));
    const checked = await away(await pickerOf('2026-12-08', ''));
    const disabled = await away(await pickerOf('', '2026-12-12'));
    return { rest, focus, checked, disabled };
  },
};

/**
 * The baseline: the system colours that cover at least 1 % of each shot, recorded from these
 * scenarios. A listed colour must cover at least 0.5 %, an unlisted one less than 2 % (the band
 * between keeps anti-aliasing and font differences from failing the check).
 */
const BASELINE: Record<string, Partial<Record<State, string[]>>> = {
  'consent toggle': {
    rest: ['Canvas', 'CanvasText'],
    focus: ['Canvas', 'CanvasText', 'Highlight'],
    checked: ['Canvas', 'CanvasText', 'Highlight'],
    disabled: ['Canvas'],
    error: ['Canvas', 'CanvasText'],
  },
  'consent list': {
    rest: ['Canvas', 'CanvasText'],
    focus: ['Canvas', 'CanvasText'],
    disabled: ['Canvas', 'CanvasText'],
    error: ['Canvas', 'CanvasText'],
  },
  'team roster': {
    rest: ['Canvas', 'CanvasText', 'LinkText'],
    focus: ['Canvas', 'CanvasText', 'LinkText'],
    error: ['Canvas', 'CanvasText'],
  },
  'responsibility matrix': {
    rest: ['Canvas', 'CanvasText', 'LinkText'],
    focus: ['Canvas', 'CanvasText', 'Highlight', 'LinkText'],
    error: ['Canvas', 'CanvasText'],
  },
  'meeting scheduler': {
    rest: ['Canvas', 'CanvasText'],
    focus: ['Canvas', 'CanvasText', 'Highlight'],
    error: ['Canvas', 'CanvasText'],
    unchecked: ['Canvas', 'CanvasText'],
    checked: ['Canvas', 'CanvasText'],
  },
  'crisis plan': {
    // The chosen stage carries a Highlight outline at rest as well.
    rest: ['Canvas', 'CanvasText', 'Highlight', 'LinkText'],
    focus: ['Canvas', 'CanvasText', 'Highlight', 'LinkText'],
    checked: ['Canvas', 'CanvasText', 'Highlight', 'LinkText'],
    error: ['Canvas', 'CanvasText'],
  },
  'date picker': {
    rest: ['Canvas', 'CanvasText'],
    focus: ['Canvas', 'CanvasText'],
    checked: ['Canvas', 'CanvasText', 'Highlight'],
    disabled: ['Canvas', 'CanvasText', 'GrayText'],
  },
};

const percent = (share: number) => `${(share * 100).toFixed(2)} %`;

describe('forced colours, seen as pixels', () => {
  before(() => emulateMedia({ forcedColors: 'active' }));
  after(() => emulateMedia({ forcedColors: 'none' }));

  it('is really emulated', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });

  for (const [name, scenario] of Object.entries(scenarios)) {
    it(`${name}: each state is visible, focus is a highlight ring, only system colours, as the baseline`, async () => {
      const palette = paintedSystemColours();
      const shots = await scenario();
      const rest = shots.rest!;
      const lines: string[] = [];
      for (const [state, shot] of Object.entries(shots) as [State, Shot][]) {
        const shares = systemShares(shot, palette);
        const foreign = foreignShare(shot, palette);
        // A checked choice is compared with the same choice unchecked where the scenario has both.
        const reference = state === 'checked' && shots.unchecked ? shots.unchecked : rest;
        const changed = pixelsChanged(reference, shot);
        lines.push(`${state}: ${changed} px changed, ${percent(foreign)} foreign, ${[...shares].map(([c, v]) => `${c} ${percent(v)}`).join(', ')}`);
        if (shot !== rest) expect(changed, `${name} ${state}: looks like rest`).to.be.at.least(100);
        expect(foreign, `${name} ${state}: paints ${percent(foreign)} in colours the system did not give`).to.be.at.most(0.01);
        const expected = BASELINE[name][state] ?? [];
        for (const colour of expected) {
          expect(shares.get(colour) ?? 0, `${name} ${state}: ${colour} (baseline) is missing`).to.be.at.least(0.005);
        }
        for (const [colour, share] of shares) {
          if (!expected.includes(colour)) expect(share, `${name} ${state}: ${colour} is not in the baseline`).to.be.below(0.02);
        }
      }
      const highlight = [...palette].filter(([colour]) => colour === 'Highlight' || colour.startsWith('Highlight over')).map(([, rgb]) => rgb);
      const ring = changedTo(rest, shots.focus!, highlight);
      lines.push(`focus ring: ${ring} px turned Highlight`);
      console.log(`${name}\n  ${lines.join('\n  ')}`);
      expect(ring, `${name}: the focus ring is not drawn in Highlight`).to.be.at.least(150);
    });
  }
});
