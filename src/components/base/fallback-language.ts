/**
 * Language of parts (WCAG 3.1.2) on a page whose language the library lacks (`lang="de"`): the
 * English the library shows instead is marked `lang="en"`, while what the host and the data
 * bring (names, notes, titles, label overrides) keeps the page's language. Lit renders every
 * `${…}` as a text node of its own, so each text node is sorted by where its text came from: the
 * catalogue (recorded as it is read, see `recordingStrings`) or anywhere else. Loaded on first need
 * with language-marker.ts, which hands it on.
 */

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** The library's own text shown by one element, as it was handed out by the catalogue. */
export class LibraryText {
  private readonly texts = new Set<string>();
  private longestFirst?: string[];
  private readonly verdicts = new Map<string, boolean>();
  /** Counts `clear()` calls: text sorted before one may have to be sorted again. */
  generation = 0;

  add(text: string): void {
    const trimmed = text.trim();
    if (trimmed === '' || this.texts.has(trimmed)) return;
    this.texts.add(trimmed);
    this.longestFirst = undefined;
    this.verdicts.clear();
  }

  clear(): void {
    if (this.texts.size > 0) this.generation++;
    this.texts.clear();
    this.longestFirst = undefined;
    this.verdicts.clear();
  }

  /**
   * Whether `text` is the library's: one catalogue text, or several joined with punctuation
   * ("Error: Your change was not saved."). Text without letters is neither (undefined).
   */
  owns(text: string): boolean | undefined {
    const trimmed = text.trim();
    if (!LETTER.test(trimmed)) return undefined;
    if (this.texts.has(trimmed)) return true;
    let verdict = this.verdicts.get(trimmed);
    if (verdict === undefined) {
      this.longestFirst ??= [...this.texts].sort((a, b) => b.length - a.length);
      let rest = trimmed;
      for (const known of this.longestFirst) if (rest.includes(known)) rest = rest.split(known).join(' ');
      verdict = !LETTER.test(rest);
      this.verdicts.set(trimmed, verdict);
    }
    return verdict;
  }
}

const LETTER = /\p{L}/u;

/**
 * The merged strings, seen through a proxy that records every text it hands out (a string, or
 * what a message function returns) in `library`, unless the host replaced it with a label of its own.
 * `base` is the catalogue before the host's overrides, to tell the two apart.
 */
export const recordingStrings = <T extends object>(merged: T, base: object, library: LibraryText): T => {
  const proxies = new WeakMap<object, object>();
  const wrappers = new WeakMap<(...args: never[]) => unknown, (...args: never[]) => unknown>();
  const wrap = (target: Plain, original: Plain): Plain => {
    const known = proxies.get(target);
    if (known) return known as Plain;
    const proxy = new Proxy(target, {
      get(object, key, receiver) {
        const value = Reflect.get(object, key, receiver) as unknown;
        if (typeof key !== 'string') return value;
        const from = original[key];
        if (typeof value === 'string') {
          if (value === from) library.add(value);
          return value;
        }
        if (typeof value === 'function') {
          if (value !== from) return value;
          const fn = value as (...args: never[]) => unknown;
          let wrapper = wrappers.get(fn);
          if (!wrapper) {
            wrapper = (...args: never[]) => {
              const out = fn(...args);
              if (typeof out === 'string') library.add(out);
              return out;
            };
            wrappers.set(fn, wrapper);
          }
          return wrapper;
        }
        if (isPlain(value)) return wrap(value, isPlain(from) ? from : {});
        return value;
      },
    });
    proxies.set(target, proxy);
    return proxy;
  };
  return wrap(merged as Plain, base as Plain) as T;
};
