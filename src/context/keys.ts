import { createContext } from '@lit/context';
import type { Actor } from '../contract/common.js';
import type { CareStore } from '../data/store.js';

/** The store that elements inside `<care-context>` read and write through. */
export const storeContext = createContext<CareStore | undefined>(Symbol.for('care-elements/store'));

/** The language `<care-context lang>` asks for (a BCP 47 tag). */
export const localeContext = createContext<string | undefined>(Symbol.for('care-elements/locale'));

/** Who is using the page; recorded on every change. */
export const actorContext = createContext<Actor | undefined>(Symbol.for('care-elements/actor'));
