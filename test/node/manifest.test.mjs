// The Custom Elements Manifest (built by `npm run build`) lists the public API only: what the
// Storybook docs tables and controls and other tools show a portal developer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../custom-elements.json', import.meta.url)), 'utf8'));
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement);

test('the manifest describes every element', () => {
  const tags = elements.map((element) => element.tagName).filter(Boolean);
  for (const tag of ['care-context', 'care-consent-toggle', 'care-consent-list', 'care-team-roster', 'care-responsibility-matrix', 'care-meeting-scheduler', 'care-date-picker', 'care-crisis-plan', 'care-coordination-overview', 'care-meeting-outcomes']) {
    assert.ok(tags.includes(tag), `${tag} is in custom-elements.json`);
  }
});

test('no private, protected, underscore or Lit plumbing member is listed', () => {
  const leaked = elements.flatMap((element) =>
    (element.members ?? [])
      .filter((member) => member.privacy === 'private' || member.privacy === 'protected' || /^[_#]/.test(member.name) || ['styles', 'shadowRootOptions', 'formAssociated'].includes(member.name))
      .map((member) => `${element.tagName ?? element.name}.${member.name}`),
  );
  assert.deepEqual(leaked, []);
});

test('the public properties a host sets are still there, with their descriptions', () => {
  const toggle = elements.find((element) => element.tagName === 'care-consent-toggle');
  const names = toggle.members.map((member) => member.name);
  for (const name of ['directive', 'directiveId', 'team', 'audience', 'headingLevel', 'actor', 'labels', 'lang']) assert.ok(names.includes(name), name);
  assert.ok(toggle.members.find((member) => member.name === 'directive').description.length > 20);
  assert.ok(toggle.events.some((event) => event.name === 'care-consent-change'));
  assert.ok((toggle.cssProperties ?? []).length > 3 && (toggle.cssParts ?? []).length > 3);
});
