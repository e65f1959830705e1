import type { Endpoint } from 'payload'

import { applyTransition } from '@/features/workflow/service'
import { WorkflowError } from '@/features/workflow/errors'
import { assertNotLockedByOther } from '@/features/workflow/locks'

/**
 * POST /api/articles/:id/workflow  { action, note?, publishAt? }
 * Answers { doc } with the updated article, or an error naming the rule that refused it
 * (400 malformed, 403 not allowed for this user, 404 unknown article, 409 not from this state).
 */
export const workflowEndpoint: Endpoint = {
  path: '/:id/workflow',
  method: 'post',
  handler: async (req) => {
    const id = req.routeParams?.id as string | undefined
    let body: Record<string, unknown>
    try {
      body = req.json ? ((await req.json()) as Record<string, unknown>) : {}
    } catch {
      throw new WorkflowError(
        400,
        'workflow.request.malformed',
        'The request body must be JSON: { "action": "...", "note"?: "...", "publishAt"?: "ISO date" }.',
      )
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new WorkflowError(
        400,
        'workflow.request.malformed',
        'The request body must be a JSON object.',
      )
    }
    if (!req.user) {
      throw new WorkflowError(
        403,
        'workflow.actor.invalid',
        'Sign in as an editor to change an article’s workflow state.',
      )
    }
    if (id !== undefined) await assertNotLockedByOther(req, id)
    const doc = await applyTransition(req, {
      articleId: id as string,
      action: body.action,
      note: body.note,
      publishAt: body.publishAt,
    })
    return Response.json({ doc, message: `Article is now ${doc.workflowStatus}.` })
  },
}
