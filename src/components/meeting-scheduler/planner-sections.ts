import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { keep } from '../base/kept.js';
import type { Member } from '../../contract/team.js';
import { MEETING_KINDS, MEETING_MODES, type MeetingKind } from '../../contract/values.js';
import { supportCandidates, type Draft } from './draft.js';
import { describedBy, errorText, textField } from './form-fields.js';
import { MODE_ICONS } from './icons.js';
import type { PlannerActions } from './planner.js';
import type { ReadyData } from './scheduler-data.js';
import type { Problems, SchedulerView } from './view.js';

const MEMBER_ORDER: Member['kind'][] = ['service-user', 'professional', 'next-of-kin', 'legal-representative', 'peer-supporter', 'advocate', 'team'];

/** What kind of meeting, and its title. */
export const renderAbout = (v: SchedulerView, draft: Draft, problems: Problems, on: PlannerActions): TemplateResult => {
  const t = v.t;
  return html`<fieldset class="group">
    <legend>${t.aboutLegend}</legend>
    <div class="field">
      <label for="kind">${t.kindLabel}</label>
      <select id="kind" @change=${(e: Event) => on.setKind((e.target as HTMLSelectElement).value as MeetingKind)}>
        ${MEETING_KINDS.map((kind) => html`<option value=${kind} ?selected=${draft.kind === kind}>${t.kinds[kind]}</option>`)}
      </select>
    </div>
    ${textField(t, problems, {
      id: 'title-input',
      field: 'title',
      label: t.titleLabel,
      value: draft.title,
      maxlength: 300,
      autocomplete: 'off',
      target: v.refs.fields.get('title'),
      onValue: (title) => on.patch({ title, titleEdited: true }),
    })}
  </fieldset>`;
};

