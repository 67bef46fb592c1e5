export {
  aTimeout,
  elementUpdated,
  expect,
  assert,
  fixture,
  fixtureCleanup,
  fixtureSync,
  html,
  nextFrame,
  oneEvent,
  waitUntil,
} from '@open-wc/testing';

interface Updatable extends Element {
  updateComplete: Promise<boolean>;
  isUpdatePending?: boolean;
}

// A thenable, not `instanceof Promise`: an element in a frame has that frame's Promise, and
// `settle` on it must wait for its updates as well.
const isUpdatable = (node: Element): node is Updatable =>
  'updateComplete' in node && typeof (node as Updatable).updateComplete?.then === 'function';

/** `el` and every updatable element in its light DOM and (nested) open shadow roots. */
function updatableTree(el: Element): Updatable[] {
  const found: Updatable[] = [];
  const visit = (node: Element) => {
    if (isUpdatable(node)) found.push(node);
    if (node.shadowRoot) for (const child of node.shadowRoot.querySelectorAll('*')) visit(child);
    for (const child of node.children) visit(child);
  };
  visit(el);
  return found;
}

/** Resolves after the next animation frame has been painted. */
export const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Waits until `el` and the Lit elements inside it stop updating: awaits every `updateComplete`
 * and one more frame, repeatedly, until a round starts no new update. Throws after `maxRounds`
 * so an element that re-renders forever fails the test instead of hanging it.
 */
export async function settle<T extends Element>(el: T, maxRounds = 20): Promise<T> {
  for (let round = 0; round < maxRounds; round += 1) {
    const tree = updatableTree(el);
    const results = await Promise.all(tree.map((node) => node.updateComplete));
    await frame();
    const stable = results.every(Boolean) && updatableTree(el).every((node) => !node.isUpdatePending);
    if (stable) return el;
  }
  throw new Error(`<${el.localName}> kept updating after ${maxRounds} rounds`);
}
