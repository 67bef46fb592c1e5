import { isInForce, type ConsentDirective, type Recipient } from '../../contract/consent.js';
import type { CareTeam, Member } from '../../contract/team.js';
import { localDay } from '../../contract/rules.js';

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
 * Active team members that no directive of the service user in force on `today` (`YYYY-MM-DD`, the local calendar day by default)
 * lets information reach: everyone except the service user and their legal representatives, who
 * act for them rather than receive.
 */
export const uncoveredMembers = (team: CareTeam, consents: readonly ConsentDirective[], today: string = localDay()): Member[] => {
  const allowing = consents.filter((c) => c.subjectId === team.serviceUserId && isInForce(c, today));
  return team.members.filter(
    (member) =>
      member.status === 'active' &&
      member.id !== team.serviceUserId &&
      member.kind !== 'legal-representative' &&
      !allowing.some((c) => reaches(c.recipient, member, team)),
  );
};
