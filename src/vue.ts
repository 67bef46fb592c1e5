/**
 * Template typings for Vue 3 (Volar / vue-tsc). Add once, in any file of the host project:
 *
 *   import type {} from 'care-elements/vue';
 *
 * and tell Vue's compiler that `care-` tags are custom elements (`isCustomElement`). Properties are
 * bound with `:team="…"` (objects) or `.team` (force a property); attributes are plain strings.
 */
import type { DefineComponent } from 'vue';
import type { CareElementAttributes, CareElementProperties, CareElementTags } from './typings/props.js';

/** What a Care Elements tag accepts in a Vue template: its properties and their attribute spellings. */
export type CareElementVueProps<E> = CareElementProperties<E> & CareElementAttributes<E>;

type Tag<K extends keyof CareElementTags> = DefineComponent<CareElementVueProps<CareElementTags[K]>>;

declare module 'vue' {
  interface GlobalComponents {
    'care-context': Tag<'care-context'>;
    'care-team-roster': Tag<'care-team-roster'>;
    'care-consent-toggle': Tag<'care-consent-toggle'>;
    'care-consent-list': Tag<'care-consent-list'>;
    'care-meeting-scheduler': Tag<'care-meeting-scheduler'>;
    'care-date-picker': Tag<'care-date-picker'>;
    'care-responsibility-matrix': Tag<'care-responsibility-matrix'>;
    'care-crisis-plan': Tag<'care-crisis-plan'>;
    'care-coordination-overview': Tag<'care-coordination-overview'>;
    'care-meeting-outcomes': Tag<'care-meeting-outcomes'>;
  }
}
