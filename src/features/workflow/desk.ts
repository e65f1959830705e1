import { commitTransaction, initTransaction, killTransaction } from 'payload'
import type { PayloadRequest } from 'payload'

import { ARTICLES_SLUG, EDITORS_SLUG } from '@collections/slugs'
import type { Article } from '@/payload-types'
import { roleOf, staffUser } from '@/access/roles'
import type { Role } from '@/access/roles'
import { writeAuditEvent } from '@/features/audit/record'
import { WorkflowError } from '@/features/workflow/errors'
import { lockRowForUpdate } from '@/db/postgresLocks'
import {
  decideAssignment,
  decideTiming,
  goLiveAt,
  parseTimingValue,
} from '@/features/workflow/rules/desk'
import type { DeskDecision } from '@/features/workflow/rules/desk'
import { TRANSITION_ERROR_HTTP_STATUS } from '@/features/workflow/rules/transitions'
import { PUBLISH_TASK, queueUnpublishJob } from '@/features/workflow/service'
import { kickNotifications, queueNotification } from '@/features/notifications/queue'
import { idOf } from '@/lib/ids'

type DeskData = Partial<Pick<Article, 'embargoUntil' | 'unpublishAt'>> & {
  assignee?: number | string | null
}

const refuse = (decision: DeskDecision): void => {
  if (!decision.ok) {
    throw new WorkflowError(
      TRANSITION_ERROR_HTTP_STATUS[decision.code],
      decision.rule,
      decision.message,
    )
  }
}

/**
 * Writes desk fields (assignee, embargo, take-down) on the live document and on the newest
 * version, at the database level: no content changes, no version is published or created, so a
 * pending draft stays pending and a live article stays as it is. Call inside a transaction.
 */
export const writeDeskFields = async (
  req: PayloadRequest,
  id: string | number,
  data: DeskData,
): Promise<void> => {
  const { payload } = req
  await payload.db.updateOne({ collection: ARTICLES_SLUG, id, data, req, returning: false })
  const { docs } = await payload.db.findVersions({
    collection: ARTICLES_SLUG,
    where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
    sort: '-updatedAt',
    limit: 1,
    pagination: false,
    req,
  })
  const latest = docs[0]
  if (!latest) return
  await payload.db.updateVersion({
    collection: ARTICLES_SLUG,
    id: latest.id,
    versionData:
      payload.db.name === 'mongoose'
        ? ({ ...latest, version: { ...latest.version, ...data } } as typeof latest)
        : ({ version: data } as unknown as typeof latest),
    req,
    returning: false,
  })
}

const loadForUpdate = async (req: PayloadRequest, id: string | number): Promise<Article> => {
  await lockRowForUpdate(req, ARTICLES_SLUG, id)
  const article = (await req.payload.findByID({
    collection: ARTICLES_SLUG,
    id,
    depth: 0,
    draft: false,
    req,
    overrideAccess: true,
    disableErrors: true,
  })) as Article | null
  if (!article) {
    throw new WorkflowError(404, 'workflow.article.not-found', `No article with id ${id}.`)
  }
  return article
}

const inTransaction = async <T>(req: PayloadRequest, fn: () => Promise<T>): Promise<T> => {
  const shouldCommit = await initTransaction(req)
  try {
    const result = await fn()
    if (shouldCommit) await commitTransaction(req)
    return result
  } catch (err) {
    if (shouldCommit) await killTransaction(req)
    throw err
  }
}

const freshArticle = async (req: PayloadRequest, id: string | number): Promise<Article> =>
  (await req.payload.findByID({
    collection: ARTICLES_SLUG,
    id,
    depth: 0,
    draft: false,
    req,
    overrideAccess: true,
  })) as Article

/**
 * Assigns an article to a reviewer (an editor or admin) or unassigns it (`assignee: null`).
 * Who may assign is ASSIGN_RULES in the rule book; audited as `assign`; the new assignee gets a
 * mail (a job, sent after the commit) unless they turned assignment mails off.
 */
