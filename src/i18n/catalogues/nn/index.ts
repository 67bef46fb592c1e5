import { nn } from 'date-fns/locale/nn';
import type { Catalogue } from '../../types.js';
import { common } from './common.js';
import { consent } from './consent.js';
import { matrix } from './matrix.js';
import { roster } from './roster.js';
import { scheduler } from './scheduler.js';

/** Every string in this language, with its date-fns locale (Monday first, ISO weeks). */
export const catalogue: Catalogue = { locale: 'nn', dateLocale: nn, common, roster, matrix, consent, scheduler };
