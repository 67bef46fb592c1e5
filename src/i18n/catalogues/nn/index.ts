import { intlLocaleWithData } from '../../format.js';
import type { Catalogue } from '../../types.js';
import { common } from './common.js';
import { consent } from './consent.js';
import { matrix } from './matrix.js';
import { roster } from './roster.js';
import { scheduler } from './scheduler.js';

/** Every string in this language, with the locale its dates are formatted in (bokmål where the browser has no nynorsk data). */
export const catalogue: Catalogue = { locale: 'nn', intlLocale: intlLocaleWithData('nn-NO', 'nb-NO'), common, roster, matrix, consent, scheduler };
