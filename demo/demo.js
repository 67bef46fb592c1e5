// Wires the demo portal: seeds the memory source, and switches audience, language and theme.
import { fjordvik } from '../dist/esm/data/fixtures/fjordvik.js';

const context = document.getElementById('case');
const audience = document.getElementById('audience');
const language = document.getElementById('language');
const theme = document.getElementById('theme');
const settings = JSON.parse(localStorage.getItem('care-elements-demo-settings') ?? '{}');

// Every word of the page around the elements, in each language the elements speak, so a page in
// bokmål has no English left in it (and nothing is marked as bokmål that is not).
const TEXT = {
  en: {
    documentTitle: 'My plan – Fjordvik care portal (Care Elements demo)',
    title: 'My plan',
    lead: 'The people who help you, who does what, what you share, and when you meet.',
    skip: 'Skip to content',
    portal: 'care portal',
    settings: 'Page settings',
    view: 'View as',
    asServiceUser: 'Ingrid (service user)',
    asProfessional: 'Kari (coordinator)',
    asProfessionalNoConsent: 'Sofie (NAV, no consent)',
    language: 'Language',
    theme: 'Theme',
    themeLight: 'Light',
    themeDark: 'Dark',
    themeHighContrast: 'High contrast',
    themeMunicipal: 'Municipal (vendor)',
    themeHospital: 'Hospital (vendor)',
    reset: 'Reset demo data',
    sections: 'Sections',
    team: 'My team',
    responsibilities: 'Who does what',
    sharing: 'Sharing my information',
    meetings: 'Meetings',
    crisis: 'My crisis plan',
    demoOf: 'A demo of',
    demoNote: '. Every person and place is invented. Changes are kept in this browser only.',
    events: 'Every event the elements fire is written to the browser console, as a portal would log it.',
    hosts: 'The same elements in other hosts:',
    plainHtml: 'plain HTML',
  },
  nb: {
    documentTitle: 'Min plan – Fjordvik omsorgsportal (Care Elements-demo)',
    title: 'Min plan',
    lead: 'Hvem som hjelper deg, hvem som gjør hva, hva du deler, og når dere møtes.',
    skip: 'Hopp til innholdet',
    portal: 'omsorgsportal',
    settings: 'Innstillinger for siden',
    view: 'Vis som',
    asServiceUser: 'Ingrid (bruker)',
    asProfessional: 'Kari (koordinator)',
    asProfessionalNoConsent: 'Sofie (NAV, uten samtykke)',
    language: 'Språk',
    theme: 'Utseende',
    themeLight: 'Lyst',
    themeDark: 'Mørkt',
    themeHighContrast: 'Høy kontrast',
    themeMunicipal: 'Kommune (leverandør)',
    themeHospital: 'Sykehus (leverandør)',
    reset: 'Tilbakestill demodata',
    sections: 'Deler av siden',
    team: 'Teamet mitt',
    responsibilities: 'Hvem gjør hva',
    sharing: 'Deling av opplysningene mine',
    meetings: 'Møter',
    crisis: 'Min kriseplan',
    demoOf: 'En demo av',
    demoNote: '. Alle personer og steder er oppdiktet. Endringer lagres bare i denne nettleseren.',
    events: 'Alle hendelser elementene sender, skrives til nettleserkonsollen, slik en portal ville logget dem.',
    hosts: 'De samme elementene i andre verter:',
    plainHtml: 'ren HTML',
  },
  nn: {
    documentTitle: 'Min plan – Fjordvik omsorgsportal (Care Elements-demo)',
    title: 'Min plan',
    lead: 'Kven som hjelper deg, kven som gjer kva, kva du deler, og når de møtest.',
    skip: 'Hopp til innhaldet',
    portal: 'omsorgsportal',
    settings: 'Innstillingar for sida',
    view: 'Vis som',
    asServiceUser: 'Ingrid (brukar)',
    asProfessional: 'Kari (koordinator)',
    asProfessionalNoConsent: 'Sofie (NAV, utan samtykke)',
    language: 'Språk',
    theme: 'Utsjånad',
    themeLight: 'Lyst',
    themeDark: 'Mørkt',
    themeHighContrast: 'Høg kontrast',
    themeMunicipal: 'Kommune (leverandør)',
    themeHospital: 'Sjukehus (leverandør)',
    reset: 'Tilbakestill demodata',
    sections: 'Delar av sida',
    team: 'Teamet mitt',
    responsibilities: 'Kven gjer kva',
    sharing: 'Deling av opplysningane mine',
    meetings: 'Møte',
    crisis: 'Kriseplanen min',
    demoOf: 'Ein demo av',
    demoNote: '. Alle personar og stader er oppdikta. Endringar blir berre lagra i denne nettlesaren.',
    events: 'Alle hendingar elementa sender, blir skrivne til nettlesarkonsollen, slik ein portal ville logga dei.',
    hosts: 'Dei same elementa i andre vertar:',
    plainHtml: 'rein HTML',
  },
  da: {
    documentTitle: 'Min plan – Fjordvik omsorgsportal (Care Elements-demo)',
    title: 'Min plan',
    lead: 'Hvem der hjælper dig, hvem der gør hvad, hvad du deler, og hvornår I mødes.',
    skip: 'Spring til indholdet',
    portal: 'omsorgsportal',
    settings: 'Indstillinger for siden',
    view: 'Vis som',
    asServiceUser: 'Ingrid (borger)',
    asProfessional: 'Kari (koordinator)',
    asProfessionalNoConsent: 'Sofie (NAV, uden samtykke)',
    language: 'Sprog',
    theme: 'Udseende',
    themeLight: 'Lyst',
    themeDark: 'Mørkt',
    themeHighContrast: 'Høj kontrast',
    themeMunicipal: 'Kommune (leverandør)',
    themeHospital: 'Hospital (leverandør)',
    reset: 'Nulstil demodata',
    sections: 'Dele af siden',
    team: 'Mit team',
    responsibilities: 'Hvem gør hvad',
    sharing: 'Deling af mine oplysninger',
    meetings: 'Møder',
    crisis: 'Min kriseplan',
    demoOf: 'En demo af',
    demoNote: '. Alle personer og steder er opdigtede. Ændringer gemmes kun i denne browser.',
    events: 'Alle hændelser, som elementerne sender, skrives i browserens konsol, sådan som en portal ville logge dem.',
    hosts: 'De samme elementer i andre værter:',
    plainHtml: 'ren HTML',
  },
  sv: {
    documentTitle: 'Min plan – Fjordvik omsorgsportal (Care Elements-demo)',
    title: 'Min plan',
    lead: 'Vem som hjälper dig, vem som gör vad, vad du delar och när ni träffas.',
    skip: 'Hoppa till innehållet',
    portal: 'omsorgsportal',
    settings: 'Inställningar för sidan',
    view: 'Visa som',
    asServiceUser: 'Ingrid (brukare)',
    asProfessional: 'Kari (samordnare)',
    asProfessionalNoConsent: 'Sofie (NAV, utan samtycke)',
    language: 'Språk',
    theme: 'Utseende',
    themeLight: 'Ljust',
    themeDark: 'Mörkt',
    themeHighContrast: 'Hög kontrast',
    themeMunicipal: 'Kommun (leverantör)',
    themeHospital: 'Sjukhus (leverantör)',
    reset: 'Återställ demodata',
    sections: 'Delar av sidan',
    team: 'Mitt team',
    responsibilities: 'Vem gör vad',
    sharing: 'Delning av mina uppgifter',
    meetings: 'Möten',
    crisis: 'Min krisplan',
    demoOf: 'En demo av',
    demoNote: '. Alla personer och platser är påhittade. Ändringar sparas bara i den här webbläsaren.',
    events: 'Alla händelser som elementen skickar skrivs till webbläsarens konsol, så som en portal skulle logga dem.',
    hosts: 'Samma element i andra värdar:',
    plainHtml: 'ren HTML',
  },
};

