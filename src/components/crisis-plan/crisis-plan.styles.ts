import { css } from 'lit';

/** Large, calm and readable when unwell: big targets, one stage at a time, and a print layout. */
export const crisisPlanStyles = css`
  :host {
    --_gap: var(--care-crisis-plan-gap, var(--_space-4));
    --_call: var(--care-crisis-plan-call, var(--_accent));
    --_call-text: var(--care-crisis-plan-call-text, var(--_accent-text));
    --_pressed: var(--care-crisis-plan-stage-pressed, var(--_accent));
    --_pressed-text: var(--care-crisis-plan-stage-pressed-text, var(--_accent-text));
    --_plan-surface: var(--care-crisis-plan-surface, var(--_surface));
  }
  .plan {
    background: var(--_plan-surface);
  }
  .access {
    padding: var(--_space-3);
    border-inline-start: 4px solid var(--_accent);
    background: var(--_accent-surface);
  }
  .notice {
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 4px solid var(--_warning);
    background: var(--_warning-surface);
  }
  .status {
    display: grid;
    gap: var(--_space-2);
  }
  .sentences,
  .measures,
  .contacts,
  .proposal-list,
  .service-list {
    margin: var(--_space-2) 0 0;
    padding-inline-start: var(--_space-5);
    display: grid;
    gap: var(--_space-2);
  }
  .own-words,
  .stage,
  .services,
  .proposals,
  .words {
    display: grid;
    gap: var(--_space-2);
  }
  .stage[hidden] {
    display: none;
  }
  .question {
    font-weight: var(--_weight-strong);
    margin-block-end: var(--_space-2);
  }
  .stage-buttons,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .stage-button {
    min-block-size: max(3rem, var(--_target));
    flex: 1 1 10rem;
    font-size: var(--_font-size-large);
    font-weight: var(--_weight-strong);
  }
  .stage-button[aria-pressed='true'] {
    background: var(--_pressed);
    color: var(--_pressed-text);
    border-color: var(--_pressed);
    outline: 2px solid transparent;
  }
  .measure,
  .contact,
  .service,
  .proposal {
    display: grid;
    gap: var(--_space-1);
  }
  .who,
  .part-of,
  .hours,
  .note,
  .out-of-hours {
    color: var(--_text-muted);
  }
  .call {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    justify-self: start;
    min-block-size: max(3rem, var(--_target));
    padding: var(--_space-2) var(--_space-4);
    border: 2px solid var(--_call);
    border-radius: var(--_radius);
    background: var(--_call);
    color: var(--_call-text);
    font-weight: var(--_weight-heading);
    text-decoration: none;
  }
  .call.secondary {
    background: var(--_surface);
    color: var(--_call);
  }
  .number {
    font-variant-numeric: tabular-nums;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .service-name {
    font-weight: var(--_weight-strong);
  }
  .printed {
    display: none;
  }
  @media (forced-colors: active) {
    .stage-button[aria-pressed='true'] {
      outline: 3px solid Highlight;
    }
    .call {
      border-color: LinkText;
    }
  }
  @media print {
    /* Compact on paper: one or two A4 pages. */
    :host {
      font-size: 9.5pt;
      line-height: 1.3;
      color: #000;
    }
    .plan {
      border: none;
      padding: 0;
    }
    .stage[hidden] {
      display: grid;
    }
    .stage {
      break-inside: avoid;
      margin-block-start: 4pt;
    }
    .switcher,
    .tools,
    .copy-note,
    .propose,
    .actions,
    .live-region,
    button {
      display: none !important;
    }
    .call {
      min-block-size: 0;
      padding: 0;
      border: none;
      background: none;
      color: #000;
    }
    .printed {
      display: block;
      font-size: 9pt;
    }
    .plan,
    .own-words,
    .stage,
    .words,
    .status {
      gap: 2pt;
    }
    .title {
      font-size: 14pt;
    }
    .heading {
      font-size: 10.5pt;
    }
    .access,
    .intro,
    .proposals,
    .notice:not(.stale) {
      display: none;
    }
    .own-words {
      display: block;
      column-count: 2;
      column-gap: 12pt;
    }
    .words {
      break-inside: avoid;
      margin-block-end: 4pt;
    }
    .sentences,
    .measures,
    .service-list,
    .contacts {
      display: block;
      margin: 0;
      padding-inline-start: 12pt;
    }
    .measure,
    .service,
    .contact {
      display: list-item;
    }
    .measure > span + span::before,
    .service > span + span::before,
    .contact > * + *::before {
      content: ' \\2013 ';
    }
  }
`;
