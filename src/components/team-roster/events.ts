import type { ContactPoint } from '../../contract/common.js';
import type { Member } from '../../contract/team.js';
import { CareEvent } from '../base/events.js';

/**
 * Fired when the user chooses a member (activates their name). Cancelable: call
 * `preventDefault()` to stop the built-in details dialog, for example to open the portal's own
 * profile page instead.
 */
export class CareMemberSelectEvent extends CareEvent<{ member: Member }> {
  static readonly eventName = 'care-member-select';
  constructor(member: Member) {
    super(CareMemberSelectEvent.eventName, { member }, { cancelable: true });
  }
}

/** What a `care-contact` event carries. */
export interface CareContactDetail {
  /** The member whose contact was used; absent for the team's own contacts. */
  member?: Member;
  /** The contact point as given in the data. */
  contact: ContactPoint;
  /** The link that will be opened (`tel:`, `sms:`, `mailto:` or `https:`). */
  href: string;
}

/**
 * Fired when the user opens a contact link (call, text, video, secure message, e-mail), before the
 * browser follows it. Cancelable: `preventDefault()` stops the navigation, so a portal can log it,
 * open its own messaging, or ask first.
 */
export class CareContactEvent extends CareEvent<CareContactDetail> {
  static readonly eventName = 'care-contact';
  constructor(detail: CareContactDetail) {
    super(CareContactEvent.eventName, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'care-member-select': CareMemberSelectEvent;
    'care-contact': CareContactEvent;
  }
}
