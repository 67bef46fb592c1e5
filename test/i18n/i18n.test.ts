import { catalogue as da } from '../../src/i18n/catalogues/da/index.js';
import { catalogue as en } from '../../src/i18n/catalogues/en/index.js';
import { catalogue as nb } from '../../src/i18n/catalogues/nb/index.js';
import { catalogue as nn } from '../../src/i18n/catalogues/nn/index.js';
import { catalogue as sv } from '../../src/i18n/catalogues/sv/index.js';
import { calendarDate, formatDate, formatTime, isoWeek } from '../../src/i18n/format.js';
import { loadCatalogue, loadedCatalogue, resolveLocale } from '../../src/i18n/locale.js';
import { plural } from '../../src/i18n/plural.js';
import type { Catalogue } from '../../src/i18n/types.js';
import { expect } from '../helpers/fixture.js';

/** Every key path of a catalogue section, with the kind of value found there. */
const shape = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, inner]) => shape(inner, prefix ? `${prefix}.${key}` : key))
    : [`${prefix}:${typeof value}`];

describe('i18n', () => {
  it('maps language tags to supported locales', () => {
    expect(resolveLocale('nb-NO')).to.equal('nb');
    expect(resolveLocale('no')).to.equal('nb');
    expect(resolveLocale('nn')).to.equal('nn');
    expect(resolveLocale('sv-FI')).to.equal('sv');
    expect(resolveLocale('da_DK')).to.equal('da');
    expect(resolveLocale('de')).to.equal('en');
    expect(resolveLocale('')).to.equal('en');
    expect(resolveLocale(undefined)).to.equal('en');
  });

  it('has the same keys, of the same kinds, in every language', () => {
    const sections = ['common', 'roster', 'matrix', 'consent', 'scheduler', 'picker', 'crisis', 'outcomes', 'overview'] as const;
    for (const other of [nb, nn, da, sv] as Catalogue[]) {
      for (const section of sections) {
        expect(shape(other[section]).sort(), `${other.locale}.${section}`).to.deep.equal(shape(en[section]).sort());
      }
    }
  });

  it('has no empty strings in any language', () => {
    for (const cat of [en, nb, nn, da, sv] as Catalogue[]) {
      const empty = shape(cat.common).filter((entry) => entry.endsWith(':string'));
      expect(empty.length).to.be.greaterThan(10);
      const walk = (value: unknown, path: string): void => {
        if (typeof value === 'string') expect(value.trim(), `${cat.locale}.${path}`).to.not.equal('');
        else if (typeof value === 'object' && value) for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
      };
      for (const section of ['common', 'roster', 'matrix', 'consent', 'scheduler', 'picker', 'crisis', 'outcomes', 'overview'] as const) walk(cat[section], section);
    }
  });

  it('loads a language on demand and keeps it', async () => {
    const loaded = await loadCatalogue('da');
    expect(loaded.common.retry).to.equal('Prøv igen');
    expect(loadedCatalogue('da')).to.equal(loaded);
  });

  it('formats dates the Nordic way, in the given zone, across daylight saving time', () => {
    // 01:30 UTC on the day Norway moves to summer time is 03:30 in Oslo.
    expect(formatTime('2027-03-28T01:30:00Z', { catalogue: nb, timeZone: 'Europe/Oslo' })).to.equal('03:30');
    expect(formatTime('2027-03-27T01:30:00Z', { catalogue: nb, timeZone: 'Europe/Oslo' })).to.equal('02:30');
    expect(formatDate('2026-12-08T10:00:00+01:00', { catalogue: nb, timeZone: 'Europe/Oslo' }, 'short')).to.equal('08.12.2026');
    expect(formatDate('2026-12-08T10:00:00+01:00', { catalogue: nb, timeZone: 'Europe/Oslo' }, 'weekday')).to.equal('tirsdag 8. des. 2026');
    expect(calendarDate('2026-12-31T23:30:00Z', 'Europe/Oslo')).to.equal('2027-01-01');
    // Without a zone: the date on this computer's clock, the same as the browser's own local date.
    const lateEvening = new Date(2026, 11, 31, 23, 30);
    expect(calendarDate(lateEvening)).to.equal('2026-12-31');
    expect(calendarDate(lateEvening.toISOString())).to.equal(new Intl.DateTimeFormat('en-CA').format(lateEvening));
    expect(isoWeek('2027-01-01T12:00:00Z')).to.equal(53);
    expect(formatTime('2026-12-08T09:00:00Z', { catalogue: da, timeZone: 'Europe/Oslo' })).to.equal('10.00');
    expect(formatDate('2026-12-08T10:00:00+01:00', { catalogue: en, timeZone: 'Europe/Oslo' }, 'weekday')).to.equal('Tuesday 8 Dec 2026');
  });

  it('picks plural forms per language', () => {
    expect(plural('en', 1, { one: '{n} problem', other: '{n} problems' })).to.equal('1 problem');
    expect(plural('en', 3, { one: '{n} problem', other: '{n} problems' })).to.equal('3 problems');
    expect(en.common.dataErrorCount(2)).to.equal('2 problems');
    expect(nb.common.dataErrorCount(1)).to.equal('1 problem');
    expect(nb.common.dataErrorCount(5)).to.equal('5 problemer');
  });
});
