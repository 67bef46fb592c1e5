import { html, nothing, type TemplateResult } from 'lit';
import { keep, type Kept } from '../base/kept.js';
import type { Weekday } from '../../contract/values.js';
import type { CommonMessages, RosterMessages } from '../../i18n/types.js';
import { ICONS } from './icons.js';
import { dayRuns, type ContactView, type MemberView } from './roster-model.js';
import { roleLabel } from '../base/role-label.js';

/** The part of the roster's strings the list shows (the details dialog's arrive with its code). */
export type RosterListMessages = Omit<RosterMessages, 'details'>;

/** What the member pieces read from the roster: its words, the audience, the layout and dates. */
export interface RosterContext {
  m: RosterListMessages & CommonMessages;
  professional: boolean;
  compact: boolean;
  formatDay(isoDate: string): string;
  /** The reference to a member's name button, for focus. */
  nameButton(memberId: string): Kept<HTMLElement>;
}

export function roleText(ctx: RosterContext, view: MemberView): string {
  const { member } = view;
  const m = ctx.m;
  if (!member.role) return member.kind === 'professional' ? '' : m.memberKinds[member.kind];
  return roleLabel(member, ctx.professional) ?? '';
}

export function renderBadges(ctx: RosterContext, view: MemberView, always = true): TemplateResult | typeof nothing {
  const m = ctx.m;
  const { member } = view;
  const professional = ctx.professional;
  const kind = view.isServiceUser
    ? professional
      ? m.badges.serviceUser
      : m.badges.you
    : member.kind !== 'professional'
      ? m.memberKinds[member.kind]
      : '';
  // A card without badges gets no empty wrapper: one element fewer on each of hundreds of cards.
  if (!always && !view.isCoordinator && !kind && member.status !== 'proposed' && !view.ended && !view.unconfirmedSince) return nothing;
  return html`<span class="badges">
    ${view.isCoordinator
      ? html`<span class="badge coordinator" part="badge badge-coordinator">${ICONS.coordinator}${m.badges.coordinator}</span>`
      : nothing}
    ${kind ? html`<span class="badge" part="badge">${kind}</span>` : nothing}
    ${member.status === 'proposed'
      ? html`<span class="badge" part="badge">${professional ? m.badges.proposedProfessional : m.badges.proposed}</span>`
      : nothing}
    ${view.ended
      ? html`<span class="badge ended" part="badge"
          >${member.period?.end ? m.period.left(ctx.formatDay(member.period.end)) : m.badges.ended}</span
        >`
      : nothing}
    ${view.unconfirmedSince
      ? html`<span class="badge warning" part="badge badge-warning"
          >${ICONS.warning}${m.memberNotConfirmed(ctx.formatDay(view.unconfirmedSince))}</span
        >`
      : nothing}
  </span>`;
}

export function periodText(ctx: RosterContext, view: MemberView): string {
  const m = ctx.m;
  const period = view.member.period;
  if (!period?.start) return period?.end ? m.period.left(ctx.formatDay(period.end)) : '';
  return period.end
    ? m.period.between(ctx.formatDay(period.start), ctx.formatDay(period.end))
    : m.period.since(ctx.formatDay(period.start));
}

