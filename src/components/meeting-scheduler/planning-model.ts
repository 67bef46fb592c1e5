import type { Availability } from '../../contract/meeting.js';
import { searchEnd, searchStart, type Draft } from './draft.js';
import { distinctSlots, findFreeSlots, type FreeSlot } from './free-time.js';
import { dateIn, instantAt } from './zone.js';
import { sameKey } from '../base/same-key.js';

/** Free times for the draft, worked out again only when what they depend on changes. */
export class FreeTimes {
  slots: FreeSlot[] = [];
  /** The best few, at different times of day. */
  suggestions: FreeSlot[] = [];
  private key: unknown[] = [];
  private days?: { slots: FreeSlot[]; days: string[] };

  update(availability: Availability[], draft: Draft, today: string): void {
    const required = Object.entries(draft.invited).filter(([, a]) => a === 'required').map(([id]) => id);
    const optional = Object.entries(draft.invited).filter(([, a]) => a === 'optional').map(([id]) => id);
    const first = searchStart(draft, today);
    const key = [availability, required.join(), optional.join(), first, draft.durationMinutes, draft.timeZone];
    if (sameKey(key, this.key)) return;
    this.key = key;
    this.slots = findFreeSlots({
      availability,
      requiredIds: required,
      optionalIds: optional,
      from: instantAt(first, '00:00', draft.timeZone),
      to: instantAt(searchEnd(first), '00:00', draft.timeZone),
      durationMinutes: draft.durationMinutes,
      timeZone: draft.timeZone,
    });
    this.suggestions = distinctSlots(this.slots);
  }

  /** Searches again on the next update (the person asked to find times). */
  forget(): void {
    this.key = [];
  }

  /** Calendar dates with at least one free time, for the date picker (same array while the slots are the same). */
  freeDays(zone: string): string[] {
    if (this.days?.slots !== this.slots) this.days = { slots: this.slots, days: [...new Set(this.slots.map((s) => dateIn(s.start, zone)))] };
    return this.days.days;
  }
}
