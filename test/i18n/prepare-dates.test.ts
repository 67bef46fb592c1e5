// The page's first date formatter loads the browser's calendar data (tens of milliseconds). An
// element put on the page makes it in idle time, while it waits for its data, so its first render
// with data does not. This file runs in a page of its own: no formatter exists before it starts.
import { expect } from '../helpers/fixture.js';
import { formatDate } from '../../src/i18n/format.js';

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

describe('date formatting prepared while an element waits for its data', () => {
  after(() => {
    Intl.DateTimeFormat = Native;
  });

  it('makes no formatter while the element is being put on the page, one in idle time after, and none again for a second element', async () => {
    await import('../../src/components/consent-toggle/define.js');
    expect(made, 'no formatter before any element is on the page').to.deep.equal([]);

    const first = document.createElement('care-consent-toggle');
    document.body.append(first);
    expect(made, 'nothing in the task that puts it on the page').to.deep.equal([]);
    await idle();
    await idle();
    expect(made, 'one formatter once the page was idle').to.deep.equal(['en-GB']);

    // The element's first date uses the prepared formatter: nothing new is made.
    expect(formatDate('2026-12-04T12:00:00Z', { catalogue: { intlLocale: 'en-GB' }, timeZone: 'UTC' })).to.equal('4 Dec 2026');
    expect(made).to.have.length(1);

    const second = document.createElement('care-consent-toggle');
    document.body.append(second);
    await idle();
    await idle();
    expect(made, 'a second element prepares nothing again').to.have.length(1);
    first.remove();
    second.remove();
  });
});
