// docs/tokens.md lists every colour pair of the ready-made themes with its contrast; it is current,
// and every pair meets WCAG 2.2 (4.5:1 text, 3:1 non-text). The formula is checked on known values.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { contrast, measure, page, PAIRS } from '../../scripts/token-contrast.mjs';

test('the contrast formula gives the known WCAG values', () => {
  assert.equal(contrast('#000000', '#ffffff'), 21);
  assert.equal(contrast('#fff', '#fff'), 1);
  // #767676 on white is the lightest grey that passes 4.5:1; #777777 just fails.
  assert.ok(contrast('#767676', '#ffffff') >= 4.5);
  assert.ok(contrast('#777777', '#ffffff') < 4.5);
});

test('every pair of every ready-made theme meets its minimum', () => {
  const results = measure();
  assert.equal(results.length, 3);
  for (const { theme, pairs } of results) {
    assert.equal(pairs.length, PAIRS.length);
    for (const p of pairs) assert.ok(p.ok, `${theme}: ${p.fg} on ${p.bg} is ${p.ratio.toFixed(2)}:1, needs ${p.minimum}:1`);
  }
});

test('docs/tokens.md is what the script writes now', () => {
  assert.equal(readFileSync('docs/tokens.md', 'utf8'), page());
});
