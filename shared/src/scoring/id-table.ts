/** Not in the table. */
export const ABSENT = -1;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over the string's UTF-16 code units. */
export function hashId(id: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), FNV_PRIME);
  return hash;
}

/**
 * Ids numbered 0, 1, 2... in the order they were added, found by open addressing (linear
 * probing) over an Int32Array kept at most half full. It does what a Map<string, number> would,
 * at about a third of the cost on a national replay and with nothing on the garbage-collected
 * heap: the table and the stored hashes are typed arrays, the ids stay where their owner keeps
 * them (`idOf`), and growing re-files numbers from the stored hashes without hashing any id
 * again. Ids are never removed.
 * See docs/scoring.md ("The engine's data").
 */
export class IdTable {
  private slots: Int32Array;
  private hashes: Int32Array;
  private count = 0;
  private mask: number;
  /** The last id looked up and its hash: adding right after a miss does not hash it again. */
  private lastId = '';
  private lastHash = hashId('');

  /** `idOf(n)` gives the id numbered n, for every n already added. */
  constructor(
    private readonly idOf: (n: number) => string,
    capacity = 1024,
  ) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.slots = new Int32Array(size).fill(ABSENT);
    this.mask = size - 1;
    this.hashes = new Int32Array(size >> 1);
  }

  get size(): number {
    return this.count;
  }

  /** The number of this id, or ABSENT. */
  find(id: string): number {
    const hash = hashId(id);
    this.lastId = id;
    this.lastHash = hash;
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const n = this.slots[i]!;
      if (n === ABSENT) return ABSENT;
      if (this.hashes[n] === hash && this.idOf(n) === id) return n;
    }
  }

  /**
   * Numbers an id not yet in the table (the caller has checked with `find`); from now on
   * `idOf` must give it for the number returned.
   */
  add(id: string): number {
    const n = this.count++;
    if (n === this.hashes.length) {
      const hashes = new Int32Array(n * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    const hash = id === this.lastId ? this.lastHash : hashId(id);
    this.hashes[n] = hash;
    if ((n + 1) * 2 > this.slots.length) this.regrow();
    else this.file(n, hash);
    return n;
  }

  private file(n: number, hash: number): void {
    let i = hash & this.mask;
    while (this.slots[i] !== ABSENT) i = (i + 1) & this.mask;
    this.slots[i] = n;
  }

  private regrow(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size).fill(ABSENT);
    this.mask = size - 1;
    for (let n = 0; n < this.count; n++) this.file(n, this.hashes[n]!);
  }
}
