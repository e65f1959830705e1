import { describe, expect, it } from 'vitest'

import { migrationLockTimeoutMs } from '../../src/db/migrationLock'
import { jobsLeaseMs } from '@/features/workflow/requeueStaleJobs'

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
