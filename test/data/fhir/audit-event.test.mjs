// Audit entries as FHIR AuditEvents, R4 and R5: a change saved in part is never written as one that
// saved nothing or as a success, and says what was not saved. The R4 resources are checked against
// the R4 StructureDefinitions (@medplum/core's validateResource). Run: node --test test/data/fhir/audit-event.test.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { validateResource } from '@medplum/core';
import { indexDefinitions } from '../../server/medplum/server.mjs';
import { loadFhirModule, root } from './load-source.mjs';

const m = await loadFhirModule();
indexDefinitions();

const base = {
  id: 'audit-1',
  entity: 'meeting-outcome',
  entityId: 'mo-october',
  action: 'answer',
  actor: { id: 'Practitioner/m-kari', name: 'Kari Nilsen', organisationId: 'Organization/org-home-care' },
  at: '2026-10-30T12:00:00Z',
  changeId: 'change-7',
};
const partly = { ...base, outcome: 'partly-saved', failure: 'server', notSaved: [['questions', 'oq-part', 'answer']] };
const failed = { ...base, outcome: 'failed', failure: 'server' };
const saved = { ...base, outcome: 'saved' };

const details = (event) => event.entity[0].detail.map((d) => [typeof d.type === 'string' ? d.type : d.type.coding[0].code, d.valueString]);

describe('auditEntryToFhir', () => {
  test('R4: outcome codes from audit-event-outcome, and the contract outcome in the R5 outcome.detail extension', () => {
    const event = m.auditEntryToFhir(partly, { version: 'R4' });
    assert.equal(event.outcome, '4', 'a change saved in part did not go through as asked: a minor failure, not a success');
    assert.equal(event.outcomeDesc, 'Saved in part (server). Not saved: questions > oq-part > answer.');
    const [extension] = event.extension;
    assert.equal(extension.url, 'http://hl7.org/fhir/5.0/StructureDefinition/extension-AuditEvent.outcome.detail');
    assert.deepEqual(extension.valueCodeableConcept.coding, [{ system: 'https://care-elements.dev/fhir/CodeSystem/audit-outcome', code: 'partly-saved', display: 'Saved in part' }]);
    assert.deepEqual(details(event), [
      ['change-id', 'change-7'],
      ['failure', 'server'],
      ['not-saved', 'questions > oq-part > answer'],
    ]);
    assert.deepEqual(event.entity[0].what, { reference: 'Composition/mo-october' });
    assert.deepEqual(event.agent[0], { who: { reference: 'Practitioner/m-kari', display: 'Kari Nilsen' }, requestor: true, name: 'Kari Nilsen' });
    assert.equal(m.auditEntryToFhir(saved, { version: 'R4' }).outcome, '0');
    assert.equal(m.auditEntryToFhir(failed, { version: 'R4' }).outcome, '8', 'a server failure is a serious failure');
    assert.equal(m.auditEntryToFhir({ ...failed, failure: 'conflict' }, { version: 'R4' }).outcome, '4');
    assert.equal(m.auditEntryToFhir({ ...base, outcome: 'vetoed' }, { version: 'R4' }).outcome, '4');
    assert.equal(m.auditEntryToFhir(failed, { version: 'R4' }).outcomeDesc, 'Not saved (server).');
  });

  test('R4: every outcome gives an AuditEvent the R4 StructureDefinitions accept', () => {
    for (const entry of [saved, partly, failed, { ...base, outcome: 'vetoed' }, { ...base, outcome: 'rejected', reason: 'Needs a signature.' }]) {
      assert.doesNotThrow(() => validateResource(m.auditEntryToFhir(entry, { version: 'R4' })), entry.outcome);
    }
    assert.throws(() => validateResource(m.auditEntryToFhir(partly, { version: 'R5' })), 'the check bites: the R5 shape is not R4');
  });

  test('R5: outcome.code from issue-severity, the contract outcome and what was not saved in outcome.detail', () => {
    const event = m.auditEntryToFhir(partly, { version: 'R5', patient: 'Patient/m-ingrid' });
    assert.deepEqual(event.outcome.code, { system: 'http://hl7.org/fhir/issue-severity', code: 'error', display: 'Error' });
    assert.deepEqual(event.outcome.detail, [
      {
        coding: [{ system: 'https://care-elements.dev/fhir/CodeSystem/audit-outcome', code: 'partly-saved', display: 'Saved in part' }],
        text: 'Saved in part (server). Not saved: questions > oq-part > answer.',
      },
    ]);
    assert.equal(event.outcomeDesc, undefined, 'R5 has no outcomeDesc');
    assert.equal(event.type, undefined, 'R5 has category and code, not type');
    assert.deepEqual(event.category[0].coding[0].code, 'rest');
    assert.deepEqual(event.code.coding, [{ system: 'https://care-elements.dev/fhir/CodeSystem/audit-action', code: 'answer' }]);
    assert.deepEqual(event.patient, { reference: 'Patient/m-ingrid' });
    assert.deepEqual(event.agent[0], { who: { reference: 'Practitioner/m-kari', display: 'Kari Nilsen' }, requestor: true });
    assert.deepEqual(event.agent[1], { who: { reference: 'Organization/org-home-care' }, requestor: false });
    assert.equal(event.entity[0].detail[2].type.coding[0].code, 'not-saved');
    assert.deepEqual(m.auditEntryToFhir(saved, { version: 'R5' }).outcome.code.code, 'success');
    assert.deepEqual(m.auditEntryToFhir(failed, { version: 'R5' }).outcome.detail[0].coding[0].code, 'failed');
  });

  test('an entry written before partly-saved existed maps as it did: a failure is a failure', () => {
    const older = { ...base, outcome: 'failed', failure: 'network' };
    assert.equal(m.check(m.AuditEntry, older).ok, true);
    assert.equal(m.auditEntryToFhir(older, { version: 'R4' }).outcome, '8');
    assert.equal(m.auditEntryToFhir(older, { version: 'R4' }).entity[0].detail.some((d) => d.type === 'not-saved'), false);
  });

  test('the example in docs/fhir.md runs as printed and says what it gives', () => {
    const docs = readFileSync(`${root}/docs/fhir.md`, 'utf8');
    const section = docs.slice(docs.indexOf('## AuditEvent \u2190 audit entry'));
    const code = section.slice(section.indexOf('```js\n') + 6, section.indexOf('```', section.indexOf('```js\n') + 6));
    const [importLine, ...rest] = code.trim().split('\n');
    assert.equal(importLine, "import { auditEntryToFhir } from 'care-elements';");
    const event = new Function('auditEntryToFhir', `${rest.join('\n')}\nreturn event;`)(m.auditEntryToFhir);
    const promised = rest.at(-1);
    assert.ok(promised.includes(`event.outcome === '${event.outcome}'`), promised);
    assert.ok(promised.includes(`event.outcomeDesc === '${event.outcomeDesc}'`), promised);
  });
});
