/** One more request under `key`: how many it has made in the current window, and when that window ends. */
export interface RateLimitHit {
  count: number;
  resetInMs: number;
}

/**
 * Counts requests per caller in fixed windows that start with the caller's first request. In
 * memory for one process; in Redis when several API instances must share the count.
 */
export interface RateLimitStore {
  hit(key: string, windowMs: number): Promise<RateLimitHit>;
  close(): Promise<void>;
}

export const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');

/** Above this many callers, expired windows are swept (at most once a second). */
const SWEEP_ABOVE = 10_000;
const SWEEP_EVERY_MS = 1_000;
/** Never more callers than this: the oldest windows make room (a flood of new addresses cannot grow memory). */
const MAX_CALLERS = 100_000;

export class InMemoryRateLimitStore implements RateLimitStore {
  /** Insertion order is window start order: a renewed window is deleted and added again. */
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxCallers = MAX_CALLERS,
  ) {}

  async hit(key: string, windowMs: number): Promise<RateLimitHit> {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      this.windows.delete(key);
      this.makeRoom(now);
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetInMs: window.resetAt - now };
  }

  /** Callers with a window still open (for tests). */
  get size(): number {
    return this.windows.size;
  }

  async close(): Promise<void> {
    this.windows.clear();
  }

  private makeRoom(now: number): void {
    if (this.windows.size >= SWEEP_ABOVE && now - this.lastSweep >= SWEEP_EVERY_MS) {
      this.lastSweep = now;
      for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    }
    if (this.windows.size < this.maxCallers) return;
    for (const key of this.windows.keys()) {
      this.windows.delete(key);
      if (this.windows.size < this.maxCallers) break;
    }
  }
}
