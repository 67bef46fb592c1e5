import type { CareRecord, CareRecordInput } from '../../src/contract/record.js';

/** What the loopback test API saw: every request, and the records as it stores them now. */
export interface ApiLog {
  records: Record<string, CareRecord>;
  requests: Array<{
    method: string;
    path: string;
    ifMatch?: string;
    ifNoneMatch?: string;
    changeId?: string;
    attempt?: string;
    at?: string;
    action?: string;
    reason?: string;
    actor?: { id?: string; name: string; organisationId?: string };
    authorization?: string;
    /** The body of a POST (audit entries), as sent. */
    body?: string;
  }>;
}

export type Scenario =
  | 'ok'
  | 'flaky'
  | 'error-500'
  | 'slow'
  | 'invalid'
  | 'not-json'
  | 'unauthorised'
  | 'forbidden'
  | 'reject-422'
  // Only the session's first write fails (reads work), so a retry can get through:
  | 'timeout'
  | 'network'
  | 'conflict'
  | 'out-of-order'
  | 'timeout-stored'
  // Only the session's first POST …/audit fails:
  | 'audit-unavailable'
  | 'audit-lost'
  | 'audit-refused'
  // Every POST …/audit answers 503:
  | 'audit-down';

let origin: Promise<string> | undefined;

/** The origin of the loopback API started by test/server/plugins.mjs. */
export const apiOrigin = (): Promise<string> =>
  (origin ??= fetch('/__care-test-api__')
    .then((response) => response.json())
    .then((body: { origin: string }) => body.origin));

/** A fresh, isolated data set on the test API, seeded with `record`. */
export async function apiSession(record: CareRecordInput) {
  const base = await apiOrigin();
  const session = crypto.randomUUID();
  const response = await fetch(`${base}/sessions/${session}`, { method: 'POST', body: JSON.stringify(record) });
  if (!response.ok) throw new Error(`could not seed the test API: ${response.status}`);
  return {
    /** The base URL to give an HttpSource for this session and scenario. */
    baseUrl: (scenario: Scenario = 'ok') => `${base}/api/${session}/${scenario}`,
    /** What the server holds and has seen. */
    log: async (): Promise<ApiLog> => (await fetch(`${base}/sessions/${session}`)).json(),
  };
}
