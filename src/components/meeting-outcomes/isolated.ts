import { html, type TemplateResult } from 'lit';

const slot = (i: number) => String.fromCharCode(0xe000 + i);

/**
 * A catalogue message with data inside it, each value in its own `dir="auto"` span: a name or a
 * title in another script, or with a direction override, cannot reorder the words around it. The
 * message is built with placeholder characters (never with the data), then split on them.
 */
export const isolated = (message: (...values: string[]) => string, ...values: string[]): TemplateResult => {
  const pieces = message(...values.map((_, i) => slot(i))).split(/([\uE000-\uE0FF])/);
  return html`${pieces.map((piece) => {
    const i = piece.length === 1 ? piece.charCodeAt(0) - 0xe000 : -1;
    return i >= 0 && i < values.length ? html`<span dir="auto">${values[i]}</span>` : piece;
  })}`;
};

/**
 * Text for a place that holds only text (an `<option>`, a `title`): the value between Unicode
 * first-strong isolate and pop directional isolate, so its direction cannot reorder the message
 * around it.
 */
export const isolatedText = (value: string): string => `\u2068${value}\u2069`;
