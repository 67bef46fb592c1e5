// The official HL7 FHIR examples (R4 4.0.1 and R5 5.0.0, CC0, installed from npm) through the
// mapping: every CareTeam, Consent, Appointment, Task and CarePlan example (and the Schedules and
// Slots) maps to the contract, and writing it back gives the resource it was read from, element
// for element. A fresh write (without the kept resource) reads back to the same contract entity.
// Run: node --test test/data/fhir/
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { loadFhirModule } from './load-source.mjs';
import { readCorpus } from './corpus-lib.mjs';

const m = await loadFhirModule();
const TODAY = '2026-11-23';

/** Contract entity without the opaque FHIR copy and the server version (neither is written). */
const contractPart = (entity) => {
  const { fhir: _fhir, meta: _meta, ...rest } = entity;
  if (rest.organisations) rest.organisations = rest.organisations.map(({ fhir: _f, ...o }) => o);
  return JSON.parse(JSON.stringify(rest));
};

/** Issues the example data itself causes, not the mapping: the contract requires a coordinator, FHIR does not. */
const DATA_RULES = [/exactly one active coordinator/];

const summary = [];
after(() => {
  for (const line of summary) console.log(line);
});

for (const version of ['R4', 'R5']) {
  describe(`FHIR ${version} official examples`, () => {
    const { found, referenced } = readCorpus(version);
    const index = new m.ResourceIndex([...referenced, ...found.filter((f) => f.where !== 'contained').map((f) => f.resource)]);
    const counts = { read: 0, mapped: 0, roundTripped: 0, freshRoundTripped: 0, notSchedulable: 0, dataRuleIssues: 0 };
    const byType = {};
    after(() =>
      summary.push(
        `FHIR ${version} examples: ${counts.read} resources read, ${counts.mapped} mapped to the contract, ${counts.roundTripped} round-tripped back to FHIR unchanged, ${counts.freshRoundTripped} fresh writes read back to the same contract entity` +
          ` (${Object.entries(byType).map(([t, n]) => `${t} ${n}`).join(', ')}; ${counts.dataRuleIssues} teams without the coordinator the contract requires, ${counts.notSchedulable} appointments without any time left out)`,
      ),
    );

    test('the package holds the expected examples', () => {
      for (const type of ['CareTeam', 'Consent', 'Appointment', 'Task', 'CarePlan', 'Schedule', 'Slot']) {
        assert.ok(found.some((f) => f.resource.resourceType === type), `no ${type} example found in the ${version} package`);
      }
      assert.ok(found.length >= 50, `only ${found.length} examples found`);
    });

    for (const item of found) {
      const { resource, file, where, container } = item;
      const type = resource.resourceType;
      if (type === 'Schedule' || type === 'Slot') continue;
      const options = {
        version,
        index,
        today: TODAY,
        // A resource contained in a CarePlan shares the plan's patient.
        patient: container ? index.key(container.subject, container) : undefined,
      };
      const label = `${type} ${resource.id} (${file}${where === 'file' ? '' : `, ${where}`})`;

      test(label, () => {
        counts.read++;
        byType[type] = (byType[type] ?? 0) + 1;
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
          // The contract's meetings have a time; FhirSource leaves such an Appointment on the server untouched.
          counts.notSchedulable++;
          counts.mapped++;
          assert.equal(resource.status, 'proposed', 'only a proposed appointment may have no time');
          counts.roundTripped++;
          counts.freshRoundTripped++;
          return;
        }

        const entities = read(resource);
        assert.deepEqual(resource, original, 'reading must not change the resource');
        for (const entity of entities) {
          const result = m.check(schema, entity);
          if (!result.ok) {
            const mappingIssues = result.issues.filter((issue) => !DATA_RULES.some((rule) => rule.test(issue.message)));
            assert.deepEqual(mappingIssues, [], `${label} breaks the contract: ${JSON.stringify(mappingIssues)}`);
            counts.dataRuleIssues++;
          }
        }
        counts.mapped++;

        // Merged write of the unchanged entity: exactly the resource that was read.
        for (const entity of entities) {
          const written = write(entity);
          if (type === 'CarePlan') assert.deepEqual(written, original, `${label}: writing activity ${entity.id} back changed the plan`);
          else assert.deepEqual(written, original, `${label}: writing back changed the resource`);
        }
        counts.roundTripped++;

        // Fresh write (no kept resource): everything the mapping reads comes back the same.
        if (type !== 'CarePlan') {
          const entity = entities[0];
          const { fhir: _fhir, ...withoutFhir } = entity;
          const fresh = write(withoutFhir);
          const [again] = read(fresh);
          assert.deepEqual(contractPart(again), contractPart(entity), `${label}: a fresh write does not read back the same`);
          if (type === 'Consent') {
            if (version === 'R4') assert.ok(fresh.provision && !Array.isArray(fresh.provision), 'R4 Consent.provision is one provision');
            else assert.ok(Array.isArray(fresh.provision), 'R5 Consent.provision is a list');
          }
        }
        counts.freshRoundTripped++;

        // A change touches only what changed.
        if (type === 'Consent' && entities[0].state !== 'withdrawn') {
          const withdrawn = write({ ...entities[0], state: 'withdrawn' });
          assert.equal(withdrawn.status, 'inactive', 'a withdrawal is status inactive');
          assert.deepEqual({ ...withdrawn, status: original.status }, original, 'a withdrawal changes nothing but the status');
          assert.equal(read(withdrawn)[0].state, 'withdrawn');
        }
        if (type === 'Task' && entities[0].status !== 'ended') {
          const ended = write({ ...entities[0], status: 'ended' });
          assert.equal(ended.status, 'completed');
          assert.deepEqual({ ...ended, status: original.status }, original);
        }
        if (type === 'Appointment' && entities[0].status !== 'cancelled') {
          const cancelled = write({ ...entities[0], status: 'cancelled' });
          assert.equal(cancelled.status, 'cancelled');
          assert.deepEqual({ ...cancelled, status: original.status }, original);
        }
      });
    }

    test('Schedules and busy Slots become availability', () => {
      const schedules = found.filter((f) => f.resource.resourceType === 'Schedule').map((f) => f.resource);
      const slots = found.filter((f) => f.resource.resourceType === 'Slot').map((f) => f.resource);
      counts.read += schedules.length + slots.length;
      const availability = m.availabilityFromFhir(schedules, slots, { version, index, today: TODAY });
      for (const entry of availability) assert.ok(m.check(m.Availability, entry).ok, JSON.stringify(entry));
      const busySlots = slots.filter((s) => s.status.startsWith('busy'));
      const busyIntervals = availability.reduce((n, a) => n + a.busy.length, 0);
      assert.ok(busyIntervals <= busySlots.length * schedules.length);
      byType.Schedule = schedules.length;
      byType.Slot = slots.length;
      counts.mapped += schedules.length + slots.length;
      // Written back as Schedule + Slot, the availability reads the same.
      const written = m.availabilityToFhir(availability, { version });
      const again = m.availabilityFromFhir(
        written.filter((r) => r.resourceType === 'Schedule'),
        written.filter((r) => r.resourceType === 'Slot'),
        { version, index: new m.ResourceIndex(written) },
      );
      assert.deepEqual(again, availability);
      counts.roundTripped += schedules.length + slots.length;
      counts.freshRoundTripped += schedules.length + slots.length;
    });
  });
}
