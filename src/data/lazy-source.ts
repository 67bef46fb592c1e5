import type { CareRecord } from '../contract/record.js';
import type { AuditEntry } from '../contract/audit.js';
import { SOURCE_CODE_MISSING } from './load-failure.js';
import { StoreError, type CareDataSource, type Change, type ChangeKind, type EntityByKind } from './types.js';

/**
 * A data source whose code is loaded on first use. `<care-context>` builds its memory, HTTP and
 * FHIR sources this way, so the single-file bundle carries none of them and a page downloads only
 * the one it uses (a small chunk, fetched while the elements show their loading state).
 */
/**
 * How often each kind of source's code failed to arrive on this page. Counted per page, not per
 * source: a browser may keep a failed module load for the life of the page (Chromium 150 did;
 * 156 asks the network again), so a `<care-context>` built anew (a portal re-rendering its page)
 * may not fetch the code either; it still tries, and says to reload only if that fails too.
 */
const codeFailuresOnPage = new Map<string, number>();

/**
 * @param code names the code `create` loads (`'http'`, `'memory'`, `'fhir'`); sources with the
 *   same name share one failure count for the page.
 */
export const lazySource = (create: () => Promise<CareDataSource>, code: string): CareDataSource & { readonly loaded?: CareDataSource } => {
  let source: Promise<CareDataSource> | undefined;
  let loaded: CareDataSource | undefined;
  // A chunk that failed to load (a network blip) is asked for again next time, not remembered here.
  // The browser may remember it, though, for the life of the page (Chromium 150 did; 156 asks the
  // network again), so after a second failure on the page the error says the page must be reloaded
  // (SOURCE_CODE_MISSING).
  const get = () =>
    (source ??= create().then(
      (created) => (loaded = created),
      (error: unknown) => {
        source = undefined;
        // A StoreError is the source refusing its settings; anything else is its code not arriving.
        if (error instanceof StoreError) throw error;
        const codeFailures = (codeFailuresOnPage.get(code) ?? 0) + 1;
        codeFailuresOnPage.set(code, codeFailures);
        const why = error instanceof Error ? error.message : String(error);
        throw new StoreError('network', codeFailures > 1 ? `${SOURCE_CODE_MISSING} (${why})` : `the data source's code could not be loaded (${why})`);
      },
    ));
  return {
    /** The real source once its code has arrived (for tools and stories that need its own methods). */
    get loaded() {
      return loaded;
    },
    get leftOut() {
      return loaded?.leftOut;
    },
    load: async (teamId: string, signal?: AbortSignal): Promise<CareRecord> => (await get()).load(teamId, signal),
    save: async <K extends ChangeKind>(change: Change<K>, signal?: AbortSignal): Promise<EntityByKind[K]> => (await get()).save(change, signal),
    audit: async (teamId: string, entries: readonly AuditEntry[]): Promise<void> => {
      const real = await get();
      // A source that keeps no audit entries must say so, or the store would count them as kept.
      if (!real.audit) throw new StoreError('rejected', 'this data source does not keep audit entries', 501);
      return real.audit(teamId, entries);
    },
    watch: (teamId: string, listener: () => void): (() => void) => {
      let stop: (() => void) | undefined;
      let stopped = false;
      get().then(
        (real) => {
          if (!stopped) stop = real.watch?.(teamId, listener);
        },
        () => undefined,
      );
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
};
