import '../../../src/components/meeting-scheduler/define.js';
import type { CareMeetingScheduler } from '../../../src/components/meeting-scheduler/meeting-scheduler.js';
import type { CareDatePicker } from '../../../src/components/date-picker/date-picker.js';
import type { CareMeetingChangeEvent, CareMeetingRequestEvent } from '../../../src/components/meeting-scheduler/events.js';
import type { CareRecordInput } from '../../../src/contract/record.js';
import type { MeetingInput } from '../../../src/contract/meeting.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { fixture, html, settle } from '../../helpers/fixture.js';

/** A Tuesday before the first date of the Fjordvik series. */
export const TODAY = '2026-12-01';

/** A fresh deep copy of the Fjordvik record, as a host would pass it. */
export const record = (): CareRecordInput => structuredClone(fjordvik) as CareRecordInput;

export const meetingOf = (id: string): MeetingInput => structuredClone(record().meetings!.find((m) => m.id === id)!) as MeetingInput;

export interface SchedulerOptions {
  meeting?: MeetingInput;
  data?: CareRecordInput;
  audience?: 'service-user' | 'professional';
  me?: string;
  lang?: string;
  viewerTimeZone?: string;
}

/** A scheduler in controlled mode with the Fjordvik record, settled. */
export const renderScheduler = async (options: SchedulerOptions = {}): Promise<CareMeetingScheduler> => {
  const data = options.data ?? record();
  const el = await fixture<CareMeetingScheduler>(html`<care-meeting-scheduler
    .team=${data.team}
    .availability=${data.availability}
    .consents=${data.consents}
    .meeting=${options.meeting}
    today=${TODAY}
    audience=${options.audience ?? 'professional'}
    me=${options.me ?? ''}
    lang=${options.lang ?? 'en'}
    viewer-time-zone=${options.viewerTimeZone ?? 'Europe/Oslo'}
  ></care-meeting-scheduler>`);
  return settle(el);
};

export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;

/** The text a person sees, whitespace collapsed. */
export const textOf = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** One element inside the scheduler's shadow root; fails loudly when it is missing. */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T => {
  const found = shadow(el).querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};

export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [...shadow(el).querySelectorAll<T>(selector)];

/** The date picker of the planning form. */
export const picker = (el: Element): CareDatePicker => $<CareDatePicker>(el, 'care-date-picker');

/**
 * Waits for the scheduler and the date pickers inside it to finish updating, without waiting for
 * animation frames (which are slow on a busy machine).
 */
export const updated = async (el: Element) => {
  for (let round = 0; round < 5; round++) {
    const nodes = [el, ...(el.shadowRoot?.querySelectorAll('care-date-picker') ?? [])] as unknown as Array<{ updateComplete: Promise<boolean>; isUpdatePending: boolean }>;
    await Promise.all(nodes.map((n) => n.updateComplete));
    await Promise.resolve();
    if (nodes.every((n) => !n.isUpdatePending)) return;
  }
};

/** Sets a form control's value and fires the events a person's typing would. */
export const fill = async (el: Element, selector: string, value: string) => {
  const control = $<HTMLInputElement | HTMLSelectElement>(el, selector);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await updated(el);
};

/** Finds a label by its text and returns the control it labels. */
export const controlLabelled = <T extends HTMLElement = HTMLInputElement>(el: Element, text: string): T => {
  const label = $$<HTMLLabelElement>(el, 'label').find((l) => textOf(l).startsWith(text));
  if (!label) throw new Error(`no label starting with "${text}"`);
  return shadow(el).getElementById(label.htmlFor) as T;
};

/** The button whose visible text starts with `text`. */
export const button = (el: Element, text: string): HTMLButtonElement => {
  const found = $$<HTMLButtonElement>(el, 'button').find((b) => textOf(b).startsWith(text));
  if (!found) throw new Error(`no button "${text}"`);
  return found;
};

/** Clicks and waits for the element to settle. */
export const click = async (el: Element, target: HTMLElement) => {
  target.click();
  await updated(el);
};

/** Checks a radio or checkbox the way a click does (fires change). */
export const check = async (el: Element, control: HTMLInputElement, checked = true) => {
  if (control.checked !== checked) control.click();
  await updated(el);
};

/** A short description of a node for assertions (chai's own printing of DOM nodes is slow). */
export const describeNode = (node: Element | null | undefined): string =>
  node ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.className && typeof node.className === 'string' ? `.${node.className.trim().split(/\s+/).join('.')}` : ''}[${textOf(node).slice(0, 40)}]` : 'nothing';

/** Records every meeting request and change the element fires, in order. */
export const meetingEvents = (el: HTMLElement) => {
  const log: Array<CareMeetingRequestEvent | CareMeetingChangeEvent> = [];
  el.addEventListener('care-meeting-request', (e) => log.push(e));
  el.addEventListener('care-meeting-change', (e) => log.push(e));
  return log;
};

/** Records the meeting requests the element fires. */
export const meetingRequests = (el: HTMLElement) => {
  const log: CareMeetingRequestEvent[] = [];
  el.addEventListener('care-meeting-request', (e) => log.push(e));
  return log;
};

/** Invites a member by name, optionally as optional. */
export const invite = async (el: CareMeetingScheduler, name: string, attendance?: 'required' | 'optional') => {
  await check(el, controlLabelled(el, name));
  if (attendance) await fill(el, `select[aria-label^="${name}"]`, attendance);
};

/** Fills what a hybrid meeting needs besides the time. */
export const fillPlace = async (el: CareMeetingScheduler) => {
  await fill(el, '#location-name', 'Fjordvik Health House, room 2');
  await fill(el, '#video-link', 'https://video.fjordvik.example/room-2');
};

/** The times listed under "Suggested times". */
export const suggested = (el: Element) => $$(el, '#suggested label').map((l) => textOf(l.querySelector('.slot-when')));

/**
 * Presses the `.ics` link (its maker loads on first use), waits for the element, and returns the
 * file the browser was asked to save, without saving it.
 */
export const downloadIcs = async (el: CareMeetingScheduler): Promise<{ name: string; text: string }> => {
  const link = $<HTMLAnchorElement>(el, '[part="download"]');
  const clicked: HTMLAnchorElement[] = [];
  const original = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    clicked.push(this);
  };
  // The press on the link itself goes through; only the download the element starts is caught.
  link.addEventListener('click', (event) => link.href.startsWith('blob:') && event.preventDefault(), { once: true });
  try {
    original.call(link);
    await el.updateComplete;
  } finally {
    HTMLAnchorElement.prototype.click = original;
  }
  const file = clicked[0] ?? (link.href.startsWith('blob:') ? link : undefined);
  if (!file) throw new Error('the .ics link started no download');
  return { name: file.download, text: await (await fetch(file.href)).text() };
};
