import * as v from 'valibot';
import '../../../src/components/meeting-outcomes/define.js';
import '../../../src/context/define.js';
import { CareRecord } from '../../../src/contract/record.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../../../src/data/memory-source.js';
import { expect, fixtureCleanup, settle } from '../../helpers/fixture.js';
import { textOf } from '../consent-toggle/support.js';
import { mountOutcomes } from './support.js';

const root = (el: Element) => el.shadowRoot!;

afterEach(() => fixtureCleanup());

describe('Meeting outcomes: names and titles in a choice list keep their own direction', () => {
  it('an owner is an option of its own direction; a title inside a sentence is isolated so it cannot reorder the sentence', async () => {
    const seed = v.parse(CareRecord, structuredClone(fjordvik));
    seed.meetingOutcomes = [];
    // A title with a right-to-left override and a member whose name is in Arabic script.
    const responsibility = seed.responsibilities.find((r) => r.status !== 'ended')!;
    responsibility.title = '\u202Eblood tests';
    const lars = seed.team.members.find((m) => m.id === 'm-lars')!;
    lars.name = 'لارس هاوغن';
    const { outcomes } = await mountOutcomes(new MemorySource({ seed }));
    [...root(outcomes).querySelectorAll('button')].find((b) => textOf(b) === 'Write down what we agreed')!.click();
    await settle(outcomes);
    (root(outcomes).querySelector('[part="add-action"]') as HTMLButtonElement).click();
    await settle(outcomes);
    const [owner, where] = root(outcomes).querySelector('[part="edit-action"]')!.querySelectorAll('select');

    const larsOption = [...owner.options].find((o) => o.value === 'm-lars')!;
    expect(larsOption.text).to.equal('لارس هاوغن');
    expect(larsOption.dir).to.equal('auto');
    for (const option of [...owner.options].filter((o) => o.value !== '')) expect(option.dir, option.value).to.equal('auto');

    const handOver = [...where.options].find((o) => o.value === `hand-over:${responsibility.id}`)!;
    expect(handOver.text).to.equal('Hand over \u201c\u2068\u202Eblood tests\u2069\u201d to this person');
  });
});
