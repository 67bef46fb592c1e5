import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Kept, KeyedKept, keep } from '../base/kept.js';
import { formatWith } from '../../i18n/format.js';
import type { PickerMessages } from '../../i18n/types.js';
import { CareBase } from '../base/care-base.js';
import { addMonthsTo, isoWeekday, monthWeeks } from './calendar.js';
import { datePickerStyles } from './date-picker.styles.js';
import { CareDatePickEvent } from './events.js';
import { addDaysTo, isCalendarDate, splitDate } from '../base/calendar-date.js';
import { picker } from '../../i18n/catalogues/en/picker.js';
import { pickerTranslations } from '../../i18n/translations.js';

/** A calendar date as a local-noon `Date`, for date-fns formatting (noon is the same day everywhere). */
const noon = (date: string) => {
  const { year, month, day } = splitDate(date);
  return new Date(year, month - 1, day, 12);
};

/**
 * A date picker following the WAI-ARIA APG date picker dialog pattern: a button opens a modal
 * dialog with a month grid (Monday first, ISO week numbers as row headers). Arrow keys move by
 * day and week, Page Up/Down by month, Shift+Page Up/Down by year, Home/End to the start and end
 * of the week; Enter or Space chooses, Escape closes, and focus returns to the button. The month
 * and year are announced when they change. Days with free times are marked in text as well as
 * with a dot. Used inside `<care-meeting-scheduler>`; it can also stand alone.
 *
 * @summary An accessible month-grid date picker in a modal dialog.
 *
 * @fires care-date-pick - `CareDatePickEvent`, detail `{ date }` (`YYYY-MM-DD`): the user chose a date.
 *
 * @csspart button - The button that opens the dialog.
 * @csspart dialog - The modal dialog (a native `<dialog>`).
 * @csspart heading - The month and year.
 * @csspart calendar - The month grid (a table with role grid).
 * @csspart day - A day cell; also `day-selected`, `day-today`, `day-free`, `day-disabled`.
 *
 * @cssprop [--care-meeting-scheduler-day-size=2.75rem] - Size of a day cell.
 * @cssprop [--care-meeting-scheduler-selected-background=var(--care-color-accent)] - Background of the chosen day.
 * @cssprop [--care-meeting-scheduler-selected-color=var(--care-color-accent-text)] - Text of the chosen day.
 * @cssprop [--care-meeting-scheduler-free-marker-color=var(--care-color-success)] - The dot under days with free times.
 */
export class CareDatePicker extends CareBase<'picker'> {
  /** @internal Lit's reactive properties: the fields below, their attributes and reflection. */
  static override properties: PropertyDeclarations = {
    value: {},
    today: {},
    min: {},
    max: {},
    marked: { attribute: false },
    label: {},
    open: { state: true },
    focused: { state: true },
    inGrid: { state: true },
  };

  static override styles = [...CareBase.styles, datePickerStyles];

  protected readonly namespace = 'picker' as const;
  protected readonly english: PickerMessages = picker;
  protected readonly translations = pickerTranslations;

  /** The chosen date, `YYYY-MM-DD`. */
  value = '';

  /** Today, `YYYY-MM-DD`, marked in the grid and where the grid opens when nothing is chosen. */
  today = '';

  /** Earliest date that can be chosen, `YYYY-MM-DD`. */
  min = '';

  /** Latest date that can be chosen, `YYYY-MM-DD`. */
  max = '';

  /** Dates (`YYYY-MM-DD`) that have free times; marked with a dot and in text. */
  marked: readonly string[] = [];

  /** Text of the opening button. Defaults to "Choose date". */
  label = '';

  private open = false;
  private focused = '';
  /** The keyboard hint is spoken (and shown) while focus is in the month grid, as the APG date picker does. */
  private inGrid = false;

  private readonly dialog = new Kept<HTMLDialogElement>();
  /** The button that opens the dialog, where focus goes back to. */
  private readonly opener = new Kept<HTMLButtonElement>();

