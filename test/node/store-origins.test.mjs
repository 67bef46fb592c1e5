// A store tells each element's saves apart (SaveOptions.origin) without holding on to the element:
// an element taken off the page after it saved is not kept alive by the store it saved through.
// Run: node --test test/node/store-origins.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadFhirModule } from '../data/fhir/load-source.mjs';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

const m = await loadFhirModule();

/** A source that stores every save as a new version of the entity. */
class VersionedSource {
  record = structuredClone(m.fjordvik);
  versions = 1;
  async load() {
    return structuredClone(this.record);
  }
  async save(change) {
    return { ...change.value, meta: { version: String(++this.versions) } };
  }
}

test('an element that saved and left the page is not kept by the store', async () => {
  const store = new m.CareStore(new VersionedSource(), 'team-ingrid', { id: 'm-kari', name: 'Kari Nilsen' });
  await store.load();
  const saveFrom = async () => {
    // The element: it saves a rename of a task twice, then leaves the page.
    let element = { name: 'a responsibility matrix' };
    const left = new WeakRef(element);
    for (const title of ['First', 'Second']) {
      const value = { ...store.snapshot.record.responsibilities[0], title };
      const outcome = await store.save({ entity: 'responsibility', action: 'update', value }, { origin: element });
      assert.equal(outcome.ok, true);
    }
    element = undefined;
    return left;
  };
  const left = await saveFrom();
  for (let i = 0; i < 3 && left.deref() !== undefined; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
  }
  assert.equal(left.deref(), undefined, 'the element is still held after it left the page');
});
