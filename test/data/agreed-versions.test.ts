import { expect } from '@open-wc/testing';
import { withAgreement, withAnswer, withProposal } from '../../src/components/crisis-plan/plan-draft.js';
import { confirmsCurrent } from '../../src/components/meeting-outcomes/outcome-model.js';
import type { CrisisPlan } from '../../src/contract/crisis-plan.js';
import type { MeetingOutcome } from '../../src/contract/meeting-outcome.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { mergeEntity } from '../../src/data/merge.js';
import { MemorySource } from '../../src/data/memory-source.js';
import { CareStore } from '../../src/data/store.js';

const ingrid = { id: 'm-ingrid', name: 'Ingrid Solberg' };
const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
const agreesNow = (plan: CrisisPlan, memberId: string) => plan.agreedBy.some((a) => a.memberId === memberId && a.version === plan.version);

describe('A version people agreed to is not carried over to a merge with someone else’s change', () => {
  it('crisis plan: Ingrid accepts a proposal while Kari edits the plan; after the merge Ingrid has not agreed to Kari’s words', async () => {
    const source = new MemorySource({ seed: fjordvik });
    const hers = new CareStore(source, 'team-ingrid', ingrid);
    const his = new CareStore(source, 'team-ingrid', kari);
    await Promise.all([hers.load(), his.load()]);
    const plan = hers.snapshot.record!.crisisPlans[0];
    expect(plan.version).to.equal(3);

    // Ingrid accepts Lars's proposal: version 4, which she thereby agrees to.
    const accepted = await hers.save({ entity: 'crisis-plan', action: 'accept-proposal', value: withAnswer(plan, 'pr-1', true, ingrid, '2026-12-05T10:00:00Z') });
    expect(accepted.ok).to.equal(true);
    expect(agreesNow(accepted.ok ? (accepted.value as CrisisPlan) : plan, 'm-ingrid')).to.equal(true);

    // Kari, on version 3, adds a line to what helps: her version 4. It conflicts, and Try again merges both.
    const kariPlan = his.snapshot.record!.crisisPlans[0];
    const edit = { ...kariPlan, ownWords: { ...kariPlan.ownWords, helps: [...kariPlan.ownWords.helps, 'Music in the evening.'] }, version: 4 };
    const first = await his.save({ entity: 'crisis-plan', action: 'edit', value: edit });
    expect(first.ok, 'made on the older version').to.equal(false);
    const again = await his.retry('crisis-plan', plan.id);
    expect(again?.ok).to.equal(true);

    const stored = (await source.load('team-ingrid')).crisisPlans[0];
    expect(stored.ownWords.helps, 'Kari’s words are in').to.include('Music in the evening.');
    expect(stored.stages.find((s) => s.id === 'getting-worse')!.measures.map((m) => m.id), 'and the accepted measure').to.include('mw-4');
    expect(stored.version, 'a version of its own').to.equal(5);
    expect(agreesNow(stored, 'm-ingrid'), 'Ingrid agreed to version 4, which did not have Kari’s words').to.equal(false);
  });

  it('crisis plan draft: Ingrid completes the agreement on version 3 while Kari made version 4; the merge stays a draft', async () => {
    const seeded = fjordvik.crisisPlans![0];
    const draft = { ...structuredClone(seeded), draft: true, agreedBy: seeded.agreedBy!.filter((a) => a.memberId === 'm-kari') };
    const source = new MemorySource({ seed: { ...fjordvik, crisisPlans: [draft, ...fjordvik.crisisPlans!.slice(1)] } });
    const hers = new CareStore(source, 'team-ingrid', ingrid);
    const his = new CareStore(source, 'team-ingrid', kari);
    await Promise.all([hers.load(), his.load()]);
    const plan = hers.snapshot.record!.crisisPlans[0];
    expect([plan.version, plan.draft]).to.deep.equal([3, true]);

    // Kari changes what helps: version 4, still a draft, which Ingrid has not seen.
    const kariPlan = his.snapshot.record!.crisisPlans[0];
    const edit = { ...kariPlan, ownWords: { ...kariPlan.ownWords, helps: [...kariPlan.ownWords.helps, 'Music in the evening.'] }, version: 4 };
    expect((await his.save({ entity: 'crisis-plan', action: 'edit', value: edit })).ok).to.equal(true);

    // Ingrid, on version 3, confirms: on her copy that completes the agreement and ends the draft.
    const confirmed = withAgreement(plan, ingrid, '2026-12-05T10:00:00Z', hers.snapshot.record!.team);
    expect(confirmed.draft, 'on her copy, agreed by both').to.equal(undefined);
    const first = await hers.save({ entity: 'crisis-plan', action: 'agree', value: confirmed });
    expect(first.ok, 'made on the older version').to.equal(false);
    expect((await hers.retry('crisis-plan', plan.id))?.ok).to.equal(true);

    const stored = (await source.load('team-ingrid')).crisisPlans[0];
    expect(stored.version).to.equal(4);
    expect(stored.ownWords.helps).to.include('Music in the evening.');
    expect(agreesNow(stored, 'm-ingrid'), 'Ingrid confirmed version 3, not Kari\u2019s words').to.equal(false);
    expect(stored.draft, 'nobody agreed to version 4: it is still a draft').to.equal(true);
  });

  it('meeting outcome: two edits of a shared outcome from the same version become a new version, which an earlier confirmation does not cover', () => {
    const base = { ...structuredClone(fjordvik.meetingOutcomes![0]), version: 2 } as MeetingOutcome;
    const theirs = {
      ...base,
      version: 3,
      parts: base.parts.map((p, i) => (i === 0 ? { ...p, notes: `${p.notes} Kari added this.` } : p)),
      confirmations: [{ memberId: 'm-lars', name: 'Lars Haugen', at: '2026-12-05T10:00:00Z', version: 3 }],
    };
    const mine = { ...base, version: 3, parts: base.parts.map((p, i) => (i === 1 ? { ...p, notes: `${p.notes} Ola added this.` } : p)) };
    const merged = mergeEntity('meeting-outcome', base, mine, theirs).value as MeetingOutcome;
    expect(merged.parts[0].notes).to.contain('Kari added this.');
    expect(merged.parts[1].notes).to.contain('Ola added this.');
    expect(merged.version).to.equal(4);
    expect(confirmsCurrent(merged.confirmations[0], merged), 'Lars read version 3 without Ola’s notes').to.equal(false);
  });

  it('the person accepting the same proposal on two devices keeps the version she agreed to', () => {
    const base = structuredClone(fjordvik.crisisPlans![0]) as CrisisPlan;
    const onPhone = withAnswer(base, 'pr-1', true, ingrid, '2026-12-05T10:00:00Z');
    const onLaptop = withAnswer(base, 'pr-1', true, ingrid, '2026-12-05T10:00:05Z');
    const merged = mergeEntity('crisis-plan', base, onLaptop, onPhone, 'mine').value as CrisisPlan;
    expect(merged.version).to.equal(4);
    expect(agreesNow(merged, 'm-ingrid')).to.equal(true);
  });

  it('the same change on both sides, or a change on one side only, keeps its version', () => {
    const base = structuredClone(fjordvik.crisisPlans![0]) as CrisisPlan;
    const edit = { ...base, ownWords: { ...base.ownWords, helps: [...base.ownWords.helps, 'Music.'] }, version: 4 };
    expect((mergeEntity('crisis-plan', base, edit, edit).value as CrisisPlan).version).to.equal(4);
    const agreed = { ...base, agreedBy: [...base.agreedBy.filter((a) => a.memberId !== 'm-ola'), { memberId: 'm-ola', name: 'Ola', at: '2026-12-05T10:00:00Z', version: 3 }] };
    expect((mergeEntity('crisis-plan', base, edit, agreed).value as CrisisPlan).version).to.equal(4);
  });

  it('crisis plan: two professionals propose at the same time; both proposals are kept, neither replaces the other', async () => {
    const source = new MemorySource({ seed: fjordvik });
    const lars = { id: 'm-lars', name: 'Lars Haugen', organisationId: 'org-gp' };
    const amina = { id: 'm-amina', name: 'Amina Yusuf', organisationId: 'org-dps' };
    const his = new CareStore(source, 'team-ingrid', lars);
    const hers = new CareStore(source, 'team-ingrid', amina);
    await Promise.all([his.load(), hers.load()]);
    const plan = his.snapshot.record!.crisisPlans[0];
    const fromLars = await his.save({ entity: 'crisis-plan', action: 'propose', value: withProposal(plan, lars, 'getting-worse', 'Lars calls Ingrid on Fridays.', '', '2026-12-05T10:00:00Z') });
    expect(fromLars.ok).to.equal(true);
    const fromAmina = await hers.save({ entity: 'crisis-plan', action: 'propose', value: withProposal(plan, amina, 'crisis', 'Amina keeps a bed free at the DPS.', '', '2026-12-05T10:00:01Z') });
    expect(fromAmina.ok, 'made on the older version').to.equal(false);
    expect(hers.failureOf('crisis-plan', plan.id)!.conflicts, 'two proposals are not the same proposal changed twice').to.deep.equal([]);
    expect((await hers.retry('crisis-plan', plan.id))?.ok).to.equal(true);
    const stored = (await source.load('team-ingrid')).crisisPlans[0];
    expect(stored.proposals.filter((p) => p.status === 'proposed').map((p) => p.measure.text)).to.have.members([
      'Lars sees me within a day if Amina cannot.',
      'Lars calls Ingrid on Fridays.',
      'Amina keeps a bed free at the DPS.',
    ]);
  });
});
