// Cases the fuzzing found, kept as plain tests.
import '../../src/define.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { expect, fixture, html, settle } from '../helpers/fixture.js';

const codes = (el: Element) => [...el.shadowRoot!.querySelectorAll('[role="alert"] code')].map((c) => c.textContent);

describe('fuzz regressions', () => {
  it('a list input that is not a list is named without a trailing dot (matrix, scheduler)', async () => {
    const data = structuredClone(fjordvik);
    const matrix = await fixture(html`<care-responsibility-matrix .team=${data.team} .responsibilities=${42}></care-responsibility-matrix>`);
    await settle(matrix);
    expect(codes(matrix)).to.deep.equal(['responsibilities']);
    const scheduler = await fixture(
      html`<care-meeting-scheduler today="2026-12-01" .team=${data.team} .availability=${{ memberId: 'm-kari' }}></care-meeting-scheduler>`,
    );
    await settle(scheduler);
    expect(codes(scheduler)).to.deep.equal(['availability']);
  });
});
