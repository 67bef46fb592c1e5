import { common } from './catalogues/en/common.js';
import { LOCALES, type Catalogue, type LanguageStrings, type Locale } from './types.js';

/**
 * Languages without a catalogue of their own, shown in the language their readers are schooled in
 * (docs/i18n.md): Northern, Lule and Southern Sami in Norwegian bokmål (Swedish with region SE),
 * Faroese and Greenlandic in Danish.
 */
export const LANGUAGE_FALLBACKS: Readonly<Record<string, Locale>> = { se: 'nb', smj: 'nb', sma: 'nb', fo: 'da', kl: 'da' };

/** Maps a BCP 47 tag to a supported locale: `nb-NO` → nb, `no` → nb, `nn` → nn, `sv-FI` → sv, `se` → nb, `fo` → da; else en. */
export const resolveLocale = (tag: string | null | undefined): Locale => {
  const [primary, ...subtags] = (tag ?? '').trim().toLowerCase().split(/[-_]/);
  if (primary === 'no' || primary === 'nob') return 'nb';
  if (primary === 'nno') return 'nn';
  if ((LOCALES as readonly string[]).includes(primary)) return primary as Locale;
  const fallback = LANGUAGE_FALLBACKS[primary];
  if (fallback === 'nb' && subtags.includes('se')) return 'sv';
  return fallback ?? 'en';
};

/**
 * English, always present: the common strings and the date locale. Each element brings its own
 * English strings (see CareElement), so a page carries only the English of the elements it uses.
 */
export const english: LanguageStrings = { locale: 'en', intlLocale: 'en-GB', common };

const loaded = new Map<Locale, Catalogue>();
const pending = new Map<Locale, Promise<LanguageStrings>>();

// Each language is its own chunk, fetched only when a page asks for it. English is loaded in full
// only when someone asks for the whole catalogue; elements never need to.
const loaders: Record<Locale, () => Promise<{ catalogue: Catalogue }>> = {
  en: () => import('./catalogues/en/index.js'),
  nb: () => import('./catalogues/nb/index.js'),
  nn: () => import('./catalogues/nn/index.js'),
  da: () => import('./catalogues/da/index.js'),
  sv: () => import('./catalogues/sv/index.js'),
};

/** The catalogue for `locale` if it is already loaded. */
export const loadedCatalogue = (locale: Locale): Catalogue | undefined => loaded.get(locale);

/** Whether an element can show `locale` now: English always, any other language once it has arrived. */
export const isReady = (locale: Locale): boolean => locale === 'en' || loaded.has(locale);

/** Loads (once) and returns the catalogue for `locale`. Falls back to English if loading fails. */
export const loadCatalogue = (locale: Locale): Promise<LanguageStrings> => {
  const ready = loaded.get(locale);
  if (ready) return Promise.resolve(ready);
  let promise = pending.get(locale);
  if (!promise) {
    promise = loaders[locale]()
      .then(({ catalogue }): LanguageStrings => {
        loaded.set(locale, catalogue);
        return catalogue;
      })
      .catch((): LanguageStrings => english)
      .finally(() => pending.delete(locale));
    pending.set(locale, promise);
  }
  return promise;
};

/** The English strings every element can fall back on. */
export const fallbackCatalogue = english;
