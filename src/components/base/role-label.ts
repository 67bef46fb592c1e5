import type { Member } from '../../contract/index.js';

/**
 * A member's role as the reader calls it. `role.label` is written for the person the team is for
 * ("Your GP"); `role.professionalLabel` for colleagues ("General practitioner"). A professional
 * reader sees the professional label where there is one, and the person's own words otherwise.
 * Every element names roles through this one rule.
 */
export function roleLabel(member: Pick<Member, 'role'>, professional: boolean): string | undefined {
  const role = member.role;
  if (!role) return undefined;
  return (professional && role.professionalLabel) || role.label || undefined;
}
