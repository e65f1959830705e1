import { PublishButton } from '@payloadcms/ui'
import type { PublishButtonServerProps } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { langOf, t } from '@/admin/labels'
import { roleOf } from '@/access/roles'

/**
 * Replaces Payload's "Publish" button on articles (admin.components.edit.PublishButton).
 * Articles reach "published" only through the workflow actions (WorkflowPanel). The one exception
 * is an article that is already live: editors and admins may push corrections to it with
 * "Publish changes", a save with `_status: published` that the rule book treats as the workflow
 * action `publish_changes` (checked in guardWorkflowFields, audited in auditArticleChanges).
 * Otherwise nothing is rendered, so only "Save draft" remains.
 */
export const PublishChangesButton = async ({
  id,
  payload,
  user,
  i18n,
}: PublishButtonServerProps) => {
  const role = roleOf({ user })
  if (!id || (role !== 'editor' && role !== 'admin')) return null
  const article = (await payload.findByID({
    collection: ARTICLES_SLUG,
    id,
    depth: 0,
    overrideAccess: false,
    user,
    disableErrors: true,
    select: { workflowStatus: true },
  })) as { workflowStatus?: string } | null
  if (article?.workflowStatus !== 'published') return null
  return <PublishButton label={t(langOf(i18n?.language), 'publishChanges')} />
}
