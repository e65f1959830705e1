import type { CollectionBeforeChangeHook } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import type { Article } from '@/payload-types'
import { roleOf } from '@/access/roles'
import { WorkflowError } from '@/features/workflow/errors'
import { decideCorrection } from '@/features/workflow/rules/desk'
import { TRANSITION_ERROR_HTTP_STATUS } from '@/features/workflow/rules/transitions'
import { idOf } from '@/lib/ids'

/**
 * A correction is appended to a live article by an editor or admin (decideCorrection in the rule
 * book); anything else is refused with the rule id. Trusted server code without a user is let
 * through (it is checked by whoever calls it).
 */
export const checkCorrection: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || !req.user) return data
  const articleId = idOf(data.article)
  const article =
    articleId === null
      ? null
      : ((await req.payload.findByID({
          collection: ARTICLES_SLUG,
          id: articleId,
          depth: 0,
          draft: false,
          overrideAccess: true,
          disableErrors: true,
          req,
          select: { workflowStatus: true, _status: true },
        })) as Pick<Article, 'workflowStatus' | '_status'> | null)
  if (!article) {
    throw new WorkflowError(404, 'workflow.article.not-found', 'No article with this id.')
  }
  const date =
    data.date === undefined || data.date === null
      ? null
      : Number.isNaN(new Date(String(data.date)).getTime())
        ? 'invalid'
        : new Date(String(data.date))
  const decision = decideCorrection({
    role: roleOf(req),
    state: article.workflowStatus,
    live: article._status === 'published',
    kind: data.kind,
    text: data.text,
    date,
    now: new Date(),
  })
  if (!decision.ok) {
    throw new WorkflowError(
      TRANSITION_ERROR_HTTP_STATUS[decision.code],
      decision.rule,
      decision.message,
    )
  }
  return {
    ...data,
    text: String(data.text).trim(),
    date: (date instanceof Date ? date : new Date()).toISOString(),
  }
}
