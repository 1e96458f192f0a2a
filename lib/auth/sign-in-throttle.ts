/**
 * Counts failed sign-ins per email and per client address over a sliding window. Once either
 * reaches its limit, further attempts are refused without checking the password until the oldest
 * failure ages out: guessing is slowed to a handful of tries per window, per account and per address.
 */
export type SignInThrottleOptions = { windowMs: number; perEmail: number; perAddress: number; now?: () => number };

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(private readonly options: SignInThrottleOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds until another attempt is allowed; 0 when allowed now. A null address is not counted. */
  retryAfterMs(email: string, address: string | null): number {
    const now = this.now();
    return Math.max(
      this.waitFor(`email:${email}`, this.options.perEmail, now),
      address === null ? 0 : this.waitFor(`addr:${address}`, this.options.perAddress, now),
    );
  }

  recordFailure(email: string, address: string | null) {
    const now = this.now();
    for (const key of address === null ? [`email:${email}`] : [`email:${email}`, `addr:${address}`]) {
      this.failures.set(key, [...this.recent(key, now), now]);
    }
  }

  /** A correct password clears the account's failures, not the address's: one good login does not reset a spray. */
  recordSuccess(email: string) {
    this.failures.delete(`email:${email}`);
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((time) => now - time < this.options.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    return kept;
  }

  private waitFor(key: string, limit: number, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < limit) return 0;
    return recent[recent.length - limit]! + this.options.windowMs - now;
  }
}
