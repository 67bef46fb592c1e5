import { consume } from '@lit/context';
import type { Meta, StoryObj } from '@storybook/web-components';
import { css, html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { storeContext } from '../src/context/keys.js';
import { fjordvik } from '../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../src/data/memory-source.js';
import type { CareDataSource } from '../src/data/types.js';
import type { CareStore } from '../src/data/store.js';
import type { StoreSnapshot } from '../src/data/types.js';
import '../src/define.js';

/**
 * A small readout of the store `<care-context>` provides, with buttons that change a consent,
 * make the next save fail and reload, so the store's behaviour can be watched in a story.
 */
class StoreReadout extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: 0.9375rem/1.5 system-ui, sans-serif;
      border: 1px solid #8a8f98;
      border-radius: 0.375rem;
      padding: 0.75rem 1rem;
      margin-block-end: 1rem;
    }
    h2 {
      font-size: 1rem;
      margin: 0 0 0.5rem;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
      margin: 0 0 0.75rem;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    button {
      min-block-size: 2.75rem;
      padding: 0 1rem;
      font: inherit;
    }
  `;

  @consume({ context: storeContext, subscribe: true })
  @state()
  private store?: CareStore;

  @state() private snapshot?: StoreSnapshot;
  private unsubscribe?: () => void;
  private watched?: CareStore;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.watched = undefined;
  }

  protected override willUpdate(): void {
    if (this.store === this.watched) return;
    this.unsubscribe?.();
    this.watched = this.store;
    this.unsubscribe = this.store?.subscribe((snapshot) => (this.snapshot = snapshot));
  }

  private toggleGpConsent() {
    const consent = this.snapshot?.record?.consents.find((c) => c.id === 'c-gp');
    if (!this.store || !consent) return;
    const state = consent.state === 'granted' ? 'refused' : 'granted';
    void this.store.save({
      entity: 'consent',
      action: state === 'granted' ? 'grant' : 'refuse',
      value: { ...consent, state, since: new Date().toISOString() },
      reason: 'Changed in the story',
    });
  }

  /** `<care-context source="memory">` loads its MemorySource on first use; this is it once loaded. */
  private memorySource(): MemorySource | undefined {
    const source = this.store?.source as (CareDataSource & { loaded?: CareDataSource }) | undefined;
    const real = source?.loaded ?? source;
    return real instanceof MemorySource ? real : undefined;
  }

  private failNextSave() {
    const memory = this.memorySource();
    if (memory) memory.failNext('server');
  }

  override render() {
    if (!this.store) return html`<p>No store: this readout is not inside a connected &lt;care-context&gt;.</p>`;
    const snapshot = this.snapshot;
    const record = snapshot?.record;
    const gp = record?.consents.find((c) => c.id === 'c-gp');
    const lastAudit = record?.audit.at(-1);
    return html`
      <h2>Store for care team “${this.store.teamId || '(none)'}”</h2>
      <div role="status" aria-live="polite"><dl>
        <dt>Status</dt>
        <dd>${snapshot?.status ?? 'idle'}${snapshot?.loadError ? html`: ${snapshot.loadError.kind} – ${snapshot.loadError.detail}` : nothing}</dd>
        ${record
          ? html`
              <dt>Team</dt>
              <dd>${record.team.name ?? record.team.id}, ${record.team.members.length} members</dd>
              <dt>Consent to the GP</dt>
              <dd>${gp?.state} (version ${gp?.meta?.version ?? '–'})</dd>
              <dt>Saving</dt>
              <dd>${snapshot!.pending.size ? [...snapshot!.pending].join(', ') : 'nothing'}</dd>
              <dt>Failed saves</dt>
              <dd>${snapshot!.failures.size ? [...snapshot!.failures].map(([id, f]) => `${id}: ${f.error.kind}`).join(', ') : 'none'}</dd>
              <dt>Last audit entry</dt>
              <dd>${lastAudit ? `${lastAudit.action} ${lastAudit.entityId} by ${lastAudit.actor.name}: ${lastAudit.outcome}` : 'none yet'}</dd>
            `
          : nothing}
      </dl></div>
      <div class="actions">
        <button type="button" ?disabled=${!gp} @click=${this.toggleGpConsent}>Change the consent to the GP</button>
        <button type="button" ?disabled=${!this.memorySource()} @click=${this.failNextSave}>Make the next save fail</button>
        <button type="button" @click=${() => void this.store?.load()}>Reload</button>
        ${this.store && snapshot?.failures.has('consent/c-gp')
          ? html`<button type="button" @click=${() => void this.store?.retry('consent', 'c-gp')}>Try the failed save again</button>`
          : nothing}
      </div>
    `;
  }
}
if (!customElements.get('care-story-store-readout')) customElements.define('care-story-store-readout', StoreReadout);

interface ContextArgs {
  lang: 'en' | 'nb' | 'nn' | 'da' | 'sv';
  latency: number;
  seeded: boolean;
  persist: string;
}

const meta: Meta<ContextArgs> = {
  title: 'Data/care-context',
  component: 'care-context',
  parameters: {
    docs: {
      description: {
        component:
          '`<care-context>` creates a store for one care team from a data source and gives it, with the language and the acting person, to every element inside. Here it uses the memory source seeded with the Fjordvik fixture; the readout shows what the store holds while you change a consent, make a save fail or reload.',
      },
    },
  },
  argTypes: {
    lang: { control: 'select', options: ['en', 'nb', 'nn', 'da', 'sv'] },
    latency: { control: { type: 'number', min: 0, max: 5000, step: 100 } },
    seeded: { control: 'boolean' },
    persist: { control: 'text' },
  },
  args: { lang: 'en', latency: 400, seeded: true, persist: '' },
  render: ({ lang, latency, seeded, persist }) => html`
    <care-context
      source="memory"
      lang=${lang}
      latency=${latency}
      persist=${persist || nothing}
      actor='{"id":"m-kari","name":"Kari Nilsen","organisationId":"org-home-care"}'
      .seed=${seeded ? fjordvik : undefined}
    >
      <care-story-store-readout></care-story-store-readout>
      <care-team-roster></care-team-roster>
      <care-consent-list></care-consent-list>
    </care-context>
  `,
};
export default meta;

type Story = StoryObj<ContextArgs>;

/** The memory source with the Fjordvik fixture and a little latency, so saving is visible. */
export const Memory: Story = {};

/** A slow source: the loading state and pending saves are easy to see. */
export const Slow: Story = { args: { latency: 2500 } };

/** No seed and nothing stored: the store reports that there is no data, and the elements show their load error. */
export const NoData: Story = { args: { seeded: false, latency: 0 } };

/** Changes are kept in localStorage under this key and survive a page reload. */
export const Persisted: Story = { args: { persist: 'care-elements-story-context' } };

/** The same team in Norwegian (bokmål). */
export const Norwegian: Story = { args: { lang: 'nb' } };
