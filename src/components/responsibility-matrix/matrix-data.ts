import * as v from 'valibot';
import { rules } from '../../contract/kit.js';
import { Responsibility } from '../../contract/responsibility.js';
import { responsibilityFlags, type ResponsibilityFlag } from '../../contract/rules.js';
import type { CareTeam, Member } from '../../contract/team.js';
import { reportRepeatedKeys } from '../../contract/unique.js';
import type { Audience, RaciPart } from '../../contract/values.js';
import { isOwnGoal, matchesFilter, matrixColumns, partsOf, type MatrixFilter } from './model.js';

/** A list of responsibilities as the element accepts it: each valid, ids unique. */
export const ResponsibilityList = v.pipe(
  v.array(Responsibility),
  rules((list, report) =>
    reportRepeatedKeys(
      report,
      list,
      (r) => r.id,
      (index) => [index, 'id'],
      (id) => `the responsibility id "${id}" is used more than once`,
    ),
  ),
);

/** Row of the grid: a group heading or a responsibility. */
export type GridRow = { kind: 'group'; key: string; label: string } | { kind: 'data'; key: string; responsibility: Responsibility };

/** Row keys live in two namespaces, so no responsibility id can pass for a group heading. */
export const rowKey = (id: string) => `r:${id}`;
export const idOfKey = (key: string): string | undefined => (key.startsWith('r:') ? key.slice(2) : undefined);

/** What the rows are built from: the data, the viewer and the choices in the toolbar. */
export interface MatrixInput {
  team: CareTeam;
  list: readonly Responsibility[];
  today: string;
  showEnded: boolean;
  filter: MatrixFilter;
  me?: string;
  audience: Audience;
  /** Group headings: the viewer's own goals, someone's own goals, shared tasks. */
  labels: { ownGoals: string; ownGoalsOf: (name: string) => string; sharedTasks: string };
}

/**
 * Everything the matrix shows, derived once per data change and never in render: the list
 * without repeated ids, the member columns, the rows after filtering and grouping, and each
 * responsibility's parts and flags (computed once per object).
 */
export class MatrixData {
  team?: CareTeam;
  list: Responsibility[] = [];
  byId = new Map<string, Responsibility>();
  memberById = new Map<string, Member>();
  columns: Member[] = [];
  visible: Responsibility[] = [];
  rows: GridRow[] = [];
  rowIndex = new Map<string, number>();
  private derived = new WeakMap<Responsibility, { parts: Map<string, RaciPart>; flags: ResponsibilityFlag[] }>();
  private derivedFor?: { team: CareTeam; today: string };

  update(input: MatrixInput): void {
    const { team, today } = input;
    if (this.derivedFor?.team !== team || this.derivedFor.today !== today) {
      this.derived = new WeakMap();
      this.derivedFor = { team, today };
    }
    this.team = team;
    this.memberById = new Map(team.members.map((m) => [m.id, m]));
    // The store's list is trusted, but a repeated id would confuse keyed rendering: keep the first.
    const seen = new Set<string>();
    const list: Responsibility[] = [];
    for (const r of input.list) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      list.push(r);
    }
    this.list = list;
    this.byId = new Map(list.map((r) => [r.id, r]));

    const shown = input.showEnded ? list : list.filter((r) => r.status !== 'ended');
    const columns = matrixColumns(team, shown);
    // The same columns keep the same array, so rows that depend on it are not re-rendered.
    if (columns.length !== this.columns.length || columns.some((m, i) => m !== this.columns[i])) this.columns = columns;
    // Under "All" no flag is worked out here: a row's parts and flags are, when it is rendered.
    this.visible = shown.filter((r) => matchesFilter(r, () => this.flagsOf(r), input.filter, input.me));
    this.rows = this.group(input);
    this.rowIndex = new Map(this.rows.map((row, i) => [row.key, i]));
  }

  /** Shared tasks and the person's own goals under their own headings; the person sees their own first. */
  private group(input: MatrixInput): GridRow[] {
    const { team, labels } = input;
    const own = this.visible.filter(isOwnGoal);
    const shared = this.visible.filter((r) => !isOwnGoal(r));
    const toRows = (items: Responsibility[]): GridRow[] => items.map((r) => ({ kind: 'data', key: rowKey(r.id), responsibility: r }));
    if (own.length === 0) return toRows(shared);
    const serviceUser = this.memberById.get(team.serviceUserId);
    const ownLabel = input.me === team.serviceUserId ? labels.ownGoals : labels.ownGoalsOf(serviceUser?.name ?? '');
    const sharedGroup: GridRow[] = shared.length ? [{ kind: 'group', key: 'g:shared', label: labels.sharedTasks }, ...toRows(shared)] : [];
    const ownGroup: GridRow[] = [{ kind: 'group', key: 'g:own', label: ownLabel }, ...toRows(own)];
    return input.audience === 'service-user' ? [...ownGroup, ...sharedGroup] : [...sharedGroup, ...ownGroup];
  }

  /** Parts and flags of a responsibility, computed once per object. */
  derivedOf(r: Responsibility): { parts: Map<string, RaciPart>; flags: ResponsibilityFlag[] } {
    let entry = this.derived.get(r);
    if (!entry) {
      entry = {
        parts: partsOf(r),
        flags: responsibilityFlags(r, this.derivedFor?.team.members ?? [], this.derivedFor?.today),
      };
      this.derived.set(r, entry);
    }
    return entry;
  }

  flagsOf(r: Responsibility): ResponsibilityFlag[] {
    return this.derivedOf(r).flags;
  }

  nameOf(memberId: string): string {
    return this.memberById.get(memberId)?.name ?? memberId;
  }
}
