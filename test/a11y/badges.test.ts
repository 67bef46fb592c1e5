// Badges and tags are pills on one line and rounded boxes (not lozenges) when their words wrap,
// and a vendor's square theme (`--care-radius-pill: 0`) still makes them square.
import '../../src/components/team-roster/define.js';
import '../../src/components/meeting-scheduler/define.js';
import { renderRoster } from '../components/team-roster/fixtures.js';
import { meetingOf, renderScheduler } from '../components/meeting-scheduler/fixtures.js';
import { expect, settle } from '../helpers/fixture.js';

const badgesOf = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.badge, .tag')];
const radius = (badge: HTMLElement) => parseFloat(getComputedStyle(badge).borderTopLeftRadius);

describe('badges and tags', () => {
  it('keep a radius of about half a line, so a badge that wraps stays a rounded box', async () => {
    const roster = await renderRoster({ audience: 'professional' });
    const scheduler = await renderScheduler({ meeting: meetingOf('mt-series') });
    const badges = [...badgesOf(roster), ...badgesOf(scheduler)];
    expect(badges.length).to.be.greaterThan(3);
    for (const badge of badges) {
      const fontSize = parseFloat(getComputedStyle(badge).fontSize);
      expect(radius(badge), badge.textContent!.trim()).to.be.at.most(fontSize * 0.85 + 0.01);
    }
    // Forced onto two lines, the box is more than twice as tall as its corner radius is large.
    const badge = badgesOf(roster).find((b) => b.textContent!.trim().includes(' '))!;
    badge.style.maxInlineSize = '3em';
    badge.style.whiteSpace = 'normal';
    const height = badge.getBoundingClientRect().height;
    expect(height, 'the badge wraps').to.be.greaterThan(parseFloat(getComputedStyle(badge).lineHeight) * 1.5);
    expect(radius(badge)).to.be.below(height / 3);
  });

  it('follow --care-radius-pill: 0 (square badges)', async () => {
    const roster = await renderRoster();
    roster.style.setProperty('--care-radius-pill', '0');
    await settle(roster);
    const badges = badgesOf(roster);
    expect(badges.length).to.be.greaterThan(0);
    expect(badges.every((b) => radius(b) === 0)).to.equal(true);
  });
});
