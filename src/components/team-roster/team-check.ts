import { checkTeamInSteps } from '../../contract/team-in-steps.js';
import type { CareTeam } from '../../contract/team.js';
import type { ContractResult } from '../../contract/validate.js';

/**
 * Which team inputs the roster has checked against the contract, once per input object: a large
 * team is checked in steps between painted frames (the outcome is handed to `remember`, and
 * `again` asks for the update that reads it); any other in one go by the element.
 */
export class RosterTeamCheck {
  private readonly checked = new WeakSet<object>();
  private running?: { input: object; done: boolean };

  constructor(
    private readonly painted: () => Promise<void>,
    private readonly remember: (input: object, result: ContractResult<CareTeam>) => void,
    private readonly again: () => void,
  ) {}

  /** Whether this input has been checked already (its outcome is cached by the element's base class). */
  known(input: unknown): boolean {
    return typeof input === 'object' && input !== null && this.checked.has(input);
  }

  /** Notes that this input has been checked. */
  mark(input: unknown): void {
    if (typeof input === 'object' && input !== null) this.checked.add(input);
  }

  /** Whether a large team's check in steps is done; starts it once per input. */
  stepsDone(input: object): boolean {
    const running = this.running;
    if (running?.input === input) return running.done;
    const entry = { input, done: false };
    this.running = entry;
    void checkTeamInSteps(input, this.painted).then((result) => {
      if (this.running !== entry) return;
      this.remember(input, result);
      entry.done = true;
      this.again();
    });
    return false;
  }
}
