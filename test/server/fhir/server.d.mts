/** Types for the loopback FHIR test double in server.mjs (our own, not a third-party server). */
export interface FhirRequestLog {
  method: string;
  path: string;
  query: string;
  ifMatch?: string;
  ifNoneMatch?: string;
  body?: string;
}

export interface FhirAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export declare class FhirTestServer {
  constructor(options?: {
    version?: 'R4' | 'R5';
    pageSize?: number;
    base?: string;
    transactions?: boolean | 'as-batch';
    conditionalUpdate?: boolean;
    ifNoneMatch?: 'precondition-failed' | 'not-modified' | 'ignored';
  });
  version: 'R4' | 'R5';
  /** Whether POST of a transaction Bundle is carried out (and the CapabilityStatement says so); `as-batch`: entry by entry. */
  transactions: boolean | 'as-batch';
  /** Whether the CapabilityStatement says conditionalUpdate for every type (in R5 that includes If-None-Match: *). */
  conditionalUpdate: boolean;
  /** How an update with If-None-Match: * over an existing resource is answered: 412, 304, or stored over it. */
  ifNoneMatch: 'precondition-failed' | 'not-modified' | 'ignored';
  base: string;
  requests: FhirRequestLog[];
  plannedFailures: Array<{ method: string; status: number; text: string; path?: string }>;
  seed(...resources: Array<object | object[]>): void;
  get<T = Record<string, unknown> & { meta: { versionId: string } }>(reference: string): T | undefined;
  failNext(method: string, status: number, text: string, path?: string): void;
  /** Runs `action` once, right after the next `method` request on `path` (`Type/id`) is answered. */
  afterNext(method: string, path: string, action: () => void): void;
  handle(request: { method: string; url: string; headers?: Record<string, string>; body?: string }): FhirAnswer;
  fetchFor(): typeof fetch;
}

export declare function startFhirServer(server: FhirTestServer, path?: string): Promise<{ url: string; close(): Promise<void> }>;
