// The FHIR mapping rules one by one, in R4 and R5: references, roles, the coordinator, consents
// with nested provisions, RACI, statuses, virtual services and recurrence.
// Run: node --test test/data/fhir/
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFhirModule, root } from './load-source.mjs';

const m = await loadFhirModule();
const TODAY = '2026-11-23';
const SCT = 'http://snomed.info/sct';

const practitioner = { resourceType: 'Practitioner', id: 'kari', name: [{ given: ['Kari'], family: 'Nilsen' }], telecom: [{ system: 'phone', value: '+47 55 00 10 21', rank: 1 }, { system: 'sms', value: '+47 900 10 021' }, { system: 'fax', value: '123' }] };
const role = {
  resourceType: 'PractitionerRole',
  id: 'kari-role',
  practitioner: { reference: 'Practitioner/kari' },
  organization: { reference: 'Organization/home-care' },
  telecom: [{ system: 'phone', value: '+47 55 00 10 00' }],
  availableTime: [{ daysOfWeek: ['mon', 'tue', 'wed', 'thu', 'fri'], availableStartTime: '08:00:00', availableEndTime: '15:30:00' }],
};
const organisation = { resourceType: 'Organization', id: 'home-care', name: 'Fjordvik Home Care', type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'govt' }] }] };
const oddOrganisation = { resourceType: 'Organization', id: 'odd', name: 'Odd Ltd', type: [{ coding: [{ system: 'urn:local', code: 'x' }] }] };
const patient = { resourceType: 'Patient', id: 'ingrid', name: [{ text: 'Ingrid Solberg' }] };

const team = (version, extra = {}) => ({
  resourceType: 'CareTeam',
  id: 't1',
  status: 'active',
  subject: { reference: 'Patient/ingrid' },
  contained: [{ resourceType: 'RelatedPerson', id: 'erik', name: [{ text: 'Erik Solberg' }], relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'BRO' }] }] }],
  participant: [
    version === 'R4'
      ? { role: [{ coding: [{ system: SCT, code: '224535009' }], text: 'Nurse' }, { coding: [{ system: SCT, code: '768821004' }] }], member: { reference: 'PractitionerRole/kari-role' }, period: { start: '2025-02-03' } }
      : { role: { coding: [{ system: SCT, code: '224535009' }], text: 'Nurse' }, member: { reference: 'PractitionerRole/kari-role' }, coveragePeriod: { start: '2025-02-03' } },
    ...(version === 'R5' ? [{ role: { coding: [{ system: SCT, code: '768821004' }] }, member: { reference: 'PractitionerRole/kari-role' } }] : []),
    { member: { reference: '#erik' } },
    { member: { reference: 'https://elsewhere.example/fhir/Practitioner/77', display: 'Dr Outside' }, onBehalfOf: { reference: 'Organization/odd' } },
    { member: { reference: 'Practitioner/gone', display: 'Tor Ended' }, [version === 'R4' ? 'period' : 'coveragePeriod']: { start: '2020-01-01', end: '2024-06-30' } },
    { member: { reference: 'Practitioner/missing' } },
  ],
  ...extra,
});

