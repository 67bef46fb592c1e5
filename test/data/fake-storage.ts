/** A Storage kept in a Map, so tests never touch the real localStorage; `full` makes every write fail as a full storage does. */
export class FakeStorage implements Storage {
  readonly items = new Map<string, string>();
  full = false;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, String(value));
  }
}

/** A Storage the browser refuses to open (privacy settings, a sandboxed frame): every use throws. */
export class BlockedStorage extends FakeStorage {
  override getItem(): string | null {
    throw new DOMException('Access is denied for this document.', 'SecurityError');
  }
  override setItem(): void {
    throw new DOMException('Access is denied for this document.', 'SecurityError');
  }
}
