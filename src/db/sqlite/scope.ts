import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * A unit of work (one HTTP request, one job run, one CLI command). While a scope holds the SQLite
 * writer (an open transaction), every statement issued from the same scope runs on the writer
 * connection, inside that transaction. That is how Payload's writes that deliberately step outside
 * the request's transaction (forgot-password's rate-limit reservation, login attempts, document
 * locks) work on SQLite instead of waiting for a lock their own request holds.
 */
export class DbScope {
  private static next = 1
  readonly id = DbScope.next++
  constructor(readonly label: string) {}
}

const storage = new AsyncLocalStorage<DbScope>()

export const currentDbScope = (): DbScope | undefined => storage.getStore()

/** Runs `work` as its own unit of work (see DbScope). */
export const runInDbScope = <T>(label: string, work: () => T): T =>
  storage.run(new DbScope(label), work)

type JobsApi = {
  run: (...args: never[]) => unknown
  handleSchedules: (...args: never[]) => unknown
}

/** Payload's jobs runner (cron) works outside any request: give each run its own scope. */
export const scopeJobRuns = (jobs: JobsApi): void => {
  for (const method of ['run', 'handleSchedules'] as const) {
    const original = jobs[method].bind(jobs) as (...args: never[]) => unknown
    jobs[method] = ((...args: never[]) =>
      runInDbScope(`jobs.${method}`, () => original(...args))) as JobsApi[typeof method]
  }
}
