import type { ChangeKind, FieldConflict } from './types.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Deep equality of JSON-like values; a field set to undefined counts as absent. */
export const sameValue = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a).filter((key) => a[key] !== undefined);
  return keys.length === Object.keys(b).filter((key) => b[key] !== undefined).length && keys.every((key) => sameValue(a[key], b[key]));
};

/** The entity without `meta` (its version), to compare what it says. */
export const withoutMeta = (entity: unknown): unknown => {
  if (!isObject(entity)) return entity;
  const { meta: _meta, ...rest } = entity;
  return rest;
};

/**
 * What identifies an item of a list across versions: `id` (members, agenda parts), `memberId`
 * (participants, assignments), or the date a series exception is about (`originalStart`, compared
 * as an instant so `+01:00` and `Z` spellings are one date).
 */
const identityOf = (item: unknown): string | undefined => {
  if (!isObject(item)) return undefined;
  if (typeof item.id === 'string') return item.id;
  if (typeof item.memberId === 'string') return item.memberId;
  if (typeof item.originalStart === 'string') {
    const ms = Date.parse(item.originalStart);
    return Number.isNaN(ms) ? item.originalStart : new Date(ms).toISOString();
  }
  return undefined;
};

/**
 * Whether `copy` holds at least one of the changes from `before` to `after` (a value `after` set,
 * or a list item it added or changed, matched by identity): a copy made on `after`, not on
 * `before`. A value both changed differently says nothing either way.
 */
export const carriesChangeOf = (before: unknown, after: unknown, copy: unknown): boolean => {
  if (sameValue(before, after)) return false;
  if (isObject(before) && isObject(after) && isObject(copy)) {
    return [...new Set([...Object.keys(before), ...Object.keys(after)])].some((k) => k !== 'meta' && carriesChangeOf(before[k], after[k], copy[k]));
  }
  const lists = [before, after, copy];
  if (lists.every(Array.isArray) && lists.every((list) => (list as unknown[]).every((item) => identityOf(item) !== undefined))) {
    const byId = (list: unknown) => new Map((list as unknown[]).map((item) => [identityOf(item)!, item]));
    const [b, a, c] = lists.map(byId);
    return [...a.keys()].some((id) => c.has(id) && carriesChangeOf(b.get(id), a.get(id), c.get(id)));
  }
  return sameValue(after, copy);
};

/** Lists whose items are one decision each (a series date is moved or cancelled), never merged field by field. */
const ATOMIC_ITEMS = new Set(['exceptions']);

/** Which side wins where both changed the same value; without a choice that value is a conflict. */
export type MergeChoice = 'mine' | 'theirs';

interface Merging {
  conflicts: FieldConflict[];
  choice?: MergeChoice;
}

const conflict = (path: readonly string[], base: unknown, mine: unknown, theirs: unknown, m: Merging): unknown => {
  m.conflicts.push({ path, base, mine, theirs });
  return m.choice === 'mine' ? mine : theirs;
};

/** Lists of plain values (purposes, attendee ids, decisions): both sides' additions and removals apply. */
const mergeSet = (base: readonly unknown[], mine: readonly unknown[], theirs: readonly unknown[]): unknown[] => {
  const removed = base.filter((item) => !mine.some((m) => sameValue(m, item)));
  const added = mine.filter((item) => !base.some((b) => sameValue(b, item)) && !theirs.some((t) => sameValue(t, item)));
  return [...theirs.filter((item) => !removed.some((r) => sameValue(r, item))), ...added];
};

/** Lists of items with an identity: items are matched by it and merged field by field. */
const mergeById = (path: readonly string[], base: readonly unknown[], mine: readonly unknown[], theirs: readonly unknown[], m: Merging) => {
  const byId = (list: readonly unknown[]) => new Map(list.map((item) => [identityOf(item)!, item]));
  const b = byId(base);
  const mi = byId(mine);
  const th = byId(theirs);
  const out: unknown[] = [];
  const keep = (value: unknown) => {
    if (value !== undefined) out.push(value);
  };
  for (const [key, item] of th) {
    const at = [...path, key];
    if (mi.has(key)) keep(mergeValue(at, b.get(key), mi.get(key), item, m));
    else if (!b.has(key)) keep(item); // their addition
    else if (!sameValue(item, b.get(key))) keep(conflict(at, b.get(key), undefined, item, m)); // I removed what they changed
  }
  for (const [key, item] of mi) {
    if (th.has(key)) continue;
    if (!b.has(key)) keep(item); // my addition
    else if (!sameValue(item, b.get(key))) keep(conflict([...path, key], b.get(key), item, undefined, m)); // they removed what I changed
  }
  return out;
};

const mergeValue = (path: readonly string[], base: unknown, mine: unknown, theirs: unknown, m: Merging): unknown => {
  if (sameValue(mine, base)) return theirs;
  if (sameValue(theirs, base) || sameValue(mine, theirs)) return mine;
  if (Array.isArray(mine) && Array.isArray(theirs)) {
    const b = Array.isArray(base) ? base : [];
    const all = [...b, ...mine, ...theirs];
    if (all.length > 0 && all.every((item) => identityOf(item) !== undefined)) return mergeById(path, b, mine, theirs, m);
    return mergeSet(b, mine, theirs);
  }
  const atomic = path.length >= 2 && ATOMIC_ITEMS.has(path[path.length - 2]);
  if (isObject(mine) && isObject(theirs) && (base === undefined || isObject(base)) && !atomic) {
    const b = isObject(base) ? base : {};
    const merged: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      const value = mergeValue([...path, key], b[key], mine[key], theirs[key], m);
      if (value !== undefined) merged[key] = value;
    }
    return merged;
  }
  return conflict(path, base, mine, theirs, m);
};

