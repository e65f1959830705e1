import type { TaskConfig } from 'payload'

import { WorkflowError } from '@/features/workflow/errors'
import { applyTransition, PUBLISH_TASK, UNPUBLISH_TASK } from '@/features/workflow/service'

/**
 * Publishes a scheduled article when its time has come. Queued by the `schedule` action with
 * waitUntil = publishAt; run by the server's own jobs runner (payload.config jobs.autoRun).
 * A job whose article was unpublished, sent back or rescheduled meanwhile finishes as a no-op.
 */
export const publishScheduledArticle: TaskConfig<{
  input: { articleId: string }
  output: { outcome: string }
}> = {
  slug: PUBLISH_TASK,
  retries: 3,
  inputSchema: [{ name: 'articleId', type: 'text', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text', required: true }],
  handler: async ({ input, req }) => {
    try {
      await applyTransition(req, { articleId: input.articleId, action: 'publish', system: true })
      req.payload.logger.info(`scheduled article ${input.articleId} published`)
      return { output: { outcome: 'published' } }
    } catch (err) {
      if (err instanceof WorkflowError && [404, 409].includes(err.status)) {
        req.payload.logger.info(`scheduled publish of ${input.articleId} skipped: ${err.message}`)
        return { output: { outcome: `skipped: ${err.rule}` } }
      }
      throw err
    }
  },
}

/**
 * Takes a live article down at its unpublishAt (rights expiry, time-limited notices): the system
 * `unpublish`, audited as `unpublish` by the scheduler. Queued when the article goes live with an
 * unpublishAt, or when an editor sets one on a live article; a job whose time was changed or
 * cleared meanwhile (or whose article is no longer live) finishes as a no-op.
 */
export const unpublishScheduledArticle: TaskConfig<{
  input: { articleId: string }
  output: { outcome: string }
}> = {
  slug: UNPUBLISH_TASK,
  retries: 3,
  inputSchema: [{ name: 'articleId', type: 'text', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text', required: true }],
  handler: async ({ input, req }) => {
    try {
      await applyTransition(req, { articleId: input.articleId, action: 'unpublish', system: true })
      req.payload.logger.info(`article ${input.articleId} taken down at its unpublishAt`)
      return { output: { outcome: 'unpublished' } }
    } catch (err) {
      if (err instanceof WorkflowError && [400, 404, 409].includes(err.status)) {
        req.payload.logger.info(`scheduled unpublish of ${input.articleId} skipped: ${err.message}`)
        return { output: { outcome: `skipped: ${err.rule}` } }
      }
      throw err
    }
  },
}
