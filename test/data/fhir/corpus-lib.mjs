// Reads the official HL7 example packages (hl7.fhir.r4.examples@4.0.1, hl7.fhir.r5.examples@5.0.0,
// and the implementation guides hl7.fhir.uv.ips@2.0.0 and hl7.fhir.au.base@6.0.0, both R4) and
// returns the resources the FHIR mapping reads, with an index of everything they may point at.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './load-source.mjs';

export const PACKAGES = { R4: 'hl7.fhir.r4.examples', R5: 'hl7.fhir.r5.examples' };
/** Every package the corpus test reads: name, FHIR release, folder of its examples. */
export const CORPUS = [
  { name: 'hl7.fhir.r4.examples', version: 'R4', folder: '' },
  { name: 'hl7.fhir.r5.examples', version: 'R5', folder: '' },
  { name: 'hl7.fhir.uv.ips', version: 'R4', folder: 'example' },
  { name: 'hl7.fhir.au.base', version: 'R4', folder: 'example' },
];
/** The resource families the mapping reads. */
export const MAPPED = ['CareTeam', 'Consent', 'Appointment', 'Task', 'CarePlan', 'Schedule', 'Slot'];
/** Resources the mapped ones point at, loaded so references resolve as on a server. */
const REFERENCED = ['Patient', 'Practitioner', 'PractitionerRole', 'RelatedPerson', 'Organization', 'Location', 'Group'];

/**
 * Every example of the mapped types: top-level files, entries of Bundles, and contained resources
 * (a CarePlan holding its CareTeam). Each item: { file, where: 'file'|'bundle'|'contained', resource, container? }.
 */
export function readCorpus(version, name = PACKAGES[version], folder = '') {
  const dir = join(root, 'node_modules', name, folder);
  const found = [];
  const referenced = [];
  const visit = (resource, file, where, container) => {
    if (!resource || typeof resource !== 'object') return;
    if (MAPPED.includes(resource.resourceType)) found.push({ file, where, resource, container });
    if (where !== 'contained' && REFERENCED.includes(resource.resourceType)) referenced.push(resource);
    if (resource.resourceType === 'Bundle') for (const entry of resource.entry ?? []) visit(entry.resource, file, 'bundle');
    for (const contained of resource.contained ?? []) visit(contained, file, 'contained', resource);
  };
  const files = readdirSync(dir).filter((name) => name.endsWith('.json') && name !== 'package.json');
  for (const name of files) {
    const type = name.split('-')[0];
    if (![...MAPPED, ...REFERENCED, 'Bundle'].includes(type)) continue;
    // The specification's own definition bundles (value sets, data elements: 100 MB) hold no examples.
    if (type === 'Bundle' && statSync(join(dir, name)).size > 1_000_000) continue;
    visit(JSON.parse(readFileSync(join(dir, name), 'utf8')), name, 'file');
  }
  return { found, referenced };
}
