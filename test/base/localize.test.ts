import '../../src/components/consent-toggle/define.js';
import '../../src/components/team-roster/define.js';
import { html as litHtml, type TemplateResult } from 'lit';
import { CareElement } from '../../src/components/base/care-element.js';
import { mergeLabels } from '../../src/components/base/localize.js';
import type { CareConsentToggle } from '../../src/components/consent-toggle/consent-toggle.js';
import type { CareTeamRoster } from '../../src/components/team-roster/team-roster.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { roster } from '../../src/i18n/catalogues/en/roster.js';
import { rosterTranslations } from '../../src/i18n/translations.js';
import { formatCalendarDate } from '../../src/i18n/format.js';
import { loadCatalogue } from '../../src/i18n/locale.js';
import { expect, fixture, html, settle } from '../helpers/fixture.js';
import { consentById, deferred } from '../components/consent-toggle/support.js';

/** Shows a few strings, and lets the test read the merged strings the way an element does. */
class LocalizeProbe extends CareElement<'roster'> {
  protected readonly namespace = 'roster' as const;
  protected readonly english = roster;
  protected readonly translations = rosterTranslations;

  get strings() {
    return this.t;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return litHtml`<p id="ended">${t.badges.ended}</p>
      <p id="proposed">${t.badges.proposed}</p>
      <p id="since">${t.period.since('1 May')}</p>
      <p id="loading">${t.loading}</p>`;
  }
}
customElements.define('care-localize-probe', LocalizeProbe);

const text = (el: Element, id: string) => el.shadowRoot!.getElementById(id)!.textContent!.trim();

/** Collects console.warn calls while `work` runs. */
async function warningsDuring(work: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await work();
  } finally {
    console.warn = original;
  }
  return warnings;
}

