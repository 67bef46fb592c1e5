import { ConsentDirective } from '../contract/consent.js';
import { CrisisPlan } from '../contract/crisis-plan.js';
import { Meeting } from '../contract/meeting.js';
import { MeetingOutcome } from '../contract/meeting-outcome.js';
import type { CareRecord } from '../contract/record.js';
import { Responsibility } from '../contract/responsibility.js';
import { CareTeam } from '../contract/team.js';
import { check, type ContractIssue, type ContractResult } from '../contract/validate.js';
import { StoreError, type Change, type ChangeKind, type EntityByKind } from './types.js';

/** The contract schema of each entity kind a change can write. */
export const ENTITY_SCHEMAS = {
  team: CareTeam,
  responsibility: Responsibility,
  consent: ConsentDirective,
  meeting: Meeting,
  'crisis-plan': CrisisPlan,
  'meeting-outcome': MeetingOutcome,
} as const;

/** Checks an entity of a kind against its contract schema. */
export const checkEntity = <K extends ChangeKind>(kind: K, value: unknown): ContractResult<EntityByKind[K]> =>
  check(ENTITY_SCHEMAS[kind] as unknown as Parameters<typeof check<EntityByKind[K]>>[0], value);

/** The contract name of each entity kind, as used in messages and the docs. */
export const ENTITY_NAMES: Record<ChangeKind, string> = {
  team: 'CareTeam',
  responsibility: 'Responsibility',
  consent: 'ConsentDirective',
  meeting: 'Meeting',
  'crisis-plan': 'CrisisPlan',
  'meeting-outcome': 'MeetingOutcome',
};

/** The list in a CareRecord (and the REST collection) that holds each entity kind. */
export const COLLECTIONS = {
  responsibility: 'responsibilities',
  consent: 'consents',
  meeting: 'meetings',
  'crisis-plan': 'crisisPlans',
  'meeting-outcome': 'meetingOutcomes',
} as const satisfies Record<Exclude<ChangeKind, 'team'>, keyof CareRecord>;

/** The path segment of each collection in the REST contract (docs/openapi.yaml). */
export const REST_COLLECTIONS: Record<keyof typeof COLLECTIONS, string> = {
  responsibility: 'responsibilities',
  consent: 'consents',
  meeting: 'meetings',
  'crisis-plan': 'crisis-plans',
  'meeting-outcome': 'meeting-outcomes',
};

/** Issues as one line a log can show: `path: message; path: message`. */
export const describeIssues = (issues: readonly ContractIssue[], limit = 20): string => {
  const shown = issues.slice(0, limit).map((issue) => `${issue.path || '(root)'}: ${issue.message}${issue.found ? ` (${issue.found})` : ''}`);
  if (issues.length > limit) shown.push(`… and ${issues.length - limit} more`);
  return shown.join('; ');
};

/**
 * Data from a source broke the contract. Kind `contract`; `issues` holds each problem with its
 * path, and `detail` lists them for logs.
 */
export class StoreContractError extends StoreError {
  constructor(
    readonly entity: string,
    readonly issues: readonly ContractIssue[],
  ) {
    super('contract', `${entity} does not follow the data contract: ${describeIssues(issues)}`);
    this.name = 'StoreContractError';
  }
}

/**
 * Remembers which care team each loaded entity belongs to, because a change names its entity but
 * not always its team (`teamId` is optional on entities).
 */
export class TeamDirectory {
  // null: the same id was loaded with more than one team, so the id alone does not tell.
  private readonly teamOf = new Map<string, string | null>();
  private readonly loaded = new Set<string>();

  /** Notes every entity of a loaded record. */
  remember(record: CareRecord): void {
    const teamId = record.team.id;
    this.loaded.add(teamId);
    for (const kind of Object.keys(COLLECTIONS) as Array<keyof typeof COLLECTIONS>) {
      for (const item of record[COLLECTIONS[kind]] ?? []) this.note(kind, item.id, teamId);
    }
  }

  /** Notes the team of one entity. */
  note(kind: ChangeKind, id: string, teamId: string): void {
    if (kind === 'team') return;
    const key = `${kind}:${id}`;
    const known = this.teamOf.get(key);
    this.teamOf.set(key, known === undefined || known === teamId ? teamId : null);
  }

  /**
   * The team a change writes to: the team itself, the entity's `teamId`, the team it was loaded
   * with, or, for a new entity, the only team loaded. With several teams loaded a new entity
   * needs its `teamId`: guessing could put one person's data in another person's record.
   */
  teamFor(change: Change): string {
    const value = change.value as { id: string; teamId?: string };
    const onlyTeam = this.loaded.size === 1 ? [...this.loaded][0] : undefined;
    const known = this.teamOf.get(`${change.entity}:${value.id}`);
    const teamId = change.entity === 'team' ? value.id : (value.teamId ?? (known === undefined ? onlyTeam : known));
    if (!teamId) {
      throw new StoreError(
        'rejected',
        this.loaded.size === 0
          ? `cannot tell which care team ${change.entity} "${value.id}" belongs to: no team has been loaded`
          : `cannot tell which care team ${change.entity} "${value.id}" belongs to (${known === null ? 'several teams have this id' : 'several teams are loaded'}): give it a teamId`,
      );
    }
    return teamId;
  }
}

/** The version a source keeps in `meta.version`, if any. */
export const versionOf = (entity: unknown): string | undefined =>
  (entity as { meta?: { version?: string } } | undefined)?.meta?.version;

/** Resolves after `ms`, or rejects with the abort reason when `signal` aborts first. */
export const wait = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    if (ms <= 0) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
