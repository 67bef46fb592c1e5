// Real network failures for the test page: `executeServerCommand('fail-next-request', { path })`
// makes the browser's next request whose URL path ends with `path` fail as if the connection
// dropped (Playwright aborts it); later requests go through. `{ path, times: n }` drops the next n
// such requests, and `executeServerCommand('restore-requests', { path })` lets every later one
// through again (drops the browser never used included).
//
// Browsers differ on a module whose load failed: Chromium 150 kept the failure for
// the life of the page, so importing it again failed without a request; Chromium 156 asks the
// network again. A test that wants every try to fail drops as many requests as it makes tries,
// and restores afterwards, so it means the same in both.
export default [
  {
    name: 'care-network-faults',
    async executeCommand({ command, payload, session }) {
      if (command !== 'fail-next-request' && command !== 'restore-requests') return undefined;
      if (session.browser.type !== 'playwright') throw new Error(`${command} needs the Playwright launcher`);
      const page = session.browser.getPage(session.id);
      const routes = (routesByPage.get(page) ?? routesByPage.set(page, new Map()).get(page));
      const existing = routes.get(payload.path);
      if (existing) {
        await page.unroute(existing);
        routes.delete(payload.path);
      }
      if (command === 'restore-requests') return true;
      const matches = (url) => new URL(url).pathname.endsWith(payload.path);
      routes.set(payload.path, matches);
      await page.route(matches, (route) => route.abort('internetdisconnected'), { times: payload.times ?? 1 });
      return true;
    },
  },
];

/** The drop armed per page and path, so a new one replaces it and restore-requests removes it. */
const routesByPage = new WeakMap();
