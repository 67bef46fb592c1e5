import type { Locale } from './types.js';

/**
 * Where one element's strings in each language but English are fetched from: each language its
 * own chunk. An element names its table (`translations = consentTranslations`), so a bundle holds
 * the loaders of the elements it has, and a page fetches only the strings of the elements on it.
 * Literal paths, so every bundler can split them (a computed path it cannot). Each module exports
 * its strings under the element's namespace (`export const consent = …`).
 */
export type Translations = Readonly<Record<Exclude<Locale, 'en'>, () => Promise<object>>>;

export const rosterTranslations: Translations = {
  nb: () => import('./catalogues/nb/roster.js'),
  nn: () => import('./catalogues/nn/roster.js'),
  da: () => import('./catalogues/da/roster.js'),
  sv: () => import('./catalogues/sv/roster.js'),
};

export const matrixTranslations: Translations = {
  nb: () => import('./catalogues/nb/matrix.js'),
  nn: () => import('./catalogues/nn/matrix.js'),
  da: () => import('./catalogues/da/matrix.js'),
  sv: () => import('./catalogues/sv/matrix.js'),
};

export const consentTranslations: Translations = {
  nb: () => import('./catalogues/nb/consent.js'),
  nn: () => import('./catalogues/nn/consent.js'),
  da: () => import('./catalogues/da/consent.js'),
  sv: () => import('./catalogues/sv/consent.js'),
};

export const schedulerTranslations: Translations = {
  nb: () => import('./catalogues/nb/scheduler.js'),
  nn: () => import('./catalogues/nn/scheduler.js'),
  da: () => import('./catalogues/da/scheduler.js'),
  sv: () => import('./catalogues/sv/scheduler.js'),
};

export const crisisTranslations: Translations = {
  nb: () => import('./catalogues/nb/crisis.js'),
  nn: () => import('./catalogues/nn/crisis.js'),
  da: () => import('./catalogues/da/crisis.js'),
  sv: () => import('./catalogues/sv/crisis.js'),
};

export const outcomesTranslations: Translations = {
  nb: () => import('./catalogues/nb/outcomes.js'),
  nn: () => import('./catalogues/nn/outcomes.js'),
  da: () => import('./catalogues/da/outcomes.js'),
  sv: () => import('./catalogues/sv/outcomes.js'),
};

export const overviewTranslations: Translations = {
  nb: () => import('./catalogues/nb/overview.js'),
  nn: () => import('./catalogues/nn/overview.js'),
  da: () => import('./catalogues/da/overview.js'),
  sv: () => import('./catalogues/sv/overview.js'),
};

export const pickerTranslations: Translations = {
  nb: () => import('./catalogues/nb/picker.js'),
  nn: () => import('./catalogues/nn/picker.js'),
  da: () => import('./catalogues/da/picker.js'),
  sv: () => import('./catalogues/sv/picker.js'),
};
