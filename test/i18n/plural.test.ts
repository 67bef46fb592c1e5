// This file runs in a page of its own: no Intl.PluralRules exists before it starts.
import { expect } from '../helpers/fixture.js';

/** Counts the plural rules made from now on. */
let made = 0;
const Native = Intl.PluralRules;
const writable = Intl as { PluralRules: typeof Intl.PluralRules };
writable.PluralRules = new Proxy(Native, {
  construct(target, args: [string?, Intl.PluralRulesOptions?]) {
    made += 1;
    return new target(...args);
  },
}) as typeof Intl.PluralRules;

describe('plural forms of counts', () => {
  after(() => {
    writable.PluralRules = Native;
  });

  it('picks the form of a whole count as Intl.PluralRules does, in every language, without building one', async () => {
    const { plural } = await import('../../src/i18n/plural.js');
    const forms = { one: 'one {n}', other: 'other {n}' };
    const answers: string[] = [];
    for (const locale of ['nb', 'nn', 'da', 'sv', 'en']) {
      for (let n = -30; n <= 1200; n += 1) answers.push(`${locale} ${n} ${plural(locale, n, forms)}`);
    }
    expect(made, 'no plural rules built for whole counts').to.equal(0);
    const expected: string[] = [];
    for (const locale of ['nb', 'nn', 'da', 'sv', 'en']) {
      const rule = new Native(locale);
      for (let n = -30; n <= 1200; n += 1) expected.push(`${locale} ${n} ${rule.select(n) === 'one' ? 'one' : 'other'} ${n}`);
    }
    expect(answers).to.deep.equal(expected);
  });

  it('asks Intl.PluralRules for a count with a fraction (Danish says "one" for 0.5)', async () => {
    const { plural } = await import('../../src/i18n/plural.js');
    expect(plural('da', 0.5, { one: '{n} time', other: '{n} timer' })).to.equal('0.5 time');
    expect(plural('en', 1.5, { one: '{n} hour', other: '{n} hours' })).to.equal('1.5 hours');
    expect(made).to.be.greaterThan(0);
  });
});
