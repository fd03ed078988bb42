/**
 * What happens when, across the year: a min-heap of timed steps. A step may plan later steps (a
 * rental planned at check-out is returned hours later, an item found today is claimed next week);
 * steps are run in time order up to "now", so what is still open at "now" stays open.
 */
interface Step {
  at: number;
  order: number;
  run: (at: number) => void;
}

export class Agenda {
  private readonly heap: Step[] = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  plan(at: number, run: (at: number) => void): void {
    const heap = this.heap;
    heap.push({ at, order: this.counter++, run });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      swap(heap, i, parent);
      i = parent;
    }
  }

  /** Runs, in time order, every step planned before `until` (including those they plan). */
  runUntil(until: number): number {
    let ran = 0;
    for (let top = this.heap[0]; top && top.at < until; top = this.heap[0]) {
      this.pop();
      top.run(top.at);
      ran += 1;
    }
    return ran;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left], heap[smallest])) smallest = left;
      if (right < heap.length && before(heap[right], heap[smallest])) smallest = right;
      if (smallest === i) return;
      swap(heap, i, smallest);
      i = smallest;
    }
  }
}

function before(a: Step | undefined, b: Step | undefined): boolean {
  if (!a || !b) return false;
  return a.at < b.at || (a.at === b.at && a.order < b.order);
}

function swap(heap: Step[], a: number, b: number): void {
  const first = heap[a];
  const second = heap[b];
  if (!first || !second) return;
  heap[a] = second;
  heap[b] = first;
}
