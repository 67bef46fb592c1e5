// Wires the demo portal: seeds the memory source, and switches audience, language and theme.
import { fjordvik } from '../dist/esm/data/fixtures/fjordvik.js';

const context = document.getElementById('case');
const audience = document.getElementById('audience');
const language = document.getElementById('language');
const theme = document.getElementById('theme');
const settings = JSON.parse(localStorage.getItem('care-elements-demo-settings') ?? '{}');

const TEXT = {
  en: { title: 'My plan', lead: 'The people who help you, who does what, what you share, and when you meet.', view: 'View as', language: 'Language', theme: 'Theme' },
  nb: { title: 'Min plan', lead: 'Hvem som hjelper deg, hvem som gjør hva, hva du deler, og når dere møtes.', view: 'Vis som', language: 'Språk', theme: 'Utseende' },
  nn: { title: 'Min plan', lead: 'Kven som hjelper deg, kven som gjer kva, kva du deler, og når de møtest.', view: 'Vis som', language: 'Språk', theme: 'Utsjånad' },
  da: { title: 'Min plan', lead: 'Hvem der hjælper dig, hvem der gør hvad, hvad du deler, og hvornår I mødes.', view: 'Vis som', language: 'Sprog', theme: 'Udseende' },
  sv: { title: 'Min plan', lead: 'Vem som hjälper dig, vem som gör vad, vad du delar och när ni träffas.', view: 'Visa som', language: 'Språk', theme: 'Utseende' },
};

function apply() {
  const lang = language.value;
  const view = audience.value;
  document.documentElement.lang = lang;
  context.setAttribute('lang', lang);
  document.body.dataset.careTheme = theme.value;
  const me = view === 'professional' ? 'm-kari' : 'm-ingrid';
  context.actor = view === 'professional'
    ? { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' }
    : { id: 'm-ingrid', name: 'Ingrid Solberg' };
  for (const el of context.querySelectorAll('care-team-roster, care-responsibility-matrix, care-consent-list, care-meeting-scheduler')) {
    el.setAttribute('audience', view);
    if (el.hasAttribute('me')) el.setAttribute('me', me);
  }
  context.querySelector('care-responsibility-matrix')?.toggleAttribute('editable', view === 'professional');
  const text = TEXT[lang];
  document.getElementById('page-title').textContent = text.title;
  document.getElementById('page-lead').textContent = text.lead;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = text[node.dataset.i18n];
  localStorage.setItem('care-elements-demo-settings', JSON.stringify({ lang, view, theme: theme.value }));
}

language.value = settings.lang ?? 'en';
audience.value = settings.view ?? 'service-user';
theme.value = settings.theme ?? 'light';
context.seed = fjordvik;
apply();
for (const control of [audience, language, theme]) control.addEventListener('change', apply);
document.getElementById('reset').addEventListener('click', () => {
  localStorage.removeItem('care-elements-demo');
  location.reload();
});
for (const type of ['care-member-select', 'care-contact', 'care-responsibility-change', 'care-consent-change', 'care-meeting-change', 'care-error', 'care-data-error']) {
  document.addEventListener(type, (event) => console.info(`[care-elements] ${type}`, event.detail));
}
