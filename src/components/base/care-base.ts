import { html, LitElement, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { follow } from '../../context/follow.js';
import { localeContext } from '../../context/keys.js';
import { prepareDates, type DateContext } from '../../i18n/format.js';
import type { Translations } from '../../i18n/translations.js';
import type { Catalogue, CommonMessages, LabelOverrides, LanguageStrings, Locale, Namespace, PartOf } from '../../i18n/types.js';
import { baseStyles } from '../../styles/shared.js';
import { LocalizeController, useRecording } from './localize.js';
import { followPageLanguage, unfollowPageLanguage } from './page-language.js';
import type { LanguageMarker } from './language-marker.js';
import { english } from '../../i18n/locale.js';

// The page's first date formatter loads the browser's calendar data (tens of milliseconds); later
// ones, in any language, take well under one. It is made in idle time once the elements' code has
// run, so an element given its data at once does not pay for it in its first render either.
prepareDates(english.intlLocale);

/**
 * The custom states an element can be in, for CSS: `loading`, `load-error` and `invalid-data` on
 * every element; the consent toggle adds `saving`, `save-failed`, `sharing` and `not-recorded`.
 */
export type ElementState = 'loading' | 'load-error' | 'invalid-data' | 'saving' | 'save-failed' | 'sharing' | 'not-recorded';

/**
 * What every element shares, also one that holds no care data (the date picker): language and
 * label overrides, `<care-context lang>`, custom states, the loading state and the common styles.
 * Elements that show care data extend `CareElement`, which adds the store, the actor and the
 * contract checks; keeping those out of this class keeps the validator out of a date picker's
 * bundle.
 */
export abstract class CareBase<N extends Namespace, M extends PartOf<Catalogue[N]> = Catalogue[N]> extends LitElement {
  /** @internal Lit's reactive properties: the fields below, their attributes and reflection. */
  static override properties: PropertyDeclarations = {
    contextLocale: { state: true },
    lang: { reflect: true },
    labels: { type: Object },
  };

  static {
    follow(localeContext)(this.prototype, 'contextLocale');
  }

  static override styles = [baseStyles];

  /** The element's namespace in the message catalogues. */
  protected abstract readonly namespace: N;

  /**
   * The element's English strings (`src/i18n/catalogues/en/<namespace>.ts`), imported by the
   * element itself so that a bundle with one element carries only that element's English. An
   * element that shows part of a namespace (the toggle of `consent`) names that part as `M`: its
   * English is the part, and `t` lets it read nothing outside the part (a key outside it would be
   * `undefined` in English while the other languages, which hold the whole namespace, had it).
   */
  protected abstract readonly english: M;

  /** Where the element's strings in the other languages are fetched from (`src/i18n/translations.ts`). */
  protected abstract readonly translations: Translations;

  protected contextLocale?: string;

  /**
   * Language of the element's text (`nb`, `nn`, `da`, `sv`, `en`); otherwise inherited from the page.
   * Reflected like the native `lang`, so assistive technology reads the text in that language also
   * when a framework sets it as a property (React 19 does).
   */
  override lang!: string;

  /** Replaces any built-in text of this element, per instance: `{ title: 'My helpers' }`. */
  labels: LabelOverrides<N> = {};

  /** Language, memoised strings with the host's overrides, and dates, shared by every element. */
  protected readonly localize = new LocalizeController<N>(this, {
    namespace: () => this.namespace,
    // The other languages' catalogues hold the whole namespace; English may hold only the part `t` can read.
    english: () => this.english as unknown as Catalogue[N],
    translations: () => this.translations,
    labels: () => this.labels,
    requested: () => this.lang || this.contextLocale,
  });

  /**
   * The element's internals: its custom states for CSS (`care-team-roster:state(loading)`), and for
   * form-associated elements their form value and validity.
   */
  protected readonly internals: ElementInternals = this.attachInternals();

  /** The custom states the render under way has marked. */
  private statesNow = new Set<ElementState>();

  /**
   * Marks a state of this render for CSS from outside (`:state(name)`). Every render starts with
   * none, so a state holds exactly as long as the element shows it.
   */
  protected markState(name: ElementState): void {
    this.statesNow.add(name);
  }

  protected override update(changed: PropertyValues): void {
    this.statesNow = new Set();
    super.update(changed);
    const states = this.internals.states as Set<string> | undefined;
    if (!states) return;
    for (const name of [...states]) if (!this.statesNow.has(name as ElementState)) states.delete(name);
    for (const name of this.statesNow) states.add(name);
  }

  /** The language in use, resolved from `lang`, `<care-context lang>`, the page, then English. */
  get locale(): Locale {
    return this.localize.locale;
  }

  /** The language asked for (own `lang`, `<care-context lang>`, the page), before falling back. */
  private get requestedLanguage(): string {
    return this.localize.requested;
  }

  /** The loaded catalogue for the current language (English until it has arrived). */
  protected get catalogue(): LanguageStrings {
    return this.localize.catalogue;
  }

  /** The element's strings merged with the common strings and the host's overrides. */
  protected get t(): M & CommonMessages {
    return this.localize.strings as unknown as M & CommonMessages;
  }

  /** For the date helpers: the catalogue and, optionally, the zone to show times in. */
  protected dates(timeZone?: string): DateContext {
    return this.localize.dates(timeZone);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    followPageLanguage(this);
    prepareDates(this.catalogue.intlLocale);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unfollowPageLanguage(this);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.markFallbackLanguage();
  }

  /** Language of parts, looked after once the element has rendered. */
  private languageMarker?: LanguageMarker;

  /** The marker's module on its way (it is loaded on first need); `updateComplete` waits for it. */
  private languageMarkerLoad?: Promise<void>;

  /**
   * English shown on a page in a language the library lacks (`lang="de"`), or while a catalogue
   * loads, is marked `lang="en"`, so a screen reader does not read it with the page's voice (WCAG
   * 3.1.2); names, notes and the host's own labels keep the page's language.
   */
  private markFallbackLanguage() {
    const fallback = this.localize.fallbackEnglish;
    if (!fallback && !this.languageMarker) return;
    if (!this.languageMarker) {
      this.languageMarkerLoad ??= import('./language-marker.js').then(
        (module) => {
          useRecording(module);
          this.languageMarker = new module.LanguageMarker(this.renderRoot as ShadowRoot);
          // English shown before the recording code arrived was not noted: render again through it, then mark.
          if (this.localize.unrecorded) {
            this.localize.unrecorded = false;
            this.requestUpdate();
          } else this.markFallbackLanguage();
        },
        // Marks are an aid, not the content: without the module the text stays as it is, and the next render asks again.
        () => {
          this.languageMarkerLoad = undefined;
        },
      );
      return;
    }
    const library = this.localize.library;
    if (library) this.languageMarker.update(this, this.requestedLanguage, library, fallback);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    if (!this.languageMarkerLoad) return result;
    await this.languageMarkerLoad;
    return (await super.getUpdateComplete()) && result;
  }

  /** The loading state. */
  protected renderLoading(): TemplateResult {
    this.markState('loading');
    return html`<div class="state loading" role="status" aria-live="polite" part="state loading">
      <span class="spinner" aria-hidden="true"></span>${this.t.loading}
    </div>`;
  }
}
