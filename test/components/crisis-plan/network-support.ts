import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Makes the browser's next request for each of `paths` fail as if the connection dropped (a real
 * failed fetch, see test/server/network.plugin.mjs), then runs `body` with console warnings
 * silenced. Resolves with the promise rejections nobody handled meanwhile.
 */
export async function withDroppedRequests(paths: readonly string[], body: () => Promise<void>): Promise<unknown[]> {
  const warn = console.warn;
  console.warn = () => {};
  const rejections: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    for (const path of paths) await executeServerCommand('fail-next-request', { path });
    await body();
    return rejections;
  } finally {
    window.removeEventListener('unhandledrejection', onRejection);
    console.warn = warn;
  }
}
