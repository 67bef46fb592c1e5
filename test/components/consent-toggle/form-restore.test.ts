// Back/forward navigation in a form: the browser gives back the value the form had when the page
// was left. The host's directive given after that is the decision that stands, and is submitted.
import type { CareConsentToggle } from '../../../src/components/consent-toggle/consent-toggle.js';
import '../../../src/components/consent-toggle/define.js';
import { expect, fixture, html, settle } from '../../helpers/fixture.js';
import { consentById } from './support.js';

const kari = { id: 'm-kari', name: 'Kari Nilsen' };

async function inForm(directive: unknown) {
  const form = await fixture<HTMLFormElement>(
    html`<form><care-consent-toggle name="nav" lang="en" .actor=${kari} .directive=${directive}></care-consent-toggle></form>`,
  );
  const el = form.querySelector<CareConsentToggle>('care-consent-toggle')!;
  await settle(el);
  return { form, el };
}

const switchOf = (el: CareConsentToggle) => el.shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')!;

describe('care-consent-toggle: back and forward navigation', () => {
  it('follows a directive the host gives after the browser restored an older value', async () => {
    const withdrawn = { ...consentById('c-nav'), state: 'withdrawn' as const };
    // The page is left with "withdrawn" in the form, then restored; the browser gives "withdrawn" back.
    const { form, el } = await inForm(undefined);
    el.formStateRestoreCallback('withdrawn', 'restore');
    // The host has fetched the current decision: granted.
    el.directive = consentById('c-nav');
    await settle(el);
    expect(el.value).to.equal('granted');
    expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
    expect(new FormData(form).get('nav')).to.equal('granted');
    // And the other way round: a restored "granted" does not override a withdrawal the host gives.
    el.formStateRestoreCallback('granted', 'restore');
    el.directive = withdrawn;
    await settle(el);
    expect(el.value).to.equal('withdrawn');
    expect(new FormData(form).get('nav')).to.equal('withdrawn');
  });

  it('still shows the restored value over the directive it was restored on', async () => {
    const { form, el } = await inForm(consentById('c-erik'));
    el.formStateRestoreCallback('granted', 'restore');
    await settle(el);
    expect(el.value).to.equal('granted');
    expect(new FormData(form).get('nav')).to.equal('granted');
  });
});
