/**
 * JSX typings for React 18 and 19. Add once, in any file of the host project:
 *
 *   import type {} from 'care-elements/react';
 *
 * Then `<care-team-roster headingLevel={3} ref={…} />` is checked: React 19 sets the element's
 * properties by name; React 18 sets attributes, so objects (team, consents) are set through a ref.
 */
import type * as React from 'react';
import type { CareElementProperties, CareElementTags } from './typings/props.js';

/** What a Care Elements tag accepts in JSX: React's own HTML attributes, a typed ref, its properties. */
export type CareElementJsxProps<E extends HTMLElement> = Omit<React.HTMLAttributes<E>, keyof CareElementProperties<E>> &
  CareElementProperties<E> & {
    ref?: React.Ref<E>;
    key?: React.Key;
    class?: string;
  };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'care-context': CareElementJsxProps<CareElementTags['care-context']>;
      'care-team-roster': CareElementJsxProps<CareElementTags['care-team-roster']>;
      'care-consent-toggle': CareElementJsxProps<CareElementTags['care-consent-toggle']>;
      'care-consent-list': CareElementJsxProps<CareElementTags['care-consent-list']>;
      'care-meeting-scheduler': CareElementJsxProps<CareElementTags['care-meeting-scheduler']>;
      'care-date-picker': CareElementJsxProps<CareElementTags['care-date-picker']>;
      'care-responsibility-matrix': CareElementJsxProps<CareElementTags['care-responsibility-matrix']>;
      'care-crisis-plan': CareElementJsxProps<CareElementTags['care-crisis-plan']>;
      'care-coordination-overview': CareElementJsxProps<CareElementTags['care-coordination-overview']>;
      'care-meeting-outcomes': CareElementJsxProps<CareElementTags['care-meeting-outcomes']>;
    }
  }
}
