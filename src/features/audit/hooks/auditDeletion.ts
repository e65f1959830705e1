import type { CollectionBeforeDeleteHook } from 'payload'

import { ARTICLES_SLUG, AUDIT_EVENTS_SLUG } from '@collections/slugs'
import { writeAuditEvent } from '@/features/audit/record'
import { isWorkflowState } from '@/features/workflow/rules/transitions'

/**
 * Every deletion keeps the article's audit trail and adds to it, in the delete's transaction:
 * the existing rows get the article's id and title (articleRef, articleTitle) and lose the
 * reference that is about to dangle, then a `delete` row records who deleted it from which state.
 * Runs after Payload's delete access check (DELETE_RULES), for REST, GraphQL, bulk and Local API.
 */
export const auditDeletion: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { payload } = req
  const article = (await payload.findByID({
    collection: ARTICLES_SLUG,
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
    select: { title: true, workflowStatus: true },
  })) as { title?: string; workflowStatus?: string } | null
  if (!article) return
  const articleRef = String(id)
  const articleTitle = article.title ?? null
  await payload.update({
    collection: AUDIT_EVENTS_SLUG,
    where: { article: { equals: id } },
    data: { article: null, articleRef, articleTitle },
    depth: 0,
    overrideAccess: true,
    req,
  })
  const state = isWorkflowState(article.workflowStatus) ? article.workflowStatus : null
  await writeAuditEvent(req, {
    action: 'delete',
    article: null,
    articleRef,
    articleTitle,
    fromState: state,
    toState: null,
    withVersion: false,
    summary: `delete: article ${articleRef}${state ? ` (${state})` : ''}`,
  })
}
