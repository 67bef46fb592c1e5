import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Actor } from '../../contract/common.js';
import { actorConverter } from '../../context/actor.js';
import { check, type ContractIssue, type ContractResult, type Schema } from '../../contract/validate.js';
import { follow } from '../../context/follow.js';
import { actorContext, storeContext } from '../../context/keys.js';
import { loadFailureReason, SOURCE_CODE_MISSING, type LoadFailureReason } from '../../data/load-failure.js';
import type { CareStore } from '../../data/store.js';
import { CONFLICT_NOT_FETCHED, TEAM_ID_ENTITY, type StoreError, type StoreSnapshot } from '../../data/types.js';
import type { Catalogue, Namespace, PartOf } from '../../i18n/types.js';
import { CareBase } from './care-base.js';
import { DayClock } from './day-clock.js';
import { reportDataError } from './events.js';
import { StoreConnection } from './store-connection.js';

export type { ElementState } from './care-base.js';

/**
 * Whether a left-out item's id (`LeftOut.id`) is the entity `id`: the same, or from a FHIR server
 * the resource's (`Consent/c-gp`), or the CarePlan whose activity it is (`CarePlan/cp` for `cp.activity-2`).
 */
const isLeftOutId = (leftOutId: string | undefined, id: string): boolean =>
  leftOutId === id || Boolean(leftOutId?.endsWith(`/${id}`)) || (Boolean(leftOutId?.startsWith('CarePlan/')) && id.startsWith(`${leftOutId!.slice(9)}.activity-`));

type Verdict = { value: unknown } | { issues: ContractIssue[] };

/**
 * Verdicts shared by every element on the page: schema → checked object → outcome. A consent list
 * hands each of its toggles the team and consents it has already checked, and fifty toggles share
 * one team; each object is checked once. A checked value counts as valid for its schema too: the
 * schemas only fill in defaults, so checking their own output again changes nothing.
 */
const verdicts = new WeakMap<object, WeakMap<object, Verdict>>();

export const verdictFor = <T>(schema: Schema<T>, input: unknown): { value: T } | { issues: ContractIssue[] } => {
  const objectInput = input !== null && typeof input === 'object';
  let known = verdicts.get(schema);
  if (objectInput && known?.has(input)) return known.get(input) as { value: T } | { issues: ContractIssue[] };
  const result = check(schema, input);
  const outcome = result.ok ? { value: result.value } : { issues: result.issues };
  if (!known) verdicts.set(schema, (known = new WeakMap()));
  if (objectInput) known.set(input, outcome);
  if (result.ok && result.value !== null && typeof result.value === 'object') known.set(result.value, outcome);
  return outcome;
};

/** Whether `input` has been checked against `schema` on this page (its outcome is kept). */
export const hasVerdict = (schema: object, input: unknown): boolean => input !== null && typeof input === 'object' && Boolean(verdicts.get(schema)?.has(input));

/** Records the outcome of a check done elsewhere (in steps, for a large input), so `checkInput` finds it. */
const rememberVerdict = <T>(schema: Schema<T>, input: object, result: ContractResult<T>): void => {
  let known = verdicts.get(schema);
  if (!known) verdicts.set(schema, (known = new WeakMap()));
  const outcome = result.ok ? { value: result.value } : { issues: result.issues };
  known.set(input, outcome);
  if (result.ok && result.value !== null && typeof result.value === 'object') known.set(result.value, outcome);
};

/**
 * What every element that shows care data shares, on top of `CareBase` (language, label
 * overrides, custom states, common styles): the store from `<care-context>`, the acting person,
 * contract checks at the boundary with a readable error state, and the load and save error text.
 *
 * @fires care-data-error - Data given to the element breaks the contract; `detail` has the entity and the issues (path and reason).
 * @fires care-error - A change the user made could not be saved; `detail` has the entity, its id and the error.
 */
export abstract class CareElement<N extends Namespace, M extends PartOf<Catalogue[N]> = Catalogue[N]> extends CareBase<N, M> {
  /** @internal Lit's reactive properties: the fields below, their attributes and reflection. */
  static override properties: PropertyDeclarations = {
    store: { state: true },
    contextActor: { state: true },
    snapshot: { state: true },
    actor: { converter: actorConverter },
  };

  static {
    follow(storeContext)(this.prototype, 'store');
    follow(actorContext)(this.prototype, 'contextActor');
  }

  /** Store provided by an enclosing `<care-context>`, if any. */
  protected store?: CareStore;

  protected contextActor?: Actor;

  /** What the store holds now (connected mode). */
  protected snapshot?: StoreSnapshot;

  /**
   * The person using the page, recorded on every change, for an element used without
   * `<care-context>` (inside one, the context's actor is used). A JS object, or JSON text (as attribute or property, as React 19 and Vue pass it)
   * `{"id":"m-kari","name":"Kari Nilsen","organisationId":"org-home-care"}`. Without a valid actor
   * the element refuses changes with a plain-language error and writes nothing.
   */
  actor?: Actor | string;

