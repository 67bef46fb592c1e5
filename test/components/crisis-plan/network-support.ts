import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Makes the browser's requests for each of `paths` fail as if the connection dropped (a real
 * failed fetch, see test/server/network.plugin.mjs), the next `times` of them (default 1), then
 * runs `body` with console warnings silenced, and lets the requests through again afterwards.
 * Resolves with the promise rejections nobody handled meanwhile.
 *
 * A test that wants Try again to fail as well drops as many requests as it makes tries: Chromium
 * 156 fetches a module whose load failed again on the next import, where earlier versions
 * answered from the kept failure without a request.
 */
export async function withDroppedRequests(paths: readonly string[], body: () => Promise<void>, times = 1): Promise<unknown[]> {
  const warn = console.warn;
  console.warn = () => {};
  const rejections: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    for (const path of paths) await executeServerCommand('fail-next-request', { path, times });
    await body();
    return rejections;
  } finally {
    for (const path of paths) await executeServerCommand('restore-requests', { path });
    window.removeEventListener('unhandledrejection', onRejection);
    console.warn = warn;
  }
}
