import type { Catalogue } from '../../types.js';
import { common } from './common.js';
import { consent } from './consent.js';
import { matrix } from './matrix.js';
import { roster } from './roster.js';
import { scheduler } from './scheduler.js';

/** Every string in this language, with the locale its dates are formatted in. */
export const catalogue: Catalogue = { locale: 'da', intlLocale: 'da-DK', common, roster, matrix, consent, scheduler };
