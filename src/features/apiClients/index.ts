import type { Config, Plugin } from 'payload'

import { publishedStaffOrPreviewClient } from '@/access/publishedStaffOrPreviewClient'
import { extendCollection } from '@/features/shared/extend'
import { API_CLIENTS_SLUG, ARTICLES_SLUG } from '@collections/slugs'
import { ApiClients } from './collection'
import { issueKeyEndpoint } from './endpoints/issueKey'
import { readOnlyForApiClients } from './graphql'
import { staffPreviewEndpoint } from './preview'

export { apiClientStrategy } from './strategy'
export { checkKey } from './lookup'
export { presentedKey, keyFingerprint, AUTH_SCHEME } from './keys'

/** Payload adds this strategy for every `useAPIKey` collection; ours replaces it (strategy.ts). */
const PAYLOAD_OWN_STRATEGY = `${API_CLIENTS_SLUG}-api-key`

/**
 * API clients as one Payload plugin: the `api-clients` auth collection (admins only) with its
 * key strategy and the key endpoint (shown once), the `preview` scope on articles (read access
 * and `?draft=true` for preview keys, src/access), GraphQL read-only for API clients, and the
 * staff draft preview (Articles `admin.preview` → GET /api/articles/:id/preview).
 */
export const apiClientsPlugin: Plugin = (config: Config): Config => {
  const withArticles = extendCollection(config, ARTICLES_SLUG, (articles) => ({
    ...articles,
    access: { ...articles.access, read: publishedStaffOrPreviewClient },
    admin: {
      ...articles.admin,
      // the admin's Preview button: the latest saved version, for staff only
      preview: (doc) =>
        doc?.id === undefined || doc?.id === null
          ? null
          : `/api/${ARTICLES_SLUG}/${encodeURIComponent(String(doc.id))}/preview`,
    },
    endpoints: [...(articles.endpoints || []), staffPreviewEndpoint],
  }))
  const previousRules = withArticles.graphQL?.validationRules
  const previousOnInit = withArticles.onInit
  return {
    ...withArticles,
    collections: [
      ...(withArticles.collections ?? []),
      { ...ApiClients, endpoints: [issueKeyEndpoint] },
    ],
    graphQL: {
      ...withArticles.graphQL,
      validationRules: (args) => [
        readOnlyForApiClients(
          (args as { contextValue?: { req?: Parameters<typeof readOnlyForApiClients>[0] } })
            .contextValue?.req,
        ),
        ...(previousRules ? previousRules(args) : []),
      ],
    },
    onInit: async (payload) => {
      payload.authStrategies = payload.authStrategies.filter(
        (strategy) => strategy.name !== PAYLOAD_OWN_STRATEGY,
      )
      await previousOnInit?.(payload)
    },
  }
}
