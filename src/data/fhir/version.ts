import type * as F from './types.js';

/** The FHIR releases the mapping reads; anything else is refused with a reason, never read as one of these. */
export const SUPPORTED_VERSIONS = ['R4', 'R5'] as const;

const NOT_SUPPORTED =
  'Care Elements reads FHIR R4 and R5 only; STU3 Consent and CareTeam differ (an STU3 opt-out would be read as an opt-in), so STU3 is never read as R4. Use the server\u2019s R4 (or R5) endpoint.';

/** Why `given` is not a version FhirSource can read, or `undefined` when it is R4 or R5. */
export const unsupportedVersion = (given: unknown): string | undefined =>
  given === 'R4' || given === 'R5' ? undefined : `FHIR version "${String(given)}" is not supported. ${NOT_SUPPORTED}`;

/** The release a CapabilityStatement's `fhirVersion` names (4.0.x and 4.3.x read as R4), or a reason. */
export const versionFromMetadata = (fhirVersion: string | undefined): { version: F.FhirVersion } | { problem: string } => {
  if (!fhirVersion) return { problem: 'the FHIR server\u2019s metadata (CapabilityStatement) does not give fhirVersion; set fhir-version="R4" or "R5"' };
  if (/^4\.[0-3]\./.test(fhirVersion)) return { version: 'R4' };
  if (/^5\./.test(fhirVersion)) return { version: 'R5' };
  const name = /^3\./.test(fhirVersion) ? 'STU3' : /^1\./.test(fhirVersion) ? 'DSTU2' : fhirVersion;
  return { problem: `the FHIR server speaks ${name} (fhirVersion ${fhirVersion}). ${NOT_SUPPORTED}` };
};

/**
 * Why a resource is not of the release it is read as (STU3 or R5 content read as R4, R4 content read
 * as R5), naming the element that tells; `undefined` when nothing says so.
 */
export const contentVersionProblem = (resource: F.Resource, version: F.FhirVersion): string | undefined => {
  const r = resource as Record<string, unknown>;
  const at = (element: string, found: string) =>
    `${resource.resourceType}/${resource.id ?? ''} is ${found} content (${resource.resourceType}.${element}), read as ${version}. ${found === 'STU3' ? NOT_SUPPORTED : `Set fhir-version="${found}" (or leave it out and let the server's metadata tell).`}`;
  if (resource.resourceType === 'Consent') {
    if ('except' in r || 'consentingParty' in r || typeof r.policyRule === 'string' || 'actor' in r || 'purpose' in r) {
      return at('except' in r ? 'except' : 'consentingParty' in r ? 'consentingParty' : typeof r.policyRule === 'string' ? 'policyRule' : 'actor' in r ? 'actor' : 'purpose', 'STU3');
    }
    if (version === 'R4' && ('decision' in r || 'subject' in r || 'grantee' in r || Array.isArray(r.provision))) return at('decision' in r ? 'decision' : 'subject' in r ? 'subject' : 'grantee' in r ? 'grantee' : 'provision', 'R5');
    if (version === 'R5' && ('scope' in r || 'patient' in r || 'policyRule' in r || (r.provision !== undefined && !Array.isArray(r.provision)))) return at('scope' in r ? 'scope' : 'patient' in r ? 'patient' : 'policyRule' in r ? 'policyRule' : 'provision', 'R4');
  }
  if (resource.resourceType === 'CareTeam') {
    const participants = (r.participant as Array<Record<string, unknown>> | undefined) ?? [];
    if (version === 'R4' && participants.some((p) => 'coveragePeriod' in p)) return at('participant.coveragePeriod', 'R5');
    if (version === 'R4' && participants.some((p) => p.role !== undefined && !Array.isArray(p.role))) return at('participant.role', participants.some((p) => 'period' in p) ? 'STU3' : 'R5');
    if (version === 'R5' && participants.some((p) => Array.isArray(p.role) || 'period' in p)) return at(participants.some((p) => 'period' in p) ? 'participant.period' : 'participant.role', 'R4');
  }
  return undefined;
};
