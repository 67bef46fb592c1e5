// Official HL7 FHIR examples (CC0, installed from npm) through the mapping: the R4 and R5 core
// examples and two implementation guides (IPS 2.0.0, AU Base 6.0.0). Every CareTeam, Consent,
// Appointment, Task and CarePlan example is either mapped to the contract, or left out with a named
// reason; what is mapped and written back unchanged is the resource it was read from, and a change
// (a withdrawal, an ended membership, a finished task, a cancelled meeting) changes only that.
// Consents shown as a sharing choice decide, for their recipient and every category of information,
// what their provisions decide (checked by an evaluator written here, independent of the mapping).
// Run: node --test test/data/fhir/
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { loadFhirModule } from './load-source.mjs';
import { CORPUS, readCorpus } from './corpus-lib.mjs';

const m = await loadFhirModule();
const TODAY = '2026-11-23';

/** Contract entity without the opaque FHIR copy and the server version (neither is written). */
const contractPart = (entity) => {
  const { fhir: _fhir, meta: _meta, ...rest } = entity;
  if (rest.organisations) rest.organisations = rest.organisations.map(({ fhir: _f, ...o }) => o);
  return JSON.parse(JSON.stringify(rest));
};

// ---- an independent reading of Consent provisions, for one recipient and one category ----
const CATEGORIES = ['health', 'mental-health', 'medication', 'care-plan', 'appointments', 'contact-details', 'social-services'];
const LABEL = { PSY: 'mental-health', PSYTHPN: 'mental-health', SOC: 'social-services' };
const TYPE = { MedicationRequest: 'medication', MedicationStatement: 'medication', CarePlan: 'care-plan', Appointment: 'appointments', Observation: 'health', Condition: 'health', Patient: 'contact-details' };
const flip = (d) => (d === 'permit' ? 'deny' : 'permit');
/** Whether a provision's conditions hold for sharing `category` with `recipient`. */
const applies = (provision, recipient, category, index, resource) => {
  if (provision.actor?.length && !provision.actor.some((a) => index.key(a.reference, resource) === recipient)) return false;
  const codes = [
    ...(provision.securityLabel ?? []).map((c) => LABEL[c.code]),
    ...[...(provision.class ?? []), ...(provision.resourceType ?? [])].map((c) => TYPE[c.code]),
    ...(provision.code ?? []).flatMap((cc) => (cc.coding ?? []).map((c) => (c.system === m.CODE_SYSTEMS.category ? c.code : undefined))),
  ];
  const named = (provision.securityLabel?.length ?? 0) + (provision.class?.length ?? 0) + (provision.resourceType?.length ?? 0) + (provision.code?.length ?? 0);
  return named === 0 || codes.includes(category);
};
/** The decision the provisions make: the deepest provision whose conditions hold decides. */
const decide = (resource, version, recipient, category, index) => {
  const walk = (provision, decision) => {
    for (const nested of provision.provision ?? []) {
      const d = version === 'R4' ? (nested.type ?? flip(decision)) : flip(decision);
      if (applies(nested, recipient, category, index, resource)) return walk(nested, d);
    }
    return decision;
  };
  // R4: the root provision's type; the policy rule is the default around it, not its decision (a consent without a type is never shown).
  if (version === 'R4') return walk(resource.provision ?? {}, resource.provision?.type);
  const base = resource.decision ?? 'permit';
  const [scope] = resource.provision ?? [];
  return scope ? walk(scope, flip(base)) : base;
};

const report = [];
after(() => {
  for (const line of report) console.log(line);
});

