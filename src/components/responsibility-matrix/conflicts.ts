import type { RaciPart } from '../../contract/values.js';
import type { FieldConflict } from '../../data/types.js';
import type { Strings } from './responsibility-view.js';

/**
 * Both versions of what two people changed at once, in plain sentences: "Part for Erik Solberg
 * in the other version: Is told. You chose: Is asked." What the matrix cannot name becomes one
 * general sentence, so the person always knows there is more.
 */
export const describeResponsibilityConflicts = (
  conflicts: readonly FieldConflict[],
  t: Strings,
  nameOf: (memberId: string) => string,
  day: (iso: string) => string,
): string[] => {
  const sentences: string[] = [];
  let other = false;
  // An assignment the other removed is "no part"; a part is read from the item or the field.
  const partWord = (value: unknown) => {
    const part = (value !== null && typeof value === 'object' ? (value as { part?: unknown }).part : value) as RaciPart | undefined;
    return part && part in t.parts ? t.parts[part] : t.noPart;
  };
  const dateWord = (value: unknown) => (typeof value === 'string' && value ? day(value) : t.noReviewDate);
  for (const { path, mine, theirs } of conflicts) {
    const [field, memberId, inner] = path;
    if (field === 'assignments' && memberId !== undefined && (inner === undefined || inner === 'part')) {
      sentences.push(t.conflictPart(nameOf(memberId), partWord(theirs), partWord(mine)));
    } else if (field === 'title' && path.length === 1) {
      sentences.push(t.conflictTitle(String(theirs ?? ''), String(mine ?? '')));
    } else if (field === 'reviewDate' && path.length === 1) {
      sentences.push(t.conflictReviewDate(dateWord(theirs), dateWord(mine)));
    } else {
      other = true;
    }
  }
  if (other) sentences.push(t.conflictOther);
  return sentences;
};
