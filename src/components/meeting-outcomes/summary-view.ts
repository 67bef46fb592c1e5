import { html, nothing, type TemplateResult } from 'lit';
import type { ConsentDirective } from '../../contract/consent.js';
import type { Meeting } from '../../contract/meeting.js';
import { outcomePartAccess, type MeetingOutcome, type OutcomeAction, type OutcomePart, type OutcomePartAccess } from '../../contract/meeting-outcome.js';
import type { CareTeam } from '../../contract/team.js';
import type { OutcomesMessages } from '../../i18n/types.js';
import { isolated } from './isolated.js';

/** What the summary needs to draw the parts for one reader. */
export interface SummaryContext {
  t: OutcomesMessages & { unknownPerson: string };
  outcome: MeetingOutcome;
  meeting: Meeting;
  team: CareTeam;
  consents: readonly ConsentDirective[];
  reader?: { id?: string; organisationId?: string };
  /** The reader's calendar day (`YYYY-MM-DD`): a consent counts only while it is in force. */
  today: string;
  /** Heading level of each part. */
  level: number;
  date: (iso: string) => string;
  /** Items joined in the reader's language: `a, b and c`. */
  list: (items: string[]) => string;
  responsibilityTitles: ReadonlyMap<string, string>;
}

/** The heading of a part: its own title, its agenda item's, or "the whole meeting". */
export const partTitle = (ctx: { t: Pick<OutcomesMessages, 'wholeMeeting'>; meeting: Meeting }, part: Pick<OutcomePart, 'title' | 'agendaItemId'>): string =>
  part.title ?? ctx.meeting.agenda.find((a) => a.id === part.agendaItemId)?.title ?? ctx.t.wholeMeeting;

export const nameOf = (team: CareTeam, id: string, unknown: string): string => team.members.find((m) => m.id === id)?.name ?? unknown;

/** Each part's access for the reader, in the outcome's order. */
export const accessOfParts = (ctx: SummaryContext): Array<{ part: OutcomePart; access: OutcomePartAccess }> =>
  ctx.outcome.parts.map((part) => ({ part, access: outcomePartAccess(ctx.outcome, part, ctx.meeting, ctx.team, ctx.consents, ctx.reader, ctx.today) }));

const renderAction = (ctx: SummaryContext, action: OutcomeAction): TemplateResult => {
  const t = ctx.t;
  const owner = action.ownerId === ctx.reader?.id ? t.you : nameOf(ctx.team, action.ownerId, t.unknownPerson);
  const matrix =
    action.effect === 'new-responsibility'
      ? t.proposedResponsibility
      : action.effect === 'hand-over' && action.responsibilityId
        ? isolated(t.proposedHandover, ctx.responsibilityTitles.get(action.responsibilityId) ?? action.responsibilityId)
        : undefined;
  return html`<li part="action">${isolated((text, who) => t.action(text, who, ctx.date(action.due)), action.text, owner)}${matrix ? html`<br /><span class="muted">${matrix}</span>` : nothing}</li>`;
};

/** Why a part is not shown, in plain words, and whom to ask. */
export const withheldReason = (ctx: SummaryContext, access: Extract<OutcomePartAccess, { shown: false }>): string => {
  const t = ctx.t;
  switch (access.because) {
    case 'not-invited':
      return t.withheldNotInvited;
    case 'no-consent': {
      const person = nameOf(ctx.team, ctx.team.serviceUserId, t.unknownPerson);
      const organisation = ctx.team.organisations.find((o) => o.id === ctx.reader?.organisationId)?.name ?? t.yourOrganisation;
      return t.withheldNoConsent(person, ctx.list((access.categories ?? []).map((c) => t.categories[c])), organisation);
    }
    case 'withheld':
      return t.withheldBySource;
    default:
      return t.withheldUnknown;
  }
};

const renderPart = (ctx: SummaryContext, part: OutcomePart, access: OutcomePartAccess, coordinatorName: string | undefined): TemplateResult => {
  const t = ctx.t;
  const heading = html`<div role="heading" aria-level=${ctx.level} class="heading" id=${`part-${part.id}`}><span dir="auto">${partTitle(ctx, part)}</span></div>`;
  if (!access.shown) {
    return html`<section class="part" part="outcome-part" aria-labelledby=${`part-${part.id}`}>
      ${heading}
      <div class="withheld" part="withheld">
        <p class="sub">${t.withheldTitle}</p>
        <p>${withheldReason(ctx, access)}</p>
        ${coordinatorName ? html`<p>${isolated(t.askCoordinator, coordinatorName)}</p>` : nothing}
      </div>
    </section>`;
  }
  const sub = (text: string) => html`<p class="sub">${text}</p>`;
  return html`<section class="part" part="outcome-part" aria-labelledby=${`part-${part.id}`}>
    ${heading} ${sub(t.notes)}
    <p class="notes">${part.notes || t.noneWritten}</p>
    ${part.decisions.length ? html`${sub(t.decisions)}<ul class="list">${part.decisions.map((d) => html`<li part="decision">${d.text}</li>`)}</ul>` : nothing}
    ${part.actions.length ? html`${sub(t.actions)}<ul class="list">${part.actions.map((a) => renderAction(ctx, a))}</ul>` : nothing}
  </section>`;
};

/** Every part for the reader: what they may read, and for the rest why it is withheld. */
export const renderParts = (ctx: SummaryContext, coordinatorName: string | undefined): TemplateResult =>
  html`${accessOfParts(ctx).map(({ part, access }) => renderPart(ctx, part, access, coordinatorName))}`;
