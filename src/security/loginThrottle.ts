/**
 * In-process login throttle. Failures are counted per client address and per (client, account)
 * over a sliding window: the first few cost nothing, then each attempt waits progressively longer,
 * and past the limit the client gets 429 with Retry-After until its oldest counted failure ages
 * out. A success from a client forgives that client's failures for the account. The account lock
 * (Payload's maxLoginAttempts, see collections/Editors) stays as the defence against guessing
 * spread over many addresses; one client alone cannot reach it within a window.
 *
 * State lives in this process (several app servers each keep their own).
 */
export interface ThrottleLimits {
  windowMs: number
  /** failures per (client, account) before 429 */
  perClientAccount: number
  /** failures per client across all accounts before 429 */
  perClient: number
  /** failures (per client and account) that cost no delay */
  freeFailures: number
  baseDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_LIMITS: ThrottleLimits = {
  windowMs: 15 * 60 * 1000,
  perClientAccount: 5,
  perClient: 20,
  freeFailures: 2,
  baseDelayMs: 250,
  maxDelayMs: 2000,
}

export type ThrottleDecision =
  { allowed: true; delayMs: number } | { allowed: false; retryAfterSeconds: number }

const MAX_KEYS = 50_000

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.limits.windowMs
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff)
    if (list.length === 0) this.failures.delete(key)
    else this.failures.set(key, list)
    return list
  }

  private retryAfter(list: number[]): number {
    const oldest = list[0] ?? this.now()
    return Math.max(1, Math.ceil((oldest + this.limits.windowMs - this.now()) / 1000))
  }

  check(client: string, account: string): ThrottleDecision {
    const pair = this.recent(`${client}\u0000${account}`)
    const all = this.recent(client)
    if (pair.length >= this.limits.perClientAccount) {
      return { allowed: false, retryAfterSeconds: this.retryAfter(pair) }
    }
    if (all.length >= this.limits.perClient) {
      return { allowed: false, retryAfterSeconds: this.retryAfter(all) }
    }
    const counted = Math.max(pair.length, Math.floor(all.length / 2))
    const over = counted - this.limits.freeFailures
    const delayMs =
      over < 0 ? 0 : Math.min(this.limits.maxDelayMs, this.limits.baseDelayMs * 2 ** over)
    return { allowed: true, delayMs }
  }

  recordFailure(client: string, account: string): void {
    if (this.failures.size > MAX_KEYS) this.prune()
    const t = this.now()
    for (const key of [`${client}\u0000${account}`, client]) {
      const list = this.failures.get(key) ?? []
      list.push(t)
      this.failures.set(key, list)
    }
  }

  /** A successful login forgives one recorded attempt per key and the client's failures on this account. */
  forgive(client: string, account: string): void {
    const pairKey = `${client}\u0000${account}`
    const pair = this.failures.get(pairKey)?.length ?? 0
    this.failures.delete(pairKey)
    const all = this.failures.get(client)
    if (all) {
      all.splice(Math.max(0, all.length - pair), pair)
      if (all.length === 0) this.failures.delete(client)
    }
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) this.recent(key)
  }
}

/** The server's throttle (one per process). */
export const loginThrottle = new LoginThrottle()
