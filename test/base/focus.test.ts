import { html, LitElement, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { Kept, KeyedKept, keep } from '../../src/components/base/kept.js';
import { FocusController } from '../../src/components/base/focus.js';
import { expect, fixture, settle } from '../helpers/fixture.js';

/** A list whose order changes, with a button per item that focus must follow. */
class FocusProbe extends LitElement {
  static override properties = { items: { attribute: false }, open: { type: Boolean } };
  items = ['a', 'b', 'c'];
  open = false;
  readonly focusing = new FocusController(this);
  readonly buttons = new KeyedKept();
  readonly dialogButton = new Kept<HTMLButtonElement>();

  protected override render(): TemplateResult {
    return html`<ul>
        ${repeat(
          this.items,
          (item) => item,
          (item) => html`<li><button class="renamed-any-day" ${keep(this.buttons.get(item))}>${item}</button></li>`,
        )}
      </ul>
      ${this.open ? html`<button id="keep" ${keep(this.dialogButton)}>Keep it</button>` : ''}`;
  }
}
customElements.define('care-focus-probe', FocusProbe);

const focused = (el: FocusProbe) => el.shadowRoot!.activeElement?.textContent?.trim();

describe('Focus by reference', () => {
  it('focuses an element that only exists after the next render', async () => {
    const el = await fixture<FocusProbe>(html`<care-focus-probe></care-focus-probe>`);
    el.open = true;
    el.focusing.after(el.dialogButton);
    await settle(el);
    expect(focused(el)).to.equal('Keep it');
  });

  it('follows an item to its new place in the list, whatever its class or position', async () => {
    const el = await fixture<FocusProbe>(html`<care-focus-probe></care-focus-probe>`);
    el.items = ['b', 'c', 'a'];
    el.focusing.after(el.buttons.get('a'));
    await settle(el);
    expect(focused(el)).to.equal('a');
    expect([...el.shadowRoot!.querySelectorAll('button')].indexOf(el.shadowRoot!.activeElement as HTMLButtonElement)).to.equal(2);
  });

  it('moves focus once: a later render leaves focus where the person put it', async () => {
    const el = await fixture<FocusProbe>(html`<care-focus-probe></care-focus-probe>`);
    el.focusing.after(el.buttons.get('b'));
    await settle(el);
    expect(focused(el)).to.equal('b');
    el.buttons.get('c').value!.focus();
    el.items = ['c', 'b', 'a'];
    await settle(el);
    expect(focused(el)).to.equal('c');
  });

  it('the last request before a render wins; a target that is not rendered moves nothing', async () => {
    const el = await fixture<FocusProbe>(html`<care-focus-probe></care-focus-probe>`);
    el.focusing.after(el.buttons.get('a'));
    el.focusing.after(() => el.buttons.get('c').value);
    await settle(el);
    expect(focused(el)).to.equal('c');
    el.focusing.after(el.dialogButton);
    await settle(el);
    expect(focused(el), 'no dialog button: focus stays').to.equal('c');
    expect(el.focusing.now(el.dialogButton)).to.equal(false);
  });

  it('moves focus in the frame that shows the render, not in the task that rendered it', async () => {
    const el = await fixture<FocusProbe>(html`<care-focus-probe></care-focus-probe>`);
    el.buttons.get('a').value!.focus();
    el.open = true;
    el.focusing.after(el.dialogButton);
    let frameRan = false;
    requestAnimationFrame(() => (frameRan = true));
    await el.updateComplete;
    // focus() lays the page out at once: inside the rendering task it would add that layout to the task.
    expect(focused(el), 'still where it was when the render is done').to.equal('a');
    await el.focusing.moved;
    expect(focused(el), 'moved by the next frame').to.equal('Keep it');
    expect(frameRan, 'in an animation frame callback').to.equal(true);
  });

  it('a move asked for again before the frame replaces the waiting one; cancel drops it', async () => {
    const el = await fixture<FocusProbe>(html`<care-focus-probe></care-focus-probe>`);
    el.focusing.after(el.buttons.get('a'));
    await el.updateComplete;
    el.focusing.after(el.buttons.get('b'));
    await el.updateComplete;
    await el.focusing.moved;
    expect(focused(el)).to.equal('b');
    el.focusing.after(el.buttons.get('c'));
    await el.updateComplete;
    el.focusing.cancel();
    await el.focusing.moved;
    await settle(el);
    expect(focused(el), 'cancelled before the frame: focus stays').to.equal('b');
  });

  it('forgets references whose element is gone', async () => {
    const el = await fixture<FocusProbe>(html`<care-focus-probe></care-focus-probe>`);
    const old = el.buttons.get('a');
    el.items = ['b', 'c'];
    await settle(el);
    el.buttons.prune();
    expect(el.buttons.get('a')).to.not.equal(old);
    expect(el.buttons.get('b').value?.textContent).to.equal('b');
  });
});
