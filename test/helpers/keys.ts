import { sendKeys } from '@web/test-runner-commands';

/**
 * Presses one key (or a chord such as 'Shift+Tab') through the real browser input pipeline, so
 * focus moves and native key handling happen as they would for a person.
 * Key names follow Playwright: 'Enter', 'Space', 'ArrowDown', 'Escape', 'Home', 'Tab', 'a'.
 */
export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/** Presses several keys one after another. */
export async function pressSequence(...keys: string[]): Promise<void> {
  for (const key of keys) await press(key);
}

/** Types text into whatever has focus, one key at a time. */
export async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}

/** Moves focus forward (or backward with `{ shift: true }`) with the Tab key. */
export async function tab(options: { shift?: boolean } = {}): Promise<void> {
  await press(options.shift ? 'Shift+Tab' : 'Tab');
}

/** The element that really has focus, looking through open shadow roots. */
export function deepActiveElement(root: Document | ShadowRoot = document): Element | null {
  const active = root.activeElement;
  return active?.shadowRoot ? deepActiveElement(active.shadowRoot) ?? active : active;
}
