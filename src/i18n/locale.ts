import { common } from './catalogues/en/common.js';
import { intlLocaleOf } from './format.js';
import { consentTranslations, crisisTranslations, matrixTranslations, outcomesTranslations, overviewTranslations, pickerTranslations, rosterTranslations, schedulerTranslations, type Translations } from './translations.js';
import { LOCALES, type LanguageStrings, type Locale, type Namespace } from './types.js';

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
export const english: LanguageStrings = { locale: 'en', intlLocale: intlLocaleOf('en'), common };

/** A part of a language's strings: the common ones, or one element namespace. */
type Part = 'common' | Namespace;
const NAMESPACES: readonly Namespace[] = ['roster', 'matrix', 'consent', 'scheduler', 'picker', 'crisis', 'outcomes', 'overview'];

// The common strings of each language but English, each its own chunk (the element strings are
// in translations.ts, named by each element).
const commonStrings: Translations = {
  nb: () => import('./catalogues/nb/common.js'),
  nn: () => import('./catalogues/nn/common.js'),
  da: () => import('./catalogues/da/common.js'),
  sv: () => import('./catalogues/sv/common.js'),
};

/** The parts of each language that have arrived. */
const parts = new Map<Locale, Partial<Record<Part, unknown>>>([['en', { common }]]);
/** Each language as elements see it: a new object whenever a part arrives, so memoised strings notice. */
const loaded = new Map<Locale, LanguageStrings>([['en', english]]);
const pending = new Map<string, Promise<void>>();

const has = (locale: Locale, part: Part): boolean => parts.get(locale)?.[part] !== undefined;

/** Fetches one part of a language (once) and files it; a failed fetch leaves it missing, to be asked for again. */
const loadPart = (locale: Locale, part: Part, fetch: () => Promise<object>): Promise<void> => {
  if (has(locale, part)) return Promise.resolve();
  const key = `${locale}/${part}`;
  let promise = pending.get(key);
  if (!promise) {
    promise = fetch()
      .then((module) => {
        const arrived = { ...parts.get(locale), [part]: (module as Partial<Record<Part, unknown>>)[part] };
        parts.set(locale, arrived);
        if (arrived.common) loaded.set(locale, { locale, intlLocale: intlLocaleOf(locale), ...arrived } as LanguageStrings);
      })
      .catch(() => undefined)
      .finally(() => pending.delete(key));
    pending.set(key, promise);
  }
  return promise;
};

/** What has arrived of `locale`: its common strings and the namespaces loaded so far. */
export const loadedCatalogue = (locale: Locale): LanguageStrings | undefined => loaded.get(locale);

/**
 * Whether an element can show `locale` now: English always; any other language once its common
 * strings and `namespace` (every namespace, when none is named) have arrived.
 */
export const isReady = (locale: Locale, namespace?: Namespace): boolean =>
  locale === 'en' || (has(locale, 'common') && (namespace ? has(locale, namespace) : NAMESPACES.every((name) => has(locale, name))));

/**
 * Loads (once) the common strings of `locale` and one element's strings from its `translations`.
 * Resolves with what has arrived, or English if loading failed. English is always there.
 */
export const loadStrings = (locale: Locale, namespace: Namespace, translations: Translations): Promise<LanguageStrings> =>
  locale === 'en'
    ? Promise.resolve(english)
    : Promise.all([loadPart(locale, 'common', commonStrings[locale]), loadPart(locale, namespace, translations[locale])]).then(
        () => (isReady(locale, namespace) ? loaded.get(locale) : undefined) ?? english,
      );

const everyElement: Readonly<Record<Namespace, Translations>> = {
  roster: rosterTranslations,
  matrix: matrixTranslations,
  consent: consentTranslations,
  scheduler: schedulerTranslations,
  picker: pickerTranslations,
  crisis: crisisTranslations,
  outcomes: outcomesTranslations,
  overview: overviewTranslations,
};

/**
 * Loads every element's strings in `locale` (elements load only their own, with `loadStrings`).
 * Resolves with the whole language, or English if loading failed.
 */
export const loadCatalogue = (locale: Locale): Promise<LanguageStrings> =>
  locale === 'en'
    ? import('./catalogues/en/index.js').then(({ catalogue }) => catalogue)
    : Promise.all(NAMESPACES.map((namespace) => loadStrings(locale, namespace, everyElement[namespace]))).then(
        () => (isReady(locale) ? loaded.get(locale) : undefined) ?? english,
      );

/** The English strings every element can fall back on. */
export const fallbackCatalogue = english;
