import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

/** Small line icons drawn in the text colour, so they survive forced colours and themes. */
const PATHS = {
  warning: svg`<path d="M12 3 2 21h20z"/><path d="M12 10v5"/><path d="M12 18h.01"/>`,
  dispute: svg`<path d="M4 4h16v11H9l-5 4z"/><path d="M12 7v4"/><path d="M12 13h.01"/>`,
  handover: svg`<path d="M4 8h14l-3-3"/><path d="M20 16H6l3 3"/>`,
  clock: svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`,
  left: svg`<path d="M15 4h4v16h-4"/><path d="M10 17l-5-5 5-5"/><path d="M5 12h10"/>`,
  error: svg`<circle cx="12" cy="12" r="9"/><path d="M9 9l6 6M15 9l-6 6"/>`,
  ok: svg`<path d="M5 12l5 5 9-10"/>`,
} satisfies Record<string, SVGTemplateResult>;

export type IconName = keyof typeof PATHS;

/** A decorative icon; the text beside it carries the meaning. */
export const icon = (name: IconName): TemplateResult =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${PATHS[name]}</svg>`;