function apply() {
  const lang = language.value;
  const view = audience.value;
  document.documentElement.lang = lang;
  context.setAttribute('lang', lang);
  document.body.dataset.careTheme = theme.value;
  // Sofie at NAV: a professional on the team whose service Ingrid has not agreed to share her care plan with.
  const readers = {
    'service-user': { id: 'm-ingrid', name: 'Ingrid Solberg' },
    professional: { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' },
    'professional-no-consent': { id: 'm-sofie', name: 'Sofie Lund', organisationId: 'org-nav' },
  };
  const reader = readers[view] ?? readers['service-user'];
  const me = reader.id;
  context.actor = reader;
  for (const el of context.querySelectorAll('care-team-roster, care-responsibility-matrix, care-consent-list, care-meeting-scheduler, care-meeting-outcomes, care-crisis-plan')) {
    el.setAttribute('audience', view === 'service-user' ? 'service-user' : 'professional');
    if (el.hasAttribute('me')) el.setAttribute('me', me);
  }
  context.querySelector('care-responsibility-matrix')?.toggleAttribute('editable', view === 'professional');
  const text = TEXT[lang];
  document.getElementById('page-title').textContent = text.title;
  document.getElementById('page-lead').textContent = text.lead;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = text[node.dataset.i18n];
  for (const node of document.querySelectorAll('[data-i18n-label]')) node.setAttribute('aria-label', text[node.dataset.i18nLabel]);
  document.title = text.documentTitle;
  localStorage.setItem('care-elements-demo-settings', JSON.stringify({ lang, view, theme: theme.value }));
}

language.value = settings.lang ?? 'en';
audience.value = settings.view ?? 'service-user';
theme.value = settings.theme ?? 'light';
context.seed = fjordvik;
apply();
for (const control of [audience, language, theme]) control.addEventListener('change', apply);
document.getElementById('reset').addEventListener('click', () => {
  // The memory source keeps one key per team (care-elements-demo/team/…) and a quarantine beside them.
  for (const key of Object.keys(localStorage)) if (key === 'care-elements-demo' || key.startsWith('care-elements-demo/')) localStorage.removeItem(key);
  location.reload();
});
for (const type of ['care-member-select', 'care-contact', 'care-responsibility-change', 'care-consent-change', 'care-meeting-change', 'care-meeting-outcome-change', 'care-crisis-plan-change', 'care-error', 'care-data-error']) {
  document.addEventListener(type, (event) => console.info(`[care-elements] ${type}`, event.detail));
}
