import { createLocalReq } from 'payload'
import type { Endpoint, PayloadRequest } from 'payload'

import { staffUser } from '@/access/roles'
import { applyTransition } from '@/features/workflow/service'
import { assignArticle, setArticleTiming } from '@/features/workflow/desk'
import { WorkflowError } from '@/features/workflow/errors'
import { assertNotLockedByOther } from '@/features/workflow/locks'
import { decideBulkRequest } from '@/features/workflow/rules/desk'

/** The JSON object body of a desk request, or a 400. */
export const jsonObjectBody = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  let body: unknown
  try {
    body = req.json ? await req.json() : {}
  } catch {
    throw new WorkflowError(400, 'workflow.request.malformed', 'The request body must be JSON.')
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new WorkflowError(
      400,
      'workflow.request.malformed',
      'The request body must be a JSON object.',
    )
  }
  return body as Record<string, unknown>
}

const signedIn = (req: PayloadRequest): void => {
  if (!staffUser(req)) {
    throw new WorkflowError(403, 'workflow.actor.invalid', 'Sign in as an editor to do this.')
  }
}

/** POST /api/articles/:id/assign  { assignee: editorId | null } */
export const assignEndpoint: Endpoint = {
  path: '/:id/assign',
  method: 'post',
  handler: async (req) => {
    signedIn(req)
    const body = await jsonObjectBody(req)
    if (!('assignee' in body)) {
      throw new WorkflowError(400, 'desk.assign.invalid', 'assignee must be an editor id or null.')
    }
    const doc = await assignArticle(req, req.routeParams?.id as string, body.assignee)
    return Response.json({ doc })
  },
}

/** POST /api/articles/:id/timing  { embargoUntil?: ISO | null, unpublishAt?: ISO | null } */
export const timingEndpoint: Endpoint = {
  path: '/:id/timing',
  method: 'post',
  handler: async (req) => {
    signedIn(req)
    const body = await jsonObjectBody(req)
    const unknown = Object.keys(body).filter((k) => k !== 'embargoUntil' && k !== 'unpublishAt')
    if (unknown.length) {
      throw new WorkflowError(
        400,
        'desk.timing.invalid',
        `Unknown field(s): ${unknown.slice(0, 5).join(', ')}.`,
      )
    }
    const doc = await setArticleTiming(req, req.routeParams?.id as string, body)
    return Response.json({ doc })
  },
}

export interface BulkResult {
  id: string | number
  ok: boolean
  status: number
  workflowStatus?: string
  rule?: string
  message?: string
}

/**
 * POST /api/articles/bulk-workflow  { ids: [...], action, note?, publishAt? }
 * Each article goes through the rule book on its own (own transaction, own audit row, own row
 * lock): one refusal never undoes another article's transition. Answers 200 with one result per
 * article: { id, ok, status, workflowStatus } or { id, ok: false, status, rule, message }.
 */
export const bulkWorkflowEndpoint: Endpoint = {
  path: '/bulk-workflow',
  method: 'post',
  handler: async (req) => {
    signedIn(req)
    const body = await jsonObjectBody(req)
    const shape = decideBulkRequest({ action: body.action, ids: body.ids })
    if (!shape.ok) throw new WorkflowError(400, shape.rule, shape.message)
    const numeric = req.payload.db.defaultIDType === 'number'
    const ids = [...new Set((body.ids as (string | number)[]).map(String))]
    const results: BulkResult[] = []
    for (const raw of ids) {
      const id = numeric && /^\d+$/.test(raw) ? Number(raw) : raw
      // Each article in its own request scope and transaction.
      const itemReq = await createLocalReq(
        { user: req.user ?? undefined, context: {} },
        req.payload,
      )
      try {
        await assertNotLockedByOther(itemReq, id)
        const doc = await applyTransition(itemReq, {
          articleId: id,
          action: body.action,
          note: body.note,
          publishAt: body.publishAt,
        })
        results.push({ id, ok: true, status: 200, workflowStatus: doc.workflowStatus })
      } catch (err) {
        if (err instanceof WorkflowError) {
          results.push({ id, ok: false, status: err.status, rule: err.rule, message: err.message })
        } else {
          req.payload.logger.error({
            err,
            msg: `bulk ${String(body.action)} of article ${id} failed`,
          })
          results.push({
            id,
            ok: false,
            status: 503,
            rule: 'desk.bulk.failed',
            message: 'This article could not be changed just now (database busy); try again.',
          })
        }
      }
    }
    const done = results.filter((r) => r.ok).length
    return Response.json({
      action: body.action,
      results,
      message: `${done} of ${results.length} article(s): ${String(body.action)} done.`,
    })
  },
}