for (const pkg of CORPUS) {
  const { name, version, folder } = pkg;
  describe(`${name} (FHIR ${version})`, () => {
    const { found, referenced } = readCorpus(version, name, folder);
    const index = new m.ResourceIndex([...referenced, ...found.filter((f) => f.where !== 'contained').map((f) => f.resource)]);
    /** Per resource type: mapped, left on the server (reason → count), refused (reason → count). */
    const byType = {};
    const tally = (type) => (byType[type] ??= { mapped: 0, leftOut: new Map(), refused: new Map() });
    const counts = { roundTripped: 0, minimalChanges: 0, consentsChecked: 0, consentsDiffering: 0, phones: 0, phonesNormalised: 0 };
    after(() => {
      const lines = [`${name} (FHIR ${version}): ${found.length} resources of the mapped types; ${counts.roundTripped} written back unchanged; ${counts.minimalChanges} single changes that wrote only themselves; ${counts.consentsChecked} consents shown, ${counts.consentsDiffering} whose shown decision differs from their provisions; ${counts.phones} member telephone numbers, ${counts.phonesNormalised} of them rewritten in E.164 (the rest already were, or stay as written)`];
      for (const [type, t] of Object.entries(byType)) {
        const reasons = (map) => [...map].map(([reason, n]) => `${n} × ${reason}`).join('; ');
        const left = [...t.leftOut.values()].reduce((a, b) => a + b, 0);
        const refused = [...t.refused.values()].reduce((a, b) => a + b, 0);
        lines.push(`  ${type}: ${t.mapped} mapped, ${left} left on the server${left ? ` (${reasons(t.leftOut)})` : ''}, ${refused} refused${refused ? ` (${reasons(t.refused)})` : ''}`);
      }
      report.push(lines.join('\n'));
    });

    if (name === 'hl7.fhir.r4.examples' || name === 'hl7.fhir.r5.examples') {
      test('the package holds the expected examples', () => {
        for (const type of ['CareTeam', 'Consent', 'Appointment', 'Task', 'CarePlan', 'Schedule', 'Slot']) {
          assert.ok(found.some((f) => f.resource.resourceType === type), `no ${type} example found in ${name}`);
        }
        assert.ok(found.length >= 50, `only ${found.length} examples found`);
      });
    }

    for (const item of found) {
      const { resource, file, where, container } = item;
      const type = resource.resourceType;
      if (type === 'Schedule' || type === 'Slot') continue;
      const options = { version, index, today: TODAY, patient: container ? index.key(container.subject, container) : undefined };
      const label = `${type} ${resource.id} (${file}${where === 'file' ? '' : `, ${where}`})`;

      test(label, () => {
        const original = JSON.parse(JSON.stringify(resource));
        const contained = container ? { ...options, index: new m.ResourceIndex([...referenced, container]) } : options;
        const read = (r) => {
          if (type === 'CareTeam') return [m.careTeamFromFhir(r, contained)];
          if (type === 'Consent') return [m.consentFromFhir(r, contained)];
          if (type === 'Task') return [m.responsibilityFromTask(r, contained)];
          if (type === 'CarePlan') return m.responsibilitiesFromCarePlan(r, contained);
          return [m.meetingFromFhir(r, contained)];
        };
        const write = (entity) => {
          if (type === 'CareTeam') return m.careTeamToFhir(entity, contained);
          if (type === 'Consent') return m.consentToFhir(entity, contained);
          if (type === 'Task') return m.responsibilityToTask(entity, contained);
          if (type === 'CarePlan') return m.responsibilityToCarePlan(entity, contained);
          return m.meetingToFhir(entity, contained);
        };
        const schema = { CareTeam: m.CareTeam, Consent: m.ConsentDirective, Task: m.Responsibility, CarePlan: m.Responsibility, Appointment: m.Meeting }[type];

        if (type === 'Appointment' && !m.hasTime(resource)) {
          assert.equal(resource.status, 'proposed', 'only a proposed appointment may have no time');
          tally(type).leftOut.set('Appointment.start: a proposed appointment without a time', (tally(type).leftOut.get('Appointment.start: a proposed appointment without a time') ?? 0) + 1);
          return;
        }

        let entities;
        try {
          entities = read(resource);
        } catch (error) {
          assert.ok(error instanceof m.FhirResourceProblem, `${label} failed without a named problem: ${error}`);
          const { note } = error;
          assert.equal(note.resourceType, type);
          assert.equal(note.id, resource.id);
          assert.match(note.path, new RegExp(`^${type}\\.`), 'the problem names the FHIR element');
          assert.deepEqual(resource, original, 'reading must not change the resource');
          const reason = `${note.path}: ${note.message.replace(/(Organization|Practitioner|Patient)\/[\w.-]+/g, '$1/…').replace(/\d+ (recipients|provisions)/, 'n $1')}`;
          const map = note.kind === 'refused' ? tally(type).refused : tally(type).leftOut;
          map.set(reason, (map.get(reason) ?? 0) + 1);
          return;
        }
        assert.deepEqual(resource, original, 'reading must not change the resource');
        // What the store holds: the entity after the contract check (which may reorder keys).
        const checked = entities.map((entity) => {
          const result = m.check(schema, entity);
          assert.deepEqual(result.ok ? [] : result.issues, [], `${label} breaks the contract`);
          return result.value;
        });
        tally(type).mapped++;
        if (type === 'CareTeam') {
          // Telephone numbers: in E.164, or exactly as the server wrote them; never changed into something else.
          const written = new Set(JSON.stringify([...referenced, resource]).match(/"value":"[^"]*"/g).map((v) => JSON.parse(`{${v}}`).value.trim()));
          for (const contact of checked[0].members.flatMap((x) => x.contacts).filter((c) => c.channel === 'phone' || c.channel === 'sms')) {
            counts.phones++;
            if (/^\+[1-9]\d{6,14}$/.test(contact.value) && !written.has(contact.value)) counts.phonesNormalised++;
            else assert.ok(written.has(contact.value), `${label}: the number ${contact.value} is neither E.164 nor as written`);
          }
        }

        // Merged write of the unchanged entity: exactly the resource that was read.
        for (const entity of checked) assert.deepEqual(write(entity), original, `${label}: writing ${entity.id} back unchanged changed the resource`);
        counts.roundTripped++;

        // Fresh write (no kept resource): everything the mapping reads comes back the same.
        if (type !== 'CarePlan') {
          const { fhir: _fhir, ...withoutFhir } = checked[0];
          const fresh = write(withoutFhir);
          const [again] = read(fresh);
          assert.deepEqual(contractPart(again), contractPart(checked[0]), `${label}: a fresh write does not read back the same`);
        }

        if (type === 'Consent') {
          const shown = checked[0];
          counts.consentsChecked++;
          if (shown.state === 'granted' || shown.state === 'refused') {
            const differing = CATEGORIES.filter((c) => {
              const expected = decide(resource, version, shown.recipient.id, c, contained.index ?? index);
              const said = shown.state === 'granted' && shown.categories.includes(c) ? 'permit' : 'deny';
              return shown.state === 'granted' || shown.categories.includes(c) ? expected !== said : false;
            });
            if (differing.length) counts.consentsDiffering++;
            assert.deepEqual(differing, [], `${label}: shown as ${shown.state} for ${shown.categories.join(', ')}, the provisions decide otherwise`);
          }
          assert.notEqual(shown.recipient.name, 'Unknown recipient');
          if (shown.state !== 'withdrawn') {
            const withdrawn = write({ ...shown, state: 'withdrawn' });
            assert.deepEqual({ ...withdrawn, status: original.status }, original, 'a withdrawal changes nothing but the status');
            assert.equal(withdrawn.status, 'inactive');
            assert.equal(read(withdrawn)[0].state, 'withdrawn');
            counts.minimalChanges++;
          }
        }
        if (type === 'CareTeam') {
          const team = checked[0];
          const leaving = team.members.find((x) => x.status === 'active' && x.id !== team.serviceUserId);
          if (leaving) {
            const written = write({ ...team, members: team.members.map((x) => (x === leaving ? { ...x, status: 'ended' } : x)) });
            const key = (p) => contained.index?.key(p.member, written) ?? index.key(p.member, written);
            assert.deepEqual({ ...written, participant: undefined }, { ...original, participant: undefined }, 'an ended membership changes only participants');
            assert.deepEqual(written.participant.filter((p) => key(p) !== leaving.id), original.participant.filter((p) => key(p) !== leaving.id), 'an ended membership changes only that member');
            const again = read(written)[0].members.find((x) => x.id === leaving.id);
            assert.equal(again.status, 'ended');
            counts.minimalChanges++;
          }
        }
        if (type === 'Task' && checked[0].status !== 'ended') {
          const ended = write({ ...checked[0], status: 'ended' });
          // What stood agreed has been carried out; a proposal (or a disputed task) that ends never was.
          assert.equal(ended.status, checked[0].status === 'agreed' ? 'completed' : 'cancelled');
          assert.deepEqual({ ...ended, status: original.status }, original, 'ending a task changes nothing but the status');
          counts.minimalChanges++;
        }
        if (type === 'Appointment' && checked[0].status !== 'cancelled') {
          const cancelled = write({ ...checked[0], status: 'cancelled' });
          assert.equal(cancelled.status, 'cancelled');
          assert.deepEqual({ ...cancelled, status: original.status }, original, 'a cancellation changes nothing but the status');
          counts.minimalChanges++;
        }
      });
    }

    const schedules = found.filter((f) => f.resource.resourceType === 'Schedule').map((f) => f.resource);
    if (schedules.length) {
      test('Schedules and busy Slots become availability', () => {
        const slots = found.filter((f) => f.resource.resourceType === 'Slot').map((f) => f.resource);
        const availability = m.availabilityFromFhir(schedules, slots, { version, index, today: TODAY });
        for (const entry of availability) assert.ok(m.check(m.Availability, entry).ok, JSON.stringify(entry));
        const busySlots = slots.filter((s) => s.status.startsWith('busy'));
        assert.ok(availability.reduce((n, a) => n + a.busy.length, 0) <= busySlots.length * schedules.length);
        tally('Schedule').mapped += schedules.length;
        tally('Slot').mapped += slots.length;
        const written = m.availabilityToFhir(availability, { version });
        const again = m.availabilityFromFhir(
          written.filter((r) => r.resourceType === 'Schedule'),
          written.filter((r) => r.resourceType === 'Slot'),
          { version, index: new m.ResourceIndex(written) },
        );
        assert.deepEqual(again, availability);
      });
    }
  });
}
