import { plural } from '../../plural.js';
import type { ConsentMessages } from '../../types.js';

export const consent: ConsentMessages = {
  thePerson: 'pasienten',
  yes: 'Ja',
  no: 'Nei',
  listLastJoin: { conjunction: ' og ', unit: ' og ' },
  categories: {
    health: 'helseopplysninger',
    medication: 'medisiner',
    'mental-health': 'psykisk helse',
    'social-services': 'sosiale tjenester',
    housing: 'bolig',
    finances: 'penger og stønader',
    'care-plan': 'oppfølgingsplan',
    appointments: 'avtaler',
    'contact-details': 'kontaktinformasjon',
  },
  purposes: {
    coordination: 'for å samordne hjelpen mellom tjenestene',
    treatment: 'for behandling',
    'follow-up': 'for oppfølging',
    'meeting-preparation': 'for å forberede møter',
  },
  recipientKinds: { organisation: 'Virksomhet', team: 'Hele teamet', person: 'Person' },
  relations: {
    self: 'personen selv',
    'legal-representative': 'fullmektig',
    guardian: 'verge',
    parent: 'forelder',
  },
  methods: { verbal: 'gitt muntlig', written: 'gitt skriftlig', digital: 'gitt digitalt' },
  models: {
    'opt-in': 'Samtykke: ingenting deles før samtykke er gitt',
    objection: 'Reservasjonsrett: deling er tillatt til personen reserverer seg',
  },
  stateNames: {
    granted: 'Ja, deling tillatt',
    refused: 'Nei, deles ikke',
    withdrawn: 'Trukket tilbake, deles ikke lenger',
    'not-recorded': 'Ikke valgt ennå',
  },
  switchLabel: {
    'opt-in': (what: string, recipient: string) => `Del ${what} med ${recipient}`,
    objection: (what: string, recipient: string) => `Tillat deling av ${what} med ${recipient}`,
  },
  choiceYes: { 'opt-in': 'Ja, del', objection: 'Ja, tillat deling' },
  choiceNo: { 'opt-in': 'Nei, ikke del', objection: 'Nei, reserver mot deling' },
  whatLabel: 'Hva som deles',
  whyLabel: 'Hvorfor',
  ifNotLabel: 'Hvis det ikke deles',
  legalBasisLabel: 'Rettslig grunnlag',
  modelLabel: 'Rettslig modell',
  validity: (from?: string, until?: string) =>
    from && until ? `Gyldig fra ${from} til ${until}` : from ? `Gyldig fra ${from}` : `Gyldig til ${until ?? ''}`,
  reviewBy: (date: string) => `Skal gås gjennom igjen innen ${date}`,
  ended: (date: string) => `Denne avtalen sluttet å gjelde ${date}.`,
  notStarted: (date: string) => `Denne avtalen gjelder fra ${date}.`,
  renewHint: (until?: string) => `For å si ja igjen slår du på bryteren: den nye avtalen gjelder fra i dag ${until ? `til ${until}` : 'til den trekkes tilbake'}.`,
  recordedBy: (name: string, method?: string) => (method ? `Registrert av ${name}, ${method}.` : `Registrert av ${name}.`),
  saving: (choice: string) => `Lagrer valget ditt: ${choice} \u2026`,
  savedNow: 'Valget ditt er lagret.',
  notSaved: (choice: string) => `Valget ditt (${choice}) ble ikke lagret.`,
  conflictChoice: (theirs: string, mine: string) => `I den andre versjonen: ${theirs}. Du valgte: ${mine}.`,
  dismiss: 'Lukk meldingen',
  history: 'Endringshistorikk',
  historyCount: (n: number) => plural('nb', n, { one: '{n} endring', other: '{n} endringer' }),
  historyEmpty: 'Ingen endringer er registrert ennå.',
  historyWhen: (date: string, time: string) => `${date} kl. ${time}`,
  requiredMessage: 'Velg ja eller nei.',
  notFoundTitle: 'Dette samtykket kan ikke vises',
  notFound: (id: string) => `Fant ikke noe samtykke med id \u00ab${id}\u00bb i opplysningene.`,
  groups: { organisation: 'Virksomheter', team: 'Hele teamet', person: 'Personer' },
  summary: (allowed: number, total: number) =>
    plural('nb', total, {
      one: `${allowed} av {n} avtale tillater deling`,
      other: `${allowed} av {n} avtaler tillater deling`,
    }),
  you: {
    question: {
      'opt-in': (recipient: string) => `Vil du dele disse opplysningene med ${recipient}?`,
      objection: (recipient: string) => `Disse opplysningene kan deles med ${recipient} hvis du ikke sier nei.`,
    },
    state: {
      granted: (date: string) => `Du har sagt ja siden ${date}.`,
      refused: (date: string) => `Du har sagt nei siden ${date}.`,
      withdrawn: (date: string) => `Du trakk tilbake samtykket ditt ${date}.`,
      'not-recorded': () => 'Du har ikke valgt ennå.',
    },
    /** The state when someone else, or nobody known, decided: never credited to the person. */
    stateRecorded: {
      granted: (date: string) => `Et ja er registrert for deg siden ${date}.`,
      refused: (date: string) => `Et nei er registrert for deg siden ${date}.`,
      withdrawn: (date: string) => `Ja-et som var registrert for deg, ble trukket tilbake ${date}.`,
    },
    effectSharing: 'Opplysningene deles.',
    effectNotSharing: 'Ingenting deles.',
    effectUnset: {
      'opt-in': 'Ingenting deles før du sier ja.',
      objection: 'Opplysningene kan deles til du sier nei.',
    },
    consequence: {
      'opt-in': (recipient: string) => `${recipient} får ikke disse opplysningene. Du må kanskje fortelle dem ting selv.`,
      objection: (recipient: string) =>
        `Hvis du sier nei, får ikke ${recipient} disse opplysningene, og må hjelpe deg uten å vite alt.`,
    },
    decidedSelf: 'Bestemt av deg.',
    decidedProxy: (name: string, relation: string) => `Bestemt av ${name}, ${relation}, på dine vegne.`,
    actingFor: (name: string, relation: string) => `Dette valget tas av ${name}, ${relation}, på dine vegne.`,
    reviewPassed: (date: string) =>
      `Dette skulle vært gått gjennom igjen ${date}. Be koordinatoren din om å gå gjennom det med deg.`,
    membersThere: 'Personer i teamet ditt som jobber der',
    listTitle: 'Hvem som kan se opplysningene dine',
    empty: 'Ingen avtaler om deling av opplysningene dine er registrert ennå.',
    uncoveredTitle: 'Personer i teamet ditt som ikke får opplysninger',
    uncoveredIntro: 'Ingen av avtalene over lar opplysninger gå til disse personene:',
    uncoveredNone: 'Alle i teamet ditt er dekket av en avtale som tillater deling.',
  },
  person: {
    question: {
      'opt-in': (person: string, recipient: string) => `Samtykker ${person} til å dele disse opplysningene med ${recipient}?`,
      objection: (person: string, recipient: string) =>
        `Disse opplysningene kan deles med ${recipient} med mindre ${person} reserverer seg.`,
    },
    state: {
      granted: (person: string, date: string) => `${person} har samtykket siden ${date}.`,
      refused: (person: string, date: string) => `${person} har sagt nei til deling siden ${date}.`,
      withdrawn: (person: string, date: string) => `${person} trakk samtykket tilbake ${date}.`,
      'not-recorded': (person: string) => `Ingen beslutning fra ${person} er registrert ennå.`,
    },
    /** The state when someone else, or nobody known, decided: never credited to the person. */
    stateRecorded: {
      granted: (person: string, date: string) => `Samtykke er registrert for ${person} siden ${date}.`,
      refused: (person: string, date: string) => `Et nei til deling er registrert for ${person} siden ${date}.`,
      withdrawn: (person: string, date: string) => `Samtykket som var registrert for ${person}, ble trukket tilbake ${date}.`,
    },
    effectSharing: 'Opplysningene deles.',
    effectNotSharing: 'Ingenting deles.',
    effectUnset: {
      'opt-in': (person: string) => `Ingenting deles før ${person} samtykker.`,
      objection: (person: string) => `Deling er tillatt til ${person} reserverer seg.`,
    },
    consequence: {
      'opt-in': (person: string, recipient: string) =>
        `Uten samtykke får ikke ${recipient} opplysninger om ${person} og må bygge på det ${person} selv forteller.`,
      objection: (person: string, recipient: string) =>
        `Hvis ${person} reserverer seg, får ikke ${recipient} disse opplysningene og må arbeide uten hele bildet.`,
    },
    decidedSelf: (name: string) => `Bestemt av ${name}.`,
    decidedProxy: (name: string, relation: string, person: string) =>
      `Bestemt av ${name}, ${relation}, på vegne av ${person}.`,
    actingFor: (name: string, relation: string, person: string) =>
      `Du registrerer en beslutning tatt av ${name}, ${relation}, på vegne av ${person}.`,
    reviewPassed: (date: string) =>
      `Datoen for ny gjennomgang (${date}) er passert. Gå gjennom samtykket med pasienten igjen.`,
    membersThere: 'Teammedlemmer der',
    listTitle: 'Samtykker til deling av opplysninger',
    empty: 'Ingen samtykker er registrert for denne personen ennå.',
    uncoveredTitle: 'Teammedlemmer som ikke dekkes av noe gyldig samtykke',
    uncoveredIntro: 'Ingen samtykker som tillater deling, dekker disse aktive teammedlemmene:',
    uncoveredNone: 'Alle aktive teammedlemmer er dekket av et samtykke som tillater deling.',
  },
};
