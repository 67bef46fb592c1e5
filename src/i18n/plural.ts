/** One Intl.PluralRules per language: building one is far slower than asking it. */
const rules = new Map<string, Intl.PluralRules>();

/**
 * The catalogues' languages, in which a whole number takes "one" for 1 and −1 and "other" for any
 * other (CLDR's cardinal rules of nb, nn, da, sv and en). A count needs no Intl.PluralRules then:
 * the first one a page builds loads the browser's plural data, in the middle of a first render.
 */
const ONE_FOR_ONE = new Set(['nb', 'nn', 'da', 'sv', 'en']);

/** Picks the plural form for `count` in `locale`: by the rule above for whole numbers, else with Intl.PluralRules. */
export const plural = (
  locale: string,
  count: number,
  forms: { one: string; other: string; zero?: string },
): string => {
  if (count === 0 && forms.zero !== undefined) return forms.zero.replace('{n}', String(count));
  if (Number.isInteger(count) && ONE_FOR_ONE.has(locale)) return (Math.abs(count) === 1 ? forms.one : forms.other).replace('{n}', String(count));
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  return (rule.select(count) === 'one' ? forms.one : forms.other).replace('{n}', String(count));
};

/** One Intl.NumberFormat per language. */
const numbers = new Map<string, Intl.NumberFormat>();

/** `count` written the way `locale` writes numbers: 5,000 in English, 5 000 in Norwegian. */
export const formatCount = (locale: string, count: number): string => {
  let format = numbers.get(locale);
  if (!format) numbers.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(count);
};
