import { css } from 'lit';

/** Styles of `<care-consent-list>`. */
export const consentListStyles = css`
  :host {
    --_list-gap: var(--care-consent-list-gap, var(--_space-4, 1rem));
  }
  .list {
    display: grid;
    gap: var(--_list-gap);
  }
  .title {
    font-size: var(--_font-size-title);
    font-weight: var(--_weight-heading);
    line-height: 1.3;
  }
  .group-title {
    font-size: var(--_font-size-large);
    font-weight: var(--_weight-heading);
  }
  p,
  ul {
    margin: 0;
  }
  .summary {
    font-weight: var(--_weight-strong);
  }
  .group {
    display: grid;
    gap: var(--_space-3, 0.75rem);
  }
  .toggles {
    display: grid;
    gap: var(--_space-3, 0.75rem);
    padding: 0;
    list-style: none;
  }
  .uncovered {
    display: grid;
    gap: var(--_space-2, 0.5rem);
    padding: var(--_space-4, 1rem);
    border: 1px solid var(--_border-subtle, #d5d9dd);
    border-inline-start: var(--_border-width-strong) solid var(--_warning, #7a4a00);
    border-radius: var(--_radius, 0.375rem);
    background: var(--_surface-raised, #f5f7f9);
  }
  .uncovered.none {
    border-inline-start-color: var(--_success, #1d6b32);
  }
  .members {
    padding-inline-start: var(--_space-5, 1.5rem);
  }
  .member-role {
    color: var(--_text-muted, #4a5057);
  }
  @media (forced-colors: active) {
    .uncovered {
      border-color: CanvasText;
    }
  }
`;
