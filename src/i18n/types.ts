import type { common } from './catalogues/en/common.js';
import type { consent, consentToggle } from './catalogues/en/consent.js';
import type { crisis } from './catalogues/en/crisis.js';
import type { crisisReading } from './catalogues/en/crisis-reading.js';
import type { outcomes } from './catalogues/en/outcomes.js';
import type { overview } from './catalogues/en/overview.js';
import type { matrix } from './catalogues/en/matrix.js';
import type { roster } from './catalogues/en/roster.js';
import type { picker } from './catalogues/en/picker.js';
import type { scheduler } from './catalogues/en/scheduler.js';

/** The languages every string is translated into. English is the fallback. */
export const LOCALES = ['nb', 'nn', 'da', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** String literals widened to `string`, so a translation may say anything; functions stay typed. */
export type Widen<T> = {
  [K in keyof T]: T[K] extends string ? string : T[K] extends (...args: never[]) => unknown ? T[K] : Widen<T[K]>;
};

/** A part of a catalogue: some of its keys, nested groups in part too, every value of the same type. */
export type PartOf<T> = {
  [K in keyof T]?: T[K] extends (...args: never[]) => unknown ? T[K] : T[K] extends object ? PartOf<T[K]> : T[K];
};

export type CommonMessages = Widen<typeof common>;
export type RosterMessages = Widen<typeof roster>;
export type MatrixMessages = Widen<typeof matrix>;
export type ConsentMessages = Widen<typeof consent>;
/** The part of `consent` that `<care-consent-toggle>` shows (its English bundle carries only this). */
export type ConsentToggleMessages = Widen<typeof consentToggle>;
export type SchedulerMessages = Widen<typeof scheduler>;
export type PickerMessages = Widen<typeof picker>;
export type CrisisMessages = Widen<typeof crisis>;
/** The part of `crisis` that reading the plan shows (the forms' strings arrive with the forms). */
export type CrisisReadingMessages = Widen<typeof crisisReading>;
export type OutcomesMessages = Widen<typeof outcomes>;
export type OverviewMessages = Widen<typeof overview>;

/** All strings of one language, by element, plus the BCP 47 locale Intl formats its dates with. */
export interface Catalogue {
  locale: Locale;
  /** The locale given to Intl.DateTimeFormat, for example `nb-NO`. */
  intlLocale: string;
  common: CommonMessages;
  roster: RosterMessages;
  matrix: MatrixMessages;
  consent: ConsentMessages;
  scheduler: SchedulerMessages;
  picker: PickerMessages;
  crisis: CrisisMessages;
  outcomes: OutcomesMessages;
  overview: OverviewMessages;
}

/** A language as an element sees it: the common strings, and its own namespace unless it brings that itself (English). */
export type LanguageStrings = Pick<Catalogue, 'locale' | 'intlLocale' | 'common'> & Partial<Pick<Catalogue, Namespace>>;

/** The element namespaces of a catalogue. */
export type Namespace = 'roster' | 'matrix' | 'consent' | 'scheduler' | 'picker' | 'crisis' | 'outcomes' | 'overview';

/** Overrides a host may give an element: any string of its namespace or of the common strings. */
export type LabelOverrides<N extends Namespace> = Partial<Catalogue[N]> & Partial<CommonMessages>;
