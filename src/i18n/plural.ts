/** Picks the plural form for `count` in `locale` with Intl.PluralRules. */
export const plural = (
  locale: string,
  count: number,
  forms: { one: string; other: string; zero?: string },
): string => {
  if (count === 0 && forms.zero !== undefined) return forms.zero.replace('{n}', String(count));
  const rule = new Intl.PluralRules(locale).select(count);
  return (rule === 'one' ? forms.one : forms.other).replace('{n}', String(count));
};
