import { ContextProvider, createContext } from '@lit/context';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { follow } from '../../src/context/follow.js';

// `follow` (how elements read `<care-context>`'s store, language and actor) against @lit/context's
// own provider: the nearest provider answers, changes arrive, a nearer provider that appears later
// takes over, and leaving the page ends the subscription.
const word = createContext<string | undefined>(Symbol('test-word'));

@customElement('test-follow-word')
class FollowWord extends LitElement {
  @follow(word)
  @state()
  word?: string;
}

describe('follow (context subscription)', () => {
  afterEach(() => fixtureCleanup());

  it('takes the nearest provider’s value and its changes; a nearer provider appearing later takes over; leaving ends it', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div><section></section></div>`);
    const outerProvider = new ContextProvider(outer, { context: word, initialValue: 'outer' });
    const middle = outer.querySelector('section')!;
    const el = document.createElement('test-follow-word') as FollowWord;
    middle.append(el);
    await el.updateComplete;
    expect(el.word).to.equal('outer');
    outerProvider.setValue('outer changed');
    expect(el.word).to.equal('outer changed');

    // A provider that appears between them (an element upgraded later) announces itself; the outer one hands its consumers over.
    const innerProvider = new ContextProvider(middle, { context: word, initialValue: 'inner' });
    middle.dispatchEvent(Object.assign(new Event('context-provider', { bubbles: true, composed: true }), { context: word, contextTarget: middle }));
    expect(el.word).to.equal('inner');
    outerProvider.setValue('outer again');
    expect(el.word, 'the outer provider no longer reaches it').to.equal('inner');
    innerProvider.setValue('inner changed');
    expect(el.word).to.equal('inner changed');

    el.remove();
    innerProvider.setValue('after leaving');
    expect(el.word).to.equal('inner changed');
    middle.append(el);
    expect(el.word, 'back on the page, it asks again').to.equal('after leaving');
  });

  it('stays undefined without a provider, and a provider of another context does not answer', async () => {
    const other = createContext<string>(Symbol('test-other'));
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    new ContextProvider(host, { context: other, initialValue: 'other' });
    const el = document.createElement('test-follow-word') as FollowWord;
    host.append(el);
    await el.updateComplete;
    expect(el.word === undefined).to.equal(true);
  });
});
