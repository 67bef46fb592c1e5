import { catalogue as english } from './catalogues/en/index.js';
import { LOCALES, type Catalogue, type Locale } from './types.js';

/** Maps a BCP 47 tag to a supported locale: `nb-NO` → nb, `no` → nb, `nn` → nn, `sv-FI` → sv; else en. */
export const resolveLocale = (tag: string | null | undefined): Locale => {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'no' || primary === 'nob') return 'nb';
  if (primary === 'nno') return 'nn';
  return (LOCALES as readonly string[]).includes(primary) ? (primary as Locale) : 'en';
};

const loaded = new Map<Locale, Catalogue>([['en', english]]);
const pending = new Map<Locale, Promise<Catalogue>>();

// Each non-default language is its own chunk, fetched only when a page asks for it.
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ catalogue: Catalogue }>> = {
  nb: () => import('./catalogues/nb/index.js'),
  nn: () => import('./catalogues/nn/index.js'),
  da: () => import('./catalogues/da/index.js'),
  sv: () => import('./catalogues/sv/index.js'),
};

/** The catalogue for `locale` if it is already loaded. */
export const loadedCatalogue = (locale: Locale): Catalogue | undefined => loaded.get(locale);

/** Loads (once) and returns the catalogue for `locale`. Falls back to English if loading fails. */
export const loadCatalogue = (locale: Locale): Promise<Catalogue> => {
  const ready = loaded.get(locale);
  if (ready) return Promise.resolve(ready);
  let promise = pending.get(locale);
  if (!promise) {
    promise = loaders[locale as Exclude<Locale, 'en'>]()
      .then(({ catalogue }) => {
        loaded.set(locale, catalogue);
        return catalogue;
      })
      .catch(() => english)
      .finally(() => pending.delete(locale));
    pending.set(locale, promise);
  }
  return promise;
};

/** The English catalogue, always available. */
export const fallbackCatalogue = english;
