import type { Config, Plugin } from 'payload'

import { ARTICLES_SLUG, CORRECTIONS_SLUG } from '@collections/slugs'
import { extendCollection, insertFieldsAfter } from '@/features/shared/extend'
import { Corrections } from './collection'
import { deleteCorrections } from './hooks/deleteCorrections'

/**
 * Corrections as one Payload plugin: the corrections collection (POST /api/corrections
 * { article, kind, text, date? }, GraphQL createCorrection) and the articles' `corrections` join
 * field listing them in date order wherever the article is read (REST, GraphQL, the admin).
 */
export const correctionsPlugin: Plugin = (config: Config): Config => {
  const withArticles = extendCollection(config, ARTICLES_SLUG, (articles) => ({
    ...articles,
    hooks: {
      ...articles.hooks,
      beforeDelete: [...(articles.hooks?.beforeDelete ?? []), deleteCorrections],
    },
    fields: insertFieldsAfter(articles.fields, 'tags', [
      {
        name: 'corrections',
        type: 'join',
        collection: CORRECTIONS_SLUG,
        on: 'article',
        defaultSort: 'date',
        defaultLimit: 100,
        label: { en: 'Corrections and updates', id: 'Ralat dan pembaruan' },
        admin: {
          defaultColumns: ['date', 'kind', 'text'],
          description: {
            en: 'Public notes on the published article, oldest first. Add one with "Add new" (published articles only; it needs no re-review).',
            id: 'Catatan publik pada artikel yang terbit, terlama dulu. Tambahkan dengan "Tambah baru" (hanya artikel terbit; tanpa tinjauan ulang).',
          },
        },
      },
    ]),
  }))
  return { ...withArticles, collections: [...(withArticles.collections ?? []), Corrections] }
}
