import { html, nothing, type TemplateResult } from 'lit';
import type { ConsentDirective, ConsentHistoryEntry, Decider } from '../../contract/consent.js';
import type { CareTeam } from '../../contract/team.js';
import { formatDate, formatTime, type DateContext } from '../../i18n/format.js';
import { keep, type Kept } from '../base/kept.js';
import { allowsSharing, hasEnded, newestFirst, nextConsentState, renewedValidity } from './decision.js';
import { capitalise, type ConsentWording, type Failure } from './wording.js';

/** What is shared, why, with which members, what happens if not; for professionals the legal basis and model. */
export const renderDetails = (w: ConsentWording, saved: ConsentDirective, team: CareTeam | undefined): TemplateResult => {
  const t = w.t;
  const person = w.personName;
  const recipient = saved.recipient.name;
  const consequence =
    saved.consequence ??
    capitalise(w.professional ? t.person.consequence[saved.model](person, recipient) : t.you.consequence[saved.model](recipient), w.locale);
  const members =
    saved.recipient.kind === 'organisation' && saved.recipient.id
      ? (team?.members.filter((m) => m.status === 'active' && m.organisationId === saved.recipient.id) ?? [])
      : [];
  const purposes = w.list(saved.purposes.map((p) => t.purposes[p]));
  return html`<dl class="details" part="details">
    <dt>${t.whatLabel}</dt>
    <dd>${capitalise(w.list(saved.categories.map((c) => t.categories[c])), w.locale)}</dd>
    <dt>${t.whyLabel}</dt>
    <dd>${capitalise(purposes, w.locale)}</dd>
    ${members.length > 0
      ? html`<dt>${w.professional ? t.person.membersThere : t.you.membersThere}</dt>
          <dd>${w.list(members.map((m) => w.memberLabel(m)), 'unit')}</dd>`
      : nothing}
    <dt>${t.ifNotLabel}</dt>
    <dd>${consequence}</dd>
    ${w.professional && saved.legalBasis
      ? html`<dt>${t.legalBasisLabel}</dt>
          <dd>${saved.legalBasis}</dd>`
      : nothing}
    ${w.professional
      ? html`<dt>${t.modelLabel}</dt>
          <dd>${t.models[saved.model]}</dd>`
      : nothing}
  </dl>`;
};

/** Said before and after a decision made on the person's behalf: who acts for them. */
export const renderActingFor = (w: ConsentWording, decider: Decider | undefined): TemplateResult | typeof nothing => {
  if (!decider || decider.relation === 'self') return nothing;
  const t = w.t;
  const relation = t.relations[decider.relation ?? 'self'];
  const text = w.professional ? t.person.actingFor(decider.name, relation, w.personName) : t.you.actingFor(decider.name, relation);
  return html`<p class="notice acting">${text}</p>`;
};

/** Who decided and recorded it, how long it is valid, and notices for an ended, future or overdue consent on `today` (`YYYY-MM-DD`). */
export const renderFacts = (w: ConsentWording, saved: ConsentDirective, today: string): TemplateResult => {
  const t = w.t;
  const decided = saved.state === 'not-recorded' ? undefined : w.deciderSentence(saved.decidedBy);
  const recorded = saved.state === 'not-recorded' ? undefined : w.recordedSentence(saved);
  const validity =
    saved.validFrom || saved.validUntil
      ? t.validity(saved.validFrom ? w.day(saved.validFrom) : undefined, saved.validUntil ? w.day(saved.validUntil) : undefined)
      : undefined;
  const ended = hasEnded(saved, today);
  const renewedUntil = ended ? renewedValidity(saved, today).validUntil : undefined;
  const notStarted = saved.validFrom && saved.validFrom > today;
  const reviewPassed = saved.reviewDate && saved.reviewDate < today;
  return html`<ul class="facts">
      ${decided ? html`<li>${decided}</li>` : nothing} ${recorded ? html`<li>${recorded}</li>` : nothing}
      ${validity ? html`<li>${validity}</li>` : nothing}
      ${saved.reviewDate && !reviewPassed ? html`<li>${t.reviewBy(w.day(saved.reviewDate))}</li>` : nothing}
    </ul>
    ${ended
      ? html`<p class="notice">
          ${t.ended(w.day(saved.validUntil!))}
          ${saved.state === 'not-recorded' ? nothing : t.renewHint(renewedUntil && w.day(renewedUntil))}
        </p>`
      : nothing}
    ${notStarted ? html`<p class="notice">${t.notStarted(w.day(saved.validFrom!))}</p>` : nothing}
    ${reviewPassed
      ? html`<p class="notice">${w.professional ? t.person.reviewPassed(w.day(saved.reviewDate!)) : t.you.reviewPassed(w.day(saved.reviewDate!))}</p>`
      : nothing}`;
};