  /** The subscription to the store while the element is on the page; `snapshot` follows it. */
  protected readonly connection = new StoreConnection(this, {
    store: () => this.store,
    onSnapshot: (snapshot) => {
      if (snapshot?.record && !this.snapshot?.record) this.ownTaskForData = true;
      this.snapshot = snapshot;
    },
  });

  /** The store's record has just arrived: the render with it waits for a task of its own. */
  private ownTaskForData = false;

  /**
   * A store hands its record to every element on the page at once; rendered in the same task, a
   * page with a roster, a matrix, a consent list and a scheduler would block input for all four
   * first renders together. Each element's first render with the record runs in a task of its own
   * instead, so the browser can handle input and paint between them.
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    if (this.ownTaskForData) {
      this.ownTaskForData = false;
      await new Promise((resolve) => setTimeout(resolve));
    }
    return super.scheduleUpdate();
  }

  /**
   * What the element shows of the clock, such as today's date in the reader's calendar. A page can
   * stay open past midnight: when this changes, the element renders again (see `DayClock`).
   */
  protected dayKey(): string {
    return '';
  }

  protected readonly dayClock = new DayClock(this, () => this.dayKey());

  /** Objects this element has already checked, so it reports broken data once, not on every render. */
  private readonly checked = new WeakSet<object>();

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('store')) this.connection.sync();
  }

  /** Set when Try again was pressed with the keyboard focus on it: the focus follows the reload. */
  private retryFocus = false;

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.retryFocus || this.snapshot?.status === 'loading') return;
    // The button is replaced while loading, which would drop the focus on the page's body: put it on
    // the new Try again if the load failed again, else on the first heading of what was loaded.
    this.retryFocus = false;
    const root = this.renderRoot as ShadowRoot;
    const target = root.querySelector<HTMLElement>('[part~="error"] button') ?? root.querySelector<HTMLElement>('h1, h2, h3, h4, h5, h6');
    if (!target) return;
    if (!target.matches('button')) {
      target.tabIndex = -1;
      target.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true });
    }
    target.focus();
  }

  /**
   * Checks data given to the element against the contract, once per object. On failure it fires
   * `care-data-error` and returns the issues for the error state; nothing is thrown.
   */
  protected checkInput<T>(entity: string, schema: Schema<T>, input: unknown): { value: T } | { issues: ContractIssue[] } {
    const outcome = verdictFor(schema, input);
    const objectInput = input !== null && typeof input === 'object';
    if ('issues' in outcome && !(objectInput && this.checked.has(input))) {
      reportDataError(this, entity, outcome.issues);
      const listed = outcome.issues.slice(0, 5).map((issue) => `${issue.path || '(root)'}: ${issue.message}`);
      console.warn(`care-elements: <${this.localName}> ${entity} does not follow the data contract (${outcome.issues.length}): ${listed.join('; ')}`);
    }
    if (objectInput) this.checked.add(input);
    return outcome;
  }

  /**
   * Hands `checkInput` the outcome of a check of `input` against `schema` done elsewhere (in steps,
   * for a large input): `checkInput` then reports and returns it without checking again.
   */
  protected rememberCheck<T>(schema: Schema<T>, input: object, result: ContractResult<T>): void {
    rememberVerdict(schema, input, result);
  }

  /** Like `checkInput` for an input the element can do without: absent stays absent. */
  protected checkOptionalInput<T>(entity: string, schema: Schema<T>, input: unknown): { value: T | undefined } | { issues: ContractIssue[] } {
    return input === undefined ? { value: undefined } : this.checkInput(entity, schema, input);
  }

  /**
   * The error state for data that breaks the contract, in plain words. Where and why (contract
   * paths) are for developers: in the `care-data-error` event and the console always, and on
   * screen only for a professional reader, folded away; a service user never sees them.
   */
  protected renderDataError(issues: readonly ContractIssue[]): TemplateResult {
    const t = this.t;
    this.markState('invalid-data');
    return html`<div class="state error" role="alert" part="state error">
      <h2>${t.dataErrorTitle}</h2>
      <p>${t.dataErrorIntro}</p>
      ${this.renderIssueDetails(issues)}
    </div>`;
  }

  /** Contract paths and messages, folded, for a professional reader only (`audience="professional"`). */
  private renderIssueDetails(issues: readonly ContractIssue[]): TemplateResult | typeof nothing {
    if ((this as { audience?: unknown }).audience !== 'professional') return nothing;
    const t = this.t;
    return html`<details part="details">
      <summary>${t.dataErrorDetails} (${t.dataErrorCount(issues.length)})</summary>
      <ul>
        ${issues
          .slice(0, 20)
          .map((issue) => html`<li><code>${issue.path || '(root)'}</code>: ${issue.message}${issue.found ? ` (${issue.found})` : nothing}</li>`)}
      </ul>
    </details>`;
  }

  /**
   * A notice that the last load left out entries of `entity` (`ConsentDirective`, `Meeting`, …),
   * or the one with `id`, because they are stored with a mistake, so what is shown is not all there
   * is; nothing when none were. For what the element reads from the store (connected mode).
   */
  protected renderLeftOut(entity: string, id?: string): TemplateResult | typeof nothing {
    const count = this.snapshot?.leftOut?.filter((item) => item.entity === entity && (id === undefined || isLeftOutId(item.id, id))).length ?? 0;
    return count ? html`<p class="state left-out" part="state left-out">${this.t.leftOut(count)}</p>` : nothing;
  }

  /**
   * Whether the last load left out the `entity` with `id` because it is stored with a mistake: what
   * names it refers to something that exists but cannot be shown, never to nothing.
   */
  protected isLeftOut(entity: string, id: string | undefined): boolean {
    return Boolean(id) && Boolean(this.snapshot?.leftOut?.some((item) => item.entity === entity && isLeftOutId(item.id, id!)));
  }

  /** `titles` (id → title), with each of `ids` whose `entity` the load left out named as stored with a mistake. */
  protected withLeftOutTitles(entity: string, titles: Map<string, string>, ids: Iterable<string>): Map<string, string> {
    for (const id of ids) if (!titles.has(id) && this.isLeftOut(entity, id)) titles.set(id, this.t.leftOutEntry);
    return titles;
  }

  /** The state for a failed load, with a retry button. */
  protected renderLoadError(retry: () => void): TemplateResult {
    const t = this.t;
    this.markState('load-error');
    // A source that loaded data breaking the contract says where and why, like controlled mode does.
    const error = this.snapshot?.loadError as (StoreError & { issues?: readonly ContractIssue[] }) | undefined;
    const issues = error?.kind === 'contract' && Array.isArray(error.issues) ? error.issues : undefined;
    const badTeamId = issues && (error as { entity?: unknown }).entity === TEAM_ID_ENTITY;
    return html`<div class="state error" role="alert" part="state error">
      <h2>${t.loadErrorTitle}</h2>
      ${badTeamId ? html`<p>${t.loadErrorTeamId}</p>` : nothing}
      ${issues
        ? html`<p>${t.dataErrorIntro}</p>
            ${this.renderIssueDetails(issues)}`
        : html`<p>${this.loadFailureText(error)}</p>`}
      <button type="button" @click=${(event: Event) => this.pressRetry(event, retry)}>${t.retry}</button>
    </div>`;
  }

  private pressRetry(event: Event, retry: () => void): void {
    this.retryFocus = (this.renderRoot as ShadowRoot).activeElement === event.currentTarget;
    retry();
  }

  /** The sentence for a failed load; "reload the page" when the source's code cannot arrive without it. */
  private loadFailureText(error: StoreError | undefined): string {
    if (error?.detail.startsWith(SOURCE_CODE_MISSING)) return this.t.loadErrorReload;
    return this.describeLoadFailure(error ? loadFailureReason(error) : 'network');
  }

  /** A plain-language sentence for a failed load: sign in, no access, not found, … (never "check your connection" for a refusal). */
  protected describeLoadFailure(reason: LoadFailureReason): string {
    const t = this.t;
    const byReason: Record<LoadFailureReason, string> = {
      unauthorised: t.loadErrorSignIn,
      forbidden: t.loadErrorNoAccess,
      'not-found': t.loadErrorNotFound,
      server: t.loadErrorServer,
      timeout: t.loadErrorTimeout,
      network: t.loadErrorBody,
      'invalid-body': t.loadErrorInvalid,
      rejected: t.loadErrorRejected,
    };
    return byReason[reason];
  }

  /** A plain-language sentence for a failed save. */
  protected describeError(error: StoreError): string {
    const t = this.t;
    const byKind: Record<StoreError['kind'], string> = {
      network: t.errorNetwork,
      timeout: t.errorTimeout,
      conflict: error.detail === CONFLICT_NOT_FETCHED ? t.errorConflictNotFetched : t.errorConflict,
      server: t.errorServer,
      storage: t.errorStorage,
      forbidden: t.errorForbidden,
      rejected: t.errorRejected,
      contract: t.errorRejected,
      'no-actor': t.errorNoActor,
    };
    return byKind[error.kind];
  }

  /**
   * Who makes the changes here (connected mode: the store's actor; otherwise the `actor` property
   * or `<care-context actor>`). Undefined when nobody valid is set: changes are then refused.
   */
  protected get actingPerson(): Actor | undefined {
    if (this.store) return this.store.actor;
    // Frameworks that set every attribute as a property (React 19, Vue) hand the JSON text over as is.
    const own = typeof this.actor === 'string' ? actorConverter.fromAttribute(this.actor) : this.actor;
    const given = own ?? this.contextActor;
    return given && check(Actor, given).ok ? given : undefined;
  }
}
