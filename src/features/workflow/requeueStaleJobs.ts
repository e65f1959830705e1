import type { Payload, PayloadRequest } from 'payload'

import { env } from '@/config/env'
import { ConfigError } from '@/config/errors'

const DEFAULT_LEASE_SECONDS = 120

/**
 * How long a job may stay `processing` before it counts as abandoned (JOBS_LEASE_SECONDS,
 * default 120 s). Payload refreshes a job's updatedAt when it claims it and after each task, so
 * the lease must be longer than the slowest single task (publishing one article takes well
 * under a second).
 */
export const jobsLeaseMs = (raw: string | undefined = env.jobsLeaseSecondsRaw()): number => {
  if (raw === undefined || raw.trim() === '') return DEFAULT_LEASE_SECONDS * 1000
  const seconds = Number(raw)
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new ConfigError(
      'JOBS_LEASE_SECONDS',
      `JOBS_LEASE_SECONDS must be a positive number of seconds, got "${raw}"`,
    )
  }
  return Math.round(seconds * 1000)
}

/**
 * Payload marks a job `processing` when a runner claims it and clears the flag when the job ends.
 * A server killed (or stopped) in the middle of a job leaves the flag set, and Payload never
 * picks such a job up again. This puts jobs that have been processing for longer than the lease
 * back in the queue; the next run (on any server) retries them. The publish task is idempotent
 * (the workflow transition re-checks the article's state under a row lock, and writes the
 * article and its audit row in one transaction), so a retry after a crash cannot publish or audit
 * twice. On Postgres the requeue takes the same advisory lock as job claims
 * (src/db/postgresLocks.ts), so it never races a server claiming the job.
 */
export const requeueStaleJobs = async (
  payload: Payload,
  leaseMs: number = jobsLeaseMs(),
): Promise<number> => {
  const { db } = payload
  const now = new Date()
  const transactionID = db.name === 'mongoose' ? undefined : await db.beginTransaction()
  const req = { transactionID: transactionID ?? undefined } as Partial<PayloadRequest>
  try {
    const requeued =
      (await db.updateJobs({
        data: { processing: false, updatedAt: now.toISOString() },
        where: {
          and: [
            { processing: { equals: true } },
            { completedAt: { exists: false } },
            { updatedAt: { less_than: new Date(now.getTime() - leaseMs).toISOString() } },
          ],
        },
        req,
        returning: true,
      })) ?? []
    if (transactionID) await db.commitTransaction(transactionID)
    for (const job of requeued) {
      payload.logger.warn(
        `job ${job.id} (${job.taskSlug ?? 'workflow'}) was still marked processing after the ${Math.round(leaseMs / 1000)} s lease (its runner stopped mid-run): requeued`,
      )
    }
    return requeued.length
  } catch (err) {
    if (transactionID) await db.rollbackTransaction(transactionID).catch(() => undefined)
    throw err
  }
}

/**
 * How often one process looks for abandoned jobs: a quarter of the lease, between 1 s and 30 s.
 * A job is requeued at most a quarter of a lease after it became stale, while the look (a
 * write transaction: on SQLite it takes the database's write lock) no longer runs on every tick
 * of every queue: the webhooks queue ticks every 2 s, and an idle server spent ~40 ms of CPU on
 * each look (docs/performance.md, "Idle").
 */
export const requeueIntervalMs = (leaseMs: number): number =>
  Math.min(30_000, Math.max(1_000, Math.round(leaseMs / 4)))

/** Whether a look is due: never looked, or the last one is an interval old (or the clock went back). */
export const requeueDue = (lastAt: number | undefined, now: number, leaseMs: number): boolean =>
  lastAt === undefined || now - lastAt >= requeueIntervalMs(leaseMs) || now < lastAt

const lastRequeueAt = new WeakMap<Payload, number>()

/**
 * payload.config jobs.shouldAutoRun: a tick of the server's jobs runner first requeues abandoned
 * jobs when a look is due ({@link requeueDue}), then runs the queue (JOBS_AUTORUN=false turns the
 * runner off).
 */
export const shouldAutoRunJobs = async (payload: Payload): Promise<boolean> => {
  if (!env.jobs().autoRun) return false
  const now = Date.now()
  const leaseMs = jobsLeaseMs()
  if (requeueDue(lastRequeueAt.get(payload), now, leaseMs)) {
    lastRequeueAt.set(payload, now)
    try {
      await requeueStaleJobs(payload, leaseMs)
    } catch (err) {
      payload.logger.warn(`requeueing stale jobs failed: ${(err as Error).message}`)
    }
  }
  return true
}
