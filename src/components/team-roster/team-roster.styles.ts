import { css } from 'lit';

/** Styles of `<care-team-roster>`. Reads component tokens through private twins only. */
export const rosterStyles = css`
  :host {
    --_card-background: var(--care-team-roster-card-background, var(--_surface));
    --_card-border: var(--care-team-roster-card-border-color, var(--_border-subtle));
    --_card-radius: var(--care-team-roster-card-radius, var(--_radius));
    --_card-padding: var(--care-team-roster-card-padding, var(--_space-4));
    --_card-min: var(--care-team-roster-card-min-width, 17rem);
    --_gap: var(--care-team-roster-gap, var(--_space-3));
    --_heading-color: var(--care-team-roster-heading-color, var(--_text));
    --_coordinator-surface: var(--care-team-roster-coordinator-background, var(--_accent-surface));
    --_coordinator-text: var(--care-team-roster-coordinator-color, var(--_accent));
    --_coordinator-border: var(--care-team-roster-coordinator-border-color, var(--_accent));
    --_badge-surface: var(--care-team-roster-badge-background, var(--_surface-raised));
    --_badge-text: var(--care-team-roster-badge-color, var(--_text));
    --_badge-border: var(--care-team-roster-badge-border-color, var(--_border-subtle));
  }
  /* Professionals work at desks with a mouse; service users get the full 44 px everywhere. */
  :host([audience='professional']) {
    --_target: var(--care-team-roster-professional-target-size, 1.75rem);
  }

  .roster {
    display: grid;
    gap: var(--_space-4);
    min-inline-size: 0;
  }
  .title,
  .group-title,
  .subheading {
    margin: 0;
    color: var(--_heading-color);
    line-height: 1.25;
  }
  .title {
    font-size: var(--_font-size-title);
  }
  .group-title,
  .subheading {
    font-size: var(--_font-size-large);
  }
  .header {
    display: grid;
    gap: var(--_space-1);
  }
  .summary {
    margin: 0;
    color: var(--_text-muted);
  }
  p {
    margin: 0;
  }

  .notice {
    display: flex;
    gap: var(--_space-2);
    align-items: flex-start;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_warning);
    border-radius: var(--_radius);
    background: var(--_warning-surface);
    color: var(--_warning);
    font-weight: var(--_weight-strong);
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    align-items: flex-end;
  }
  .field {
    display: grid;
    gap: var(--_space-1);
    flex: 1 1 12rem;
    min-inline-size: 0;
  }
  .field label {
    font-weight: var(--_weight-strong);
  }
  input,
  select {
    inline-size: 100%;
    min-block-size: max(1.5rem, var(--_target));
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .toggle-ended[aria-pressed='true'] {
    background: var(--_accent-surface);
    border-color: var(--_accent);
    border-width: 2px;
  }

  /* A long roster's "Showing 100 of 5,000 members" and "Show more members", below the last card. */
  .paging {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    align-items: center;
  }
  .page-status {
    margin: 0;
  }
  .groups {
    display: grid;
    gap: var(--_space-5);
  }
  .group {
    display: grid;
    gap: var(--_space-2);
    min-inline-size: 0;
  }
  .group-sector {
    color: var(--_text-muted);
  }
  ul.members,
  ul.contacts {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  ul.members {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min)), 1fr));
    gap: var(--_gap);
  }
  :host([layout='compact']) ul.members {
    grid-template-columns: minmax(0, 1fr);
    gap: 0;
  }

  .member,
  .missing {
    display: grid;
    align-content: start;
    gap: var(--_space-2);
    min-inline-size: 0;
    padding: var(--_card-padding);
    border: 1px solid var(--_card-border);
    border-radius: var(--_card-radius);
    background: var(--_card-background);
  }
  .member {
    /* A card lays out on its own; no content-visibility, which would hide off-screen cards from the tree. */
    contain: layout style;
  }
  .member.coordinator {
    border-color: var(--_coordinator-border);
    border-inline-start-width: 0.375rem;
  }
  .member.ended {
    border-style: dashed;
    background: var(--_surface-raised);
  }
  .missing {
    border-style: dashed;
    color: var(--_text-muted);
  }
  .missing strong {
    color: var(--_text);
  }
  :host([layout='compact']) .member,
  :host([layout='compact']) .missing {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: var(--_space-4);
    row-gap: var(--_space-1);
    padding: var(--_space-2) var(--_space-3);
    border-radius: 0;
    border-width: 0 0 1px;
    contain-intrinsic-size: auto 4rem;
  }
  :host([layout='compact']) .member.coordinator {
    border-inline-start-width: 0.375rem;
  }

  .member-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-2);
    align-items: center;
  }
  button.name {
    min-inline-size: min(100%, var(--_target));
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: var(--_weight-heading);
    font-size: var(--_font-size-large);
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  button.name:hover {
    text-decoration-thickness: 2px;
  }
  .role {
    font-weight: var(--_weight-strong);
  }
  .code,
  .organisation,
  .meta {
    color: var(--_text-muted);
  }
  .meta {
    font-size: var(--_font-size-small);
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding: 0 var(--_space-2);
    border: 1px solid var(--_badge-border);
    border-radius: var(--_radius-badge);
    background: var(--_badge-surface);
    color: var(--_badge-text);
    font-size: var(--_font-size-small);
    font-weight: var(--_weight-strong);
    line-height: 1.6;
  }
  .badge.coordinator {
    border-color: var(--_coordinator-border);
    background: var(--_coordinator-surface);
    color: var(--_coordinator-text);
  }
  .badge.warning {
    border-color: var(--_warning);
    background: var(--_warning-surface);
    color: var(--_warning);
  }
  .badge.ended {
    border-style: dashed;
    border-color: var(--_border);
  }
  svg.icon {
    flex: none;
    inline-size: 1em;
    block-size: 1em;
    fill: currentColor;
  }

  ul.contacts {
    display: grid;
    gap: var(--_space-1);
  }
  .contact {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 var(--_space-2);
    min-inline-size: 0;
  }
  a.contact-link {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    min-block-size: max(1.5rem, var(--_target));
    max-inline-size: 100%;
    font-weight: var(--_weight-strong);
    text-underline-offset: 0.15em;
  }
  .contact-meta {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-2);
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  .hours.closed {
    font-style: italic;
  }

  @media (forced-colors: active) {
    .member,
    .missing,
    .badge {
      border-color: CanvasText;
    }
    .member.coordinator {
      border-width: 3px;
      border-inline-start-width: 0.5rem;
    }
    .notice,
    .badge.warning {
      border: 2px solid CanvasText;
    }
    button.name {
      color: LinkText;
    }
    .toggle-ended[aria-pressed='true'] {
      border: 3px solid Highlight;
    }
    svg.icon {
      fill: CanvasText;
    }
  }
`;
