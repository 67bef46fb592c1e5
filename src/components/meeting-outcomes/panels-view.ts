import { html, nothing, type TemplateResult } from 'lit';
import { keep, type Kept } from '../base/kept.js';
import type { Meeting } from '../../contract/meeting.js';
import type { MeetingOutcome, OutcomePart } from '../../contract/meeting-outcome.js';
import type { CareTeam } from '../../contract/team.js';
import type { OutcomesMessages } from '../../i18n/types.js';
import { isolated } from './isolated.js';
import { confirmsCurrent } from './outcome-model.js';
import { nameOf, partTitle } from './summary-view.js';

interface PanelContext {
  t: OutcomesMessages & { unknownPerson: string };
  outcome: MeetingOutcome;
  meeting: Meeting;
  team: CareTeam;
  level: number;
  busy: boolean;
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
}

/** What a participant can do: say they have read it, and ask the coordinator. */
export interface ReaderPanelContext extends PanelContext {
  readerId: string;
  /** The parts the reader may read, to ask about one of them. */
  readable: readonly OutcomePart[];
  question: { text: string; partId: string };
  questionProblem: boolean;
  confirmedRef: Kept<HTMLElement>;
  questionRef: Kept<HTMLTextAreaElement>;
  confirm: () => void;
  editQuestion: (next: { text: string; partId: string }) => void;
  ask: () => void;
}

export const renderReaderPanel = (ctx: ReaderPanelContext): TemplateResult => {
  const t = ctx.t;
  const mine = ctx.outcome.confirmations.find((c) => c.memberId === ctx.readerId);
  const questions = ctx.outcome.questions.filter((q) => q.memberId === ctx.readerId);
  const busy = ctx.busy ? 'true' : 'false';
  const q = ctx.question;
  const send = (e: Event) => {
    e.preventDefault();
    ctx.ask();
  };
  return html`<div class="panel">
      ${mine && confirmsCurrent(mine, ctx.outcome)
        ? html`<p class="notice" part="confirmed" tabindex="-1" ${keep(ctx.confirmedRef)}>${t.youConfirmed(ctx.dateTime(mine.at))}</p>`
        : html`${mine ? html`<p class="notice" part="confirmed-earlier">${t.youConfirmedEarlier(ctx.dateTime(mine.at))}</p>` : nothing}
            <div class="tools">
              <button type="button" class="primary" part="confirm" aria-describedby="confirm-help" aria-disabled=${busy} @click=${ctx.confirm}>${t.confirm}</button>
            </div>
            <p class="muted" id="confirm-help">${t.confirmHelp}</p>`}
    </div>
    <form class="panel ask" part="ask" novalidate @submit=${send}>
      <div role="heading" aria-level=${ctx.level} class="heading">${t.askHeading}</div>
      ${ctx.readable.length > 1
        ? html`<label for="ask-about">${t.askAbout}</label>
            <select id="ask-about" @change=${(e: Event) => ctx.editQuestion({ ...q, partId: (e.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${!q.partId}>${t.askAboutAll}</option>
              ${ctx.readable.map((p) => html`<option dir="auto" value=${p.id} ?selected=${p.id === q.partId}>${partTitle(ctx, p)}</option>`)}
            </select>`
        : nothing}
      <label for="ask-text">${t.askLabel}</label>
      <textarea id="ask-text" maxlength="2000" ${keep(ctx.questionRef)} .value=${q.text}
        aria-invalid=${ctx.questionProblem ? 'true' : 'false'} aria-describedby=${ctx.questionProblem ? 'ask-problem' : nothing}
        @input=${(e: Event) => ctx.editQuestion({ ...q, text: (e.target as HTMLTextAreaElement).value })}></textarea>
      ${ctx.questionProblem ? html`<p class="field-error" id="ask-problem">${t.questionRequired}</p>` : nothing}
      <div class="tools"><button type="submit" part="send-question" aria-disabled=${busy}>${t.send}</button></div>
      ${questions.length
        ? html`<p class="sub">${t.yourQuestions}</p>
            <ul class="list">
              ${questions.map(
                (x) => html`<li class="question" part="question">
                  <span>${x.text}</span>
                  <span class="muted">${x.answer ? isolated(t.answered, x.answeredBy?.name ?? t.unknownPerson, x.answer) : t.notAnswered}</span>
                </li>`,
              )}
            </ul>`
        : nothing}
    </form>`;
};

/** What the coordinator sees: who has read it, and the questions waiting for them. */
export interface CoordinatorPanelContext extends PanelContext {
  answers: Readonly<Record<string, string>>;
  editAnswer: (questionId: string, text: string) => void;
  answer: (questionId: string) => void;
}

export const renderCoordinatorPanel = (ctx: CoordinatorPanelContext): TemplateResult => {
  const t = ctx.t;
  const participants = ctx.meeting.participants.map((p) => p.memberId);
  const confirmedBy = new Map(ctx.outcome.confirmations.map((c) => [c.memberId, c]));
  const current = (id: string) => {
    const c = confirmedBy.get(id);
    return Boolean(c && confirmsCurrent(c, ctx.outcome));
  };
  const done = participants.filter(current).length;
  const busy = ctx.busy ? 'true' : 'false';
  return html`<section class="panel" part="confirmations" aria-labelledby="confirmations-title">
      <div role="heading" aria-level=${ctx.level} class="heading" id="confirmations-title">${t.whoConfirmed}</div>
      <p>${t.confirmedCount(done, participants.length)}</p>
      <ul class="confirmations">
        ${participants.map((id) => {
          const c = confirmedBy.get(id);
          return html`<li><span dir="auto">${nameOf(ctx.team, id, t.unknownPerson)}</span> <span class=${current(id) ? '' : 'muted'}>${c ? (current(id) ? t.confirmedOn(ctx.dateTime(c.at)) : t.confirmedEarlier(ctx.dateTime(c.at))) : t.notConfirmed}</span></li>`;
        })}
      </ul>
    </section>
    <section class="panel" part="questions" aria-labelledby="questions-title">
      <div role="heading" aria-level=${ctx.level} class="heading" id="questions-title">${t.questions}</div>
      ${ctx.outcome.questions.length
        ? html`<ul class="list">
            ${ctx.outcome.questions.map((q) => {
              const about = q.partId ? ctx.outcome.parts.find((p) => p.id === q.partId) : undefined;
              return html`<li class="question" part="question">
                <span class="muted">${isolated((name) => t.questionFrom(name, ctx.dateTime(q.at)), q.name)}${about ? html` \u2013 <span dir="auto">${partTitle(ctx, about)}</span>` : ''}</span>
                <span>${q.text}</span>
                ${q.answer
                  ? html`<span class="muted">${isolated(t.answered, q.answeredBy?.name ?? t.unknownPerson, q.answer)}</span>`
                  : html`<form class="panel" novalidate @submit=${(e: Event) => (e.preventDefault(), ctx.answer(q.id))}>
                      <label for=${`answer-${q.id}`}>${t.answerLabel}</label>
                      <textarea id=${`answer-${q.id}`} maxlength="2000" .value=${ctx.answers[q.id] ?? ''}
                        @input=${(e: Event) => ctx.editAnswer(q.id, (e.target as HTMLTextAreaElement).value)}></textarea>
                      <div class="tools"><button type="submit" aria-disabled=${busy}>${t.sendAnswer}</button></div>
                    </form>`}
              </li>`;
            })}
          </ul>`
        : html`<p class="muted">${t.noQuestions}</p>`}
    </section>`;
};
