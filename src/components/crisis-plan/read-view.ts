import { html, nothing, type TemplateResult } from 'lit';
import type { CrisisPlan, CrisisPlanFlag, CrisisProposal, CrisisStagePlan } from '../../contract/crisis-plan.js';
import type { CareTeam } from '../../contract/team.js';
import type { Audience, CrisisStage } from '../../contract/values.js';
import type { CommonMessages, CrisisReadingMessages } from '../../i18n/types.js';
import { hoursText, shownContact, stagesInOrder, telHref, type PersonService, type ShownContact } from './plan-model.js';

/** What the read view needs from the element. */
export interface ReadContext {
  t: CrisisReadingMessages & CommonMessages;
  plan: CrisisPlan;
  team: CareTeam;
  audience: Audience;
  /** The person's name, or "you" wording when the reader is the person. */
  personName: string;
  /** Responsibility titles by id, for measures that carry one out. */
  responsibilityTitles: ReadonlyMap<string, string>;
  date: (isoDate: string) => string;
  level: number;
  stage: CrisisStage;
}

const heading = (level: number, text: string, id?: string, part?: string) =>
  html`<div role="heading" aria-level=${Math.min(level, 6)} class="heading" id=${id ?? nothing} part=${part ?? nothing}>${text}</div>`;

const sentences = (items: readonly string[]) => html`<ul class="sentences">${items.map((item) => html`<li>${item}</li>`)}</ul>`;

/** A member's name, "you" for the person themselves when they read it, or a plain note for an unknown id. */
export const nameOf = (ctx: Pick<ReadContext, 't' | 'team' | 'audience'>, memberId: string): string => {
  const t = ctx.t;
  if (ctx.audience === 'service-user' && memberId === ctx.team.serviceUserId) return t.you;
  const member = ctx.team.members.find((m) => m.id === memberId);
  if (!member) return t.unknownMember;
  return member.status === 'ended' ? t.memberLeft(member.name) : member.name;
};

const list = (items: readonly string[]) => items.join(', ');

/** The person's own words: what comes first in the plan. */
export const renderOwnWords = (ctx: ReadContext): TemplateResult => {
  const { t, plan } = ctx;
  const words = plan.ownWords;
  const lists = (['earlyWarningSigns', 'triggers', 'helps', 'doesNotHelp', 'treatmentWishes', 'whoIsTold'] as const).filter((k) => words[k].length);
  return html`<section class="own-words" part="own-words" aria-labelledby="own-words-heading">
    ${heading(ctx.level + 1, ctx.audience === 'service-user' ? t.ownWordsYou : t.ownWordsFor(ctx.personName), 'own-words-heading')}
    ${lists.map((key) => html`<div class="words">${heading(ctx.level + 2, t.ownWords[key])} ${sentences(words[key])}</div>`)}
    ${words.practical.length
      ? html`<div class="words">
          ${heading(ctx.level + 2, t.ownWords.practical)}
          <ul class="sentences">
            ${words.practical.map((m) => html`<li><strong>${t.topics[m.topic]}:</strong> ${m.text}</li>`)}
          </ul>
        </div>`
      : nothing}
  </section>`;
};

/** The stage switcher: three large buttons, the current one pressed. */
export const renderStageSwitcher = (ctx: ReadContext, select: (stage: CrisisStage) => void): TemplateResult => {
  const { t } = ctx;
  const question = ctx.audience === 'service-user' ? t.stageQuestion : t.stageQuestionFor(ctx.personName);
  return html`<div class="switcher" role="group" aria-labelledby="stage-question" part="stage-switcher">
    <p id="stage-question" class="question">${question}</p>
    <div class="stage-buttons">
      ${stagesInOrder(ctx.plan).map(
        (stage) =>
          html`<button type="button" class="stage-button" data-stage=${stage.id} part="stage-button" aria-pressed=${stage.id === ctx.stage ? 'true' : 'false'} @click=${() => select(stage.id)}>
            ${t.stages[stage.id]}
          </button>`,
      )}
    </div>
  </div>`;
};

