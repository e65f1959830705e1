import type { Config, Plugin } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { extendCollection, insertAfter, insertFieldsAfter } from '@/features/shared/extend'
import { AuditEvents } from './collection'
import { auditHistoryField } from './fields'
import { auditArticleChanges } from './hooks/auditArticleChanges'
import { auditDeletion } from './hooks/auditDeletion'

export { writeAuditEvent } from './record'
export type { AuditEntry } from './record'

/**
 * The audit trail as one Payload plugin: the audit-events collection, the article hooks that
 * record creates, direct saves and deletions, and the notes & history panel. Every audit row is
 * written by writeAuditEvent (record.ts); the workflow and the importer call it.
 */
export const auditPlugin: Plugin = (config: Config): Config => {
  const withArticles = extendCollection(config, ARTICLES_SLUG, (articles) => ({
    ...articles,
    hooks: {
      ...articles.hooks,
      afterChange: insertAfter(articles.hooks?.afterChange, null, [auditArticleChanges]),
      beforeDelete: [...(articles.hooks?.beforeDelete ?? []), auditDeletion],
    },
    fields: insertFieldsAfter(articles.fields, 'createdBy', [auditHistoryField]),
  }))
  return { ...withArticles, collections: [...(withArticles.collections ?? []), AuditEvents] }
}
