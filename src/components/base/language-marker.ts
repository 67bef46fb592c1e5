/**
 * Language of parts, the marking half (fallback-language.ts records which text is the library's):
 * loaded on first need, when an element shows English on a page in another language (a language
 * the library lacks, or before the page language's strings have arrived). A page in English never
 * fetches it.
 */
import type { LibraryText } from './fallback-language.js';
import { MARK } from './localize.js';

// The recording half comes in the same chunk: only a page that needs marks needs it.
export { LibraryText, recordingStrings } from './fallback-language.js';

/** Attributes whose text assistive technology reads out, sorted like text. */
const SPOKEN_ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt'];

/** The language `node` inherits, across shadow roots: the nearest `lang` attribute up the composed tree. */
export const inheritedLanguage = (node: Element): string => {
  let at: Element | null = node;
  while (at) {
    const found: Element | null = at.closest('[lang]');
    if (found) return found.getAttribute('lang') ?? '';
    const root = at.getRootNode();
    at = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
};

const primary = (lang: string) => lang.trim().toLowerCase().split(/[-_]/)[0];

/** What an element's own text is: the library's (`en`), the page's (data, host text), or nothing to say. */
const ownText = (el: Element, library: LibraryText): 'library' | 'page' | undefined => {
  let page = false;
  const sort = (text: string | null) => {
    if (text === null) return false;
    const owned = library.owns(text);
    if (owned === false) page = true;
    return owned === true;
  };
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === Node.TEXT_NODE && sort((node as Text).data)) return 'library';
  }
  for (const name of SPOKEN_ATTRIBUTES) if (sort(el.getAttribute(name))) return 'library';
  return page ? 'page' : undefined;
};

type Marking = { host: Element; page: string; library: LibraryText; generation: number };

/**
 * Sets `lang` on the elements of a shadow root whose own text needs it: `en` where the library's
 * English is shown (a sentence with a name in it included), the page's language where text from
 * the host or the data sits inside something marked English. Marks no longer right are taken
 * away; a `lang` the template set itself is kept. After the first pass only what changed is
 * looked at again (a MutationObserver), so a large grid stays fast on such a page.
 */
export class LanguageMarker {
  private observer?: MutationObserver;
  private marking?: Marking;

  constructor(private readonly root: ShadowRoot | HTMLElement) {}

  /** Marks for `page` (the language the page asked for), or, with `fallback` false, takes every mark away. */
  update(host: Element, page: string, library: LibraryText, fallback: boolean): void {
    if (!fallback) {
      if (!this.marking) return;
      this.observer?.disconnect();
      this.observer = undefined;
      this.marking = undefined;
      for (const el of this.root.querySelectorAll(`[${MARK}]`)) unmark(el);
      return;
    }
    const before = this.marking;
    const next: Marking = { host, page, library, generation: library.generation };
    this.marking = next;
    if (!this.observer) {
      this.observer = new MutationObserver((records) => this.changed(records));
      this.observer.observe(this.root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: SPOKEN_ATTRIBUTES });
    }
    const pending = this.observer.takeRecords();
    if (!before || before.page !== page || before.generation !== next.generation || inheritedLanguage(host) !== this.hostLanguage) {
      this.hostLanguage = inheritedLanguage(host);
      this.markBelow(this.root, this.hostLanguage);
    } else this.changed(pending);
  }

  private hostLanguage = '';

  /** Looks again only at what changed: elements whose own text or spoken attributes changed, and added subtrees. */
  private changed(records: MutationRecord[]) {
    if (!this.marking || records.length === 0) return;
    const own = new Set<Element>();
    const added = new Set<Element>();
    for (const record of records) {
      if (record.type === 'characterData') {
        const parent = record.target.parentElement;
        if (parent) own.add(parent);
      } else if (record.type === 'attributes') own.add(record.target as Element);
      else {
        if (record.target instanceof Element) own.add(record.target);
        for (const node of record.addedNodes) if (node instanceof Element) added.add(node);
      }
    }
    for (const el of added) {
      if (!el.isConnected || [...added].some((other) => other !== el && other.contains(el))) continue;
      this.markFrom(el, this.inheritedWithin(el));
    }
    for (const el of own) {
      if (!el.isConnected || [...added].some((other) => other.contains(el))) continue;
      const inherited = this.inheritedWithin(el);
      const was = effectiveOf(el, inherited);
      const now = this.markOne(el, inherited);
      // Its descendants inherit from it: when its language changed, they are looked at again.
      if (now !== was) this.markBelow(el, now);
    }
  }

  /** The language an element of the root inherits from its ancestors inside the root, else from the host. */
  private inheritedWithin(el: Element): string {
    for (let at = el.parentElement; at; at = at.parentElement) {
      const lang = at.getAttribute('lang');
      if (lang !== null) return lang;
    }
    return this.hostLanguage;
  }

  /** Marks `start` and everything below it. */
  private markFrom(start: Element, inherited: string) {
    this.markBelow(start, this.markOne(start, inherited));
  }

  /** Marks everything below `start` (not `start` itself), whose own language is `startLanguage`. */
  private markBelow(start: Element | ShadowRoot | HTMLElement, startLanguage: string) {
    const effective = new Map<Node, string>([[start, startLanguage]]);
    const walker = document.createTreeWalker(start, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
      const inherited = (el.parentNode && effective.get(el.parentNode)) ?? startLanguage;
      effective.set(el, this.markOne(el, inherited));
    }
  }

  /** Sets or takes away the mark of one element; returns the language its children inherit. */
  private markOne(el: Element, inherited: string): string {
    const { page, library } = this.marking!;
    const ours = el.hasAttribute(MARK);
    if (el.hasAttribute('lang') && !ours) return el.getAttribute('lang')!;
    if (el.localName === 'style' || el.localName === 'script') return inherited;
    const text = ownText(el, library);
    const wanted = text === 'library' ? 'en' : text === 'page' ? page : undefined;
    if (wanted !== undefined && primary(wanted) !== primary(inherited)) {
      if (el.getAttribute('lang') !== wanted) el.setAttribute('lang', wanted);
      if (!ours) el.setAttribute(MARK, '');
      return wanted;
    }
    if (ours) unmark(el);
    return inherited;
  }
}

const unmark = (el: Element) => {
  el.removeAttribute('lang');
  el.removeAttribute(MARK);
};

/** The language an element's children inherit now, given what it inherits. */
const effectiveOf = (el: Element, inherited: string): string => el.getAttribute('lang') ?? inherited;
