import { css } from 'lit';

/**
 * The page-like elements (the crisis plan, meeting outcomes): a bordered card holding headings,
 * short paragraphs and muted notes. Each element sets the card's background and its own `--_gap`.
 * The card rule has no specificity, so an element's own rules (print) always win over it.
 */
export const documentStyles = css`
  :where(article[part~='base']) {
    display: grid;
    gap: var(--_gap);
    padding: var(--_space-4);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
  }
  .heading {
    font-weight: var(--_weight-heading);
    font-size: var(--_font-size-large);
    margin: 0;
  }
  .title {
    font-size: var(--_font-size-title);
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--_text-muted);
  }
`;
