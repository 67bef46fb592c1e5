import { css } from 'lit';

/** Styles of `<care-consent-list>`. */
export const consentListStyles = css`
  :host {
    --_list-gap: var(--care-consent-list-gap, var(--_space-4));
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
    gap: var(--_space-3);
  }
  .toggles {
    display: grid;
    gap: var(--_space-3);
    padding: 0;
    list-style: none;
  }
  .uncovered {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-4);
    border: 1px solid var(--_border-subtle);
    border-inline-start: var(--_border-width-strong) solid var(--_warning);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .uncovered.none {
    border-inline-start-color: var(--_success);
  }
  .members {
    padding-inline-start: var(--_space-5);
  }
  .member-role {
    color: var(--_text-muted);
  }
  @media (forced-colors: active) {
    .uncovered {
      border-color: CanvasText;
    }
  }
`;
