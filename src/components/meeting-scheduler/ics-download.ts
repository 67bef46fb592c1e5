import type { Meeting } from '../../contract/meeting.js';
import { agendaText, icsFileName, meetingToIcs, type IcsOptions } from './ics.js';
import { sameKey } from '../base/same-key.js';

/** The `.ics` file of the meeting shown, as an object URL made again only when the meeting or its words change. */
export class IcsDownload {
  current?: { url: string; name: string };
  private key: unknown[] = [];

  prepare(meeting: Meeting, key: unknown[], options: { members: IcsOptions['members']; heading: string; memberName: (id: string) => string }): void {
    const fullKey = [meeting, ...key];
    if (this.current && sameKey(fullKey, this.key)) return;
    this.release();
    const text = meetingToIcs(meeting, {
      members: options.members,
      description: agendaText(meeting, { heading: options.heading, memberName: options.memberName }),
    });
    this.key = fullKey;
    this.current = { url: URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' })), name: icsFileName(meeting) };
  }

  release(): void {
    if (this.current) URL.revokeObjectURL(this.current.url);
    this.current = undefined;
  }
}
