import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues, type PropertyDeclarations } from 'lit';
import { Actor } from '../contract/common.js';
import type { CareRecordInput } from '../contract/record.js';
import { check } from '../contract/validate.js';
import { CareDataErrorEvent, CareLoadErrorEvent, CareStorageProblemEvent } from '../components/base/events.js';
import type { StorageProblem, StorageProblemEvent } from '../data/memory-storage.js';
import { describeIssues, StoreContractError } from '../data/entities.js';
import { lazyFhirSource } from '../data/fhir/lazy.js';
import type { FhirSourceOptions } from '../data/fhir/source.js';
import type { FhirVersion } from '../data/fhir/types.js';
import { lazySource } from '../data/lazy-source.js';
import { loadFailureReason } from '../data/load-failure.js';
import { CareStore } from '../data/store.js';
import type { CareDataSource, StoreError, StoreSnapshot } from '../data/types.js';
import { readInlineSeed } from './inline-seed.js';
import { actorConverter } from './actor.js';
import type { Sector } from '../contract/values.js';
import { mergedHeaders, requestSettings, type RequestHeaders, type RequestSettings } from './request-defaults.js';
import { actorContext, localeContext, storeContext } from './keys.js';

/** Reads a JSON object attribute (`sector-mapping`); anything else is left out with a console warning. */
const jsonObjectConverter = {
  fromAttribute(value: string | null): Record<string, Sector> | undefined {
    if (!value) return undefined;
    try {
      const parsed = JSON.parse(value) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, Sector>;
    } catch {
      // reported below
    }
    console.warn(`<care-context>: sector-mapping is not a JSON object: ${value.slice(0, 80)}`);
    return undefined;
  },
};

const teamIdOfSeed = (seed: CareContext['seed']): string | undefined => {
  const first = Array.isArray(seed) ? seed[0] : seed;
  const id = (first as { team?: { id?: unknown } } | undefined)?.team?.id;
  return typeof id === 'string' ? id : undefined;
};

/**
 * Connects every Care Element inside it to one care team's data. It creates a `CareStore` for the
 * team named by `care-team` from a data source, loads it, and provides the store, the language and
 * the acting person to all descendants through @lit/context. Elements inside then read and write
 * through the store (connected mode); elements outside work from properties and events.
 *
 * Where the data comes from, first match wins:
 * 1. the `store` property: a ready `CareStore` (loaded here if it has not been yet);
 * 2. the `source` property set to any `CareDataSource` object;
 * 3. `src="https://…/api"`: an `HttpSource` for the REST contract in docs/openapi.yaml;
 * 4. `fhir-base="https://…/fhir"` with `patient` (and `fhir-version`; left out, the server's
 *    `metadata` tells; `time-zone`, `default-sector`, `sector-mapping`): a FHIR source, whose code
 *    is loaded only when it is used. Without `care-team` the patient's active
 *    CareTeam is loaded;
 * 5. `source="memory"`: a `MemorySource` seeded from the `seed` property, else from the JSON in a
 *    `<script type="application/json">` child, else fetched from `seed-src`; kept in
 *    `localStorage` under `persist` when given. Without `care-team`, the seed's team is used
 *    (name it with `seed-src`). Without a seed (and nothing stored) the load fails with
 *    `not-found` and the console says how to give one.
 *
 * Without any of these, no store is provided and the elements inside work in controlled mode.
 * It renders its children unchanged (`display: contents`).
 *
 * A failed load fires `care-load-error` here, once, whatever the number of elements inside, and
 * the console names the cause; the elements show it in plain language with Try again.
 *
 * @summary Provides a care team's data store, language and acting person to the elements inside.
 * @slot - The elements (and any other content) to connect.
 * @fires care-storage-problem - `CareStorageProblemEvent`, detail `{ kind, key, teamId, quarantineKey, message, issues }`: with `persist`, a stored record was kept aside (`quarantined`: the team does not load until `discardStored()`), storage is blocked, or a save could not be written.
 * @fires care-data-error - `CareDataErrorEvent`, detail `{ entity, issues, id }`: a load left out one item that breaks the contract (a meeting, a consent, a FHIR resource) and shows the rest; once per item and load.
 * @fires care-load-error - `CareLoadErrorEvent`, detail `{ teamId, reason, status, message, error }`: the care team could not be loaded. `reason` is `unauthorised` (401: send the person to sign in), `forbidden` (403), `not-found`, `server`, `timeout`, `network`, `invalid-body` or `rejected`.
 */
