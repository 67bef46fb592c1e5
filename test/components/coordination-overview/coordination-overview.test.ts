import * as v from 'valibot';
import '../../../src/components/coordination-overview/define.js';
import type { CareCoordinationOverview } from '../../../src/components/coordination-overview/coordination-overview.js';
import type { CareOverviewExportEvent, CareOverviewQueryEvent } from '../../../src/components/coordination-overview/events.js';
import type { CareLoadErrorEvent } from '../../../src/components/base/events.js';
import type { OverviewPageInput, OverviewQuery } from '../../../src/contract/overview.js';
import type { OverviewSource } from '../../../src/data/overview/source.js';
import { OverviewPage } from '../../../src/contract/overview.js';
import { loadCatalogue } from '../../../src/i18n/locale.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, fixture, html, oneEvent, settle, waitUntil } from '../../helpers/fixture.js';
import { deepActiveElement, press, tab } from '../../helpers/keys.js';
import { ORGANISATIONS, RULES, generateCaseload, monthsSinceMeeting } from '../../server/overview/caseload.mjs';
import { overviewSession } from '../../server/overview-api.js';

const PEOPLE = 600;
const root = (el: CareCoordinationOverview) => el.shadowRoot!;
const countOf = (el: CareCoordinationOverview, label: string): string | undefined =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button.gap')].find((b) => b.querySelector('.gap-label')!.textContent === label)?.querySelector('.count')?.textContent ?? undefined;
const gapButton = (el: CareCoordinationOverview, label: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button.gap')].find((b) => b.querySelector('.gap-label')!.textContent === label)!;
const rows = (el: CareCoordinationOverview) => [...root(el).querySelectorAll('tbody tr')];
const caption = (el: CareCoordinationOverview) => root(el).querySelector('caption')?.textContent?.trim() ?? '';
const between = (n: number, rule: (i: number) => boolean) => Array.from({ length: n }, (_, i) => i).filter(rule).length;
const ready = (el: CareCoordinationOverview) => waitUntil(() => root(el).querySelector('button.gap, .state.error, .state:not([aria-busy])') && !root(el).querySelector('[aria-busy="true"]'), 'the overview did not load', { timeout: 10_000 });

async function overviewOn(session: Awaited<ReturnType<typeof overviewSession>>, extra = '') {
  const el = await fixture<CareCoordinationOverview>(html`<care-coordination-overview lang="en" src=${session.baseUrl()} page-size="10"></care-coordination-overview>`);
  if (extra) el.setAttribute('person-href', extra);
  await ready(el);
  await settle(el);
  return el;
}

/** A source of our own: answers what `answer` says, and counts the questions. */
function sourceOf(answer: (query: OverviewQuery) => OverviewPageInput): OverviewSource & { asked: OverviewQuery[] } {
  const asked: OverviewQuery[] = [];
  return {
    asked,
    async overview(query) {
      asked.push(query);
      return v.parse(OverviewPage, answer(query));
    },
  };
}

const planted = generateCaseload({ people: PEOPLE });

describe('<care-coordination-overview> on the reference server', () => {
  it('shows every gap with the exact count planted in the generated caseload, from one request', async () => {
    const session = await overviewSession({ people: PEOPLE });
    const el = await overviewOn(session);
    expect(countOf(el, 'No coordinator')).to.equal(String(between(PEOPLE, RULES['no-coordinator'])));
    expect(countOf(el, 'No coordinator')).to.equal(String(planted.planted['no-coordinator'].length));
    expect(countOf(el, 'Tasks nobody is responsible for')).to.equal(String(planted.planted['no-owner'].length));
    expect(countOf(el, 'Tasks with more than one responsible')).to.equal(String(planted.planted['several-owners'].length));
    expect(countOf(el, 'Handovers waiting or disputed')).to.equal(String(planted.planted.handover.length));
    expect(countOf(el, 'Needs information, has no consent')).to.equal(String(planted.planted['consent-missing'].length));
    expect(countOf(el, 'No responsibility-group meeting')).to.equal(String(between(PEOPLE, (i) => RULES['never-met'](i) || monthsSinceMeeting(i) >= 6)));
    expect(countOf(el, 'Plans past their review date')).to.equal(String(planted.planted['review-overdue'].length));
    const requests = await session.requests();
    expect(requests).to.have.length(1);
    expect(requests[0].query).to.deep.equal({ gap: 'no-coordinator', months: '6', page: '1', pageSize: '10' });
    expect(rows(el)).to.have.length(10);
    expect(caption(el)).to.equal(`No coordinator: ${planted.planted['no-coordinator'].length} in all \u2014 Page 1 of 4`);
    await expectAxeClean(el);
  });

  it('pages through a gap one request a page, with the first and last page buttons disabled', async () => {
    const session = await overviewSession({ people: PEOPLE });
    const el = await overviewOn(session);
    const [previous, next] = root(el).querySelectorAll<HTMLButtonElement>('.paging button');
    expect(previous.disabled).to.equal(true);
    const firstPage = rows(el).map((r) => r.textContent);
    next.click();
    await waitUntil(() => caption(el).endsWith('Page 2 of 4'));
    expect(rows(el).map((r) => r.textContent)).to.not.deep.equal(firstPage);
    expect((await session.requests()).map((r) => r.query.page)).to.deep.equal(['1', '2']);
    for (let page = 3; page <= 4; page++) {
      root(el).querySelectorAll<HTMLButtonElement>('.paging button')[1].click();
      await waitUntil(() => caption(el).endsWith(`Page ${page} of 4`));
    }
    await settle(el);
    expect(root(el).querySelectorAll<HTMLButtonElement>('.paging button')[1].disabled).to.equal(true);
    expect(rows(el)).to.have.length(planted.planted['no-coordinator'].length - 30);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain(`Showing 31\u2013${planted.planted['no-coordinator'].length}`);
  });

  it('filters by sector, organisation and coordinator with counts from the server, and tells the host', async () => {
    const session = await overviewSession({ people: PEOPLE });
    const el = await overviewOn(session);
    const [sector, organisation] = root(el).querySelectorAll('select');
    const told = oneEvent(el, 'care-overview-query') as Promise<CareOverviewQueryEvent>;
    sector.value = 'specialist';
    sector.dispatchEvent(new Event('change'));
    expect((await told).detail.query).to.include({ sector: 'specialist', gap: 'no-coordinator', page: 1 });
    const specialist = planted.planted['no-owner'].filter((p) => p.sector === 'specialist').length;
    await waitUntil(() => countOf(el, 'Tasks nobody is responsible for') === String(specialist), `expected ${specialist}`);
    expect(countOf(el, 'No coordinator')).to.equal(String(planted.planted['no-coordinator'].filter((p) => p.sector === 'specialist').length));
    const org = ORGANISATIONS[5];
    const byOrg = root(el).querySelectorAll('select')[1];
    expect(organisation === byOrg, 'the same organisation list').to.equal(true);
    // Names from the data keep their own direction in the list (an option holds text only).
    const named = [...byOrg.options, ...root(el).querySelectorAll('select')[2].options].filter((o) => o.value !== '');
    expect(named.length).to.be.greaterThan(1);
    for (const option of named) expect(option.dir, option.text).to.equal('auto');
    byOrg.value = org.id;
    byOrg.dispatchEvent(new Event('change'));
    await waitUntil(() => (session.requests as () => Promise<unknown[]>) && countOf(el, 'Handovers waiting or disputed') === String(planted.planted.handover.filter((p) => p.organisationId === org.id && p.sector === 'specialist').length));
    const last = (await session.requests()).at(-1)!;
    expect(last.query).to.include({ sector: 'specialist', organisationId: org.id });
    // A coordinator's own list: none of their teams lacks a coordinator.
    el.sector = '';
    el.organisationId = '';
    el.coordinatorId = planted.coordinators[0].id;
    await waitUntil(async () => (await session.requests()).at(-1)!.query.coordinatorId === planted.coordinators[0].id);
    await waitUntil(() => countOf(el, 'No coordinator') === '0');
    expect(root(el).querySelector('.state')!.textContent).to.contain('Nothing here');
    await expectAxeClean(el);
  });

  it('downloads the whole list of a gap as CSV, page by page, with the text of the table', async () => {
    const session = await overviewSession({ people: PEOPLE });
    const el = await overviewOn(session);
    gapButton(el, 'Tasks nobody is responsible for').click();
    await waitUntil(() => caption(el).startsWith('Tasks nobody'));
    const exported = oneEvent(el, 'care-overview-export') as Promise<CareOverviewExportEvent>;
    el.addEventListener('care-overview-export', (event) => event.preventDefault(), { once: true });
    root(el).querySelector<HTMLButtonElement>('[part="export"]')!.click();
    const { detail } = await exported;
    const lines = detail.csv.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines[0]).to.equal('"Person","Reference","What","Coordinator","Organisation"');
    expect(detail.rows).to.equal(planted.planted['no-owner'].length);
    expect(lines).to.have.length(detail.rows + 1);
    expect(lines[1]).to.equal(`"${planted.records[1].team.members[0].name}","p-00002","Medisiner","${planted.records[1].team.members[1].name}","${ORGANISATIONS[1].name}"`);
    expect(detail.filename).to.equal('coordination-gaps-no-owner.csv');
    await waitUntil(() => root(el).querySelector('[role="status"]')!.textContent === `The list is downloaded: ${detail.rows} rows.`);
    const pageSizes = (await session.requests()).slice(2).map((r) => r.query.pageSize);
    expect(pageSizes).to.deep.equal(Array(Math.ceil(detail.rows / 100)).fill('100'));
  });

  it('links each person through the host\u2019s template, percent-encoded, and never to a script', async () => {
    const session = await overviewSession({ people: 60 });
    const el = await overviewOn(session, '/people/{personId}?team={teamId}');
    const link = root(el).querySelector<HTMLAnchorElement>('tbody th a')!;
    expect(link.getAttribute('href')).to.equal('/people/p-00004?team=team-00004');
    const hostile = sourceOf((q) => ({
      counts: [{ gap: 'no-coordinator', count: 1 }],
      gap: q.gap,
      total: 1,
      page: 1,
      pageSize: q.pageSize,
      items: [{ id: 'r1', teamId: 't/../x?y', personId: '../admin#x&y', name: '<img src=x onerror=alert(1)>' }],
    }));
    el.source = hostile;
    await waitUntil(() => root(el).querySelector('tbody th a')?.getAttribute('href') === '/people/..%2Fadmin%23x%26y?team=t%2F..%2Fx%3Fy');
    expect(root(el).querySelector('tbody th')!.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(root(el).querySelector('tbody img')).to.equal(null);
    el.personHref = 'javascript:alert(1)//{personId}';
    await settle(el);
    expect(root(el).querySelector('tbody th a')).to.equal(null);
    el.personHref = 'https://portal.example/p/{personId}';
    await settle(el);
    expect(root(el).querySelector('tbody th a')!.getAttribute('href')).to.equal('https://portal.example/p/..%2Fadmin%23x%26y');
  });

  it('shows a person\u2019s reference where the server gives no names', async () => {
    const session = await overviewSession({ people: 60, names: false });
    const el = await overviewOn(session);
    expect(root(el).querySelector('tbody th')!.textContent).to.equal('Person p-00004');
  });

  it('fires care-load-error and offers Try again when the server fails; the status region was there before the message', async () => {
    const session = await overviewSession({ people: 30 });
    const el = document.createElement('care-coordination-overview');
    el.lang = 'en';
    const failed = oneEvent(el, 'care-load-error') as Promise<CareLoadErrorEvent>;
    el.src = session.baseUrl('error-500');
    document.body.append(el);
    await el.updateComplete;
    const status = root(el).querySelector('[role="status"]')!;
    expect(status.textContent).to.equal('');
    const { detail } = await failed;
    expect(detail).to.include({ reason: 'server', status: 500 });
    await settle(el);
    expect(root(el).querySelector('[role="status"]')).to.equal(status);
    expect(status.textContent).to.contain('The server could not give out the information just now');
    await expectAxeClean(el);
    const again = oneEvent(el, 'care-load-error');
    root(el).querySelector<HTMLButtonElement>('.state.error button')!.click();
    await again;
    expect(await session.requests()).to.have.length(2);
    el.src = session.baseUrl('ok');
    await waitUntil(() => root(el).querySelector('button.gap'), 'the overview did not load after the server recovered');
    expect(root(el).querySelector('.state.error')).to.equal(null);
    el.remove();
  });

  it('sorts failures: sign in, no access, an answer that breaks the contract', async () => {
    const session = await overviewSession({ people: 30 });
    for (const [scenario, reason] of [['unauthorised', 'unauthorised'], ['forbidden', 'forbidden'], ['invalid', 'invalid-body'], ['not-json', 'invalid-body']] as const) {
      const el = document.createElement('care-coordination-overview');
      const failed = oneEvent(el, 'care-load-error') as Promise<CareLoadErrorEvent>;
      el.src = session.baseUrl(scenario);
      document.body.append(el);
      expect((await failed).detail.reason, scenario).to.equal(reason);
      el.remove();
    }
  });

  it('is reached and used by keyboard: Tab to a gap, Enter shows its list', async () => {
    const session = await overviewSession({ people: PEOPLE });
    const el = await overviewOn(session);
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    // Sector, organisation, coordinator, months, then the gaps.
    for (let i = 0; i < 6; i++) await tab();
    expect(deepActiveElement()?.textContent).to.contain('Tasks nobody is responsible for');
    await press('Enter');
    await waitUntil(() => caption(el).startsWith('Tasks nobody'));
    expect(gapButton(el, 'Tasks nobody is responsible for').getAttribute('aria-pressed')).to.equal('true');
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain(`Tasks nobody is responsible for: ${planted.planted['no-owner'].length} found.`);
    before.remove();
  });

  it('speaks Norwegian bokmål', async () => {
    await loadCatalogue('nb');
    const session = await overviewSession({ people: 30 });
    const el = await fixture<CareCoordinationOverview>(html`<care-coordination-overview lang="nb" src=${session.baseUrl()}></care-coordination-overview>`);
    await ready(el);
    await waitUntil(() => root(el).querySelector('#title')!.textContent === 'Hvor samhandlingen svikter');
    expect(gapButton(el, 'Ingen koordinator')).to.not.equal(undefined);
  });
});

describe('<care-coordination-overview> with a source that cannot count every gap', () => {
  it('shows the rest and names the gap it cannot count', async () => {
    const source = sourceOf((q) => ({
      counts: [
        { gap: 'no-coordinator', count: 2 },
        { gap: 'no-owner', count: 0 },
        { gap: 'several-owners', count: 0 },
        { gap: 'handover', count: 0 },
        { gap: 'consent-missing' },
        { gap: 'no-meeting', count: 0 },
        { gap: 'review-overdue', count: 0 },
      ],
      gap: q.gap,
      total: q.gap === 'no-coordinator' ? 2 : 0,
      page: 1,
      pageSize: q.pageSize,
      items: q.gap === 'no-coordinator' ? [{ id: 'a', teamId: 't1', personId: 'p1', name: 'Ola Nordmann' }, { id: 'b', teamId: 't2', personId: 'p2', name: 'Kari Nordmann' }] : [],
    }));
    const el = await fixture<CareCoordinationOverview>(html`<care-coordination-overview lang="en" .source=${source}></care-coordination-overview>`);
    await ready(el);
    const consent = gapButton(el, 'Needs information, has no consent');
    expect(consent.disabled).to.equal(true);
    expect(consent.textContent).to.contain('Cannot be counted here');
    expect(root(el).querySelector('.note')!.textContent).to.equal('This server cannot count: Needs information, has no consent. The other numbers are complete.');
    expect(countOf(el, 'No coordinator')).to.equal('2');
    expect(rows(el)).to.have.length(2);
    await expectAxeClean(el);
  });

  it('writes CSV cells a spreadsheet cannot run as formulas', async () => {
    const names = ['=HYPERLINK("http://evil","x")', '+47 123', '-1+1', '@SUM(A1)', '\tTab', 'Ås "quoted"'];
    const source = sourceOf((q) => ({
      counts: [{ gap: 'no-coordinator', count: names.length }],
      gap: q.gap,
      total: names.length,
      page: 1,
      pageSize: q.pageSize,
      items: names.map((name, i) => ({ id: `r${i}`, teamId: `t${i}`, personId: `p${i}`, name, organisationName: '=cmd|\' /C calc\'!A0' })),
    }));
    const el = await fixture<CareCoordinationOverview>(html`<care-coordination-overview lang="en" .source=${source}></care-coordination-overview>`);
    await ready(el);
    el.addEventListener('care-overview-export', (event) => event.preventDefault(), { once: true });
    const exported = oneEvent(el, 'care-overview-export') as Promise<CareOverviewExportEvent>;
    root(el).querySelector<HTMLButtonElement>('[part="export"]')!.click();
    const lines = (await exported).detail.csv.replace(/^\ufeff/, '').trimEnd().split('\r\n').slice(1);
    const firstCells = ['"\'=HYPERLINK(""http://evil"",""x"")"', '"\'+47 123"', '"\'-1+1"', '"\'@SUM(A1)"', '"\'\tTab"', '"Ås ""quoted"""'];
    expect(lines.map((line, i) => line.startsWith(`${firstCells[i]},"p${i}",`))).to.deep.equal(names.map(() => true));
    expect(lines.every((line) => line.endsWith('"\'=cmd|\' /C calc\'!A0"'))).to.equal(true);
  });

  it('is axe clean while loading and says so without a source', async () => {
    let release: () => void = () => undefined;
    const source: OverviewSource = { overview: () => new Promise((_, reject) => (release = () => reject(new Error('stopped')))) };
    const el = await fixture<CareCoordinationOverview>(html`<care-coordination-overview lang="en" .source=${source}></care-coordination-overview>`);
    expect(root(el).querySelector('[aria-busy="true"]')!.textContent).to.equal('Loading…');
    expect(root(el).querySelector('[role="status"]')).to.not.equal(null);
    await expectAxeClean(el);
    release();
    const bare = await fixture<CareCoordinationOverview>(html`<care-coordination-overview lang="en"></care-coordination-overview>`);
    expect(root(bare).querySelector('.state')!.textContent).to.contain('No server is set up');
    await expectAxeClean(bare);
  });
});
