import '../../../src/components/team-roster/define.js';
import type { CareContactEvent, CareMemberSelectEvent } from '../../../src/components/team-roster/events.js';
import type { CareTeamRoster } from '../../../src/components/team-roster/team-roster.js';
import { CareDataErrorEvent } from '../../../src/components/base/events.js';
import { formatDate } from '../../../src/i18n/format.js';
import { fallbackCatalogue } from '../../../src/i18n/locale.js';
import { expect, fixture, html, oneEvent, settle, waitUntil } from '../../helpers/fixture.js';
import { deepActiveElement, press, type } from '../../helpers/keys.js';
import {
  fjordvikTeam,
  groupTitles,
  hrefsIn,
  memberItem,
  memberItems,
  nameButton,
  renderRoster,
  shadow,
  teamWith,
  textOf,
} from './fixtures.js';

/** A calendar date as the roster shows it in English (the shared formatter decides the style). */
const day = (isoDate: string) => formatDate(`${isoDate}T12:00:00Z`, { catalogue: fallbackCatalogue, timeZone: 'Europe/Oslo' }, 'long');

describe('<care-team-roster>', () => {
  describe('a team with a care-quality gap is shown with a plain note, never hidden', () => {
    const notes = (el: Element) => [...shadow(el).querySelectorAll('[part~="team-note"]')].map(textOf);
    it('says "No coordinator recorded" (in every language) and still lists everyone', async () => {
      const team = teamWith((t) => t.members.forEach((m) => (m.coordinator = false)));
      const expected = { en: 'No coordinator recorded', nb: 'Ingen koordinator er registrert', nn: 'Ingen koordinator er registrert', da: 'Der er ikke registreret nogen koordinator', sv: 'Ingen koordinator är registrerad' };
      for (const [lang, text] of Object.entries(expected)) {
        const el = await renderRoster({ team, lang });
        await waitUntil(() => notes(el)[0] === text, `${lang}: ${notes(el).join()}`, { timeout: 20_000 });
        expect(memberItems(el).length).to.equal(8);
        expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
      }
    });
    it('says "This team is inactive" for an inactive team; a team with its coordinator has no note', async () => {
      const el = await renderRoster({ team: teamWith((t) => (t.status = 'inactive')) });
      expect(notes(el)).to.deep.equal(['This team is inactive']);
      expect(notes(await renderRoster())).to.deep.equal([]);
    });
  });

  describe('who is on the team', () => {
    it('shows every active member with name, plain role and organisation, and counts them', async () => {
      const el = await renderRoster();
      const names = memberItems(el).map((li) => textOf(li.querySelector('button.name')));
      expect(names).to.have.members([
        'Kari Nilsen',
        'Ingrid Solberg',
        'Lars Haugen',
        'Amina Rahimi',
        'Ola Berg',
        'Sofie Lund',
        'Erik Solberg',
        'Hanne Dahl',
      ]);
      const lars = memberItem(el, 'Lars Haugen')!;
      expect(textOf(lars.querySelector('[part~="role"]'))).to.equal('Your GP (family doctor)');
      expect(textOf(lars.querySelector('.organisation'))).to.equal('Fjordvik Medical Centre');
      expect(textOf(shadow(el).querySelector('[part="summary"]'))).to.contain('8 people');
      expect(textOf(shadow(el).querySelector('[part="summary"]'))).to.contain(`The list was last checked on ${day('2026-09-14')} by Kari Nilsen`);
    });

    it('shows the coordinator first, marked with text and an icon, not colour alone', async () => {
      const el = await renderRoster();
      const first = memberItems(el)[0];
      expect(textOf(first.querySelector('button.name'))).to.equal('Kari Nilsen');
      const badge = first.querySelector('[part~="badge-coordinator"]')!;
      expect(textOf(badge)).to.equal('Coordinator');
      expect(badge.querySelector('svg[aria-hidden="true"]')).to.satisfy(Boolean);
      expect(first.getAttribute('part')).to.contain('member-coordinator');
      expect(memberItems(el).filter((li) => li.querySelector('[part~="badge-coordinator"]'))).to.have.length(1);
    });

    it('shows the coordinator first also when grouped by organisation or not grouped', async () => {
      for (const groupBy of ['organisation', 'none'] as const) {
        const el = await renderRoster({ groupBy });
        expect(textOf(memberItems(el)[0].querySelector('button.name'))).to.equal('Kari Nilsen');
      }
    });

    it('includes the service user as a member of their own team', async () => {
      const el = await renderRoster();
      const ingrid = memberItem(el, 'Ingrid Solberg')!;
      expect(textOf(ingrid)).to.contain('This is you');
      expect(groupTitles(el)).to.include('You');
      const professional = await renderRoster({ audience: 'professional' });
      expect(textOf(memberItem(professional, 'Ingrid Solberg'))).to.contain('Service user');
      expect(groupTitles(professional)).to.include('The person receiving care');
    });

    it('shows next of kin and peer supporters as members with their kind', async () => {
      const el = await renderRoster();
      expect(textOf(memberItem(el, 'Erik Solberg'))).to.contain('Next of kin');
      expect(textOf(memberItem(el, 'Hanne Dahl'))).to.contain('Peer supporter');
      expect(groupTitles(el)).to.include('Family and network');
    });

    it('groups by sector in a stable order, the coordinator’s group first', async () => {
      const el = await renderRoster();
      expect(groupTitles(el)).to.deep.equal([
        'Municipality',
        'You',
        'Hospital and specialist care',
        'GP (family doctor)',
        'Welfare and social services',
        'Voluntary organisations',
        'Family and network',
      ]);
    });

    it('groups by organisation when the host asks', async () => {
      const el = await renderRoster({ groupBy: 'organisation', audience: 'professional' });
      const titles = groupTitles(el);
      expect(titles[0]).to.equal('Fjordvik Municipality – Mental Health Home Care');
      expect(titles).to.include('Fjordvik DPS (district psychiatric centre)');
      expect(titles).to.include('NAV Fjordvik');
      expect(titles).to.include('Family and network');
      const navGroup = [...shadow(el).querySelectorAll('[part="group"]')].find((g) => textOf(g.querySelector('.group-title')) === 'NAV Fjordvik')!;
      expect(textOf(navGroup.querySelector('.group-sector'))).to.equal('Welfare and social services');
    });

    it('shows one plain list when group-by is none', async () => {
      const el = await renderRoster({ groupBy: 'none' });
      expect(shadow(el).querySelectorAll('ul.members')).to.have.length(1);
      expect(groupTitles(el)).to.deep.equal(['Everyone on the team']);
    });
  });

  describe('expected sectors', () => {
    it('shows "none recorded" for an expected sector with nobody active', async () => {
      const team = teamWith((t) => {
        t.members = t.members.filter((m) => m.id !== 'm-lars');
      });
      const el = await renderRoster({ team });
      const gpGroup = [...shadow(el).querySelectorAll('[part="group"]')].find(
        (g) => textOf(g.querySelector('.group-title')) === 'GP (family doctor)',
      )!;
      expect(gpGroup, 'the GP group is still shown').to.satisfy(Boolean);
      const items = gpGroup.querySelectorAll('li');
      expect(items).to.have.length(1);
      expect(textOf(items[0])).to.contain('None recorded');
    });

    it('counts a sector with only ended members as missing', async () => {
      const team = teamWith((t) => {
        t.members = t.members.filter((m) => m.id !== 'm-amina');
      });
      const el = await renderRoster({ team, showEnded: true });
      const specialist = [...shadow(el).querySelectorAll('[part="group"]')].find(
        (g) => textOf(g.querySelector('.group-title')) === 'Hospital and specialist care',
      )!;
      expect(textOf(specialist)).to.contain('Tor Eide');
      expect(textOf(specialist)).to.contain('None recorded');
    });

    it('lists missing sectors in a closing group when grouped by organisation', async () => {
      const team = teamWith((t) => {
        t.members = t.members.filter((m) => m.id !== 'm-lars');
      });
      const el = await renderRoster({ team, groupBy: 'organisation' });
      const titles = groupTitles(el);
      expect(titles[titles.length - 1]).to.equal('Nobody recorded');
      expect(textOf(shadow(el).querySelector('[part="missing"]'))).to.equal('GP (family doctor): none recorded');
    });
  });

  describe('contacts', () => {
    it('links phone, SMS, video, secure message and e-mail with safe schemes', async () => {
      const el = await renderRoster({ audience: 'professional' });
      const kari = hrefsIn(memberItem(el, 'Kari Nilsen'));
      expect(kari).to.deep.equal(['tel:+4755001021', 'sms:+4790010021', 'https://helsenorge.example/messages/kari-nilsen']);
      const lars = hrefsIn(memberItem(el, 'Lars Haugen'));
      expect(lars).to.deep.equal(['tel:+4755002000', 'https://video.fjordvik-legesenter.example/haugen', 'mailto:post@fjordvik-legesenter.example']);
      const video = memberItem(el, 'Lars Haugen')!.querySelector<HTMLAnchorElement>('a[href^="https:"]')!;
      expect(video.target).to.equal('_blank');
      expect(video.rel).to.contain('noopener');
      expect(textOf(video)).to.contain('(opens in a new tab)');
    });

    it('puts the preferred channel first', async () => {
      const el = await renderRoster();
      const amina = hrefsIn(memberItem(el, 'Amina Rahimi'));
      expect(amina[0]).to.equal('https://video.fjordvik-dps.example/rahimi');
      expect(amina[1]).to.equal('tel:+4755003040');
      expect(textOf(memberItem(el, 'Amina Rahimi')!.querySelector('[part="contact"]'))).to.contain('Best way to reach');
    });

    it('names the member in each link for screen readers', async () => {
      const el = await renderRoster();
      const link = memberItem(el, 'Amina Rahimi')!.querySelector('a.contact-link')!;
      expect(textOf(link)).to.equal('Video call (video.fjordvik-dps.example), Amina Rahimi (opens in a new tab)');
    });

    it('shows the host an outside link really opens, as the browser reads it', async () => {
      const team = fjordvikTeam();
      const amina = team.members.find((m) => m.name === 'Amina Rahimi')!;
      // A Cyrillic "і" that looks like "i": the link text shows the encoded host, not a look-alike.
      amina.contacts = [{ channel: 'video', value: 'https://v\u0456deo.fjordvik-dps.example/rahimi', preferred: true }];
      const el = await renderRoster({ team });
      const link = memberItem(el, 'Amina Rahimi')!.querySelector<HTMLAnchorElement>('a.contact-link')!;
      const host = new URL(link.href).host;
      expect(host.startsWith('xn--')).to.equal(true);
      expect(textOf(link.querySelector('.contact-host'))).to.equal(`(${host})`);
    });

    it('hides private contacts from the service user', async () => {
      const el = await renderRoster();
      expect(hrefsIn(memberItem(el, 'Ingrid Solberg'))).to.deep.equal([]);
      expect(hrefsIn(memberItem(el, 'Lars Haugen'))).to.not.include('mailto:post@fjordvik-legesenter.example');
      expect(hrefsIn(shadow(el))).to.not.include('tel:+4791355210');
    });

    it('shows private contacts to professionals only where visibleTo allows', async () => {
      const el = await renderRoster({ audience: 'professional' });
      expect(hrefsIn(memberItem(el, 'Ingrid Solberg'))).to.deep.equal(['sms:+4790011222']);
      expect(hrefsIn(memberItem(el, 'Lars Haugen'))).to.include('mailto:post@fjordvik-legesenter.example');
      // Kari's private mobile is visible to nobody.
      expect(hrefsIn(shadow(el))).to.not.include('tel:+4791355210');
    });

    it('renders hours as today’s span, closed today, and weekday ranges in the team zone', async () => {
      const el = await renderRoster();
      const kari = memberItem(el, 'Kari Nilsen')!.querySelector('[part="contact"]')!;
      expect(textOf(kari.querySelector('.hours.today'))).to.equal('Today 08:00–15:30');
      expect(textOf(kari.querySelector('.hours.weekly'))).to.equal('Mon–Fri 08:00–15:30');
      const hanne = memberItem(el, 'Hanne Dahl')!.querySelector('[part="contact"]')!;
      expect(textOf(hanne.querySelector('.hours.today'))).to.equal('Closed today');
      expect(textOf(hanne.querySelector('.hours.weekly'))).to.equal('Tue, Thu 10:00–18:00');
      const teamLines = [...shadow(el).querySelectorAll('[part="team-contacts"] [part="contact"]')].map((li) => textOf(li));
      expect(teamLines[1]).to.contain('Today all day');
      expect(teamLines[1]).to.contain('Open day and night, every day');
    });

    it('computes "today" in the team’s zone unless time-zone says otherwise', async () => {
      const el = await renderRoster();
      el.removeAttribute('today');
      // 23:30 UTC on Friday is already Saturday in Oslo, still Friday in New York.
      const RealDate = Date;
      const fixed = new RealDate('2026-12-11T23:30:00Z').getTime();
      class FixedDate extends RealDate {
        constructor(...args: unknown[]) {
          if (args.length) super(...(args as [string]));
          else super(fixed);
        }
      }
      window.Date = FixedDate as DateConstructor;
      try {
        el.today = undefined;
        el.team = fjordvikTeam();
        await settle(el);
        const kari = () => textOf(memberItem(el, 'Kari Nilsen')!.querySelector('.hours.today'));
        expect(kari()).to.equal('Closed today');
        el.timeZone = 'America/New_York';
        await settle(el);
        expect(kari()).to.equal('Today 08:00–15:30');
      } finally {
        window.Date = RealDate;
      }
    });

    it('shows the team’s own contacts', async () => {
      const el = await renderRoster();
      expect(hrefsIn(shadow(el).querySelector('[part="team-contacts"]')!)).to.deep.equal(['tel:+4755001000', 'tel:116117']);
    });

    it('never links a value that fails the safety check, even if the contract were bypassed through the store', async () => {
      const { contactHref } = await import('../../../src/components/team-roster/roster-model.js');
      expect(contactHref({ channel: 'video', value: 'javascript:alert(1)' })).to.equal(undefined);
      expect(contactHref({ channel: 'secure-message', value: 'http://insecure.example' })).to.equal(undefined);
      expect(contactHref({ channel: 'email', value: 'a@b.example?bcc=spy@evil.example' })).to.equal(undefined);
      expect(contactHref({ channel: 'phone', value: '+47 55 00 10 21' })).to.equal('tel:+4755001021');
    });
  });

  describe('confirmation', () => {
    it('marks members not confirmed within the host’s period', async () => {
      const el = await renderRoster({ confirmWithinDays: 90 });
      expect(textOf(memberItem(el, 'Amina Rahimi'))).to.contain(`Not confirmed since ${day('2026-04-02')}`);
      expect(textOf(memberItem(el, 'Kari Nilsen'))).to.not.contain('Not confirmed');
      expect(shadow(el).querySelector('[part="notice"]')).to.not.satisfy(Boolean);
    });

    it('marks the whole list when the team was not confirmed within the period', async () => {
      const el = await renderRoster({ confirmWithinDays: 30 });
      expect(textOf(shadow(el).querySelector('[part="notice"]'))).to.equal(`This list has not been checked since ${day('2026-09-14')}.`);
      // Erik has no date of his own, so the team's date counts for him.
      expect(textOf(memberItem(el, 'Erik Solberg'))).to.contain(`Not confirmed since ${day('2026-09-14')}`);
    });

    it('marks nothing without confirm-within-days', async () => {
      const el = await renderRoster();
      expect(shadow(el).querySelectorAll('[part~="badge-warning"]')).to.have.length(0);
    });
  });

  describe('audiences and layouts', () => {
    it('gives professionals role codes, professional labels, periods and confirmations', async () => {
      const el = await renderRoster({ audience: 'professional' });
      const kari = memberItem(el, 'Kari Nilsen')!;
      expect(textOf(kari.querySelector('[part~="role"]'))).to.equal('Care team coordinator (psychiatric nurse) (768821004)');
      expect(textOf(kari.querySelector('.meta'))).to.equal(`Since ${day('2025-02-03')} · Confirmed ${day('2026-09-14')}`);
      expect(textOf(shadow(el).querySelector('[part="title"]'))).to.equal('Ingrid’s care team');
      const erik = memberItem(el, 'Erik Solberg')!;
      expect(textOf(erik.querySelector('[part~="role"]')), 'a colleague reads no second person').to.contain('Brother (next of kin)');
      expect(textOf(erik)).not.to.contain('Your brother');
    });

    it('keeps the service user’s view plain: no codes, periods or confirmation dates', async () => {
      const el = await renderRoster();
      const kari = memberItem(el, 'Kari Nilsen')!;
      expect(textOf(kari)).to.not.contain('768821004');
      expect(kari.querySelector('.meta')).to.not.satisfy(Boolean);
      expect(textOf(shadow(el).querySelector('[part="title"]'))).to.equal('Your care team');
    });

    it('gives service users 44 px targets and professionals at least 24 px', async () => {
      const el = await renderRoster();
      for (const target of shadow(el).querySelectorAll<HTMLElement>('button, a.contact-link, input, select')) {
        expect(target.getBoundingClientRect().height, textOf(target)).to.be.at.least(44);
        expect(target.getBoundingClientRect().width, textOf(target)).to.be.at.least(44);
      }
      const professional = await renderRoster({ audience: 'professional' });
      for (const target of shadow(professional).querySelectorAll<HTMLElement>('button, a.contact-link, input, select')) {
        const box = target.getBoundingClientRect();
        expect(box.height, textOf(target)).to.be.at.least(24);
        expect(box.width, textOf(target)).to.be.at.least(24);
      }
    });

    it('shows only the preferred contact in the compact layout', async () => {
      const el = await renderRoster({ layout: 'compact' });
      expect(hrefsIn(memberItem(el, 'Kari Nilsen'))).to.deep.equal(['tel:+4755001021']);
      expect(memberItem(el, 'Kari Nilsen')!.querySelector('.hours.weekly')).to.not.satisfy(Boolean);
    });
  });

  describe('people who have left', () => {
    it('hides ended members until the toggle shows them, marked as ended', async () => {
      const el = await renderRoster();
      expect(memberItem(el, 'Tor Eide')).to.equal(undefined);
      const toggle = shadow(el).querySelector<HTMLButtonElement>('.toggle-ended')!;
      expect(textOf(toggle)).to.equal('Show people who have left (1)');
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      toggle.click();
      await settle(el);
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      const tor = memberItem(el, 'Tor Eide')!;
      expect(tor.getAttribute('part')).to.contain('member-ended');
      expect(textOf(tor)).to.contain(`Left on ${day('2026-06-30')}`);
      expect(el.showEnded).to.equal(true);
      toggle.click();
      await settle(el);
      expect(memberItem(el, 'Tor Eide')).to.equal(undefined);
    });

    it('shows ended members from the start with show-ended, and leaves them out of the count', async () => {
      const el = await renderRoster({ showEnded: true });
      expect(memberItem(el, 'Tor Eide')).to.satisfy(Boolean);
      expect(textOf(shadow(el).querySelector('[part="summary"]'))).to.contain('8 people');
    });
  });

  describe('filters', () => {
    it('filters by text over names, roles and organisations, ignoring case and accents', async () => {
      const el = await renderRoster();
      const search = shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!;
      search.focus();
      await type('AMINA');
      await settle(el);
      expect(memberItems(el).map((li) => textOf(li.querySelector('button.name')))).to.deep.equal(['Amina Rahimi']);
      expect(textOf(shadow(el).querySelector('[role="status"]'))).to.equal('Found 1 of 8 members');
      expect(el.filter).to.equal('AMINA');

      el.filter = 'nav';
      await settle(el);
      expect(memberItems(el).map((li) => textOf(li.querySelector('button.name')))).to.deep.equal(['Sofie Lund']);
      el.filter = 'fjordvik medical';
      await settle(el);
      expect(memberItems(el).map((li) => textOf(li.querySelector('button.name')))).to.deep.equal(['Lars Haugen']);
    });

    it('finds names with accents from plain letters', async () => {
      const team = teamWith((t) => {
        t.members[6].name = 'Åse Ødegård';
      });
      const el = await renderRoster({ team });
      el.filter = 'ase';
      await settle(el);
      expect(memberItems(el).map((li) => textOf(li.querySelector('button.name')))).to.deep.equal(['Åse Ødegård']);
    });

    it('filters by sector with the select', async () => {
      const el = await renderRoster();
      const select = shadow(el).querySelector<HTMLSelectElement>('select')!;
      expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
        'Everyone',
        'Municipality',
        'Hospital and specialist care',
        'GP (family doctor)',
        'Welfare and social services',
        'Voluntary organisations',
      ]);
      select.value = 'general-practice';
      select.dispatchEvent(new Event('change'));
      await settle(el);
      expect(memberItems(el).map((li) => textOf(li.querySelector('button.name')))).to.deep.equal(['Lars Haugen']);
      expect(el.sectorFilter).to.equal('general-practice');
    });

    it('says when nothing matches and offers to show everyone again', async () => {
      const el = await renderRoster();
      el.filter = 'nobody-by-this-name';
      await settle(el);
      expect(memberItems(el)).to.have.length(0);
      const state = shadow(el).querySelector('[part~="no-matches"]')!;
      expect(textOf(state)).to.contain('No one on the team matches your search.');
      state.querySelector('button')!.click();
      await settle(el);
      expect(memberItems(el)).to.have.length(8);
      expect(el.filter).to.equal('');
    });
  });

  describe('events', () => {
    it('fires care-member-select when a name is chosen', async () => {
      const el = await renderRoster();
      const heard = oneEvent(el, 'care-member-select') as Promise<CareMemberSelectEvent>;
      nameButton(el, 'Lars Haugen').click();
      const event = await heard;
      expect(event.detail.member.id).to.equal('m-lars');
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    });

    it('keeps the dialog closed when the host prevents care-member-select', async () => {
      const el = await renderRoster();
      el.addEventListener('care-member-select', (e) => e.preventDefault(), { once: true });
      nameButton(el, 'Lars Haugen').click();
      await settle(el);
      // The dialog is made only when it first opens (its code loads on first use).
      expect(shadow(el).querySelector('dialog') === null, 'no dialog was made or opened').to.equal(true);
    });

    it('fires care-contact with member and contact, and lets the link open', async () => {
      const el = await renderRoster();
      let event: CareContactEvent | undefined;
      el.addEventListener('care-contact', (e) => (event = e), { once: true });
      let navigationAllowed: boolean | undefined;
      const guard = (e: Event) => {
        navigationAllowed = !e.defaultPrevented;
        e.preventDefault(); // keep the test page from dialling
      };
      document.addEventListener('click', guard, { once: true });
      memberItem(el, 'Kari Nilsen')!.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!.click();
      expect(event!.detail.member!.id).to.equal('m-kari');
      expect(event!.detail.contact.value).to.equal('+47 55 00 10 21');
      expect(event!.detail.href).to.equal('tel:+4755001021');
      expect(navigationAllowed).to.equal(true);
    });

    it('stops the navigation when the host prevents care-contact', async () => {
      const el = await renderRoster();
      el.addEventListener('care-contact', (e) => e.preventDefault(), { once: true });
      let navigationAllowed: boolean | undefined;
      const guard = (e: Event) => {
        navigationAllowed = !e.defaultPrevented;
        e.preventDefault();
      };
      document.addEventListener('click', guard, { once: true });
      memberItem(el, 'Amina Rahimi')!.querySelector<HTMLAnchorElement>('a.contact-link')!.click();
      expect(navigationAllowed).to.equal(false);
    });

    it('fires care-contact for the team’s contacts without a member', async () => {
      const el = await renderRoster();
      const heard = oneEvent(el, 'care-contact') as Promise<CareContactEvent>;
      document.addEventListener('click', (e) => e.preventDefault(), { once: true });
      shadow(el).querySelector<HTMLAnchorElement>('[part="team-contacts"] a')!.click();
      const event = await heard;
      expect(event.detail.member).to.equal(undefined);
      expect(event.detail.href).to.equal('tel:+4755001000');
    });

    it('fires no event when the host sets properties', async () => {
      const seen: string[] = [];
      const el = await renderRoster();
      for (const type of ['care-member-select', 'care-contact', 'care-data-error']) el.addEventListener(type, () => seen.push(type));
      el.audience = 'professional';
      el.showEnded = true;
      el.filter = 'kari';
      el.team = fjordvikTeam();
      await settle(el);
      expect(seen).to.deep.equal([]);
    });
  });

  describe('details dialog (APG modal dialog)', () => {
    it('opens with Enter, moves focus in, closes with Escape and returns focus to the name', async () => {
      const el = await renderRoster({ audience: 'professional' });
      const button = nameButton(el, 'Amina Rahimi');
      expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
      button.focus();
      await press('Enter');
      await settle(el);
      const dialog = shadow(el).querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(textOf(shadow(el).getElementById(dialog.getAttribute('aria-labelledby')!))).to.equal('Amina Rahimi');
      expect(dialog.contains(deepActiveElement())).to.equal(true);
      expect(textOf(dialog)).to.contain('Fjordvik DPS (district psychiatric centre)');
      expect(textOf(dialog)).to.contain('Treatment from psychiatrists and psychologists.');
      expect(textOf(dialog)).to.contain('80584001');

      await press('Escape');
      await settle(el);
      expect(dialog.open).to.equal(false);
      expect(deepActiveElement()).to.equal(nameButton(el, 'Amina Rahimi'));
    });

    it('returns focus to the member’s name after the list was drawn anew behind the open dialog (grouped differently)', async () => {
      const el = await renderRoster({ audience: 'professional' });
      const before = nameButton(el, 'Amina Rahimi');
      before.focus();
      await press('Enter');
      await settle(el);
      el.groupBy = 'organisation';
      await settle(el);
      expect(before.isConnected, 'the name button that opened the dialog is gone').to.equal(false);
      await press('Escape');
      await settle(el);
      const after = nameButton(el, 'Amina Rahimi');
      expect(after).to.not.equal(before);
      expect(deepActiveElement()).to.equal(after);
    });

    it('keeps Tab inside the open dialog and closes with its button', async () => {
      const el = await renderRoster();
      nameButton(el, 'Kari Nilsen').focus();
      await press('Enter');
      await settle(el);
      const dialog = shadow(el).querySelector('dialog')!;
      for (let i = 0; i < 6; i += 1) {
        await press('Tab');
        const active = deepActiveElement();
        // Tab may leave for the browser UI (body) after the last control, never to the page behind.
        if (active && active !== document.body) expect(dialog.contains(active), active.outerHTML.slice(0, 80)).to.equal(true);
      }
      dialog.querySelector<HTMLButtonElement>('button.close')!.focus();
      await press('Enter');
      await settle(el);
      expect(dialog.open).to.equal(false);
      expect(deepActiveElement()).to.equal(nameButton(el, 'Kari Nilsen'));
    });

    it('shows all of a member’s contacts, with the organisation contacts, in the dialog', async () => {
      const el = await renderRoster({ layout: 'compact' });
      nameButton(el, 'Kari Nilsen').click();
      await settle(el);
      const dialog = shadow(el).querySelector('dialog')!;
      expect(hrefsIn(dialog)).to.deep.equal(['tel:+4755001021', 'sms:+4790010021', 'https://helsenorge.example/messages/kari-nilsen']);
    });

    it('fires care-contact from links inside the dialog', async () => {
      const el = await renderRoster();
      nameButton(el, 'Lars Haugen').click();
      await settle(el);
      const heard = oneEvent(el, 'care-contact') as Promise<CareContactEvent>;
      document.addEventListener('click', (e) => e.preventDefault(), { once: true });
      shadow(el).querySelector('dialog')!.querySelector<HTMLAnchorElement>('a[href^="https:"]')!.click();
      expect((await heard).detail.member!.id).to.equal('m-lars');
    });
  });

  describe('list semantics', () => {
    it('puts each group’s members in a list with one item per member, labelled by its heading', async () => {
      const el = await renderRoster();
      const municipal = shadow(el).querySelector('[part="group"]')!;
      const heading = shadow(el).getElementById(municipal.getAttribute('aria-labelledby')!)!;
      expect(heading.localName).to.equal('h3');
      expect(textOf(heading)).to.equal('Municipality');
      const list = municipal.querySelector('ul')!;
      expect(list.getAttribute('role')).to.equal('list');
      expect([...list.children].every((child) => child.localName === 'li')).to.equal(true);
      expect(list.children).to.have.length(2);
    });

    it('uses heading-level for the title and one level below for groups', async () => {
      const el = await renderRoster();
      expect(shadow(el).querySelector('[part="title"]')!.localName).to.equal('h2');
      el.headingLevel = 3;
      await settle(el);
      expect(shadow(el).querySelector('[part="title"]')!.localName).to.equal('h3');
      expect(shadow(el).querySelector('.group-title')!.localName).to.equal('h4');
    });

    it('checks and prepares a large team in tasks of their own, then keeps it on screen while the next one is checked', async () => {
      const large = (extra: number) =>
        teamWith((t) => {
          for (let i = 0; i < extra; i += 1) {
            t.members.push({ id: `extra-${i}`, name: `Helper ${i}`, kind: 'professional', status: 'active', organisationId: 'org-home-care', contacts: [] });
          }
        });
      const el = document.createElement('care-team-roster');
      el.lang = 'en';
      el.team = large(180);
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      holder.append(el);
      await new Promise((resolve) => setTimeout(resolve));
      expect(textOf(shadow(el).querySelector('[role="status"]')), 'loading first').to.equal('Loading…');
      await el.updateComplete;
      expect(memberItems(el)).to.have.length(188);

      el.team = large(181);
      await new Promise((resolve) => setTimeout(resolve));
      expect(memberItems(el).length, 'the previous team stays until the new one is ready').to.equal(188);
      await el.updateComplete;
      expect(memberItems(el)).to.have.length(189);
    });

    it('renders all members of a large team, spread over frames', async () => {
      const team = teamWith((t) => {
        for (let i = 0; i < 192; i += 1) {
          t.members.push({ id: `extra-${i}`, name: `Helper ${i}`, kind: 'professional', status: 'active', organisationId: 'org-home-care', contacts: [] });
        }
      });
      const el = await renderRoster({ team });
      expect(memberItems(el)).to.have.length(200);
    });
  });

  describe('states', () => {
    it('shows the empty state without data and without a store', async () => {
      const el = await fixture<CareTeamRoster>(html`<care-team-roster lang="en"></care-team-roster>`);
      const state = shadow(el).querySelector('[part~="empty"]')!;
      expect(textOf(state)).to.contain('No team members are recorded yet');
      expect(shadow(el).querySelector('[role="status"]'), 'not a loading state').to.not.satisfy(Boolean);
    });

    it('shows what is wrong when the team breaks the contract, and fires care-data-error once', async () => {
      const errors: CareDataErrorEvent[] = [];
      const team = teamWith((t) => {
        (t.members[1] as { status: string }).status = 'retired';
        t.members[2].contacts = [{ channel: 'video', value: 'javascript:alert(1)' }];
      });
      const el = document.createElement('care-team-roster');
      el.addEventListener(CareDataErrorEvent.eventName, (e) => errors.push(e as CareDataErrorEvent));
      el.lang = 'en';
      el.team = team;
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const warned: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warned.push(args.join(' '));
      holder.append(el);
      await settle(el);
      console.warn = warn;
      const alert = shadow(el).querySelector('[role="alert"]')!;
      // The person reads plain words; contract paths are for developers (event, console) and folded for professionals.
      expect(textOf(alert)).to.contain('This information cannot be shown');
      expect(textOf(alert)).to.contain('Some of this information is missing or in a form this page cannot read');
      expect(textOf(alert)).not.to.contain('members[');
      expect(alert.querySelector('code, details')).to.equal(null);
      expect(warned.join('\n')).to.contain('members[1].status');
      expect(errors[0].detail.issues.map((i) => i.path)).to.include.members(['members[1].status', 'members[2].contacts[0].value']);
      expect(shadow(el).querySelector('a[href^="javascript"]')).to.not.satisfy(Boolean);
      el.audience = 'professional';
      await settle(el);
      const details = shadow(el).querySelector<HTMLDetailsElement>('[role="alert"] details')!;
      expect(details.open).to.equal(false);
      expect(textOf(details)).to.contain('members[1].status');
      expect(textOf(details)).to.contain('members[2].contacts[0].value');
      expect(errors).to.have.length(1);
      expect(errors[0].detail.entity).to.equal('team');
    });

    it('recovers when the host gives valid data after invalid data', async () => {
      const el = await renderRoster({ team: teamWith((t) => (t.serviceUserId = 'nobody')) });
      expect(shadow(el).querySelector('[role="alert"]')).to.satisfy(Boolean);
      el.team = fjordvikTeam();
      await settle(el);
      expect(shadow(el).querySelector('[role="alert"]')).to.not.satisfy(Boolean);
      expect(memberItems(el)).to.have.length(8);
    });
  });

  describe('hostile data', () => {
    it('renders markup in names as text and creates no element from it', async () => {
      const team = teamWith((t) => {
        t.members[6].name = '<img src=x onerror="window.__rosterXss=1">Erik';
        t.organisations![0].name = '<b>bold</b> org';
      });
      const el = await renderRoster({ team });
      expect(shadow(el).querySelector('img')).to.not.satisfy(Boolean);
      expect(shadow(el).querySelector('b')).to.not.satisfy(Boolean);
      expect(textOf(shadow(el))).to.contain('<img src=x onerror="window.__rosterXss=1">Erik');
      expect((window as unknown as { __rosterXss?: number }).__rosterXss).to.equal(undefined);
    });

    it('shows a 5,000-character note as text in the details without breaking the layout', async () => {
      const note = `${'Long note without breaks '.repeat(150)}${'x'.repeat(1250)}`.slice(0, 5000);
      const team = teamWith((t) => {
        t.members[2].note = note;
      });
      const el = await renderRoster({ team });
      nameButton(el, 'Lars Haugen').click();
      await settle(el);
      const dialog = shadow(el).querySelector('dialog')!;
      const shown = dialog.querySelector('.note')!;
      expect(shown.textContent!.length).to.equal(5000);
      expect(shown.children).to.have.length(0);
      expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth + 1);
    });

    it('isolates right-to-left names with dir="auto"', async () => {
      const rtl = 'مريم الحسيني';
      const team = teamWith((t) => {
        t.members[7].name = rtl;
      });
      const el = await renderRoster({ team });
      const button = [...shadow(el).querySelectorAll('button.name')].find((b) => b.textContent?.trim() === rtl)!;
      expect(button.getAttribute('dir')).to.equal('auto');
    });

    it('keeps emoji and very long words inside the card', async () => {
      const team = teamWith((t) => {
        t.members[7].name = `🧑‍⚕️ ${'Supercalifragilistic'.repeat(12)} 🌈`;
      });
      const el = await renderRoster({ team });
      el.style.width = '320px';
      await settle(el);
      const item = memberItem(el, `🧑‍⚕️ ${'Supercalifragilistic'.repeat(12)} 🌈`)!;
      expect(item.scrollWidth).to.be.at.most(item.clientWidth + 1);
    });
  });

  describe('languages', () => {
    it('switches to Norwegian bokmål', async () => {
      const el = await renderRoster();
      el.lang = 'nb';
      await waitUntil(() => textOf(shadow(el).querySelector('[part="title"]')) === 'Teamet rundt deg', 'Norwegian title', { timeout: 5000 });
      await settle(el);
      expect(groupTitles(el)).to.include('Kommunen');
      expect(textOf(memberItem(el, 'Kari Nilsen'))).to.contain('Koordinator');
      expect(textOf(memberItem(el, 'Kari Nilsen'))).to.contain('I dag 08:00–15:30');
      expect(textOf(shadow(el).querySelector('[part="summary"]'))).to.contain('8 personer');
    });

    for (const [lang, title] of [['nn', 'Teamet rundt deg'], ['da', 'Teamet omkring dig'], ['sv', 'Teamet runt dig']] as const) {
      it(`speaks ${lang} with no missing strings`, async () => {
        const el = await renderRoster({ lang, showEnded: true, confirmWithinDays: 30 });
        await waitUntil(() => textOf(shadow(el).querySelector('[part="title"]')) === title, `${lang} title`, { timeout: 5000 });
        await settle(el);
        expect(textOf(shadow(el))).to.not.match(/undefined|\[object/);
        expect(textOf(shadow(el))).to.not.contain('Show people who have left');
      });
    }

    it('lets the host override any label', async () => {
      const el = await renderRoster();
      el.labels = { title: 'My helpers' };
      await settle(el);
      expect(textOf(shadow(el).querySelector('[part="title"]'))).to.equal('My helpers');
    });
  });

  describe('narrow screens', () => {
    for (const layout of ['detailed', 'compact'] as const) {
      for (const audience of ['service-user', 'professional'] as const) {
        it(`has no horizontal overflow at 320 px (${layout}, ${audience})`, async () => {
          const el = await renderRoster({ layout, audience, showEnded: true, confirmWithinDays: 30 });
          el.style.width = '320px';
          await settle(el);
          expect(el.scrollWidth).to.be.at.most(el.clientWidth);
          const right = el.getBoundingClientRect().right;
          for (const node of shadow(el).querySelectorAll<HTMLElement>('.roster *')) {
            if (node.closest('dialog')) continue;
            expect(node.getBoundingClientRect().right, node.outerHTML.slice(0, 80)).to.be.at.most(right + 1);
          }
        });
      }
    }
  });
});