export class CareContext extends LitElement {
  /** @internal Lit's reactive properties: the fields below, their attributes and reflection. */
  static override properties: PropertyDeclarations = {
    source: { attribute: 'source' },
    src: {},
    fhirBase: { attribute: 'fhir-base' },
    fhirVersion: { attribute: 'fhir-version' },
    patient: {},
    timeZone: { attribute: 'time-zone' },
    defaultSector: { attribute: 'default-sector' },
    sectorMapping: { attribute: 'sector-mapping', converter: jsonObjectConverter },
    credentials: {},
    timeoutMs: { attribute: 'timeout-ms', type: Number },
    retries: { type: Number },
    headers: { attribute: false },
    careTeam: { attribute: 'care-team' },
    lang: { reflect: true },
    actor: { converter: actorConverter },
    seed: { attribute: false },
    seedSrc: { attribute: 'seed-src' },
    persist: {},
    latency: { type: Number },
    store: { attribute: false },
  };

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  private readonly storeProvider = new ContextProvider(this, { context: storeContext });

  private readonly localeProvider = new ContextProvider(this, { context: localeContext });
  private readonly actorProvider = new ContextProvider(this, { context: actorContext });

  /** `memory` for the embedded memory source, or (as a JS property) any `CareDataSource` object. */
  source?: 'memory' | CareDataSource;

  /** Base URL of a REST API that follows docs/openapi.yaml; creates an `HttpSource`. */
  src?: string;

  /** Base URL of a FHIR server (R4 or R5) to read and write the care team as FHIR resources. */
  fhirBase?: string;

  /** The FHIR release of `fhir-base`: `R4`, `R5`, or left out (or `auto`): the server's `metadata` (CapabilityStatement.fhirVersion) tells. Any other value (`STU3`), or a server that speaks another release, is a load error with its reason. */
  fhirVersion?: FhirVersion | 'auto';

  /** The service user's Patient id on the FHIR server (`123` or `Patient/123`). */
  patient?: string;

  /**
   * For `fhir-base`: the IANA time zone of appointments that name none (`Europe/Oslo` by default);
   * it also gives telephone numbers written without a country code their country (Oslo +47,
   * Copenhagen +45, Stockholm +46). A value that is not a time zone is a load error with its reason.
   */
  timeZone?: string;

  /** For `fhir-base`: the sector of organisations whose type has no known code (`specialist` by default). */
  defaultSector?: Sector;

  /**
   * For `fhir-base`: organisation type codes → sector, read before the built-in ones. Keys are
   * `system|code` or a bare code, values the contract's sectors; as a JS object, or as a JSON
   * attribute `sector-mapping='{"urn:oid:2.16.578.1.12.4.1.1.8624|1":"general-practice"}'`.
   */
  sectorMapping?: Record<string, Sector>;

  /** For `src` and `fhir-base`: whether cookies are sent, `same-origin` (default), `include` or `omit`. */
  credentials?: RequestCredentials;

  /** For `src` and `fhir-base`: how long one request may take, in milliseconds, before the load fails with `timeout` (default 15000). */
  timeoutMs?: number;

  /** For `src` and `fhir-base`: how many times a failed read is tried again (network failures, 429, 5xx; default 2). */
  retries?: number;

  /**
   * For `src` and `fhir-base`: headers for every request (for example `Authorization`), or a
   * function giving them; read per request, on top of those given to `configureRequests`.
   */
  headers?: RequestHeaders;

  /** Id of the care team to load. */
  careTeam?: string;

  /** Language for the elements inside (`nb`, `nn`, `da`, `sv`, `en`, or a tag such as `nb-NO`). */
  override lang!: string;

  /**
   * The person using the page, recorded on every change: as a JS object, or as a JSON attribute
   * `{"id":"m-kari","name":"Kari Nilsen","organisationId":"org-home-care"}`. Setting it to nothing
   * (logging out) or to something the contract refuses clears it, and changes are refused until a
   * valid actor is set again.
   */
  actor?: Actor;

  /** Records the memory source starts from (one `CareRecord`, or a list for several teams). */
  seed?: CareRecordInput | readonly CareRecordInput[];

  /** URL of a JSON seed for the memory source (one CareRecord or a list), used when there is no `seed` property and no inline seed. */
  seedSrc?: string;

  /**
   * For `source="memory"`: keep changes in `localStorage` across page loads, one key per team
   * (`<persist>/team/<teamId>`), with other tabs on the same key kept in step (docs/security.md).
   */
  persist?: string;

  /** Artificial delay of the memory source in milliseconds, to show loading and saving states. */
  latency?: number;

  private givenStore?: CareStore;
  private createdStore?: CareStore;
  private createdSource?: CareDataSource;
  private watchedStore?: CareStore;
  private stopWatching?: () => void;
  private reportedLoadError?: StoreError;
  private reportedLeftOut?: StoreSnapshot['leftOut'];
  /** The memory source's seed as found (property or inline JSON), for the team id. */
  private memorySeed?: CareContext['seed'];
  private waitingForPage = false;
  /** The problems the memory source created last has told (its listener holds this array). */
  private told: StorageProblem[] = [];

