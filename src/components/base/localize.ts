import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatCalendarDate, formatDate, type CalendarDateStyle, type DateContext } from '../../i18n/format.js';
import { english, isReady, loadStrings, loadedCatalogue, resolveLocale } from '../../i18n/locale.js';
import type { Translations } from '../../i18n/translations.js';
import type { Catalogue, CommonMessages, LanguageStrings, Locale, Namespace } from '../../i18n/types.js';
import type { LibraryText, recordingStrings } from './fallback-language.js';

/** What the controller reads from its element; functions, because subclasses set these after construction. */
export interface LocalizeOptions<N extends Namespace> {
  /** The element's namespace in the catalogues. */
  namespace: () => N;
  /** The element's own English strings (English namespaces are not in the shared English catalogue). */
  english: () => Catalogue[N];
  /** Where the element's strings in the other languages are fetched from. */
  translations: () => Translations;
  /** The host's `labels` property or attribute, as given (anything: it is checked here). */
  labels: () => unknown;
  /** A language asked for explicitly: the element's `lang`, then `<care-context lang>`. */
  requested: () => string | undefined;
}

export type Strings<N extends Namespace> = Catalogue[N] & CommonMessages;

type Plain = Record<string, unknown>;

/** Marks the `lang` set for language of parts, so the language the host asked for is never read from one of them. */
export const MARK = 'data-care-lang';

/**
 * The recording half of language of parts (fallback-language.ts). It arrives with the marking half
 * (language-marker.ts), on first need: a page whose language the library has never fetches it.
 */
export interface Recording {
  LibraryText: typeof LibraryText;
  recordingStrings: typeof recordingStrings;
}

/** The recording code, once it has arrived (it is the same for every element). */
let recording: Recording | undefined;

/** Hands every element the recording code once it has arrived. */
export const useRecording = (module: Recording): void => {
  recording = module;
};

const isPlain = (value: unknown): value is Plain =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

// Keys that would reach Object.prototype when copied from JSON given as an attribute.
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** One warning per mistake per page, not one per render or per element. */
const warned = new Set<string>();
const warnOnce = (message: string) => {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`care-elements: ${message}`);
};

/**
 * The host's overrides laid over the catalogue, nested objects merged key by key. An override of
 * the wrong kind never breaks rendering: a string where the catalogue has a message function is
 * used as fixed text; anything else that does not fit is ignored. Both are warned about once.
 */
export const mergeLabels = (base: Plain, overrides: unknown, path = ''): Plain => {
  if (!isPlain(overrides)) {
    if (overrides !== undefined && overrides !== null) warnOnce(`labels${path ? ` at "${path}"` : ''} must be an object; ignored.`);
    return base;
  }
  const merged: Plain = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (UNSAFE_KEYS.has(key)) continue;
    const at = path ? `${path}.${key}` : key;
    const current = base[key];
    if (current === undefined) merged[key] = value;
    else if (typeof current === 'function') {
      if (typeof value === 'function') merged[key] = value;
      else if (typeof value === 'string') {
        warnOnce(`label "${at}" is a message that takes values; the text "${value}" is shown as given, without them.`);
        merged[key] = () => value;
      } else warnOnce(`label "${at}" must be a function or a string; ignored.`);
    } else if (isPlain(current)) merged[key] = mergeLabels(current, value, at);
    else if (typeof value === 'string') merged[key] = value;
    else warnOnce(`label "${at}" must be a string; ignored.`);
  }
  return merged;
};

/** The merged strings without overrides, shared by every element of one language and namespace. */
const plainStrings = new WeakMap<object, WeakMap<object, Plain>>();

const baseStrings = (common: CommonMessages, own: object): Plain => {
  let byNamespace = plainStrings.get(common);
  if (!byNamespace) plainStrings.set(common, (byNamespace = new WeakMap()));
  let strings = byNamespace.get(own);
  if (!strings) byNamespace.set(own, (strings = { ...common, ...own }));
  return strings;
};

/**
 * Language, strings and dates for one element: resolves the language, loads its common and own
 * strings on demand (and updates the element when it arrives), and merges the host's label overrides once
 * per language and labels object instead of on every read.
 */