export const assignArticle = async (
  req: PayloadRequest,
  articleId: string | number,
  assignee: unknown,
): Promise<Article> => {
  const actorRole = roleOf(req)
  const unassign = assignee === null
  if (!unassign && typeof assignee !== 'number' && typeof assignee !== 'string') {
    throw new WorkflowError(400, 'desk.assign.invalid', 'assignee must be an editor id or null.')
  }
  if (!unassign && !/^[0-9a-f]{1,24}$/i.test(String(assignee))) {
    throw new WorkflowError(400, 'desk.assign.invalid', 'assignee must be an editor id or null.')
  }
  // Refuse contributors before looking anything up.
  refuse(decideAssignment({ actorRole, assigneeRole: 'editor', unassign: true }))
  const result = await inTransaction(req, async () => {
    let assigneeRole: Role | null | undefined
    let assigneeId: number | string | null = null
    let assigneeName = ''
    if (!unassign) {
      const numeric = req.payload.db.defaultIDType === 'number'
      if (numeric && !/^\d+$/.test(String(assignee))) assigneeRole = undefined
      else {
        const account = (await req.payload.findByID({
          collection: EDITORS_SLUG,
          id: numeric ? Number(assignee) : String(assignee),
          depth: 0,
          req,
          overrideAccess: true,
          disableErrors: true,
        })) as { id: number | string; role?: Role; name?: string } | null
        assigneeRole = account ? (account.role ?? null) : undefined
        assigneeId = account?.id ?? null
        assigneeName = account?.name ?? ''
      }
    }
    refuse(decideAssignment({ actorRole, assigneeRole, unassign }))
    const article = await loadForUpdate(req, articleId)
    const before = idOf(article.assignee)
    if (String(before ?? '') === String(assigneeId ?? '')) return { article, changed: false }
    await writeDeskFields(req, article.id, { assignee: assigneeId as number | null })
    await writeAuditEvent(req, {
      action: 'assign',
      article: article.id,
      articleTitle: article.title ?? null,
      fromState: article.workflowStatus,
      toState: article.workflowStatus,
      note: unassign ? 'Unassigned' : `Assigned to ${assigneeName || assigneeId}`,
      summary: unassign
        ? `assign: unassigned (was ${before ?? 'nobody'})`
        : `assign: ${assigneeName || assigneeId} (was ${before ?? 'nobody'})`,
    })
    const actor = staffUser(req)
    if (assigneeId !== null && String(assigneeId) !== String(actor?.id)) {
      await queueNotification(req, {
        kind: 'assigned',
        articleId: article.id,
        recipientId: assigneeId,
      })
    }
    return { article: await freshArticle(req, article.id), changed: true }
  })
  if (result.changed) kickNotifications(req.payload)
  return result.article
}

/**
 * Sets or clears the embargo (`embargoUntil`) and the scheduled take-down (`unpublishAt`).
 * Undefined leaves a value as it is, null clears it. Audited as `timing`. A scheduled article's
 * publish job and a live article's take-down job are queued again for the new times (jobs for
 * the old times find nothing due and finish as no-ops).
 */
export const setArticleTiming = async (
  req: PayloadRequest,
  articleId: string | number,
  body: { embargoUntil?: unknown; unpublishAt?: unknown },
): Promise<Article> => {
  const embargo = parseTimingValue(body.embargoUntil)
  const takeDown = parseTimingValue(body.unpublishAt)
  if (embargo === 'invalid' || takeDown === 'invalid') {
    throw new WorkflowError(
      400,
      'desk.timing.invalid',
      'embargoUntil and unpublishAt must be ISO dates or null.',
    )
  }
  if (embargo === undefined && takeDown === undefined) {
    throw new WorkflowError(
      400,
      'desk.timing.invalid',
      'Send embargoUntil and/or unpublishAt (an ISO date, or null to clear).',
    )
  }
  return inTransaction(req, async () => {
    const article = await loadForUpdate(req, articleId)
    const now = new Date()
    const stored = (v: string | null | undefined) => (v ? new Date(v) : null)
    const nextEmbargo = embargo === undefined ? stored(article.embargoUntil) : embargo
    const nextTakeDown = takeDown === undefined ? stored(article.unpublishAt) : takeDown
    refuse(
      decideTiming({
        role: roleOf(req),
        state: article.workflowStatus,
        embargoUntil: nextEmbargo,
        unpublishAt: nextTakeDown,
        publishAt: stored(article.publishAt),
        changes: { embargoUntil: embargo !== undefined, unpublishAt: takeDown !== undefined },
        now,
      }),
    )
    const data: DeskData = {}
    if (embargo !== undefined) data.embargoUntil = embargo ? embargo.toISOString() : null
    if (takeDown !== undefined) data.unpublishAt = takeDown ? takeDown.toISOString() : null
    await writeDeskFields(req, article.id, data)
    await writeAuditEvent(req, {
      action: 'timing',
      article: article.id,
      articleTitle: article.title ?? null,
      fromState: article.workflowStatus,
      toState: article.workflowStatus,
      note: [
        data.embargoUntil !== undefined && `Embargo until: ${data.embargoUntil ?? 'none'}`,
        data.unpublishAt !== undefined && `Take down at: ${data.unpublishAt ?? 'none'}`,
      ]
        .filter(Boolean)
        .join('; '),
      summary: `timing: embargoUntil ${data.embargoUntil === undefined ? '(unchanged)' : (data.embargoUntil ?? 'cleared')}, unpublishAt ${data.unpublishAt === undefined ? '(unchanged)' : (data.unpublishAt ?? 'cleared')}`,
    })
    if (embargo !== undefined && article.workflowStatus === 'scheduled' && article.publishAt) {
      await req.payload.jobs.queue({
        task: PUBLISH_TASK,
        input: { articleId: String(article.id) },
        waitUntil: goLiveAt(article.publishAt, nextEmbargo) ?? new Date(article.publishAt),
        req,
      })
    }
    if (takeDown && article.workflowStatus === 'published' && data.unpublishAt) {
      await queueUnpublishJob(req, article.id, data.unpublishAt)
    }
    return freshArticle(req, article.id)
  })
}
