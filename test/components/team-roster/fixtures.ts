import type { CareTeamInput } from '../../../src/contract/team.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import type { CareTeamRoster } from '../../../src/components/team-roster/team-roster.js';
import { fixture, html, settle } from '../../helpers/fixture.js';

/** A Monday in December 2026: weekday hours are open, Tuesday/Thursday-only hours are closed. */
export const MONDAY = '2026-12-07';

/** A fresh deep copy of the Fjordvik team, as a host would pass it. */
export const fjordvikTeam = (): CareTeamInput => structuredClone(fjordvik.team) as CareTeamInput;

/** The Fjordvik team with changes applied to a copy. */
export const teamWith = (change: (team: CareTeamInput) => void): CareTeamInput => {
  const team = fjordvikTeam();
  change(team);
  return team;
};

export interface RosterOptions {
  team?: CareTeamInput;
  audience?: 'service-user' | 'professional';
  layout?: 'detailed' | 'compact';
  groupBy?: 'sector' | 'organisation' | 'none';
  showEnded?: boolean;
  lang?: string;
  confirmWithinDays?: number;
}

/** A roster in controlled mode with the Fjordvik team on a Monday, settled. */
export const renderRoster = async (options: RosterOptions = {}): Promise<CareTeamRoster> => {
  const el = await fixture<CareTeamRoster>(html`<care-team-roster
    .team=${options.team ?? fjordvikTeam()}
    today=${MONDAY}
    audience=${options.audience ?? 'service-user'}
    layout=${options.layout ?? 'detailed'}
    group-by=${options.groupBy ?? 'sector'}
    ?show-ended=${options.showEnded ?? false}
    lang=${options.lang ?? 'en'}
    .confirmWithinDays=${options.confirmWithinDays}
  ></care-team-roster>`);
  return settle(el);
};

export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;

/** The text a person sees, whitespace collapsed. */
export const textOf = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The member list items, in order. */
export const memberItems = (el: Element): HTMLLIElement[] => [...shadow(el).querySelectorAll<HTMLLIElement>('li.member')];

/** The list item of the member with this name. */
export const memberItem = (el: Element, name: string): HTMLLIElement | undefined =>
  memberItems(el).find((li) => textOf(li.querySelector('button.name')) === name);

/** The name button of a member. */
export const nameButton = (el: Element, name: string): HTMLButtonElement =>
  memberItem(el, name)!.querySelector<HTMLButtonElement>('button.name')!;

/** Every contact link's href inside a node. */
export const hrefsIn = (node: ParentNode | undefined): string[] =>
  [...(node?.querySelectorAll<HTMLAnchorElement>('a.contact-link') ?? [])].map((a) => a.getAttribute('href')!);

/** Group headings, in order. */
export const groupTitles = (el: Element): string[] => [...shadow(el).querySelectorAll('.group-title')].map((h) => textOf(h));
