import * as v from 'valibot';
import { ContextProvider } from '@lit/context';
import type { ReactiveElement } from 'lit';
import { CareRecord } from '../../../src/contract/record.js';
import type { ConsentDirective } from '../../../src/contract/consent.js';
import { storeContext } from '../../../src/context/keys.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { CareStore } from '../../../src/data/store.js';
import { StoreError, type CareDataSource, type Change, type ChangeKind, type EntityByKind } from '../../../src/data/types.js';

/** The Fjordvik record, parsed through the contract (a fresh copy each call). */
export const fjordvikRecord = (): CareRecord => v.parse(CareRecord, structuredClone(fjordvik));

/** One Fjordvik consent directive by id. */
export const consentById = (id: string): ConsentDirective => {
  const found = fjordvikRecord().consents.find((c) => c.id === id);
  if (!found) throw new Error(`no consent ${id} in the fixture`);
  return found;
};

/** A test data source: counts saves, can fail the first N of them and can hold them until released. */
export class TestSource implements CareDataSource {
  saves: Change[] = [];
  failNext: number;
  private gate?: Promise<void>;
  private open?: () => void;

  constructor(options: { fail?: number; hold?: boolean; record?: CareRecord } = {}) {
    this.failNext = options.fail ?? 0;
    if (options.hold) this.hold();
    this.recordValue = options.record;
  }

  private recordValue?: CareRecord;

  /** Saves wait from now on until `release()`. */
  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  /** Lets held saves go on. */
  release(): void {
    this.open?.();
    this.gate = undefined;
  }

  async load(): Promise<CareRecord> {
    return this.recordValue ?? fjordvikRecord();
  }

  async save<K extends ChangeKind>(change: Change<K>): Promise<EntityByKind[K]> {
    this.saves.push(change as Change);
    if (this.gate) await this.gate;
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new StoreError('network', 'test: offline');
    }
    return { ...change.value, meta: { version: String(this.saves.length + 1) } } as EntityByKind[K];
  }
}

/** A plain element that provides `store` to everything inside it, like `<care-context>` does. */
export const storeHost = (store: CareStore): HTMLDivElement => {
  const host = document.createElement('div');
  const provider = new ContextProvider(host as unknown as ReactiveElement, { context: storeContext, initialValue: store });
  document.body.append(host);
  provider.hostConnected();
  return host;
};

/** A store over a test source, loaded. */
export const loadedStore = async (source: CareDataSource): Promise<CareStore> => {
  const store = new CareStore(source, 'team-ingrid', { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' });
  await store.load();
  return store;
};

/** A promise with its resolve and reject functions outside. */
export const deferred = <T = void>() => {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

/** The text of an element with whitespace collapsed. */
export const textOf = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The accessible name given through aria-labelledby (ids in the same root). */
export const labelledName = (node: Element): string => {
  const root = node.getRootNode() as ShadowRoot | Document;
  return (node.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => textOf(root.getElementById(id)))
    .join(' ');
};
