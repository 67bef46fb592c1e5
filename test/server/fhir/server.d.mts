/** Types for the loopback FHIR test double in server.mjs (our own, not a third-party server). */
export interface FhirRequestLog {
  method: string;
  path: string;
  query: string;
  ifMatch?: string;
  body?: string;
}

export interface FhirAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export declare class FhirTestServer {
  constructor(options?: { version?: 'R4' | 'R5'; pageSize?: number; base?: string; transactions?: boolean | 'as-batch' });
  version: 'R4' | 'R5';
  /** Whether POST of a transaction Bundle is carried out (and the CapabilityStatement says so); `as-batch`: entry by entry. */
  transactions: boolean | 'as-batch';
  base: string;
  requests: FhirRequestLog[];
  plannedFailures: Array<{ method: string; status: number; text: string; path?: string }>;
  seed(...resources: Array<object | object[]>): void;
  get<T = Record<string, unknown> & { meta: { versionId: string } }>(reference: string): T | undefined;
  failNext(method: string, status: number, text: string, path?: string): void;
  handle(request: { method: string; url: string; headers?: Record<string, string>; body?: string }): FhirAnswer;
  fetchFor(): typeof fetch;
}

export declare function startFhirServer(server: FhirTestServer, path?: string): Promise<{ url: string; close(): Promise<void> }>;
