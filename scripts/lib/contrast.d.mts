/** Relative luminance of #rgb or #rrggbb. */
export function luminance(hex: string): number;
/** The WCAG contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number;
