import { lazySource } from '../lazy-source.js';
import { StoreError, type CareDataSource } from '../types.js';
import type { FhirSourceOptions } from './source.js';

/**
 * A FhirSource that loads the FHIR mapping code only when it is first used, so pages (and the
 * single-file bundle) that never talk to a FHIR server do not carry it.
 */
export const lazyFhirSource = (options: FhirSourceOptions): CareDataSource =>
  lazySource(() =>
    import('./source.js').then(({ FhirSource }) => {
      try {
        return new FhirSource(options);
      } catch (error) {
        // A setting the source refuses (fhir-version="STU3") is a load error with its reason, not a crash.
        throw error instanceof TypeError ? new StoreError('rejected', error.message) : error;
      }
    }),
    'fhir',
  );
