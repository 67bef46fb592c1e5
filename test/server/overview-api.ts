/** The loopback overview API started by test/server/overview.plugin.mjs. */
let origin: Promise<string> | undefined;

export type OverviewScenario = 'ok' | 'error-500' | 'forbidden' | 'unauthorised' | 'slow' | 'invalid' | 'not-json';

export const overviewOrigin = (): Promise<string> =>
  (origin ??= fetch('/__care-overview-api__')
    .then((response) => response.json())
    .then((body: { origin: string }) => body.origin));

/** A session on the overview API over a generated caseload of `people`. */
export async function overviewSession(options: { people: number; seed?: number; today?: string; names?: boolean }) {
  const base = await overviewOrigin();
  const session = crypto.randomUUID();
  const response = await fetch(`${base}/sessions/${session}`, { method: 'POST', body: JSON.stringify(options) });
  if (!response.ok) throw new Error(`could not start the overview API: ${response.status}`);
  return {
    baseUrl: (scenario: OverviewScenario = 'ok') => `${base}/api/${session}/${scenario}`,
    requests: async (): Promise<Array<{ path: string; query: Record<string, string> }>> => (await (await fetch(`${base}/sessions/${session}`)).json()).requests,
  };
}
