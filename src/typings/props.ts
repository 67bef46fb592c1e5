/**
 * The typed surface of every Care Elements tag, shared by the React and Vue typings: the public
 * properties a host sets (methods and Lit's own members left out) and the tags they belong to.
 */
import type { LitElement } from 'lit';
import type {} from '../define.js';

/** Every tag this library registers, each with its element class. */
export interface CareElementTags {
  'care-context': HTMLElementTagNameMap['care-context'];
  'care-team-roster': HTMLElementTagNameMap['care-team-roster'];
  'care-consent-toggle': HTMLElementTagNameMap['care-consent-toggle'];
  'care-consent-list': HTMLElementTagNameMap['care-consent-list'];
  'care-meeting-scheduler': HTMLElementTagNameMap['care-meeting-scheduler'];
  'care-date-picker': HTMLElementTagNameMap['care-date-picker'];
  'care-responsibility-matrix': HTMLElementTagNameMap['care-responsibility-matrix'];
  'care-crisis-plan': HTMLElementTagNameMap['care-crisis-plan'];
  'care-coordination-overview': HTMLElementTagNameMap['care-coordination-overview'];
  'care-meeting-outcomes': HTMLElementTagNameMap['care-meeting-outcomes'];
}

type DataKeys<E> = {
  [K in keyof E]-?: E[K] extends (...args: never[]) => unknown ? never : K;
}[keyof E];

/** The properties a host sets on element `E`: its own public, non-function members. */
export type CareElementProperties<E> = Partial<Pick<E, Exclude<DataKeys<E>, keyof LitElement>>>;

/** `headingLevel` → `heading-level`: how a property is spelt as an attribute. */
export type KebabCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `-${Lowercase<Head>}`}${KebabCase<Tail>}`
  : S;

/** The attributes of element `E`, as strings, for hosts that set attributes (React 18, templates). */
export type CareElementAttributes<E> = {
  [K in keyof CareElementProperties<E> as K extends string ? KebabCase<K> : never]?: string;
};
