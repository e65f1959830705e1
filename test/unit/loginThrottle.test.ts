import { describe, expect, it } from 'vitest'

import { DEFAULT_LIMITS, LoginThrottle } from '@/security/loginThrottle'

describe('login throttle', () => {
  const make = () => {
    let now = 1_000_000
    const throttle = new LoginThrottle(DEFAULT_LIMITS, () => now)
    return { throttle, advance: (ms: number) => (now += ms) }
  }

  it('is free at first, then delays progressively, then refuses with a Retry-After', () => {
    const { throttle } = make()
    const delays: number[] = []
    for (let i = 0; i < DEFAULT_LIMITS.perClientAccount; i++) {
      const decision = throttle.check('1.2.3.4', 'a@x.test')
      expect(decision.allowed).toBe(true)
      if (decision.allowed) delays.push(decision.delayMs)
      throttle.recordFailure('1.2.3.4', 'a@x.test')
    }
    expect(delays).toEqual([0, 0, 250, 500, 1000])
    const refused = throttle.check('1.2.3.4', 'a@x.test')
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 900 })
  })

  it('keys on the client: another client is unaffected; the window slides', () => {
    const { throttle, advance } = make()
    for (let i = 0; i < 5; i++) throttle.recordFailure('1.2.3.4', 'a@x.test')
    expect(throttle.check('1.2.3.4', 'a@x.test').allowed).toBe(false)
    expect(throttle.check('5.6.7.8', 'a@x.test')).toEqual({ allowed: true, delayMs: 0 })
    advance(DEFAULT_LIMITS.windowMs + 1)
    expect(throttle.check('1.2.3.4', 'a@x.test')).toEqual({ allowed: true, delayMs: 0 })
  })

  it('limits one client across many accounts, and a success forgives that account', () => {
    const { throttle } = make()
    for (let i = 0; i < DEFAULT_LIMITS.perClient; i++) throttle.recordFailure('9.9.9.9', `u${i}@x`)
    expect(throttle.check('9.9.9.9', 'new@x').allowed).toBe(false)
    const { throttle: t2 } = make()
    for (let i = 0; i < 4; i++) t2.recordFailure('1.1.1.1', 'a@x')
    t2.forgive('1.1.1.1', 'a@x')
    expect(t2.check('1.1.1.1', 'a@x')).toEqual({ allowed: true, delayMs: 0 })
  })
})
