/**
 * A set of 32-bit hashes in one typed array (open addressing, linear
 * probing). At a million emails a JS Set<number> spends more time growing
 * and being garbage-collected than the generator spends making people.
 * A hash collision only means an email gets a digit suffix it did not need.
 */
export class HashSet32 {
  private table = new Uint32Array(1 << 18);
  private size = 0;

  /** Adds h; false if it was already present. */
  add(h: number): boolean {
    // 0 marks an empty slot, so hash 0 is stored as 1.
    const key = h >>> 0 || 1;
    if (this.size * 2 >= this.table.length) this.grow();
    const mask = this.table.length - 1;
    for (let i = key & mask; ; i = (i + 1) & mask) {
      const slot = this.table[i];
      if (slot === 0) {
        this.table[i] = key;
        this.size++;
        return true;
      }
      if (slot === key) return false;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.size = 0;
    for (const key of old) if (key !== 0) this.add(key);
  }
}
