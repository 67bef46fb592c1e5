import type { Actor } from '../contract/common.js';

/** Reads an `actor` attribute: JSON such as `{"id":"m-kari","name":"Kari Nilsen","organisationId":"org-home-care"}`. */
export const actorConverter = {
  fromAttribute(value: string | null): Actor | undefined {
    if (!value) return undefined;
    try {
      return JSON.parse(value) as Actor;
    } catch {
      console.warn(`care-elements: the actor attribute is not JSON: ${value.slice(0, 80)}`);
      return undefined;
    }
  },
  toAttribute(value: Actor | undefined): string | undefined {
    return value === undefined ? undefined : JSON.stringify(value);
  },
};
