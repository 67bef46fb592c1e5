import type { AgendaTemplate } from '../../contract/values.js';
import type { FocusController } from '../base/focus.js';
import { TEMPLATE_MINUTES } from './agenda.js';
import { parseDateText } from './date-text.js';
import { newItemKey, type Draft } from './draft.js';
import type { PlannerActions } from './planner.js';
import type { Messages, SchedulerRefs } from './view.js';
import { dateIn, timeIn } from './zone.js';

/** `ids` with `id` added or taken out. */
const toggled = (ids: readonly string[], id: string, on: boolean): string[] => (on ? [...new Set([...ids, id])] : ids.filter((other) => other !== id));

/** The draft with a member invited (as required) or taken off, from the agenda and as support person too. */
const withInvite = (draft: Draft, memberId: string, invited: boolean): Partial<Draft> => {
  const next = { ...draft.invited };
  if (invited) next[memberId] = 'required';
  else delete next[memberId];
  const agenda = draft.agenda.map((item) => ({ ...item, attendeeIds: toggled(item.attendeeIds, memberId, invited) }));
  return { invited: next, agenda, supportPersonId: !invited && draft.supportPersonId === memberId ? '' : draft.supportPersonId };
};

/**
 * The agenda with one item moved up or down, and which of its buttons keeps focus: the same one,
 * unless the item reached an end where that button is disabled.
 */
const withItemMoved = (draft: Draft, index: number, by: -1 | 1): { agenda: Draft['agenda']; key: string; button: 'up' | 'down' } => {
  const agenda = [...draft.agenda];
  const [item] = agenda.splice(index, 1);
  const to = index + by;
  agenda.splice(to, 0, item);
  const button = to === 0 ? 'down' : to === agenda.length - 1 ? 'up' : by < 0 ? 'up' : 'down';
  return { agenda, key: item.key, button };
};

/** A new agenda item from a template (or an empty one of the person's own), for everyone invited. */
const newItem = (draft: Draft, template: AgendaTemplate | undefined, title: string): Draft['agenda'][number] => ({
  key: newItemKey(),
  template,
  title,
  minutes: template ? TEMPLATE_MINUTES[template] : 15,
  attendeeIds: Object.keys(draft.invited),
});

/** What the draft edits need from the element. */
export interface DraftHost {
  draft(): Draft;
  patch(changes: Partial<Draft>): void;
  t(): Messages;
  shortDate(date: string): string;
  focusing: FocusController;
  refs: SchedulerRefs;
}

type DraftEdits = Omit<PlannerActions, 'findTimes' | 'showMoreTimes' | 'submit' | 'stopEditing'>;

/** Every edit the planning form makes to the draft, and where focus goes after the ones that move or remove controls. */
export const draftEdits = (host: DraftHost): DraftEdits => {
  const { patch, focusing, refs } = host;
  const invite = (memberId: string, invited: boolean) => patch(withInvite(host.draft(), memberId, invited));
  const patchItem = (key: string, changes: Partial<Draft['agenda'][number]>) =>
    patch({ agenda: host.draft().agenda.map((item) => (item.key === key ? { ...item, ...changes } : item)) });
  return {
    patch,
    setKind: (kind) => patch({ kind, ...(host.draft().titleEdited ? {} : { title: host.t().kinds[kind] }) }),
    invite,
    setAttendance: (memberId, attendance) => patch({ invited: { ...host.draft().invited, [memberId]: attendance } }),
    setSupportPerson: (memberId) => {
      if (memberId && !host.draft().invited[memberId]) invite(memberId, true);
      patch({ supportPersonId: memberId });
    },
    setMode: (mode) => patch({ mode }),
    setDateText: (text) => patch({ dateText: text, date: parseDateText(text) ?? '' }),
    setDate: (date) => patch({ date, dateText: host.shortDate(date) }),
    pickSlot: (slot, zone) => {
      const date = dateIn(slot.start, zone);
      patch({ date, dateText: host.shortDate(date), time: timeIn(slot.start, zone) });
    },
    patchItem,
    setItemAttendee: (key, memberId, attends) => {
      const item = host.draft().agenda.find((i) => i.key === key)!;
      patchItem(key, { attendeeIds: toggled(item.attendeeIds, memberId, attends) });
    },
    moveItem: (index, by) => {
      const { agenda, key, button } = withItemMoved(host.draft(), index, by);
      patch({ agenda });
      focusing.after(refs.items.get(`${key}:${button}`));
    },
    removeItem: (key) => {
      patch({ agenda: host.draft().agenda.filter((item) => item.key !== key) });
      focusing.after(refs.addTemplate);
    },
    addItem: (template: AgendaTemplate | undefined) => {
      const item = newItem(host.draft(), template, template ? host.t().templates[template] : '');
      patch({ agenda: [...host.draft().agenda, item] });
      focusing.after(refs.items.get(`${item.key}:title`));
    },
    focusField: (field) => {
      const firstItem = host.draft().agenda[0];
      // The agenda's problem is about its items: the first item's title, or adding one when there is none.
      const target = field === 'agenda' ? (firstItem ? refs.items.get(`${firstItem.key}:title`) : refs.addTemplate) : refs.fields.get(field);
      focusing.now(target);
    },
  };
};
