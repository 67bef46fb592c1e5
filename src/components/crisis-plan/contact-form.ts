import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { WEEKDAYS, type CrisisStage, type Weekday } from '../../contract/values.js';
import type { EditContext } from './edit-view.js';
import { hoursText, shownContact } from './plan-model.js';
import {
  contactFromDraft,
  contactProblems,
  emptyContact,
  freshContactId,
  withContactMoved,
  withContacts,
  type ContactDraft,
  type ContactField,
} from './plan-draft.js';

/** The key a contact's first field is kept under, so focus can go back to it by reference. */
export const firstFieldKey = (stage: CrisisStage, id: string): string => `${stage}:${id}:first`;
/** The key of a contact field that can have a problem, for the error summary's links. */
export const fieldKey = (stage: CrisisStage, id: string, field: ContactField): string => `${stage}:${id}:${field}`;
const addKey = (stage: CrisisStage) => `${stage}:add-contact`;

const valueOf = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement).value;

/** The name a contact goes by in the form: the name shown in the plan, or "contact 3" while it has none. */
const nameIn = (ctx: EditContext, contact: ContactDraft, n: number) => shownContact(contactFromDraft(contact), ctx.team, 'professional').name || ctx.t.contactN(n);

const update = (ctx: EditContext, stage: CrisisStage, index: number, change: (c: ContactDraft) => ContactDraft) =>
  ctx.change((d) => withContacts(d, stage, d.stages[stage].contacts.map((c, i) => (i === index ? change(c) : c))));

/** Adds an empty contact at the end of the stage's list and moves focus to its first field. */
const addContact = (ctx: EditContext, stage: CrisisStage) => {
  const id = freshContactId(ctx.plan, ctx.draft, stage);
  ctx.change((d) => withContacts(d, stage, [...d.stages[stage].contacts, emptyContact(id)]), { focus: firstFieldKey(stage, id) });
};

/** Removes a contact, says so, and moves focus to the contact now in its place, the one before, or Add. */
const removeContact = (ctx: EditContext, stage: CrisisStage, index: number) => {
  const contacts = ctx.draft.stages[stage].contacts;
  const gone = contacts[index];
  const next = contacts[index + 1] ?? contacts[index - 1];
  ctx.change((d) => withContacts(d, stage, d.stages[stage].contacts.filter((c) => c.id !== gone.id)), {
    focus: next ? firstFieldKey(stage, next.id) : addKey(stage),
    message: ctx.t.contactRemoved(nameIn(ctx, gone, index + 1)),
  });
};

/** Moves a contact one place and says where it went; focus stays on the same button of the same contact. */
const moveContact = (ctx: EditContext, stage: CrisisStage, index: number, by: -1 | 1) => {
  const moved = withContactMoved(ctx.draft, stage, index, by);
  if (moved === ctx.draft) return;
  const contacts = moved.stages[stage].contacts;
  const contact = contacts[index + by];
  ctx.change(() => moved, {
    focus: `${stage}:${contact.id}:${by === -1 ? 'up' : 'down'}`,
    message: ctx.t.movedTo(nameIn(ctx, contact, index + by + 1), index + by + 1, contacts.length),
  });
};

