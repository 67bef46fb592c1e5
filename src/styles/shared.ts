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
    outline-offset: 2px;
    box-shadow: 0 0 0 calc(var(--_focus-width) + 2px) var(--_focus-halo);
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
    opacity: 0.6;
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
  .state.error {
    border-color: var(--_danger);
    background: var(--_danger-surface);
  }
  .state h2,
  .state h3 {
    margin: 0 0 var(--_space-2);
    font-size: 1.1em;
  }
  .state ul {
    margin: var(--_space-2) 0 0;
    padding-inline-start: var(--_space-5);
  }
  .state code {
    font-family: ui-monospace, monospace;
  }
  /* A bar as well as colour marks an error: in forced colours the colour is gone, the bar stays. */
  .inline-error {
    color: var(--_danger);
    font-weight: 600;
    border-inline-start: 4px solid var(--_danger);
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
