/**
 * Waiting order lines of one stock row in fill order (oldest claim first), with a min-tree
 * over their quantities, so "the oldest line that fits in what is available" costs
 * O(log n) however many lines wait, and filling costs O(lines filled × log n).
 *
 * New lines almost always come last (a new order has the newest claim), so they are
 * appended; an older line arriving late (an amend adding a SKU to an old order) and the
 * removal of many lines are absorbed by an occasional O(n) rebuild.
 */
export interface Waiting {
  holder: string;
  priority: number;
  quantity: number;
}

const before = (a: Waiting, b: Waiting) =>
  a.priority < b.priority || (a.priority === b.priority && a.holder < b.holder);

export class WaitingQueue {
  // Removed lines stay as tombstones (infinite in the tree) until the next rebuild, so
  // the last slot still orders appends.
  private slots: Waiting[] = [];
  private tree = new Float64Array(2).fill(Number.POSITIVE_INFINITY);
  private capacity = 1;
  private readonly slotOf = new Map<string, number>();

  constructor(lines: Iterable<Waiting> = []) {
    this.rebuild([...lines]);
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(holder: string): boolean {
    return this.slotOf.has(holder);
  }

  add(line: Waiting): void {
    if (this.slotOf.has(line.holder)) this.remove(line.holder);
    const last = this.slots[this.slots.length - 1];
    if ((last && before(line, last)) || this.slots.length >= this.capacity) {
      this.rebuild([...this.inOrder(), line]);
      return;
    }
    const slot = this.slots.length;
    this.slots.push(line);
    this.slotOf.set(line.holder, slot);
    this.set(slot, line.quantity);
  }

  remove(holder: string): void {
    const slot = this.slotOf.get(holder);
    if (slot === undefined) return;
    this.slotOf.delete(holder);
    this.set(slot, Number.POSITIVE_INFINITY);
    // Tombstones beyond half the slots make the tree mostly empty: compact it.
    if (this.slots.length > 64 && this.slotOf.size * 2 < this.slots.length) {
      this.rebuild([...this.inOrder()]);
    }
  }

  /** The oldest waiting line whose quantity is at most `available`, if any. */
  firstFitting(available: number): Waiting | undefined {
    if (!((this.tree[1] ?? Number.POSITIVE_INFINITY) <= available)) return undefined;
    let node = 1;
    while (node < this.capacity) {
      node =
        (this.tree[2 * node] ?? Number.POSITIVE_INFINITY) <= available ? 2 * node : 2 * node + 1;
    }
    return this.slots[node - this.capacity];
  }

  *inOrder(): Generator<Waiting> {
    for (const [slot, line] of this.slots.entries()) {
      if (this.slotOf.get(line.holder) === slot) yield line;
    }
  }

  private set(slot: number, quantity: number) {
    let node = slot + this.capacity;
    this.tree[node] = quantity;
    for (node >>= 1; node >= 1; node >>= 1) {
      this.tree[node] = Math.min(
        this.tree[2 * node] ?? Number.POSITIVE_INFINITY,
        this.tree[2 * node + 1] ?? Number.POSITIVE_INFINITY,
      );
    }
  }

  private rebuild(lines: Waiting[]) {
    lines.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    this.capacity = 1;
    while (this.capacity < Math.max(1, lines.length * 2)) this.capacity *= 2;
    this.slots = lines;
    this.slotOf.clear();
    this.tree = new Float64Array(2 * this.capacity).fill(Number.POSITIVE_INFINITY);
    lines.forEach((line, slot) => {
      this.slotOf.set(line.holder, slot);
      this.tree[this.capacity + slot] = line.quantity;
    });
    for (let node = this.capacity - 1; node >= 1; node--) {
      this.tree[node] = Math.min(this.tree[2 * node] as number, this.tree[2 * node + 1] as number);
    }
  }
}
