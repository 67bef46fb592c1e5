import { LitElement, html as litHtml } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { expectAxeClean } from './a11y.js';
import { expect, fixture, html, settle } from './fixture.js';
import { deepActiveElement, press, tab, type } from './keys.js';

@customElement('helpers-test-unlabelled-image')
class UnlabelledImage extends LitElement {
  override render() {
    return litHtml`<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10" />`;
  }
}

@customElement('helpers-test-labelled-field')
class LabelledField extends LitElement {
  @property() label = 'Care team name';
  @state() private value = '';

  override render() {
    return litHtml`
      <label for="name">${this.label}</label>
      <input id="name" .value=${this.value} @input=${(e: Event) => (this.value = (e.target as HTMLInputElement).value)} />
      <button type="button">Save</button>
      <output>${this.value}</output>
    `;
  }
}

/** Each update schedules one more until `remaining` reaches zero. */
@customElement('helpers-test-chained-updates')
class ChainedUpdates extends LitElement {
  @property({ type: Number }) remaining = 3;

  override updated() {
    if (this.remaining > 0) queueMicrotask(() => (this.remaining -= 1));
  }

  override render() {
    return litHtml`<span>${this.remaining}</span>`;
  }
}

describe('test helpers', () => {
  describe('expectAxeClean', () => {
    it('reports an image without alternative text inside a shadow root', async () => {
      const el = await fixture<UnlabelledImage>(html`<helpers-test-unlabelled-image></helpers-test-unlabelled-image>`);
      let message = '';
      try {
        await expectAxeClean(el);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).to.contain('image-alt');
      expect(message).to.contain('[critical]');
      expect(message).to.contain('helpers-test-unlabelled-image');
      expect(message).to.contain('Images must have alternative text');
    });

    it('passes an element whose controls are labelled', async () => {
      const el = await fixture<LabelledField>(html`<helpers-test-labelled-field></helpers-test-labelled-field>`);
      await expectAxeClean(el);
    });
  });

  describe('Lit decorators (experimentalDecorators, useDefineForClassFields: false)', () => {
    it('re-renders when a decorated property is set', async () => {
      const el = await fixture<LabelledField>(html`<helpers-test-labelled-field></helpers-test-labelled-field>`);
      el.label = 'Primary contact';
      await settle(el);
      expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('Primary contact');
    });
  });

  describe('settle', () => {
    it('waits until updates that trigger further updates have finished', async () => {
      const el = await fixture<ChainedUpdates>(html`<helpers-test-chained-updates></helpers-test-chained-updates>`);
      await settle(el);
      expect(el.remaining).to.equal(0);
      expect(el.shadowRoot!.querySelector('span')!.textContent).to.equal('0');
    });
  });

  describe('keys', () => {
    it('types and presses keys into the focused control', async () => {
      const el = await fixture<LabelledField>(html`<helpers-test-labelled-field></helpers-test-labelled-field>`);
      el.shadowRoot!.querySelector('input')!.focus();
      await type('Heimetenester');
      await press('Backspace');
      await settle(el);
      expect(el.shadowRoot!.querySelector('output')!.textContent).to.equal('Heimeteneste');
    });

    it('moves focus with Tab and Shift+Tab', async () => {
      const el = await fixture<LabelledField>(html`<helpers-test-labelled-field></helpers-test-labelled-field>`);
      el.shadowRoot!.querySelector('input')!.focus();
      await tab();
      expect(deepActiveElement()?.localName).to.equal('button');
      await tab({ shift: true });
      expect(deepActiveElement()?.localName).to.equal('input');
    });
  });
});
