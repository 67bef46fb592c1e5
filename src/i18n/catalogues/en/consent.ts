import { plural } from '../../plural.js';

/**
 * Strings of `<care-consent-toggle>`, which `<care-consent-list>` shows too through its toggles.
 * `you` is the wording for the person whose consent it is (service-user audience); `person` is the
 * wording for professionals, with the person's name (or `thePerson`) passed in.
 */
export const consentToggle = {
  thePerson: 'the patient',
  yes: 'Yes',
  no: 'No',
  /** What joins the last two items of a list: what is shared ("health information, medicines and housing"), and the members there. */
  listLastJoin: { conjunction: ' and ', unit: ', ' },
  categories: {
    health: 'health information',
    medication: 'medicines',
    'mental-health': 'mental health',
    'social-services': 'social services',
    housing: 'housing',
    finances: 'money and benefits',
    'care-plan': 'care plan',
    appointments: 'appointments',
    'contact-details': 'contact details',
  },
  purposes: {
    coordination: 'to coordinate care between services',
    treatment: 'for treatment',
    'follow-up': 'for follow-up',
    'meeting-preparation': 'to prepare meetings',
  },
  recipientKinds: { organisation: 'Organisation', team: 'Whole care team', person: 'Person' },
  relations: {
    self: 'the person themselves',
    'legal-representative': 'legal representative',
    guardian: 'guardian',
    parent: 'parent',
  },
  methods: { verbal: 'given verbally', written: 'given in writing', digital: 'given digitally' },
  models: {
    'opt-in': 'Opt-in: nothing is shared until consent is given',
    objection: 'Right to object: sharing is allowed until the person objects',
  },
  stateNames: {
    granted: 'Yes, sharing allowed',
    refused: 'No, not shared',
    withdrawn: 'Withdrawn, no longer shared',
    'not-recorded': 'No choice recorded',
  },
  switchLabel: {
    'opt-in': (what: string, recipient: string) => `Share ${what} with ${recipient}`,
    objection: (what: string, recipient: string) => `Allow sharing ${what} with ${recipient}`,
  },
  choiceYes: { 'opt-in': 'Yes, share', objection: 'Yes, allow sharing' },
  choiceNo: { 'opt-in': 'No, don\u2019t share', objection: 'No, object to sharing' },
  whatLabel: 'What is shared',
  whyLabel: 'Why',
  ifNotLabel: 'If it is not shared',
  legalBasisLabel: 'Legal basis',
  modelLabel: 'Legal model',
  validity: (from?: string, until?: string) =>
    from && until ? `Valid from ${from} to ${until}` : from ? `Valid from ${from}` : `Valid until ${until ?? ''}`,
  reviewBy: (date: string) => `To be looked at again by ${date}`,
  ended: (date: string) => `This agreement ended on ${date}.`,
  notStarted: (date: string) => `This agreement starts on ${date}.`,
  renewHint: (until?: string) => `To say yes again, turn the switch on: the new agreement is valid from today ${until ? `to ${until}` : 'until it is taken back'}.`,
  recordedBy: (name: string, method?: string) => (method ? `Recorded by ${name}, ${method}.` : `Recorded by ${name}.`),
  saving: (choice: string) => `Saving your choice: ${choice}\u2026`,
  savedNow: 'Your choice has been saved.',
  notSaved: (choice: string) => `Your choice (${choice}) was not saved.`,
  conflictChoice: (theirs: string, mine: string) => `In the other version: ${theirs}. You chose: ${mine}.`,
  dismiss: 'Dismiss',
  history: 'History of changes',
  historyCount: (n: number) => plural('en', n, { one: '{n} change', other: '{n} changes' }),
  historyEmpty: 'No changes have been recorded yet.',
  historyWhen: (date: string, time: string) => `${date} at ${time}`,
  requiredMessage: 'Choose yes or no.',
  notFoundTitle: 'This consent cannot be shown',
  notFound: (id: string) => `No consent with the id \u201c${id}\u201d was found in the care record.`,
  you: {
    question: {
      'opt-in': (recipient: string) => `Do you agree to share this information with ${recipient}?`,
      objection: (recipient: string) => `Sharing this information with ${recipient} is allowed unless you object.`,
    },
    state: {
      granted: (date: string) => `You have said yes since ${date}.`,
      refused: (date: string) => `You have said no since ${date}.`,
      withdrawn: (date: string) => `You took back your yes on ${date}.`,
      'not-recorded': () => 'No choice recorded yet.',
    },
    /** The state when someone else, or nobody known, decided: never credited to the person. */
    stateRecorded: {
      granted: (date: string) => `A yes has been recorded for you since ${date}.`,
      refused: (date: string) => `A no has been recorded for you since ${date}.`,
      withdrawn: (date: string) => `The yes recorded for you was taken back on ${date}.`,
    },
    effectSharing: 'Information is shared.',
    effectNotSharing: 'Nothing is shared.',
    effectUnset: {
      'opt-in': 'Nothing is shared until you say yes.',
      objection: 'Information may be shared until you say no.',
    },
    consequence: {
      'opt-in': (recipient: string) =>
        `${recipient} will not get this information. You may have to tell them things yourself.`,
      objection: (recipient: string) =>
        `If you say no, ${recipient} will not get this information and may have to help you without knowing all of it.`,
    },
    decidedSelf: 'Decided by you.',
    decidedProxy: (name: string, relation: string) => `Decided by ${name}, ${relation}, on your behalf.`,
    actingFor: (name: string, relation: string) => `This choice is made by ${name}, ${relation}, on your behalf.`,
    reviewPassed: (date: string) =>
      `This was due to be looked at again on ${date}. Ask your coordinator to go through it with you.`,
    membersThere: 'People on your team who work there',
  },
  person: {
    question: {
      'opt-in': (person: string, recipient: string) => `Does ${person} agree to share this information with ${recipient}?`,
      objection: (person: string, recipient: string) =>
        `Sharing this information with ${recipient} is allowed unless ${person} objects.`,
    },
    state: {
      granted: (person: string, date: string) => `${person} has consented since ${date}.`,
      refused: (person: string, date: string) => `${person} has said no to sharing since ${date}.`,
      withdrawn: (person: string, date: string) => `${person} withdrew consent on ${date}.`,
      'not-recorded': (person: string) => `No decision by ${person} has been recorded yet.`,
    },
    /** The state when someone else, or nobody known, decided: never credited to the person. */
    stateRecorded: {
      granted: (person: string, date: string) => `Consent has been recorded for ${person} since ${date}.`,
      refused: (person: string, date: string) => `A no to sharing has been recorded for ${person} since ${date}.`,
      withdrawn: (person: string, date: string) => `The consent recorded for ${person} was withdrawn on ${date}.`,
    },
    effectSharing: 'Information is shared.',
    effectNotSharing: 'Nothing is shared.',
    effectUnset: {
      'opt-in': (person: string) => `Nothing is shared until ${person} consents.`,
      objection: (person: string) => `Sharing is allowed until ${person} objects.`,
    },
    consequence: {
      'opt-in': (person: string, recipient: string) =>
        `Without consent, ${recipient} does not receive information about ${person} and must rely on what ${person} tells them.`,
      objection: (person: string, recipient: string) =>
        `If ${person} objects, ${recipient} does not receive this information and must work without the full picture.`,
    },
    decidedSelf: (name: string) => `Decided by ${name}.`,
    decidedProxy: (name: string, relation: string, person: string) =>
      `Decided by ${name}, ${relation}, on behalf of ${person}.`,
    actingFor: (name: string, relation: string, person: string) =>
      `You are recording a decision made by ${name}, ${relation}, on behalf of ${person}.`,
    reviewPassed: (date: string) => `The review date (${date}) has passed. Go through this consent with the patient again.`,
    membersThere: 'Team members there',
  },
};

/**
 * Every consent string: the toggle's, and those only `<care-consent-list>` shows (its title, groups,
 * summary and the members not covered), which the toggle's bundle leaves out.
 */
export const consent = {
  ...consentToggle,
  groups: { organisation: 'Organisations', team: 'The whole care team', person: 'People' },
  summary: (allowed: number, total: number) =>
    plural('en', total, {
      one: `${allowed} of {n} agreement allows sharing`,
      other: `${allowed} of {n} agreements allow sharing`,
    }),
  you: {
    ...consentToggle.you,
    listTitle: 'Who may see your information',
    empty: 'No agreements about sharing your information have been recorded yet.',
    uncoveredTitle: 'People on your team who get no information',
    uncoveredIntro: 'None of the agreements above lets information go to these people:',
    uncoveredNone: 'Everyone on your team is covered by an agreement that allows sharing.',
  },
  person: {
    ...consentToggle.person,
    listTitle: 'Consents to share information',
    empty: 'No consents are recorded for this person yet.',
    uncoveredTitle: 'Team members not covered by any active consent',
    uncoveredIntro: 'No consent that allows sharing covers these active team members:',
    uncoveredNone: 'Every active team member is covered by a consent that allows sharing.',
  },
};
