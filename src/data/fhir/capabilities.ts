import { versionFromMetadata } from './version.js';

/** What a FHIR server's CapabilityStatement says it does that a save relies on. */
export interface ServerCapabilities {
  /** It carries out transaction Bundles (all entries, or none): `rest.interaction` holds `transaction`. */
  transactions: boolean;
  /**
   * Resource types on which an update sent with `If-None-Match: *` fails when the resource exists
   * (412), so a create never replaces what someone else created meanwhile. FHIR R5 defines this as
   * part of conditional update (`rest.resource.conditionalUpdate`); R4 and R4B define no such
   * precondition on update, so an R4 statement never puts a type here.
   */
  createOnlyIfNew: ReadonlySet<string>;
}

/** What a server offers when its CapabilityStatement cannot be read, or says nothing: no transactions, no create precondition. */
export const NOTHING_OFFERED: ServerCapabilities = { transactions: false, createOnlyIfNew: new Set() };

interface Statement {
  resourceType?: string;
  fhirVersion?: string;
  rest?: Array<{
    mode?: string;
    interaction?: Array<{ code?: string }>;
    resource?: Array<{ type?: string; conditionalUpdate?: boolean }>;
  }>;
}

/** Reads a server's capabilities from its CapabilityStatement (`GET [base]/metadata`); anything else offers nothing. */
export const capabilitiesFrom = (body: unknown): ServerCapabilities => {
  const statement = body as Statement | undefined;
  if (statement?.resourceType !== 'CapabilityStatement') return NOTHING_OFFERED;
  const server = (statement.rest ?? []).filter((rest) => rest.mode !== 'client');
  const release = versionFromMetadata(statement.fhirVersion);
  const r5 = 'version' in release && release.version === 'R5';
  return {
    transactions: server.some((rest) => (rest.interaction ?? []).some((i) => i.code === 'transaction')),
    createOnlyIfNew: new Set(
      r5 ? server.flatMap((rest) => (rest.resource ?? []).filter((r) => r.conditionalUpdate === true && typeof r.type === 'string').map((r) => r.type!)) : [],
    ),
  };
};