/** The fields of a consent that together are one decision. */
const DECISION = ['state', 'since', 'decidedBy', 'recordedBy', 'method'] as const;

const pick = (value: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, value[key]]));
const omit = (value: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));

/**
 * A consent decision is one unit (state, since, who decided and recorded it, how): if only one
 * side decided, that decision stands; if both decided the same, the later one is kept with both in
 * the history; if they decided differently, that is a conflict on `state`. The history is
 * append-only: both sides' new entries are kept, except a decision the person chose not to keep.
 */
const mergeConsent = (base: Record<string, unknown>, mine: Record<string, unknown>, theirs: Record<string, unknown>, m: Merging) => {
  const rest = mergeValue([], omit(base, [...DECISION, 'history']), omit(mine, [...DECISION, 'history']), omit(theirs, [...DECISION, 'history']), m) as Record<string, unknown>;
  const mineDecided = !sameValue(pick(mine, DECISION), pick(base, DECISION));
  const theirsDecided = !sameValue(pick(theirs, DECISION), pick(base, DECISION));
  let decision = theirs;
  let keepMyHistory = true;
  if (mineDecided && !theirsDecided) decision = mine;
  else if (mineDecided && theirsDecided) {
    if (mine.state === theirs.state) decision = mine;
    else {
      conflict(['state'], base.state, mine.state, theirs.state, m);
      decision = m.choice === 'mine' ? mine : theirs;
      keepMyHistory = m.choice === 'mine';
    }
  }
  const history = (value: Record<string, unknown>) => (Array.isArray(value.history) ? value.history : []);
  const mineNew = history(mine).filter((entry) => !history(base).some((b) => sameValue(b, entry)) && !history(theirs).some((t) => sameValue(t, entry)));
  const merged: Record<string, unknown> = { ...rest, history: [...history(theirs), ...(keepMyHistory ? mineNew : [])] };
  for (const key of DECISION) if (decision[key] !== undefined) merged[key] = decision[key];
  return merged;
};

/** Entities whose `version` counts what people agree to, with the fields that version is about (as the elements count it). */
const AGREED_CONTENT: Partial<Record<ChangeKind, readonly string[]>> = {
  'crisis-plan': ['ownWords', 'stages', 'validFrom', 'nextReview'],
  'meeting-outcome': ['parts'],
};

/**
 * Both sides made a new version of what people agree to (a crisis plan, a shared outcome), each from
 * the same one: they carry the same number, but the merge of both says what neither said. It
 * becomes a version of its own, so an agreement to either side's version is not carried over to it.
 */
const newVersionOfBoth = (merged: Record<string, unknown>, base: Record<string, unknown>, mine: Record<string, unknown>, theirs: Record<string, unknown>, fields: readonly string[]) => {
  const versionOf = (value: Record<string, unknown>) => (typeof value.version === 'number' ? value.version : 1);
  if (versionOf(mine) === versionOf(base) || versionOf(theirs) === versionOf(base)) return;
  const content = (value: Record<string, unknown>) => pick(value, fields);
  if (sameValue(content(merged), content(mine)) && sameValue(content(merged), content(theirs))) return;
  merged.version = Math.max(versionOf(mine), versionOf(theirs)) + 1;
};

/**
 * A crisis plan's draft ends with the confirmation that completes its agreement, of one version. My
 * confirmation of my version does not end a draft merged into another version (theirs, a version
 * nobody has confirmed yet): the merge stays a draft.
 */
const draftEndedOnOtherVersion = (merged: Record<string, unknown>, base: Record<string, unknown>, mine: Record<string, unknown>, theirs: Record<string, unknown>) =>
  base.draft === true && theirs.draft === true && !mine.draft && !merged.draft && merged.version !== mine.version;

/**
 * A three-way merge of one value where the other side wins every conflict: what only `mine`
 * changed from `base` is kept, what `theirs` changed is taken from them.
 */
export const mergeTheirsFirst = (base: unknown, mine: unknown, theirs: unknown): unknown => mergeValue([], base, mine, theirs, { conflicts: [], choice: 'theirs' });

/**
 * A three-way merge of one entity: `mine` is the person's change made on `base`, `theirs` what the
 * source holds now. What only one side changed is taken from that side; list items with an
 * identity are matched by it and merged field by field; lists of plain values keep both sides'
 * additions and removals. Where both changed the same value to different things, it is listed in
 * `conflicts` and, unless `choice` says which side wins, the other person's value is kept.
 */
export const mergeEntity = (
  kind: ChangeKind,
  base: unknown,
  mine: unknown,
  theirs: unknown,
  choice?: MergeChoice,
): { value: unknown; conflicts: FieldConflict[] } => {
  const m: Merging = { conflicts: [], choice };
  const value =
    kind === 'consent' && isObject(base) && isObject(mine) && isObject(theirs)
      ? mergeConsent(base, mine, theirs, m)
      : mergeValue([], base, mine, theirs, m);
  const agreed = AGREED_CONTENT[kind];
  if (agreed && isObject(value) && isObject(mine) && isObject(theirs)) newVersionOfBoth(value, isObject(base) ? base : {}, mine, theirs, agreed);
  if (kind === 'crisis-plan' && isObject(value) && isObject(mine) && isObject(theirs) && isObject(base) && draftEndedOnOtherVersion(value, base, mine, theirs)) value.draft = true;
  // Where both changed the meta (versions), the newer version from the source is what the next save is based on.
  if (isObject(value) && isObject(theirs) && theirs.meta !== undefined) value.meta = theirs.meta;
  return { value, conflicts: m.conflicts.filter((c) => c.path[0] !== 'meta') };
};
