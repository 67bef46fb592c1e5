import * as v from 'valibot';
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { CareRecord } from '../src/contract/record.js';
import { fjordvik } from '../src/data/fixtures/fjordvik.js';
import { LOCALES } from '../src/i18n/types.js';

const record = v.parse(CareRecord, fjordvik);
const nav = record.consents.find((c) => c.id === 'c-nav')!;
/** Stories compare review and end dates with this moment, so they look the same every day. */
const NOW = '2026-11-20T12:00:00Z';

const LANGUAGE_NAMES: Record<(typeof LOCALES)[number], string> = {
  nb: 'Norsk bokmål',
  nn: 'Norsk nynorsk',
  da: 'Dansk',
  sv: 'Svenska',
  en: 'English',
};

const meta: Meta = {
  title: 'Foundations/Languages',
  parameters: {
    docs: {
      description: {
        component:
          'Every string comes in bokmål, nynorsk, Danish, Swedish and English (see docs/i18n.md). An element takes its language from its own `lang`, then `<care-context lang>`, then the nearest `lang` on the page; unknown languages fall back to English. Languages other than English load on demand. Dates and times use the browser’s Intl data for that language. Any text can be replaced per element with the `labels` property.',
      },
    },
  },
};
export default meta;

/** The same consent in every language, side by side. */
export const ConsentInEveryLanguage: StoryObj = {
  render: () => html`<div style="display:grid;gap:1.5rem;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr))">
    ${LOCALES.map(
      (locale) => html`<section lang=${locale} aria-label=${LANGUAGE_NAMES[locale]}>
        <h3>${LANGUAGE_NAMES[locale]}</h3>
        <care-consent-toggle .directive=${nav} .team=${record.team} .now=${NOW} audience="service-user"></care-consent-toggle>
      </section>`,
    )}
  </div>`,
};

/** The roster's plain-language service-user view in every language. */
export const RosterInEveryLanguage: StoryObj = {
  render: () => html`<div style="display:grid;gap:1.5rem;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr))">
    ${LOCALES.map(
      (locale) => html`<section lang=${locale} aria-label=${LANGUAGE_NAMES[locale]}>
        <h3>${LANGUAGE_NAMES[locale]}</h3>
        <care-team-roster .team=${record.team} audience="service-user" today="2026-12-07" heading-level="4"></care-team-roster>
      </section>`,
    )}
  </div>`,
};

/** A portal's own words through `labels`: the title and one action, per instance. */
export const OwnWordsWithLabels: StoryObj = {
  render: () => html`<care-team-roster
    lang="en"
    .team=${record.team}
    audience="service-user"
    today="2026-12-07"
    .labels=${{ title: 'The people who help me' }}
  ></care-team-roster>`,
};
