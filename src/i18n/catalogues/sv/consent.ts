import { plural } from '../../plural.js';
import type { ConsentMessages } from '../../types.js';

export const consent: ConsentMessages = {
  thePerson: 'patienten',
  yes: 'Ja',
  no: 'Nej',
  listLastJoin: { conjunction: ' och ', unit: ', ' },
  categories: {
    health: 'hälsouppgifter',
    medication: 'läkemedel',
    'mental-health': 'psykisk hälsa',
    'social-services': 'socialtjänst',
    housing: 'boende',
    finances: 'pengar och ersättningar',
    'care-plan': 'vårdplan',
    appointments: 'bokade tider',
    'contact-details': 'kontaktuppgifter',
  },
  purposes: {
    coordination: 'för att samordna hjälpen mellan verksamheterna',
    treatment: 'för behandling',
    'follow-up': 'för uppföljning',
    'meeting-preparation': 'för att förbereda möten',
  },
  recipientKinds: { organisation: 'Verksamhet', team: 'Hela teamet', person: 'Person' },
  relations: {
    self: 'personen själv',
    'legal-representative': 'ombud',
    guardian: 'god man',
    parent: 'förälder',
  },
  methods: { verbal: 'lämnat muntligt', written: 'lämnat skriftligt', digital: 'lämnat digitalt' },
  models: {
    'opt-in': 'Samtycke: inget delas förrän samtycke har getts',
    objection: 'Rätt att säga nej: delning är tillåten tills personen säger nej',
  },
  stateNames: {
    granted: 'Ja, delning tillåten',
    refused: 'Nej, delas inte',
    withdrawn: 'Återkallat, delas inte längre',
    'not-recorded': 'Inget val ännu',
  },
  switchLabel: {
    'opt-in': (what: string, recipient: string) => `Dela ${what} med ${recipient}`,
    objection: (what: string, recipient: string) => `Tillåt delning av ${what} med ${recipient}`,
  },
  choiceYes: { 'opt-in': 'Ja, dela', objection: 'Ja, tillåt delning' },
  choiceNo: { 'opt-in': 'Nej, dela inte', objection: 'Nej, tillåt inte delning' },
  whatLabel: 'Vad som delas',
  whyLabel: 'Varför',
  ifNotLabel: 'Om det inte delas',
  legalBasisLabel: 'Rättslig grund',
  modelLabel: 'Rättslig modell',
  validity: (from?: string, until?: string) =>
    from && until ? `Giltigt från ${from} till ${until}` : from ? `Giltigt från ${from}` : `Giltigt till ${until ?? ''}`,
  reviewBy: (date: string) => `Ska gås igenom igen senast ${date}`,
  ended: (date: string) => `Den här överenskommelsen upphörde ${date}.`,
  notStarted: (date: string) => `Den här överenskommelsen gäller från ${date}.`,
  renewHint: (until?: string) => `För att säga ja igen slår du på reglaget: den nya överenskommelsen gäller från i dag ${until ? `till ${until}` : 'tills den tas tillbaka'}.`,
  recordedBy: (name: string, method?: string) => (method ? `Registrerat av ${name}, ${method}.` : `Registrerat av ${name}.`),
  saving: (choice: string) => `Sparar ditt val: ${choice} \u2026`,
  savedNow: 'Ditt val har sparats.',
  notSaved: (choice: string) => `Ditt val (${choice}) sparades inte.`,
  conflictChoice: (theirs: string, mine: string) => `I den andra versionen: ${theirs}. Du valde: ${mine}.`,
  dismiss: 'Stäng meddelandet',
  history: 'Ändringshistorik',
  historyCount: (n: number) => plural('sv', n, { one: '{n} ändring', other: '{n} ändringar' }),
  historyEmpty: 'Inga ändringar har registrerats ännu.',
  historyWhen: (date: string, time: string) => `${date} kl. ${time}`,
  requiredMessage: 'Välj ja eller nej.',
  notFoundTitle: 'Det här samtycket kan inte visas',
  notFound: (id: string) => `Inget samtycke med id \u201d${id}\u201d hittades i uppgifterna.`,
  groups: { organisation: 'Verksamheter', team: 'Hela teamet', person: 'Personer' },
  summary: (allowed: number, total: number) =>
    plural('sv', total, {
      one: `${allowed} av {n} överenskommelse tillåter delning`,
      other: `${allowed} av {n} överenskommelser tillåter delning`,
    }),
  you: {
    question: {
      'opt-in': (recipient: string) => `Vill du dela de här uppgifterna med ${recipient}?`,
      objection: (recipient: string) => `De här uppgifterna får delas med ${recipient} om du inte säger nej.`,
    },
    state: {
      granted: (date: string) => `Du har sagt ja sedan ${date}.`,
      refused: (date: string) => `Du har sagt nej sedan ${date}.`,
      withdrawn: (date: string) => `Du tog tillbaka ditt ja ${date}.`,
      'not-recorded': () => 'Du har inte valt ännu.',
    },
    /** The state when someone else, or nobody known, decided: never credited to the person. */
    stateRecorded: {
      granted: (date: string) => `Ett ja har registrerats för dig sedan ${date}.`,
      refused: (date: string) => `Ett nej har registrerats för dig sedan ${date}.`,
      withdrawn: (date: string) => `Det ja som registrerats för dig togs tillbaka ${date}.`,
    },
    effectSharing: 'Uppgifterna delas.',
    effectNotSharing: 'Inget delas.',
    effectUnset: {
      'opt-in': 'Inget delas förrän du säger ja.',
      objection: 'Uppgifterna kan delas tills du säger nej.',
    },
    consequence: {
      'opt-in': (recipient: string) => `${recipient} får inte de här uppgifterna. Du kan behöva berätta saker för dem själv.`,
      objection: (recipient: string) =>
        `Om du säger nej får ${recipient} inte de här uppgifterna och måste hjälpa dig utan att veta allt.`,
    },
    decidedSelf: 'Beslutat av dig.',
    decidedProxy: (name: string, relation: string) => `Beslutat av ${name}, ${relation}, för din räkning.`,
    actingFor: (name: string, relation: string) => `Det här valet görs av ${name}, ${relation}, för din räkning.`,
    reviewPassed: (date: string) =>
      `Det här skulle ha gåtts igenom igen ${date}. Be din samordnare att gå igenom det med dig.`,
    membersThere: 'Personer i ditt team som arbetar där',
    listTitle: 'Vem som får se dina uppgifter',
    empty: 'Inga överenskommelser om att dela dina uppgifter har registrerats ännu.',
    uncoveredTitle: 'Personer i ditt team som inte får några uppgifter',
    uncoveredIntro: 'Ingen av överenskommelserna ovan låter uppgifter gå till de här personerna:',
    uncoveredNone: 'Alla i ditt team omfattas av en överenskommelse som tillåter delning.',
  },
  person: {
    question: {
      'opt-in': (person: string, recipient: string) => `Samtycker ${person} till att dela de här uppgifterna med ${recipient}?`,
      objection: (person: string, recipient: string) =>
        `De här uppgifterna får delas med ${recipient} om inte ${person} säger nej.`,
    },
    state: {
      granted: (person: string, date: string) => `${person} har samtyckt sedan ${date}.`,
      refused: (person: string, date: string) => `${person} har sagt nej till delning sedan ${date}.`,
      withdrawn: (person: string, date: string) => `${person} återkallade samtycket ${date}.`,
      'not-recorded': (person: string) => `Inget beslut från ${person} har registrerats ännu.`,
    },
    /** The state when someone else, or nobody known, decided: never credited to the person. */
    stateRecorded: {
      granted: (person: string, date: string) => `Samtycke har registrerats för ${person} sedan ${date}.`,
      refused: (person: string, date: string) => `Ett nej till delning har registrerats för ${person} sedan ${date}.`,
      withdrawn: (person: string, date: string) => `Det samtycke som registrerats för ${person} togs tillbaka ${date}.`,
    },
    effectSharing: 'Uppgifterna delas.',
    effectNotSharing: 'Inget delas.',
    effectUnset: {
      'opt-in': (person: string) => `Inget delas förrän ${person} samtycker.`,
      objection: (person: string) => `Delning är tillåten tills ${person} säger nej.`,
    },
    consequence: {
      'opt-in': (person: string, recipient: string) =>
        `Utan samtycke får ${recipient} inga uppgifter om ${person} och får förlita sig på det ${person} själv berättar.`,
      objection: (person: string, recipient: string) =>
        `Om ${person} säger nej får ${recipient} inte de här uppgifterna och måste arbeta utan hela bilden.`,
    },
    decidedSelf: (name: string) => `Beslutat av ${name}.`,
    decidedProxy: (name: string, relation: string, person: string) =>
      `Beslutat av ${name}, ${relation}, på uppdrag av ${person}.`,
    actingFor: (name: string, relation: string, person: string) =>
      `Du registrerar ett beslut som ${name}, ${relation}, har fattat på uppdrag av ${person}.`,
    reviewPassed: (date: string) =>
      `Datumet för ny genomgång (${date}) har passerat. Gå igenom samtycket med patienten igen.`,
    membersThere: 'Teammedlemmar där',
    listTitle: 'Samtycken till att dela uppgifter',
    empty: 'Inga samtycken har registrerats för den här personen ännu.',
    uncoveredTitle: 'Teammedlemmar som inte omfattas av något giltigt samtycke',
    uncoveredIntro: 'Inget samtycke som tillåter delning omfattar de här aktiva teammedlemmarna:',
    uncoveredNone: 'Alla aktiva teammedlemmar omfattas av ett samtycke som tillåter delning.',
  },
};
