// Every link in README.md and docs/ that points inside the repository leads somewhere: the file
// exists and, when the link names a section (`fhir.md#coordination-overview`), that section is
// there under the name GitHub gives its heading. A section lost in a rewrite breaks the build
// instead of leaving readers at the top of a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const markdown = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdown(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : [],
  );
const files = [join(root, 'README.md'), ...markdown(join(root, 'docs'))];

/** The text outside fenced code blocks and inline code, where a link is a link. */
const prose = (text) => text.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');

/** GitHub's anchor for a heading: lower case, punctuation out, spaces to hyphens; repeats numbered. */
function anchorsOf(file) {
  const seen = new Map();
  const anchors = new Set();
  const text = readFileSync(file, 'utf8').replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
  for (const [, heading] of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count ? `${slug}-${count}` : slug);
  }
  for (const [, id] of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(id);
  return anchors;
}

test('the check sees links and anchors (README and docs have some)', () => {
  const links = files.flatMap((file) => [...prose(readFileSync(file, 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)]);
  assert.ok(links.length > 50, `only ${links.length} links found`);
  assert.ok(anchorsOf(join(root, 'docs/fhir.md')).has('careplan--crisis-plan'), 'the slug of "CarePlan ↔ crisis plan"');
});

for (const file of files) {
  test(`links in ${relative(root, file)} lead to a file and a section that exist`, () => {
    const broken = [];
    for (const [, target] of prose(readFileSync(file, 'utf8')).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, tel:
      const [path, anchor] = target.split('#');
      const destination = path ? resolve(dirname(file), decodeURIComponent(path)) : file;
      if (!existsSync(destination)) {
        broken.push(`${target}: no such file`);
        continue;
      }
      if (anchor && destination.endsWith('.md') && statSync(destination).isFile() && !anchorsOf(destination).has(decodeURIComponent(anchor))) {
        broken.push(`${target}: no section with that anchor in ${relative(root, destination)}`);
      }
    }
    assert.deepEqual(broken, []);
  });
}
