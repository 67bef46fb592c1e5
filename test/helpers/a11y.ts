// axe-core ships as UMD: importing the file for its side effect sets window.axe.
import 'axe-core/axe.min.js';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import { assert } from '@open-wc/testing';

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

/** WCAG 2.0, 2.1 and 2.2 success criteria at levels A and AA (axe has no separate 2.2 A tag). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

// axe refuses to start a run while another is in progress, so runs queue behind each other.
let queue: Promise<unknown> = Promise.resolve();

/** Runs axe on `el` (its open shadow roots included) against the WCAG A/AA rules. */
export function runAxe(el: Element, options: RunOptions = {}): Promise<AxeResults> {
  const run = queue.then(() =>
    window.axe.run(el, {
      runOnly: { type: 'tag', values: [...WCAG_TAGS] },
      resultTypes: ['violations'],
      ...options,
    }),
  );
  queue = run.catch(() => undefined);
  return run;
}

/** One readable paragraph per violation: rule id, impact, help text, link and every target. */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((violation) => {
      const targets = violation.nodes
        .map((node) => `    - ${JSON.stringify(node.target)}${node.failureSummary ? `\n      ${node.failureSummary.replace(/\n/g, '\n      ')}` : ''}`)
        .join('\n');
      return `[${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${targets}`;
    })
    .join('\n');
}

/**
 * Fails the test when axe finds WCAG 2.0/2.1/2.2 A or AA violations in `el`, including inside
 * shadow roots. Pass axe `RunOptions` to narrow, e.g. `{ rules: { 'color-contrast': { enabled: false } } }`.
 */
export async function expectAxeClean(el: Element, options?: RunOptions): Promise<void> {
  const { violations } = await runAxe(el, options);
  if (violations.length > 0) {
    const label = el.localName + (el.id ? `#${el.id}` : '');
    assert.fail(`expected <${label}> to have no accessibility violations, found ${violations.length}:\n${formatViolations(violations)}`);
  }
}