export function renderMember(ctx: RosterContext, view: MemberView): TemplateResult {
  const { member } = view;
  const m = ctx.m;
  const professional = ctx.professional;
  const compact = ctx.compact;
  const role = roleText(ctx, view);
  const contacts = compact ? view.contacts.slice(0, 1) : view.contacts;
  const period = professional && !compact ? periodText(ctx, view) : '';
  const confirmed = professional && !compact && member.lastConfirmed ? m.confirmed(ctx.formatDay(member.lastConfirmed)) : '';
  const parts = `member${view.isCoordinator ? ' member-coordinator' : ''}${view.ended ? ' member-ended' : ''}`;
  return html`<li class="member${view.isCoordinator ? ' coordinator' : ''}${view.ended ? ' ended' : ''}" part=${parts}>
    <div class="member-head">
      <button ${keep(ctx.nameButton(member.id))} type="button" class="name" part="name" aria-haspopup="dialog" data-select=${member.id} dir="auto">${member.name}</button>
      ${renderBadges(ctx, view, false)}
    </div>
    ${role
      ? professional && member.role
        ? html`<p class="role" part="role"><span dir="auto">${role}</span> <span class="code">(${member.role.code})</span></p>`
        : html`<p class="role" part="role" dir="auto">${role}</p>`
      : nothing}
    ${view.organisation && !compact ? html`<p class="organisation" dir="auto">${view.organisation.name}</p>` : nothing}
    ${period || confirmed
      ? html`<p class="meta">${period}${period && confirmed ? ' · ' : ''}${confirmed}</p>`
      : nothing}
    ${contacts.length
      ? html`<ul class="contacts" part="contacts" role="list">
          ${contacts.map((c) => renderContact(ctx, c, view, view.contacts.length > 1, !compact))}
        </ul>`
      : nothing}
  </li>`;
}

export function hoursRange(ctx: RosterContext, opens: string, closes: string): string {
  return opens === '00:00' && closes === '23:59' ? ctx.m.hours.allDay : `${opens}\u2013${closes}`;
}

export function daysText(ctx: RosterContext, days: readonly Weekday[]): string {
  const m = ctx.m;
  if (days.length === 7) return m.hours.everyDay;
  return dayRuns(days)
    .map((run) => run.map((d) => m.weekdays[d]).join('\u2013'))
    .join(', ');
}

export function weeklyText(ctx: RosterContext, { days, opens, closes }: ContactView['weekly'][number]): string {
  if (days.length === 7 && opens === '00:00' && closes === '23:59') return ctx.m.hours.alwaysOpen;
  return `${daysText(ctx, days)} ${hoursRange(ctx, opens, closes)}`;
}

export function renderContact(ctx: RosterContext, view: ContactView, owner: MemberView | undefined, markPreferred: boolean, weekly: boolean): TemplateResult {
  const m = ctx.m;
  const { contact } = view;
  const action = m.contactActions[contact.channel](contact.value);
  const ownerName = owner?.member.name;
  const preferredLabel = ctx.professional ? m.badges.preferredProfessional : m.badges.preferred;
  const today = view.today;
  return html`<li class="contact" part="contact">
    ${view.href
      ? html`<a
          class="contact-link"
          href=${view.href}
          data-contact=${view.ref}
          data-owner=${owner?.member.id ?? ''}
          target=${view.external ? '_blank' : nothing}
          rel=${view.external ? 'noopener noreferrer' : nothing}
          >${ICONS[contact.channel]}<span
            >${action}${view.host ? html` <span class="contact-host" dir="ltr">(${view.host})</span>` : nothing}${ownerName
              ? html`<span class="visually-hidden" dir="auto">${m.contactOwner(ownerName)}</span>`
              : nothing}${view.external
              ? html`<span class="visually-hidden"> ${m.opensInNewTab}</span>`
              : nothing}</span
          ></a
        >`
      : html`<span class="contact-text">${action}: <span dir="auto">${contact.value}</span></span>`}
    ${(markPreferred && contact.preferred) || contact.label || today || (weekly && view.weekly.length)
      ? html`<span class="contact-meta">
          ${markPreferred && contact.preferred ? html`<span class="badge" part="badge">${preferredLabel}</span>` : nothing}
          ${contact.label ? html`<span dir="auto">${contact.label}</span>` : nothing}
          ${today
            ? html`<span class="hours today${today.open ? '' : ' closed'}"
                >${today.open ? m.hours.today(hoursRange(ctx, today.opens, today.closes)) : m.hours.closedToday}</span
              >`
            : nothing}
          ${weekly && view.weekly.length
            ? html`<span class="hours weekly"
                >${view.weekly.map((w) => weeklyText(ctx, w)).join('; ')}</span
              >`
            : nothing}
        </span>`
      : nothing}
  </li>`;
}
