// The accessibility tree Chromium exposes, for test/a11y/*.test.ts, through the DevTools protocol
// (Playwright 1.65 no longer has page.accessibility, so @web/test-runner-commands' a11ySnapshot
// cannot run here). web-test-runner.config.mjs loads this file (every test/server/*.plugin.mjs).
//
// executeServerCommand('ax-tree')  → the page's tree with ignored nodes left out (their children
//   move up to the nearest kept ancestor), each node { role, name, description, properties, children }.
//   A node Chromium ignores (notRendered, aria-hidden, display: none) is absent, exactly as a
//   screen reader would not find it.
// executeServerCommand('screenshot', { x, y, width, height }) → a PNG of that part of the page
//   (CSS pixels, animations and caret off) as base64, for the forced-colours screenshots.

/** The values a test asserts on: states (checked, selected, disabled…) and live-region settings. */
const KEPT = new Set([
  'checked', 'pressed', 'selected', 'disabled', 'expanded', 'focused', 'focusable', 'invalid',
  'required', 'live', 'atomic', 'relevant', 'busy', 'level', 'modal', 'readonly', 'multiselectable',
  'hasPopup', 'orientation', 'valuetext',
]);

const valueOf = (field) => (field && 'value' in field ? field.value : undefined);

function build(nodes) {
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const convert = (node) => {
    const children = [];
    for (const childId of node.childIds ?? []) {
      const child = byId.get(childId);
      if (!child) continue;
      const converted = convert(child);
      if (child.ignored) children.push(...converted.children);
      else children.push(converted);
    }
    const properties = {};
    for (const property of node.properties ?? []) {
      if (KEPT.has(property.name)) properties[property.name] = valueOf(property.value);
    }
    return { role: valueOf(node.role) ?? '', name: valueOf(node.name) ?? '', description: valueOf(node.description) ?? '', properties, children };
  };
  const root = nodes.find((node) => !node.parentId) ?? nodes[0];
  return convert(root);
}

export default [
  {
    name: 'care-a11y-tree',
    async executeCommand({ command, payload, session }) {
      if (command === 'screenshot') {
        const page = session.browser.getPage(session.id);
        const { x, y, width, height } = payload;
        const png = await page.screenshot({ clip: { x, y, width, height }, animations: 'disabled', caret: 'hide', scale: 'css' });
        return png.toString('base64');
      }
      if (command !== 'ax-tree') return undefined;
      if (session.browser.type !== 'playwright') throw new Error('ax-tree needs the Playwright launcher');
      const page = session.browser.getPage(session.id);
      const cdp = await page.context().newCDPSession(page);
      try {
        await cdp.send('Accessibility.enable');
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        return build(nodes);
      } finally {
        await cdp.detach();
      }
    },
  },
];
