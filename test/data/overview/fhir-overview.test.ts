// The coordination overview from a FHIR server: a generated caseload written to Medplum's FHIR R4
// router (an instance of its own in test/server/overview.plugin.mjs, which no other test resets)
// as Patients and Tasks, scoped by a tag of its own; the
// FhirOverviewSource counts the responsibilities nobody owns with standard search and pages them,
// and the element shows that count and names the gaps it cannot count. Against our own minimal
// FHIR double, which refuses `owner:missing`, nothing is counted and the element says so.
import '../../../src/components/coordination-overview/define.js';
import type { CareCoordinationOverview } from '../../../src/components/coordination-overview/coordination-overview.js';
import { FhirOverviewSource } from '../../../src/data/overview/fhir-overview-source.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, fixture, html, settle, waitUntil } from '../../helpers/fixture.js';
import { generateCaseload } from '../../server/overview/caseload.mjs';

const PEOPLE = 40;
const caseload = generateCaseload({ people: PEOPLE });
const tag = `overview-${crypto.randomUUID()}`;
const system = 'https://care-elements.test/caseload';
let base = '';

type Generated = { team: { id: string; serviceUserId: string; members: Array<{ id: string; name: string; status: string }> } };
const records = caseload.records as unknown as Array<Generated & { responsibilities: Array<{ id: string; title: string; status: string; assignments: Array<{ memberId: string; part: string }> }> }>;

async function put(resource: { resourceType: string; id: string }) {
  const response = await fetch(`${base}/${resource.resourceType}/${resource.id}`, { method: 'PUT', headers: { 'Content-Type': 'application/fhir+json' }, body: JSON.stringify({ ...resource, meta: { tag: [{ system, code: tag }] } }) });
  if (!response.ok) throw new Error(`${resource.resourceType}/${resource.id}: ${response.status} ${await response.text()}`);
}

before(async function () {
  this.timeout(120_000);
  base = `${(await (await fetch('/__care-overview-api__')).json()).origin}/fhir/R4`;
  const resources: Array<{ resourceType: string; id: string; [key: string]: unknown }> = [];
  for (const record of records) {
    const person = record.team.members[0];
    const [given, ...family] = person.name.split(' ');
    resources.push({ resourceType: 'Patient', id: `ov-${person.id}`, name: [{ given: [given], family: family.join(' ') }] });
    for (const r of record.responsibilities) {
      const active = new Set(record.team.members.filter((m) => m.status === 'active').map((m) => m.id));
      const accountable = r.assignments.filter((a) => a.part === 'accountable' && active.has(a.memberId));
      resources.push({
        resourceType: 'Task',
        id: `ov-${r.id}`,
        status: 'requested',
        intent: 'plan',
        description: r.title,
        for: { reference: `Patient/ov-${person.id}` },
        ...(accountable[0] ? { owner: { reference: `Practitioner/${accountable[0].memberId}` } } : {}),
      });
    }
  }
  for (let i = 0; i < resources.length; i += 20) await Promise.all(resources.slice(i, i + 20).map(put));
});