describe('Localisation controller', () => {
  describe('mergeLabels', () => {
    const base = { title: 'Team', count: (n: number) => `${n} people`, groups: { team: 'The team', family: 'Family' } };

    it('merges nested overrides key by key, keeping the catalogue for the rest', () => {
      const merged = mergeLabels(base, { groups: { team: 'Teamet' } }) as typeof base;
      expect(merged.groups).to.deep.equal({ team: 'Teamet', family: 'Family' });
      expect(merged.title).to.equal('Team');
      expect(base.groups.team, 'the catalogue itself is not changed').to.equal('The team');
    });

    it('uses a string given for a message function as fixed text, with one warning', async () => {
      let merged: typeof base | undefined;
      const warnings = await warningsDuring(async () => {
        merged = mergeLabels(base, { count: 'Mange' }) as typeof base;
        mergeLabels(base, { count: 'Mange' });
      });
      expect(merged!.count(3)).to.equal('Mange');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('"count"');
    });

    it('ignores overrides of the wrong kind, and keys that would reach the object prototype', async () => {
      let merged: typeof base | undefined;
      const warnings = await warningsDuring(async () => {
        merged = mergeLabels(base, JSON.parse('{"title": 5, "groups": "x", "__proto__": {"polluted": "yes"}}')) as typeof base;
      });
      expect(merged!.title).to.equal('Team');
      expect(merged!.groups).to.deep.equal(base.groups);
      expect(({} as { polluted?: string }).polluted).to.equal(undefined);
      expect(Object.getPrototypeOf(merged)).to.equal(Object.prototype);
      expect(warnings.length).to.be.greaterThan(0);
    });

    it('accepts a function for a message function', () => {
      const merged = mergeLabels(base, { count: (n: number) => `${n} personer` }) as typeof base;
      expect(merged.count(2)).to.equal('2 personer');
    });
  });

  describe('in an element', () => {
    it('builds the strings once per language and labels object, not on every read', async () => {
      const el = await fixture<LocalizeProbe>(html`<care-localize-probe></care-localize-probe>`);
      const first = el.strings;
      expect(el.strings, 'the same object on the next read').to.equal(first);
      const other = await fixture<LocalizeProbe>(html`<care-localize-probe></care-localize-probe>`);
      expect(other.strings, 'elements without overrides share one object').to.equal(first);

      el.labels = { title: 'Teamet rundt deg' };
      await settle(el);
      const withLabels = el.strings;
      expect(withLabels).not.to.equal(first);
      expect(withLabels.title).to.equal('Teamet rundt deg');
      expect(el.strings).to.equal(withLabels);

      await loadCatalogue('nb');
      el.lang = 'nb';
      await settle(el);
      expect(el.strings).not.to.equal(withLabels);
      expect(el.strings.title).to.equal('Teamet rundt deg');
      expect(text(el, 'loading')).not.to.equal(roster.badges.ended);
    });

    it('merges nested label overrides over the catalogue (the other nested strings stay)', async () => {
      const el = await fixture<LocalizeProbe>(
        html`<care-localize-probe lang="en" labels='{"badges": {"proposed": "Starts soon"}}'></care-localize-probe>`,
      );
      expect(text(el, 'proposed')).to.equal('Starts soon');
      expect(text(el, 'ended')).to.equal('Has left the team');
    });

    it('a roster given {"badges": {"coordinator": …}} keeps the other badges (docs/embedding.md, section 9)', async () => {
      const el = await fixture<CareTeamRoster>(
        html`<care-team-roster lang="en" audience="professional" .team=${fjordvik.team} labels='{"badges": {"coordinator": "Team coordinator"}}'></care-team-roster>`,
      );
      await settle(el);
      const shown = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
      expect(shown.includes('Team coordinator'), 'the override').to.equal(true);
      expect(shown.includes('Service user'), 'a badge the host did not override').to.equal(true);
    });

    it('loads a language on demand and shows it when it has arrived', async () => {
      const el = await fixture<LocalizeProbe>(html`<care-localize-probe lang="sv"></care-localize-probe>`);
      const swedish = await loadCatalogue('sv');
      await settle(el);
      expect(text(el, 'loading')).to.equal(swedish.common.loading);
    });

    it('a consent toggle given {"saving": "Lagrer"} shows it while saving, without breaking', async () => {
      const host = deferred();
      let el: CareConsentToggle | undefined;
      const warnings = await warningsDuring(async () => {
        el = await fixture<CareConsentToggle>(
          html`<care-consent-toggle lang="en" .directive=${consentById('c-nav')} .team=${fjordvik.team} .actor=${{ id: 'm-ingrid', name: 'Ingrid Solberg' }} labels='{"saving":"Lagrer"}'></care-consent-toggle>`,
        );
        el.addEventListener('care-consent-request', (e) => e.waitUntil(host.promise));
        el.shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')!.click();
        await settle(el);
      });
      expect(el!.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal('Lagrer');
      expect(el!.shadowRoot!.querySelector('[role="switch"]'), 'the toggle is still there').to.exist;
      expect(warnings.filter((w) => w.includes('"saving"'))).to.have.length(1);
      host.resolve();
      await settle(el!);
      expect(el!.value).to.equal('withdrawn');
    });
  });

  describe('calendar dates', () => {
    it('formats a calendar date as the same day in every language style', () => {
      expect(formatCalendarDate('2026-12-08', { intlLocale: 'nb-NO' }, 'short')).to.equal('08.12.2026');
      expect(formatCalendarDate('2026-12-08', { intlLocale: 'en-GB' }, 'long')).to.equal('8 Dec 2026');
      expect(formatCalendarDate('2026-12-08', { intlLocale: 'en-GB' }, 'full')).to.equal('Tuesday 8 December 2026');
    });

    it('a roster on a team clock far east of Greenwich shows the day that was recorded, not the next one', async () => {
      const el = await fixture<CareTeamRoster>(
        html`<care-team-roster lang="en" audience="professional" time-zone="Pacific/Kiritimati" .team=${fjordvik.team}></care-team-roster>`,
      );
      await settle(el);
      const shown = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
      expect(shown.includes('last checked on 14 Sept 2026'), 'the recorded day').to.equal(true);
      expect(shown.includes('15 Sept 2026'), 'never the day after').to.equal(false);
      expect(shown.includes('Since 3 Feb 2025'), 'a member\u2019s start date').to.equal(true);
    });
  });
});
