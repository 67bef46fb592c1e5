import { html, nothing, type TemplateResult } from 'lit';
import type { Responsibility } from '../../contract/responsibility.js';
import type { ResponsibilityFlag } from '../../contract/rules.js';
import type { Member } from '../../contract/team.js';
import type { Audience, RaciPart } from '../../contract/values.js';
import type { StoreError } from '../../data/types.js';
import type { CommonMessages, MatrixMessages } from '../../i18n/types.js';
import { icon, type IconName } from './icons.js';
import type { MatrixData } from './matrix-data.js';
import { roleLabel } from '../base/role-label.js';

export type Strings = MatrixMessages & CommonMessages;

/** A failed save the element shows next to the row, with what Retry (or a choice between two versions) does. */
export interface RowFailure {
  error: StoreError;
  retry: () => unknown;
  /** Both changed the same thing: each difference in plain words, and how to keep one version. */
  conflicts?: readonly string[];
  choose?: (choice: 'mine' | 'theirs') => unknown;
}

/** What the render modules read from the element: text, data, the viewer and each row's save state. */
export interface MatrixContext {
  t: Strings;
  data: MatrixData;
  editable: boolean;
  me?: string;
  audience: Audience;
  /** A heading `offset` levels below the title. */
  heading(offset: number, id: string | undefined, className: string, content: unknown): unknown;
  formatDay(iso: string): string;
  describeError(error: StoreError): string;
  isPending(id: string): boolean;
  failureOf(id: string): RowFailure | undefined;
}

/** The part choices in the cell editor and the details dialog, in order: none first. */
export const PART_CHOICES: readonly (RaciPart | 'none')[] = ['none', 'accountable', 'responsible', 'consulted', 'informed'];

/** A member's role as this audience calls it. */
export const roleOf = (member: Member, audience: Audience): string | undefined => roleLabel(member, audience !== 'service-user');

/** A rule about a responsibility in words, with its icon; `info` for what is news rather than a problem. */
export const flagView = (ctx: MatrixContext, flag: ResponsibilityFlag): { text: string; icon: IconName; info: boolean } => {
  const f = ctx.t.flags;
  const nameOf = (id: string) => ctx.data.nameOf(id);
  const names = (ids: string[]) => ids.map(nameOf).join(', ');
  switch (flag.kind) {
    case 'no-accountable':
      return { text: f.noAccountable, icon: 'warning', info: false };
    case 'several-accountable':
      return { text: f.severalAccountable(names(flag.memberIds)), icon: 'warning', info: false };
    case 'accountable-left':
      return { text: f.accountableLeft(nameOf(flag.memberId)), icon: 'left', info: false };
    case 'assigned-member-left':
      return { text: f.assignedMemberLeft(names(flag.memberIds)), icon: 'left', info: false };
    case 'unknown-member':
      return { text: f.unknownMember(flag.memberIds.join(', ')), icon: 'warning', info: false };
    case 'disputed':
      return { text: f.disputed(nameOf(flag.memberId), flag.reason), icon: 'dispute', info: false };
    case 'handover-pending':
      return {
        text: flag.toMemberId === ctx.me ? ctx.t.handoverAnswer : f.handoverPending(nameOf(flag.toMemberId)),
        icon: 'handover',
        info: true,
      };
    case 'review-overdue':
      return { text: f.reviewOverdue(ctx.formatDay(flag.reviewDate)), icon: 'clock', info: false };
  }
};

/** What an edit changed in the rules, in words: new problems first, then solved ones. */
export const flagNews = (ctx: MatrixContext, previous: Responsibility | undefined, next: Responsibility): string => {
  const t = ctx.t;
  const before = previous ? ctx.data.flagsOf(previous) : [];
  const after = ctx.data.flagsOf(next);
  const keys = (flags: ResponsibilityFlag[]) => new Set(flags.map((f) => JSON.stringify(f)));
  const beforeKeys = keys(before);
  const afterKeys = keys(after);
  const raised = after.filter((f) => !beforeKeys.has(JSON.stringify(f))).map((f) => t.flagRaised(next.title, flagView(ctx, f).text));
  const cleared = before.filter((f) => !afterKeys.has(JSON.stringify(f))).map((f) => t.flagCleared(next.title, flagView(ctx, f).text));
  return [...raised, ...cleared].join(' ');
};