export class LocalizeController<N extends Namespace> implements ReactiveController {
  private memo?: { catalogue: LanguageStrings; own: object; labels: unknown; strings: Strings<N>; recording?: Strings<N> };

  private libraryText?: LibraryText;

  /**
   * Set when English was shown on a page in another language before the recording code had
   * arrived: that text was not noted, so the element renders again once the code is there.
   */
  unrecorded = false;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly options: LocalizeOptions<N>,
  ) {
    host.addController(this);
  }

  /** The language asked for (own `lang`, `<care-context lang>`, the page), before falling back. */
  get requested(): string {
    // A mark set for language of parts (language-marker.ts) is not a language anyone asked for.
    return this.options.requested() || (this.host.closest(`[lang]:not([${MARK}])`)?.getAttribute('lang') ?? document.documentElement.lang);
  }

  /**
   * True when English is shown on a page that asked for another language: one the library lacks
   * (`lang="de"`), or one whose catalogue is still loading.
   */
  get fallbackEnglish(): boolean {
    const asked = this.requested.trim().toLowerCase().split(/[-_]/)[0];
    const locale = this.locale;
    return (locale === 'en' || !isReady(locale, this.options.namespace())) && asked !== '' && asked !== 'en';
  }

  /** The last tag resolved and its locale: a render reads the locale many times over. */
  private resolved?: { tag: string; locale: Locale };

  /** The language in use, resolved from `lang`, `<care-context lang>`, the page, then English. */
  get locale(): Locale {
    const tag = this.requested;
    if (this.resolved?.tag !== tag) this.resolved = { tag, locale: resolveLocale(tag) };
    return this.resolved.locale;
  }

  /** The current language's strings once its common and own strings have arrived; English until then. */
  get catalogue(): LanguageStrings {
    const locale = this.locale;
    return (isReady(locale, this.options.namespace()) && loadedCatalogue(locale)) || english;
  }

  /** The element's strings merged with the common strings and the host's overrides. */
  get strings(): Strings<N> {
    const catalogue = this.catalogue;
    const own = catalogue[this.options.namespace()] ?? this.options.english();
    const labels = this.options.labels();
    let memo = this.memo;
    const base = baseStrings(catalogue.common, own);
    if (!memo || memo.catalogue !== catalogue || memo.own !== own || memo.labels !== labels) {
      const hasOverrides = isPlain(labels) ? Object.keys(labels).length > 0 : labels !== undefined && labels !== null;
      const strings = (hasOverrides ? mergeLabels(base, labels) : base) as unknown as Strings<N>;
      this.memo = memo = { catalogue, own, labels, strings };
      this.libraryText?.clear();
    }
    if (!this.fallbackEnglish) return memo.strings;
    // Falling back to English: every text handed out is noted, so it can be marked lang="en".
    const library = this.library;
    if (!library || !recording) {
      this.unrecorded = true;
      return memo.strings;
    }
    return (memo.recording ??= recording.recordingStrings(memo.strings, base, library));
  }

  /**
   * The library's own text this element showed while it fell back to English (see
   * `fallbackEnglish`); undefined until the recording code has arrived.
   */
  get library(): LibraryText | undefined {
    return recording && (this.libraryText ??= new recording.LibraryText());
  }

  /** For the date helpers: the catalogue and, optionally, the zone to show times in. */
  dates(timeZone?: string): DateContext {
    return { catalogue: this.catalogue, timeZone };
  }

  /**
   * A date in the element's language. A calendar date (`2026-12-08`) is that day wherever the
   * reader is; an instant is shown on the clock of `timeZone` (default: the reader's).
   */
  date(value: string, style: CalendarDateStyle = 'long', timeZone?: string): string {
    const shown = /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatCalendarDate(value, this.catalogue, style) : formatDate(value, this.dates(timeZone), style);
    if (this.fallbackEnglish) {
      const library = this.library;
      if (library) library.add(shown);
      else this.unrecorded = true;
    }
    return shown;
  }

  hostUpdate(): void {
    const locale = this.locale;
    const namespace = this.options.namespace();
    if (!isReady(locale, namespace)) void loadStrings(locale, namespace, this.options.translations()).then(() => this.host.requestUpdate());
  }
}
