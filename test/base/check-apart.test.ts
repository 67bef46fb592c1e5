// An input so large that its contract check and the first render with it would block the page
// together is checked in a task of its own, and rendered in the next one.
import * as v from 'valibot';
import { html as litHtml, type TemplateResult } from 'lit';
import { CareElement } from '../../src/components/base/care-element.js';
import { CheckApart } from '../../src/components/base/check-apart.js';
import type { CareDataErrorEvent } from '../../src/components/base/events.js';
import { CareTeam, type CareTeamInput } from '../../src/contract/index.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { roster } from '../../src/i18n/catalogues/en/roster.js';
import { rosterTranslations } from '../../src/i18n/translations.js';
import { expect } from '../helpers/fixture.js';

/** What happened, in order: each contract check of the team and each render (loading or shown). */
const log: string[] = [];
const LoggedTeam = v.pipe(
  v.unknown(),
  v.check(() => (log.push('check'), true)),
  CareTeam,
);

/** Checks its team apart from its first render when `large`, as the scheduler does with busy times. */
class ApartProbe extends CareElement<'roster'> {
  protected readonly namespace = 'roster' as const;
  protected readonly english = roster;
  protected readonly translations = rosterTranslations;
  team?: unknown;
  large = true;
  static override properties = { team: { attribute: false }, large: { type: Boolean } };
  private readonly apart = new CheckApart(this);

  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.apart.pending.length) {
      await Promise.all(this.apart.pending);
      done = (await super.getUpdateComplete()) && done;
    }
    return done;
  }

  protected override render(): TemplateResult {
    const result = this.team !== undefined && this.apart.ready(LoggedTeam, this.team, this.large) ? this.checkInput('CareTeam', LoggedTeam, this.team) : undefined;
    log.push(result ? ('issues' in result ? 'render invalid' : 'render team') : 'render loading');
    if (!result) return this.renderLoading();
    if ('issues' in result) return this.renderDataError(result.issues);
    return litHtml`<p>${this.t.saved}: ${result.value.members.length}</p>`;
  }
}
customElements.define('care-apart-probe', ApartProbe);

const validTeam = (): CareTeamInput => structuredClone(fjordvik.team) as CareTeamInput;
const nextTimer = () => new Promise((resolve) => setTimeout(resolve));
const sameTask = async () => {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
};

describe('CheckApart (a large input)', () => {
  afterEach(() => document.querySelectorAll('care-apart-probe').forEach((el) => el.remove()));

  it('checks in a task of its own and renders the outcome in another, with loading shown first', async () => {
    log.length = 0;
    const el = document.createElement('care-apart-probe') as ApartProbe;
    el.team = validTeam();
    document.body.append(el);
    await sameTask();
    expect(log.join(', '), 'the connecting task renders loading and checks nothing').to.equal('render loading');
    await nextTimer();
    await sameTask();
    expect(log.join(', '), 'the check ran in a later task, without a render').to.equal('render loading, check');
    await el.updateComplete;
    expect(log.join(', '), 'updateComplete waits for the check and the render after it').to.equal('render loading, check, render team');
    expect(el.shadowRoot!.textContent).to.contain('Saved: 9');
    el.requestUpdate();
    await el.updateComplete;
    expect(log.slice(3).join(', '), 'an input checked once is not checked again').to.equal('render team');
  });

  it('reports broken data the same way, once', async () => {
    log.length = 0;
    const team = validTeam();
    (team.members[2] as { kind: string }).kind = 'wizard';
    const events: CareDataErrorEvent[] = [];
    const el = document.createElement('care-apart-probe') as ApartProbe;
    el.team = team;
    el.addEventListener('care-data-error', (e) => events.push(e as CareDataErrorEvent));
    document.body.append(el);
    await el.updateComplete;
    expect(log.join(', ')).to.equal('render loading, check, render invalid');
    expect(events).to.have.length(1);
    expect(events[0].detail.issues[0].path).to.equal('members[2].kind');
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.contain('This information cannot be shown');
  });

  it('checks at once when the input is not large', async () => {
    log.length = 0;
    const el = document.createElement('care-apart-probe') as ApartProbe;
    el.large = false;
    el.team = validTeam();
    document.body.append(el);
    await sameTask();
    expect(log.join(', ')).to.equal('check, render team');
  });
});
