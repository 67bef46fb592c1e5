/** Strings of the member details dialog of `<care-team-roster>`: they arrive with the dialog's code. */
export const rosterDetails = {
  details: {
    role: 'Role',
    code: 'Role code',
    kind: 'Relation',
    organisation: 'Works at',
    offers: 'What they do',
    sector: 'Sector',
    period: 'On the team',
    lastConfirmed: 'Last confirmed',
    contacts: 'How to reach them',
    organisationContacts: (organisation: string) => `Contact ${organisation}`,
    note: 'Note',
    noContacts: 'No contact details are shown here.',
  },
};
