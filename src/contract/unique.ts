import type { Report } from './kit.js';

/**
 * The unique-key rule of the contract: every item whose key was already used earlier in the list
 * is reported at `path(index)`, so the first use stays valid and each repeat is named.
 */
export const reportRepeatedKeys = <T>(
  report: Report,
  items: readonly T[],
  keyOf: (item: T) => string,
  path: (index: number) => PropertyKey[],
  message: (key: string) => string,
): void => {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (seen.has(key)) report(message(key), path(index));
    seen.add(key);
  });
};
