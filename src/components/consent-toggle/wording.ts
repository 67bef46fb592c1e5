import type { ConsentHistoryEntry, ConsentDirective, Decider } from '../../contract/consent.js';
import type { CareTeam, Member } from '../../contract/team.js';
import type { Audience, ConsentModel, ConsentState } from '../../contract/values.js';
import type { StoreError } from '../../data/types.js';
import type { CommonMessages, ConsentToggleMessages } from '../../i18n/types.js';
import { consentInForce } from '../../contract/rules.js';
import { allowsSharing } from './decision.js';
import { roleLabel } from '../base/role-label.js';

type Strings = ConsentToggleMessages & CommonMessages;

/** A save that did not go through, kept until it is retried or dismissed. */
export interface Failure {
  error: StoreError;
  state: ConsentState;
  /** After a conflict where both decided differently: the other person's decision. */
  theirs?: ConsentState;
}

export const capitalise = (text: string, locale: string): string => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

/**
 * The sentences of one consent, in the reader's words: "you" for the person, their name for a
 * professional; who decided, who recorded it and how; what failed. Built once per render.
 */
export class ConsentWording {
  constructor(
    readonly t: Strings,
    readonly locale: string,
    readonly audience: Audience,
    private readonly saved: ConsentDirective,
    private readonly team: CareTeam | undefined,
    /** Calendar dates in the reader's language. */
    readonly day: (iso: string) => string,
    private readonly describeError: (error: StoreError) => string,
  ) {}

  get professional(): boolean {
    return this.audience === 'professional';
  }

  /** The person whose consent it is, as a team member. */
  get subject(): Member | undefined {
    return this.team?.members.find((m) => m.id === this.saved.subjectId);
  }

  /** The person whose consent it is, as professionals read it. */
  get personName(): string {
    return this.subject?.name ?? this.t.thePerson;
  }

  /** "yes" or "no": whether a state lets information flow under the model. */
  choiceWord(model: ConsentModel, state: ConsentState): string {
    return allowsSharing(model, state) ? this.t.yes : this.t.no;
  }

  /**
   * "a, b and c" in the catalogue's words (as Intl.ListFormat writes them, British English). The
   * browser's list formatter costs about 20 ms to make on a page's first use, before the first toggle can show.
   */
  list(items: readonly string[], type: 'conjunction' | 'unit' = 'conjunction'): string {
    if (items.length < 2) return items[0] ?? '';
    return `${items.slice(0, -1).join(', ')}${this.t.listLastJoin[type]}${items[items.length - 1]}`;
  }

  /**
   * What is decided now, since when, and what that means for sharing on `today` (`YYYY-MM-DD`):
   * a yes in an agreement that has ended, or has not begun, shares nothing.
   */
  stateSentence(today: string): string {
    const { saved, t } = this;
    const flows = consentInForce(saved, today);
    const since = saved.since ? this.day(saved.since) : '';
    let sentence: string;
    let effect: string;
    // Only a decision recorded as the person's own is said as theirs; one made for them, or by
    // nobody known, is said as recorded (who decided is in the facts below).
    const own = saved.decidedBy !== undefined && (saved.decidedBy.relation ?? 'self') === 'self';
    if (this.professional) {
      const person = this.personName;
      sentence =
        saved.state === 'not-recorded'
          ? t.person.state['not-recorded'](person)
          : (own ? t.person.state : t.person.stateRecorded)[saved.state](person, since);
      effect =
        saved.state === 'not-recorded'
          ? t.person.effectUnset[saved.model](person)
          : flows
            ? t.person.effectSharing
            : t.person.effectNotSharing;
    } else {
      sentence = saved.state === 'not-recorded' ? t.you.state['not-recorded']() : (own ? t.you.state : t.you.stateRecorded)[saved.state](since);
      effect =
        saved.state === 'not-recorded'
          ? t.you.effectUnset[saved.model]
          : flows
            ? t.you.effectSharing
            : t.you.effectNotSharing;
    }
    return `${capitalise(sentence, this.locale)} ${effect}`;
  }

  deciderSentence(decider: Decider | undefined): string | undefined {
    if (!decider) return undefined;
    const t = this.t;
    const relation = t.relations[decider.relation ?? 'self'];
    const self = (decider.relation ?? 'self') === 'self';
    if (this.professional) {
      return self ? t.person.decidedSelf(decider.name) : t.person.decidedProxy(decider.name, relation, this.personName);
    }
    return self ? t.you.decidedSelf : t.you.decidedProxy(decider.name, relation);
  }

  recordedSentence(entry: Pick<ConsentHistoryEntry, 'recordedBy' | 'method'>): string | undefined {
    if (!entry.recordedBy) return undefined;
    return this.t.recordedBy(entry.recordedBy.name, entry.method ? this.t.methods[entry.method] : undefined);
  }

  /** A member with their role as this audience calls it. */
  memberLabel(member: Member): string {
    const role = roleLabel(member, this.professional);
    return role ? `${member.name}, ${role}` : member.name;
  }

  /** Why a decision was not saved; after both decided differently, both decisions. */
  failureSentence(failure: Failure): string {
    const t = this.t;
    if (failure.theirs) return `${t.bothChanged} ${t.conflictChoice(t.stateNames[failure.theirs], t.stateNames[failure.state])}`;
    return `${t.notSaved(this.choiceWord(this.saved.model, failure.state))} ${this.describeError(failure.error)}`;
  }
}
