import * as z from 'zod/mini';
import { CareTeam, Member } from './team.js';
import { check, type ContractResult } from './validate.js';

interface ObjectDef {
  shape: Record<string, z.core.$ZodType>;
  checks?: z.core.$ZodCheck<{ [x: string]: unknown; members: unknown[] }>[];
}

const teamDef = (CareTeam as unknown as { _zod: { def: ObjectDef } })._zod.def;

/**
 * `CareTeam` with its members taken as they are: the same fields in the same order, with the same
 * rules (unique ids, the service user, one coordinator, known organisations), for members that were
 * each checked already. Built from `CareTeam` itself, so the two cannot drift apart.
 */
const TeamOfCheckedMembers = z.looseObject({ ...teamDef.shape, members: z.array(z.unknown()) }).check(...(teamDef.checks ?? []));

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
    const result = Member.safeParse(member);
    if (!result.success) {
      await pause();
      return check(CareTeam, input);
    }
    checked.push(result.data);
  }
  await pause();
  return check(TeamOfCheckedMembers, { ...input, members: checked }) as ContractResult<CareTeam>;
}
