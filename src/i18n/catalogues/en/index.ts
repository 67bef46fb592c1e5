import { enGB } from 'date-fns/locale/en-GB';
import type { Catalogue } from '../../types.js';
import { common } from './common.js';
import { consent } from './consent.js';
import { matrix } from './matrix.js';
import { roster } from './roster.js';
import { scheduler } from './scheduler.js';

/** Every string in this language, with its date-fns locale (Monday first, ISO weeks). */
export const catalogue: Catalogue = { locale: 'en', dateLocale: enGB, common, roster, matrix, consent, scheduler };
