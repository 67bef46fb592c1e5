import { html, nothing, type TemplateResult } from 'lit';
import { keep } from '../base/kept.js';
import { formatDate } from '../../i18n/format.js';
import { WARNING_ICON } from './icons.js';
import type { ReadyData } from './scheduler-data.js';
import { heading, type SchedulerView } from './view.js';
import type { MeetingWarning } from './warnings.js';
import { timeIn } from './zone.js';

/** A save that failed, as shown: why, and what the person can do about it. */
export interface FailureView {
  message: string;
  /** Both versions in plain words, when someone else changed the same things: the person chooses. */
  conflicts?: string[];
  retry: () => void;
  choose: (choice: 'mine' | 'theirs') => void;
  close: () => void;
}

/** A part of the element whose code did not arrive (it loads on first use): why, and Try again. */
export interface UnavailableView {
  message: string;
  retry: () => void;
}

/** Always rendered, never display: none: screen readers only announce changes in regions they already know. */
export const renderAnnouncer = (v: SchedulerView, status: string, failure: FailureView | undefined, unavailable?: UnavailableView): TemplateResult => {
  const t = v.t;
  const alert = failure
    ? `${t.saveFailed} ${failure.conflicts?.length ? `${t.bothChanged} ${failure.conflicts.join(' ')}` : `${failure.message} ${t.nothingLost}`}`
    : unavailable
      ? `${t.errorPrefix} ${unavailable.message}`
      : '';
  return html`<div class="visually-hidden" role="status" aria-live="polite" part="announcer">${status}</div>
    <div class="visually-hidden" role="alert">${alert}</div>`;
};

/** What the announcer says, shown where the person is; the announcer alone speaks it. */
export const renderStatus = (v: SchedulerView, status: string, failure: FailureView | undefined, unavailable?: UnavailableView): TemplateResult => {
  const t = v.t;
  const first = keep(v.refs.failureAction);
  return html`<div class="status">${status}</div>
    ${unavailable ? renderUnavailable(v, unavailable) : nothing}
    ${failure?.conflicts?.length
      ? html`<div class="state error save-error">
          <p><strong>${t.saveFailed}</strong> ${t.bothChanged}</p>
          <ul class="conflicts">
            ${failure.conflicts.map((sentence) => html`<li>${sentence}</li>`)}
          </ul>
          <div class="buttons">
            <button type="button" class="primary" @click=${() => failure.choose('mine')} ${first}>${t.keepMine}</button>
            <button type="button" @click=${() => failure.choose('theirs')}>${t.keepTheirs}</button>
          </div>
        </div>`
      : failure
        ? html`<div class="state error save-error">
            <p><strong>${t.saveFailed}</strong> ${failure.message} ${t.nothingLost}</p>
            <div class="buttons">
              <button type="button" class="primary" @click=${failure.retry} ${first}>${t.retry}</button>
              <button type="button" @click=${failure.close}>${t.close}</button>
            </div>
          </div>`
        : nothing}`;
};

/** The box that says a part could not be loaded, with Try again (focus goes there by reference). */
export const renderUnavailable = (v: SchedulerView, unavailable: UnavailableView): TemplateResult =>
  html`<div class="state error part-error" part="state error">
    <p><span class="visually-hidden">${v.t.errorPrefix} </span>${unavailable.message}</p>
    <div class="buttons">
      <button type="button" class="primary" @click=${unavailable.retry} ${keep(v.refs.partRetry)}>${v.t.retry}</button>
    </div>
  </div>`;

const warningText = (v: SchedulerView, data: ReadyData, warning: MeetingWarning, zone: string): string => {
  const t = v.t;
  const name = v.fmt.nameOf(data.team, warning.memberId, data.meeting);
  const times = (starts: string[]) => {
    const shown = starts.slice(0, 3).map((s) => `${formatDate(s, v.fmt.dates(zone), 'long')} ${timeIn(s, zone)}`);
    return starts.length > 3 ? t.andMore(shown.join(', '), starts.length - 3) : shown.join(', ');
  };
  switch (warning.kind) {
    case 'no-consent': {
      const organisation = data.team.organisations.find((o) => o.id === warning.organisationId)?.name;
      return organisation ? t.warnings.noConsentOrganisation(name, organisation) : t.warnings.noConsentPerson(name);
    }
    case 'busy':
      return t.warnings.busy(name, times(warning.starts));
    case 'outside-hours':
      return t.warnings.outsideHours(name, times(warning.starts));
  }
};

/** Consent, busy and working-hours warnings, counted in a status region that is always there. */
export const renderWarnings = (v: SchedulerView, data: ReadyData, warnings: MeetingWarning[], zone: string): TemplateResult => {
  const t = v.t;
  return html`<div class="visually-hidden" role="status">${warnings.length ? `${t.warningsTitle}: ${t.warningCount(warnings.length)}` : ''}</div>
    ${warnings.length
      ? html`<section class="warnings" part="warnings" aria-labelledby="warnings-title">
          ${heading(v.level + 1, 'warnings-title', 'subheading', html`${WARNING_ICON} ${t.warningsTitle}`)}
          <ul>
            ${warnings.map((w) => html`<li><span class="visually-hidden">${t.warningPrefix} </span>${warningText(v, data, w, zone)}</li>`)}
          </ul>
        </section>`
      : nothing}`;
};
