// Real network failures for the test page: `executeServerCommand('fail-next-request', { path })`
// makes the browser's next request whose URL path ends with `path` fail as if the connection
// dropped (Playwright aborts it); later requests go through. For code that loads on first use and
// offers Try again: the retry must reach the network again, not a remembered failure.
export default [
  {
    name: 'care-network-faults',
    async executeCommand({ command, payload, session }) {
      if (command !== 'fail-next-request') return undefined;
      if (session.browser.type !== 'playwright') throw new Error('fail-next-request needs the Playwright launcher');
      const page = session.browser.getPage(session.id);
      const matches = (url) => new URL(url).pathname.endsWith(payload.path);
      await page.route(matches, (route) => route.abort('internetdisconnected'), { times: 1 });
      return true;
    },
  },
];