  /**
   * The storage problems the memory source this element created has told so far, each also sent
   * as `care-storage-problem`: a page script that starts listening after a problem was told (the
   * source's code was already loaded) reads it here. A quarantined record's problem is dropped
   * once `discardStored()` forgets that record; a new source starts an empty list.
   */
  get storageProblems(): readonly StorageProblem[] {
    return [...this.told];
  }

  /** The store in use: the one given, or the one created from the attributes. Setting it uses that store. */
  get store(): CareStore | undefined {
    return this.givenStore ?? this.createdStore;
  }
  set store(value: CareStore | undefined) {
    const old = this.store;
    this.givenStore = value;
    this.requestUpdate('store', old);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.watchLoads(this.store);
    window.addEventListener('beforeunload', this.guardUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watchLoads(undefined);
    window.removeEventListener('beforeunload', this.guardUnload);
  }

  // Leaving the page while a save or the host's own step is running, or after a failed save that
  // was neither retried nor dismissed, would lose a decision: the browser asks first.
  private readonly guardUnload = (event: BeforeUnloadEvent) => {
    if (!this.store?.hasUnsavedWork) return;
    event.preventDefault();
    event.returnValue = '';
  };

  /**
   * With `source="memory"` and `persist`: forgets what the browser stored for the care team (a copy
   * of a record that could not be used stays aside) and loads it again from the seed. The way out
   * after a `care-storage-problem` of kind `quarantined`, for a host that decides to. With any other
   * source it does nothing.
   */
  async discardStored(): Promise<void> {
    const store = this.createdStore;
    const created = this.createdSource as { loaded?: CareDataSource & { discardStored?: (teamId: string) => void } } | undefined;
    const memory = created?.loaded;
    if (this.givenStore || !store || store.source !== created || !memory?.discardStored) return;
    memory.discardStored(store.teamId);
    const still = this.told.filter((problem) => !(problem.kind === 'quarantined' && problem.teamId === store.teamId));
    this.told.splice(0, this.told.length, ...still);
    await store.load();
  }

  /** Loads the team's record again, for example after the host knows it changed. */
  reload(): Promise<void> {
    return this.store?.load() ?? Promise.resolve();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const sourceChanged = (['source', 'src', 'fhirBase', 'fhirVersion', 'patient', 'timeZone', 'defaultSector', 'sectorMapping', 'seed', 'seedSrc', 'persist', 'latency', 'credentials', 'timeoutMs', 'retries'] as const).some((key) =>
      changed.has(key),
    );
    if (sourceChanged) this.createdSource = undefined;
    if (sourceChanged || changed.has('careTeam') || changed.has('store')) this.connectStore();
    if (changed.has('actor')) {
      // Nothing, or an actor the contract refuses, clears it: the next person is never signed as the last.
      const actor = this.validActor();
      if (this.store && (actor || changed.get('actor') !== undefined)) this.store.actor = actor;
      this.actorProvider.setValue(actor);
    }
    if (changed.has('lang')) this.localeProvider.setValue(this.lang || undefined);
  }

  private connectStore() {
    let store = this.givenStore;
    if (!store && this.source === 'memory' && this.seed === undefined && document.readyState === 'loading') {
      // An inline seed may not be parsed yet: read it once the page is.
      if (!this.waitingForPage) {
        this.waitingForPage = true;
        const connectWhenParsed = () => {
          this.waitingForPage = false;
          this.createdSource = undefined;
          this.connectStore();
        };
        document.addEventListener('DOMContentLoaded', connectWhenParsed, { once: true });
      }
      return;
    }
    if (!store) {
      const source = (this.createdSource ??= this.createSource());
      const teamId = this.careTeam || (this.source === 'memory' ? teamIdOfSeed(this.memorySeed) : undefined) || '';
      const current = this.createdStore;
      store =
        source && current?.source === source && current.teamId === teamId
          ? current
          : source
            ? new CareStore(source, teamId, this.validActor())
            : undefined;
      this.createdStore = store;
    }
    if (store && store.snapshot.status === 'idle') void store.load();
    if (this.storeProvider.value !== store) this.storeProvider.setValue(store);
    this.watchLoads(store);
  }

  /** Reports each failed load of the store in use once: an event for the host, the cause for the console. */
  private watchLoads(store: CareStore | undefined) {
    if (store === this.watchedStore) return;
    this.stopWatching?.();
    this.watchedStore = store;
    this.stopWatching = store?.subscribe(({ status: storeStatus, loadError, leftOut }) => {
      // Each item a load left out (the rest is shown) reaches the host once per load, as broken data given to an element does.
      if (storeStatus === 'ready' && leftOut && leftOut !== this.reportedLeftOut) {
        this.reportedLeftOut = leftOut;
        for (const item of leftOut) this.dispatchEvent(new CareDataErrorEvent(item.entity, [...item.issues], item.id ?? item.at));
      }
      if (storeStatus !== 'error' || !loadError || loadError === this.reportedLoadError) return;
      this.reportedLoadError = loadError;
      const reason = loadFailureReason(loadError);
      const { status } = loadError;
      console.error(
        `<care-context>: could not load care team "${store.teamId}": ${reason}${status ? ` (HTTP ${status})` : ''}: ${loadError.detail || loadError.message}`,
      );
      this.dispatchEvent(new CareLoadErrorEvent({ teamId: store.teamId, reason, status: status, message: loadError.detail || loadError.message, error: loadError }));
    });
  }

  private createSource(): CareDataSource | undefined {
    const source = this.source;
    if (source && typeof source === 'object') return source;
    // Each kind of source is its own chunk in the single-file bundle, loaded on first use.
    if (this.src) {
      const options = { baseUrl: this.src, ...this.requestOptions() };
      return lazySource(() => import('../data/http-source.js').then(({ HttpSource }) => new HttpSource(options)), 'http');
    }
    if (this.fhirBase) {
      if (!this.patient) console.warn('<care-context>: fhir-base needs a patient attribute (the service user\u2019s Patient id).');
      else {
        // Without fhir-version (or with "auto") the server's metadata tells the release.
        const version = (this.fhirVersion && this.fhirVersion !== 'auto' ? this.fhirVersion : undefined) as FhirSourceOptions['version'];
        const { timeZone, defaultSector, sectorMapping } = this;
        return lazyFhirSource({ baseUrl: this.fhirBase, version, patient: this.patient, timeZone, defaultSector, sectorMapping, ...this.requestOptions() });
      }
    }
    if (source === 'memory') {
      const inline = this.seed === undefined ? readInlineSeed(this) : undefined;
      if (inline && 'error' in inline) {
        const error = new StoreContractError('CareRecord', [{ path: '', message: inline.error }]);
        return { load: () => Promise.reject(error), save: () => Promise.reject(error) };
      }
      const seed = (this.memorySeed = this.seed ?? (inline?.seed as CareContext['seed']));
      const options = { seed, seedSrc: this.seedSrc, persist: this.persist ? { key: this.persist } : undefined, latency: this.latency };
      const told: StorageProblem[] = (this.told = []);
      return lazySource(() =>
        import('../data/memory-source.js').then(({ MemorySource }) => {
          const memory = new MemorySource(options);
          // Told here too, so a page without a bundler can listen on the element (or read them later).
          memory.addEventListener('storage-problem', (event) => {
            const { problem } = event as StorageProblemEvent;
            told.push(problem);
            this.dispatchEvent(new CareStorageProblemEvent(problem));
          });
          return memory;
        }),
        'memory',
      );
    }
    if (source) console.warn(`<care-context>: unknown source "${String(source)}"; use source="memory", src="https://…", or set the source property.`);
    return undefined;
  }

  /** Request settings for the HTTP and FHIR sources: this element's attributes over the page's `configureRequests`. */
  private requestOptions(): RequestSettings & { headers: () => Promise<Headers> } {
    const page = requestSettings();
    const credentials = this.credentials ?? page.credentials;
    const valid = (value: number | undefined, name: string, min: number) => {
      if (value === undefined || (Number.isFinite(value) && value >= min)) return value;
      console.warn(`<care-context>: ${name} must be a number of at least ${min}; using the default.`);
      return undefined;
    };
    if (credentials && !['same-origin', 'include', 'omit'].includes(credentials)) {
      console.warn(`<care-context>: credentials="${credentials}" is not same-origin, include or omit; using same-origin.`);
    }
    return {
      headers: mergedHeaders(() => this.headers),
      credentials: credentials && ['same-origin', 'include', 'omit'].includes(credentials) ? credentials : undefined,
      timeoutMs: valid(this.timeoutMs ?? page.timeoutMs, 'timeout-ms', 1),
      retries: valid(this.retries ?? page.retries, 'retries', 0),
    };
  }

  private validActor(): Actor | undefined {
    if (this.actor === undefined) return undefined;
    const result = check(Actor, this.actor);
    if (result.ok) return result.value;
    console.warn(`<care-context>: the actor does not follow the data contract: ${describeIssues(result.issues)}`);
    return undefined;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'care-context': CareContext;
  }
}
