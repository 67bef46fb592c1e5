import type { Sector } from '../../contract/values.js';
import { ResourceIndex } from './references.js';
import type * as F from './types.js';
import { CALLING_CODE_BY_TIME_ZONE, clone, findExtension, jsonEqual, readExtras, setExtension } from './util.js';
import { EXTENSIONS } from './codes.js';
import { mergeTheirsFirst } from '../merge.js';

/** What every mapping function needs besides the resource. */
export interface FhirMappingOptions {
  version: F.FhirVersion;
  /** Resources to follow references into (the search result Bundle of a load). */
  index?: ResourceIndex;
  /** Today, `YYYY-MM-DD`, for member status from periods. Defaults to the current UTC date. */
  today?: string;
  /** Sector of an organisation whose type has no known code. Default `specialist` (a hospital's FHIR server). */
  defaultSector?: Sector;
  /**
   * Organisation type codes → sector, read before the defaults (`SECTOR_BY_TYPE_CODE`): keys are
   * `system|code` (`http://snomed.info/sct|394814009`) or a bare code for any system.
   */
  sectorMapping?: Readonly<Record<string, Sector>>;
  /** Time zone of an appointment that names none and of other times written without an offset (and the country of telephone numbers written without one). Default `Europe/Oslo`. */
  timeZone?: string;
  /** The care team's id, set as `teamId` on responsibilities and meetings. */
  teamId?: string;
  /** The service user, `Patient/<id>`: the `for`/`subject` of new Tasks and Appointments. */
  patient?: string;
  /**
   * The care team already read: member names for reference display text, and aliases so a Task
   * owner given as `Practitioner/7` finds the member read from `PractitionerRole/3` (and back).
   */
  team?: { members: ReadonlyArray<{ id: string; name: string }> };
}

export interface MappingContext extends Required<Omit<FhirMappingOptions, 'teamId' | 'patient' | 'team'>> {
  teamId?: string;
  patient?: string;
  team?: FhirMappingOptions['team'];
  /** The member id a reference stands for (through PractitionerRole ↔ Practitioner aliases). */
  memberKey(reference: F.Reference | undefined, from: F.Resource): string | undefined;
  /** The name of a member, for reference display text. */
  memberName(id: string): string | undefined;
  /** The country calling code for telephone numbers written without one (from the time zone), if the rule knows it. */
  callingCode?: string;
}

export const contextOf = (options: FhirMappingOptions): MappingContext => {
  const index = options.index ?? new ResourceIndex();
  const memberIds = new Set(options.team?.members.map((m) => m.id) ?? []);
  const memberKey = (reference: F.Reference | undefined, from: F.Resource): string | undefined => {
    const key = index.key(reference, from);
    if (!key || memberIds.has(key) || !memberIds.size) return key;
    const target = index.resolve(reference, from);
    // A PractitionerRole stands for its practitioner, and the other way round.
    if (target?.resourceType === 'PractitionerRole') {
      const practitioner = index.key((target as F.PractitionerRole).practitioner, target);
      if (practitioner && memberIds.has(practitioner)) return practitioner;
    }
    for (const id of memberIds) {
      const role = index.resolve({ reference: id });
      if (role?.resourceType === 'PractitionerRole' && index.key((role as F.PractitionerRole).practitioner, role) === key) return id;
    }
    return key;
  };
  return {
    version: options.version,
    index,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    defaultSector: options.defaultSector ?? 'specialist',
    sectorMapping: options.sectorMapping ?? {},
    timeZone: options.timeZone ?? 'Europe/Oslo',
    callingCode: CALLING_CODE_BY_TIME_ZONE[options.timeZone ?? 'Europe/Oslo'],
    teamId: options.teamId,
    patient: options.patient,
    team: options.team,
    memberKey,
    memberName: (id) => options.team?.members.find((m) => m.id === id)?.name,
  };
};

/** What an entity read from FHIR carries in its opaque `fhir` property: the resource as read. */
export interface FhirKept {
  version: F.FhirVersion;
  resource: F.Resource;
}

export const keep = (version: F.FhirVersion, resource: F.Resource): FhirKept => ({ version, resource: clone(resource) });

/** The resource an entity was read from, if it carries one of the same version. */
export const keptResource = <T extends F.Resource>(entity: unknown, version: F.FhirVersion, type: T['resourceType']): T | undefined => {
  const kept = (entity as { fhir?: Partial<FhirKept> } | undefined)?.fhir;
  return kept?.version === version && kept.resource?.resourceType === type ? (clone(kept.resource) as T) : undefined;
};

