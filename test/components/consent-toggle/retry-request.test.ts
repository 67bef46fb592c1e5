// Try again takes the same road as the first try: the host is asked again (the request event),
// may stop it, and only then is the kept change sent again.
import type { CareConsentToggle } from '../../../src/components/consent-toggle/consent-toggle.js';
import '../../../src/components/consent-toggle/define.js';
import { expect, settle } from '../../helpers/fixture.js';
import { loadedStore, storeHost, TestSource } from './support.js';

const retryButton = (el: CareConsentToggle) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!;
const switchOf = (el: CareConsentToggle) => el.shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')!;

describe('care-consent-toggle: Try again asks the host again', () => {
  let host: HTMLElement | undefined;
  afterEach(() => host?.remove());

  async function failedOnce() {
    const source = new TestSource({ fail: 1 });
    const store = await loadedStore(source);
    host = storeHost(store);
    const el = document.createElement('care-consent-toggle');
    el.directiveId = 'c-nav';
    host.append(el);
    await settle(el);
    const requests: string[] = [];
    el.addEventListener('care-consent-request', (e) => requests.push(e.detail.state));
    switchOf(el).click();
    await settle(el);
    await settle(el);
    expect(retryButton(el), 'the failure is shown with Try again').to.not.equal(null);
    return { el, source, store, requests };
  }

  it('fires the request event again before the kept change is sent again', async () => {
    const { el, source, requests } = await failedOnce();
    retryButton(el).click();
    await settle(el);
    await settle(el);
    expect(requests).to.deep.equal(['withdrawn', 'withdrawn']);
    expect(source.saves).to.have.length(2);
    expect(source.saves[1].id, 'the same change id').to.equal(source.saves[0].id);
    expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
  });

  it('sends nothing when the host stops the retry', async () => {
    const { el, source, store } = await failedOnce();
    el.addEventListener('care-consent-request', (e) => e.preventDefault());
    retryButton(el).click();
    await settle(el);
    await settle(el);
    expect(source.saves).to.have.length(1);
    expect(store.snapshot.record!.consents.find((c) => c.id === 'c-nav')!.state).to.equal('granted');
    expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
  });
});