const renderContact = (ctx: ReadContext, contact: ShownContact): TemplateResult => {
  const { t } = ctx;
  const days = ctx.t.weekdays;
  return html`<li class="contact" part="contact">
    <span class="contact-name">${contact.left ? t.memberLeft(contact.name) : contact.name}</span>
    ${contact.phone
      ? html`<a class="call" part="call" href=${telHref(contact.phone)}><span>${t.call(contact.name)}</span> <span class="number">${contact.phone}</span></a>`
      : contact.sms
        ? html`<a class="call" part="call" href=${telHref(contact.sms, 'sms')}><span>${t.textMessage(contact.name)}</span> <span class="number">${contact.sms}</span></a>`
        : html`<span class="muted">${t.noPhone}</span>`}
    ${contact.hours?.length ? html`<span class="hours">${t.answers(hoursText(contact.hours, days))}</span>` : nothing}
    ${contact.note ? html`<span class="note">${contact.note}</span>` : nothing}
    ${contact.outOfHoursName && contact.outOfHoursPhone
      ? html`<span class="out-of-hours">${t.outsideHours(contact.outOfHoursName)}</span>
          <a class="call secondary" part="call" href=${telHref(contact.outOfHoursPhone)}><span>${t.call(contact.outOfHoursName)}</span> <span class="number">${contact.outOfHoursPhone}</span></a>`
      : nothing}
  </li>`;
};

/** One stage: how it shows, what is done and by whom, and whom to call in order. */
const renderStage = (ctx: ReadContext, stage: CrisisStagePlan, shown: boolean): TemplateResult => {
  const { t } = ctx;
  const empty = !stage.signs.length && !stage.measures.length && !stage.contacts.length;
  return html`<section class="stage" part="stage" data-stage=${stage.id} ?hidden=${!shown} aria-labelledby=${`stage-${stage.id}`}>
    ${heading(ctx.level + 1, t.stages[stage.id], `stage-${stage.id}`, 'stage-heading')}
    ${empty ? html`<p>${t.stageEmpty}</p>` : nothing}
    ${stage.signs.length ? html`${heading(ctx.level + 2, t.signsHeading)} ${sentences(stage.signs)}` : nothing}
    ${stage.measures.length
      ? html`${heading(ctx.level + 2, t.measuresHeading)}
          <ul class="measures">
            ${stage.measures.map((m) => {
              const titles = m.responsibilityIds.map((id) => ctx.responsibilityTitles.get(id)).filter((title): title is string => Boolean(title));
              return html`<li class="measure" part="measure">
                <span>${m.text}</span>
                ${m.memberIds.length ? html`<span class="who">${t.who(list(m.memberIds.map((id) => nameOf(ctx, id))))}</span>` : nothing}
                ${titles.length ? html`<span class="part-of">${t.partOf(list(titles))}</span>` : nothing}
              </li>`;
            })}
          </ul>`
      : nothing}
    ${stage.contacts.length
      ? html`${heading(ctx.level + 2, t.contactsHeading)}
          <ol class="contacts">
            ${stage.contacts.map((c) => renderContact(ctx, shownContact(c, ctx.team, ctx.audience)))}
          </ol>`
      : nothing}
  </section>`;
};

/** Every stage; only the chosen one is shown on screen, all of them on paper. */
export const renderStages = (ctx: ReadContext): TemplateResult =>
  html`${stagesInOrder(ctx.plan).map((stage) => renderStage(ctx, stage, stage.id === ctx.stage))}`;

