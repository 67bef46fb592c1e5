import { intlLocaleOf } from '../../format.js';
import type { Catalogue } from '../../types.js';
import { common } from './common.js';
import { consent } from './consent.js';
import { crisis } from './crisis.js';
import { matrix } from './matrix.js';
import { outcomes } from './outcomes.js';
import { overview } from './overview.js';
import { picker } from './picker.js';
import { roster } from './roster.js';
import { scheduler } from './scheduler.js';

/** Every string in this language, with the locale its dates are formatted in. */
export const catalogue: Catalogue = { locale: 'sv', intlLocale: intlLocaleOf('sv'), common, roster, matrix, consent, scheduler, picker, crisis, outcomes, overview };