/** Who is invited, required or optional, and the service user's support person. */
export const renderParticipantsForm = (v: SchedulerView, data: ReadyData, draft: Draft, problems: Problems, on: PlannerActions): TemplateResult => {
  const t = v.t;
  const team = data.team;
  const members = team.members
    .filter((m) => m.status === 'active' || draft.invited[m.id])
    .sort((a, b) => MEMBER_ORDER.indexOf(a.kind) - MEMBER_ORDER.indexOf(b.kind));
  const serviceUser = team.members.find((m) => m.id === team.serviceUserId);
  const candidates = supportCandidates(team);
  return html`<fieldset class="group" part="participants" id="participants" tabindex="-1" aria-describedby=${describedBy('participants', problems, 'participants-hint')}>
    <legend>${t.participantsLegend}</legend>
    <p class="hint" id="participants-hint">${t.participantsHint}</p>
    ${errorText(t, 'participants', problems)}
    <ul class="people" role="list">
      ${members.map((member, index) => {
        const attendance = draft.invited[member.id];
        return html`<li class="person">
          <div class="check">
            <input
              type="checkbox"
              id=${`invite-${index}`}
              .checked=${live(Boolean(attendance))}
              @change=${(e: Event) => on.invite(member.id, (e.target as HTMLInputElement).checked)}
              ${keep(index === 0 ? v.refs.fields.get('participants') : undefined)}
            />
            <label for=${`invite-${index}`}>
              <span class="name">${member.name}</span>
              <span class="muted">${v.fmt.roleOf(team, member)}</span>
            </label>
          </div>
          ${attendance
            ? html`<select
                class="attendance"
                aria-label=${t.attendanceFor(member.name)}
                @change=${(e: Event) => on.setAttendance(member.id, (e.target as HTMLSelectElement).value as 'required' | 'optional')}
              >
                <option value="required" ?selected=${attendance === 'required'}>${t.required}</option>
                <option value="optional" ?selected=${attendance === 'optional'}>${t.optional}</option>
              </select>`
            : nothing}
        </li>`;
      })}
    </ul>
    ${candidates.length && serviceUser
      ? html`<div class="field">
          <label for="support">${t.supportPersonLabel(serviceUser.name)}</label>
          <p class="hint" id="support-hint">${t.supportPersonHint}</p>
          <select id="support" aria-describedby="support-hint" @change=${(e: Event) => on.setSupportPerson((e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!draft.supportPersonId}>${t.noSupportPerson}</option>
            ${candidates.map((m) => html`<option value=${m.id} ?selected=${draft.supportPersonId === m.id}>${m.name} (${v.fmt.roleOf(team, m)})</option>`)}
          </select>
        </div>`
      : nothing}
  </fieldset>`;
};

/** In person, digital or both, with the place and the video link each needs. */
export const renderMode = (v: SchedulerView, draft: Draft, problems: Problems, on: PlannerActions): TemplateResult => {
  const t = v.t;
  return html`<fieldset class="group">
    <legend>${t.modeLegend}</legend>
    <div class="choices">
      ${MEETING_MODES.map(
        (mode) => html`<div class="choice">
          <input
            type="radio"
            name="mode"
            id=${`mode-${mode}`}
            value=${mode}
            .checked=${live(draft.mode === mode)}
            aria-describedby=${`mode-${mode}-hint`}
            @change=${() => on.setMode(mode)}
          />
          <label for=${`mode-${mode}`}>${MODE_ICONS[mode]} ${t.modes[mode]}</label>
          <p class="hint" id=${`mode-${mode}-hint`}>${t.modeHints[mode]}</p>
        </div>`,
      )}
    </div>
    ${draft.mode !== 'digital'
      ? html`${textField(t, problems, {
          id: 'location-name',
          field: 'locationName',
          label: t.locationLabel,
          value: draft.locationName,
          maxlength: 300,
          target: v.refs.fields.get('locationName'),
          onValue: (locationName) => on.patch({ locationName }),
        })}
        ${textField(t, problems, {
          id: 'location-address',
          label: t.addressLabel,
          value: draft.locationAddress,
          maxlength: 500,
          autocomplete: 'street-address',
          onValue: (locationAddress) => on.patch({ locationAddress }),
        })}`
      : nothing}
    ${draft.mode !== 'in-person'
      ? textField(t, problems, {
          id: 'video-link',
          field: 'videoLink',
          label: t.videoLinkLabel,
          hint: { id: 'video-hint', text: t.videoLinkHint },
          value: draft.videoLink,
          type: 'url',
          inputmode: 'url',
          maxlength: 2000,
          target: v.refs.fields.get('videoLink'),
          onValue: (videoLink) => on.patch({ videoLink }),
        })
      : nothing}
  </fieldset>`;
};

/** Once, weekly or monthly, and when a series ends. */
export const renderRepeat = (v: SchedulerView, draft: Draft, problems: Problems, on: PlannerActions): TemplateResult => {
  const t = v.t;
  const repeats = ['none', 'weekly', 'monthly'] as const;
  const ends = (value: Draft['ends'], label: string) => html`<div class="choice">
    <input type="radio" name="ends" id=${`ends-${value}`} .checked=${live(draft.ends === value)} @change=${() => on.patch({ ends: value })} />
    <label for=${`ends-${value}`}>${label}</label>
  </div>`;
  return html`<fieldset class="group">
    <legend>${t.repeatLegend}</legend>
    <div class="choices inline">
      ${repeats.map(
        (repeat) => html`<div class="choice">
          <input type="radio" name="repeat" id=${`repeat-${repeat}`} .checked=${live(draft.repeat === repeat)} @change=${() => on.patch({ repeat })} />
          <label for=${`repeat-${repeat}`}>${t.repeatChoices[repeat]}</label>
        </div>`,
      )}
    </div>
    ${draft.repeat !== 'none'
      ? html`<div class="row">
            ${textField(t, problems, {
              id: 'interval',
              field: 'interval',
              label: draft.repeat === 'weekly' ? t.intervalWeeks : t.intervalMonths,
              value: draft.interval,
              className: 'short',
              inputmode: 'numeric',
              target: v.refs.fields.get('interval'),
              onValue: (interval) => on.patch({ interval }),
            })}
          </div>
          <fieldset class="nested">
            <legend>${t.endsLegend}</legend>
            ${ends('count', t.endsAfterCount)}
            ${draft.ends === 'count'
              ? textField(t, problems, {
                  id: 'count',
                  field: 'count',
                  label: t.countLabel,
                  value: draft.count,
                  className: 'short',
                  fieldClass: 'indented',
                  inputmode: 'numeric',
                  target: v.refs.fields.get('count'),
                  onValue: (count) => on.patch({ count }),
                })
              : nothing}
            ${ends('until', t.endsOnDate)}
            ${draft.ends === 'until'
              ? textField(t, problems, {
                  id: 'until',
                  field: 'until',
                  label: t.untilLabel,
                  value: draft.until,
                  type: 'date',
                  min: draft.date || v.today,
                  fieldClass: 'indented',
                  on: 'change',
                  target: v.refs.fields.get('until'),
                  onValue: (until) => on.patch({ until }),
                })
              : nothing}
            ${ends('never', t.endsNever)}
          </fieldset>`
      : nothing}
  </fieldset>`;
};
