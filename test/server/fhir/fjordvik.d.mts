/** Types for fjordvik.mjs: the Fjordvik case as FHIR resources for seeding the test server. */
export declare function fjordvikAsFhir(
  m: Record<string, unknown>,
  version: 'R4' | 'R5',
): { record: import('../../../src/contract/record.js').CareRecord; resources: object[]; patient: string };
