import { css } from 'lit';

/** Styles of the scheduler's booked-meeting view; read after `schedulerStyles`, whose private tokens they use. */
export const bookedMeetingStyles = css`
  /* ----- booked meeting ----- */
  .meeting-header {
    display: grid;
    gap: var(--_space-1);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
    color: var(--_text-muted);
  }
  .badge,
  .tag {
    display: inline-block;
    padding: 0 var(--_space-2);
    border: 1px solid var(--_section-border);
    border-radius: var(--_radius-badge);
    background: var(--_surface-raised);
    color: var(--_text);
    font-size: var(--_font-size-small);
  }
  .status-cancelled {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .status-proposed {
    border-color: var(--_warning-ms);
  }
  .facts {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
  }
  .facts > div {
    display: grid;
    grid-template-columns: minmax(6rem, 10rem) 1fr;
    gap: var(--_space-2);
  }
  .facts dt {
    font-weight: var(--_weight-strong);
  }
  .facts dd {
    margin: 0;
    min-inline-size: 0;
  }
  .with-icon {
    display: flex;
    gap: var(--_space-2);
    align-items: center;
  }
  .viewer-time {
    font-style: italic;
  }
  .your-part,
  .participants,
  .agenda,
  .occurrences,
  .warnings {
    padding: var(--_space-4);
    border: 1px solid var(--_section-border);
    border-radius: var(--_radius);
    background: var(--_section-surface);
  }
  .your-part {
    display: grid;
    gap: var(--_space-2);
    background: var(--_your-part-surface);
    border-color: var(--_accent);
  }
  .people-list {
    display: grid;
    gap: var(--_space-2);
  }
  .people-list > li {
    display: grid;
    gap: 0.125rem;
    padding-block-end: var(--_space-2);
    border-block-end: 1px solid var(--_section-border);
  }
  .people-list .name {
    font-weight: var(--_weight-strong);
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
  }
  .response {
    display: inline-flex;
    gap: var(--_space-1);
    align-items: center;
    font-weight: var(--_weight-strong);
  }
  .response-accepted {
    color: var(--_success);
  }
  .response-declined {
    color: var(--_danger);
  }
  .response-tentative {
    color: var(--_warning-ms);
  }
  .agenda-list,
  .dates {
    margin: 0;
    padding-inline-start: var(--_space-5);
    display: grid;
    gap: var(--_space-2);
  }
  .agenda-list > li {
    display: grid;
    gap: 0.125rem;
  }
  .agenda-list > li.mine .item-title {
    font-weight: var(--_weight-heading);
  }
  .occurrence {
    display: grid;
    gap: var(--_space-2);
  }
  .occurrence-line {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
  }
  .occurrence.past .occurrence-when {
    color: var(--_text-muted);
  }
  .occurrence.cancelled .occurrence-when {
    color: var(--_text-muted);
  }
  .move,
  .confirm {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .move-title,
  .confirm p {
    font-weight: var(--_weight-strong);
  }
  .warnings {
    background: var(--_warning-surface-ms);
    border: 2px solid var(--_warning-ms);
  }
  .warnings .icon {
    color: var(--_warning-ms);
  }
  .warnings ul {
    margin: 0;
    padding-inline-start: var(--_space-5);
    display: grid;
    gap: var(--_space-1);
  }

  @container (max-width: 30rem) {
    .facts > div {
      grid-template-columns: 1fr;
      gap: 0;
    }
    .group,
    .your-part,
    .participants,
    .agenda,
    .occurrences,
    .warnings {
      padding: var(--_space-3);
    }
  }

  @media (forced-colors: active) {
    .slots input:checked + .slot,
    .your-part,
    .warnings {
      border: 2px solid CanvasText;
    }
    button[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .response,
    .status-cancelled {
      color: CanvasText;
    }
  }
`;
