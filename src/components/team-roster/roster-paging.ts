import { html, nothing, type TemplateResult } from 'lit';
import type { RosterContext } from './member-view.js';
import type { RosterArrangement } from './roster-model.js';

/** A list of up to this many members is always shown whole: paging is for very large rosters, never for a normal team. */
export const PAGE_FROM = 200;
/** Members added to a paged list by each "Show more members". */
export const PAGE_SIZE = 100;

/**
 * Which members of a long list are shown: the first `PAGE_SIZE`, and `PAGE_SIZE` more at each
 * "Show more members", whose first new member then takes the focus. The filter still searches
 * every member; only what it finds is paged.
 */
export class RosterPaging {
  private limit = PAGE_SIZE;
  private focusId?: string;

  /** A new list (another filter, grouping or team): back to the first page. */
  reset(): void {
    this.limit = PAGE_SIZE;
    this.focusId = undefined;
  }

  /** How many of `count` members are shown. */
  shown(count: number): number {
    return count > PAGE_FROM ? Math.min(count, this.limit) : count;
  }

  /** Shows the next page; returns how many were shown before. */
  more(arrangement: RosterArrangement): number {
    const before = this.shown(arrangement.shownCount);
    this.limit = before + PAGE_SIZE;
    this.focusId = memberAt(arrangement, before);
    return before;
  }

  /** Once the first member "Show more members" added is on the page, moves the focus to it (once). */
  focusFirstNew(find: (id: string) => HTMLElement | undefined): void {
    const target = this.focusId === undefined ? undefined : find(this.focusId);
    if (!target?.isConnected) return;
    this.focusId = undefined;
    target.focus();
  }

  /**
   * "Showing 100 of 5,000 members" in a polite live region that is on the page before its message
   * (empty while the list is whole), and the button that shows more.
   */
  render(ctx: RosterContext, arrangement: RosterArrangement, onMore: () => void): TemplateResult {
    const total = arrangement.shownCount;
    const shown = this.shown(total);
    return html`<div class="paging">
      <p class="page-status live-region" part="page-status" role="status">${total > PAGE_FROM ? ctx.m.pageStatus(shown, total) : ''}</p>
      ${shown < total ? html`<button type="button" class="show-more" part="show-more" @click=${onMore}>${ctx.m.showMoreMembers}</button>` : nothing}
    </div>`;
  }
}

/** The id of the member at `index` in the order the roster shows them, across groups. */
const memberAt = (arrangement: RosterArrangement, index: number): string | undefined => {
  let rest = index;
  for (const group of arrangement.groups) {
    if (rest < group.members.length) return group.members[rest].member.id;
    rest -= group.members.length;
  }
  return undefined;
};
