import type { CareRecord } from '../../contract/record.js';
import type { CareDataSource, Change, ChangeKind, EntityByKind } from '../types.js';
import type { FhirSource, FhirSourceOptions } from './source.js';

/**
 * A FhirSource that loads the FHIR mapping code only when it is first used, so pages (and the
 * single-file bundle) that never talk to a FHIR server do not carry it.
 */
export const lazyFhirSource = (options: FhirSourceOptions): CareDataSource => {
  let source: Promise<FhirSource> | undefined;
  const get = () => (source ??= import('./source.js').then(({ FhirSource }) => new FhirSource(options)));
  return {
    load: async (teamId: string, signal?: AbortSignal): Promise<CareRecord> => (await get()).load(teamId, signal),
    save: async <K extends ChangeKind>(change: Change<K>, signal?: AbortSignal): Promise<EntityByKind[K]> => (await get()).save(change, signal),
  };
};