/** Keys of a contract entity that are never written as FHIR (the opaque copy and the server's version). */
const NOT_WRITTEN = new Set(['fhir', 'meta']);

/**
 * The key, inside the contract-extras JSON, of what the resource's own elements said of each kept
 * field when it was written: a later read compares against it to see what another system changed.
 */
const READ_AS = '$read';

/**
 * The contract fields of `entity` that reading `written` back does not reproduce: these are kept as
 * JSON in the contract-extras extension of `holder`, so a write never loses them, together with
 * what the resource's own elements said of each (under `$read`). Returns the extras written.
 */
export const keepUnexpressed = (
  entity: object,
  readBack: Record<string, unknown>,
  holder: { extension?: F.Extension[] },
): Record<string, unknown> => {
  const extras: Record<string, unknown> = {};
  const readAs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (NOT_WRITTEN.has(key) || value === undefined) continue;
    if (jsonEqual(readBack[key], value)) continue;
    extras[key] = value;
    if (readBack[key] !== undefined) readAs[key] = readBack[key];
  }
  if (Object.keys(readAs).length) extras[READ_AS] = readAs;
  setExtras(holder, extras);
  return extras;
};

/**
 * Puts contract extras over what the mapping derived from the resource's own elements. Where those
 * elements say something else than when the extras were written (another system changed them: a
 * disputed Task resumed, a participant's answer), the elements win; what only the extras say (a
 * proposer's organisation, who disputed) is kept. Extras written before `$read` was kept apply as
 * they are.
 */
export const mergeExtras = <T extends object>(derived: T, found: Record<string, unknown>): T => {
  const { [READ_AS]: readAs, ...extras } = found;
  if (!readAs || typeof readAs !== 'object' || Array.isArray(readAs)) return Object.assign(derived, extras);
  const target = derived as Record<string, unknown>;
  for (const [key, value] of Object.entries(extras)) {
    const merged = mergeTheirsFirst((readAs as Record<string, unknown>)[key], value, target[key]);
    if (merged === undefined) delete target[key];
    else target[key] = merged;
  }
  return derived;
};

/** The contract-extras text of each holder before `withoutExtras` took it off, so an unchanged value is written back as it was. */
const strippedExtras = new WeakMap<object, string>();

/** Writes the contract-extras extension; when its value equals what was there (in any key order), the original text stays. */
export const setExtras = (holder: { extension?: F.Extension[] }, extras: Record<string, unknown>): void => {
  const before = strippedExtras.get(holder) ?? findExtension(holder, EXTENSIONS.contractExtras)?.valueString;
  let same = false;
  try {
    same = before !== undefined && jsonEqual(JSON.parse(before), extras);
  } catch {
    same = false;
  }
  const text = same ? before! : JSON.stringify(extras);
  setExtension(holder, EXTENSIONS.contractExtras, Object.keys(extras).length ? { url: EXTENSIONS.contractExtras, valueString: text } : undefined);
};

/** Applies the contract-extras of `holder` over what the mapping derived (see `mergeExtras`). */
export const withExtras = <T extends object>(derived: T, holder: { extension?: F.Extension[] } | undefined): T => mergeExtras(derived, readExtras(holder));

/** Strips the contract-extras extension (before reading a written resource back). */
export const withoutExtras = (holder: { extension?: F.Extension[] }): void => {
  const text = findExtension(holder, EXTENSIONS.contractExtras)?.valueString;
  if (text !== undefined) strippedExtras.set(holder, text);
  setExtension(holder, EXTENSIONS.contractExtras, undefined);
};

/** Contract `meta` from FHIR `meta`. */
export const metaOf = (resource: F.Resource): { version?: string; updated?: string } | undefined => {
  const version = resource.meta?.versionId;
  const updated = resource.meta?.lastUpdated;
  if (!version && !updated) return undefined;
  const meta: { version?: string; updated?: string } = {};
  if (version) meta.version = version;
  if (updated && /[zZ]|[+-]\d{2}:\d{2}$/.test(updated)) meta.updated = updated;
  return meta;
};

/** Writes `field` only when the entity's value differs from what the base resource maps to. */
export const changed = (derived: Record<string, unknown> | undefined, entity: object, field: string): boolean =>
  !derived || !jsonEqual(derived[field], (entity as Record<string, unknown>)[field]);