for (const version of ['R4', 'R5']) {
  const index = new m.ResourceIndex([practitioner, role, organisation, oddOrganisation, patient], 'https://hospital.example/fhir');
  const options = { version, index, today: TODAY };

  describe(`CareTeam ${version}`, () => {
    const read = m.careTeamFromFhir(team(version), options);
    const member = (id) => read.members.find((x) => x.id === id);

    test('resolves contained, relative, absolute and missing references', () => {
      assert.equal(member('PractitionerRole/kari-role').name, 'Kari Nilsen', 'a PractitionerRole takes its practitioner\u2019s name');
      assert.equal(member('erik').name, 'Erik Solberg');
      assert.equal(member('erik').kind, 'next-of-kin');
      assert.equal(member('https://elsewhere.example/fhir/Practitioner/77').name, 'Dr Outside', 'another server\u2019s resource keeps its display text');
      assert.equal(member('Practitioner/missing').name, m.UNKNOWN_PERSON);
      assert.equal(read.serviceUserId, 'Patient/ingrid');
      assert.equal(member('Patient/ingrid').kind, 'service-user', 'the subject is a member of their own team');
      assert.equal(member('Patient/ingrid').name, 'Ingrid Solberg');
    });

    test('the coordinator is SNOMED CT 768821004 (R4: a second role; R5: a second participant)', () => {
      const kari = member('PractitionerRole/kari-role');
      assert.equal(kari.coordinator, true);
      assert.deepEqual(kari.role, { code: '224535009', system: SCT, label: 'Nurse' });
      assert.equal(read.members.filter((x) => x.id === 'PractitionerRole/kari-role').length, 1, 'one member, however many participants');
      assert.ok(m.check(m.CareTeam, read).ok, JSON.stringify(m.check(m.CareTeam, read).issues));
    });

    test('organisation sector from HL7 organization-type, else the default with the original type kept', () => {
      assert.equal(member('PractitionerRole/kari-role').organisationId, 'Organization/home-care');
      const homeCare = read.organisations.find((o) => o.id === 'Organization/home-care');
      assert.equal(homeCare.sector, 'municipal');
      const odd = read.organisations.find((o) => o.id === 'Organization/odd');
      assert.equal(odd.sector, 'specialist');
      assert.deepEqual(odd.fhir.type, oddOrganisation.type);
    });

    test('telecom becomes contacts in E.164: rank 1 preferred, SMS, role hours, fax left out', () => {
      const contacts = member('PractitionerRole/kari-role').contacts;
      assert.deepEqual(contacts[0], { channel: 'phone', value: '+4755001000', hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '15:30' }] });
      assert.deepEqual(contacts.slice(1), [{ channel: 'phone', value: '+4755001021', preferred: true }, { channel: 'sms', value: '+4790010021' }]);
    });

    test('a period that has ended makes the member ended; ending a member writes the period end', () => {
      assert.equal(member('Practitioner/gone').status, 'ended');
      const ended = { ...read, members: read.members.map((x) => (x.id === 'erik' ? { ...x, status: 'ended' } : x)) };
      const written = m.careTeamToFhir(ended, options);
      const erik = written.participant.find((p) => p.member.reference === '#erik');
      assert.equal((version === 'R4' ? erik.period : erik.coveragePeriod).end, TODAY);
      assert.equal(m.careTeamFromFhir(written, options).members.find((x) => x.id === 'erik').status, 'ended');
    });

    test('a member whose PractitionerRole is no longer active (active false, or its period ended) is ended, not shown as on the team today', () => {
      const roles = [
        { ...role, id: 'left-role', active: false },
        { ...role, id: 'over-role', period: { start: '2020-01-01', end: '2025-12-31' } },
        { ...role, id: 'later-role', period: { start: '2027-01-01' } },
      ];
      const local = new m.ResourceIndex([practitioner, organisation, patient, ...roles], 'https://hospital.example/fhir');
      const periodKey = version === 'R4' ? 'period' : 'coveragePeriod';
      const resource = {
        resourceType: 'CareTeam',
        id: 't-roles',
        status: 'active',
        subject: { reference: 'Patient/ingrid' },
        participant: roles.map((r) => ({ member: { reference: `PractitionerRole/${r.id}` }, [periodKey]: { start: '2025-01-01' } })),
      };
      const readRoles = m.careTeamFromFhir(resource, { ...options, index: local });
      const status = (id) => readRoles.members.find((x) => x.id === `PractitionerRole/${id}`).status;
      assert.equal(status('left-role'), 'ended', 'PractitionerRole.active false');
      assert.equal(status('over-role'), 'ended', 'PractitionerRole.period ended');
      assert.equal(status('later-role'), 'proposed', 'PractitionerRole.period not started');
      assert.deepEqual(m.careTeamToFhir(readRoles, { ...options, index: local }), resource, 'written back unchanged it is the same resource');
    });

    test('written back unchanged it is the same resource; a rename changes only the name', () => {
      assert.deepEqual(m.careTeamToFhir(read, options), team(version));
      assert.deepEqual(m.careTeamToFhir({ ...read, name: 'Ingrid\u2019s team' }, options), { ...team(version), name: 'Ingrid\u2019s team' });
    });

    test('a member who leaves the list leaves the resource, contained resource included', () => {
      const without = { ...read, members: read.members.filter((x) => x.id !== 'erik') };
      const written = m.careTeamToFhir(without, options);
      assert.ok(!written.participant.some((p) => p.member.reference === '#erik'));
      assert.equal(written.contained, undefined);
      assert.equal(written.participant.length, team(version).participant.length - 1);
    });

    test('a new coordinator moves the coordinator role', () => {
      const moved = { ...read, members: read.members.map((x) => ({ ...x, coordinator: x.id === 'erik' ? true : undefined })) };
      const written = m.careTeamToFhir(JSON.parse(JSON.stringify(moved)), options);
      const again = m.careTeamFromFhir(written, options);
      assert.deepEqual(again.members.filter((x) => x.coordinator).map((x) => x.id), ['erik']);
      const roles = (p) => (Array.isArray(p.role) ? p.role : p.role ? [p.role] : []);
      const erik = written.participant.filter((p) => p.member.reference === '#erik');
      assert.ok(erik.some((p) => roles(p).some((r) => r.coding?.some((c) => c.code === '768821004'))));
    });
  });

  describe(`CareTeam ${version}: references and roles from other people's data`, () => {
    const roleKey = version === 'R4' ? 'role' : 'role';
    const roleOf = (concept) => (version === 'R4' ? [concept] : concept);
    const other = {
      resourceType: 'CareTeam',
      id: 't2',
      status: 'active',
      subject: { reference: 'Patient/ingrid' },
      participant: [
        { member: { reference: 'https://other.example/fhir/Patient/ingrid', display: 'Ingrid Solberg' } },
        { [roleKey]: roleOf({ coding: [{ system: SCT, code: '62247001' }] }), member: { reference: 'Practitioner/kari' } },
        { [roleKey]: roleOf({ coding: [{ system: SCT, code: '999999999' }] }), member: { reference: 'CareTeam/home-care-team', display: 'Home care team' } },
      ],
    };
    const read = m.careTeamFromFhir(other, options);

    test('an absolute and a relative reference to the same patient are one member', () => {
      assert.deepEqual(read.members.filter((x) => x.name === 'Ingrid Solberg').map((x) => [x.id, x.kind]), [['Patient/ingrid', 'service-user']]);
      assert.deepEqual(m.careTeamToFhir(read, options), other, 'written back unchanged');
    });

    test('a CareTeam that is a member of a CareTeam is a team, not a person', () => {
      const nested = read.members.find((x) => x.id === 'CareTeam/home-care-team');
      assert.equal(nested.kind, 'team');
      assert.equal(nested.name, 'Home care team');
      assert.ok(m.check(m.CareTeam, read).ok);
    });

    test('a resource on another server is never shown as this server\u2019s resource with the same Type/id', () => {
      // Practitioner/kari on this server is Kari Nilsen; Practitioner/kari on the GP's server is someone else.
      const outside = 'https://gp.example/fhir/Practitioner/kari';
      const foreign = m.careTeamFromFhir({ ...other, id: 't3', participant: [{ member: { reference: outside, display: 'Dr Per Outside' } }] }, options);
      assert.deepEqual(foreign.members.filter((x) => x.kind !== 'service-user').map((x) => [x.id, x.name]), [[outside, 'Dr Per Outside']]);
      const consent =
        version === 'R4'
          ? { resourceType: 'Consent', id: 'gp', status: 'active', scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] }, patient: { reference: 'Patient/ingrid' }, dateTime: '2026-03-02T10:00:00Z', provision: { type: 'permit', actor: [{ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PRCP' }] }, reference: { reference: outside, display: 'Dr Per Outside' } }] } }
          : { resourceType: 'Consent', id: 'gp', status: 'active', category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'INFA' }] }], subject: { reference: 'Patient/ingrid' }, date: '2026-03-02', decision: 'permit', grantee: [{ reference: outside, display: 'Dr Per Outside' }] };
      assert.deepEqual(m.consentFromFhir(consent, options).recipient, { kind: 'person', name: 'Dr Per Outside', id: outside }, 'the consent is to share with the GP\u2019s practitioner, not with Kari Nilsen');
      // This server's own absolute URL, and a Bundle fullUrl, still find the resource.
      assert.equal(index.nameOf({ reference: 'https://hospital.example/fhir/Practitioner/kari/_history/2' }), 'Kari Nilsen');
      const withFullUrl = new m.ResourceIndex([], 'https://hospital.example/fhir');
      withFullUrl.add(practitioner, 'http://fhir-internal:8080/fhir/Practitioner/kari');
      assert.equal(withFullUrl.nameOf({ reference: 'http://fhir-internal:8080/fhir/Practitioner/kari' }), 'Kari Nilsen');
      assert.equal(withFullUrl.key({ reference: 'http://fhir-internal:8080/fhir/Practitioner/kari' }), 'Practitioner/kari');
    });

    test('a resource contained in a Task or Consent is never taken for the team member contained in the CareTeam under the same local id', () => {
      // The CareTeam contains Erik Solberg as #erik; a Task and a Consent each contain someone else as #erik.
      const roster = m.careTeamFromFhir(team(version), options);
      assert.equal(roster.members.find((x) => x.id === 'erik')?.name, 'Erik Solberg');
      const withTeam = { ...options, team: roster };
      const stranger = { resourceType: 'Practitioner', id: 'erik', name: [{ text: 'Dr Erik Annen' }] };
      const task = { resourceType: 'Task', id: 'tc', status: 'accepted', intent: 'plan', contained: [stranger], code: { text: 'Blood tests' }, owner: { reference: '#erik' } };
      const owner = m.responsibilityFromTask(task, withTeam).assignments[0].memberId;
      assert.notEqual(owner, 'erik', 'the Task is not assigned to Erik Solberg');
      assert.deepEqual(m.responsibilityToTask(m.responsibilityFromTask(task, withTeam), withTeam), task, 'written back unchanged it is the same Task');
      const prcpRole = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PRCP' }] };
      const consent =
        version === 'R4'
          ? { resourceType: 'Consent', id: 'cc', status: 'active', contained: [stranger], scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] }, patient: { reference: 'Patient/ingrid' }, dateTime: '2026-03-02T10:00:00Z', provision: { type: 'permit', actor: [{ role: prcpRole, reference: { reference: '#erik' } }] } }
          : { resourceType: 'Consent', id: 'cc', status: 'active', contained: [stranger], category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'INFA' }] }], subject: { reference: 'Patient/ingrid' }, date: '2026-03-02', decision: 'permit', grantee: [{ reference: '#erik' }] };
      const recipient = m.consentFromFhir(consent, withTeam).recipient;
      assert.equal(recipient.name, 'Dr Erik Annen');
      assert.notEqual(recipient.id, 'erik', 'a consent to share with Dr Erik Annen does not cover Erik Solberg');
      assert.deepEqual(m.consentToFhir(m.consentFromFhir(consent, withTeam), withTeam), consent, 'written back unchanged it is the same Consent');
    });

    test('a person is shown by the name they have now, not by a former one', () => {
      const renamed = { resourceType: 'Practitioner', id: 'renamed', name: [{ use: 'old', text: 'Kim Former' }, { text: 'Kim Current' }] };
      const married = { resourceType: 'RelatedPerson', id: 'married', name: [{ text: 'Anne Hansen', period: { end: '2020-06-01' } }, { use: 'maiden', text: 'Anne Berg' }, { text: 'Anne Solberg', period: { start: '2020-06-01' } }] };
      const onlyOld = { resourceType: 'Practitioner', id: 'only-old', name: [{ use: 'old', text: 'Per Earlier' }] };
      const local = new m.ResourceIndex([renamed, married, onlyOld, patient], 'https://hospital.example/fhir');
      const resource = { ...other, id: 't-names', participant: [{ member: { reference: 'Practitioner/renamed' } }, { member: { reference: 'RelatedPerson/married' } }, { member: { reference: 'Practitioner/only-old' } }] };
      const names = m.careTeamFromFhir(resource, { ...options, index: local }).members.filter((x) => x.kind !== 'service-user').map((x) => x.name);
      assert.deepEqual(names, ['Kim Current', 'Anne Solberg', 'Per Earlier'], 'a former name only when there is no other');
    });

    test('a role with only a known code gets its name; an unknown bare code is not shown as a label', () => {
      assert.deepEqual(read.members.find((x) => x.id === 'Practitioner/kari').role, { code: '62247001', label: 'General practitioner', system: SCT });
      assert.equal(read.members.find((x) => x.id === 'CareTeam/home-care-team').role, undefined);
    });
  });

  describe(`CareTeam ${version}: telephone numbers in E.164, once per member`, () => {
    const doctor = { resourceType: 'Practitioner', id: 'doc', name: [{ text: 'Dag Lege' }], telecom: [{ system: 'phone', value: '(+47) 22 33-44-55' }, { system: 'email', value: 'Dag@Clinic.example' }, { system: 'phone', value: '98 76 54 32', rank: 1 }] };
    const doctorRole = { resourceType: 'PractitionerRole', id: 'doc-role', practitioner: { reference: 'Practitioner/doc' }, telecom: [{ system: 'phone', value: 'tel:+4722334455' }, { system: 'email', value: 'dag@clinic.example' }, { system: 'phone', value: '+47 987 65 432' }] };
    const careTeam = { resourceType: 'CareTeam', id: 't3', subject: { reference: 'Patient/ingrid' }, participant: [{ member: { reference: 'PractitionerRole/doc-role' } }] };
    const readIn = (timeZone) => m.careTeamFromFhir(careTeam, { version, index: new m.ResourceIndex([doctor, doctorRole, patient]), today: TODAY, timeZone }).members.find((x) => x.id === 'PractitionerRole/doc-role').contacts;

    test('the same number on the PractitionerRole and its Practitioner is shown once (preferred if either says so)', () => {
      assert.deepEqual(readIn('Europe/Oslo'), [
        { channel: 'phone', value: '+4722334455' },
        { channel: 'email', value: 'dag@clinic.example' },
        { channel: 'phone', value: '+4798765432', preferred: true },
      ]);
    });

    test('a national number takes the country of the time zone; without a known country it stays as written', () => {
      assert.deepEqual(readIn('Europe/Copenhagen').at(-1), { channel: 'phone', value: '+4598765432', preferred: true }, 'in Denmark the same digits are a Danish number');
      assert.deepEqual(readIn('America/New_York').map((c) => c.value), ['+4722334455', 'dag@clinic.example', '+4798765432', '98 76 54 32']);
    });

    test('an address country decides over the time zone: Danish digits in Oslo are Danish; another country\u2019s stay as written', () => {
      const abroad = (country) => m.careTeamFromFhir({ ...careTeam, participant: [{ member: { reference: 'Practitioner/doc' } }] }, { version, index: new m.ResourceIndex([{ ...doctor, address: [{ city: 'X', country }] }, patient]), today: TODAY }).members.find((x) => x.id === 'Practitioner/doc').contacts.at(-1).value;
      assert.equal(abroad('DK'), '+4598765432');
      assert.equal(abroad('Danmark'), '+4598765432');
      assert.equal(abroad('NZ'), '98 76 54 32');
    });
  });

  describe(`Consent ${version}`, () => {
    const r4 = {
      resourceType: 'Consent',
      id: 'c1',
      status: 'active',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
      patient: { reference: 'Patient/ingrid' },
      dateTime: '2026-03-02T10:00:00+01:00',
      performer: [{ reference: 'Patient/ingrid' }],
      policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }], text: 'Patient and User Rights Act \u00a7 5-3' },
      provision: {
        type: 'permit',
        period: { start: '2026-03-02', end: '2027-03-02' },
        actor: [{ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PRCP' }] }, reference: { reference: 'Organization/home-care' } }],
        purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'COC' }],
        provision: [{ type: 'deny', securityLabel: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY' }] }],
      },
    };
    const r5 = {
      resourceType: 'Consent',
      id: 'c1',
      status: 'active',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'INFA' }] }],
      subject: { reference: 'Patient/ingrid' },
      date: '2026-03-02',
      grantor: [{ reference: 'Patient/ingrid' }],
      grantee: [{ reference: 'Organization/home-care' }],
      regulatoryBasis: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }], text: 'Patient and User Rights Act \u00a7 5-3' }],
      decision: 'deny',
      provision: [
        {
          period: { start: '2026-03-02', end: '2027-03-02' },
          actor: [{ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PRCP' }] }, reference: { reference: 'Organization/home-care' } }],
          purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'COC' }],
          provision: [{ securityLabel: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY' }] }],
        },
      ],
    };
    const resource = version === 'R4' ? r4 : r5;
    const read = m.consentFromFhir(resource, options);

    test('reads a permit with a nested deny: mental health is taken out of what is shared', () => {
      assert.equal(read.state, 'granted');
      assert.equal(read.model, 'opt-in');
      assert.equal(read.legalBasis, 'Patient and User Rights Act \u00a7 5-3');
      assert.deepEqual(read.recipient, { kind: 'organisation', name: 'Fjordvik Home Care', id: 'Organization/home-care' });
      assert.deepEqual(read.purposes, ['coordination']);
      assert.ok(!read.categories.includes('mental-health'));
      assert.ok(read.categories.includes('health'));
      assert.deepEqual(read.fhir.exceptions[0], { decision: 'deny', categories: ['mental-health'], purposes: [], actors: [], period: undefined });
      assert.equal(read.validFrom, '2026-03-02');
      assert.equal(read.validUntil, '2027-03-02');
      assert.deepEqual(read.decidedBy, { name: 'Ingrid Solberg', relation: 'self', memberId: 'Patient/ingrid' });
      assert.ok(m.check(m.ConsentDirective, read).ok);
    });

    test('someone who decided for the person is called their legal representative only when their relationship says so', () => {
      const relative = (id, code) => ({ resourceType: 'RelatedPerson', id, patient: { reference: 'Patient/ingrid' }, name: [{ text: `Person ${id}` }], relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code }] }] });
      const people = [relative('friend', 'FRND'), relative('spouse', 'SPS'), relative('guardian', 'GUARD'), relative('attorney', 'DPOWATT')];
      const local = { ...options, index: new m.ResourceIndex([organisation, patient, ...people], 'https://hospital.example/fhir') };
      const decidedBy = (id) => {
        const consent = version === 'R4' ? { ...r4, performer: [{ reference: `RelatedPerson/${id}` }] } : { ...r5, grantor: [{ reference: `RelatedPerson/${id}` }] };
        const directive = m.consentFromFhir(consent, local);
        assert.deepEqual(m.consentToFhir(directive, local), consent, 'written back unchanged it is the same Consent');
        return directive.decidedBy;
      };
      assert.equal(decidedBy('friend'), undefined, 'a friend is not shown as a legal representative');
      assert.equal(decidedBy('spouse'), undefined, 'nor a spouse');
      assert.deepEqual(decidedBy('guardian'), { name: 'Person guardian', relation: 'guardian', memberId: 'RelatedPerson/guardian' });
      assert.deepEqual(decidedBy('attorney'), { name: 'Person attorney', relation: 'legal-representative', memberId: 'RelatedPerson/attorney' });
    });

    test('another Patient who decided, someone whose relationship to the person is not recorded, or the guardian of someone else, is not shown as deciding for the person', () => {
      const otherPatient = { resourceType: 'Patient', id: 'ola', name: [{ text: 'Ola Nordmann' }] };
      const unknown = { resourceType: 'RelatedPerson', id: 'unknown', patient: { reference: 'Patient/ingrid' }, name: [{ text: 'Per Berg' }] };
      const guard = { system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'GUARD' };
      const guardian = { resourceType: 'RelatedPerson', id: 'guardian', patient: { reference: 'Patient/ingrid' }, name: [{ text: 'Marit Berg' }], relationship: [{ coding: [guard] }] };
      const guardianOfOla = { resourceType: 'RelatedPerson', id: 'guardian-of-ola', patient: { reference: 'Patient/ola' }, name: [{ text: 'Nils Nordmann' }], relationship: [{ coding: [guard] }] };
      const local = { ...options, index: new m.ResourceIndex([organisation, patient, otherPatient, unknown, guardian, guardianOfOla], 'https://hospital.example/fhir') };
      const decidedBy = (reference) => {
        const consent = version === 'R4' ? { ...r4, performer: [reference] } : { ...r5, grantor: [reference] };
        const directive = m.consentFromFhir(consent, local);
        assert.ok(m.check(m.ConsentDirective, directive).ok);
        assert.deepEqual(m.consentToFhir(directive, local), consent, 'written back unchanged it is the same Consent');
        return directive.decidedBy;
      };
      assert.equal(decidedBy({ reference: 'Patient/ola' }), undefined, 'another Patient has no say recorded over Ingrid');
      assert.equal(decidedBy({ reference: 'RelatedPerson/unknown' }), undefined, 'nor a relative whose relationship is not recorded');
      assert.equal(decidedBy({ reference: 'RelatedPerson/not-read', display: 'Kari Berg' }), undefined, 'nor one the server did not give');
      assert.equal(decidedBy({ reference: 'RelatedPerson/guardian-of-ola' }), undefined, 'nor the guardian of someone else: the relationship is to Ola, not to Ingrid');
      assert.deepEqual(decidedBy({ reference: 'RelatedPerson/guardian' }), { name: 'Marit Berg', relation: 'guardian', memberId: 'RelatedPerson/guardian' }, 'her own guardian is');
      assert.deepEqual(decidedBy({ reference: 'Patient/ingrid' }), { name: 'Ingrid Solberg', relation: 'self', memberId: 'Patient/ingrid' }, 'the person herself decided');
      const directive = m.consentFromFhir(version === 'R4' ? { ...r4, performer: [{ reference: 'Patient/ola' }] } : { ...r5, grantor: [{ reference: 'Patient/ola' }] }, local);
      const decided = m.consentToFhir({ ...directive, state: 'withdrawn', decidedBy: { name: 'Ingrid Solberg', memberId: 'Patient/ingrid', relation: 'self' } }, local);
      assert.deepEqual(decided[version === 'R4' ? 'performer' : 'grantor'], [{ reference: 'Patient/ingrid', display: 'Ingrid Solberg' }], 'a new decision names who made it');
    });

    test('withdrawal sets status inactive and leaves every provision in place', () => {
      const written = m.consentToFhir({ ...read, state: 'withdrawn' }, options);
      assert.deepEqual(written, { ...resource, status: 'inactive' });
      assert.equal(m.consentFromFhir(written, options).state, 'withdrawn');
      const again = m.consentToFhir({ ...m.consentFromFhir(written, options), state: 'granted' }, options);
      assert.deepEqual(again, resource, 'granting again restores the active permit');
    });

    test('refusing denies sharing and drops the nested exceptions that would permit under the refusal', () => {
      const written = m.consentToFhir({ ...read, state: 'refused' }, options);
      assert.equal(written.status, 'active');
      if (version === 'R4') {
        assert.equal(written.provision.type, 'deny');
        assert.deepEqual(written.provision.provision, r4.provision.provision, 'R4 nested denies say deny explicitly and stay');
      } else {
        assert.equal(written.decision, 'permit');
        assert.equal(written.provision[0].provision, undefined, 'an R5 nested provision would turn into a permit');
      }
      assert.equal(m.consentFromFhir(written, options).state, 'refused');
    });
  });

  describe(`Consent ${version}: only choices about sharing, read faithfully`, () => {
    const base = version === 'R4' ? { resourceType: 'Consent', status: 'active', patient: { reference: 'Patient/ingrid' }, dateTime: '2026-03-02T10:00:00Z' } : { resourceType: 'Consent', status: 'active', subject: { reference: 'Patient/ingrid' }, date: '2026-03-02' };
    const prcp = (reference) => ({ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PRCP' }] }, reference: { reference } });
    const privacy = version === 'R4' ? { scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] } } : { category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'INFA' }] }] };
    /** A consent whose scope provision (R4 root, R5 the one provision under decision) is `provision` with `decision`. */
    const consent = (id, decision, provision, extra = {}) =>
      version === 'R4'
        ? { ...base, id, ...privacy, provision: { type: decision, ...provision }, ...extra }
        : { ...base, id, ...privacy, decision: decision === 'permit' ? 'deny' : 'permit', provision: [provision], ...extra };
    const problem = (resource) => {
      try {
        m.consentFromFhir(resource, options);
      } catch (error) {
        assert.ok(error instanceof m.FhirResourceProblem, String(error));
        return error.note;
      }
      assert.fail(`${resource.id} was shown as a sharing choice`);
    };

    test('a do-not-resuscitate advance directive is left on the server, with a named reason, never as a sharing choice', () => {
      const dnr =
        version === 'R4'
          ? { ...base, id: 'dnr', scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'adr' }] }, category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes', code: 'dnr' }] }], provision: { type: 'permit' } }
          : { ...base, id: 'dnr', category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes', code: 'dnr' }] }], decision: 'permit' };
      const note = problem(dnr);
      assert.equal(note.kind, 'left-on-server');
      assert.equal(note.resourceType, 'Consent');
      assert.equal(note.id, 'dnr');
      assert.match(note.path, /^Consent\.(scope|category)$/);
      assert.match(note.message, /advance directive|do-not-resuscitate/);
    });

    test('a treatment consent is left on the server', () => {
      const treatment = version === 'R4' ? { ...consent('t', 'permit', { actor: [prcp('Organization/home-care')] }), scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment' }] } } : { ...consent('t', 'permit', { actor: [prcp('Organization/home-care')] }), category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment' }] }] };
      assert.match(problem(treatment).message, /treatment/);
    });

    test('a consent without a recipient, or with one that cannot be read, is left out with what to change; never "Unknown recipient"', () => {
      const none = problem(consent('none', 'permit', {}));
      assert.match(none.message, /names no recipient/);
      assert.match(none.fix, /PRCP/);
      const custodianOnly = problem(consent('cst', 'permit', { actor: [{ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'CST' }] }, reference: { reference: 'Organization/home-care' } }] }));
      assert.match(custodianOnly.message, /names no recipient/, 'the custodian holds the data; it is not the recipient');
      const unread = problem(consent('gone', 'permit', { actor: [prcp('Organization/elsewhere')] }));
      assert.match(unread.message, /Organization\/elsewhere could not be read and has no display/);
      const shown = m.consentFromFhir(consent('shown', 'permit', { actor: [{ ...prcp('Organization/elsewhere'), reference: { reference: 'Organization/elsewhere', display: 'Elsewhere Clinic' } }] }), options);
      assert.deepEqual(shown.recipient, { kind: 'organisation', name: 'Elsewhere Clinic', id: 'Organization/elsewhere' });
    });

    test('an opt-out with an exception for a purpose is left out rather than shown with the wrong decision', () => {
      const note = problem(consent('ex', 'deny', { actor: [prcp('Organization/home-care')], provision: [{ type: 'permit', purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'ETREAT' }] }] }));
      assert.match(note.message, /exception for a purpose/);
      assert.match(note.path, /provision\[0\]$/);
    });

    test('a refusal with an exception that lets mental-health information through is shown as sharing only that', () => {
      const read = m.consentFromFhir(
        consent('only-psy', 'deny', { actor: [prcp('Organization/home-care')], provision: [{ ...(version === 'R4' ? { type: 'permit' } : {}), securityLabel: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY' }] }] }),
        options,
      );
      assert.equal(read.state, 'granted');
      assert.deepEqual(read.categories, ['mental-health']);
      const refused = m.consentToFhir({ ...read, state: 'refused' }, options);
      assert.equal(m.consentFromFhir(refused, options).state, 'refused', 'refusing removes the exception that let information through');
    });

    test('a consent only about collecting or correcting information is left out, never shown as a choice about sharing it', () => {
      const action = (...codes) => codes.map((code) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentaction', code }] }));
      const collect = problem(consent('collect', 'permit', { actor: [prcp('Organization/home-care')], action: action('collect') }));
      assert.equal(collect.kind, 'left-on-server');
      assert.equal(collect.path, `${version === 'R4' ? 'Consent.provision' : 'Consent.provision[0]'}.action`);
      assert.match(collect.message, /collect/);
      assert.match(problem(consent('correct', 'deny', { actor: [prcp('Organization/home-care')], action: action('correct') })).message, /correct/);
      assert.equal(m.consentFromFhir(consent('read', 'permit', { actor: [prcp('Organization/home-care')], action: action('access', 'correct') }), options).state, 'granted', 'access is about sharing');
    });

    test('a consent for a purpose the elements do not know (marketing) is left out, never shown as consent for coordination of care', () => {
      const reason = (code) => ({ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code });
      const marketing = problem(consent('marketing', 'permit', { actor: [prcp('Organization/home-care')], purpose: [reason('HMARKT')] }));
      assert.equal(marketing.kind, 'left-on-server');
      assert.equal(marketing.path, `${version === 'R4' ? 'Consent.provision' : 'Consent.provision[0]'}.purpose`);
      assert.match(marketing.message, /HMARKT/);
      const mixed = problem(consent('mixed', 'permit', { actor: [prcp('Organization/home-care')], purpose: [reason('COC'), reason('HRESCH')] }));
      assert.match(mixed.message, /HRESCH/, 'a known purpose beside an unknown one does not make it a choice the elements can show whole');
      const known = m.consentFromFhir(consent('coc', 'permit', { actor: [prcp('Organization/home-care')], purpose: [reason('COC')] }), options);
      assert.deepEqual(known.purposes, ['coordination']);
      const none = m.consentFromFhir(consent('any', 'permit', { actor: [prcp('Organization/home-care')] }), options);
      assert.deepEqual(none.purposes, [...m.CONSENT_PURPOSES], 'a consent that names no purpose covers every purpose');
    });

    if (version === 'R5') {
      test('R5: a consent without a decision is left on the server, never assumed to permit (or, with a provision, to deny)', () => {
        const open = { ...consent('open', 'permit', { actor: [prcp('Organization/home-care')] }) };
        delete open.decision;
        const note = problem(open);
        assert.deepEqual([note.kind, note.path], ['left-on-server', 'Consent.decision']);
        const bare = { ...base, id: 'bare', ...privacy, grantee: [{ reference: 'Organization/home-care' }] };
        assert.equal(problem(bare).path, 'Consent.decision');
      });
    }

    if (version === 'R4') {
      test('R4: a root provision without a type is left on the server: the policy rule does not say what the consent decides for its recipient', () => {
        // The official examples use the policy both ways: notThem (OPTIN) withholds from the nurse it names, grantor (OPTOUT) gives read access.
        const example = (id) => JSON.parse(readFileSync(join(root, 'node_modules', 'hl7.fhir.r4.examples', `Consent-consent-example-${id}.json`), 'utf8'));
        const official = new m.ResourceIndex([{ resourceType: 'Practitioner', id: 'f204', name: [{ text: 'Carla Espinosa' }] }, { resourceType: 'Patient', id: 'example', name: [{ text: 'Peter James Chalmers' }] }]);
        for (const id of ['notThem', 'grantor']) {
          const consent = example(id);
          assert.equal(consent.provision.type, undefined);
          let note;
          try {
            m.consentFromFhir(consent, { ...options, index: official });
          } catch (error) {
            assert.ok(error instanceof m.FhirResourceProblem, String(error));
            note = error.note;
          }
          assert.deepEqual([note?.kind, note?.path], ['left-on-server', 'Consent.provision.type'], `${id} is not shown as a sharing choice`);
          assert.match(note.fix, /set provision\.type to permit or deny/);
        }
        const policy = (code) => ({ policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code }] } });
        const typed = { ...consent('typed', 'deny', { actor: [prcp('Organization/home-care')] }), ...policy('OPTOUT') };
        assert.deepEqual([m.consentFromFhir(typed, options).state, m.consentFromFhir(typed, options).model], ['refused', 'objection'], 'with a type, the policy still gives the model');
        const untyped = { ...typed, provision: { ...typed.provision } };
        delete untyped.provision.type;
        assert.equal(problem(untyped).path, 'Consent.provision.type');
      });
    }
  });

  describe(`Task ${version}`, () => {
    const performers = [
      { function: { coding: [{ system: m.CODE_SYSTEMS.raci, code: 'R' }] }, actor: { reference: 'Practitioner/kari' } },
      { function: { coding: [{ system: m.CODE_SYSTEMS.raci, code: 'I' }] }, actor: { reference: 'Patient/ingrid' } },
    ];
    const task = {
      resourceType: 'Task',
      id: 'r1',
      status: 'accepted',
      intent: 'plan',
      code: { text: 'Medicines at home' },
      for: { reference: 'Patient/ingrid' },
      owner: { reference: 'Practitioner/lars', display: 'Lars Haugen' },
      ...(version === 'R5'
        ? { performer: performers }
        : { extension: performers.map((p) => ({ url: m.XVER.taskPerformer, extension: [{ url: 'function', valueCodeableConcept: p.function }, { url: 'actor', valueReference: p.actor }] })) }),
      note: [{ authorString: 'Kari', time: '2026-03-02T10:00:00+01:00', text: 'Twice a week' }],
    };
    const read = m.responsibilityFromTask(task, options);

    test('owner is accountable, performers carry R/A/C/I (R4: the cross-version extension)', () => {
      assert.deepEqual(read.assignments, [
        { memberId: 'Practitioner/lars', part: 'accountable' },
        { memberId: 'Practitioner/kari', part: 'responsible' },
        { memberId: 'Patient/ingrid', part: 'informed' },
      ]);
      assert.equal(read.status, 'agreed');
      assert.deepEqual(read.notes, [{ id: 'note-1', at: '2026-03-02T10:00:00+01:00', author: { name: 'Kari' }, text: 'Twice a week' }]);
    });

    test('a Task without a code is titled by its description, and written back unchanged', () => {
      const { code: _code, ...uncoded } = task;
      const described = { ...uncoded, description: 'Order blister packs from the pharmacy' };
      const read = m.responsibilityFromTask(described, options);
      assert.equal(read.title, 'Order blister packs from the pharmacy');
      assert.equal(read.description, undefined, 'the description is not shown twice');
      assert.deepEqual(m.responsibilityToTask(read, options), described);
    });

    test('a dispute is businessStatus "disputed" with the reason; a handover of ownership moves the owner', () => {
      const disputed = m.responsibilityToTask({ ...read, status: 'disputed', dispute: { memberId: 'Practitioner/kari', reason: 'Not my task', at: '2026-03-03T09:00:00Z' } }, options);
      assert.equal(disputed.businessStatus.coding[0].code, 'disputed');
      assert.equal(disputed.status, 'accepted');
      const again = m.responsibilityFromTask(disputed, options);
      assert.equal(again.status, 'disputed');
      assert.deepEqual(again.dispute, { memberId: 'Practitioner/kari', reason: 'Not my task', at: '2026-03-03T09:00:00Z' });
      const moved = m.responsibilityToTask({ ...read, assignments: [{ memberId: 'Practitioner/kari', part: 'accountable' }, { memberId: 'Patient/ingrid', part: 'informed' }] }, options);
      assert.equal(moved.owner.reference, 'Practitioner/kari');
      const performerOf = (t) => (version === 'R5' ? t.performer : t.extension.filter((e) => e.url === m.XVER.taskPerformer));
      assert.equal(performerOf(moved).length, 1);
    });
  });

  describe(`${version}: a period that ends in a month or a year lasts to its last day`, () => {
    const periodKey = version === 'R4' ? 'period' : 'coveragePeriod';

    test('a member whose period ends "2026-11" is still on the team on 23 November; a contact valid to "2026-11" is still shown', () => {
      const resource = {
        resourceType: 'CareTeam',
        id: 't-month',
        status: 'active',
        subject: { reference: 'Patient/ingrid' },
        participant: [{ member: { reference: 'Practitioner/temp', display: 'Siri Vikar' }, [periodKey]: { start: '2026-09', end: '2026-11' } }],
        telecom: [{ system: 'phone', value: '+47 55 00 10 99', period: { end: '2026-11' } }],
      };
      const read = m.careTeamFromFhir(resource, options);
      const siri = read.members.find((x) => x.id === 'Practitioner/temp');
      assert.equal(siri.status, 'active');
      assert.deepEqual(siri.period, { start: '2026-09-01', end: '2026-11-30' });
      assert.deepEqual(read.contacts, [{ channel: 'phone', value: '+4755001099' }]);
      assert.deepEqual(m.careTeamToFhir(read, options), resource, 'written back unchanged it is the same resource');
    });

    test('a consent valid to "2026" is in force all year; a task due "2026-12" is due on the last day of December', () => {
      const consent =
        version === 'R4'
          ? { resourceType: 'Consent', id: 'year', status: 'active', scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] }, patient: { reference: 'Patient/ingrid' }, dateTime: '2026-03-02T10:00:00Z', provision: { type: 'permit', period: { start: '2026-01', end: '2026' }, actor: [{ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PRCP' }] }, reference: { reference: 'Organization/home-care' } }] } }
          : { resourceType: 'Consent', id: 'year', status: 'active', category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'INFA' }] }], subject: { reference: 'Patient/ingrid' }, date: '2026-03-02', decision: 'deny', provision: [{ period: { start: '2026-01', end: '2026' }, actor: [{ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PRCP' }] }, reference: { reference: 'Organization/home-care' } }] }] };
      const read = m.consentFromFhir(consent, options);
      assert.deepEqual([read.validFrom, read.validUntil], ['2026-01-01', '2026-12-31']);
      assert.ok(m.isInForce(read, TODAY), 'in force on 23 November 2026');
      assert.deepEqual(m.consentToFhir(read, options), consent, 'written back unchanged it is the same resource');
      const task = { resourceType: 'Task', id: 'due', status: 'accepted', intent: 'plan', code: { text: 'Renew the housing application' }, restriction: { period: { end: '2026-12' } } };
      const due = m.responsibilityFromTask(task, options);
      assert.equal(due.due, '2026-12-31');
      assert.deepEqual(m.responsibilityToTask(due, options), task);
    });
  });

  describe(`Contract extras against what another system changed ${version}`, () => {
    const record = m.parse('CareRecord', m.CareRecord, m.fjordvik);
    const withTeam = { ...options, patient: 'Patient/ingrid', team: record.team, teamId: record.team.id };

    test('a dispute kept in contract-extras does not outlive the Task being resumed by another system (the official Task example2)', () => {
      const task = JSON.parse(readFileSync(join(root, 'node_modules', `hl7.fhir.${version.toLowerCase()}.examples`, 'Task-example2.json'), 'utf8'));
      const agreed = m.responsibilityFromTask(task, withTeam);
      assert.equal(agreed.status, 'agreed');
      // Lars (not the owner) disputes it here, and says when to look at it again: FHIR has no element for who disputed, nor for a review date.
      const dispute = { memberId: 'm-lars', reason: 'The DPS should order these while the dose is adjusted.', at: '2026-11-02T13:20:00+01:00' };
      const disputed = m.responsibilityToTask({ ...agreed, status: 'disputed', dispute, reviewDate: '2027-01-15' }, withTeam);
      const read = m.responsibilityFromTask(disputed, withTeam);
      assert.deepEqual([read.status, read.dispute, read.reviewDate], ['disputed', dispute, '2027-01-15'], 'unchanged, the extras say who disputed');
      const reworded = m.responsibilityFromTask({ ...disputed, description: 'Collect the blood sample at home.' }, withTeam);
      assert.deepEqual(reworded.dispute, dispute, 'another system changing something else leaves the dispute as it was');
      // Another system resumes the Task: in progress, the disputed business status gone.
      const { businessStatus: _b, statusReason: _r, ...rest } = disputed;
      const resumed = m.responsibilityFromTask({ ...rest, status: 'in-progress' }, withTeam);
      assert.equal(resumed.status, 'agreed');
      assert.equal(resumed.dispute, undefined, 'the Task says nobody disputes it any more');
      assert.equal(resumed.reviewDate, '2027-01-15', 'what only the extras say stays');
      const result = m.check(m.Responsibility, resumed);
      assert.deepEqual(result.ok ? [] : result.issues, []);
      const again = m.responsibilityFromTask({ ...disputed, statusReason: version === 'R4' ? { text: 'Not ours at all.' } : [{ concept: { text: 'Not ours at all.' } }] }, withTeam);
      assert.equal(again.dispute.reason, 'Not ours at all.', 'a reason another system wrote wins over the one kept');
      assert.equal(again.dispute.memberId, 'm-lars', 'and who disputed, which FHIR cannot say, stays');
    });

    test('a participant\u2019s answer changed by another system wins over the participants kept in contract-extras; who comes as support stays', () => {
      const series = record.meetings.find((x) => x.id === 'mt-series');
      const appointment = m.meetingToFhir(series, withTeam);
      const lars = appointment.participant.find((p) => p.actor?.identifier?.value === 'm-lars');
      assert.equal(lars.status, 'needs-action');
      lars.status = 'accepted';
      const read = m.meetingFromFhir(appointment, withTeam);
      const of = (id) => read.participants.find((p) => p.memberId === id);
      assert.equal(of('m-lars').response, 'accepted', 'Lars accepted in his own calendar');
      assert.equal(of('m-erik').supportFor, 'm-ingrid', 'Erik still comes as Ingrid\u2019s support');
      assert.deepEqual(read.agenda, series.agenda);
    });
  });

  describe(`Task and CarePlan ${version}: statuses that do not stand`, () => {
    const noteOf = (fn) => {
      try {
        fn();
      } catch (error) {
        assert.ok(error instanceof m.FhirResourceProblem, String(error));
        return error.note;
      }
      assert.fail('expected the resource to be left out');
    };

    test('a Task entered in error is left on the server, not shown as an ended responsibility', () => {
      const task = { resourceType: 'Task', id: 'oops', status: 'entered-in-error', intent: 'plan', code: { text: 'Medicines at home' }, owner: { reference: 'Practitioner/kari' } };
      const note = noteOf(() => m.responsibilityFromTask(task, options));
      assert.deepEqual([note.kind, note.resourceType, note.id, note.path], ['left-on-server', 'Task', 'oops', 'Task.status']);
      assert.equal(m.responsibilityFromTask({ ...task, status: 'cancelled' }, options).status, 'ended', 'a cancelled Task happened, and has ended');
    });

    test('ending a proposed Task (the official example3, a draft refill request) writes cancelled, since it was never done; ending an agreed one writes completed', () => {
      const example = (id) => JSON.parse(readFileSync(join(root, 'node_modules', `hl7.fhir.${version.toLowerCase()}.examples`, `Task-${id}.json`), 'utf8'));
      const refill = example('example3');
      const proposed = m.responsibilityFromTask(refill, options);
      assert.deepEqual([refill.status, proposed.status], ['draft', 'proposed']);
      const withdrawn = m.responsibilityToTask({ ...proposed, status: 'ended' }, options);
      assert.equal(withdrawn.status, 'cancelled', 'not completed: nobody agreed to it, so nobody did it');
      assert.equal(m.responsibilityFromTask(withdrawn, options).status, 'ended');
      const disputed = m.responsibilityFromTask({ ...refill, status: 'rejected' }, options);
      assert.equal(disputed.status, 'disputed');
      assert.equal(m.responsibilityToTask({ ...disputed, status: 'ended' }, options).status, 'cancelled', 'nor one that was disputed');
      const collection = example('example2');
      const agreed = m.responsibilityFromTask(collection, options);
      assert.deepEqual([collection.status, agreed.status], ['accepted', 'agreed']);
      assert.equal(m.responsibilityToTask({ ...agreed, status: 'ended' }, options).status, 'completed', 'what stood agreed and ends has been carried out');
      const created = m.responsibilityToTask({ id: 'new-end', title: 'Apply for housing support', area: 'housing', assignments: [], status: 'ended', notes: [] }, { ...options, patient: 'Patient/ingrid' });
      assert.equal(created.status, 'cancelled', 'a new Task that is ended at once was never agreed, so not done');
    });

    test('a Task under way that carries out a CarePlan only drafted or proposed (the official Task example1 based on CarePlan f201) is proposed, and agreeing or disputing it is refused', () => {
      const example = (type, id) => JSON.parse(readFileSync(join(root, 'node_modules', `hl7.fhir.${version.toLowerCase()}.examples`, `${type}-${id}.json`), 'utf8'));
      const draftPlan = example('CarePlan', 'f201');
      const agreedPlan = example('CarePlan', 'f202');
      assert.deepEqual([draftPlan.status, draftPlan.intent, agreedPlan.status, agreedPlan.intent], ['draft', 'proposal', 'active', 'plan']);
      const task = example('Task', 'example1');
      assert.deepEqual([task.status, task.basedOn], ['in-progress', [{ display: 'General Wellness Careplan' }]]);
      // The official Task names its care plan by display only; here it points at the official plans.
      const basedOn = (plan) => ({ ...task, basedOn: [{ reference: `CarePlan/${plan.id}`, display: 'General Wellness Careplan' }] });
      const withPlans = { ...options, index: new m.ResourceIndex([practitioner, role, organisation, oddOrganisation, patient, draftPlan, agreedPlan], 'https://hospital.example/fhir') };
      const onDraft = m.responsibilityFromTask(basedOn(draftPlan), withPlans);
      assert.equal(onDraft.status, 'proposed', 'under way on a plan only proposed: nobody has agreed to it');
      assert.equal(m.responsibilityFromTask(basedOn(agreedPlan), withPlans).status, 'agreed', 'on the active plan it is agreed');
      assert.equal(m.responsibilityFromTask({ ...basedOn(draftPlan), status: 'completed' }, withPlans).status, 'ended', 'one that ended has ended');
      for (const [status, intent] of [['active', 'option'], ['draft', 'plan']]) {
        const other = { ...agreedPlan, id: 'other', status, intent };
        const index = new m.ResourceIndex([other], 'https://hospital.example/fhir');
        assert.equal(m.responsibilityFromTask(basedOn(other), { ...options, index }).status, 'proposed', `${status} ${intent}`);
      }
      assert.deepEqual(m.responsibilityToTask(onDraft, withPlans), basedOn(draftPlan), 'written back unchanged it is the same Task');
      for (const status of ['agreed', 'disputed']) {
        assert.throws(
          () => m.responsibilityToTask({ ...onDraft, status, ...(status === 'disputed' ? { dispute: { memberId: 'x', reason: 'Not ours', at: '2026-11-23T10:00:00Z' } } : {}) }, withPlans),
          (error) => error instanceof m.StoreError && error.kind === 'rejected' && /Task\/example1 carries out CarePlan\/f201, which is a draft \(CarePlan\.status\)/.test(error.detail),
          `${status} is refused: it would take agreeing to the plan`,
        );
      }
      assert.equal(m.responsibilityToTask({ ...onDraft, status: 'ended' }, withPlans).status, 'cancelled', 'ending what was only proposed withdraws it: never done');
    });

    if (version === 'R5') {
      test('a Task that says what must not be done (the official cpg-example-1, doNotPerform) is left on the server, not shown as something to do', () => {
        const example = JSON.parse(readFileSync(join(root, 'node_modules', 'hl7.fhir.r5.examples', 'Task-cpg-example-1.json'), 'utf8'));
        assert.deepEqual([example.status, example.doNotPerform, example.code.text], ['ready', true, 'Collect information']);
        const note = noteOf(() => m.responsibilityFromTask(example, options));
        assert.deepEqual([note.kind, note.resourceType, note.id, note.path], ['left-on-server', 'Task', 'cpg-example-1', 'Task.doNotPerform']);
        assert.equal(m.responsibilityFromTask({ ...example, doNotPerform: false }, options).status, 'agreed', 'without it, the same Task is agreed');
      });
    }

    if (version === 'R4') {
      const plan = (status, activityStatus = 'in-progress') => ({
        resourceType: 'CarePlan',
        id: 'home',
        status,
        intent: 'plan',
        subject: { reference: 'Patient/ingrid' },
        activity: [
          { detail: { status: activityStatus, code: { text: 'Home visits twice a week' }, performer: [{ reference: 'Practitioner/kari' }] } },
          { detail: { status: 'not-started', code: { text: 'Apply for housing support' }, performer: [{ reference: 'Practitioner/kari' }] } },
        ],
      });

      test('the activities of a revoked or completed CarePlan are ended, not agreed; of a plan entered in error they are left on the server', () => {
        assert.deepEqual(m.responsibilitiesFromCarePlan(plan('active'), options).map((r) => r.status), ['agreed', 'proposed']);
        assert.deepEqual(m.responsibilitiesFromCarePlan(plan('revoked'), options).map((r) => r.status), ['ended', 'ended']);
        assert.deepEqual(m.responsibilitiesFromCarePlan(plan('completed'), options).map((r) => r.status), ['ended', 'ended']);
        const note = noteOf(() => m.responsibilitiesFromCarePlan(plan('entered-in-error'), options));
        assert.deepEqual([note.kind, note.resourceType, note.id, note.path], ['left-on-server', 'CarePlan', 'home', 'CarePlan.status']);
        const written = m.responsibilitiesFromCarePlan(plan('revoked'), options);
        assert.deepEqual(m.responsibilityToCarePlan(written[0], options), plan('revoked'), 'written back unchanged it is the same CarePlan');
      });

      test('the activities of a draft CarePlan, or of one that is a proposal or an option, are proposed, not agreed', () => {
        const drafted = { ...plan('draft'), extension: [{ url: 'https://example.org/fhir/drafted-by', valueString: 'Lars' }] };
        assert.deepEqual(m.responsibilitiesFromCarePlan(drafted, options).map((r) => r.status), ['proposed', 'proposed']);
        assert.deepEqual(m.responsibilitiesFromCarePlan({ ...plan('active'), intent: 'proposal' }, options).map((r) => r.status), ['proposed', 'proposed']);
        assert.deepEqual(m.responsibilitiesFromCarePlan({ ...plan('active'), intent: 'option' }, options).map((r) => r.status), ['proposed', 'proposed']);
        assert.deepEqual(m.responsibilitiesFromCarePlan({ ...plan('draft'), intent: 'proposal' }, options).map((r) => r.status), ['proposed', 'proposed']);
        assert.deepEqual(m.responsibilitiesFromCarePlan(plan('draft', 'completed'), options).map((r) => r.status), ['ended', 'proposed'], 'an activity that ended has ended');
        assert.deepEqual(m.responsibilitiesFromCarePlan({ ...plan('active'), intent: 'order' }, options).map((r) => r.status), ['agreed', 'proposed']);

        const [visits] = m.responsibilitiesFromCarePlan(drafted, options);
        assert.deepEqual(m.responsibilityToCarePlan(visits, options), drafted, 'written back unchanged it is the same CarePlan');
        const renamed = m.responsibilityToCarePlan({ ...visits, title: 'Home visits on Mondays' }, options);
        assert.equal(renamed.status, 'draft', 'an edit leaves the plan a draft');
        assert.deepEqual({ ...renamed, activity: undefined }, { ...drafted, activity: undefined }, 'and the rest of the plan as it was');
        assert.equal(renamed.activity[0].detail.status, 'in-progress');
        assert.equal(m.responsibilitiesFromCarePlan(renamed, options)[0].status, 'proposed');
        for (const status of ['agreed', 'disputed']) {
          assert.throws(
            () => m.responsibilityToCarePlan({ ...visits, status }, options),
            (error) => error instanceof m.StoreError && error.kind === 'rejected' && /CarePlan\/home is a draft/.test(error.detail),
            `${status} is refused: it would take rewriting the draft plan`,
          );
        }
        const ended = m.responsibilityToCarePlan({ ...visits, status: 'ended' }, options);
        assert.equal(ended.activity[0].detail.status, 'cancelled', 'ending what was only drafted withdraws it: it was never done');
        assert.equal(ended.status, 'draft');
      });

      test('ending a proposed activity (the official gpvisit: a doctor consultation only scheduled) writes cancelled, since it never happened; ending an agreed one writes completed', () => {
        const gpvisit = JSON.parse(readFileSync(join(root, 'node_modules', 'hl7.fhir.r4.examples', 'CarePlan-gpvisit.json'), 'utf8'));
        const [nurse, doctor] = m.responsibilitiesFromCarePlan(gpvisit, options);
        assert.deepEqual([nurse.status, doctor.status, gpvisit.activity[1].detail.status], ['ended', 'proposed', 'scheduled']);
        const withdrawn = m.responsibilityToCarePlan({ ...doctor, status: 'ended' }, options);
        assert.equal(withdrawn.activity[1].detail.status, 'cancelled', 'not completed: the consultation never took place');
        assert.deepEqual(withdrawn.activity[0], gpvisit.activity[0], 'the other activity as it was');
        assert.equal(m.responsibilitiesFromCarePlan(withdrawn, options)[1].status, 'ended');
        const [visits, housing] = m.responsibilitiesFromCarePlan(plan('active'), options);
        assert.deepEqual([visits.status, housing.status], ['agreed', 'proposed']);
        assert.equal(m.responsibilityToCarePlan({ ...visits, status: 'ended' }, options).activity[0].detail.status, 'completed', 'home visits agreed and ended have been carried out');
        assert.equal(m.responsibilityToCarePlan({ ...housing, status: 'ended' }, options).activity[1].detail.status, 'cancelled');
      });

      test('an activity that says what must not be done (doNotPerform) is not shown; written back the plan keeps it as it was', () => {
        const forbidden = plan('active');
        forbidden.activity[0].detail.doNotPerform = true;
        const read = m.responsibilitiesFromCarePlan(forbidden, options);
        assert.deepEqual(read.map((r) => [r.id, r.title]), [['home.activity-2', 'Apply for housing support']], 'not Kari doing home visits twice a week');
        const renamed = m.responsibilityToCarePlan({ ...read[0], title: 'Apply for housing support by May' }, options);
        assert.deepEqual(renamed.activity[0], forbidden.activity[0], 'the prohibition stays in the plan untouched');
      });

      test('an activity entered in error is not shown; the others keep their ids', () => {
        const read = m.responsibilitiesFromCarePlan(plan('active', 'entered-in-error'), options);
        assert.deepEqual(read.map((r) => [r.id, r.title]), [['home.activity-2', 'Apply for housing support']]);
      });
    }
  });

  describe(`Consent ${version}: when the decision was made`, () => {
    test('a decision with no date of its own is not given the server\u2019s last update as its time: refused, naming the element (the official consent-example-grantor)', () => {
      const grantor = JSON.parse(readFileSync(join(root, 'node_modules', `hl7.fhir.${version.toLowerCase()}.examples`, 'Consent-consent-example-grantor.json'), 'utf8'));
      const element = version === 'R4' ? 'dateTime' : 'date';
      // R4's root provision has no type; the example's own text says it gives the nurse access.
      const readable = version === 'R4' ? { ...grantor, provision: { ...grantor.provision, type: 'permit' } } : grantor;
      const index = new m.ResourceIndex([{ resourceType: 'Practitioner', id: 'f204', name: [{ text: 'Carla Espinosa' }] }, { resourceType: 'Patient', id: 'example', name: [{ text: 'Peter James Chalmers' }] }]);
      const read = m.consentFromFhir(readable, { ...options, index });
      assert.equal(read.state, 'granted');
      assert.equal(read.since.slice(0, 10), readable[element].slice(0, 10), 'its own date is when it was decided');
      const { [element]: _date, ...undated } = readable;
      const updated = { ...undated, meta: { versionId: '3', lastUpdated: '2026-11-20T08:15:00Z' } };
      let note;
      try {
        m.consentFromFhir(updated, { ...options, index });
      } catch (error) {
        assert.ok(error instanceof m.FhirResourceProblem, String(error));
        note = error.note;
      }
      assert.deepEqual([note?.kind, note?.path], ['refused', `Consent.${element}`], 'not shown as decided when the server last changed it');
      assert.match(note.message, /not when it was made/);
      assert.equal(note.fix, `set Consent.${element} to when the decision was made`);
      const withPeriod = version === 'R4' ? { ...updated, provision: { ...updated.provision, period: { start: '2026-01-01' } } } : { ...updated, provision: [{ ...(updated.provision?.[0] ?? {}), period: { start: '2026-01-01' } }] };
      assert.throws(() => m.consentFromFhir(withPeriod, { ...options, index }), m.FhirResourceProblem, 'nor the day it applies from');
      const notAsked = m.consentFromFhir({ ...updated, status: version === 'R4' ? 'proposed' : 'draft' }, { ...options, index });
      assert.deepEqual([notAsked.state, notAsked.since], ['not-recorded', undefined], 'a consent nobody has decided needs no time');
    });
  });

  describe(`${version}: a time written without an offset is read in the source\u2019s time zone, as an appointment\u2019s is`, () => {
    const inOslo = { ...options, timeZone: 'Europe/Oslo' };

    // R5 Consent.date is a day, with no time to read.
    if (version === 'R4') test('when a consent was decided (Consent.dateTime)', () => {
      const consent = {
        resourceType: 'Consent',
        id: 'c-local',
        status: 'active',
        scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
        patient: { reference: 'Patient/ingrid' },
        dateTime: '2026-03-02T10:00:00',
        performer: [{ reference: 'Patient/ingrid' }],
        provision: {
          type: 'permit',
          actor: [{ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PRCP' }] }, reference: { reference: 'Organization/home-care' } }],
          purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'COC' }],
        },
      };
      const read = m.consentFromFhir(consent, inOslo);
      assert.equal(read.since, '2026-03-02T10:00:00+01:00', '10:00 in Oslo, not 11:00');
      assert.equal(m.consentFromFhir({ ...consent, dateTime: '2026-06-02T10:00:00' }, inOslo).since, '2026-06-02T10:00:00+02:00', 'in summer time too');
      assert.equal(m.consentFromFhir({ ...consent, dateTime: '2026-03-02T10:00:00Z' }, inOslo).since, '2026-03-02T10:00:00Z', 'a time with its zone is kept');
      assert.deepEqual(m.consentToFhir(read, inOslo), consent, 'written back unchanged it is the same resource');
    });

    test('when a note on a Task was written, and when a responsibility was disputed', () => {
      const task = {
        resourceType: 'Task',
        id: 'r-local',
        status: 'rejected',
        intent: 'plan',
        code: { text: 'Medicines at home' },
        for: { reference: 'Patient/ingrid' },
        owner: { reference: 'Practitioner/lars', display: 'Lars Haugen' },
        lastModified: '2026-03-03T08:15:00',
        statusReason: version === 'R4' ? { text: 'Not mine' } : [{ concept: { text: 'Not mine' } }],
        note: [
          { authorString: 'Kari', time: '2026-03-02T10:00:00', text: 'Twice a week' },
          { authorString: 'Lars', text: 'Only when Kari is away' },
        ],
      };
      const read = m.responsibilityFromTask(task, inOslo);
      assert.deepEqual(read.notes.map((n) => n.at), ['2026-03-02T10:00:00+01:00', '2026-03-03T08:15:00+01:00'], 'a note without a time takes the Task\u2019s, in the same zone');
      assert.equal(read.dispute.at, '2026-03-03T08:15:00+01:00');
      assert.deepEqual(m.responsibilityToTask(read, inOslo), task, 'written back unchanged it is the same resource');
      const added = m.responsibilityToTask({ ...read, notes: [...read.notes, { id: 'n3', at: '2026-03-04T09:00:00+01:00', author: { name: 'Kari' }, text: 'From Monday' }] }, inOslo);
      assert.deepEqual(added.note.slice(0, 2), task.note, 'a note added leaves the others as they were written');
    });
  });

  describe(`Appointment ${version}`, () => {
    const meeting = m.parse('CareRecord', m.CareRecord, m.fjordvik).meetings.find((x) => x.recurrence && x.mode === 'hybrid');
    const written = m.meetingToFhir(meeting, { ...options, timeZone: 'Europe/Oslo' });

    test('video link and recurrence: R5 virtualService and recurrenceTemplate, R4 the official extensions', () => {
      if (version === 'R5') {
        assert.equal(written.virtualService[0].addressUrl, meeting.videoLink);
        assert.equal(written.recurrenceTemplate[0].timezone.coding[0].code, meeting.timeZone);
        assert.equal(written.recurrenceTemplate[0].weeklyTemplate.weekInterval, meeting.recurrence.interval);
        assert.equal(typeof written.participant[0].required, 'boolean');
      } else {
        assert.ok(written.extension.some((e) => e.url === m.XVER.virtualService));
        assert.ok(written.extension.some((e) => e.url === m.XVER.recurrenceTemplate));
        assert.equal(written.virtualService, undefined);
        assert.ok(['required', 'optional'].includes(written.participant[0].required));
      }
      const again = m.meetingFromFhir(written, options);
      assert.equal(again.videoLink, meeting.videoLink);
      assert.equal(again.mode, 'hybrid');
      assert.equal(again.recurrence.frequency, meeting.recurrence.frequency);
      assert.equal(again.recurrence.interval, meeting.recurrence.interval);
      const { fhir: _f, ...rest } = again;
      assert.deepEqual(JSON.parse(JSON.stringify(rest)), JSON.parse(JSON.stringify(meeting)));
    });

    test('participant.required: R4 code (information-only is not required), R5 boolean', () => {
      const appointment = {
        resourceType: 'Appointment',
        id: 'a1',
        status: 'booked',
        start: '2026-12-01T09:00:00Z',
        end: '2026-12-01T10:00:00Z',
        participant: [
          { actor: { reference: 'Practitioner/kari' }, required: version === 'R4' ? 'information-only' : false, status: 'tentative' },
          { actor: { reference: 'Patient/ingrid' }, required: version === 'R4' ? 'required' : true, status: 'accepted' },
          { actor: { reference: 'Location/room', display: 'Room 2' }, status: 'accepted' },
        ],
      };
      const read = m.meetingFromFhir(appointment, options);
      assert.deepEqual(read.participants, [
        { memberId: 'Practitioner/kari', required: false, response: 'tentative' },
        { memberId: 'Patient/ingrid', required: true, response: 'accepted' },
      ]);
      assert.deepEqual(read.location, { name: 'Room 2' });
      const answered = m.meetingToFhir({ ...read, participants: read.participants.map((p) => ({ ...p, response: 'accepted' })) }, options);
      assert.equal(answered.participant[0].required, version === 'R4' ? 'information-only' : false, 'an unchanged required keeps its code');
      assert.equal(answered.participant[0].status, 'accepted');
    });

    test('a time written without a time zone is read in the appointment\u2019s time zone, not as UTC', () => {
      const appointment = { resourceType: 'Appointment', id: 'local', status: 'booked', start: '2026-12-01T10:00:00', end: '2026-12-01T11:30', participant: [{ actor: { reference: 'Patient/ingrid' }, status: 'accepted' }] };
      const winter = m.meetingFromFhir(appointment, { ...options, timeZone: 'Europe/Oslo' });
      assert.deepEqual([winter.start, winter.end, winter.timeZone], ['2026-12-01T10:00:00+01:00', '2026-12-01T11:30:00+01:00', 'Europe/Oslo'], '10:00 in Oslo, not 11:00');
      const summer = m.meetingFromFhir({ ...appointment, start: '2026-06-01T10:00:00', end: '2026-06-01T11:00:00' }, { ...options, timeZone: 'Europe/Oslo' });
      assert.equal(summer.start, '2026-06-01T10:00:00+02:00');
      const named = { ...appointment, extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/tz-code', valueCode: 'America/New_York' }] };
      assert.equal(m.meetingFromFhir(named, { ...options, timeZone: 'Europe/Oslo' }).start, '2026-12-01T10:00:00-05:00', 'the appointment\u2019s own time zone');
      assert.equal(m.meetingFromFhir({ ...appointment, start: '2026-12-01T10:00:00Z', end: '2026-12-01T11:00:00Z' }, options).start, '2026-12-01T10:00:00Z', 'a time with its zone is kept');
      assert.deepEqual(m.meetingToFhir(winter, { ...options, timeZone: 'Europe/Oslo' }), appointment, 'written back unchanged it is the same resource');
      const busy = m.availabilityFromFhir(
        [{ resourceType: 'Schedule', id: 's1', actor: [{ reference: 'Practitioner/kari' }] }],
        [{ resourceType: 'Slot', id: 'b1', schedule: { reference: 'Schedule/s1' }, status: 'busy', start: '2026-12-02T09:00:00', end: '2026-12-02T10:00:00' }],
        { ...options, timeZone: 'Europe/Oslo' },
      );
      assert.deepEqual(busy[0].busy, [{ start: '2026-12-02T09:00:00+01:00', end: '2026-12-02T10:00:00+01:00' }], 'a busy Slot without a zone is busy in the source\u2019s time zone');
    });

    test('a request for a time within some days (the official examplereq) is not shown as a meeting at midnight on the first day, nor at the moment it was created', () => {
      const example = JSON.parse(readFileSync(join(root, 'node_modules', `hl7.fhir.${version.toLowerCase()}.examples`, 'Appointment-examplereq.json'), 'utf8'));
      assert.deepEqual([example.status, example.start, example.requestedPeriod], ['proposed', undefined, [{ start: '2016-06-02', end: '2016-06-09' }]]);
      assert.equal(m.hasTime(example), false, 'a window of days is no time for a meeting');
      const onlyCreated = { resourceType: 'Appointment', id: 'c', status: 'proposed', created: '2026-11-20T14:12:00+01:00', participant: [] };
      assert.equal(m.hasTime(onlyCreated), false, 'when the request was made is not when the meeting is');
      const exact = { ...onlyCreated, requestedPeriod: [{ start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:00:00+01:00' }] };
      assert.equal(m.hasTime(exact), true);
      assert.equal(m.meetingFromFhir(exact, options).start, '2026-12-01T10:00:00+01:00', 'a requested time is still the proposed time');
    });

    test('an Appointment entered in error is left on the server, not shown as a cancelled meeting', () => {
      const appointment = { resourceType: 'Appointment', id: 'typo', status: 'entered-in-error', start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:00:00+01:00', participant: [{ actor: { reference: 'Patient/ingrid' }, status: 'accepted' }] };
      let note;
      try {
        m.meetingFromFhir(appointment, options);
      } catch (error) {
        assert.ok(error instanceof m.FhirResourceProblem, String(error));
        note = error.note;
      }
      assert.deepEqual([note?.kind, note?.resourceType, note?.id, note?.path], ['left-on-server', 'Appointment', 'typo', 'Appointment.status']);
      assert.equal(m.meetingFromFhir({ ...appointment, status: 'cancelled' }, options).status, 'cancelled', 'a cancelled meeting is still shown as cancelled');
    });

    test('a no-show is a booked meeting, neither cancelled nor held; an edit keeps Appointment.status noshow', () => {
      const appointment = {
        resourceType: 'Appointment',
        id: 'missed',
        status: 'noshow',
        description: 'Responsibility-group meeting',
        start: '2026-11-10T10:00:00+01:00',
        end: '2026-11-10T11:00:00+01:00',
        participant: [
          { actor: { reference: 'Patient/ingrid' }, status: 'accepted' },
          { actor: { reference: 'PractitionerRole/kari-role' }, status: 'accepted' },
        ],
      };
      const read = m.meetingFromFhir(appointment, options);
      assert.equal(read.status, 'booked', 'nobody called it off, and nobody recorded that it took place');
      assert.deepEqual(m.meetingToFhir(read, options), appointment, 'written back unchanged it is the same Appointment');
      const renamed = m.meetingToFhir({ ...read, title: 'Responsibility-group meeting (November)' }, options);
      assert.equal(renamed.status, 'noshow', 'an edit does not rewrite who did not come');
      assert.equal(m.meetingToFhir({ ...read, status: 'held' }, options).status, 'fulfilled', 'marking it held is written as asked');
    });
  });

  test(`${version}: urn:uuid references inside a Bundle resolve`, () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: 'urn:uuid:6f1c0b0e-0000-4000-8000-000000000001', resource: { resourceType: 'Practitioner', name: [{ text: 'Nameless Id' }] } },
        { fullUrl: 'urn:uuid:6f1c0b0e-0000-4000-8000-000000000002', resource: { resourceType: 'Patient', id: 'p9', name: [{ text: 'Per Nine' }] } },
      ],
    };
    const bundleIndex = new m.ResourceIndex([bundle]);
    const careTeam = { resourceType: 'CareTeam', id: 't9', subject: { reference: 'urn:uuid:6f1c0b0e-0000-4000-8000-000000000002' }, participant: [{ member: { reference: 'urn:uuid:6f1c0b0e-0000-4000-8000-000000000001' } }] };
    const read = m.careTeamFromFhir(careTeam, { version, index: bundleIndex, today: TODAY });
    assert.equal(read.serviceUserId, 'Patient/p9');
    assert.deepEqual(read.members.map((x) => x.name).sort(), ['Nameless Id', 'Per Nine']);
  });
}

test('E.164: international numbers as people write them; national numbers of Norway, Denmark and Sweden', () => {
  const cases = [
    ['(+1) 555-555-5555', undefined, '+15555555555'],
    ['tel:+64-3-331-6969', undefined, '+6433316969'],
    ['0047 22 33 44 55', undefined, '+4722334455'],
    ['+46 (0)8 123 456 78', undefined, '+46812345678'],
    ['22 33 44 55', '47', '+4722334455'],
    ['33 12 34 56', '45', '+4533123456'],
    ['08-123 456 78', '46', '+46812345678'],
    ['070-123 45 67', '46', '+46701234567'],
    ['22 33 44 55', undefined, undefined],
    ['0 22 33 44 55', '47', undefined],
    ['+47 22 33 44 55;ext=12', undefined, undefined],
    ['+12', undefined, undefined],
  ];
  for (const [written, code, expected] of cases) assert.equal(m.e164(written, code), expected, `${written} (${code ?? 'no country'})`);
});

describe('Appointment: video links from R5 virtualService and the Norwegian and Danish extensions; people outside the team', () => {
  const base = { resourceType: 'Appointment', status: 'booked', start: '2026-12-01T09:00:00Z', end: '2026-12-01T10:00:00Z', participant: [{ actor: { reference: 'Patient/ingrid' }, status: 'accepted' }] };
  const r4 = { version: 'R4', index: new m.ResourceIndex([patient]), today: TODAY };
  const NO = 'http://hl7.no/fhir/StructureDefinition/no-basis-virtual-service';
  const DK = 'http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-meeting-url';

  test('R5 virtualService is read, and a changed link is written there, keeping the channel type', () => {
    const service = { channelType: { system: 'http://hl7.org/fhir/virtual-service-type', code: 'ms-teams' }, addressUrl: 'https://teams.example/meet/1' };
    const appointment = { ...base, id: 'v5', participant: [{ actor: { reference: 'Patient/ingrid' }, required: true, status: 'accepted' }], virtualService: [service] };
    const options = { version: 'R5', index: new m.ResourceIndex([patient]), today: TODAY };
    const read = m.meetingFromFhir(appointment, options);
    assert.equal(read.mode, 'digital');
    assert.equal(read.videoLink, 'https://teams.example/meet/1');
    assert.deepEqual(m.meetingToFhir(read, options), appointment, 'written back unchanged');
    const moved = m.meetingToFhir({ ...read, videoLink: 'https://teams.example/meet/2' }, options);
    assert.deepEqual(moved, { ...appointment, virtualService: [{ ...service, addressUrl: 'https://teams.example/meet/2' }] });
  });

  test('Norway (no-basis-virtual-service): the link is read, and changed in that extension, its other parts kept', () => {
    const extension = { url: NO, extension: [{ url: 'channelType', valueCoding: { system: 'http://hl7.org/fhir/virtual-service-type', code: 'zoom' } }, { url: 'virtualAddress', valueUrl: 'https://video.example.no/rom/5' }, { url: 'sessionKey', valueString: '1234' }] };
    const appointment = { ...base, id: 'vno', extension: [extension] };
    const read = m.meetingFromFhir(appointment, r4);
    assert.equal(read.mode, 'digital');
    assert.equal(read.videoLink, 'https://video.example.no/rom/5');
    assert.deepEqual(m.meetingToFhir(read, r4), appointment, 'written back unchanged');
    const moved = m.meetingToFhir({ ...read, videoLink: 'https://video.example.no/rom/6' }, r4);
    assert.deepEqual(moved.extension, [{ url: NO, extension: [extension.extension[0], extension.extension[2], { url: 'virtualAddress', valueUrl: 'https://video.example.no/rom/6' }] }]);
    assert.equal(m.meetingFromFhir(moved, r4).videoLink, 'https://video.example.no/rom/6');
  });

  test('Denmark (ehealth-meeting-url): the service\u2019s link is read and never rewritten; a new link is written as R5 virtualService', () => {
    const appointment = { ...base, id: 'vdk', extension: [{ url: DK, valueUri: 'https://portal.example.dk/?url=123@rooms.example.dk' }] };
    const read = m.meetingFromFhir(appointment, r4);
    assert.equal(read.mode, 'digital');
    assert.equal(read.videoLink, 'https://portal.example.dk/?url=123@rooms.example.dk');
    assert.deepEqual(m.meetingToFhir(read, r4), appointment, 'written back unchanged');
    const moved = m.meetingToFhir({ ...read, videoLink: 'https://other.example/room' }, r4);
    assert.deepEqual(moved.extension[0], appointment.extension[0], 'the Danish service\u2019s own link stays as it was');
    assert.equal(moved.extension[1].url, m.XVER.virtualService);
    assert.equal(m.meetingFromFhir(moved, r4).videoLink, 'https://other.example/room');
  });

  test('a participant outside the team is named by the reference\u2019s display; one with only display text is kept', () => {
    const team = { members: [{ id: 'Patient/ingrid', name: 'Ingrid Solberg' }] };
    const appointment = {
      ...base,
      id: 'out',
      participant: [
        { actor: { reference: 'Patient/ingrid' }, status: 'accepted' },
        { actor: { reference: 'Practitioner/elsewhere', display: 'Dr Siri Berg' }, status: 'needs-action' },
        { actor: { display: 'Interpreter on call' }, status: 'tentative' },
      ],
    };
    const options = { ...r4, team };
    const read = m.meetingFromFhir(appointment, options);
    assert.deepEqual(read.participants.map((p) => [p.memberId, p.name]), [
      ['Patient/ingrid', undefined],
      ['Practitioner/elsewhere', 'Dr Siri Berg'],
      ['display:Interpreter on call', 'Interpreter on call'],
    ]);
    assert.deepEqual(m.meetingToFhir(read, options), appointment, 'written back unchanged');
    const answered = m.meetingToFhir({ ...read, participants: read.participants.map((p) => ({ ...p, response: 'accepted' })) }, options);
    assert.deepEqual(answered.participant.map((p) => [p.actor, p.status]), appointment.participant.map((p) => [p.actor, 'accepted']), 'an answer keeps every participant and its reference');
  });
});

describe('Organisation sectors: defaults from Organization.type (GP practice codes included) and the host\u2019s sector mapping', () => {
  const organisationOf = (type, more = {}) => {
    const org = { resourceType: 'Organization', id: 'o1', name: 'Somewhere', ...(type ? { type } : {}) };
    const careTeam = { resourceType: 'CareTeam', id: 'ts', subject: { reference: 'Patient/ingrid' }, managingOrganization: [{ reference: 'Organization/o1' }] };
    return m.careTeamFromFhir(careTeam, { version: 'R4', index: new m.ResourceIndex([org, patient]), today: TODAY, ...more }).organisations[0];
  };
  const coded = (system, code) => [{ coding: [{ system, code }] }];

  test('SNOMED CT general practice and ANZSIC general practice are general practice; hospitals are specialist care', () => {
    assert.equal(organisationOf(coded(SCT, '394814009')).sector, 'general-practice');
    assert.equal(organisationOf(coded(SCT, '788007007')).sector, 'general-practice');
    assert.equal(organisationOf(coded('http://www.abs.gov.au/ausstats/abs@.nsf/mf/1292.0', '8511')).sector, 'general-practice');
    assert.equal(organisationOf(coded(SCT, '309895006')).sector, 'specialist');
    assert.equal(organisationOf(coded('http://terminology.hl7.org/CodeSystem/organization-type', 'govt')).sector, 'municipal');
  });

  test('the host\u2019s mapping (system|code or a bare code) comes before the defaults; no known code gives the default sector', () => {
    const local = coded('urn:example:org-type', 'fastlege');
    assert.equal(organisationOf(local).sector, 'specialist');
    assert.equal(organisationOf(local, { defaultSector: 'municipal' }).sector, 'municipal');
    assert.equal(organisationOf(local, { sectorMapping: { 'urn:example:org-type|fastlege': 'general-practice' } }).sector, 'general-practice');
    assert.equal(organisationOf(local, { sectorMapping: { fastlege: 'general-practice' } }).sector, 'general-practice');
    assert.equal(organisationOf(coded('http://terminology.hl7.org/CodeSystem/organization-type', 'prov'), { sectorMapping: { 'http://terminology.hl7.org/CodeSystem/organization-type|prov': 'general-practice' } }).sector, 'general-practice');
    assert.equal(organisationOf(undefined, { defaultSector: 'general-practice' }).sector, 'general-practice', 'a GP practice without a type');
  });

  test('the official AU Base example organisations get the sector their type codes say', () => {
    const au = (file) => JSON.parse(readFileSync(join(root, 'node_modules', 'hl7.fhir.au.base', 'example', file), 'utf8'));
    const read = (org) => m.careTeamFromFhir({ resourceType: 'CareTeam', id: 'ta', subject: { reference: 'Patient/ingrid' }, managingOrganization: [{ reference: `Organization/${org.id}` }] }, { version: 'R4', index: new m.ResourceIndex([org, patient]), today: TODAY }).organisations[0];
    const found = readdirSync(join(root, 'node_modules', 'hl7.fhir.au.base', 'example')).filter((f) => f.startsWith('Organization-')).map(au).filter((o) => o.type);
    assert.ok(found.length >= 4, `AU Base has typed example organisations (${found.length})`);
    for (const org of found) {
      const codes = org.type.flatMap((t) => t.coding ?? []).map((c) => `${c.system}|${c.code}`);
      const expected = codes.map((k) => m.SECTOR_BY_TYPE_CODE[k]).find(Boolean);
      assert.equal(read(org).sector, expected ?? 'specialist', `${org.id}: ${codes.join(', ')}`);
      if (expected) assert.equal(read(org).fhir, undefined, 'a known code is not marked as unknown');
    }
  });

  test('FhirSource refuses a time zone or sector it cannot use, with the reason', () => {
    const make = (more) => () => new m.FhirSource({ baseUrl: 'https://fhir.example/R4', version: 'R4', patient: 'p', ...more });
    assert.throws(make({ timeZone: 'Norway/Fjordvik' }), /not an IANA time zone/);
    assert.throws(make({ defaultSector: 'hospital' }), /default sector "hospital"/);
    assert.throws(make({ sectorMapping: { fastlege: 'gp' } }), /gives "fastlege" the sector "gp"/);
    assert.doesNotThrow(make({ timeZone: 'Europe/Copenhagen', defaultSector: 'general-practice', sectorMapping: { fastlege: 'general-practice' } }));
  });
});