/** Area, status, review and due dates, then the steps. */
export const renderMeta = (ctx: MatrixContext, r: Responsibility): TemplateResult => {
  const t = ctx.t;
  const bits = [t.areas[r.area]];
  if (r.status !== 'agreed') bits.push(t.statuses[r.status]);
  if (r.reviewDate) bits.push(t.reviewOn(ctx.formatDay(r.reviewDate)));
  if (r.due) bits.push(t.dueOn(ctx.formatDay(r.due)));
  return html`<span class="meta">${bits.join(' · ')}</span>${r.steps?.length ? renderSteps(t, r) : nothing}`;
};

const renderSteps = (t: Strings, r: Responsibility) => {
  const steps = r.steps ?? [];
  const done = steps.filter((s) => s.done).length;
  return html`<span class="meta">${t.stepsProgress(done, steps.length)}</span>
    <ul class="steps" aria-label=${t.steps}>
      ${steps.map(
        (s) =>
          html`<li class=${s.done ? 'step-done' : ''}>
            <span class="step-mark" aria-hidden="true">${s.done ? '✓' : '○'}</span>
            <span><span class="step-title" dir="auto">${s.title}</span><span class="visually-hidden"> (${s.done ? t.stepDone : t.stepNotDone})</span></span>
          </li>`,
      )}
    </ul>`;
};

/** The rules a responsibility breaks, or "Nothing to check". */
export const renderFlags = (ctx: MatrixContext, r: Responsibility): TemplateResult | typeof nothing =>
  ctx.data.flagsOf(r).length === 0 ? html`<span class="ok">${ctx.t.noFlags}</span>` : renderFlagList(ctx, r);

/** The rules a responsibility breaks, as a list; nothing when it breaks none. */
const renderFlagList = (ctx: MatrixContext, r: Responsibility): TemplateResult | typeof nothing => {
  const flags = ctx.data.flagsOf(r);
  if (flags.length === 0) return nothing;
  return html`<ul class="flags">
    ${flags.map((flag) => {
      const view = flagView(ctx, flag);
      return html`<li class="flag ${view.info ? 'info' : ''}" part="flag">${icon(view.icon)}<span class="flag-text">${view.text}</span></li>`;
    })}
  </ul>`;
};

/**
 * The "needs attention" cell: saving, a failed save with Try again (or, where two people changed
 * the same thing, both versions and a choice), then the flags. In the grid its buttons are not
 * tab stops of their own: the grid's one tab stop reaches them.
 */
export const renderRowState = (ctx: MatrixContext, r: Responsibility, pending: boolean, failure: RowFailure | undefined, grid: boolean): TemplateResult => {
  const t = ctx.t;
  const tabindex = grid ? '-1' : nothing;
  const failed = !failure
    ? nothing
    : failure.conflicts?.length
      ? html`<div class="row-error" part="flag error">
          <span><strong>${t.saveFailed}</strong> ${t.bothChanged}</span>
          <ul class="conflicts">
            ${failure.conflicts.map((sentence) => html`<li>${sentence}</li>`)}
          </ul>
          <span class="choices">
            <button type="button" data-widget data-choose="mine" data-row-id=${r.id} tabindex=${tabindex}>${t.keepMine}</button>
            <!-- A second tab stop only while the choice waits, so both versions can be kept by keyboard. -->
            <button type="button" data-choose="theirs" data-row-id=${r.id}>${t.keepTheirs}</button>
          </span>
        </div>`
      : html`<div class="row-error" part="flag error">
          <span><strong>${t.saveFailed}</strong> ${ctx.describeError(failure.error)}</span>
          <button type="button" data-widget data-retry=${r.id} tabindex=${tabindex}>${t.retry}</button>
        </div>`;
  // "Nothing to check" under a save that is under way or failed would contradict it: flags only then.
  const flags = pending || failure ? renderFlagList(ctx, r) : renderFlags(ctx, r);
  return html`${pending ? html`<span class="row-status">${t.savingRow}</span>` : nothing} ${failed} ${flags}`;
};