  private focusCell = false;
  /** The day of the month a person last moved to by day or week; month and year steps aim at it. */
  private intendedDay = 1;
  private markedSet = new Set<string>();
  /** The day cells of the month shown, by date: the active day is focused by reference. */
  private readonly days = new KeyedKept<string>();

  /** Opens the dialog with the chosen date (or today) focused. */
  show(): void {
    const start = [this.value, this.today].find(isCalendarDate) ?? new Date().toISOString().slice(0, 10);
    this.focused = this.clamp(start);
    this.intendedDay = splitDate(this.focused).day;
    this.open = true;
    this.focusCell = true;
  }

  /** Closes the dialog and returns focus to the button. */
  close(): void {
    this.open = false;
    this.dialog.value?.close();
    this.opener.value?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('marked')) this.markedSet = new Set(this.marked);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.dialog.value;
    if (dialog && this.open && !dialog.open && this.isConnected) dialog.showModal();
    if (this.open && this.focusCell) {
      this.focusCell = false;
      this.days.prune();
      this.days.get(this.focused).value?.focus();
    }
  }

  override render(): TemplateResult {
    const t = this.t;
    const chosen = isCalendarDate(this.value) ? this.value : '';
    return html`<button ${keep(this.opener)} type="button" class="opener" part="button" aria-haspopup="dialog" @click=${() => this.show()}>
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M7 2v2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-2V2h-2v2H9V2H7zm-2 8h14v10H5V10z" />
        </svg>
        <span>${this.label || t.chooseDate}</span>${chosen ? html`<span class="visually-hidden">, ${t.chosenDate(this.longDate(chosen))}</span>` : nothing}
      </button>
      <dialog ${keep(this.dialog)} part="dialog" aria-labelledby="month" @cancel=${this.onCancel} @keydown=${this.onDialogKey} @close=${this.onClosed}>
        ${this.open ? this.renderMonth() : nothing}
      </dialog>`;
  }

  private renderMonth(): TemplateResult {
    const t = this.t;
    const dates = this.dates();
    const weeks = monthWeeks(this.focused);
    const heading = formatWith(noon(this.focused), dates, { month: 'long', year: 'numeric' });
    const weekdays = Array.from({ length: 7 }, (_, i) => addDaysTo(weeks[0].monday, i));
    return html`<div class="header">
        <button type="button" class="nav" aria-label=${t.previousYear} @click=${() => this.moveByMonths(-12, false)}>
          <span aria-hidden="true">«</span>
        </button>
        <button type="button" class="nav" aria-label=${t.previousMonth} @click=${() => this.moveByMonths(-1, false)}>
          <span aria-hidden="true">‹</span>
        </button>
        <h2 id="month" part="heading" aria-live="polite">${heading}</h2>
        <button type="button" class="nav" aria-label=${t.nextMonth} @click=${() => this.moveByMonths(1, false)}>
          <span aria-hidden="true">›</span>
        </button>
        <button type="button" class="nav" aria-label=${t.nextYear} @click=${() => this.moveByMonths(12, false)}>
          <span aria-hidden="true">»</span>
        </button>
      </div>
      <table
        role="grid"
        aria-labelledby="month"
        part="calendar"
        @keydown=${this.onGridKey}
        @focusin=${this.onGridFocus}
        @focusout=${this.onGridFocus}
      >
        <thead>
          <tr>
            <th scope="col" class="week"><span aria-hidden="true">${t.weekShort}</span><span class="visually-hidden">${t.week}</span></th>
            ${weekdays.map(
              (date) =>
                html`<th scope="col">
                  <span aria-hidden="true">${formatWith(noon(date), dates, { weekday: 'short' })}</span><span class="visually-hidden"
                    >${formatWith(noon(date), dates, { weekday: 'long' })}</span
                  >
                </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${weeks.map(
            (week) =>
              html`<tr>
                <th scope="row" class="week"><span class="visually-hidden">${t.week} </span>${week.week}</th>
                ${week.days.map((date) => (date ? this.renderDay(date) : html`<td class="outside"></td>`))}
              </tr>`,
          )}
        </tbody>
      </table>
      <p class="hint" id="picker-hint" aria-live="polite">${this.inGrid ? t.pickerHint : ''}</p>
      <div class="footer">
        <button type="button" @click=${() => this.close()}>${t.cancel}</button>
        <button type="button" class="primary" @click=${() => this.choose(this.focused)}>${t.chooseThisDate}</button>
      </div>`;
  }

  private renderDay(date: string): TemplateResult {
    const t = this.t;
    const selected = date === this.value;
    const isToday = date === this.today;
    const free = this.markedSet.has(date);
    const disabled = !this.allowed(date);
    const parts = ['day', selected && 'day-selected', isToday && 'day-today', free && 'day-free', disabled && 'day-disabled'].filter(Boolean).join(' ');
    return html`<td
      part=${parts}
      class=${parts}
      tabindex=${date === this.focused ? 0 : -1}
      aria-selected=${selected ? 'true' : nothing}
      aria-current=${isToday ? 'date' : nothing}
      aria-disabled=${disabled ? 'true' : nothing}
      data-date=${date}
      ${keep(this.days.get(date))}
      @click=${() => this.choose(date)}
    >
      <span aria-hidden="true" class="number">${Number(date.slice(8))}</span>
      <span class="visually-hidden">${this.longDate(date)}${free ? `, ${t.dayHasFreeTimes}` : ''}${isToday ? `, ${t.today}` : ''}</span>
    </td>`;
  }

  private longDate(date: string): string {
    return this.localize.date(date, 'full');
  }

  private allowed(date: string): boolean {
    return (!isCalendarDate(this.min) || date >= this.min) && (!isCalendarDate(this.max) || date <= this.max);
  }

  private clamp(date: string): string {
    if (isCalendarDate(this.min) && date < this.min) return this.min;
    if (isCalendarDate(this.max) && date > this.max) return this.max;
    return date;
  }

  /**
   * The hint shows while the focus is in the grid, in a render of its own after the live region
   * exists, so it is announced. Focus moves often happen inside `updated()` (opening, moving by
   * key, a new month replacing the focused cell); set there, the change would start an update
   * inside the one finishing (Lit warns in development mode) and a replaced cell's focusout would
   * hide the hint for a frame. So where the focus is, is read in the microtask after the move.
   */
  private readonly onGridFocus = (event: FocusEvent) => {
    const grid = event.currentTarget as Element;
    queueMicrotask(() => (this.inGrid = grid.contains((this.renderRoot as ShadowRoot).activeElement)));
  };

  private moveTo(date: string, focusCell = true) {
    this.focused = this.clamp(date);
    this.intendedDay = splitDate(this.focused).day;
    this.focusCell = focusCell;
  }

  /** Month and year steps clamp from the intended day each time: 31 Jan → 31 Dec → 30 Nov → 31 Oct. */
  private moveByMonths(months: number, focusCell = true) {
    this.focused = this.clamp(addMonthsTo(this.focused, months, this.intendedDay));
    this.focusCell = focusCell;
  }

  private choose(date: string) {
    if (!this.allowed(date)) return;
    this.value = date;
    const picked = new CareDatePickEvent(date);
    this.dispatchEvent(picked);
    this.close();
  }

  private onGridKey = (event: KeyboardEvent) => {
    const from = this.focused;
    if (event.key === 'PageUp' || event.key === 'PageDown') {
      event.preventDefault();
      this.moveByMonths((event.key === 'PageUp' ? -1 : 1) * (event.shiftKey ? 12 : 1));
      return;
    }
    const moves: Record<string, () => string> = {
      ArrowRight: () => addDaysTo(from, 1),
      ArrowLeft: () => addDaysTo(from, -1),
      ArrowDown: () => addDaysTo(from, 7),
      ArrowUp: () => addDaysTo(from, -7),
      Home: () => addDaysTo(from, -isoWeekday(from)),
      End: () => addDaysTo(from, 6 - isoWeekday(from)),
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.choose(from);
      return;
    }
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    this.moveTo(move());
  };

  private onDialogKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.close();
  };

  private onCancel = (event: Event) => {
    event.preventDefault();
    this.close();
  };

  private onClosed = () => {
    this.open = false;
  };
}
