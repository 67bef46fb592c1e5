import * as v from 'valibot';
import '../../../src/components/meeting-outcomes/define.js';
import type { CareMeetingOutcomes } from '../../../src/components/meeting-outcomes/meeting-outcomes.js';
import type { CareMeetingOutcomeRequestEvent } from '../../../src/components/meeting-outcomes/events.js';
import type { CareResponsibilityRequestEvent } from '../../../src/components/responsibility-matrix/events.js';
import type { CareDataErrorEvent } from '../../../src/components/base/events.js';
import { CareRecord } from '../../../src/contract/record.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../../../src/data/memory-source.js';
import { CareStore } from '../../../src/data/store.js';
import { PartlySavedError, StoreError } from '../../../src/data/types.js';
import type { MeetingOutcome } from '../../../src/contract/meeting-outcome.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, fixture, fixtureCleanup, html, settle, waitUntil } from '../../helpers/fixture.js';
import { deepActiveElement, press, tab, type } from '../../helpers/keys.js';
import { storeHost, textOf } from '../consent-toggle/support.js';

const record = () => v.parse(CareRecord, structuredClone(fjordvik));
const people = {
  ingrid: { id: 'm-ingrid', name: 'Ingrid Solberg' },
  kari: { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' },
  amina: { id: 'm-amina', name: 'Amina Rahimi', organisationId: 'org-dps' },
  lars: { id: 'm-lars', name: 'Lars Haugen', organisationId: 'org-gp' },
  sofie: { id: 'm-sofie', name: 'Sofie Lund', organisationId: 'org-nav' },
};
const AFTER = '2026-11-20T12:00:00Z';

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element) => textOf(root(el).querySelector('article') ?? root(el).firstElementChild);
const button = (el: Element, name: string) => [...root(el).querySelectorAll('button')].find((b) => textOf(b) === name) ?? null;
const status = (el: Element) => textOf(root(el).querySelector('[role="status"]'));
const parts = (el: Element) =>
  [...root(el).querySelectorAll('section.part')].map((s) => ({ title: textOf(s.querySelector('[role="heading"]')), withheld: textOf(s.querySelector('.withheld')) || undefined }));

const mount = async (options: { actor?: object; now?: string; lang?: string; outcome?: unknown; meetingId?: string; consents?: unknown; audience?: string } = {}) => {
  const r = record();
  const meeting = r.meetings.find((m) => m.id === (options.meetingId ?? 'mt-october'));
  const el = await fixture<CareMeetingOutcomes>(html`<care-meeting-outcomes
    .meeting=${meeting}
    .outcome=${'outcome' in options ? options.outcome : r.meetingOutcomes[0]}
    .team=${r.team}
    .responsibilities=${r.responsibilities}
    .consents=${options.consents ?? r.consents}
    .actor=${options.actor ?? people.ingrid}
    .now=${options.now ?? AFTER}
    audience=${options.audience ?? 'professional'}
    lang=${options.lang ?? 'en'}
  ></care-meeting-outcomes>`);
  return settle(el);
};

/** An element inside a store on a memory source the test can share. */
const mountConnected = async (source: MemorySource, actor: object, meetingId = 'mt-october') => {
  const store = new CareStore(source, 'team-ingrid', actor as never);
  await store.load();
  const host = storeHost(store);
  const el = document.createElement('care-meeting-outcomes') as CareMeetingOutcomes;
  el.meetingId = meetingId;
  el.lang = 'en';
  el.now = AFTER;
  host.append(el);
  await settle(el);
  return { el, store, host };
};

const seed = (change?: (r: ReturnType<typeof record>) => void) => {
  const r = record();
  change?.(r);
  return new MemorySource({ seed: r });
};

afterEach(() => {
  fixtureCleanup();
  document.querySelectorAll('body > div').forEach((node) => node.remove());
});

