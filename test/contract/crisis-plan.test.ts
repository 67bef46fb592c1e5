import { expect } from '@open-wc/testing';
import { CareRecord, check, CrisisPlan, crisisPlanAccess, crisisPlanFlags, type ContractIssue } from '../../src/contract/index.js';
import { CareStore } from '../../src/data/store.js';
import { MemorySource } from '../../src/data/memory-source.js';
import { HttpSource } from '../../src/data/http-source.js';
import { FhirSource } from '../../src/data/fhir/source.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';

const clone = <T>(value: T): T => structuredClone(value);
const plan = () => clone(fjordvik.crisisPlans[0]);
const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };

const issuesOf = (input: unknown): ContractIssue[] => {
  const result = check(CrisisPlan, input);
  expect(result.ok, 'expected the plan to be refused').to.equal(false);
  return (result as { issues: ContractIssue[] }).issues;
};

describe('CrisisPlan contract', () => {
  it('accepts Ingrid\u2019s plan and keeps the person\u2019s own words and the order of contacts', () => {
    const result = check(CrisisPlan, plan());
    expect(result.ok).to.equal(true);
    const value = (result as { value: CrisisPlan }).value;
    expect(value.ownWords.helps[0]).to.equal('A calm voice and short sentences.');
    expect(value.stages.map((s) => s.id)).to.deep.equal(['early-signs', 'getting-worse', 'crisis']);
    expect(value.stages[2].contacts.map((c) => c.id)).to.deep.equal(['cc-1', 'cc-2', 'cc-3']);
  });

  it('fills empty lists for a plan without content (a source that withholds it)', () => {
    const result = check(CrisisPlan, { id: 'cp-x', version: 1, validFrom: '2026-01-01', nextReview: '2026-06-01', withheld: true });
    expect(result.ok).to.equal(true);
    const value = (result as { value: CrisisPlan }).value;
    expect(value.stages).to.deep.equal([]);
    expect(value.ownWords.helps).to.deep.equal([]);
  });

  it('refuses broken structure with the path and a plain reason', () => {
    const broken = plan() as Record<string, unknown> & ReturnType<typeof plan>;
    broken.nextReview = '2026-01-01';
    (broken.stages[1] as { id: string }).id = 'early-signs';
    (broken.stages[2].contacts[0] as { phone: string }).phone = 'javascript:alert(1)';
    (broken.stages[0].contacts as unknown[]).push({ id: 'ct-9', note: 'nobody' });
    broken.agreedBy[0].version = 4;
    const issues = issuesOf(broken);
    const byPath = new Map(issues.map((i) => [i.path, i.message]));
    expect(byPath.get('nextReview')).to.contain('before the plan is valid from');
    expect(byPath.get('stages[1].id')).to.contain('more than once');
    expect(byPath.get('stages[2].contacts[0].phone')).to.contain('phone number');
    expect(byPath.get('stages[0].contacts[2].memberId')).to.contain('names a member');
    expect(byPath.get('agreedBy[0].version')).to.contain('version 4');
  });

  it('refuses an empty sentence and an unknown stage', () => {
    const broken = plan();
    (broken.ownWords.helps as string[])[1] = '   ';
    (broken.proposals[0] as { stage: string }).stage = 'panic';
    const paths = issuesOf(broken).map((i) => i.path);
    expect(paths).to.include('ownWords.helps[1]');
    expect(paths).to.include('proposals[0].stage');
  });

  it('is part of the care record, and a record without crisis plans gets an empty list', () => {
    const record = check(CareRecord, clone(fjordvik));
    expect(record.ok).to.equal(true);
    expect((record as { value: CareRecord }).value.crisisPlans[0].id).to.equal('cp-ingrid');
    const { crisisPlans: _none, ...without } = clone(fjordvik);
    const older = check(CareRecord, without);
    expect((older as { value: CareRecord }).value.crisisPlans).to.deep.equal([]);
  });
});

