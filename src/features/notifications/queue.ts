import type { Payload, PayloadRequest } from 'payload'

import type { Article } from '@/payload-types'
import { staffUser } from '@/access/roles'
import { env } from '@/config/env'
import { idOf } from '@/lib/ids'
import type { NotificationKind } from './templates'

export const NOTIFY_TASK = 'sendNotification'
export const NOTIFY_QUEUE = 'notifications'

export interface NotificationJob {
  kind: NotificationKind
  articleId: string | number
  recipientId: string | number
  note?: string | null
}

/**
 * Queues one notification mail as a job in the request's transaction: it exists only if the
 * change it announces commits, and it is sent after the commit by the jobs runner (never inside
 * the transaction); a failed send is retried with backoff and never affects the change.
 */
export const queueNotification = async (
  req: PayloadRequest,
  job: NotificationJob,
): Promise<void> => {
  await req.payload.jobs.queue({
    task: NOTIFY_TASK,
    queue: NOTIFY_QUEUE,
    input: {
      kind: job.kind,
      articleId: String(job.articleId),
      recipientId: String(job.recipientId),
      note: job.note ?? null,
    },
    req,
  })
}

/**
 * The mails a workflow transition sends: the assignee when an article is submitted, the article's
 * writer (createdBy, else the submitter) when changes are requested (with the note) and when it is
 * published. Nobody is mailed about their own action.
 */
export const queueTransitionNotifications = async (
  req: PayloadRequest,
  event: { action: string; article: Article; note: string | null },
): Promise<void> => {
  const { action, article, note } = event
  const actor = req.user ? staffUser(req) : null
  const writer = idOf(article.createdBy) ?? idOf(article.submittedBy)
  const notify = async (kind: NotificationKind, recipient: string | number | null) => {
    if (recipient === null || (actor && String(actor.id) === String(recipient))) return
    await queueNotification(req, { kind, articleId: article.id, recipientId: recipient, note })
  }
  if (action === 'submit') await notify('submitted', idOf(article.assignee))
  else if (action === 'request_changes') await notify('changes_requested', writer)
  else if (action === 'publish') await notify('published', writer)
}

let running: Promise<void> | null = null
let again = false

/**
 * Sends queued mails right after a commit instead of at the next tick of the jobs runner (which
 * also picks up anything this misses). One run at a time per process; errors are logged.
 */
export const kickNotifications = (payload: Payload): void => {
  if (!env.jobs().autoRun) return
  if (running) {
    again = true
    return
  }
  running = (async () => {
    do {
      again = false
      try {
        await payload.jobs.run({ queue: NOTIFY_QUEUE, limit: 20 })
      } catch (err) {
        payload.logger.warn(
          `sending notifications failed (retried later): ${(err as Error).message}`,
        )
      }
    } while (again)
  })().finally(() => {
    running = null
  })
}
