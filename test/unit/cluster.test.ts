import { describe, expect, it } from 'vitest'

import { migrationLockTimeoutMs } from '../../src/db/migrationLock'
import { jobsLeaseMs, requeueDue, requeueIntervalMs } from '@/features/workflow/requeueStaleJobs'

describe('MIGRATION_LOCK_TIMEOUT_SECONDS', () => {
  it('defaults to 300 s and reads seconds', () => {
    expect(migrationLockTimeoutMs(undefined)).toBe(300_000)
    expect(migrationLockTimeoutMs('')).toBe(300_000)
    expect(migrationLockTimeoutMs('2')).toBe(2_000)
    expect(migrationLockTimeoutMs('0')).toBe(0)
  })

  it.each(['soon', '-1', 'NaN'])('refuses %s, naming the variable', (raw) => {
    expect(() => migrationLockTimeoutMs(raw)).toThrow(/MIGRATION_LOCK_TIMEOUT_SECONDS must be/)
  })
})

describe('JOBS_LEASE_SECONDS', () => {
  it('defaults to 120 s and reads seconds', () => {
    expect(jobsLeaseMs(undefined)).toBe(120_000)
    expect(jobsLeaseMs('4')).toBe(4_000)
    expect(jobsLeaseMs('0.5')).toBe(500)
  })

  it.each(['0', '-3', 'x'])('refuses %s, naming the variable', (raw) => {
    expect(() => jobsLeaseMs(raw)).toThrow(/JOBS_LEASE_SECONDS must be/)
  })
})

describe('looking for abandoned jobs', () => {
  it('looks every quarter of the lease, between 1 s and 30 s', () => {
    expect(requeueIntervalMs(120_000)).toBe(30_000)
    expect(requeueIntervalMs(60_000)).toBe(15_000)
    expect(requeueIntervalMs(4_000)).toBe(1_000)
    expect(requeueIntervalMs(600_000)).toBe(30_000)
  })

  it('is due on the first tick, then once an interval has passed, and after the clock went back', () => {
    const lease = 60_000
    expect(requeueDue(undefined, 1_000_000, lease)).toBe(true)
    expect(requeueDue(1_000_000, 1_000_000 + 2_000, lease)).toBe(false)
    expect(requeueDue(1_000_000, 1_000_000 + 14_999, lease)).toBe(false)
    expect(requeueDue(1_000_000, 1_000_000 + 15_000, lease)).toBe(true)
    expect(requeueDue(1_000_000, 999_000, lease)).toBe(true)
  })
})
