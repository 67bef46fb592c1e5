import { plural } from '../../plural.js';
import type { ConsentMessages } from '../../types.js';

export const consent: ConsentMessages = {
  thePerson: 'pasienten',
  yes: 'Ja',
  no: 'Nei',
  listLastJoin: { conjunction: ' og ', unit: ' og ' },
  categories: {
    health: 'helseopplysningar',
    medication: 'medisinar',
    'mental-health': 'psykisk helse',
    'social-services': 'sosiale tenester',
    housing: 'bustad',
    finances: 'pengar og stønader',
    'care-plan': 'oppfølgingsplan',
    appointments: 'avtalar',
    'contact-details': 'kontaktinformasjon',
  },
  purposes: {
    coordination: 'for å samordne hjelpa mellom tenestene',
    treatment: 'for behandling',
    'follow-up': 'for oppfølging',
    'meeting-preparation': 'for å førebu møte',
  },
  recipientKinds: { organisation: 'Verksemd', team: 'Heile teamet', person: 'Person' },
  relations: {
    self: 'personen sjølv',
    'legal-representative': 'fullmektig',
    guardian: 'verje',
    parent: 'forelder',
  },
  methods: { verbal: 'gitt munnleg', written: 'gitt skriftleg', digital: 'gitt digitalt' },
  models: {
    'opt-in': 'Samtykke: ingenting blir delt før samtykke er gitt',
    objection: 'Reservasjonsrett: deling er tillate til personen reserverer seg',
  },
  stateNames: {
    granted: 'Ja, deling tillate',
    refused: 'Nei, blir ikkje delt',
    withdrawn: 'Trekt tilbake, blir ikkje delt lenger',
    'not-recorded': 'Ikkje valt enno',
  },
  switchLabel: {
    'opt-in': (what: string, recipient: string) => `Del ${what} med ${recipient}`,
    objection: (what: string, recipient: string) => `Tillat deling av ${what} med ${recipient}`,
  },
  choiceYes: { 'opt-in': 'Ja, del', objection: 'Ja, tillat deling' },
  choiceNo: { 'opt-in': 'Nei, ikkje del', objection: 'Nei, reserver mot deling' },
  whatLabel: 'Kva som blir delt',
  whyLabel: 'Kvifor',
  ifNotLabel: 'Om det ikkje blir delt',
  legalBasisLabel: 'Rettsleg grunnlag',
  modelLabel: 'Rettsleg modell',
  validity: (from?: string, until?: string) =>
    from && until ? `Gyldig frå ${from} til ${until}` : from ? `Gyldig frå ${from}` : `Gyldig til ${until ?? ''}`,
  reviewBy: (date: string) => `Skal gåast gjennom att innan ${date}`,
  ended: (date: string) => `Denne avtalen slutta å gjelde ${date}.`,
  notStarted: (date: string) => `Denne avtalen gjeld frå ${date}.`,
  renewHint: (until?: string) => `For å seie ja igjen slår du på brytaren: den nye avtalen gjeld frå i dag ${until ? `til ${until}` : 'til han blir trekt tilbake'}.`,
  recordedBy: (name: string, method?: string) => (method ? `Registrert av ${name}, ${method}.` : `Registrert av ${name}.`),
  saving: (choice: string) => `Lagrar valet ditt: ${choice} \u2026`,
  savedNow: 'Valet ditt er lagra.',
  notSaved: (choice: string) => `Valet ditt (${choice}) vart ikkje lagra.`,
  conflictChoice: (theirs: string, mine: string) => `I den andre versjonen: ${theirs}. Du valde: ${mine}.`,
  dismiss: 'Lukk meldinga',
  history: 'Endringshistorikk',
  historyCount: (n: number) => plural('nn', n, { one: '{n} endring', other: '{n} endringar' }),
  historyEmpty: 'Ingen endringar er registrerte enno.',
  historyWhen: (date: string, time: string) => `${date} kl. ${time}`,
  requiredMessage: 'Vel ja eller nei.',
  notFoundTitle: 'Dette samtykket kan ikkje visast',
  notFound: (id: string) => `Fann ikkje noko samtykke med id \u00ab${id}\u00bb i opplysningane.`,
  groups: { organisation: 'Verksemder', team: 'Heile teamet', person: 'Personar' },
  summary: (allowed: number, total: number) =>
    plural('nn', total, {
      one: `${allowed} av {n} avtale tillèt deling`,
      other: `${allowed} av {n} avtalar tillèt deling`,
    }),
  you: {
    question: {
      'opt-in': (recipient: string) => `Vil du dele desse opplysningane med ${recipient}?`,
      objection: (recipient: string) => `Desse opplysningane kan delast med ${recipient} viss du ikkje seier nei.`,
    },
    state: {
      granted: (date: string) => `Du har sagt ja sidan ${date}.`,
      refused: (date: string) => `Du har sagt nei sidan ${date}.`,
      withdrawn: (date: string) => `Du trekte tilbake samtykket ditt ${date}.`,
      'not-recorded': () => 'Du har ikkje valt enno.',
    },
    /** The state when someone else, or nobody known, decided: never credited to the person. */
    stateRecorded: {
      granted: (date: string) => `Eit ja er registrert for deg sidan ${date}.`,
      refused: (date: string) => `Eit nei er registrert for deg sidan ${date}.`,
      withdrawn: (date: string) => `Ja-et som var registrert for deg, vart trekt tilbake ${date}.`,
    },
    effectSharing: 'Opplysningane blir delte.',
    effectNotSharing: 'Ingenting blir delt.',
    effectUnset: {
      'opt-in': 'Ingenting blir delt før du seier ja.',
      objection: 'Opplysningane kan delast til du seier nei.',
    },
    consequence: {
      'opt-in': (recipient: string) => `${recipient} får ikkje desse opplysningane. Du må kanskje fortelje dei ting sjølv.`,
      objection: (recipient: string) =>
        `Viss du seier nei, får ikkje ${recipient} desse opplysningane, og må hjelpe deg utan å vite alt.`,
    },
    decidedSelf: 'Bestemt av deg.',
    decidedProxy: (name: string, relation: string) => `Bestemt av ${name}, ${relation}, på dine vegner.`,
    actingFor: (name: string, relation: string) => `Dette valet blir teke av ${name}, ${relation}, på dine vegner.`,
    reviewPassed: (date: string) =>
      `Dette skulle vore gått gjennom att ${date}. Be koordinatoren din gå gjennom det med deg.`,
    membersThere: 'Folk i teamet ditt som jobbar der',
    listTitle: 'Kven som kan sjå opplysningane dine',
    empty: 'Ingen avtalar om deling av opplysningane dine er registrerte enno.',
    uncoveredTitle: 'Folk i teamet ditt som ikkje får opplysningar',
    uncoveredIntro: 'Ingen av avtalane over lèt opplysningar gå til desse:',
    uncoveredNone: 'Alle i teamet ditt er dekte av ein avtale som tillèt deling.',
  },
  person: {
    question: {
      'opt-in': (person: string, recipient: string) => `Samtykkjer ${person} til å dele desse opplysningane med ${recipient}?`,
      objection: (person: string, recipient: string) =>
        `Desse opplysningane kan delast med ${recipient} med mindre ${person} reserverer seg.`,
    },
    state: {
      granted: (person: string, date: string) => `${person} har samtykt sidan ${date}.`,
      refused: (person: string, date: string) => `${person} har sagt nei til deling sidan ${date}.`,
      withdrawn: (person: string, date: string) => `${person} trekte samtykket tilbake ${date}.`,
      'not-recorded': (person: string) => `Inga avgjerd frå ${person} er registrert enno.`,
    },
    /** The state when someone else, or nobody known, decided: never credited to the person. */
    stateRecorded: {
      granted: (person: string, date: string) => `Samtykke er registrert for ${person} sidan ${date}.`,
      refused: (person: string, date: string) => `Eit nei til deling er registrert for ${person} sidan ${date}.`,
      withdrawn: (person: string, date: string) => `Samtykket som var registrert for ${person}, vart trekt tilbake ${date}.`,
    },
    effectSharing: 'Opplysningane blir delte.',
    effectNotSharing: 'Ingenting blir delt.',
    effectUnset: {
      'opt-in': (person: string) => `Ingenting blir delt før ${person} samtykkjer.`,
      objection: (person: string) => `Deling er tillate til ${person} reserverer seg.`,
    },
    consequence: {
      'opt-in': (person: string, recipient: string) =>
        `Utan samtykke får ikkje ${recipient} opplysningar om ${person} og må byggje på det ${person} sjølv fortel.`,
      objection: (person: string, recipient: string) =>
        `Viss ${person} reserverer seg, får ikkje ${recipient} desse opplysningane og må arbeide utan heile biletet.`,
    },
    decidedSelf: (name: string) => `Bestemt av ${name}.`,
    decidedProxy: (name: string, relation: string, person: string) =>
      `Bestemt av ${name}, ${relation}, på vegner av ${person}.`,
    actingFor: (name: string, relation: string, person: string) =>
      `Du registrerer ei avgjerd teken av ${name}, ${relation}, på vegner av ${person}.`,
    reviewPassed: (date: string) =>
      `Datoen for ny gjennomgang (${date}) er passert. Gå gjennom samtykket med pasienten att.`,
    membersThere: 'Teammedlemmer der',
    listTitle: 'Samtykke til deling av opplysningar',
    empty: 'Ingen samtykke er registrerte for denne personen enno.',
    uncoveredTitle: 'Teammedlemmer som ikkje er dekte av noko gyldig samtykke',
    uncoveredIntro: 'Inkje samtykke som tillèt deling, dekkjer desse aktive teammedlemmene:',
    uncoveredNone: 'Alle aktive teammedlemmer er dekte av eit samtykke som tillèt deling.',
  },
};
