import { literal, type StaticValue } from 'lit/static-html.js';

/** A heading level, `h1`–`h6`. An attribute such as `heading-level="3.4"` is rounded at run time. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

// Made on first use, so a bundle that never calls headingTag leaves lit's static templates out.
let tags: readonly StaticValue[] | undefined;

/**
 * The one heading rule of every element: the title is at the level the host gives with
 * `heading-level` (rounded and kept within 1–6; anything that is not a number means the element's
 * default), and each nested heading is one level deeper, never deeper than 6.
 */
export const headingLevel = (given: unknown, fallback: number, depth = 0): number => {
  const asked = typeof given === 'string' && given.trim() === '' ? NaN : Math.round(Number(given ?? NaN));
  const title = Number.isFinite(asked) ? Math.min(6, Math.max(1, asked)) : fallback;
  return Math.min(6, title + depth);
};

/** The `h1`–`h6` tag for a level, for static templates; out-of-range levels are kept within 1–6. */
export const headingTag = (level: number): StaticValue =>
  (tags ??= [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`])[headingLevel(level, 2) - 1];
