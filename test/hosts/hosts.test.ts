// "Framework-agnostic", shown in real frameworks: the host pages in demo/hosts/ (plain HTML with the
// script-tag bundle; React 19, Vue 3 and Angular 21 apps built by scripts/build-hosts.mjs, which
// import `care-elements/define.js` as a portal would). Each page runs in an iframe. For each host:
// the framework's data reaches the elements as properties (controlled mode), a real key press and a
// real mouse click fire the elements' events, the framework's own state shows them, and the
// directive the framework passes back is the one the element saved. Then axe over the page.
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import type { CareConsentToggle } from '../../src/components/consent-toggle/consent-toggle.js';
import type { CareConsentChangeEvent } from '../../src/components/consent-toggle/events.js';
import type { CareTeamRoster } from '../../src/components/team-roster/team-roster.js';
import { expectAxeClean } from '../helpers/a11y.js';
import { expect, settle, waitUntil } from '../helpers/fixture.js';
import { press } from '../helpers/keys.js';

interface Host {
  name: string;
  label: string;
  /** Files the page needs that only the build produces. */
  built: string[];
}

const HOSTS: Host[] = [
  { name: 'html', label: 'plain HTML (script tag)', built: ['/dist/care-elements.min.js', '/demo/hosts/html/dist/fjordvik.json'] },
  { name: 'react', label: 'React 19', built: ['/demo/hosts/react/dist/app.js'] },
  { name: 'vue', label: 'Vue 3', built: ['/demo/hosts/vue/dist/app.js'] },
  { name: 'angular', label: 'Angular 21', built: ['/demo/hosts/angular/dist/app.js'] },
];

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

interface HostPage {
  frame: HTMLIFrameElement;
  win: Window;
  doc: Document;
  roster: CareTeamRoster;
  toggle: CareConsentToggle;
}

/** Fails with a clear message when the build has not produced what the page needs. */
async function expectBuilt(host: Host): Promise<void> {
  for (const path of host.built) {
    const response = await fetch(path, { method: 'HEAD', cache: 'no-store' });
    if (!response.ok) {
      throw new Error(`${path} is missing (HTTP ${response.status}): run npm run build first (it builds the library and the host pages)`);
    }
  }
}

/** Opens a host page in an iframe and waits until both elements have rendered the framework's data. */
async function openHost(host: Host): Promise<HostPage> {
  await expectBuilt(host);
  const frame = document.createElement('iframe');
  frame.title = `Care Elements in ${host.label}`;
  Object.assign(frame.style, { position: 'fixed', top: '0', left: '0', width: '800px', height: '600px', border: '0' });
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/demo/hosts/${host.name}/index.html`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow!;
  const doc = frame.contentDocument!;
  const errors: string[] = [];
  win.addEventListener('error', (event) => errors.push(String(event.message)));
  await waitUntil(
    () => text(doc.querySelector('care-team-roster')?.shadowRoot).includes('Kari Nilsen'),
    `the ${host.label} host did not render the roster with the framework's team (errors: ${JSON.stringify(errors)})`,
    { timeout: 20_000 },
  );
  await waitUntil(
    () => Boolean(doc.querySelector('care-consent-toggle')?.shadowRoot?.querySelector('[role="switch"]')),
    `the ${host.label} host did not render the consent switch (errors: ${JSON.stringify(errors)})`,
    { timeout: 10_000 },
  );
  const roster = doc.querySelector('care-team-roster') as CareTeamRoster;
  const toggle = doc.querySelector('care-consent-toggle') as CareConsentToggle;
  await settle(roster);
  await settle(toggle);
  return { frame, win, doc, roster, toggle };
}

/**
 * expectAxeClean on an element of the host page. axe only accepts nodes of its own document, so the
 * page gets its own copy of axe-core, which stands in for this page's while the shared helper runs.
 */
async function expectHostAxeClean(page: HostPage, el: Element): Promise<void> {
  const hostWindow = page.win as Window & { axe?: Window['axe'] };
  if (!hostWindow.axe) {
    const script = page.doc.createElement('script');
    const loaded = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve, { once: true });
      script.addEventListener('error', () => reject(new Error('could not load axe-core into the host page')), { once: true });
    });
    script.src = '/node_modules/axe-core/axe.min.js';
    page.doc.head.append(script);
    await loaded;
  }
  const own = window.axe;
  window.axe = hostWindow.axe!;
  try {
    await expectAxeClean(el);
  } finally {
    window.axe = own;
  }
}

