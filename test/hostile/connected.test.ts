// Hostile data through <care-context> and the memory source (connected mode): every element in one
// context. Text payloads render as text; a record that breaks the contract is refused by the source
// and every element says where and why, instead of only "could not load".
import '../../src/define.js';
import type { CareContext } from '../../src/context/care-context.js';
import { expect, settle, waitUntil } from '../helpers/fixture.js';
import { CORPUS, freshRecord, PWN_FLAG, type HostileCase } from './corpus.js';

const TAGS = ['care-team-roster', 'care-responsibility-matrix', 'care-consent-toggle', 'care-consent-list', 'care-meeting-scheduler'];
const pick = (id: string): HostileCase => CORPUS.find((c) => c.id === id)!;

async function mountContext(record: unknown): Promise<{ context: CareContext; elements: HTMLElement[] }> {
  const context = document.createElement('care-context') as CareContext;
  context.setAttribute('source', 'memory');
  context.setAttribute('care-team', 'team-ingrid');
  context.setAttribute('lang', 'en');
  context.style.width = '320px';
  context.style.display = 'block';
  context.seed = record as CareContext['seed'];
  const elements = TAGS.map((tag) => document.createElement(tag));
  elements[2].setAttribute('directive-id', 'c-gp');
  elements[4].setAttribute('meeting-id', 'mt-series');
  elements[4].setAttribute('today', '2026-12-01');
  context.append(...elements);
  document.body.append(context);
  await waitUntil(() => context.store?.snapshot.status === 'ready' || context.store?.snapshot.status === 'error', 'the store did not settle');
  for (const el of elements) await settle(el);
  return { context, elements };
}

const deepText = (node: Node): string =>
  (node.nodeType === Node.TEXT_NODE ? (node as Text).data : '') +
  ((node as Element).shadowRoot ? deepText((node as Element).shadowRoot!) : '') +
  [...node.childNodes].map(deepText).join('');

describe('hostile data in connected mode (<care-context source="memory">)', function () {
  this.timeout(20_000);
  let errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(String(event.error ?? event.message));
  const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));

  beforeEach(() => {
    errors = [];
    delete (window as unknown as Record<string, unknown>)[PWN_FLAG];
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    for (const context of document.querySelectorAll('care-context')) context.remove();
  });

  for (const id of ['img-onerror', 'attribute-breakout', 'bidi-override', 'emoji-zwj']) {
    it(`${id}: every element shows the payload as text`, async () => {
      const c = pick(id);
      const record = freshRecord();
      c.mutate(record);
      const { elements } = await mountContext(record);
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect((window as unknown as Record<string, unknown>)[PWN_FLAG]).to.equal(undefined);
      expect(errors).to.deep.equal([]);
      if (c.expect.kind !== 'text') throw new Error('a text case');
      for (const el of elements) {
        // Empty alert regions wait for a failed save (they must exist before it); none may speak.
        const alerts = [...el.shadowRoot!.querySelectorAll('[role="alert"]')].filter((alert) => (alert.textContent ?? '').trim());
        expect(alerts, el.localName).to.deep.equal([]);
        expect(deepText(el).includes(c.expect.text), `${el.localName} shows the payload`).to.equal(true);
        expect(el.shadowRoot!.querySelector('img, script, iframe, style'), el.localName).to.equal(null);
      }
    });
  }

  for (const [id, path] of [
    ['javascript-video-link', 'team.members[2].contacts[1].value'],
    ['whitespace-name', 'team.members[2].name'],
    ['name-100kb', 'team.members[2].name'],
    ['null-entities', 'team.members[2]'],
  ] as const) {
    it(`${id}: the source refuses the record, and every element names ${path} and the reason`, async () => {
      const record = freshRecord();
      pick(id).mutate(record);
      const { context, elements } = await mountContext(record);
      expect(context.store!.snapshot.loadError?.kind).to.equal('contract');
      const refused = (context.store!.snapshot.loadError as { issues?: Array<{ path: string }> }).issues ?? [];
      expect(refused.map((issue) => issue.path)).to.include(path);
      expect(errors).to.deep.equal([]);
      for (const el of elements) {
        const alert = el.shadowRoot!.querySelector('[role="alert"]');
        expect(alert, `${el.localName} shows an error`).to.exist;
        // A professional can unfold the paths; a service user reads plain words only.
        if ((el as HTMLElement & { audience?: string }).audience === 'professional') {
          const items = [...alert!.querySelectorAll('details li')].map((li) => li.textContent ?? '');
          expect(items.some((item) => item.startsWith(`${path}:`)), `${el.localName}: ${items.join(' | ')}`).to.equal(true);
        } else {
          expect(alert!.querySelector('code, details'), `${el.localName} shows no contract path to a service user`).to.equal(null);
          expect((alert!.textContent ?? '').trim().length, `${el.localName} says what happened`).to.be.greaterThan(20);
        }
        expect(el.getBoundingClientRect().width, el.localName).to.be.at.most(320.5);
        expect(el.scrollWidth, `${el.localName} overflows`).to.be.at.most(el.clientWidth + 1);
      }
      // None of it is linked.
      for (const el of elements) expect(el.shadowRoot!.querySelector('a[href^="javascript:"]')).to.equal(null);
    });
  }
});
