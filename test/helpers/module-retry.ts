import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Whether this browser asks the network again for a module whose load failed (Chromium 156 does;
 * Chromium 150 answered every later import from the kept failure). Found out on a module of its
 * own (`module-retry-probe.ts`), whose first request is dropped.
 */
export async function browserRetriesFailedModules(): Promise<boolean> {
  const path = '/test/helpers/module-retry-probe.ts';
  await executeServerCommand('fail-next-request', { path });
  try {
    const first = await import('./module-retry-probe.js').then(
      () => 'loaded',
      () => 'failed',
    );
    if (first !== 'failed') throw new Error('the probe module arrived although its request was dropped');
    return await import('./module-retry-probe.js').then(
      () => true,
      () => false,
    );
  } finally {
    await executeServerCommand('restore-requests', { path });
  }
}