const switchOf = (page: HostPage) => page.toggle.shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')!;
const lastChange = (page: HostPage) => text(page.doc.getElementById('last-change'));
const lastMember = (page: HostPage) => text(page.doc.getElementById('last-member'));

for (const host of HOSTS) {
  describe(`host page: ${host.label}`, function () {
    this.timeout(40_000);
    let page: HostPage;

    before(async function () {
      this.timeout(40_000);
      page = await openHost(host);
    });

    after(async () => {
      await resetMouse();
      page?.frame.remove();
    });

    it('passes the team and the directive as properties, not attributes', () => {
      const { roster, toggle } = page;
      expect(roster.hasAttribute('team'), 'no team attribute').to.be.false;
      expect(toggle.hasAttribute('directive'), 'no directive attribute').to.be.false;
      expect(roster.team).to.include({ id: 'team-ingrid' });
      expect(toggle.directive).to.include({ id: 'c-nav', state: 'granted' });
      const names = [...roster.shadowRoot!.querySelectorAll('button.name')].map(text);
      for (const name of ['Kari Nilsen', 'Amina Rahimi', 'Erik Solberg']) {
        expect(names.some((shown) => shown.startsWith(name)), `${name} is shown`).to.be.true;
      }
      expect(text(toggle.shadowRoot)).to.contain('NAV Fjordvik');
      expect(switchOf(page).getAttribute('aria-checked')).to.equal('true');
      expect(lastChange(page)).to.equal('Last consent change: none yet');
      expect(lastMember(page)).to.equal('Last person opened: none yet');
    });

    it('a key press on the switch reaches the framework state, and the framework passes the saved directive back', async () => {
      const saved: CareConsentChangeEvent[] = [];
      page.toggle.addEventListener('care-consent-change', (event) => saved.push(event));
      page.win.focus();
      switchOf(page).focus();
      await press('Space');
      await waitUntil(() => lastChange(page).includes('withdrawn'), `${host.label} state did not update: "${lastChange(page)}"`);
      expect(lastChange(page)).to.equal('Last consent change: NAV Fjordvik: withdrawn');
      await settle(page.toggle);
      expect(saved).to.have.length(1);
      expect(page.toggle.directive, 'the directive the framework gave back').to.equal(saved[0].detail.directive);
      expect(switchOf(page).getAttribute('aria-checked')).to.equal('false');

      // And back in one step: withdrawing and granting are equally easy in every host.
      await press('Enter');
      await waitUntil(() => lastChange(page).endsWith('granted'), `${host.label} state did not update: "${lastChange(page)}"`);
      await settle(page.toggle);
      expect(saved).to.have.length(2);
      expect(page.toggle.directive).to.equal(saved[1].detail.directive);
      expect(page.toggle.directive?.state).to.equal('granted');
      expect(switchOf(page).getAttribute('aria-checked')).to.equal('true');
    });

    it('a mouse click on a member reaches the framework state', async () => {
      const button = [...page.roster.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.name')].find((b) =>
        text(b).startsWith('Amina Rahimi'),
      )!;
      button.scrollIntoView({ block: 'center' });
      await settle(page.roster);
      const inner = button.getBoundingClientRect();
      const outer = page.frame.getBoundingClientRect();
      await sendMouse({
        type: 'click',
        position: [Math.round(outer.left + inner.left + inner.width / 2), Math.round(outer.top + inner.top + inner.height / 2)],
      });
      await waitUntil(() => lastMember(page).includes('Amina'), `${host.label} state did not update: "${lastMember(page)}"`);
      expect(lastMember(page)).to.equal('Last person opened: Amina Rahimi');
      // The event was not cancelled, so the element's own details dialog opened; Escape closes it.
      // The dialog is made when it first opens (its code loads on first use).
      await waitUntil(() => page.roster.shadowRoot!.querySelector('dialog')?.open, 'the details dialog did not open');
      const dialog = page.roster.shadowRoot!.querySelector('dialog')!;
      await press('Escape');
      await waitUntil(() => !dialog.open, 'the details dialog did not close');
    });

    it('the page and its elements are axe clean', async () => {
      await settle(page.roster);
      await settle(page.toggle);
      await expectHostAxeClean(page, page.doc.querySelector('main')!);
    });
  });
}
