// AfterPaint: work spread over painted frames, one step at a time, and an updateComplete that waits
// for all of it.
import { html, LitElement, type TemplateResult } from 'lit';
import { AfterPaint } from '../../src/components/base/after-paint.js';
import { keepBusy } from '../helpers/busy.js';
import { expect, fixture } from '../helpers/fixture.js';

/** Renders `shown` items; each step adds ten more until `total`, one step per painted frame. */
class PaintProbe extends LitElement {
  static override properties = { shown: { state: true } };
  total = 30;
  shown = 10;
  steps = 0;
  readonly frames = new AfterPaint(this);

  protected override render(): TemplateResult {
    return html`<ul>
      ${Array.from({ length: this.shown }, (_, i) => html`<li>${i}</li>`)}
    </ul>`;
  }

  protected override updated(): void {
    if (this.shown < this.total) {
      this.frames.schedule(() => {
        this.steps += 1;
        this.shown = Math.min(this.total, this.shown + 10);
      });
    }
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    return this.frames.settle(() => super.getUpdateComplete());
  }
}
customElements.define('care-paint-probe', PaintProbe);

const count = (el: PaintProbe) => el.shadowRoot!.querySelectorAll('li').length;
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

describe('AfterPaint', () => {
  it('paints the first part before the next step runs, then one step per frame', async () => {
    const el = document.createElement('care-paint-probe') as PaintProbe;
    const appended = performance.now();
    document.body.append(el);
    try {
      // The first render is synchronous to the microtask; no step has run before a frame.
      await Promise.resolve();
      await Promise.resolve();
      expect(count(el), 'the first part alone, before any frame').to.equal(10);
      expect(el.steps).to.equal(0);
      await nextFrame();
      // A page that paints no frame (a hidden tab) gets its step after 100 ms anyway; on a busy
      // machine the first frame can come later than that, and the step may then have run.
      const waited = performance.now() - appended;
      expect(el.steps === 0 || waited >= 100, `the step waits until the frame has painted and a task has passed (${el.steps} steps after ${waited.toFixed(0)} ms)`).to.equal(true);
    } finally {
      el.remove();
    }
  });

  it('updateComplete waits for every step still to come', async () => {
    const el = await fixture<PaintProbe>(html`<care-paint-probe></care-paint-probe>`);
    await el.updateComplete;
    expect(count(el)).to.equal(30);
    expect(el.steps).to.equal(2);
  });

  it('schedules one step at a time: a second schedule while one waits is ignored', async () => {
    const el = await fixture<PaintProbe>(html`<care-paint-probe></care-paint-probe>`);
    await el.updateComplete;
    let ran = 0;
    el.frames.schedule(() => (ran += 1));
    el.frames.schedule(() => (ran += 10));
    await el.updateComplete;
    expect(ran).to.equal(1);
  });

  it('painted() resolves after the next frame, and settle waits for it', async () => {
    const el = await fixture<PaintProbe>(html`<care-paint-probe></care-paint-probe>`);
    await el.updateComplete;
    let done = false;
    void el.frames.painted().then(() => (done = true));
    await Promise.resolve();
    expect(done, 'not before a frame').to.equal(false);
    await el.updateComplete;
    expect(done, 'updateComplete waited for it').to.equal(true);
  });

  it('nextTask() and schedule(step, true) go on in the next task without waiting for a frame, and settle waits for them', async () => {
    const el = await fixture<PaintProbe>(html`<care-paint-probe></care-paint-probe>`);
    await el.updateComplete;
    const order: string[] = [];
    void el.frames.nextTask().then(() => order.push('task'));
    el.frames.schedule(() => order.push('step'), true);
    await Promise.resolve();
    expect(order, 'not in the same task').to.deep.equal([]);
    await new Promise((resolve) => setTimeout(resolve));
    // A timer queued after them has run: they did not wait for a frame (painted() would, and its step too).
    expect(order).to.have.members(['task', 'step']);
    let done = false;
    void el.frames.nextTask().then(() => (done = true));
    await el.updateComplete;
    expect(done, 'updateComplete waited for it').to.equal(true);
  });

  it("hands the step the frame's own time: what ran from its animation callbacks until after its paint", async () => {
    const el = await fixture<PaintProbe>(html`<care-paint-probe></care-paint-probe>`);
    await el.updateComplete;
    let frameMs: number | undefined = -1;
    el.frames.schedule((ms) => (frameMs = ms));
    // Work the browser does in that frame after the step's callback (as style and layout of new
    // DOM would): a later animation callback that keeps the main thread busy for 40 ms.
    requestAnimationFrame(() => keepBusy(40));
    await el.updateComplete;
    expect(typeof frameMs, 'a time after a painted frame').to.equal('number');
    expect(frameMs! >= 40, `${frameMs} ms counts the frame's 40 ms`).to.equal(true);
    let soonMs: number | undefined = -1;
    el.frames.schedule((ms) => (soonMs = ms), true);
    await el.updateComplete;
    expect(soonMs, 'no frame, no frame time').to.equal(undefined);
  });

  it('counts the frame when it comes late: a busy main thread lets the fallback timer run first, after that frame has painted', async () => {
    const el = await fixture<PaintProbe>(html`<care-paint-probe></care-paint-probe>`);
    await el.updateComplete;
    let frameMs: number | undefined = -1;
    el.frames.schedule((ms) => (frameMs = ms));
    // A long task right after scheduling: the next frame starts after the 100 ms fallback timer is
    // due, so that timer runs before the task queued by the frame's animation callback.
    keepBusy(120);
    // The frame's own work.
    requestAnimationFrame(() => keepBusy(30));
    await el.updateComplete;
    expect(typeof frameMs, 'the frame that painted is counted, not left out').to.equal('number');
    expect(frameMs! >= 30, `${frameMs} ms counts the frame's 30 ms`).to.equal(true);
  });

  it('off the page, a waiting step is released without running, so nobody waits for ever', async () => {
    const el = document.createElement('care-paint-probe') as PaintProbe;
    document.body.append(el);
    await Promise.resolve();
    await Promise.resolve();
    el.remove();
    await el.updateComplete;
    expect(el.steps, 'the step did not run off the page').to.equal(0);
    expect(count(el)).to.equal(10);
  });
});
