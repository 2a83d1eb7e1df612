/**
 * A character trie over UTF-16 units whose transitions live in one
 * open-addressing hash table of typed arrays: nothing per node for the
 * garbage collector to walk, no heap number boxed per lookup (a Map keyed
 * `node * 65536 + unit` boxes one once nodes pass 16,384), and the tables
 * can be written to a file and read back as they are (src/dict/compiled.ts).
 * Node 0 is the root; nodes are numbered in insertion order.
 */
export interface TrieTables {
  /** Slot → parent node (meaningful where `childAt` is not 0). */
  nodeAt: Int32Array;
  /** Slot → code unit of the transition. */
  charAt: Uint16Array;
  /** Slot → child node, 0 for an empty slot (the root is never a child). */
  childAt: Int32Array;
  /** Number of nodes, root included. */
  nodes: number;
}

function slotOf(node: number, c: number, mask: number): number {
  let h = Math.imul(node, 0x9e3779b1) ^ c;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return (h ^ (h >>> 13)) & mask;
}

/** Builds a trie key by key; `tables()` then compiles the transitions. */
export class TrieBuilder {
  private readonly next = new Map<number, number>();
  private count = 1;

  /** Insert `key`; returns the node it ends on (the root for the empty key). */
  add(key: string): number {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const k = node * 65536 + key.charCodeAt(i);
      let n = this.next.get(k);
      if (n === undefined) {
        n = this.count++;
        this.next.set(k, n);
      }
      node = n;
    }
    return node;
  }

  get nodes(): number {
    return this.count;
  }

  /**
   * The transitions as a hash table at most two-thirds full: linear probing
   * stays short at that load, and the table (written to the compiled
   * dictionary, read at every start) a third smaller than at half full.
   */
  tables(): TrieTables {
    let size = 16;
    while (size * 2 < this.next.size * 3) size *= 2;
    const mask = size - 1;
    const nodeAt = new Int32Array(size);
    const charAt = new Uint16Array(size);
    const childAt = new Int32Array(size);
    for (const [k, child] of this.next) {
      const node = Math.floor(k / 65536);
      const c = k - node * 65536;
      let i = slotOf(node, c, mask);
      while (childAt[i] !== 0) i = (i + 1) & mask;
      nodeAt[i] = node;
      charAt[i] = c;
      childAt[i] = child;
    }
    return { nodeAt, charAt, childAt, nodes: this.count };
  }
}

/** Lookups over compiled tables. */
export class Trie {
  private readonly mask: number;
  /** `starts[c] === 1` when some key begins with unit `c`: most text positions fail this test. */
  readonly starts: Uint8Array;
  /**
   * The root's children by unit, directly (256 KB): every walk begins there,
   * and most end after a step or two.
   */
  readonly rootChild: Int32Array;

  constructor(private readonly t: TrieTables) {
    this.mask = t.childAt.length - 1;
    this.starts = new Uint8Array(0x10000);
    this.rootChild = new Int32Array(0x10000);
    for (let i = 0; i < t.childAt.length; i++) {
      if (t.childAt[i] !== 0 && t.nodeAt[i] === 0) {
        this.starts[t.charAt[i]!] = 1;
        this.rootChild[t.charAt[i]!] = t.childAt[i]!;
      }
    }
  }

  /** The child of `node` under unit `c`, or 0. */
  child(node: number, c: number): number {
    if (node === 0) return this.rootChild[c]!;
    const { nodeAt, charAt, childAt } = this.t;
    for (let i = slotOf(node, c, this.mask); ; i = (i + 1) & this.mask) {
      const ch = childAt[i]!;
      if (ch === 0) return 0;
      if (nodeAt[i] === node && charAt[i] === c) return ch;
    }
  }

  get nodes(): number {
    return this.t.nodes;
  }
}