describe('crisisPlanFlags', () => {
  const value = () => (check(CrisisPlan, plan()) as { value: CrisisPlan }).value;
  const team = fjordvik.team;
  const ids = fjordvik.responsibilities.map((r) => r.id);

  it('flags open proposals only, for the agreed fixture plan before its review', () => {
    expect(crisisPlanFlags(value(), team, ids, '2026-12-05')).to.deep.equal([{ kind: 'proposals-open', count: 1 }]);
  });

  it('flags a plan past its review date, an unconfirmed new version, and people who are not (or no longer) on the team', () => {
    const p = value();
    p.version = 4;
    p.stages[0].measures[0].memberIds = ['m-tor', 'm-nobody'];
    p.stages[0].measures[0].responsibilityIds = ['r-gone'];
    const kinds = crisisPlanFlags(p, team, ids, '2027-04-01');
    expect(kinds).to.deep.include({ kind: 'review-overdue', nextReview: '2027-03-14' });
    expect(kinds).to.deep.include({ kind: 'not-agreed', by: 'person' });
    expect(kinds).to.deep.include({ kind: 'not-agreed', by: 'coordinator' });
    expect(kinds).to.deep.include({ kind: 'unknown-member', memberIds: ['m-nobody'] });
    expect(kinds).to.deep.include({ kind: 'member-left', memberIds: ['m-tor'] });
    expect(kinds).to.deep.include({ kind: 'unknown-responsibility', responsibilityIds: ['r-gone'] });
  });
});

describe('crisisPlanAccess', () => {
  const team = fjordvik.team;
  const consents = fjordvik.consents;
  const access = (reader?: { id?: string; organisationId?: string }, p: { withheld?: boolean } = {}) =>
    crisisPlanAccess(p, team, consents, reader);

  it('lets the person and the coordinator see all of it', () => {
    expect(access({ id: 'm-ingrid' })).to.deep.equal({ full: true, because: 'own-plan' });
    expect(access(kari)).to.deep.equal({ full: true, because: 'coordinator' });
  });

  it('follows consent for the care plan: the GP and the DPS yes, NAV and home nursing no', () => {
    expect(access({ id: 'm-lars', organisationId: 'org-gp' })).to.deep.equal({ full: true, because: 'consent' });
    expect(access({ id: 'm-amina', organisationId: 'org-dps' }).full).to.equal(true);
    expect(access({ id: 'm-sofie', organisationId: 'org-nav' })).to.deep.equal({ full: false, because: 'no-consent' });
    expect(access({ id: 'm-ola', organisationId: 'org-home-nursing' }).full).to.equal(false);
  });

  it('shows nothing when the GP\u2019s consent is withdrawn, to an unknown reader, or when the source withheld it', () => {
    const withdrawn = consents.map((c) => (c.id === 'c-gp' ? { ...c, state: 'refused' } : c));
    expect(crisisPlanAccess({}, team, withdrawn, { id: 'm-lars', organisationId: 'org-gp' }).full).to.equal(false);
    expect(access(undefined)).to.deep.equal({ full: false, because: 'unknown-reader' });
    expect(access({ id: 'm-ingrid' }, { withheld: true })).to.deep.equal({ full: false, because: 'withheld' });
  });

  it('counts a consent only while it is in force: not after its last day, not before its first', () => {
    const gp = { id: 'm-lars', organisationId: 'org-gp' };
    const dated = (validFrom?: string, validUntil?: string) => consents.map((c) => (c.id === 'c-gp' ? { ...c, validFrom, validUntil } : c));
    expect(crisisPlanAccess({}, team, dated(undefined, '2026-12-06'), gp, '2026-12-07')).to.deep.equal({ full: false, because: 'consent-ended', ended: '2026-12-06' });
    // Only an agreement that reached this reader counts as ended for them.
    expect(crisisPlanAccess({}, team, dated(undefined, '2026-12-06'), { id: 'm-sofie', organisationId: 'org-nav' }, '2026-12-07')).to.deep.equal({ full: false, because: 'no-consent' });
    expect(crisisPlanAccess({}, team, dated(undefined, '2026-12-07'), gp, '2026-12-07')).to.deep.equal({ full: true, because: 'consent' });
    expect(crisisPlanAccess({}, team, dated('2026-12-08'), gp, '2026-12-07')).to.deep.equal({ full: false, because: 'no-consent' });
    expect(crisisPlanAccess({}, team, dated('2026-12-07', '2027-12-07'), gp, '2026-12-07')).to.deep.equal({ full: true, because: 'consent' });
    // Without a day given, the reader's calendar day: an agreement that ended years ago shares nothing.
    expect(crisisPlanAccess({}, team, dated(undefined, '2001-01-01'), gp)).to.deep.equal({ full: false, because: 'consent-ended', ended: '2001-01-01' });
  });

  it('a consent to the team reaches its active members, not whoever reads the page or has left', () => {
    const toTeam = {
      ...consents.find((c) => c.id === 'c-housing')!,
      id: 'c-team-plan',
      categories: ['care-plan' as const],
      model: 'opt-in' as const,
      state: 'granted' as const,
      validFrom: undefined,
      validUntil: undefined,
    };
    const withTeam = [...consents, toTeam];
    // Sofie (NAV) is on the team; NAV's own consent does not cover the care plan.
    expect(crisisPlanAccess({}, team, withTeam, { id: 'm-sofie', organisationId: 'org-nav' }, '2026-12-07')).to.deep.equal({ full: true, because: 'consent' });
    expect(crisisPlanAccess({}, team, consents, { id: 'm-sofie', organisationId: 'org-nav' }, '2026-12-07').full).to.equal(false);
    // Someone from an organisation outside the team, and a member who has left.
    expect(crisisPlanAccess({}, team, withTeam, { id: 'x-visitor', organisationId: 'org-elsewhere' }, '2026-12-07')).to.deep.equal({ full: false, because: 'no-consent' });
    expect(crisisPlanAccess({}, team, withTeam, { organisationId: 'org-elsewhere' }, '2026-12-07')).to.deep.equal({ full: false, because: 'no-consent' });
    expect(team.members.find((m) => m.id === 'm-tor')?.status).to.equal('ended');
    expect(crisisPlanAccess({}, team, withTeam, { id: 'm-tor' }, '2026-12-07')).to.deep.equal({ full: false, because: 'no-consent' });
  });
});