describe('<care-meeting-outcomes> for participants', () => {
  it('shows the person every part they were invited to, in plain words, with who does what and by when', async () => {
    const el = await mount({ audience: 'service-user' });
    expect(textOf(root(el).querySelector('#title'))).to.equal('What we agreed: Responsibility-group meeting, 27 Oct 2026');
    expect(parts(el).map((p) => p.title)).to.deep.equal(['How has it been since last time?', 'Medicines and blood tests', 'Work, money and housing', 'Did everyone understand the plan?']);
    expect(parts(el).every((p) => p.withheld === undefined)).to.equal(true);
    const all = text(el);
    expect(all).to.contain('We look at the crisis plan again in November.');
    expect(all).to.contain('Go with Ingrid to NAV meetings. Who: Hanne Dahl. By 1 Dec 2026.');
    expect(all).to.contain('Proposed to hand over \u201cGoing with Ingrid to NAV meetings\u201d. The owner accepts it or says why not.');
    // Ingrid has confirmed already.
    expect(button(el, 'I have read this')).to.equal(null);
    expect(textOf(root(el).querySelector('[part="confirmed"]'))).to.match(/^You said you have read this on 29 Oct 2026 18:12\.$/);
    await expectAxeClean(el);
  });

  it('withholds from a professional what they were not invited to, and what no consent covers for their service, and says why', async () => {
    const el = await mount({ actor: people.sofie });
    expect(parts(el)).to.deep.equal([
      {
        title: 'How has it been since last time?',
        withheld: 'Not shown to you Ingrid Solberg has not agreed to share information about mental health with NAV Fjordvik, so this part is not shown to you. Ask Kari Nilsen (coordinator) if you need to know more.',
      },
      {
        title: 'Medicines and blood tests',
        withheld: 'Not shown to you You were not invited to this part of the meeting, so what was agreed is not shown to you. Ask Kari Nilsen (coordinator) if you need to know more.',
      },
      { title: 'Work, money and housing', withheld: undefined },
      {
        title: 'Did everyone understand the plan?',
        withheld: 'Not shown to you Ingrid Solberg has not agreed to share information about the care plan with NAV Fjordvik, so this part is not shown to you. Ask Kari Nilsen (coordinator) if you need to know more.',
      },
    ]);
    const all = text(el);
    expect(all).not.to.contain('slept better');
    expect(all).not.to.contain('lithium');
    expect(all).to.contain('The housing benefit is paid again.');
    // Sofie has not confirmed; she can, and she sees her own question with its answer.
    expect(button(el, 'I have read this')).to.exist;
    expect(all).to.contain('When do we talk about the housing benefit again?');
    expect(all).to.contain('Kari Nilsen answered: In December, in the part about work, money and housing.');
    await expectAxeClean(el);
  });

  it('shows a participant whose consent is withdrawn that the part is withheld, and why', async () => {
    const r = record();
    const consents = r.consents.map((c) => (c.id === 'c-dps' ? { ...c, state: 'withdrawn' as const } : c));
    const el = await mount({ actor: people.amina, consents });
    expect(parts(el)[1].withheld).to.contain('Ingrid Solberg has not agreed to share information about medicines and health with Fjordvik DPS (district psychiatric centre)');
    expect(parts(el)[2].withheld).to.contain('You were not invited to this part');
  });

  it('shows nothing of a draft to a participant', async () => {
    const el = await mount({ actor: people.sofie, outcome: { ...record().meetingOutcomes[0], status: 'draft' } });
    expect(text(el)).to.contain('Nothing from this meeting has been shared with you yet.');
    expect(parts(el)).to.deep.equal([]);
    await expectAxeClean(el);
  });

  it('renders notes, decisions and names as text, never as markup', async () => {
    const outcome = record().meetingOutcomes[0];
    outcome.parts[2].notes = '<img src=x onerror="window.__hacked=1">Bold <b>claim</b>';
    outcome.parts[2].decisions[0].text = '<script>window.__hacked=1</script>';
    const el = await mount({ actor: people.sofie, outcome });
    expect(root(el).querySelector('img, b, script')).to.equal(null);
    expect(text(el)).to.contain('<img src=x onerror="window.__hacked=1">Bold <b>claim</b>');
    expect((window as { __hacked?: number }).__hacked).to.equal(undefined);
  });

  it('names a broken outcome in plain words and fires care-data-error with the path', async () => {
    const broken = { ...record().meetingOutcomes[0], status: 'finished' };
    let detail: CareDataErrorEvent['detail'] | undefined;
    document.addEventListener('care-data-error', (e) => (detail = (e as CareDataErrorEvent).detail), { once: true });
    const el = await mount({ actor: people.sofie, outcome: broken });
    expect(text(el)).to.contain('This information cannot be shown');
    expect(detail?.issues.map((i) => i.path)).to.include('status');
  });

  it('speaks the page language', async () => {
    const el = await mount({ actor: people.sofie, lang: 'nb' });
    await waitUntil(() => textOf(root(el).querySelector('#title')).startsWith('Dette ble vi enige om'));
    expect(text(el)).to.contain('Jeg har lest dette');
    expect(parts(el)[1].withheld).to.contain('Du var ikke invitert til denne delen av møtet');
  });
});

