import { html, nothing, type TemplateResult } from 'lit';
import type { Responsibility } from '../../contract/responsibility.js';
import type { Member } from '../../contract/team.js';
import { RACI_PARTS, type RaciPart } from '../../contract/values.js';
import { icon } from './icons.js';
import { isUnowned, type MatrixFilter } from './model.js';
import { renderMeta, renderRowState, roleOf, type MatrixContext } from './responsibility-view.js';

/**
 * What each person is responsible for, grouped by part: the viewer's own section first, then what
 * nobody owns, then everyone else. Used on narrow screens, and chosen in the toolbar.
 */
export const renderPersonView = (ctx: MatrixContext, filter: MatrixFilter, onClick: (event: Event) => void): TemplateResult => {
  const t = ctx.t;
  const { data, me } = ctx;
  const byMember = new Map<string, Map<RaciPart, Responsibility[]>>();
  const unowned: Responsibility[] = [];
  for (const r of data.visible) {
    const { parts, flags } = data.derivedOf(r);
    if (isUnowned(flags)) unowned.push(r);
    for (const [memberId, part] of parts) {
      let groups = byMember.get(memberId);
      if (!groups) byMember.set(memberId, (groups = new Map()));
      const items = groups.get(part);
      if (items) items.push(r);
      else groups.set(part, [r]);
    }
  }
  let people = data.columns;
  if (me) {
    const mine = people.find((m) => m.id === me);
    people = filter === 'mine' ? (mine ? [mine] : []) : mine ? [mine, ...people.filter((m) => m !== mine)] : people;
  }
  const unownedSection =
    unowned.length && filter !== 'mine'
      ? html`<section class="person unowned" aria-labelledby="person-unowned">
          ${ctx.heading(1, 'person-unowned', 'subheading', html`${icon('warning')} ${t.unowned}`)}
          <ul class="person-items">
            ${unowned.map((r) => renderPersonItem(ctx, r))}
          </ul>
        </section>`
      : nothing;
  const section = (m: Member, i: number) => {
    const groups = byMember.get(m.id);
    const id = `person-${i}`;
    const isMe = m.id === me;
    const role = roleOf(m, ctx.audience);
    return html`<section class="person${isMe ? ' me' : ''}" aria-labelledby=${id}>
      ${ctx.heading(1, id, 'subheading', isMe ? t.mineHeading : m.name)}
      <span class="member-role">${isMe ? m.name : nothing}${isMe && role ? ' · ' : nothing}${role ?? nothing}</span>
      ${m.status === 'ended' ? html`<span class="left-mark">${t.hasLeft}</span>` : nothing}
      ${groups
        ? RACI_PARTS.filter((part) => groups.has(part)).map(
            (part) =>
              html`${ctx.heading(2, undefined, `part-heading ${part}`, html`<span class="letter" aria-hidden="true">${t.partLetters[part]}</span>${t.parts[part]}`)}
                <ul class="person-items">
                  ${groups.get(part)!.map((r) => renderPersonItem(ctx, r))}
                </ul>`,
          )
        : html`<p class="nothing">${t.personNothing}</p>`}
    </section>`;
  };
  const first = people[0]?.id === me ? people[0] : undefined;
  return html`<div class="person-view" part="person-view" @click=${onClick}>
    ${first ? section(first, 0) : nothing} ${unownedSection}
    ${people.map((m, i) => (m === first ? nothing : section(m, i)))}
  </div>`;
};

const renderPersonItem = (ctx: MatrixContext, r: Responsibility) => {
  const t = ctx.t;
  return html`<li>
    <div class="item-head">
      <span class="title">${r.title}</span>
      ${ctx.editable ? html`<button type="button" data-details=${r.id} aria-label=${t.change(r.title)}>${t.edit}</button>` : nothing}
    </div>
    ${renderMeta(ctx, r)} ${r.description ? html`<p class="description">${r.description}</p>` : nothing}
    ${renderRowState(ctx, r, ctx.isPending(r.id), ctx.failureOf(r.id), false)}
  </li>`;
};