/** The history disclosure: every change, newest first, with who decided, who recorded it and how. */
export const renderHistory = (
  w: ConsentWording,
  saved: ConsentDirective,
  options: { open: boolean; disabled: boolean; toggle: () => void; dates: DateContext },
): TemplateResult => {
  const t = w.t;
  const entries = newestFirst(saved.history ?? []);
  return html`<div class="history" part="history">
    <button
      type="button"
      class="history-toggle"
      id="history-button"
      aria-expanded=${options.open ? 'true' : 'false'}
      aria-controls="history-panel"
      ?disabled=${options.disabled}
      @click=${options.toggle}
    >
      ${t.history} (${t.historyCount(entries.length)})
    </button>
    <div id="history-panel" role="region" aria-label=${`${t.history}: ${saved.recipient.name}`} ?hidden=${!options.open}>
      ${options.open ? renderHistoryEntries(w, entries, options.dates) : nothing}
    </div>
  </div>`;
};

/** The entries of an open history panel; a closed (hidden) panel holds none, so a long list of toggles writes them only when asked. */
const renderHistoryEntries = (w: ConsentWording, entries: ConsentHistoryEntry[], dates: DateContext): TemplateResult => {
  const t = w.t;
  if (entries.length === 0) return html`<p>${t.historyEmpty}</p>`;
  return html`<ol class="history-list">
    ${entries.map((entry) => {
      const decided = w.deciderSentence(entry.decidedBy);
      const recorded = w.recordedSentence(entry);
      return html`<li>
        <span class="entry-state">${t.stateNames[entry.state]}</span>,
        <time datetime=${entry.at}>${t.historyWhen(formatDate(entry.at, dates, 'long'), formatTime(entry.at, dates))}</time>
        ${decided ? html`<div>${decided}</div>` : nothing} ${recorded ? html`<div>${recorded}</div>` : nothing}
        ${entry.note ? html`<div class="note">${entry.note}</div>` : nothing}
      </li>`;
    })}
  </ol>`;
};

/** What the control row needs from the element: whether a decision is on its way, the kept buttons and the press. */
export interface ControlOptions {
  pending: boolean;
  /** The day shown (`YYYY-MM-DD`): a yes whose agreement ended before it shows as off. */
  today: string;
  disabled: boolean;
  /** Where focus goes back to: the switch, or the two buttons shown while nothing is recorded. */
  refs: { control: Kept<HTMLButtonElement>; yes: Kept<HTMLButtonElement>; no: Kept<HTMLButtonElement> };
  choose: (share: boolean) => void;
}

/** Two equal buttons while nothing is recorded (no answer chosen for the person); a switch after. */
export const renderControl = (w: ConsentWording, saved: ConsentDirective, options: ControlOptions): TemplateResult => {
  const t = w.t;
  const label = t.switchLabel[saved.model](w.list(saved.categories.map((c) => t.categories[c])), saved.recipient.name);
  const busy = options.pending ? 'true' : nothing;
  if (saved.state === 'not-recorded') {
    const choice = (share: boolean) =>
      html`<button
        ${keep(share ? options.refs.yes : options.refs.no)}
        type="button"
        part=${share ? 'choice choice-yes' : 'choice choice-no'}
        data-state=${nextConsentState(saved, share)}
        ?disabled=${options.disabled}
        aria-disabled=${busy}
        @click=${() => options.choose(share)}
      >
        ${share ? t.choiceYes[saved.model] : t.choiceNo[saved.model]}
      </button>`;
    return html`<div class="choices" role="group" aria-labelledby="switch-label" aria-describedby="state">
      <span class="switch-label" part="label" id="switch-label">${label}</span>
      ${choice(true)} ${choice(false)}
    </div>`;
  }
  // A yes whose agreement has ended shares nothing: the switch shows it as off.
  const on = allowsSharing(saved.model, saved.state) && !hasEnded(saved, options.today);
  return html`<span class="switch-label" part="label" id="switch-label">${label}</span>
    <button
      ${keep(options.refs.control)}
      type="button"
      role="switch"
      part="switch"
      aria-checked=${on ? 'true' : 'false'}
      aria-labelledby="switch-label"
      aria-describedby="state"
      aria-disabled=${busy}
      ?disabled=${options.disabled}
      @click=${() => options.choose(!on)}
    >
      <span class="option" aria-hidden="true">${t.no}</span>
      <span class="track" part="track"><span class="thumb" part="thumb"></span></span>
      <span class="option" aria-hidden="true">${t.yes}</span>
    </button>`;
};

/** Why a decision was not saved, with Try again; after both decided differently, both decisions and a choice. */
export const renderFailure = (
  w: ConsentWording,
  failure: Failure,
  options: { disabled: boolean; retry: () => void; dismiss: () => void; resolve: (choice: 'mine' | 'theirs') => void },
): TemplateResult => {
  const t = w.t;
  // Announced by the alert region that was already there (the element's); a new alert node is often not read.
  return html`<div class="state error failure" part="error">
    <p><span class="visually-hidden">${t.errorPrefix} </span>${w.failureSentence(failure)}</p>
    <div class="actions">
      ${failure.theirs
        ? html`<button type="button" part="retry keep-mine" ?disabled=${options.disabled} @click=${() => options.resolve('mine')}>${t.keepMine}</button>
            <button type="button" part="keep-theirs" ?disabled=${options.disabled} @click=${() => options.resolve('theirs')}>${t.keepTheirs}</button>`
        : html`<button type="button" part="retry" ?disabled=${options.disabled} @click=${options.retry}>${t.retry}</button>
            <button type="button" @click=${options.dismiss}>${t.dismiss}</button>`}
    </div>
  </div>`;
};