describe('<care-meeting-outcomes> confirming and asking', () => {
  it('a participant confirms by keyboard: the live region was there before, says it was saved, and focus moves to the confirmation', async () => {
    const source = seed();
    const { el, store } = await mountConnected(source, people.sofie);
    const live = root(el).querySelector('[role="status"]');
    expect(live).to.exist;
    const confirm = button(el, 'I have read this')!;
    confirm.focus();
    await press('Enter');
    await waitUntil(() => status(el) === 'Thank you. We have noted that you have read this.');
    expect(root(el).querySelector('[role="status"]')).to.equal(live);
    await settle(el);
    expect(deepActiveElement()).to.equal(root(el).querySelector('[part="confirmed"]'));
    const stored = (await source.load('team-ingrid')).meetingOutcomes[0];
    expect(stored.confirmations.map((c) => c.memberId)).to.deep.equal(['m-ingrid', 'm-amina', 'm-sofie']);
    expect(store.snapshot.record!.audit.at(-1)).to.include({ entity: 'meeting-outcome', action: 'confirm', outcome: 'saved' });
    await expectAxeClean(el);
  });

  it('two participants confirming at the same moment are both kept', async () => {
    const source = seed((r) => (r.meetingOutcomes[0].confirmations = []));
    const a = await mountConnected(source, people.sofie);
    const b = await mountConnected(source, people.ingrid);
    button(a.el, 'I have read this')!.click();
    button(b.el, 'I have read this')!.click();
    await waitUntil(() => status(a.el).startsWith('Thank you') && status(b.el).startsWith('Thank you'));
    const stored = (await source.load('team-ingrid')).meetingOutcomes[0];
    expect(stored.confirmations.map((c) => c.memberId).sort()).to.deep.equal(['m-ingrid', 'm-sofie']);
    expect(root(a.el).querySelector('[part="error"]')).to.equal(null);
    expect(root(b.el).querySelector('[part="error"]')).to.equal(null);
  });

  it('a confirmation of a version the coordinator changed meanwhile is kept, and the reader is told to read it again, not thanked for reading it', async () => {
    const source = seed((r) => (r.meetingOutcomes[0].confirmations = []));
    // Sofie's page does not hear of others' changes (as with an HTTP API) until a save of hers conflicts.
    const quiet = { load: (id: string, signal?: AbortSignal) => source.load(id, signal), save: source.save.bind(source) } as unknown as MemorySource;
    const { el } = await mountConnected(quiet, people.sofie);
    const kari = new CareStore(source, 'team-ingrid', people.kari as never);
    await kari.load();
    const outcome = kari.snapshot.record!.meetingOutcomes[0];
    const changed = { ...outcome, version: 2, parts: outcome.parts.map((p, i) => (i === 0 ? { ...p, notes: `${p.notes} Ingrid starts at the activity centre in January.` } : p)) };
    expect((await kari.save({ entity: 'meeting-outcome', action: 'record', value: changed })).ok).to.equal(true);

    button(el, 'I have read this')!.click();
    await waitUntil(() => root(el).querySelector('[part="confirmed-earlier"]'), 'her confirmation of the earlier version is shown as such');
    await settle(el);
    const stored = (await source.load('team-ingrid')).meetingOutcomes[0];
    expect(stored.confirmations.map((c) => [c.memberId, c.version ?? 1]), 'kept, for the version she read').to.deep.equal([['m-sofie', 1]]);
    expect(status(el), 'not thanked for reading what she has not seen').not.to.equal('Thank you. We have noted that you have read this.');
    expect(status(el)).to.contain('It has changed since then, so please read it again.');
    expect(button(el, 'I have read this'), 'she can confirm the new version').to.not.equal(null);
  });

  it('asks the coordinator a question, and says so when it is empty', async () => {
    const source = seed();
    const { el } = await mountConnected(source, people.sofie);
    const textarea = root(el).querySelector<HTMLTextAreaElement>('#ask-text')!;
    button(el, 'Send question')!.click();
    await settle(el);
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(root(el).querySelector('#ask-problem'))).to.equal('Write your question first.');
    expect(deepActiveElement()).to.equal(textarea);
    await expectAxeClean(el);
    await type('Who writes to NAV about the rent?');
    await settle(el);
    button(el, 'Send question')!.click();
    await waitUntil(() => status(el) === 'Your question has been sent to the coordinator.');
    const stored = (await source.load('team-ingrid')).meetingOutcomes[0];
    expect(stored.questions.at(-1)).to.include({ memberId: 'm-sofie', name: 'Sofie Lund', text: 'Who writes to NAV about the rent?' });
    expect(text(el)).to.contain('Who writes to NAV about the rent? Not answered yet.');
  });

  it('a failed confirmation says so in plain words and Try again saves it', async () => {
    const source = seed();
    const { el } = await mountConnected(source, people.sofie);
    source.failNext('network');
    button(el, 'I have read this')!.click();
    await waitUntil(() => root(el).querySelector('[part="error"]'));
    expect(textOf(root(el).querySelector('[role="alert"]'))).to.equal('Error: Not saved. There is no connection to the server.');
    await expectAxeClean(el);
    button(el, 'Try again')!.click();
    await waitUntil(() => status(el).startsWith('Thank you'));
    expect((await source.load('team-ingrid')).meetingOutcomes[0].confirmations.map((c) => c.memberId)).to.include('m-sofie');
  });
});

