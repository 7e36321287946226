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

/**
 * Documents holding the same access and deny tokens share an access class (an evidence record's
 * readers depend on its contributor, organisation and grants, so classes are few). A query
 * decides once per class whether the caller may see it, and the query path then checks a
 * document with two typed-array reads.
 */
export class AccessClasses {
  private readonly ids = new Map<string, number>();
  private readonly access: number[][] = [];
  private readonly deny: number[][] = [];

  classOf(access: number[], deny: number[]): number {
    const key = `${[...new Set(access)].sort((a, b) => a - b).join(',')}|${[...new Set(deny)].sort((a, b) => a - b).join(',')}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.access.length;
      this.ids.set(key, id);
      this.access.push(access);
      this.deny.push(deny);
    }
    return id;
  }

  /** 1 for each class a caller holding `tokens` may see: one of its access tokens and none of its denied ones. */
  allowedFor(tokens: Set<number>): Uint8Array {
    const allowed = new Uint8Array(this.access.length);
    for (let c = 0; c < allowed.length; c++) {
      allowed[c] = this.access[c].some((t) => tokens.has(t)) && !this.deny[c].some((t) => tokens.has(t)) ? 1 : 0;
    }
    return allowed;
  }

  clear(): void {
    this.ids.clear();
    this.access.length = 0;
    this.deny.length = 0;
  }
}
