import { plural } from '../../plural.js';
import type { ConsentMessages } from '../../types.js';

export const consent: ConsentMessages = {
  thePerson: 'patienten',
  yes: 'Ja',
  no: 'Nej',
  listLastJoin: { conjunction: ' og ', unit: ' og ' },
  categories: {
    health: 'helbredsoplysninger',
    medication: 'medicin',
    'mental-health': 'psykisk helbred',
    'social-services': 'sociale forhold',
    housing: 'bolig',
    finances: 'økonomi og ydelser',
    'care-plan': 'plan for hjælpen',
    appointments: 'aftaler',
    'contact-details': 'kontaktoplysninger',
  },
  purposes: {
    coordination: 'for at koordinere hjælpen mellem tilbuddene',
    treatment: 'til behandling',
    'follow-up': 'til opfølgning',
    'meeting-preparation': 'for at forberede møder',
  },
  recipientKinds: { organisation: 'Organisation', team: 'Hele teamet', person: 'Person' },
  relations: {
    self: 'personen selv',
    'legal-representative': 'fuldmagtshaver',
    guardian: 'værge',
    parent: 'forælder',
  },
  methods: { verbal: 'givet mundtligt', written: 'givet skriftligt', digital: 'givet digitalt' },
  models: {
    'opt-in': 'Samtykke: intet deles, før der er givet samtykke',
    objection: 'Ret til at sige fra: deling er tilladt, indtil personen siger fra',
  },
  stateNames: {
    granted: 'Ja, deling tilladt',
    refused: 'Nej, deles ikke',
    withdrawn: 'Trukket tilbage, deles ikke længere',
    'not-recorded': 'Intet valg endnu',
  },
  switchLabel: {
    'opt-in': (what: string, recipient: string) => `Del ${what} med ${recipient}`,
    objection: (what: string, recipient: string) => `Tillad deling af ${what} med ${recipient}`,
  },
  choiceYes: { 'opt-in': 'Ja, del', objection: 'Ja, tillad deling' },
  choiceNo: { 'opt-in': 'Nej, del ikke', objection: 'Nej, sig fra over for deling' },
  whatLabel: 'Hvad der deles',
  whyLabel: 'Hvorfor',
  ifNotLabel: 'Hvis det ikke deles',
  legalBasisLabel: 'Retsgrundlag',
  modelLabel: 'Juridisk model',
  validity: (from?: string, until?: string) =>
    from && until ? `Gyldig fra ${from} til ${until}` : from ? `Gyldig fra ${from}` : `Gyldig til ${until ?? ''}`,
  reviewBy: (date: string) => `Skal gennemgås igen senest ${date}`,
  ended: (date: string) => `Denne aftale ophørte ${date}.`,
  notStarted: (date: string) => `Denne aftale gælder fra ${date}.`,
  renewHint: (until?: string) => `For at sige ja igen skal du slå kontakten til: den nye aftale gælder fra i dag${until ? ` til ${until}` : ', til den trækkes tilbage'}.`,
  recordedBy: (name: string, method?: string) => (method ? `Registreret af ${name}, ${method}.` : `Registreret af ${name}.`),
  saving: (choice: string) => `Gemmer dit valg: ${choice} \u2026`,
  savedNow: 'Dit valg er gemt.',
  notSaved: (choice: string) => `Dit valg (${choice}) blev ikke gemt.`,
  conflictChoice: (theirs: string, mine: string) => `I den anden version: ${theirs}. Du valgte: ${mine}.`,
  dismiss: 'Luk beskeden',
  history: 'Ændringshistorik',
  historyCount: (n: number) => plural('da', n, { one: '{n} ændring', other: '{n} ændringer' }),
  historyEmpty: 'Der er ikke registreret nogen ændringer endnu.',
  historyWhen: (date: string, time: string) => `${date} kl. ${time}`,
  requiredMessage: 'Vælg ja eller nej.',
  notFoundTitle: 'Dette samtykke kan ikke vises',
  notFound: (id: string) => `Der blev ikke fundet noget samtykke med id \u00bb${id}\u00ab i oplysningerne.`,
  groups: { organisation: 'Organisationer', team: 'Hele teamet', person: 'Personer' },
  summary: (allowed: number, total: number) =>
    plural('da', total, {
      one: `${allowed} af {n} aftale tillader deling`,
      other: `${allowed} af {n} aftaler tillader deling`,
    }),
  you: {
    question: {
      'opt-in': (recipient: string) => `Vil du dele disse oplysninger med ${recipient}?`,
      objection: (recipient: string) => `Disse oplysninger må deles med ${recipient}, medmindre du siger fra.`,
    },
    state: {
      granted: (date: string) => `Du har sagt ja siden ${date}.`,
      refused: (date: string) => `Du har sagt nej siden ${date}.`,
      withdrawn: (date: string) => `Du trak dit ja tilbage ${date}.`,
      'not-recorded': () => 'Du har ikke valgt endnu.',
    },
    /** The state when someone else, or nobody known, decided: never credited to the person. */
    stateRecorded: {
      granted: (date: string) => `Der er registreret et ja for dig siden ${date}.`,
      refused: (date: string) => `Der er registreret et nej for dig siden ${date}.`,
      withdrawn: (date: string) => `Det ja, der var registreret for dig, blev trukket tilbage ${date}.`,
    },
    effectSharing: 'Oplysningerne deles.',
    effectNotSharing: 'Intet deles.',
    effectUnset: {
      'opt-in': 'Intet deles, før du siger ja.',
      objection: 'Oplysningerne kan deles, indtil du siger nej.',
    },
    consequence: {
      'opt-in': (recipient: string) => `${recipient} får ikke disse oplysninger. Du skal måske selv fortælle dem ting.`,
      objection: (recipient: string) =>
        `Hvis du siger nej, får ${recipient} ikke disse oplysninger og må hjælpe dig uden at vide det hele.`,
    },
    decidedSelf: 'Besluttet af dig.',
    decidedProxy: (name: string, relation: string) => `Besluttet af ${name}, ${relation}, på dine vegne.`,
    actingFor: (name: string, relation: string) => `Dette valg træffes af ${name}, ${relation}, på dine vegne.`,
    reviewPassed: (date: string) =>
      `Dette skulle have været gennemgået igen ${date}. Bed din koordinator om at gå det igennem med dig.`,
    membersThere: 'Personer i dit team, der arbejder der',
    listTitle: 'Hvem der må se dine oplysninger',
    empty: 'Der er endnu ikke registreret aftaler om deling af dine oplysninger.',
    uncoveredTitle: 'Personer i dit team, som ikke får oplysninger',
    uncoveredIntro: 'Ingen af aftalerne ovenfor lader oplysninger gå til disse personer:',
    uncoveredNone: 'Alle i dit team er dækket af en aftale, der tillader deling.',
  },
  person: {
    question: {
      'opt-in': (person: string, recipient: string) => `Samtykker ${person} i at dele disse oplysninger med ${recipient}?`,
      objection: (person: string, recipient: string) =>
        `Disse oplysninger må deles med ${recipient}, medmindre ${person} siger fra.`,
    },
    state: {
      granted: (person: string, date: string) => `${person} har givet samtykke siden ${date}.`,
      refused: (person: string, date: string) => `${person} har sagt nej til deling siden ${date}.`,
      withdrawn: (person: string, date: string) => `${person} trak samtykket tilbage ${date}.`,
      'not-recorded': (person: string) => `Der er endnu ikke registreret nogen beslutning fra ${person}.`,
    },
    /** The state when someone else, or nobody known, decided: never credited to the person. */
    stateRecorded: {
      granted: (person: string, date: string) => `Der er registreret samtykke for ${person} siden ${date}.`,
      refused: (person: string, date: string) => `Der er registreret et nej til deling for ${person} siden ${date}.`,
      withdrawn: (person: string, date: string) => `Det samtykke, der var registreret for ${person}, blev trukket tilbage ${date}.`,
    },
    effectSharing: 'Oplysningerne deles.',
    effectNotSharing: 'Intet deles.',
    effectUnset: {
      'opt-in': (person: string) => `Intet deles, før ${person} giver samtykke.`,
      objection: (person: string) => `Deling er tilladt, indtil ${person} siger fra.`,
    },
    consequence: {
      'opt-in': (person: string, recipient: string) =>
        `Uden samtykke får ${recipient} ikke oplysninger om ${person} og må bygge på det, ${person} selv fortæller.`,
      objection: (person: string, recipient: string) =>
        `Hvis ${person} siger fra, får ${recipient} ikke disse oplysninger og må arbejde uden det fulde billede.`,
    },
    decidedSelf: (name: string) => `Besluttet af ${name}.`,
    decidedProxy: (name: string, relation: string, person: string) =>
      `Besluttet af ${name}, ${relation}, på vegne af ${person}.`,
    actingFor: (name: string, relation: string, person: string) =>
      `Du registrerer en beslutning truffet af ${name}, ${relation}, på vegne af ${person}.`,
    reviewPassed: (date: string) =>
      `Datoen for ny gennemgang (${date}) er overskredet. Gennemgå samtykket med patienten igen.`,
    membersThere: 'Teammedlemmer der',
    listTitle: 'Samtykker til deling af oplysninger',
    empty: 'Der er endnu ikke registreret samtykker for denne person.',
    uncoveredTitle: 'Teammedlemmer, der ikke er dækket af et gyldigt samtykke',
    uncoveredIntro: 'Intet samtykke, der tillader deling, dækker disse aktive teammedlemmer:',
    uncoveredNone: 'Alle aktive teammedlemmer er dækket af et samtykke, der tillader deling.',
  },
};