describe('<care-meeting-outcomes> for the coordinator', () => {
  it('says outcomes can be written down only after the meeting', async () => {
    const el = await mount({ actor: people.kari, meetingId: 'mt-series', outcome: undefined, now: '2026-12-08T09:00:00Z' });
    expect(text(el)).to.contain('The meeting ends at 8 Dec 2026 11:30. What was agreed can be written down after that.');
    expect(button(el, 'Write down what we agreed')).to.equal(null);
    await expectAxeClean(el);
  });

  it('sees every part, who has read it and the questions', async () => {
    const el = await mount({ actor: people.kari });
    expect(parts(el).every((p) => p.withheld === undefined)).to.equal(true);
    const confirmations = root(el).querySelector('[part="confirmations"]')!;
    expect(textOf(confirmations)).to.contain('2 of 4 participants have read it.');
    expect([...confirmations.querySelectorAll('li')].map(textOf)).to.deep.equal([
      'Ingrid Solberg Has read it (29 Oct 2026 18:12)',
      'Kari Nilsen Not yet',
      'Amina Rahimi Has read it (28 Oct 2026 11:40)',
      'Sofie Lund Not yet',
    ]);
    expect(textOf(root(el).querySelector('[part="questions"]'))).to.contain('From Sofie Lund, 28 Oct 2026 13:05 \u2013 Work, money and housing');
    expect(text(el)).to.contain('Shared with the participants on 28 Oct 2026 09:00.');
    await expectAxeClean(el);
  });

  it('writes down what was agreed by keyboard, shares it, and the task reaches the matrix as a proposal', async () => {
    const el = await mount({ actor: people.kari, outcome: undefined });
    expect(text(el)).to.contain('Nothing has been written down from this meeting yet.');
    const requests: string[] = [];
    let responsibility: CareResponsibilityRequestEvent['detail'] | undefined;
    let shared: CareMeetingOutcomeRequestEvent['detail'] | undefined;
    el.addEventListener('care-responsibility-request', (e) => ((responsibility = e.detail), requests.push(`responsibility:${e.detail.action}`)));
    el.addEventListener('care-meeting-outcome-request', (e) => ((shared = e.detail), requests.push(`outcome:${e.detail.action}`)));
    button(el, 'Write down what we agreed')!.focus();
    await press('Enter');
    await settle(el);
    const heading = root(el).querySelector('[part="edit-form"] [role="heading"]');
    expect(deepActiveElement()).to.equal(heading);
    expect([...root(el).querySelectorAll('[part="edit-part"] > legend')].map(textOf)).to.deep.equal([
      'How has it been since last time?',
      'Medicines and blood tests',
      'Work, money and housing',
      'Did everyone understand the plan?',
    ]);
    await tab();
    expect(deepActiveElement()).to.equal(root(el).querySelector('textarea'));
    await type('Ingrid sleeps better.');
    await expectAxeClean(el);
    // A task in the second part, for Lars, proposed as a new responsibility.
    const second = root(el).querySelectorAll('[part="edit-part"]')[1];
    (second.querySelector('[part="add-action"]') as HTMLButtonElement).click();
    await settle(el);
    const task = second.querySelector('[part="edit-action"]')!;
    (task.querySelector('input[type="text"]') as HTMLInputElement).focus();
    await type('Check the lithium level after the new dose');
    const choose = (select: HTMLSelectElement, value: string) => {
      select.value = value;
      select.dispatchEvent(new Event('change'));
    };
    const [owner, matrix] = task.querySelectorAll('select');
    // Saving an unfinished task is refused with the reason, and focus goes to it.
    button(el, 'Save and share')!.click();
    await settle(el);
    expect(textOf(root(el).querySelector('.field-error'))).to.equal('Task 1 needs what is to be done, who does it and by when.');
    expect(deepActiveElement()).to.equal(root(el).querySelector('.field-error'));
    expect(requests).to.deep.equal([]);
    choose(owner, 'm-lars');
    const due = task.querySelector<HTMLInputElement>('input[type="date"]')!;
    due.value = '2026-12-15';
    due.dispatchEvent(new Event('change'));
    choose(matrix, 'new');
    await settle(el);
    button(el, 'Save and share')!.click();
    await waitUntil(() => status(el) === 'Saved and shared with the participants.');
    expect(requests).to.deep.equal(['outcome:share', 'responsibility:add']);
    expect(responsibility!.responsibility).to.include({ title: 'Check the lithium level after the new dose', status: 'proposed', due: '2026-12-15' });
    expect(responsibility!.responsibility.handover).to.include({ toMemberId: 'm-lars', status: 'proposed', comment: 'Agreed in Responsibility-group meeting on 27 Oct 2026.' });
    expect(shared!.outcome.status).to.equal('shared');
    const action = shared!.outcome.parts[1].actions[0];
    expect(action).to.include({ ownerId: 'm-lars', due: '2026-12-15', effect: 'new-responsibility', responsibilityId: responsibility!.responsibility.id });
    expect(shared!.outcome.parts[0].notes).to.equal('Ingrid sleeps better.');
    expect(text(el)).to.contain('Check the lithium level after the new dose. Who: Lars Haugen. By 15 Dec 2026.');
    expect(deepActiveElement()).to.equal(button(el, 'Change what we agreed'));
    await expectAxeClean(el);
  });

  it('a host that stops the outcome is asked for no responsibility; one that stops only the responsibility hears the outcome is saved without it', async () => {
    const outcome = { ...record().meetingOutcomes[0], status: 'draft' as const, sharedAt: undefined };
    outcome.parts[1].actions.push({ id: 'oa-new', text: 'Write to the GP', ownerId: 'm-amina', due: '2026-11-30', responsibilityId: 'r-letter', effect: 'new-responsibility' });
    const el = await mount({ actor: people.kari, outcome });
    const seen: string[] = [];
    let stopOutcome = true;
    el.addEventListener('care-responsibility-request', (e) => (seen.push('responsibility'), e.preventDefault()));
    el.addEventListener('care-meeting-outcome-request', (e) => (seen.push('outcome'), stopOutcome && e.preventDefault()));
    button(el, 'Share with the participants')!.click();
    await settle(el);
    expect(seen).to.deep.equal(['outcome']);
    expect(text(el)).to.contain('Draft: only you can see this until you share it.');
    // The host saves the outcome but stops the proposal: the outcome is shared, and the page says the task is not in the responsibilities.
    stopOutcome = false;
    button(el, 'Share with the participants')!.click();
    await waitUntil(() => seen.length === 3);
    await settle(el);
    expect(seen).to.deep.equal(['outcome', 'outcome', 'responsibility']);
    expect(status(el)).to.equal('What we agreed is saved, but the task \u201cWrite to the GP\u201d has not reached the responsibilities yet.');
    expect(text(el)).to.contain('Shared with the participants on');
  });

  it('where the coordinator and someone else changed the same notes, asks which to keep; a confirmation made meanwhile is kept', async () => {
    const source = seed();
    const { el } = await mountConnected(source, people.kari);
    const other = new CareStore(source, 'team-ingrid', people.kari);
    const nav = new CareStore(source, 'team-ingrid', people.sofie);
    await other.load();
    await nav.load();
    button(el, 'Change what we agreed')!.click();
    await settle(el);
    const notes = root(el).querySelectorAll('textarea')[2];
    notes.value = 'Ingrid wants Hanne with her at NAV.';
    notes.dispatchEvent(new Event('input'));
    // Meanwhile: Kari in another tab changes the same notes, and Sofie confirms.
    const theirs = structuredClone(other.snapshot.record!.meetingOutcomes[0]);
    theirs.parts[2].notes = 'Hanne goes with Ingrid to NAV from December.';
    expect((await other.save({ entity: 'meeting-outcome', action: 'record', value: theirs })).ok).to.equal(true);
    const withSofie = structuredClone(nav.snapshot.record!.meetingOutcomes[0]);
    await nav.load();
    const latest = nav.snapshot.record!.meetingOutcomes[0];
    expect((await nav.save({ entity: 'meeting-outcome', action: 'confirm', value: { ...latest, confirmations: [...withSofie.confirmations, { memberId: 'm-sofie', name: 'Sofie Lund', at: '2026-11-20T10:00:00Z' }] } })).ok).to.equal(true);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="edit-form"]'));
    await settle(el);
    button(el, 'Save')!.click();
    await waitUntil(() => root(el).querySelector('[part="error"]'));
    expect(textOf(root(el).querySelector('[role="alert"]'))).to.contain('Someone else changed the same thing at the same time.');
    await expectAxeClean(el);
    button(el, 'Keep my version')!.click();
    await waitUntil(() => status(el) === 'Saved.');
    const stored = (await source.load('team-ingrid')).meetingOutcomes[0];
    expect(stored.parts[2].notes).to.equal('Ingrid wants Hanne with her at NAV.');
    expect(stored.confirmations.map((c) => c.memberId)).to.include('m-sofie');
  });

  it('answers a question', async () => {
    const source = seed((r) => r.meetingOutcomes[0].questions.push({ id: 'oq-2', memberId: 'm-ingrid', name: 'Ingrid Solberg', at: '2026-10-30T10:00:00+01:00', text: 'Who calls me about the blood test?' }));
    const { el } = await mountConnected(source, people.kari);
    expect(text(el)).to.contain('1 question is waiting for an answer.');
    const answer = root(el).querySelector<HTMLTextAreaElement>('#answer-oq-2')!;
    answer.focus();
    await type('Amina calls you the day before.');
    button(el, 'Send answer')!.click();
    await waitUntil(() => status(el) === 'Your answer has been saved.');
    const stored = (await source.load('team-ingrid')).meetingOutcomes[0];
    expect(stored.questions[1]).to.include({ answer: 'Amina calls you the day before.' });
    expect(stored.questions[1].answeredBy).to.include({ id: 'm-kari' });
  });

  it('an answer saved only in part says what is stored, and closing the error shows what the source holds', async () => {
    const source = seed((r) => r.meetingOutcomes[0].questions.push({ id: 'oq-2', memberId: 'm-ingrid', name: 'Ingrid Solberg', at: '2026-10-30T10:00:00+01:00', text: 'Who calls me about the blood test?' }));
    // A source that stores what was agreed and then fails on the message that goes with it (a FHIR server without transactions).
    const save = source.save.bind(source);
    source.save = (async (change, signal) => {
      if (change.entity !== 'meeting-outcome') return save(change, signal);
      const withoutAnswer = { ...change.value, questions: (change.value as MeetingOutcome).questions.map(({ answer: _a, answeredAt: _at, answeredBy: _by, ...q }) => q) };
      const stored = await save({ ...change, value: withoutAnswer }, signal);
      throw new PartlySavedError(stored, new StoreError('server', 'the answer was not stored', 500));
    }) as MemorySource['save'];
    const { el, store } = await mountConnected(source, people.kari);
    const answer = root(el).querySelector<HTMLTextAreaElement>('#answer-oq-2')!;
    answer.focus();
    await type('Amina calls you the day before.');
    button(el, 'Send answer')!.click();
    await waitUntil(() => root(el).querySelector('[part="error"]'));
    expect(textOf(root(el).querySelector('[role="alert"]'))).to.contain(
      'Saved in part: what we agreed is saved, but a message that goes with it (an answer, a confirmation or a question) is not saved yet.',
    );
    expect(textOf(root(el).querySelector('[role="alert"]'))).not.to.contain('Not saved.');
    const held = (await source.load('team-ingrid')).meetingOutcomes[0];
    expect(store.snapshot.record!.meetingOutcomes[0].meta?.version).to.equal(held.meta?.version);
    button(el, 'Close')!.click();
    await settle(el);
    expect(store.snapshot.record!.meetingOutcomes[0].meta?.version).to.equal(held.meta?.version, 'what the source holds, not the version before');
  });
});