describe('Crisis plans in the store and the sources', () => {
  it('saves a plan through the memory source with a new version and an audit entry', async () => {
    const source = new MemorySource({ seed: clone(fjordvik) });
    const store = new CareStore(source, 'team-ingrid', kari);
    await store.load();
    const current = store.snapshot.record!.crisisPlans[0];
    expect(current.meta?.version).to.equal('1');
    const next = { ...current, nextReview: '2027-04-01' };
    const outcome = await store.save({ entity: 'crisis-plan', action: 'edit', value: next });
    expect(outcome.ok).to.equal(true);
    expect(store.snapshot.record!.crisisPlans[0].meta?.version).to.equal('2');
    expect(store.snapshot.record!.crisisPlans[0].nextReview).to.equal('2027-04-01');
    const entry = store.snapshot.record!.audit.at(-1)!;
    expect([entry.entity, entry.entityId, entry.action, entry.outcome, entry.actor.name]).to.deep.equal(['crisis-plan', 'cp-ingrid', 'edit', 'saved', 'Kari Nilsen']);
    const reloaded = await source.load('team-ingrid');
    expect(reloaded.crisisPlans[0].nextReview).to.equal('2027-04-01');
  });

  it('merges two people\u2019s changes to different fields, and asks where both changed the same one', async () => {
    const source = new MemorySource({ seed: clone(fjordvik) });
    const mine = new CareStore(source, 'team-ingrid', kari);
    const theirs = new CareStore(source, 'team-ingrid', { id: 'm-ingrid', name: 'Ingrid Solberg' });
    await mine.load();
    await theirs.load();
    const base = mine.snapshot.record!.crisisPlans[0];
    const other = structuredClone(base);
    other.ownWords.helps = [...other.ownWords.helps, 'Music with headphones.'];
    expect((await theirs.save({ entity: 'crisis-plan', action: 'edit', value: other })).ok).to.equal(true);
    const changed = { ...structuredClone(base), nextReview: '2027-05-01' };
    const first = await mine.save({ entity: 'crisis-plan', action: 'edit', value: changed });
    expect(first.ok).to.equal(false);
    const second = await mine.retry('crisis-plan', 'cp-ingrid');
    expect(second?.ok).to.equal(true);
    const merged = mine.snapshot.record!.crisisPlans[0];
    expect(merged.nextReview).to.equal('2027-05-01');
    expect(merged.ownWords.helps).to.include('Music with headphones.');

    const a = structuredClone(merged);
    a.stages[0].measures[0].text = 'I go to bed at ten.';
    const b = structuredClone(merged);
    b.stages[0].measures[0].text = 'I go to bed at eleven.';
    await theirs.load();
    expect((await theirs.save({ entity: 'crisis-plan', action: 'edit', value: { ...b, meta: theirs.snapshot.record!.crisisPlans[0].meta } })).ok).to.equal(true);
    await mine.save({ entity: 'crisis-plan', action: 'edit', value: a });
    const failure = mine.failureOf('crisis-plan', 'cp-ingrid');
    expect(failure?.conflicts.map((c) => c.path.join('/'))).to.deep.equal(['stages/early-signs/measures/ms-1/text']);
  });

  it('writes a plan over HTTP to /care-teams/{teamId}/crisis-plans/{id} with If-Match', async () => {
    const requests: Array<{ url: string; method: string; ifMatch: string | null }> = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      requests.push({ url, method: init.method ?? 'GET', ifMatch: headers.get('If-Match') });
      if ((init.method ?? 'GET') === 'GET') return new Response(JSON.stringify(fjordvik), { status: 200, headers: { 'Content-Type': 'application/json' } });
      return new Response(init.body as string, { status: 200, headers: { 'Content-Type': 'application/json', ETag: '"8"' } });
    }) as typeof fetch;
    const source = new HttpSource({ baseUrl: 'https://api.example', fetch: fakeFetch });
    const store = new CareStore(source, 'team-ingrid', kari);
    await store.load();
    const value = { ...store.snapshot.record!.crisisPlans[0], meta: { version: '7' } };
    store.setRecord({ ...store.snapshot.record!, crisisPlans: [value] });
    const outcome = await store.save({ entity: 'crisis-plan', action: 'agree', value });
    expect(outcome.ok).to.equal(true);
    expect(requests.at(-1)).to.deep.equal({ url: 'https://api.example/care-teams/team-ingrid/crisis-plans/cp-ingrid', method: 'PUT', ifMatch: '"7"' });
    expect(store.snapshot.record!.crisisPlans[0].meta?.version).to.equal('8');
  });

  it('the FHIR source writes a crisis plan as a CarePlan of the crisis-plan category and reads the answer back', async () => {
    const sent: Array<{ url: string; method: string; body: Record<string, unknown> }> = [];
    const fetch = (async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      sent.push({ url, method: String(init.method), body });
      return new Response(JSON.stringify({ ...body, meta: { versionId: '2' } }), { status: 200, headers: { 'Content-Type': 'application/fhir+json' } });
    }) as unknown as typeof globalThis.fetch;
    const source = new FhirSource({ baseUrl: 'https://fhir.example/r4', version: 'R4', patient: 'p-1', fetch });
    const value = (check(CrisisPlan, plan()) as { value: CrisisPlan }).value;
    const change = { entity: 'crisis-plan' as const, action: 'edit', value, id: 'change-1', actor: kari, at: '2026-12-05T12:00:00Z', create: false };
    const saved = await source.save(change);
    expect(sent.map((r) => [r.method, r.url])).to.deep.equal([['PUT', `https://fhir.example/r4/CarePlan/${value.id}`]]);
    expect(sent[0].body.resourceType).to.equal('CarePlan');
    expect(JSON.stringify(sent[0].body.category)).to.contain('crisis-plan');
    expect(saved.meta?.version).to.equal('2');
    expect({ ...saved, meta: undefined, fhir: undefined }).to.deep.include({ validFrom: value.validFrom, nextReview: value.nextReview, stages: value.stages, ownWords: value.ownWords });
  });
});
