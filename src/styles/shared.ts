import { css } from 'lit';

/**
 * Styles every element shares. System tokens (`--care-…`) come from the page or a theme file;
 * each has a literal fallback so an element looks right with no theme at all. Elements read the
 * private twins (`--_…`) only.
 */
export const baseStyles = css`
  :host {
    --_surface: var(--care-color-surface, #ffffff);
    --_surface-raised: var(--care-color-surface-raised, #f5f7f9);
    --_text: var(--care-color-text, #1a1c1e);
    --_text-muted: var(--care-color-text-muted, #4a5057);
    --_border: var(--care-color-border, #767c83);
    --_border-subtle: var(--care-color-border-subtle, #d5d9dd);
    --_accent: var(--care-color-accent, #00528a);
    --_accent-text: var(--care-color-accent-text, #ffffff);
    --_accent-surface: var(--care-color-accent-surface, #e6f0f8);
    --_focus: var(--care-color-focus, #0a66c2);
    --_focus-halo: var(--care-color-focus-halo, #ffffff);
    --_danger: var(--care-color-danger, #a4161a);
    --_danger-surface: var(--care-color-danger-surface, #fdecec);
    --_warning: var(--care-color-warning, #7a4a00);
    --_warning-surface: var(--care-color-warning-surface, #fff4dc);
    --_success: var(--care-color-success, #1d6b32);
    --_success-surface: var(--care-color-success-surface, #e8f5ec);
    --_font: var(--care-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--care-font-size, 1rem);
    --_line-height: var(--care-line-height, 1.5);
    --_radius: var(--care-radius, 0.375rem);
    --_space-1: var(--care-space-1, 0.25rem);
    --_space-2: var(--care-space-2, 0.5rem);
    --_space-3: var(--care-space-3, 0.75rem);
    --_space-4: var(--care-space-4, 1rem);
    --_space-5: var(--care-space-5, 1.5rem);
    --_target: var(--care-target-size, 2.75rem);
    --_focus-width: var(--care-focus-width, 3px);
    --_focus-offset: var(--care-focus-offset, 2px);
    --_danger-text: var(--care-color-danger-text, #ffffff);
    --_hover: var(--care-color-hover, #e9eef2);
    --_pressed: var(--care-color-pressed, #dbe2e8);
    --_accent-hover: var(--care-color-accent-hover, #003f6b);
    --_backdrop: var(--care-color-backdrop, rgb(0 0 0 / 0.45));
    --_font-mono: var(--care-font-family-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    --_font-size-small: var(--care-font-size-small, 0.875em);
    --_font-size-large: var(--care-font-size-large, 1.125em);
    --_font-size-title: var(--care-font-size-title, 1.375em);
    --_weight-normal: var(--care-font-weight-normal, 400);
    --_weight-strong: var(--care-font-weight-strong, 600);
    --_weight-heading: var(--care-font-weight-heading, 700);
    --_radius-pill: var(--care-radius-pill, 999px);
    /* Badges and tags: a pill on one line, a rounded box (not a lozenge) when the words wrap. */
    --_radius-badge: min(var(--_radius-pill), 0.85em);
    --_border-width-strong: var(--care-border-width-strong, 4px);
    --_shadow-raised: 0 2px 8px var(--care-color-shadow, rgb(0 0 0 / 0.2));
    --_motion-duration: var(--care-motion-duration, 120ms);
    --_motion-easing: var(--care-motion-easing, ease-out);
    --_disabled-opacity: var(--care-disabled-opacity, 0.6);
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: var(--_focus-offset);
    box-shadow: 0 0 0 calc(var(--_focus-width) + var(--_focus-offset)) var(--_focus-halo);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    min-block-size: max(1.5rem, var(--_target));
    min-inline-size: max(1.5rem, var(--_target));
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: var(--_disabled-opacity);
  }
  /* Hover and pressed with the weight of one class, so any styled button (danger, chosen) keeps its colours. */
  :where(button:not(:disabled, [aria-disabled='true'])):hover {
    background: var(--_hover);
  }
  :where(button:not(:disabled, [aria-disabled='true'])):active {
    background: var(--_pressed);
  }
  /* A busy button keeps focus; dimming it would dim its focus ring below 3:1 too. */
  button[aria-disabled='true']:focus-visible {
    opacity: 1;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-text);
    border-color: var(--_accent);
  }
  button.primary:where(:not(:disabled, [aria-disabled='true'])):is(:hover, :active) {
    background: var(--_accent-hover);
    border-color: var(--_accent-hover);
  }
  a {
    color: var(--_accent);
  }
  /* A live region stays in the tree while empty (display: none would lose its first message). */
  .live-region:empty {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: 0;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .state {
    padding: var(--_space-4);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  /* Loading: a turning ring beside the words (still, and the words alone carry it, with reduced motion: see the rule for every element below). */
  .spinner {
    display: inline-block;
    inline-size: 1em;
    block-size: 1em;
    margin-inline-end: var(--_space-2);
    vertical-align: -0.15em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: care-spin calc(var(--_motion-duration) * 7) linear infinite;
  }
  @keyframes care-spin {
    to {
      transform: rotate(1turn);
    }
  }
  .state.error {
    border-color: var(--_danger);
    background: var(--_danger-surface);
  }
  .state h2,
  .state h3 {
    margin: 0 0 var(--_space-2);
    font-size: var(--_font-size-large);
  }
  .state ul {
    margin: var(--_space-2) 0 0;
    padding-inline-start: var(--_space-5);
  }
  .state code {
    font-family: var(--_font-mono);
  }
  /* A bar as well as colour marks an error: in forced colours the colour is gone, the bar stays. */
  .inline-error {
    color: var(--_danger);
    font-weight: var(--_weight-strong);
    border-inline-start: var(--_border-width-strong) solid var(--_danger);
    padding-inline-start: var(--_space-2);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
  @media (forced-colors: active) {
    :host {
      --_focus: Highlight;
      --_border: CanvasText;
      --_accent: LinkText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
    button {
      border: 1px solid ButtonText;
    }
    /* Opacity alone barely shows in forced colours; GrayText is the system's word for unavailable. */
    button:disabled,
    button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
    .state.error {
      border: 2px solid CanvasText;
    }
  }
`;
