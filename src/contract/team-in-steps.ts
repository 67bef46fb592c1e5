import * as v from 'valibot';
import { object } from './kit.js';
import { CareTeam, Member } from './team.js';
import { check, type ContractResult, type Schema } from './validate.js';

const [teamObject, ...teamRules] = CareTeam.pipe;

/**
 * `CareTeam` with its members taken as they are: the same fields in the same order, with the same
 * rules (unique ids, the service user, one coordinator, known organisations), for members that were
 * each checked already. Built from `CareTeam` itself, so the two cannot drift apart.
 */
const TeamOfCheckedMembers = v.pipe(object({ ...teamObject.entries, members: v.array(v.unknown()) }), ...(teamRules as unknown as [])) as unknown as Schema<CareTeam>;

/**
 * Checks a care team against the contract like `check(CareTeam, input)`, with the same value or
 * the same issues and messages, but in steps of about `stepMs` of work with `pause()` between them,
 * so a team of thousands never blocks the page in one long task. Members are checked one by one;
 * the team's own fields and rules, which need every member, are checked last. When a member breaks
 * the contract the whole team is checked in one go (after a pause), so the list of issues is
 * exactly the one `check` gives.
 */
export async function checkTeamInSteps(input: unknown, pause: () => Promise<void>, stepMs = 25): Promise<ContractResult<CareTeam>> {
  const members = (input as { members?: unknown } | null)?.members;
  if (input === null || typeof input !== 'object' || Array.isArray(input) || !Array.isArray(members)) return check(CareTeam, input);
  const checked: unknown[] = [];
  let stepStart = performance.now();
  for (const member of members as unknown[]) {
    if (performance.now() - stepStart > stepMs) {
      await pause();
      stepStart = performance.now();
    }
    const result = v.safeParse(Member, member);
    if (!result.success) {
      await pause();
      return check(CareTeam, input);
    }
    checked.push(result.output);
  }
  await pause();
  return check(TeamOfCheckedMembers, { ...input, members: checked });
}
