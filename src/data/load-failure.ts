import { TEAM_ID_ENTITY, type StoreError } from './types.js';

/**
 * Why a load failed, in categories a portal can act on: send the person to sign in
 * (`unauthorised`), explain they have no access (`forbidden`), or report a broken link, server,
 * network or answer.
 */
export const LOAD_FAILURE_REASONS = [
  /** 401: the person is not signed in (or the session ran out). */
  'unauthorised',
  /** 403: signed in, but not allowed to see this care team. */
  'forbidden',
  /** 404 or 410: no such care team, or (memory source) no data was given. */
  'not-found',
  /** 5xx or 429: the server failed or is overloaded. */
  'server',
  /** No answer in time. */
  'timeout',
  /** No connection to the server (offline, DNS, CORS refused). */
  'network',
  /** The answer was not JSON, or broke the data contract. */
  'invalid-body',
  /** Any other refusal (another 4xx, a missing care team id, or one such as `..` that cannot be used in an address). */
  'rejected',
] as const;
export type LoadFailureReason = (typeof LOAD_FAILURE_REASONS)[number];

/**
 * How a failed load's `detail` starts when the data source's code did not arrive a second time on
 * the page: twice is not a blip, and a browser may keep a failed module load for the life of the
 * page (Chromium 150 did; 156 asks the network again), so that only reloading can fetch it.
 * Elements say so instead of "check your connection"; `careloaderror` carries it in `message`
 * (reason `network`).
 */
export const SOURCE_CODE_MISSING = 'the data source\u2019s code still could not be loaded; reload the page';

/** Sorts a failed load into a reason, by HTTP status where there is one, else by the error's kind. */
export const loadFailureReason = (error: StoreError): LoadFailureReason => {
  const status = error.status;
  if (status === 401) return 'unauthorised';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 408) return 'timeout';
  if (status !== undefined && (status === 429 || status >= 500)) return 'server';
  switch (error.kind) {
    case 'network':
      return 'network';
    case 'timeout':
      return 'timeout';
    case 'server':
      return 'server';
    case 'contract':
      // A care team id the contract refuses was never sent: nothing answered, so no body was invalid.
      return (error as { entity?: unknown }).entity === TEAM_ID_ENTITY ? 'rejected' : 'invalid-body';
    case 'forbidden':
      return 'forbidden';
    default:
      return 'rejected';
  }
};
