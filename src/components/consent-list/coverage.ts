import { isSharingAllowed, type ConsentDirective, type Recipient } from '../../contract/consent.js';
import type { CareTeam, Member } from '../../contract/team.js';

/** Whether information sent to `recipient` reaches `member`: their organisation, them by id, or the whole team. */
export const reaches = (recipient: Recipient, member: Member, team: Pick<CareTeam, 'id'>): boolean => {
  switch (recipient.kind) {
    case 'team':
      return !recipient.id || recipient.id === team.id;
    case 'organisation':
      return Boolean(recipient.id) && recipient.id === member.organisationId;
    case 'person':
      return recipient.id === member.id;
  }
};

/**
 * Active team members that no directive of the service user lets information reach: everyone
 * except the service user and their legal representatives, who act for them rather than receive.
 */
export const uncoveredMembers = (team: CareTeam, consents: readonly ConsentDirective[]): Member[] => {
  const allowing = consents.filter((c) => c.subjectId === team.serviceUserId && isSharingAllowed(c));
  return team.members.filter(
    (member) =>
      member.status === 'active' &&
      member.id !== team.serviceUserId &&
      member.kind !== 'legal-representative' &&
      !allowing.some((c) => reaches(c.recipient, member, team)),
  );
};
