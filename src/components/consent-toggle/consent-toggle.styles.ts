import { css } from 'lit';

/** Styles of `<care-consent-toggle>`. Public tokens `--care-consent-toggle-…` feed private `--_…` twins. */
export const consentToggleStyles = css`
  :host {
    --_gap: var(--care-consent-toggle-gap, var(--_space-3));
    --_track-on: var(--care-consent-toggle-track-on, var(--_accent));
    --_track-off: var(--care-consent-toggle-track-off, var(--_surface));
    --_track-border: var(--care-consent-toggle-track-border, var(--_border));
    --_thumb-on: var(--care-consent-toggle-thumb-on, var(--_accent-text));
    --_thumb-off: var(--care-consent-toggle-thumb-off, var(--_text-muted));
    --_toggle-surface: var(--care-consent-toggle-surface, var(--_surface));
  }
  .consent {
    display: grid;
    gap: var(--_gap);
    padding: var(--_space-4);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    background: var(--_toggle-surface);
  }
  p,
  ul,
  ol,
  dl {
    margin: 0;
  }
  .heading {
    font-size: var(--_font-size-large);
    font-weight: var(--_weight-heading);
    line-height: 1.3;
  }
  .kind {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  .control {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-4);
  }
  /* The switch sits right after its words, however wide the toggle is; long words wrap at a readable width. */
  .switch-label {
    flex: 0 1 auto;
    max-inline-size: 45ch;
    font-weight: var(--_weight-strong);
  }
  .choices {
    display: flex;
    flex: 1 1 100%;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .choices .switch-label {
    flex-basis: 100%;
  }
  /* Yes and No look exactly alike: neither is the "default" or the "primary" answer. */
  .choices button {
    flex: 1 1 9rem;
    font-weight: var(--_weight-strong);
  }
  button[role='switch'] {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    padding-inline: var(--_space-3);
    font-weight: var(--_weight-strong);
  }
  .option {
    min-inline-size: 2.5em;
    text-align: center;
  }
  .track {
    position: relative;
    display: inline-block;
    flex: none;
    inline-size: 3rem;
    block-size: 1.625rem;
    border: 2px solid var(--_track-border);
    border-radius: var(--_radius-pill);
    background: var(--_track-off);
  }
  .thumb {
    position: absolute;
    inset-block-start: 50%;
    inset-inline-start: 0.1875rem;
    inline-size: 1rem;
    block-size: 1rem;
    margin-block-start: -0.5rem;
    border: 1px solid var(--_thumb-off);
    border-radius: 50%;
    background: var(--_thumb-off);
    transition: inset-inline-start var(--_motion-duration) var(--_motion-easing);
  }
  [aria-checked='true'] .track {
    border-color: var(--_track-on);
    background: var(--_track-on);
  }
  [aria-checked='true'] .thumb {
    inset-inline-start: calc(100% - 1.1875rem);
    border-color: var(--_thumb-on);
    background: var(--_thumb-on);
  }
  .state-text {
    font-weight: var(--_weight-strong);
  }
  .notice {
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: var(--_border-width-strong) solid var(--_warning);
    background: var(--_warning-surface);
  }
  .acting {
    border-inline-start-color: var(--_accent);
    background: var(--_accent-surface);
  }
  /* Upright, in a face the toggle already shows: an italic face is loaded on first use, in the
     very frame that says "Saving your choice…" after a person's first decision on the page. */
  .live {
    color: var(--_text-muted);
  }
  .failure {
    display: grid;
    gap: var(--_space-2);
  }
  .failure .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .facts {
    display: grid;
    gap: var(--_space-1);
    padding: 0;
    list-style: none;
    color: var(--_text-muted);
  }
  .details {
    display: grid;
    grid-template-columns: fit-content(14rem) minmax(0, 1fr);
    gap: var(--_space-1) var(--_space-3);
  }
  .details dt {
    font-weight: var(--_weight-strong);
  }
  .details dd {
    margin: 0;
  }
  @container (max-width: 30rem) {
    .details {
      grid-template-columns: minmax(0, 1fr);
    }
    .details dd {
      margin-block-end: var(--_space-2);
    }
  }
  .history-toggle {
    justify-self: start;
  }
  .history-toggle::before {
    content: '';
    display: inline-block;
    inline-size: 0.5em;
    block-size: 0.5em;
    margin-inline-end: var(--_space-2);
    border-block-end: 2px solid currentColor;
    border-inline-end: 2px solid currentColor;
    transform: rotate(-45deg);
  }
  .history-toggle[aria-expanded='true']::before {
    transform: rotate(45deg);
  }
  .history-list {
    display: grid;
    gap: var(--_space-2);
    margin-block-start: var(--_space-2);
    padding: 0;
    list-style: none;
  }
  .history-list li {
    padding-block-end: var(--_space-2);
    border-block-end: 1px solid var(--_border-subtle);
  }
  .history-list .entry-state {
    font-weight: var(--_weight-heading);
  }
  .note {
    white-space: pre-line;
  }
  :host {
    container-type: inline-size;
  }
  @media (forced-colors: active) {
    .track,
    .thumb {
      forced-color-adjust: none;
    }
    .track {
      border-color: ButtonText;
      background: Canvas;
    }
    .thumb {
      border-color: ButtonText;
      background: ButtonText;
    }
    [aria-checked='true'] .track {
      border-color: Highlight;
      background: Highlight;
    }
    [aria-checked='true'] .thumb {
      border-color: HighlightText;
      background: HighlightText;
    }
    button:disabled .track,
    button:disabled .thumb {
      border-color: GrayText;
    }
    .notice {
      border: 1px solid CanvasText;
      border-inline-start-width: 4px;
    }
  }
`;
