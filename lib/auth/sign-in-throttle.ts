/**
 * Password attempts per account (or per trusted device) and per client address over a sliding window.
 *
 * An attempt is reserved *before* the password is checked, in one synchronous step, so parallel
 * guesses cannot all pass the check before the first failure is counted; a correct password then
 * clears the budget it spent and gives back its address slot.
 * - Per account: at most `perAccount` attempts per window, then a hard refusal until the oldest ages
 *   out. This is what stops guessing one person's password.
 * - Per trusted device (OWASP's device cookies, lib/auth/device-cookie.ts): an attempt that shows a
 *   device cookie issued to this account spends that device's own `perAccount` budget instead, so
 *   strangers' guesses cannot lock out a browser that signed in before; a device that fails too
 *   often is refused in the same way (OWASP's lockout list).
 * - Per address: `perAddress` attempts per window are free; past that each further attempt must wait
 *   a delay that doubles (1 s, 2 s, 4 s … up to `maxAddressDelayMs`) after the address's previous
 *   one. Many people can share one address (an office NAT): a growing delay slows a spray across
 *   accounts without locking honest colleagues out for the whole window.
 */
export type SignInThrottleOptions = {
  windowMs: number;
  perAccount: number;
  perAddress: number;
  maxAddressDelayMs?: number;
  now?: () => number;
};

export type SignInReservation = { retryAfterMs: 0; attemptId: string } | { retryAfterMs: number; attemptId?: undefined };

export const ADDRESS_BASE_DELAY_MS = 1000;
export const DEFAULT_MAX_ADDRESS_DELAY_MS = 60_000;

/** Delay an address must leave after its previous attempt, given how many it made in the window. */
export function addressDelayMs(attempts: number, perAddress: number, maxDelayMs: number): number {
  if (attempts < perAddress) return 0;
  return Math.min(maxDelayMs, ADDRESS_BASE_DELAY_MS * 2 ** Math.min(30, attempts - perAddress));
}

const SWEEP_ABOVE_KEYS = 10_000;

/** The budget an attempt spends: its trusted device's (`device` is the cookie's nonce) or the account's. */
export const budgetKey = (email: string, device?: string) => (device === undefined ? `account:${email}` : `device:${device}`);
export const addressKey = (address: string) => `address:${address}`;

export class SignInThrottle {
  private readonly attempts = new Map<string, { at: number; id: string }[]>();
  private readonly now: () => number;
  private readonly maxAddressDelayMs: number;
  private sequence = 0;

  constructor(private readonly options: SignInThrottleOptions) {
    this.now = options.now ?? Date.now;
    this.maxAddressDelayMs = options.maxAddressDelayMs ?? DEFAULT_MAX_ADDRESS_DELAY_MS;
  }

  /** Counts an attempt and allows it (retryAfterMs 0), or refuses it without counting. A null address is not counted. */
  reserve(email: string, address: string | null, device?: string): SignInReservation {
    const now = this.now();
    if (this.attempts.size > SWEEP_ABOVE_KEYS) this.sweep(now);
    const budget = budgetKey(email, device);
    const account = this.recent(budget, now);
    const fromAddress = address === null ? [] : this.recent(addressKey(address), now);
    let wait = 0;
    if (account.length >= this.options.perAccount) {
      wait = account[account.length - this.options.perAccount]!.at + this.options.windowMs - now;
    }
    const delay = addressDelayMs(fromAddress.length, this.options.perAddress, this.maxAddressDelayMs);
    if (delay > 0) wait = Math.max(wait, fromAddress[fromAddress.length - 1]!.at + delay - now);
    if (wait > 0) return { retryAfterMs: wait };

    const attemptId = `${now}-${++this.sequence}`;
    this.attempts.set(budget, [...account, { at: now, id: attemptId }]);
    if (address !== null) this.attempts.set(addressKey(address), [...fromAddress, { at: now, id: attemptId }]);
    return { retryAfterMs: 0, attemptId };
  }

  /** The password was right: the budget it spent starts afresh and the attempt no longer counts against the address. */
  succeeded(email: string, address: string | null, attemptId: string, device?: string) {
    this.attempts.delete(budgetKey(email, device));
    if (address === null) return;
    const key = addressKey(address);
    const kept = (this.attempts.get(key) ?? []).filter((attempt) => attempt.id !== attemptId);
    if (kept.length === 0) this.attempts.delete(key);
    else this.attempts.set(key, kept);
  }

  /** Drops keys whose attempts all aged out, so a spray over many accounts cannot grow the map without bound. */
  private sweep(now: number) {
    for (const key of [...this.attempts.keys()]) this.recent(key, now);
  }

  private recent(key: string, now: number) {
    const kept = (this.attempts.get(key) ?? []).filter((attempt) => now - attempt.at < this.options.windowMs);
    if (kept.length === 0) this.attempts.delete(key);
    return kept;
  }
}
