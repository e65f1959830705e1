import type { Config, GraphQLExtension, Plugin } from 'payload'

import { ARTICLES_SLUG } from '@collections/slugs'
import { setCreatedBy } from '@collections/Articles/hooks/setCreatedBy'
import { extendCollection, insertAfter, insertFieldsAfter } from '@/features/shared/extend'
import { canDeleteArticle } from './access/canDeleteArticle'
import { publishedStaffOrPreviewClient } from '@/access/publishedStaffOrPreviewClient'
import { assignEndpoint, bulkWorkflowEndpoint, timingEndpoint } from './deskEndpoints'
import { canUpdateArticle } from './access/canUpdateArticle'
import { workflowEndpoint } from './endpoint'
import { deskFields, workflowPanelField, workflowFields } from './fields'
import { workflowMutations } from './graphql'
import { guardWorkflowFields } from './hooks/guardWorkflowFields'
import { keepWorkflowFields } from './hooks/keepWorkflowFields'
import { publishScheduledArticle, unpublishScheduledArticle } from './task'

const COMPONENTS = '/src/features/workflow/admin'

const withMutations =
  (existing: GraphQLExtension | undefined, added: GraphQLExtension): GraphQLExtension =>
  (GraphQL, context) => ({ ...(existing?.(GraphQL, context) ?? {}), ...added(GraphQL, context) })

/**
 * The editorial workflow as one Payload plugin: the rule book (rules/, pure), the transition
 * service and its doors (REST endpoint, GraphQL mutation, Local API function in localApi.ts), the
 * field guard and the update/delete access derived from the rule book, the scheduled-publish
 * task, the workflow fields and its admin components (review queue, panel, buttons, filters).
 */
export const workflowPlugin: Plugin = (config: Config): Config => {
  const withArticles = extendCollection(config, ARTICLES_SLUG, (articles) => ({
    ...articles,
    admin: {
      ...articles.admin,
      components: {
        ...articles.admin?.components,
        // Quick links filtering the list by review state.
        beforeList: [
          ...(articles.admin?.components?.beforeList ?? []),
          `${COMPONENTS}/ArticleQuickFilters#ArticleQuickFilters`,
        ],
        // Bulk review of the articles selected in the list.
        beforeListTable: [
          ...(articles.admin?.components?.beforeListTable ?? []),
          `${COMPONENTS}/BulkReviewBar#BulkReviewBar`,
        ],
        edit: {
          ...articles.admin?.components?.edit,
          // Articles are published through the workflow panel, never Payload's own buttons; only
          // "Publish changes" on an already-live article remains (for editors and admins).
          PublishButton: `${COMPONENTS}/PublishChangesButton#PublishChangesButton`,
          UnpublishButton: `${COMPONENTS}/NoButton#NoButton`,
          // One state in the header: the review state, not Payload's draft/published status.
          Status: `${COMPONENTS}/ReviewStateStatus#ReviewStateStatus`,
        },
      },
    },
    access: {
      ...articles.access,
      read: publishedStaffOrPreviewClient,
      update: canUpdateArticle,
      delete: canDeleteArticle,
    },
    hooks: {
      ...articles.hooks,
      beforeOperation: [...(articles.hooks?.beforeOperation ?? []), guardWorkflowFields],
      beforeChange: insertAfter(articles.hooks?.beforeChange, setCreatedBy, [keepWorkflowFields]),
    },
    // The bulk endpoint comes first: its path must win over Payload's `/:id` routes.
    endpoints: [
      bulkWorkflowEndpoint,
      ...(articles.endpoints || []),
      workflowEndpoint,
      assignEndpoint,
      timingEndpoint,
    ],
    fields: insertFieldsAfter(
      insertFieldsAfter(
        insertFieldsAfter(articles.fields, 'title', [workflowPanelField]),
        'outlet',
        workflowFields,
      ),
      'submittedBy',
      deskFields,
    ),
  }))
  return {
    ...withArticles,
    admin: {
      ...withArticles.admin,
      components: {
        ...withArticles.admin?.components,
        // Review queue: counts per workflow state and the articles waiting for review.
        beforeDashboard: [
          ...(withArticles.admin?.components?.beforeDashboard ?? []),
          `${COMPONENTS}/ReviewQueue#ReviewQueue`,
        ],
      },
    },
    graphQL: {
      ...withArticles.graphQL,
      mutations: withMutations(withArticles.graphQL?.mutations, workflowMutations),
    },
    jobs: {
      ...withArticles.jobs,
      tasks: [
        ...(withArticles.jobs?.tasks ?? []),
        publishScheduledArticle,
        unpublishScheduledArticle,
      ],
    },
  }
}
