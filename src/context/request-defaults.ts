/** Headers for every request, or a function giving them (called per request, so a token can be refreshed). */
export type RequestHeaders = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/** How the HTTP and FHIR sources of every `<care-context>` on the page send their requests. */
export interface RequestSettings {
  /** Sent with every request, for example `{ Authorization: 'Bearer …' }`; a `<care-context>`'s own `headers` add to and override these. */
  headers?: RequestHeaders;
  /** Whether cookies are sent: `same-origin` (default), `include` or `omit`. */
  credentials?: RequestCredentials;
  /** How long one request may take, in milliseconds, before the load fails with `timeout`. Default 15000. */
  timeoutMs?: number;
  /** How many times a failed read is tried again (network failures, 429 and 5xx). Default 2. */
  retries?: number;
}

let pageSettings: RequestSettings = {};

/**
 * Sets how every `<care-context>` on the page talks to its REST API or FHIR server, for pages
 * without a bundler: the single-file bundle exports it by this name. Call it before the elements
 * load (a module script that imports it runs before they do); headers are read per request.
 *
 * ```js
 * import { configureRequests } from '/vendor/care-elements/care-elements.min.js';
 * configureRequests({ headers: () => ({ Authorization: `Bearer ${portal.token()}` }) });
 * ```
 */
export const configureRequests = (settings: RequestSettings): void => {
  pageSettings = { ...pageSettings, ...settings };
};

/** The settings given to `configureRequests`. */
export const requestSettings = (): RequestSettings => pageSettings;

const resolveHeaders = async (headers: RequestHeaders | undefined): Promise<HeadersInit> =>
  (typeof headers === 'function' ? await headers() : headers) ?? {};

/** The page's headers with a context's own on top, both read when a request is sent. */
export const mergedHeaders = (own: () => RequestHeaders | undefined) => async (): Promise<Headers> => {
  const merged = new Headers(await resolveHeaders(pageSettings.headers));
  new Headers(await resolveHeaders(own())).forEach((value, name) => merged.set(name, value));
  return merged;
};
