/** Growable typed columns for per-document numbers, indexed by document number. */
export class NumberColumn<T extends Float64Array | Int32Array | Uint8Array> {
  constructor(
    public values: T,
    private readonly make: (size: number) => T,
  ) {}

  ensure(size: number): void {
    if (size <= this.values.length) return;
    const next = this.make(Math.max(size, this.values.length * 2));
    next.set(this.values as never);
    this.values = next;
  }
}

export const float64Column = () => new NumberColumn(new Float64Array(1024), (n) => new Float64Array(n));
export const int32Column = () => new NumberColumn(new Int32Array(1024), (n) => new Int32Array(n));

/** Interns strings as small integers (facet values, access tokens). */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(value, id);
      this.names.push(value);
    }
    return id;
  }

  find(value: string): number | undefined {
    return this.ids.get(value);
  }
}
