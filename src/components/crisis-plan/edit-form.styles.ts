import { css } from 'lit';

/** The editing and proposal forms: they arrive with the forms' code, so a page that only reads the plan does not carry them. */
export const editFormStyles = css`
  .edit-practical,
  .edit-contacts,
  .edit-measures {
    margin: var(--_space-2) 0 0;
    padding-inline-start: var(--_space-5);
    display: grid;
    gap: var(--_space-2);
  }
  .edit {
    display: grid;
    gap: var(--_gap);
  }
  fieldset {
    display: grid;
    gap: var(--_space-2);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    padding: var(--_space-3);
    margin: 0;
  }
  legend {
    font-weight: var(--_weight-heading);
  }
  label {
    font-weight: var(--_weight-strong);
  }
  input,
  select,
  textarea {
    min-block-size: max(1.5rem, var(--_target));
    padding: var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    inline-size: 100%;
  }
  .edit-measure,
  .edit-matter {
    display: grid;
    gap: var(--_space-1);
  }
  .remove {
    justify-self: start;
  }
  .contact-title {
    font-weight: var(--_weight-heading);
  }
  .edit-contact {
    display: grid;
    gap: var(--_space-1);
    padding-block-end: var(--_space-3);
    border-block-end: 1px solid var(--_border-subtle);
  }
  .days {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }
  .day {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    min-block-size: max(1.5rem, var(--_target));
    min-inline-size: max(1.5rem, var(--_target));
    padding-inline: var(--_space-2);
    font-weight: var(--_weight-normal);
  }
  .day input {
    inline-size: auto;
    min-block-size: 0;
  }
  .times {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
  }
  .times > div {
    display: grid;
    gap: var(--_space-1);
    flex: 1 1 8rem;
  }
  .error-summary {
    padding: var(--_space-3) var(--_space-4);
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .error-summary ul {
    margin: var(--_space-2) 0 0;
    padding-inline-start: var(--_space-5);
  }
  button.link {
    min-block-size: max(1.5rem, var(--_target));
    border: none;
    background: none;
    padding: var(--_space-1) 0;
    color: var(--_danger);
    text-decoration: underline;
    text-align: start;
    font-weight: var(--_weight-strong);
  }
`;
