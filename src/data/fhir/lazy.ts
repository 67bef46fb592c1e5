import { lazySource } from '../lazy-source.js';
import type { CareDataSource } from '../types.js';
import type { FhirSourceOptions } from './source.js';

/**
 * A FhirSource that loads the FHIR mapping code only when it is first used, so pages (and the
 * single-file bundle) that never talk to a FHIR server do not carry it.
 */
export const lazyFhirSource = (options: FhirSourceOptions): CareDataSource =>
  lazySource(() => import('./source.js').then(({ FhirSource }) => new FhirSource(options)));
