import { CareRecord, type CareRecord as CareRecordType } from '../../../src/contract/record.js';
import type { Responsibility } from '../../../src/contract/responsibility.js';
import type { CareTeam } from '../../../src/contract/team.js';
import { check } from '../../../src/contract/validate.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { CareStore } from '../../../src/data/store.js';
import { StoreError, type CareDataSource, type Change, type ChangeKind, type EntityByKind } from '../../../src/data/types.js';
import type { CareResponsibilityMatrix } from '../../../src/components/responsibility-matrix/responsibility-matrix.js';
import '../../../src/components/responsibility-matrix/define.js';
import '../../../src/context/define.js';
import { fixture, html, settle } from '../../helpers/fixture.js';

/** The Fjordvik case, parsed through the contract (a fresh copy each call). */
export const record = (): CareRecordType => {
  const result = check(CareRecord, structuredClone(fjordvik));
  if (!result.ok) throw new Error(`fixture breaks the contract: ${JSON.stringify(result.issues)}`);
  return result.value;
};

/** A date after every review date in the fixture but one (r-crisis, 2026-11-01, is overdue). */
export const TODAY = '2026-11-20';

/** A handful of the Fjordvik responsibilities with every kind of row and flag, for quicker axe runs. */
export const SMALL = ['r-medication', 'r-lithium', 'r-crisis', 'r-therapy', 'r-nav-meetings', 'r-sleep', 'r-goal-walks'];

/** A controlled matrix with the Fjordvik data, settled. */
/** The person using the page: the member `me` names, else Kari. */
const actorFor = (data: { team: CareTeam }, me?: string) => {
  const member = data.team.members.find((m) => m.id === (me ?? 'm-kari'));
  return member ? { id: member.id, name: member.name } : { id: 'm-kari', name: 'Kari Nilsen' };
};

export async function controlledMatrix(
  options: {
    editable?: boolean;
    view?: string;
    me?: string;
    lang?: string;
    team?: CareTeam;
    responsibilities?: Responsibility[];
    filter?: string;
    /** Only the SMALL set of responsibilities. */
    small?: boolean;
  } = {},
): Promise<CareResponsibilityMatrix> {
  const data = record();
  const el = await fixture<CareResponsibilityMatrix>(
    html`<care-responsibility-matrix
      style="inline-size: 70rem"
      lang=${options.lang ?? 'en'}
      today=${TODAY}
      view=${options.view ?? 'grid'}
      filter=${options.filter ?? 'all'}
      ?editable=${options.editable ?? false}
      .actor=${actorFor(data, options.me)}
      .me=${options.me}
      .team=${options.team ?? data.team}
      .responsibilities=${options.responsibilities ??
      (options.small ? data.responsibilities.filter((r) => SMALL.includes(r.id)) : data.responsibilities)}
    ></care-responsibility-matrix>`,
  );
  return settle(el);
}

/** A data source in memory whose next saves can be made to fail. */
export class TestSource implements CareDataSource {
  failNext = 0;
  failLoad = false;
  /** When set, loads wait for it (to show the loading state). */
  loadGate?: Promise<void>;
  saves: Change[] = [];
  constructor(private data: CareRecordType = record()) {}

  async load(): Promise<CareRecordType> {
    if (this.loadGate) await this.loadGate;
    if (this.failLoad) throw new StoreError('network', 'offline');
    return structuredClone(this.data);
  }

  async save<K extends ChangeKind>(change: Change<K>): Promise<EntityByKind[K]> {
    this.saves.push(change as Change);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.failNext > 0) {
      this.failNext--;
      throw new StoreError('network', 'connection lost');
    }
    return structuredClone(change.value);
  }
}

/** A matrix inside `<care-context>` with a store over a TestSource (loaded unless told otherwise). */
export async function connectedMatrix(
  source = new TestSource(),
  options: { editable?: boolean; me?: string } = {},
): Promise<{ el: CareResponsibilityMatrix; store: CareStore; source: TestSource }> {
  const store = new CareStore(source, 'team-ingrid', { id: 'm-kari', name: 'Kari Nilsen' });
  if (!source.loadGate) await store.load();
  const context = await fixture(
    html`<care-context .store=${store} lang="en">
      <care-responsibility-matrix
        style="inline-size: 70rem"
        today=${TODAY}
        view="grid"
        .me=${options.me}
        ?editable=${options.editable ?? true}
      ></care-responsibility-matrix>
    </care-context>`,
  );
  const el = context.querySelector('care-responsibility-matrix')!;
  await settle(el);
  return { el, store, source };
}

/** Shadow-root query helpers. */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

/** The row of a responsibility. */
export const rowOf = (el: Element, id: string) => $<HTMLTableRowElement>(el, `tr[data-row="r:${id}"]`)!;

/** The responsibility id of a row (undefined for a group heading). */
export const idOfRow = (row: Element | null | undefined) => {
  const key = (row as HTMLElement | null)?.dataset.row;
  return key?.startsWith('r:') ? key.slice(2) : undefined;
};

/** The index of a member's column in the table (0 = title, 1 = flags). */
export const colOf = (el: Element, name: string): number => {
  const headers = $$(el, 'thead th');
  const index = headers.findIndex((th) => th.querySelector('.member-name')?.textContent?.startsWith(name));
  if (index === -1) throw new Error(`no column for ${name}`);
  return index;
};

/** The cell of a member in a responsibility row. */
export const cellOf = (el: Element, id: string, name: string) => rowOf(el, id).cells[colOf(el, name)];

/** Text with whitespace collapsed. */
export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The element that really has focus inside the matrix. */
export const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
