/** A growable posting list: document numbers with a weighted term frequency each. */
export class Postings {
  constructor(readonly term: string) {}

  docs = new Int32Array(4);
  weights = new Float32Array(4);
  length = 0;

  add(doc: number, weight: number): void {
    if (this.length === this.docs.length) {
      const docs = new Int32Array(this.docs.length * 2);
      docs.set(this.docs);
      this.docs = docs;
      const weights = new Float32Array(this.weights.length * 2);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.docs[this.length] = doc;
    this.weights[this.length] = weight;
    this.length++;
  }

  /** Position of `doc` (lists are in ascending document order), or -1. */
  indexOf(doc: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const value = this.docs[mid];
      if (value === doc) return mid;
      if (value < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Drops the entry of a removed document (a memmove of the entries after it). */
  delete(doc: number): void {
    const at = this.indexOf(doc);
    if (at < 0) return;
    this.docs.copyWithin(at, at + 1, this.length);
    this.weights.copyWithin(at, at + 1, this.length);
    this.length--;
  }
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistanceWithin(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return previous[b.length] <= max;
}