const gapButton = (el: CareCoordinationOverview, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.gap')].find((b) => b.querySelector('.gap-label')!.textContent === label)!;

describe('coordination overview from FHIR (Medplum\u2019s router)', () => {
  it('counts responsibilities nobody owns exactly, pages them with the patient, and names what it cannot count', async () => {
    const source = new FhirOverviewSource({ baseUrl: base, scope: { _tag: `${system}|${tag}` } });
    const el = await fixture<CareCoordinationOverview>(html`<care-coordination-overview lang="en" gap="no-owner" page-size="2" .source=${source}></care-coordination-overview>`);
    await waitUntil(() => el.shadowRoot!.querySelector('button.gap'), 'no answer from the FHIR server', { timeout: 20_000 });
    await settle(el);
    const planted = caseload.planted['no-owner'].length;
    expect(planted).to.equal(4);
    expect(gapButton(el, 'Tasks nobody is responsible for').querySelector('.count')!.textContent).to.equal(String(planted));
    for (const label of ['No coordinator', 'Needs information, has no consent', 'No responsibility-group meeting']) expect(gapButton(el, label).disabled, label).to.equal(true);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')];
    expect(rows).to.have.length(2);
    expect(rows[0].querySelector('th')!.textContent).to.equal(records[1].team.members[0].name);
    expect(rows[0].querySelector('td')!.textContent).to.equal('Medisiner');
    expect(el.shadowRoot!.querySelector('.note')!.textContent).to.contain('This server cannot count: No coordinator');
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.paging button')[1].click();
    await waitUntil(() => el.shadowRoot!.querySelector('caption')!.textContent!.includes('Page 2 of 2'), 'the second page never came', { timeout: 20_000 });
    expect(el.shadowRoot!.querySelector('tbody th')!.textContent).to.equal(records[23].team.members[0].name);
    await expectAxeClean(el);
  });

  it('counts nothing when a filter is set, and says so', async () => {
    const source = new FhirOverviewSource({ baseUrl: base, scope: { _tag: `${system}|${tag}` } });
    const el = await fixture<CareCoordinationOverview>(html`<care-coordination-overview lang="en" sector="municipal" .source=${source}></care-coordination-overview>`);
    await waitUntil(() => el.shadowRoot!.querySelector('button.gap'), 'no answer from the FHIR server', { timeout: 20_000 });
    expect([...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.gap')].every((b) => b.disabled)).to.equal(true);
  });

  it('on a server that refuses owner:missing, counts nothing and shows that plainly', async () => {
    const refusing: typeof fetch = async () => new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported' }] }), { status: 400 });
    const el = await fixture<CareCoordinationOverview>(html`<care-coordination-overview lang="en" .source=${new FhirOverviewSource({ baseUrl: 'https://fhir.example/R4', fetch: refusing })}></care-coordination-overview>`);
    await waitUntil(() => el.shadowRoot!.querySelector('button.gap'), 'no answer from the FHIR server', { timeout: 20_000 });
    expect(gapButton(el, 'Tasks nobody is responsible for').textContent).to.contain('Cannot be counted here');
    expect(el.shadowRoot!.querySelector('.state')!.textContent).to.equal('Cannot be counted here');
    expect(el.shadowRoot!.querySelector('.state')!.textContent).to.not.contain('Nothing here');
  });
});

describe('FhirOverviewSource: a server that fails is reported, never read as a gap it cannot count', () => {
  const query = { gap: 'no-owner', months: 6, page: 1, pageSize: 25 } as const;
  const failureOf = async (source: FhirOverviewSource) => {
    try {
      await source.overview(query);
    } catch (error) {
      return error as { kind?: string; status?: number; message: string };
    }
    throw new Error('the overview was answered');
  };

  it('gives up with timeout when the server does not answer in timeoutMs', async () => {
    let asked: AbortSignal | undefined;
    // A server that never answers: the request ends only when its signal is aborted.
    const silent: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        asked = init?.signal ?? undefined;
        asked?.addEventListener('abort', () => reject(asked!.reason));
      });
    const error = await failureOf(new FhirOverviewSource({ baseUrl: 'https://fhir.example/R4', fetch: silent, timeoutMs: 50 }));
    expect(asked, 'the request carries a signal').to.not.equal(undefined);
    expect(error.kind).to.equal('timeout');
    expect(error.message).to.contain('in 50 ms');
  });

  it('shows a busy server (429) as a failure with Try again, not as "Cannot be counted here"', async () => {
    const busy: typeof fetch = async () => new Response('slow down', { status: 429 });
    const error = await failureOf(new FhirOverviewSource({ baseUrl: 'https://fhir.example/R4', fetch: busy }));
    expect(error.kind).to.equal('server');
    expect(error.status).to.equal(429);
    const events: string[] = [];
    const el = await fixture<CareCoordinationOverview>(
      html`<care-coordination-overview lang="en" @care-load-error=${(e: CustomEvent<{ reason: string }>) => events.push(e.detail.reason)} .source=${new FhirOverviewSource({ baseUrl: 'https://fhir.example/R4', fetch: busy })}></care-coordination-overview>`,
    );
    await waitUntil(() => events.length > 0, 'no care-load-error reached the page', { timeout: 20_000 });
    await settle(el);
    expect(events).to.deep.equal(['server']);
    expect(el.shadowRoot!.textContent).to.not.contain('Cannot be counted here');
    expect([...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.include('Try again');
  });

  it('reports an answer that is not JSON as a contract failure', async () => {
    const html5: typeof fetch = async () => new Response('<html>Sign in</html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    const error = await failureOf(new FhirOverviewSource({ baseUrl: 'https://fhir.example/R4', fetch: html5 }));
    expect(error.kind).to.equal('contract');
    expect(error.message).to.contain('not JSON');
  });
});

describe('FhirOverviewSource: pages by the server\u2019s next links', () => {
  // A server that knows no `_offset` (FHIR defines none) and pages by a snapshot token of its own,
  // as HAPI's `_getpages` does: 5 Tasks nobody owns, 2 to a page, each with its Patient included.
  const tasks = Array.from({ length: 5 }, (_, i) => ({ resourceType: 'Task', id: `t${i + 1}`, status: 'requested', intent: 'plan', description: `Task ${i + 1}`, for: { reference: `Patient/p${i + 1}` } }));
  const server = (options: { nextOrigin?: string } = {}) => {
    const asked: string[] = [];
    // Each first page opens a snapshot of its own; `expire()` ends the ones opened so far.
    let snapshots = 0;
    let expiredUpTo = 0;
    const fetcher: typeof fetch = async (input) => {
      const url = new URL(String(input));
      asked.push(url.pathname + url.search);
      if (url.searchParams.get('_summary') === 'count') return Response.json({ resourceType: 'Bundle', type: 'searchset', total: tasks.length });
      if (url.pathname.endsWith('/CareTeam')) return Response.json({ resourceType: 'Bundle', type: 'searchset', entry: [] });
      const token = url.searchParams.get('_getpages');
      if (token && Number(token.slice('snap-'.length)) <= expiredUpTo) return new Response('snapshot expired', { status: 410 });
      const snapshot = token ?? `snap-${++snapshots}`;
      const from = token ? Number(url.searchParams.get('_getpagesoffset')) : 0;
      const shown = tasks.slice(from, from + 2);
      const next = from + 2 < tasks.length ? `${options.nextOrigin ?? url.origin}/R4?_getpages=${snapshot}&_getpagesoffset=${from + 2}&_count=2` : undefined;
      return Response.json({
        resourceType: 'Bundle',
        type: 'searchset',
        total: tasks.length,
        link: [{ relation: 'self', url: url.href }, ...(next ? [{ relation: 'next', url: next }] : [])],
        entry: [
          ...shown.map((resource) => ({ resource, search: { mode: 'match' } })),
          ...shown.map((task) => ({ resource: { resourceType: 'Patient', id: task.for.reference.split('/')[1], name: [{ text: `Person ${task.id}` }] }, search: { mode: 'include' } })),
        ],
      });
    };
    return { fetcher, asked, expire: () => (expiredUpTo = snapshots) };
  };
  const isTaskPage = (path: string) => !path.includes('_summary=count') && !path.startsWith('/R4/CareTeam');
  const pageOf = (source: FhirOverviewSource, page: number) => source.overview({ gap: 'no-owner', months: 6, page, pageSize: 2 });

  it('shows the rows of the page asked for, not page 1 again, and pages on with one request', async () => {
    const { fetcher, asked } = server();
    const source = new FhirOverviewSource({ baseUrl: 'https://fhir.example/R4', fetch: fetcher });
    expect((await pageOf(source, 1)).items.map((row) => row.subject)).to.deep.equal(['Task 1', 'Task 2']);
    const third = await pageOf(source, 3);
    expect(third.items.map((row) => row.subject)).to.deep.equal(['Task 5']);
    expect(third.items[0].name).to.equal('Person t5');
    expect(third.total).to.equal(5);
    asked.length = 0;
    expect((await pageOf(source, 2)).items.map((row) => row.subject)).to.deep.equal(['Task 3', 'Task 4']);
    expect(asked.filter(isTaskPage), 'page 2 from its kept address').to.deep.equal(['/R4?_getpages=snap-1&_getpagesoffset=2&_count=2']);
  });

  it('walks again from page 1 when a kept page address no longer answers', async () => {
    const { fetcher, asked, expire } = server();
    const source = new FhirOverviewSource({ baseUrl: 'https://fhir.example/R4', fetch: fetcher });
    await pageOf(source, 2);
    expire();
    asked.length = 0;
    expect((await pageOf(source, 2)).items.map((row) => row.subject), 'page 2 of a new snapshot, never page 1').to.deep.equal(['Task 3', 'Task 4']);
    expect(asked.filter(isTaskPage)).to.deep.equal([
      '/R4?_getpages=snap-1&_getpagesoffset=2&_count=2',
      '/R4/Task?owner%3Amissing=true&status=draft%2Crequested%2Creceived%2Caccepted%2Cready%2Cin-progress%2Con-hold&_count=2&_include=Task%3Apatient&_sort=_id',
      '/R4?_getpages=snap-2&_getpagesoffset=2&_count=2',
    ]);
  });

  it('does not follow a next link to another server, where the headers would go', async () => {
    const { fetcher, asked } = server({ nextOrigin: 'https://elsewhere.example' });
    const source = new FhirOverviewSource({ baseUrl: 'https://fhir.example/R4', fetch: fetcher, headers: { Authorization: 'Bearer secret' } });
    const error = await pageOf(source, 2).catch((e: unknown) => e as { kind?: string; message: string });
    expect(error).to.have.property('kind', 'contract');
    expect((error as { message: string }).message).to.contain('another server');
    expect(asked.some((path) => path.includes('_getpages'))).to.equal(false);
  });
});

describe('FhirOverviewSource: each row names the person and links to their care team', () => {
  const base = 'https://fhir.example/R4';
  const bundle = (entry: unknown[], total?: number) => Response.json({ resourceType: 'Bundle', type: 'searchset', ...(total === undefined ? {} : { total }), entry: entry.map((resource) => ({ resource })) });
  const tasks = [
    // An absolute reference to this server, as some servers write them.
    { resourceType: 'Task', id: 't1', status: 'requested', intent: 'plan', description: 'Lithium blood tests', for: { reference: `${base}/Patient/ingrid` }, basedOn: [{ reference: 'CarePlan/plan-7' }] },
    { resourceType: 'Task', id: 't2', status: 'requested', intent: 'plan', description: 'Housing benefit', for: { reference: 'Patient/ola/_history/3' } },
    { resourceType: 'Task', id: 't3', status: 'requested', intent: 'plan', description: 'Dog while admitted', for: { reference: 'Patient/nils' } },
  ];
  const patients = [
    { resourceType: 'Patient', id: 'ingrid', name: [{ use: 'maiden', given: ['Ingrid'], family: 'Berg' }, { use: 'official', given: ['Ingrid'], family: 'Solberg' }] },
    { resourceType: 'Patient', id: 'ola', name: [{ text: 'Ola Nordmann' }] },
    { resourceType: 'Patient', id: 'nils', name: [{ text: 'Nils Dahl' }] },
  ];
  const teams = [
    { resourceType: 'CareTeam', id: 'team-old', status: 'inactive', subject: { reference: 'Patient/ingrid' } },
    { resourceType: 'CareTeam', id: 'team-wrong', status: 'entered-in-error', subject: { reference: 'Patient/ingrid' } },
    { resourceType: 'CareTeam', id: 'team-ingrid', status: 'active', subject: { reference: 'Patient/ingrid' } },
    { resourceType: 'CareTeam', id: 'team-ola-new', status: 'proposed', subject: { reference: 'Patient/ola' } },
  ];

  it('finds the included Patient by an absolute or versioned reference, by the name in use, and the person’s active team', async () => {
    const asked: string[] = [];
    const fetcher: typeof fetch = async (input) => {
      const url = new URL(String(input));
      asked.push(decodeURIComponent(url.pathname + url.search));
      if (url.searchParams.get('_summary') === 'count') return bundle([], tasks.length);
      if (url.pathname.endsWith('/CareTeam')) return bundle(teams);
      return bundle([...tasks, ...patients], tasks.length);
    };
    const page = await new FhirOverviewSource({ baseUrl: base, fetch: fetcher }).overview({ gap: 'no-owner', months: 6, page: 1, pageSize: 25 });
    expect(page.items.map(({ personId, name, teamId }) => ({ personId, name, teamId }))).to.deep.equal([
      { personId: 'ingrid', name: 'Ingrid Solberg', teamId: 'team-ingrid' },
      { personId: 'ola', name: 'Ola Nordmann', teamId: 'team-ola-new' },
      // Without a team the server knows, the person's id, as documented.
      { personId: 'nils', name: 'Nils Dahl', teamId: 'nils' },
    ]);
    expect(asked.filter((path) => path.startsWith('/R4/CareTeam')), 'one search for the page').to.deep.equal(['/R4/CareTeam?patient=Patient/ingrid,Patient/ola,Patient/nils&_count=100']);
  });
});
