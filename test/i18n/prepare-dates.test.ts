// The page's first date formatter loads the browser's calendar data (tens of milliseconds). It is
// made in idle time once the elements' code has run, so an element's first render with data (given
// at once or later) does not pay for it. This file runs in a page of its own: no formatter exists
// before it starts.
import { expect } from '../helpers/fixture.js';
import { formatDate } from '../../src/i18n/format.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';

/** Counts the date formatters made from now on (the page's own Intl.DateTimeFormat stays in use). */
const made: string[] = [];
const Native = Intl.DateTimeFormat;
Intl.DateTimeFormat = new Proxy(Native, {
  construct(target, args: [string?, Intl.DateTimeFormatOptions?]) {
    made.push(String(args[0]));
    return new target(...args);
  },
}) as typeof Intl.DateTimeFormat;

const idle = () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }));

describe('date formatting prepared in idle time', () => {
  after(() => {
    Intl.DateTimeFormat = Native;
  });

  it('makes no formatter while the code runs, two in idle time after (before any element is on the page), and none again for the elements', async () => {
    await import('../../src/components/consent-toggle/define.js');
    expect(made, 'nothing while the code runs').to.deep.equal([]);
    await idle();
    await idle();
    // Calendar dates are formatted in UTC, instants on the reader's clock: one formatter each.
    expect(made, 'two formatters once the page was idle, no element on the page yet').to.deep.equal(['en-GB', 'en-GB']);

    // An element given its data at once: its first render (an instant and a calendar date) uses the prepared formatters.
    const first = document.createElement('care-consent-toggle') as HTMLElement & { directive: unknown; now: string; updateComplete: Promise<boolean> };
    first.lang = 'en';
    first.now = '2026-11-20T12:00:00Z';
    first.directive = structuredClone(fjordvik.consents.find((c) => c.id === 'c-nav'));
    document.body.append(first);
    await first.updateComplete;
    expect(first.shadowRoot!.textContent).to.contain('18 Aug 2025').and.to.contain('18 Aug 2027');
    expect(formatDate('2026-12-04T12:00:00Z', { catalogue: { intlLocale: 'en-GB' }, timeZone: 'UTC' })).to.equal('4 Dec 2026');
    expect(made, 'no formatter made in the first render').to.have.length(2);

    const second = document.createElement('care-consent-toggle');
    document.body.append(second);
    await idle();
    await idle();
    expect(made, 'elements on the page prepare nothing again').to.have.length(2);
    first.remove();
    second.remove();
  });
});
