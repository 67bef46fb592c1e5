import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { keep, type Kept } from '../base/kept.js';
import { repeat } from 'lit/directives/repeat.js';
import { teamFlags } from '../../contract/rules.js';
import { ICONS } from './icons.js';
import { renderContact, renderMember, type RosterContext } from './member-view.js';
import type { GroupView, MemberView, PreparedTeam } from './roster-model.js';

/** A team with nobody on it yet. */
export const renderEmpty = (ctx: RosterContext): TemplateResult =>
  html`<div class="state" part="state empty">
    <p><strong>${ctx.m.empty}</strong></p>
    <p>${ctx.m.emptyHint}</p>
  </div>`;

/** The title, how many people and when the list was last checked, notes about the team, and its own contacts. */
export const renderTeamHeader = (ctx: RosterContext, prepared: PreparedTeam, headings: { title: unknown; contactsTitle: unknown }): TemplateResult => {
  const m = ctx.m;
  const { team } = prepared;
  const checked = team.lastConfirmed
    ? team.confirmedBy?.name
      ? m.lastCheckedBy(ctx.formatDay(team.lastConfirmed), team.confirmedBy.name)
      : m.lastChecked(ctx.formatDay(team.lastConfirmed))
    : '';
  return html`<div class="header">
      ${headings.title}
      <p class="summary" part="summary">
        ${m.memberCount(prepared.activeCount)}${checked ? html`. <span dir="auto">${checked}</span>` : nothing}
      </p>
    </div>
    ${prepared.teamUnconfirmedSince
      ? html`<p class="notice" part="notice">${ICONS.warning}<span>${m.notCheckedSince(ctx.formatDay(prepared.teamUnconfirmedSince))}</span></p>`
      : nothing}
    ${teamFlags(team).map((flag) => html`<p class="notice" part="notice team-note">${ICONS.warning}<span>${flag.kind === 'inactive' ? m.teamInactive : m.noCoordinator}</span></p>`)}
    ${prepared.teamContacts.length
      ? html`<section class="team-contacts" part="team-contacts" aria-labelledby="team-contacts-title">
          ${headings.contactsTitle}
          <ul class="contacts" part="contacts" role="list">
            ${prepared.teamContacts.map((c) => renderContact(ctx, c, undefined, prepared.teamContacts.length > 1, true))}
          </ul>
        </section>`
      : nothing}`;
};

export interface FilterOptions {
  filter: string;
  sectorFilter: string;
  showEnded: boolean;
  search: Kept<HTMLInputElement>;
  onSearch: (event: Event) => void;
  onSector: (event: Event) => void;
  onToggleEnded: () => void;
}

/** Search, sector filter and "show people who have left", as a search landmark. */
export const renderFilters = (ctx: RosterContext, prepared: PreparedTeam, options: FilterOptions): TemplateResult => {
  const m = ctx.m;
  return html`<div class="filters" part="filters" role="search" aria-label=${m.filtersLabel}>
    <div class="field">
      <label for="search">${m.searchLabel}</label>
      <input ${keep(options.search)} id="search" type="search" autocomplete="off" .value=${live(options.filter)} @input=${options.onSearch} />
    </div>
    ${prepared.sectors.length > 1
      ? html`<div class="field">
          <label for="sector">${m.sectorLabel}</label>
          <select id="sector" @change=${options.onSector}>
            <option value="" ?selected=${!options.sectorFilter}>${m.allSectors}</option>
            ${prepared.sectors.map((s) => html`<option value=${s} ?selected=${s === options.sectorFilter}>${m.sectors[s]}</option>`)}
          </select>
        </div>`
      : nothing}
    ${prepared.endedCount > 0
      ? html`<button type="button" class="toggle-ended" aria-pressed=${options.showEnded ? 'true' : 'false'} @click=${options.onToggleEnded}>
          ${m.showEnded(prepared.endedCount)}
        </button>`
      : nothing}
  </div>`;
};

const groupTitle = (ctx: RosterContext, group: GroupView): TemplateResult | string => {
  const m = ctx.m;
  const key = group.key;
  switch (key.kind) {
    case 'sector':
      return m.sectors[key.sector];
    case 'organisation':
      return html`<span dir="auto">${key.organisation.name}</span>`;
    case 'self':
      return ctx.professional ? m.groups.selfProfessional : m.groups.self;
    default:
      return m.groups[key.kind];
  }
};

/**
 * One group of members (a sector, an organisation, the network) and the expected sectors nobody
 * on the team covers. A member re-renders only when its view or `layoutDeps` (layout, audience,
 * words, zone) change.
 */
export const renderGroup = (
  ctx: RosterContext,
  at: { group: GroupView; members: MemberView[]; index: number; level: number },
  heading: (level: number, id: string, content: unknown) => unknown,
  layoutDeps: readonly unknown[],
): TemplateResult => {
  const m = ctx.m;
  const { group, members, index, level } = at;
  const titleId = `group-${index}`;
  return html`<section class="group" part="group" aria-labelledby=${titleId}>
    ${heading(level, titleId, groupTitle(ctx, group))}
    ${group.key.kind === 'organisation' && ctx.professional ? html`<p class="group-sector">${m.sectors[group.key.organisation.sector]}</p>` : nothing}
    <ul class="members" part="list" role="list">
      ${repeat(
        members,
        (view) => view.member.id,
        (view) => guard([view, ...layoutDeps], () => renderMember(ctx, view)),
      )}
      ${group.missingSectors.map((sector) =>
        group.key.kind === 'missing'
          ? html`<li class="missing" part="missing">${m.missingSector(m.sectors[sector])}</li>`
          : html`<li class="missing" part="missing">
              <strong>${m.noneRecorded}</strong>
              <span>${ctx.professional ? m.noneRecordedHintProfessional : m.noneRecordedHint}</span>
            </li>`,
      )}
    </ul>
  </section>`;
};