/** One contact: who, number, hours, whom to call outside them, a note; then Move up, Move down and Remove. */
const renderContact = (ctx: EditContext, stage: CrisisStage, contact: ContactDraft, index: number, last: number): TemplateResult => {
  const { t } = ctx;
  const n = index + 1;
  const base = `contact-${stage}-${index}`;
  const name = nameIn(ctx, contact, n);
  const problems = ctx.draft.checked ? contactProblems(contact) : {};
  /** Attributes every checked field shares: invalid state, and its message and hint read with it. */
  const invalid = (field: ContactField) => (problems[field] ? 'true' : 'false');
  const describedBy = (field: ContactField, hint?: string) => [problems[field] ? `${base}-${field}-error` : '', hint ?? ''].filter(Boolean).join(' ') || nothing;
  const problem = (field: ContactField) =>
    problems[field] ? html`<p class="inline-error" id=${`${base}-${field}-error`}><span class="visually-hidden">${t.errorPrefix} </span>${t.contactProblems[problems[field]!]}</p>` : nothing;
  const members = ctx.team.members.filter((m) => m.status !== 'ended' || m.id === contact.memberId);
  const change = (apply: (c: ContactDraft, value: string) => ContactDraft) => (e: Event) => update(ctx, stage, index, (c) => apply(c, valueOf(e)));
  const toggleDay = (day: Weekday) => (e: Event) => {
    const on = (e.target as HTMLInputElement).checked;
    update(ctx, stage, index, (c) => ({ ...c, days: WEEKDAYS.filter((d) => (d === day ? on : c.days.includes(d))) }));
  };
  const moreHours = contact.original?.hours?.slice(1) ?? [];
  const move = (by: -1 | 1, edge: boolean) => () => {
    if (!edge && !ctx.busy) moveContact(ctx, stage, index, by);
  };
  return html`<li class="edit-contact" part="edit-contact">
    <span class="contact-title">${name}</span>
    <label for=${`${base}-member`}>${t.contactMember(n)}</label>
    <select id=${`${base}-member`} aria-describedby=${`${base}-hint`} ?disabled=${ctx.busy} ${ref(ctx.keep(firstFieldKey(stage, contact.id)))}
      @change=${change((c, memberId) => ({ ...c, memberId }))}>
      <option value="" ?selected=${!contact.memberId}>${t.notOnTeam}</option>
      ${members.map((m) => html`<option value=${m.id} ?selected=${contact.memberId === m.id}>${m.role?.label ? `${m.name} (${m.role.label})` : m.name}</option>`)}
    </select>
    <p class="muted" id=${`${base}-hint`}>${t.fromTeam}</p>
    <label for=${`${base}-name`}>${t.contactName(n)}</label>
    <input id=${`${base}-name`} type="text" maxlength="300" autocomplete="off" .value=${contact.name} ?disabled=${ctx.busy}
      aria-invalid=${invalid('name')} aria-describedby=${describedBy('name')} ${ref(ctx.keep(fieldKey(stage, contact.id, 'name')))}
      @input=${change((c, value) => ({ ...c, name: value }))} />
    ${problem('name')}
    <label for=${`${base}-phone`}>${t.contactPhone(n)}</label>
    <input id=${`${base}-phone`} type="tel" maxlength="32" autocomplete="off" .value=${contact.phone} ?disabled=${ctx.busy}
      aria-invalid=${invalid('phone')} aria-describedby=${describedBy('phone')} ${ref(ctx.keep(fieldKey(stage, contact.id, 'phone')))}
      @input=${change((c, value) => ({ ...c, phone: value }))} />
    ${problem('phone')}
    <fieldset class="days" aria-describedby=${describedBy('days')}>
      <legend>${t.contactHours(n)}</legend>
      ${WEEKDAYS.map(
        (day, i) => html`<label class="day">
          <input type="checkbox" .checked=${contact.days.includes(day)} ?disabled=${ctx.busy} @change=${toggleDay(day)}
            ${i === 0 ? ref(ctx.keep(fieldKey(stage, contact.id, 'days'))) : nothing} />
          ${t.weekdays[day]}
        </label>`,
      )}
    </fieldset>
    ${problem('days')}
    <div class="times">
      <div>
        <label for=${`${base}-opens`}>${t.contactOpens(n)}</label>
        <input id=${`${base}-opens`} type="time" .value=${contact.opens} ?disabled=${ctx.busy}
          aria-invalid=${invalid('opens')} aria-describedby=${describedBy('opens')} ${ref(ctx.keep(fieldKey(stage, contact.id, 'opens')))}
          @input=${change((c, opens) => ({ ...c, opens }))} />
        ${problem('opens')}
      </div>
      <div>
        <label for=${`${base}-closes`}>${t.contactCloses(n)}</label>
        <input id=${`${base}-closes`} type="time" .value=${contact.closes} ?disabled=${ctx.busy}
          aria-invalid=${invalid('closes')} aria-describedby=${describedBy('closes')} ${ref(ctx.keep(fieldKey(stage, contact.id, 'closes')))}
          @input=${change((c, closes) => ({ ...c, closes }))} />
        ${problem('closes')}
      </div>
    </div>
    ${moreHours.length ? html`<p class="muted">${t.moreHours(hoursText(moreHours, t.weekdays))}</p>` : nothing}
    <label for=${`${base}-out-name`}>${t.contactOutName(n)}</label>
    <input id=${`${base}-out-name`} type="text" maxlength="300" autocomplete="off" .value=${contact.outOfHoursName} ?disabled=${ctx.busy}
      aria-invalid=${invalid('outOfHoursName')} aria-describedby=${describedBy('outOfHoursName')} ${ref(ctx.keep(fieldKey(stage, contact.id, 'outOfHoursName')))}
      @input=${change((c, value) => ({ ...c, outOfHoursName: value }))} />
    ${problem('outOfHoursName')}
    <label for=${`${base}-out-phone`}>${t.contactOutPhone(n)}</label>
    <input id=${`${base}-out-phone`} type="tel" maxlength="32" autocomplete="off" .value=${contact.outOfHoursPhone} ?disabled=${ctx.busy}
      aria-invalid=${invalid('outOfHoursPhone')} aria-describedby=${describedBy('outOfHoursPhone')} ${ref(ctx.keep(fieldKey(stage, contact.id, 'outOfHoursPhone')))}
      @input=${change((c, value) => ({ ...c, outOfHoursPhone: value }))} />
    ${problem('outOfHoursPhone')}
    <label for=${`${base}-note`}>${t.contactNote(n)}</label>
    <input id=${`${base}-note`} type="text" maxlength="500" .value=${contact.note} ?disabled=${ctx.busy} @input=${change((c, note) => ({ ...c, note }))} />
    <div class="actions">
      <button type="button" aria-disabled=${index === 0 || ctx.busy ? 'true' : 'false'} ${ref(ctx.keep(`${stage}:${contact.id}:up`))} @click=${move(-1, index === 0)}>
        ${t.moveUp(name)}
      </button>
      <button type="button" aria-disabled=${index === last || ctx.busy ? 'true' : 'false'} ${ref(ctx.keep(`${stage}:${contact.id}:down`))} @click=${move(1, index === last)}>
        ${t.moveDown(name)}
      </button>
      <button type="button" class="remove" ?disabled=${ctx.busy} @click=${() => removeContact(ctx, stage, index)}>${t.removeContact(name)}</button>
    </div>
  </li>`;
};

/** A stage's contacts in the order to call, each editable, with Add at the end. */
export const renderContacts = (ctx: EditContext, stage: CrisisStage): TemplateResult => {
  const contacts = ctx.draft.stages[stage].contacts;
  return html`<div role="heading" aria-level=${Math.min(ctx.level + 1, 6)} class="heading">${ctx.t.contactsHeading}</div>
    ${contacts.length ? html`<ol class="edit-contacts">${contacts.map((c, i) => renderContact(ctx, stage, c, i, contacts.length - 1))}</ol>` : nothing}
    <button type="button" ?disabled=${ctx.busy} ${ref(ctx.keep(addKey(stage)))} @click=${() => addContact(ctx, stage)}>${ctx.t.addContact}</button>`;
};