/** Version, dates, who agreed, and every flag as a plain sentence. */
export const renderStatus = (ctx: ReadContext, flags: readonly CrisisPlanFlag[]): TemplateResult => {
  const { t, plan } = ctx;
  const confirmed = plan.agreedBy.filter((a) => a.version === plan.version);
  const latest = confirmed.map((a) => a.at).sort().at(-1);
  const notes: TemplateResult[] = [];
  for (const flag of flags) {
    switch (flag.kind) {
      case 'draft':
        notes.push(html`<p class="notice draft" part="draft"><strong>${t.draftPlan}</strong> ${ctx.audience === 'service-user' ? t.draftYou : t.draftFor(ctx.personName)}</p>`);
        break;
      case 'review-overdue':
        notes.push(html`<p class="notice stale" part="stale"><strong>${t.stale(ctx.date(flag.nextReview))}</strong> ${ctx.audience === 'service-user' ? t.staleAskYou : t.staleAskFor(ctx.personName)}</p>`);
        break;
      case 'not-yet-valid':
        notes.push(html`<p class="notice">${t.notYetValid(ctx.date(flag.validFrom))}</p>`);
        break;
      case 'not-agreed':
        notes.push(
          html`<p class="notice">${flag.by === 'coordinator' ? (ctx.team.members.some((m) => m.coordinator && m.status === 'active') ? t.notAgreedCoordinator : t.noCoordinator) : ctx.audience === 'service-user' ? t.notAgreedYou : t.notAgreedPerson(ctx.personName)}</p>`,
        );
        break;
      case 'member-left':
        notes.push(html`<p class="notice">${t.flagMemberLeft(list(flag.memberIds.map((id) => ctx.team.members.find((m) => m.id === id)?.name ?? id)))}</p>`);
        break;
      case 'unknown-member':
        notes.push(html`<p class="notice">${t.flagUnknown(flag.memberIds.length)}</p>`);
        break;
      default:
        break;
    }
  }
  return html`<div class="status" part="plan-status">
    <p>${t.version(plan.version, ctx.date(plan.validFrom))} ${t.nextReview(ctx.date(plan.nextReview))}</p>
    ${confirmed.length && latest
      ? html`<p>${t.agreed(list(confirmed.map((a) => (ctx.audience === 'service-user' && a.memberId === ctx.team.serviceUserId ? t.you : a.name))), ctx.date(latest.slice(0, 10)))}</p>`
      : nothing}
    ${notes}
  </div>`;
};

/** Proposals waiting for the person: accept and decline carry the same weight. */
export const renderProposals = (
  ctx: ReadContext,
  proposals: readonly CrisisProposal[],
  answer: ((proposal: CrisisProposal, accept: boolean) => void) | undefined,
  busy: boolean,
): TemplateResult | typeof nothing => {
  const { t } = ctx;
  if (!proposals.length) return nothing;
  return html`<section class="proposals" part="proposals" aria-labelledby="proposals-heading">
    ${heading(ctx.level + 1, t.proposalsHeading, 'proposals-heading')}
    <ul class="proposal-list">
      ${proposals.map(
        (p) => html`<li class="proposal" part="proposal">
          <p class="proposal-text">${p.measure.text}</p>
          <p class="muted">${t.forStage(t.stages[p.stage])} ${t.proposedBy(p.by.name, ctx.date(p.at.slice(0, 10)))}</p>
          ${p.note ? html`<p>${p.note}</p>` : nothing}
          ${answer
            ? html`<div class="actions">
                <button type="button" part="accept" aria-disabled=${busy ? 'true' : 'false'} @click=${() => answer(p, true)}>${t.accept}</button>
                <button type="button" part="decline" aria-disabled=${busy ? 'true' : 'false'} @click=${() => answer(p, false)}>${t.decline}</button>
              </div>`
            : html`<p class="muted">${t.waitingForAnswer(ctx.personName)}</p>`}
        </li>`,
      )}
    </ul>
  </section>`;
};

/** The services the person has, as the team and the matrix say: read here, changed there. */
export const renderServices = (ctx: ReadContext, services: readonly PersonService[]): TemplateResult => {
  const { t } = ctx;
  return html`<section class="services" part="services" aria-labelledby="services-heading">
    ${heading(ctx.level + 1, ctx.audience === 'service-user' ? t.servicesYou : t.servicesFor(ctx.personName), 'services-heading')}
    <p class="muted">${t.servicesFrom}</p>
    ${services.length
      ? html`<ul class="service-list">
          ${services.map(
            (s) => html`<li class="service" part="service">
              <span class="service-name">${s.name}</span>
              ${s.offers ? html`<span>${s.offers}</span>` : nothing}
              <span>${t.servicePeople(list(s.people))}</span>
              ${s.does.length ? html`<span>${t.serviceDoes(list(s.does))}</span>` : nothing}
            </li>`,
          )}
        </ul>`
      : html`<p>${t.noServices}</p>`}
  </section>`;
};
