// The Fjordvik case as FHIR resources, for seeding the test FHIR server: every member becomes a
// Patient, Practitioner or RelatedPerson, every organisation an Organization, and the team,
// responsibilities, consents, meetings, availability, crisis plan and meeting outcome (a Composition and
// its Communications) are written through the mapping itself.

const typeOf = (member) => (member.kind === 'service-user' ? 'Patient' : member.kind === 'professional' ? 'Practitioner' : 'RelatedPerson');

/**
 * @param m the bundled FHIR module (test/data/fhir/load-source.mjs): at least `parse`, `CareRecord` and `fjordvik`
 * @param {'R4'|'R5'} version
 * @returns {{ record: object, resources: object[], patient: string }} the record with FHIR-style ids, and the resources
 */
export function fjordvikAsFhir(m, version) {
  const parsed = m.parse('CareRecord', m.CareRecord, m.fjordvik);
  const renames = new Map([
    ...parsed.team.members.map((member) => [member.id, `${typeOf(member)}/${member.id}`]),
    ...parsed.team.organisations.map((organisation) => [organisation.id, `Organization/${organisation.id}`]),
  ]);
  const record = JSON.parse(JSON.stringify(parsed).replace(/"([^"]+)"/g, (all, value) => (renames.has(value) ? JSON.stringify(renames.get(value)) : all)));
  const patient = renames.get(parsed.team.serviceUserId);

  const people = record.team.members.map((member) => {
    const [resourceType, id] = member.id.split('/');
    const parts = member.name.split(' ');
    const resource = { resourceType, id, name: [{ text: member.name, family: parts.at(-1), given: parts.slice(0, -1) }] };
    const telecom = member.contacts
      .filter((c) => !c.private && ['phone', 'sms', 'email'].includes(c.channel))
      .map((c) => ({ system: c.channel, value: c.value, ...(c.preferred ? { rank: 1 } : {}) }));
    if (telecom.length) resource.telecom = telecom;
    if (resourceType === 'RelatedPerson') resource.patient = { reference: patient };
    return resource;
  });
  const organisations = record.team.organisations.map((o) => ({
    resourceType: 'Organization',
    id: o.id.split('/')[1],
    name: o.name,
    type: [{ coding: [{ system: m.CODE_SYSTEMS.sector, code: o.sector }] }],
  }));
  const index = new m.ResourceIndex([...people, ...organisations]);
  const lead = record.team.members.find((member) => member.coordinator);
  const coordinator = lead && { id: lead.id, name: lead.name };
  const options = { version, index, patient, team: record.team, teamId: record.team.id };
  const resources = [
    ...people,
    ...organisations,
    m.careTeamToFhir(record.team, options),
    ...record.responsibilities.map((r) => m.responsibilityToTask(r, options)),
    ...record.consents.map((c) => m.consentToFhir(c, options)),
    ...record.meetings.map((meeting) => m.meetingToFhir(meeting, options)),
    ...m.availabilityToFhir(record.availability, options),
    ...record.crisisPlans.map((plan) => m.crisisPlanToFhir(plan, options)),
    ...record.meetingOutcomes.flatMap((outcome) => [m.meetingOutcomeToFhir(outcome, options), ...m.outcomeMessagesToFhir(outcome, { ...options, coordinator })]),
  ];
  return { record, resources, patient };
}
