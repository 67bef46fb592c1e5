// Two people at once, for the stories that show what happens when both change the same thing.
import type { CareRecordInput } from '../../src/contract/record.js';
import { CareStore } from '../../src/data/store.js';
import { MemorySource } from '../../src/data/memory-source.js';
import type { Actor } from '../../src/contract/common.js';
import type { CareDataSource, ChangeRequest } from '../../src/data/types.js';

/** The colleague's change waiting to be saved, by the viewer's store. */
const waiting = new WeakMap<CareStore, () => Promise<void>>();

/**
 * One server, two people's browsers. The server cannot tell a browser of the other's changes (as
 * an HTTP API), so the viewer's next change is made on an older copy and meets the colleague's.
 * Returns the viewer's store; `colleagueActs(store)` then saves the colleague's `request`.
 */
export function sharedServer(seed: CareRecordInput, viewer: Actor, colleague: Actor, request: ChangeRequest): CareStore {
  const source = new MemorySource({ seed });
  const server: CareDataSource = { load: (id, signal) => source.load(id, signal), save: (change, signal) => source.save(change, signal) };
  const store = new CareStore(server, 'team-ingrid', viewer);
  const theirs = new CareStore(server, 'team-ingrid', colleague);
  const loaded = Promise.all([store.load(), theirs.load()]);
  waiting.set(store, async () => {
    await loaded;
    const outcome = await theirs.save(request);
    if (!outcome.ok) throw new Error(`the colleague's change was not saved: ${outcome.error.kind}`);
  });
  return store;
}

/** Saves the colleague's change (once both copies are loaded): the viewer's copy is now older. */
export async function colleagueActs(canvas: HTMLElement): Promise<void> {
  const context = canvas.querySelector('care-context') as (HTMLElement & { store?: CareStore }) | null;
  const act = context?.store ? waiting.get(context.store) : undefined;
  if (!act) throw new Error('the story has no colleague on a shared server');
  waiting.delete(context!.store!);
  await act();
}

/** Waits until `find` returns something (an element rendered after loading), or gives up after 5 s. */
export async function rendered<T>(find: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the story never rendered what its play function needs');
}
