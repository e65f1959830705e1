import { commitTransaction, initTransaction, killTransaction } from 'payload'
import type { PayloadRequest } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import type { Article } from '@/payload-types'
import { roleOf, staffUser } from '@/access/roles'
import { writeAuditEvent } from '@/features/audit/record'
import { fourEyesEnabled } from '@/features/workflow/config'
import { WorkflowError } from '@/features/workflow/errors'
import { lockRowForUpdate } from '@/db/postgresLocks'
import { featuredPhotoFacts } from '@/features/photos/facts'
import {
  decideTransition,
  isWorkflowAction,
  RULES,
  transitionContext,
  TRANSITION_ERROR_HTTP_STATUS,
} from '@/features/workflow/rules/transitions'
import type { WorkflowAction, WorkflowActor } from '@/features/workflow/rules/transitions'
import { CONTEXT } from '@/lib/requestContext'
import { goLiveAt } from '@/features/workflow/rules/desk'
import { onLiveArticleChanged } from '@/features/workflow/liveArticle'
import { kickNotifications, queueTransitionNotifications } from '@/features/notifications/queue'

export const PUBLISH_TASK = 'publishScheduledArticle'
export const UNPUBLISH_TASK = 'unpublishScheduledArticle'

/**
 * Queues the scheduler's take-down of a live article at its unpublishAt (in the caller's
 * transaction). A job whose time was changed or cleared meanwhile finishes as a no-op, so
 * rescheduling is queueing a new job.
 */
export const queueUnpublishJob = async (
  req: PayloadRequest,
  articleId: string | number,
  unpublishAt: string,
): Promise<void> => {
  await req.payload.jobs.queue({
    task: UNPUBLISH_TASK,
    input: { articleId: String(articleId) },
    waitUntil: new Date(unpublishAt),
    req,
  })
}

export interface TransitionRequest {
  articleId: string | number
  action: unknown
  note?: unknown
  publishAt?: unknown
  /** The scheduler acts as the system; everyone else is req.user. */
  system?: boolean
}

/**
 * Applies one workflow action to an article: checks the rule book (src/features/workflow/rules/transitions.ts),
 * writes the new state and the audit event in one transaction (an audit failure rolls the
 * transition back), and queues or cancels the scheduled-publish job.
 */
export const applyTransition = async (
  req: PayloadRequest,
  request: TransitionRequest,
): Promise<Article> => {
  const { payload } = req
  if (!isWorkflowAction(request.action)) {
    throw new WorkflowError(400, 'workflow.action.unknown', RULES['workflow.action.unknown'])
  }
  const action: WorkflowAction = request.action
  if (request.note !== undefined && request.note !== null && typeof request.note !== 'string') {
    throw new WorkflowError(400, 'workflow.note.invalid', 'note must be a string')
  }
  if (
    request.publishAt !== undefined &&
    request.publishAt !== null &&
    typeof request.publishAt !== 'string'
  ) {
    throw new WorkflowError(
      400,
      'workflow.publish-at.invalid',
      RULES['workflow.publish-at.invalid'],
    )
  }
  const note = typeof request.note === 'string' ? request.note.trim() : null

  let actor: WorkflowActor
  if (request.system) {
    actor = { system: true }
  } else {
    const user = staffUser(req)
    const role = roleOf(req)
    if (!user || !role) {
      throw new WorkflowError(403, 'workflow.actor.invalid', RULES['workflow.actor.invalid'])
    }
    actor = { id: user.id, role }
  }

  const shouldCommit = await initTransaction(req)
  try {
    // Postgres: concurrent transitions of one article (two servers, two editors, a retried job)
    // run one after the other, so the second sees the first's state and is refused.
    await lockRowForUpdate(req, ARTICLES_SLUG, request.articleId)
    const article = (await payload.findByID({
      collection: ARTICLES_SLUG,
      id: request.articleId,
      draft: true,
      depth: 0,
      req,
      overrideAccess: true,
      disableErrors: true,
    })) as Article | null
    if (!article) {
      throw new WorkflowError(
        404,
        'workflow.article.not-found',
        `No article with id ${request.articleId}.`,
      )
    }
    const now = new Date()
    const decision = decideTransition({
      ...transitionContext(article, actor, { fourEyes: fourEyesEnabled(), now }),
      featuredPhoto: await featuredPhotoFacts(req, article),
      action,
      note,
      publishAt:
        action === 'schedule'
          ? ((request.publishAt as string | undefined) ?? null)
          : request.system
            ? (article.publishAt ?? null)
            : null,
    })
    if (!decision.ok) {
      throw new WorkflowError(
        TRANSITION_ERROR_HTTP_STATUS[decision.code],
        decision.rule,
        decision.message,
      )
    }

    const data: Partial<Article> & { _status: 'draft' | 'published' } = {
      workflowStatus: decision.to,
      _status: decision.payloadStatus,
    }
    if (action === 'submit') data.submittedBy = 'id' in actor ? (actor.id as number) : null
    if (action === 'schedule') data.publishAt = decision.publishAt ?? null
    if (decision.from === 'scheduled' && decision.to !== 'scheduled') data.publishAt = null
    if (decision.to === 'published' && !article.publishedAt) data.publishedAt = now.toISOString()
    // An article taken down (by a person or the scheduler) drops its scheduled take-down.
    if (decision.to === 'unpublished') data.unpublishAt = null

    const updated = (await payload.update({
      collection: ARTICLES_SLUG,
      id: article.id,
      data,
      // Not a draft save: the workflow state lives on the document itself (and `publish` makes the
      // newest version live), so lists and the review queue see it without draft queries.
      draft: false,
      req,
      overrideAccess: true,
      context: { ...req.context, [CONTEXT.workflowTransition]: true },
    })) as Article

    await writeAuditEvent(req, {
      action,
      article: article.id,
      articleTitle: article.title ?? null,
      fromState: decision.from,
      toState: decision.to,
      note: note || null,
      override: decision.override ?? null,
      summary: `${action}: ${decision.from} → ${decision.to}`,
      system: request.system,
      at: now,
    })

    if (action === 'publish_changes') {
      await onLiveArticleChanged(req, updated, { reason: 'publish_changes' })
    }
    if (action === 'schedule' && decision.publishAt) {
      // Under embargo the scheduler publishes when both times have passed.
      await payload.jobs.queue({
        task: PUBLISH_TASK,
        input: { articleId: String(article.id) },
        waitUntil:
          goLiveAt(decision.publishAt, article.embargoUntil) ?? new Date(decision.publishAt),
        req,
      })
    }
    if (decision.from !== 'published' && decision.to === 'published' && article.unpublishAt) {
      await queueUnpublishJob(req, article.id, article.unpublishAt)
    }
    // Mails are jobs written in this transaction: they exist only if the transition commits, and
    // are sent after it (never inside it).
    await queueTransitionNotifications(req, { action, article: updated, note })
    if (shouldCommit) {
      await commitTransaction(req)
      kickNotifications(payload)
    }
    return updated
  } catch (err) {
    if (shouldCommit) await killTransaction(req)
    throw err
  }
}
